//! Phrase patterns and the sets that match them. The syntax, one pattern per string,
//! matched on the matchable tokens (words, emoji, links, e-mail addresses, mentions) of
//! one sentence, case-insensitive (punctuation between words is skipped):
//! - `word` a literal word; `word*` a word starting with `word`; `a|b*|c` alternatives;
//! - `*` any one token; `..` a gap of zero to three tokens, `...` of zero to eight;
//! - `^` before the first word: it must open a clause;
//! - `<num>` a token with a digit, `<emoji>`, `<url>`, `<email>`, `<name>` (a capitalised
//!   word), `<time>` (9:00, 18.05, 9-5, 10u), `<money>` (an amount next to a currency
//!   sign: €4,50, $12, 12€).
//!
//! An entry `"pattern => replacement"` carries the wording to suggest instead.

use crate::fxhash::FastMap;
use crate::text::{Doc, Token, TokenKind, TokenRange};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Alt {
    /// A literal word, with its id in the lexicon's vocabulary ([`NO_ID`] in a set built
    /// outside a lexicon, such as a user's own phrases).
    Exact(String, u32),
    Prefix(String),
    Num,
    Emoji,
    Url,
    Email,
    Name,
    Time,
    Money,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Elem {
    One(Vec<Alt>),
    Any,
    Gap(usize),
}

#[derive(Debug, Clone)]
pub struct Pattern {
    pub(super) elems: Vec<Elem>,
    /// `^`: the first word must open a clause.
    pub(super) anchored: bool,
    pub source: String,
    pub replacement: Option<String>,
}

/// A bank of patterns, indexed by the literal first word for speed.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    pub(super) patterns: Vec<Pattern>,
    /// Patterns by their literal first word,
    by_first: FastMap<String, Vec<usize>>,
    /// by the first letter of a first-word prefix (`excus*`),
    /// (pairs, not a map: a few dozen letters at most, and a map type of its own cost the
    /// wasm more than the search)
    by_initial: Vec<(char, Vec<usize>)>,
    /// and by the kind of token a first-word class needs.
    with_digit: Vec<usize>,
    with_url: Vec<usize>,
    with_email: Vec<usize>,
    with_emoji: Vec<usize>,
    with_capital: Vec<usize>,
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
        "<money>" => Alt::Money,
        _ => match s.strip_suffix('*') {
            Some(p) if !p.is_empty() => Alt::Prefix(crate::text::normalise(p)),
            _ => Alt::Exact(crate::text::normalise(s), NO_ID),
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
            .map(|t| Elem::One(vec![Alt::Exact(t.norm.to_string(), NO_ID)]))
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

/// A word outside the vocabulary (see [`Lexicon::word_ids`]).
pub const NO_ID: u32 = u32::MAX;

/// The tokens of the doc being matched, with their vocabulary ids when the patterns come
/// from a lexicon (comparing ids instead of strings).
#[derive(Clone, Copy)]
pub(super) struct Subject<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub ids: Option<&'d [u32]>,
}

#[inline]
fn alt_matches(alt: &Alt, subject: Subject, i: usize) -> bool {
    let doc = subject.doc;
    let t = &doc.tokens[i];
    match alt {
        Alt::Exact(w, id) => match subject.ids {
            Some(ids) if *id != NO_ID => ids[i] == *id,
            _ => t.norm == *w,
        },
        Alt::Prefix(p) => t.is_word() && t.norm.starts_with(p.as_str()),
        Alt::Num => t.is_word() && t.has_digit(),
        Alt::Emoji => t.kind == TokenKind::Emoji,
        Alt::Url => t.kind == TokenKind::Url,
        Alt::Email => t.kind == TokenKind::Email,
        Alt::Name => t.is_word() && crate::text::starts_upper(t.text(doc.source)),
        Alt::Time => t.is_word() && is_time(&t.norm),
        Alt::Money => {
            t.is_word()
                && t.has_digit()
                && [i.checked_sub(1), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| doc.tokens.get(k))
                    .any(|n| n.kind == TokenKind::Punct && is_currency_sign(n.text(doc.source)))
        }
    }
}

/// A currency sign: the same in every language, so no word of any.
fn is_currency_sign(s: &str) -> bool {
    matches!(
        s,
        "€" | "$" | "£" | "¥" | "₹" | "₺" | "₽" | "₩" | "₪" | "₫" | "₦" | "₱"
    )
}

/// 9:00, 18.05, 9-5, 10u, 14u30, 10am, 5pm
pub fn is_time(w: &str) -> bool {
    // a range of times: "10am-4pm", "12:00-17:00"
    if let Some((a, z)) = w.split_once('-') {
        if !a.is_empty() && !z.is_empty() && (is_time(a) && is_time(z)) {
            return true;
        }
    }
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
    // "10u", "10am"; "14u30" (the time lists of the lexicons)
    let hours = |n: &str| !n.is_empty() && n.len() <= 2 && n.bytes().all(|c| c.is_ascii_digit());
    if super::words_in_any_language(super::List::TimeSuffix)
        .iter()
        .any(|suffix| w.strip_suffix(suffix.as_str()).is_some_and(hours))
    {
        return true;
    }
    super::words_in_any_language(super::List::TimeInfix)
        .iter()
        .filter_map(|infix| w.split_once(infix.as_str()))
        .take(1)
        .any(|(h, m)| {
            h.len() <= 2 && m.len() == 2 && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
        })
}

/// Indexes of the matchable tokens of a sentence (words, emoji, links, e-mail, mentions).
fn matchable(doc: &Doc, range: TokenRange) -> Vec<usize> {
    let mut seq = Vec::with_capacity(range.end.saturating_sub(range.start));
    matchable_into(doc, range, &mut seq);
    seq
}

/// [`matchable`] into a buffer the caller reuses.
pub(super) fn matchable_into(doc: &Doc, range: TokenRange, seq: &mut Vec<usize>) {
    seq.clear();
    seq.extend((range.start..range.end).filter(|&i| {
        !matches!(
            doc.tokens[i].kind,
            TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline
        )
    }));
}

pub(super) fn match_at(elems: &[Elem], doc: Subject, seq: &[usize], pos: usize) -> Option<usize> {
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
        let mut set = PhraseSet {
            patterns: Vec::new(),
            ..PhraseSet::default()
        };
        for (i, p) in patterns.iter().enumerate() {
            let Some(Elem::One(alts)) = p.elems.first() else {
                continue;
            };
            for a in alts {
                match a {
                    Alt::Exact(w, _) => set.by_first.entry(w.clone()).or_default().push(i),
                    Alt::Prefix(pre) => {
                        let c = pre.chars().next().unwrap_or(' ');
                        match set.by_initial.iter_mut().find(|(k, _)| *k == c) {
                            Some((_, list)) => list.push(i),
                            None => set.by_initial.push((c, vec![i])),
                        }
                    }
                    Alt::Num | Alt::Time | Alt::Money => set.with_digit.push(i),
                    Alt::Url => set.with_url.push(i),
                    Alt::Email => set.with_email.push(i),
                    Alt::Emoji => set.with_emoji.push(i),
                    Alt::Name => set.with_capital.push(i),
                }
            }
        }
        for list in set
            .by_first
            .values_mut()
            .chain(set.by_initial.iter_mut().map(|(_, l)| l))
        {
            list.dedup();
        }
        set.patterns = patterns;
        set
    }

    /// The patterns that may start at token `t`.
    fn candidates<'s>(&'s self, t: &Token) -> impl Iterator<Item = usize> + 's {
        let exact = self
            .by_first
            .get(t.norm.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        exact.iter().copied().chain(self.inexact_candidates(t))
    }

    /// The patterns that may start at token `t` by a prefix or a class of token (not by
    /// a literal first word).
    pub(super) fn inexact_candidates<'s>(&'s self, t: &Token) -> impl Iterator<Item = usize> + 's {
        let none: &[usize] = &[];
        let initial = if t.is_word() {
            t.norm
                .chars()
                .next()
                .and_then(|c| self.by_initial.iter().find(|(k, _)| *k == c))
                .map(|(_, l)| l.as_slice())
                .unwrap_or(none)
        } else {
            none
        };
        let class: &[usize] = match t.kind {
            TokenKind::Word if t.has_digit() => &self.with_digit,
            TokenKind::Url => &self.with_url,
            TokenKind::Email => &self.with_email,
            TokenKind::Emoji => &self.with_emoji,
            _ => none,
        };
        let capital: &[usize] = if t.is_word() {
            &self.with_capital
        } else {
            none
        };
        initial.iter().chain(class).chain(capital).copied()
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
            for pid in self.candidates(tok) {
                if self.patterns[pid].anchored && !doc.opens_clause(seq[pos]) {
                    continue;
                }
                let subject = Subject { doc, ids: None };
                if let Some(end) = match_at(&self.patterns[pid].elems, subject, &seq, pos) {
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
}

/// Gives every literal word of `patterns` its id in `vocabulary`, the lexicon's word
/// entries (adding new words, numbered in order; in no list yet).
pub(super) fn number_words(
    patterns: &mut [Pattern],
    vocabulary: &mut FastMap<String, crate::text::WordEntry>,
) {
    for p in patterns {
        for e in &mut p.elems {
            if let Elem::One(alts) = e {
                for a in alts {
                    if let Alt::Exact(w, id) = a {
                        let next = vocabulary.len() as u32;
                        *id = vocabulary
                            .entry(w.clone())
                            .or_insert(crate::text::WordEntry { id: next, lists: 0 })
                            .id;
                    }
                }
            }
        }
    }
}

/// For each word id of a vocabulary of `vocabulary_len` words, the patterns whose first
/// element has it as a literal alternative.
pub(super) fn by_first_word_id(patterns: &[Pattern], vocabulary_len: usize) -> Vec<Vec<usize>> {
    let mut first_by_id: Vec<Vec<usize>> = vec![Vec::new(); vocabulary_len];
    for (pid, p) in patterns.iter().enumerate() {
        if let Some(Elem::One(alts)) = p.elems.first() {
            for a in alts {
                if let Alt::Exact(_, id) = a {
                    let list = &mut first_by_id[*id as usize];
                    if list.last() != Some(&pid) {
                        list.push(pid);
                    }
                }
            }
        }
    }
    first_by_id
}

impl Pattern {
    /// The ids of the words this pattern cannot match without: its one-word elements
    /// after the first (numbered by [`number_words`]).
    pub(super) fn required_ids(&self) -> Box<[u32]> {
        self.elems
            .iter()
            .skip(1)
            .filter_map(|e| match e {
                Elem::One(alts) => match alts.as_slice() {
                    [Alt::Exact(_, id)] if *id != NO_ID => Some(*id),
                    _ => None,
                },
                _ => None,
            })
            .collect()
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
}
