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
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::Lang;
use crate::text::{Doc, Norm, TokenKind, TokenRange};

/// A small, fast hasher for short word keys (the Fx hash of rustc). The maps here are
/// built from our own data, never from attacker-chosen keys, so a DoS-resistant hash
/// buys nothing and SipHash was a fifth of the analysis time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // eight bytes at a time, little-endian, the last chunk zero-padded; no copy into
        // a buffer (in wasm a copy is a call)
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.add(
                tail.iter()
                    .rev()
                    .fold(0u64, |word, &b| word << 8 | b as u64),
            );
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The word lists the engine asks about (`[words]` in a lexicon file; the words are
/// data, these names are what the code refers to). A lexicon may leave a list out; a
/// list name the code does not know is an error when the lexicon loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    AnswerWords,
    Department,
    FirstPerson,
    FormalPronoun,
    Function,
    Greeting,
    Imperative,
    Informal,
    InformalPronoun,
    Interjection,
    NotAName,
    PrivateChannel,
    SignOff,
    Stop,
    TagQuestion,
    Title,
    Weekday,
}

// a word's lists are a u64 of bits, and all ones means "not looked up" (text::Norm)
const _: () = assert!(List::ALL.len() < 64);

impl List {
    pub const ALL: [List; 17] = [
        List::AnswerWords,
        List::Department,
        List::FirstPerson,
        List::FormalPronoun,
        List::Function,
        List::Greeting,
        List::Imperative,
        List::Informal,
        List::InformalPronoun,
        List::Interjection,
        List::NotAName,
        List::PrivateChannel,
        List::SignOff,
        List::Stop,
        List::TagQuestion,
        List::Title,
        List::Weekday,
    ];

    /// The list's name in the lexicon files.
    pub fn name(self) -> &'static str {
        match self {
            List::AnswerWords => "answer_words",
            List::Department => "department",
            List::FirstPerson => "first_person",
            List::FormalPronoun => "formal_pronoun",
            List::Function => "function",
            List::Greeting => "greeting",
            List::Imperative => "imperative",
            List::Informal => "informal",
            List::InformalPronoun => "informal_pronoun",
            List::Interjection => "interjection",
            List::NotAName => "not_a_name",
            List::PrivateChannel => "private_channel",
            List::SignOff => "sign_off",
            List::Stop => "stop",
            List::TagQuestion => "tag_question",
            List::Title => "title",
            List::Weekday => "weekday",
        }
    }

    fn from_name(name: &str) -> Option<List> {
        List::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The list's bit in a word's set of lists.
    #[inline]
    pub fn bit(self) -> u64 {
        1 << self as u32
    }
}

pub use crate::text::WordEntry;

/// A word to look up in a lexicon: a plain string, or a token's [`Norm`], which
/// remembers its entry per language after the first lookup (language detection, phrase
/// matching and every reader ask about the same tokens).
pub trait LexWord {
    fn entry_in(&self, lx: &Lexicon) -> WordEntry;
}

impl LexWord for str {
    #[inline]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        lx.entries.get(self).copied().unwrap_or(WordEntry::UNKNOWN)
    }
}

impl LexWord for String {
    #[inline]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        self.as_str().entry_in(lx)
    }
}

impl<W: LexWord + ?Sized> LexWord for &W {
    #[inline]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        (**self).entry_in(lx)
    }
}

