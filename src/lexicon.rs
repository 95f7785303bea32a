//! Phrase banks per language (data/lexicon/*.toml) compiled once into fast matchers.
//!
//! Pattern syntax, one pattern per string, matched on word tokens within one sentence,
//! case-insensitive (punctuation between words is skipped):
//! - `word` a literal word; `word*` a word starting with `word`; `a|b*|c` alternatives;
//! - `*` any one token; `..` a gap of zero to three tokens, `...` of zero to eight;
//! - `^` before the first word: it must open a clause;
//! - `<num>` a token with a digit, `<emoji>`, `<url>`, `<email>`, `<name>` (a capitalised
//!   word), `<time>` (9:00, 18.05, 9-5, 10u).
//!
//! An entry `"pattern => replacement"` carries the wording to suggest instead.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::Lang;
use crate::text::{Doc, TokenKind, TokenRange};

#[derive(Debug, Clone, PartialEq)]
enum Alt {
    Exact(String),
    Prefix(String),
    Num,
    Emoji,
    Url,
    Email,
    Name,
    Time,
}

#[derive(Debug, Clone, PartialEq)]
enum Elem {
    One(Vec<Alt>),
    Any,
    Gap(usize),
}

#[derive(Debug, Clone)]
pub struct Pattern {
    elems: Vec<Elem>,
    /// `^`: the first word must open a clause.
    anchored: bool,
    pub source: String,
    pub replacement: Option<String>,
}

/// A bank of patterns, indexed by the literal first word for speed.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
    scan: Vec<usize>,
}

/// One match: which pattern, and the token range `[start, end)` in the doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub pattern: usize,
    pub range: TokenRange,
}

fn parse_alt(s: &str) -> Alt {
    match s {
        "<num>" => Alt::Num,
        "<emoji>" => Alt::Emoji,
        "<url>" => Alt::Url,
        "<email>" => Alt::Email,
        "<name>" => Alt::Name,
        "<time>" => Alt::Time,
        _ => match s.strip_suffix('*') {
            Some(p) if !p.is_empty() => Alt::Prefix(crate::text::normalise(p)),
            _ => Alt::Exact(crate::text::normalise(s)),
        },
    }
}

impl Pattern {
    pub fn parse(entry: &str) -> Result<Pattern, String> {
        let (pat, replacement) = match entry.split_once("=>") {
            Some((p, r)) => (p.trim(), Some(r.trim().to_string())),
            None => (entry.trim(), None),
        };
        let (pat, anchored) = match pat.strip_prefix('^') {
            Some(rest) => (rest, true),
            None => (pat, false),
        };
        let mut elems = Vec::new();
        for tok in pat.split_whitespace() {
            let e = match tok {
                "*" => Elem::Any,
                ".." => Elem::Gap(3),
                "..." => Elem::Gap(8),
                _ => Elem::One(
                    tok.split('|')
                        .filter(|a| !a.is_empty())
                        .map(parse_alt)
                        .collect(),
                ),
            };
            elems.push(e);
        }
        if !matches!(elems.first(), Some(Elem::One(_)))
            || !matches!(elems.last(), Some(Elem::One(_)))
        {
            return Err(format!("pattern {entry:?} must start and end with a word"));
        }
        Ok(Pattern {
            elems,
            anchored,
            source: pat.to_string(),
            replacement,
        })
    }

    /// Builds a literal pattern from user text (custom rules): every word must match.
    pub fn literal(phrase: &str, replacement: Option<String>) -> Option<Pattern> {
        let doc = Doc::new(phrase);
        let elems: Vec<Elem> = doc
            .tokens
            .iter()
            .filter(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline
                )
            })
            .map(|t| Elem::One(vec![Alt::Exact(t.norm.clone())]))
            .collect();
        if elems.is_empty() {
            return None;
        }
        Some(Pattern {
            elems,
            anchored: false,
            source: phrase.to_string(),
            replacement,
        })
    }
}

fn alt_matches(alt: &Alt, doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    match alt {
        Alt::Exact(w) => t.norm == *w,
        Alt::Prefix(p) => t.is_word() && t.norm.starts_with(p.as_str()),
        Alt::Num => t.is_word() && t.has_digit(),
        Alt::Emoji => t.kind == TokenKind::Emoji,
        Alt::Url => t.kind == TokenKind::Url,
        Alt::Email => t.kind == TokenKind::Email,
        Alt::Name => {
            t.is_word()
                && t.text(doc.source)
                    .chars()
                    .next()
                    .map(char::is_uppercase)
                    .unwrap_or(false)
        }
        Alt::Time => t.is_word() && is_time(&t.norm),
    }
}

/// 9:00, 18.05, 9-5, 10u, 14u30, 10am, 5pm
pub fn is_time(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return false;
    }
    let digits_then = |sep: &[u8]| -> bool {
        let mut parts = w.splitn(2, |c: char| sep.contains(&(c as u8)));
        let (a, z) = (parts.next().unwrap_or(""), parts.next());
        match z {
            Some(z) => {
                a.len() <= 2
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && !z.is_empty()
                    && z.len() <= 2
                    && z.bytes().all(|c| c.is_ascii_digit())
            }
            None => false,
        }
    };
    if digits_then(b":.") {
        return true;
    }
    if digits_then(b"-") {
        // 9-5 but not 06-12345678
        return w.len() <= 5;
    }
    for suffix in ["u", "am", "pm", "uur"] {
        if let Some(n) = w.strip_suffix(suffix) {
            if !n.is_empty() && n.len() <= 2 && n.bytes().all(|c| c.is_ascii_digit()) {
                return true;
            }
        }
    }
    if let Some((h, m)) = w.split_once('u') {
        return h.len() <= 2
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit());
    }
    false
}

/// Indexes of the matchable tokens of a sentence (words, emoji, links, e-mail, mentions).
fn matchable(doc: &Doc, range: TokenRange) -> Vec<usize> {
    (range.start..range.end)
        .filter(|&i| {
            !matches!(
                doc.tokens[i].kind,
                TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline
            )
        })
        .collect()
}

fn match_at(elems: &[Elem], doc: &Doc, seq: &[usize], pos: usize) -> Option<usize> {
    // returns the position in `seq` one past the last matched token
    let Some((first, rest)) = elems.split_first() else {
        return Some(pos);
    };
    match first {
        Elem::One(alts) => {
            let &i = seq.get(pos)?;
            if alts.iter().any(|a| alt_matches(a, doc, i)) {
                match_at(rest, doc, seq, pos + 1)
            } else {
                None
            }
        }
        Elem::Any => {
            seq.get(pos)?;
            match_at(rest, doc, seq, pos + 1)
        }
        Elem::Gap(max) => (0..=*max).find_map(|skip| {
            if pos + skip > seq.len() {
                None
            } else {
                match_at(rest, doc, seq, pos + skip)
            }
        }),
    }
}

impl PhraseSet {
    pub fn new(patterns: Vec<Pattern>) -> PhraseSet {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut scan = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            match p.elems.first() {
                Some(Elem::One(alts)) if alts.iter().all(|a| matches!(a, Alt::Exact(_))) => {
                    for a in alts {
                        if let Alt::Exact(w) = a {
                            by_first.entry(w.clone()).or_default().push(i);
                        }
                    }
                }
                _ => scan.push(i),
            }
        }
        PhraseSet {
            patterns,
            by_first,
            scan,
        }
    }

    pub fn from_entries(entries: &[String]) -> Result<PhraseSet, String> {
        Ok(PhraseSet::new(
            entries
                .iter()
                .map(|e| Pattern::parse(e))
                .collect::<Result<_, _>>()?,
        ))
    }

    pub fn pattern(&self, i: usize) -> &Pattern {
        &self.patterns[i]
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// All matches in `range` (a sentence or clause), longest first at each start,
    /// without overlaps.
    pub fn find_in(&self, doc: &Doc, range: TokenRange) -> Vec<Hit> {
        let seq = matchable(doc, range);
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < seq.len() {
            let tok = &doc.tokens[seq[pos]];
            let mut best: Option<(usize, usize)> = None; // (end pos, pattern)
            let candidates = self
                .by_first
                .get(&tok.norm)
                .into_iter()
                .flatten()
                .chain(self.scan.iter());
            for &pid in candidates {
                if self.patterns[pid].anchored && !doc.opens_clause(seq[pos]) {
                    continue;
                }
                if let Some(end) = match_at(&self.patterns[pid].elems, doc, &seq, pos) {
                    if best.map(|(e, _)| end > e).unwrap_or(true) {
                        best = Some((end, pid));
                    }
                }
            }
            if let Some((end, pid)) = best {
                hits.push(Hit {
                    pattern: pid,
                    range: TokenRange {
                        start: seq[pos],
                        end: seq[end - 1] + 1,
                    },
                });
                pos = end;
            } else {
                pos += 1;
            }
        }
        hits
    }

    /// All matches in the whole doc, sentence by sentence.
    pub fn find(&self, doc: &Doc) -> Vec<Hit> {
        doc.sentences
            .iter()
            .flat_map(|s| self.find_in(doc, s.tokens))
            .collect()
    }

    pub fn any_in(&self, doc: &Doc, range: TokenRange) -> bool {
        !self.find_in(doc, range).is_empty()
    }
}

#[derive(Debug, Deserialize)]
struct LexiconFile {
    #[serde(default)]
    words: HashMap<String, Vec<String>>,
    #[serde(default)]
    phrases: HashMap<String, Vec<String>>,
    #[serde(default)]
    templates: HashMap<String, String>,
    #[serde(default)]
    register: RegisterTable,
}