impl LexWord for Norm {
    #[inline]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        if !lx.built_in {
            return self.as_str().entry_in(lx);
        }
        // one lookup for both languages: language detection asks about both anyway
        self.entry_cached(lx.lang, || {
            built_in_words()
                .get(self.as_str())
                .copied()
                .unwrap_or([WordEntry::UNKNOWN; 2])
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Alt {
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
    /// Patterns by their literal first word,
    by_first: FastMap<String, Vec<usize>>,
    /// by the first letter of a first-word prefix (`excus*`),
    by_initial: FastMap<char, Vec<usize>>,
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
struct Subject<'d, 'a> {
    doc: &'d Doc<'a>,
    ids: Option<&'d [u32]>,
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
    }
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
    let mut seq = Vec::with_capacity(range.end.saturating_sub(range.start));
    matchable_into(doc, range, &mut seq);
    seq
}

/// [`matchable`] into a buffer the caller reuses.
fn matchable_into(doc: &Doc, range: TokenRange, seq: &mut Vec<usize>) {
    seq.clear();
    seq.extend((range.start..range.end).filter(|&i| {
        !matches!(
            doc.tokens[i].kind,
            TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline
        )
    }));
}

fn match_at(elems: &[Elem], doc: Subject, seq: &[usize], pos: usize) -> Option<usize> {
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
                    Alt::Prefix(pre) => set
                        .by_initial
                        .entry(pre.chars().next().unwrap_or(' '))
                        .or_default()
                        .push(i),
                    Alt::Num | Alt::Time => set.with_digit.push(i),
                    Alt::Url => set.with_url.push(i),
                    Alt::Email => set.with_email.push(i),
                    Alt::Emoji => set.with_emoji.push(i),
                    Alt::Name => set.with_capital.push(i),
                }
            }
        }
        for list in set.by_first.values_mut().chain(set.by_initial.values_mut()) {
            list.dedup();
        }
        set.patterns = patterns;
        set
    }

    /// The patterns that may start at token `t`.
    fn candidates<'s>(&'s self, t: &crate::text::Token) -> impl Iterator<Item = usize> + 's {
        let exact = self
            .by_first
            .get(t.norm.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        exact.iter().copied().chain(self.inexact_candidates(t))
    }

    /// The patterns that may start at token `t` by a prefix or a class of token (not by
    /// a literal first word).
    fn inexact_candidates<'s>(
        &'s self,
        t: &crate::text::Token,
    ) -> impl Iterator<Item = usize> + 's {
        let none: &[usize] = &[];
        let initial = if t.is_word() {
            t.norm
                .chars()
                .next()
                .and_then(|c| self.by_initial.get(&c))
                .map(Vec::as_slice)
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
    /// Every word of the word lists and the patterns: one lookup answers both (see
    /// [`WordEntry`]).
    entries: FastMap<String, WordEntry>,
    /// One of the two built-in lexicons (see [`lexicon`]), whose entries are also in
    /// the table of both languages.
    built_in: bool,
    phrases: FastMap<String, PhraseSet>,
    templates: HashMap<String, String>,
    pub register: RegisterTable,
    /// Every category's patterns in one matcher, so one pass finds all of them.
    combined: PhraseSet,
    /// For each pattern of `combined`: its category id and its index in that category.
    owners: Vec<(usize, usize)>,
    category_ids: FastMap<String, usize>,
    /// The patterns of `combined` by the id of a literal first word.
    first_by_id: Vec<Vec<usize>>,
    /// For each pattern of `combined`: the ids of the words it cannot match without (its
    /// one-word elements after the first), so that a sentence lacking one of them is
    /// passed over without matching (see [`Lexicon::find_all`]).
    required: Vec<Box<[u32]>>,
}

/// Phrase hits remembered by sentence for the several readings of one analysis: the
/// rewrite re-reads drafts that share most of their sentences with the original, and a
/// sentence's hits depend on nothing outside it (its tokens and their clauses). A
/// sentence is found again by its text and its tokens' kinds and spans, compared in
/// full, so a hash collision only costs a recomputation.
#[derive(Default)]
pub struct HitMemo {
    sentences: FastMap<u64, MemoSentence>,
    /// Remember new sentences (off when nothing will read the text again).
    keep: bool,
}

impl HitMemo {
    /// A memo that keeps what it is given, for an analysis that reads texts again.
    pub fn keeping() -> HitMemo {
        HitMemo {
            sentences: FastMap::default(),
            keep: true,
        }
    }
}

struct MemoSentence {
    lang: Lang,
    text: String,
    /// Each token's kind and byte span, relative to the sentence's start.
    tokens: Vec<(TokenKind, usize, usize)>,
    /// The sentence's hits, in the order they were found: (category, pattern, token
    /// range relative to the sentence's first token).
    hits: Vec<(usize, usize, usize, usize)>,
}

impl MemoSentence {
    fn matches(&self, lang: Lang, text: &str, doc: &Doc, range: TokenRange, at: usize) -> bool {
        self.lang == lang
            && self.text == text
            && self.tokens.len() == range.end - range.start
            && doc.tokens[range.start..range.end]
                .iter()
                .zip(&self.tokens)
                .all(|(t, &(kind, a, b))| {
                    t.kind == kind && t.byte.0 - at == a && t.byte.1 - at == b
                })
    }
}

/// The hits of every category in one text (see [`Lexicon::find_all`]).
#[derive(Debug, Clone)]
pub struct CategoryHits {
    lx: &'static Lexicon,
    by_category: Vec<Vec<Hit>>,
}