/// Dutch register conversion: verb forms with `je` (stem) and with `u` (stem + t).
#[derive(Debug, Default, Deserialize, Clone)]
pub struct RegisterTable {
    #[serde(default)]
    pub verbs: Vec<(String, String)>,
}

/// Everything the engine knows about one language.
#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    words: HashMap<String, HashSet<String>>,
    phrases: HashMap<String, PhraseSet>,
    templates: HashMap<String, String>,
    pub register: RegisterTable,
}

static EMPTY_SET: OnceLock<HashSet<String>> = OnceLock::new();
static EMPTY_PHRASES: OnceLock<PhraseSet> = OnceLock::new();

impl Lexicon {
    fn load(lang: Lang, json: &str) -> Result<Lexicon, String> {
        let file: LexiconFile =
            serde_json::from_str(json).map_err(|e| format!("lexicon {}: {e}", lang.code()))?;
        let words = file
            .words
            .into_iter()
            .map(|(k, v)| (k, v.iter().map(|w| crate::text::normalise(w)).collect()))
            .collect();
        let mut phrases = HashMap::new();
        for (k, v) in file.phrases {
            let set = PhraseSet::from_entries(&v)
                .map_err(|e| format!("lexicon {} [{k}]: {e}", lang.code()))?;
            phrases.insert(k, set);
        }
        Ok(Lexicon {
            lang,
            words,
            phrases,
            templates: file.templates,
            register: file.register,
        })
    }

    /// A word list (`[words]` in the data file).
    pub fn words(&self, name: &str) -> &HashSet<String> {
        self.words
            .get(name)
            .unwrap_or_else(|| EMPTY_SET.get_or_init(HashSet::new))
    }

    pub fn has_word(&self, list: &str, w: &str) -> bool {
        self.words(list).contains(w)
    }

    /// A phrase bank (`[phrases]` in the data file).
    pub fn phrases(&self, name: &str) -> &PhraseSet {
        self.phrases
            .get(name)
            .unwrap_or_else(|| EMPTY_PHRASES.get_or_init(PhraseSet::default))
    }

    /// A template (`[templates]`), with `{name}`-style holes filled from `vars`.
    pub fn template(&self, name: &str, vars: &[(&str, &str)]) -> String {
        let mut s = self.templates.get(name).cloned().unwrap_or_default();
        for (k, v) in vars {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    pub fn categories(&self) -> impl Iterator<Item = (&String, &PhraseSet)> {
        self.phrases.iter()
    }
}

static LEXICONS: OnceLock<(Lexicon, Lexicon)> = OnceLock::new();

/// The built-in lexicon for a language, parsed once.
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    let (nl, en) = LEXICONS.get_or_init(|| {
        (
            Lexicon::load(
                Lang::Nl,
                include_str!(concat!(env!("OUT_DIR"), "/lexicon-nl.json")),
            )
            .expect("built-in Dutch lexicon is valid (checked by the tests)"),
            Lexicon::load(
                Lang::En,
                include_str!(concat!(env!("OUT_DIR"), "/lexicon-en.json")),
            )
            .expect("built-in English lexicon is valid (checked by the tests)"),
        )
    });
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(p: &[&str]) -> PhraseSet {
        PhraseSet::from_entries(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn literal_prefix_gap_and_alternatives() {
        let s = set(&["sorry to hear", "excus*", "stuur .. dm", "i'll check|look"]);
        let d = Doc::new("Oh, sorry to hear! Onze excuses. Stuur me even een DM? I'll look.");
        let hits = s.find(&d);
        let found: Vec<_> = hits
            .iter()
            .map(|h| s.pattern(h.pattern).source.clone())
            .collect();
        assert_eq!(
            found,
            ["sorry to hear", "excus*", "stuur .. dm", "i'll check|look"]
        );
    }

    #[test]
    fn does_not_cross_sentences() {
        let s = set(&["klopt niet"]);
        assert!(s.find(&Doc::new("Dat klopt. Niet doen")).is_empty());
        assert_eq!(s.find(&Doc::new("Dat, klopt niet")).len(), 1);
    }

    #[test]
    fn classes() {
        let s = set(&["vanaf <time>", "code <num>"]);
        assert_eq!(s.find(&Doc::new("open vanaf 9:00 met code BF30")).len(), 2);
        assert!(is_time("18:05") && is_time("9-5") && is_time("10u") && !is_time("06-12345678"));
    }

    #[test]
    fn replacement_payload() {
        let p = Pattern::parse("wij betreuren het ongemak => wat vervelend").unwrap();
        assert_eq!(p.replacement.as_deref(), Some("wat vervelend"));
        assert!(Pattern::parse(".. foo").is_err());
    }

    #[test]
    fn builtin_lexicons_load() {
        for lang in [Lang::Nl, Lang::En] {
            let lx = lexicon(lang);
            assert!(!lx.words("function").is_empty());
            assert!(!lx.phrases("sympathy").is_empty());
        }
    }
}