impl CategoryHits {
    /// The hits of one category, in text order (`Hit::pattern` indexes the category's
    /// own phrase set, as `Lexicon::phrases(name).pattern(i)`).
    pub fn get(&self, category: &str) -> &[Hit] {
        self.lx
            .category_ids
            .get(category)
            .map(|&i| self.by_category[i].as_slice())
            .unwrap_or(&[])
    }
}

static EMPTY_PHRASES: OnceLock<PhraseSet> = OnceLock::new();

impl Lexicon {
    fn load(lang: Lang, json: &str) -> Result<Lexicon, String> {
        let file: LexiconFile =
            serde_json::from_str(json).map_err(|e| format!("lexicon {}: {e}", lang.code()))?;
        let mut word_lists: FastMap<String, u64> = FastMap::default();
        for (name, list) in &file.words {
            let bit = List::from_name(name)
                .ok_or_else(|| {
                    format!("lexicon {}: unknown word list [words] {name}", lang.code())
                })?
                .bit();
            for w in list {
                *word_lists.entry(crate::text::normalise(w)).or_default() |= bit;
            }
        }
        let mut phrases = FastMap::default();
        let mut all_patterns = Vec::new();
        let mut owners = Vec::new();
        let mut category_ids = FastMap::default();
        let mut names: Vec<&String> = file.phrases.keys().collect();
        names.sort();
        for (id, k) in names.into_iter().enumerate() {
            let set = PhraseSet::from_entries(&file.phrases[k])
                .map_err(|e| format!("lexicon {} [{k}]: {e}", lang.code()))?;
            for (i, p) in set.patterns.iter().enumerate() {
                all_patterns.push(p.clone());
                owners.push((id, i));
            }
            category_ids.insert(k.clone(), id);
            phrases.insert(k.clone(), set);
        }
        // (only the combined set is matched by id; the per-category sets compare words)
        let mut vocabulary = FastMap::default();
        number_words(&mut all_patterns, &mut vocabulary);
        let vocabulary_len = vocabulary.len();
        let mut entries: FastMap<String, WordEntry> = vocabulary
            .into_iter()
            .map(|(w, id)| (w, WordEntry { id, lists: 0 }))
            .collect();
        for (w, lists) in word_lists {
            entries.entry(w).or_insert(WordEntry::UNKNOWN).lists = lists;
        }
        let mut first_by_id: Vec<Vec<usize>> = vec![Vec::new(); vocabulary_len];
        for (pid, p) in all_patterns.iter().enumerate() {
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
        let required = all_patterns
            .iter()
            .map(|p| {
                p.elems
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
            })
            .collect();
        Ok(Lexicon {
            lang,
            built_in: false,
            required,
            entries,
            phrases,
            templates: file.templates,
            register: file.register,
            combined: PhraseSet::new(all_patterns),
            owners,
            category_ids,
            first_by_id,
        })
    }

    /// Each token's id in the vocabulary of the patterns ([`NO_ID`] for other words):
    /// matching then compares numbers, not strings.
    pub fn word_ids(&self, doc: &Doc) -> Vec<u32> {
        doc.tokens
            .iter()
            .map(|t| t.norm.entry_in(self).id)
            .collect()
    }

    /// `w` is in `list`.
    #[inline]
    pub fn has_word<W: LexWord + ?Sized>(&self, list: List, w: &W) -> bool {
        w.entry_in(self).lists & list.bit() != 0
    }

    /// `w` is in at least one of `lists`.
    #[inline]
    pub fn has_word_in_any<W: LexWord + ?Sized>(&self, lists: &[List], w: &W) -> bool {
        let bits = lists.iter().fold(0, |acc, l| acc | l.bit());
        w.entry_in(self).lists & bits != 0
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

    /// Every category's hits in `doc`, in one pass: per category, the longest match at
    /// each start and no overlaps (as [`PhraseSet::find`] gives for one category).
    pub fn find_all(&'static self, doc: &Doc) -> CategoryHits {
        self.find_all_with(doc, &mut HitMemo::default())
    }

    /// [`Lexicon::find_all`], taking the hits of sentences it has seen before from
    /// `memo`, and leaving the new ones there.
    pub fn find_all_with(&'static self, doc: &Doc, memo: &mut HitMemo) -> CategoryHits {
        let n = self.category_ids.len();
        let mut by_category: Vec<Vec<Hit>> = vec![Vec::new(); n];
        let mut best: Vec<(usize, usize, usize)> = Vec::new(); // (category, end, pattern)
        let set = &self.combined;
        let ids = self.word_ids(doc);
        let subject = Subject {
            doc,
            ids: Some(&ids),
        };
        // the vocabulary ids present in the sentence, as bits (set and cleared per sentence)
        let mut present = vec![0u64; self.first_by_id.len().div_ceil(64)];
        let mut free_from = vec![0usize; n];
        let mut seq = Vec::new();
        let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
        // (a memo that keeps nothing and holds nothing: no sentence keys to compute)
        let use_memo = memo.keep || !memo.sentences.is_empty();
        for s in &doc.sentences {
            let (at, to) = doc.byte_range(s.tokens);
            let text = &doc.source[at..to];
            let key = if use_memo {
                let mut h = FxHasher::default();
                h.write(text.as_bytes());
                h.write_u8(self.lang as u8);
                h.finish()
            } else {
                0
            };
            if let Some(m) = memo.sentences.get(&key).filter(|_| use_memo) {
                if m.matches(self.lang, text, doc, s.tokens, at) {
                    for &(cat, pattern, a, b) in &m.hits {
                        by_category[cat].push(Hit {
                            pattern,
                            range: TokenRange {
                                start: s.tokens.start + a,
                                end: s.tokens.start + b,
                            },
                        });
                    }
                    continue;
                }
            }
            found.clear();
            matchable_into(doc, s.tokens, &mut seq);
            free_from.fill(0);
            for &i in &seq {
                if let Some(id) = ids.get(i).filter(|&&id| id != NO_ID) {
                    present[*id as usize / 64] |= 1 << (id % 64);
                }
            }
            let has_all = |pid: usize| {
                self.required[pid]
                    .iter()
                    .all(|&id| present[id as usize / 64] & (1 << (id % 64)) != 0)
            };
            for pos in 0..seq.len() {
                best.clear();
                let tok = &doc.tokens[seq[pos]];
                // patterns whose literal first word is this token's (by its id: no
                // hashing, and that first word need not be checked again), then the rest
                let by_word = self
                    .first_by_id
                    .get(ids[seq[pos]] as usize)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let candidates = by_word
                    .iter()
                    .map(|&pid| (pid, true))
                    .chain(set.inexact_candidates(tok).map(|pid| (pid, false)));
                for (pid, first_matched) in candidates {
                    let (cat, local) = self.owners[pid];
                    if pos < free_from[cat]
                        || (set.patterns[pid].anchored && !doc.opens_clause(seq[pos]))
                        || !has_all(pid)
                    {
                        continue;
                    }
                    let elems = &set.patterns[pid].elems;
                    let end = if first_matched {
                        match_at(&elems[1..], subject, &seq, pos + 1)
                    } else {
                        match_at(elems, subject, &seq, pos)
                    };
                    if let Some(end) = end {
                        match best.iter_mut().find(|b| b.0 == cat) {
                            Some(b) if end > b.1 => *b = (cat, end, local),
                            Some(_) => {}
                            None => best.push((cat, end, local)),
                        }
                    }
                }
                for &(cat, end, local) in &best {
                    let range = TokenRange {
                        start: seq[pos],
                        end: seq[end - 1] + 1,
                    };
                    by_category[cat].push(Hit {
                        pattern: local,
                        range,
                    });
                    found.push((
                        cat,
                        local,
                        range.start - s.tokens.start,
                        range.end - s.tokens.start,
                    ));
                    free_from[cat] = end;
                }
            }
            for &i in &seq {
                if let Some(id) = ids.get(i).filter(|&&id| id != NO_ID) {
                    present[*id as usize / 64] &= !(1 << (id % 64));
                }
            }
            if !memo.keep {
                continue;
            }
            memo.sentences.insert(
                key,
                MemoSentence {
                    lang: self.lang,
                    text: text.to_string(),
                    tokens: doc.tokens[s.tokens.start..s.tokens.end]
                        .iter()
                        .map(|t| (t.kind, t.byte.0 - at, t.byte.1 - at))
                        .collect(),
                    hits: found.clone(),
                },
            );
        }
        CategoryHits {
            lx: self,
            by_category,
        }
    }
}

/// Gives every literal word of `patterns` its id in `vocabulary` (adding new words).
fn number_words(patterns: &mut [Pattern], vocabulary: &mut FastMap<String, u32>) {
    for p in patterns {
        for e in &mut p.elems {
            if let Elem::One(alts) = e {
                for a in alts {
                    if let Alt::Exact(w, id) = a {
                        let next = vocabulary.len() as u32;
                        *id = *vocabulary.entry(w.clone()).or_insert(next);
                    }
                }
            }
        }
    }
}

/// The two built-in lexicons, and every word of either with its entry in each (indexed
/// by `Lang as usize`).
struct BuiltIn {
    nl: Lexicon,
    en: Lexicon,
    words: FastMap<String, [WordEntry; 2]>,
}

static BUILT_IN: OnceLock<BuiltIn> = OnceLock::new();

fn built_in() -> &'static BuiltIn {
    BUILT_IN.get_or_init(|| {
        let mut nl = Lexicon::load(
            Lang::Nl,
            include_str!(concat!(env!("OUT_DIR"), "/lexicon-nl.json")),
        )
        .expect("built-in Dutch lexicon is valid (checked by the tests)");
        let mut en = Lexicon::load(
            Lang::En,
            include_str!(concat!(env!("OUT_DIR"), "/lexicon-en.json")),
        )
        .expect("built-in English lexicon is valid (checked by the tests)");
        nl.built_in = true;
        en.built_in = true;
        let mut words: FastMap<String, [WordEntry; 2]> = FastMap::default();
        for lx in [&nl, &en] {
            for (w, e) in &lx.entries {
                words.entry(w.clone()).or_insert([WordEntry::UNKNOWN; 2])[lx.lang as usize] = *e;
            }
        }
        BuiltIn { nl, en, words }
    })
}

fn built_in_words() -> &'static FastMap<String, [WordEntry; 2]> {
    &built_in().words
}

/// The built-in lexicon of `lang` (loaded once, from `data/lexicon/`).
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    let b = built_in();
    match lang {
        Lang::Nl => &b.nl,
        Lang::En => &b.en,
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
    fn remembered_sentences_give_the_same_hits() {
        // every reply of the fixtures, and each again without its first sentence and
        // behind an extra one, through one memo per language: the same hits as read fresh
        let mut texts: Vec<String> = Vec::new();
        for fixture in [
            include_str!("../demo/sample.jsonl"),
            include_str!("../tests/fixtures/probe.jsonl"),
        ] {
            for line in fixture.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let reply = v["reply"]["text"].as_str().unwrap().to_string();
                let rest = reply.split_once(". ").map(|(_, r)| r.to_string());
                texts.push(format!("Wat vervelend :( {reply}"));
                texts.extend(rest);
                texts.push(reply);
            }
        }
        for lang in [Lang::Nl, Lang::En] {
            let lx = lexicon(lang);
            let mut memo = HitMemo::keeping();
            for t in texts.iter().chain(&texts) {
                let doc = Doc::new(t);
                let fresh = lx.find_all(&doc);
                let remembered = lx.find_all_with(&doc, &mut memo);
                assert_eq!(fresh.by_category, remembered.by_category, "{t}");
            }
            assert!(!memo.sentences.is_empty());
        }
    }

    #[test]
    fn both_languages_table_agrees_with_each_lexicon() {
        // a token's entry comes from the table of both languages and is remembered;
        // it must be what each lexicon says of the word
        let text = include_str!("../tests/fixtures/probe.jsonl");
        let doc = Doc::new(text);
        for lang in [Lang::Nl, Lang::En, Lang::Nl] {
            let lx = lexicon(lang);
            for t in &doc.tokens {
                assert_eq!(
                    t.norm.entry_in(lx),
                    t.norm.as_str().entry_in(lx),
                    "{}",
                    t.norm
                );
            }
        }
        assert!(doc
            .tokens
            .iter()
            .any(|t| t.norm.entry_in(lexicon(Lang::Nl)).lists != 0));
    }

    #[test]
    fn unknown_word_list_is_an_error() {
        let err = Lexicon::load(Lang::En, r#"{"words": {"stop_words": ["the"]}}"#).unwrap_err();
        assert!(err.contains("unknown word list"), "{err}");
        assert!(Lexicon::load(Lang::En, r#"{"words": {"stop": ["the"]}}"#).is_ok());
    }

    #[test]
    fn builtin_lexicons_load() {
        for lang in [Lang::Nl, Lang::En] {
            let lx = lexicon(lang);
            assert!(lx.has_word(List::Function, "de") || lx.has_word(List::Function, "the"));
            assert!(!lx.phrases("sympathy").is_empty());
        }
    }
}
