//! Text layer: tokens with both byte and UTF-16 offsets, sentences and clauses.
//! Everything above works on these tokens, so spans come out in UTF-16 code units
//! (JavaScript string indexes) without a second pass.
//!
//! - [`lex`]: the tokenizer, an ordered list of lexing steps;
//! - [`sentences`]: sentences and clauses;
//! - [`norm`]: a token's normalised text, and what the language data knows of it;
//! - [`placeholder`]: the `{name}` placeholders of saved replies;
//! - [`grapheme`]: grapheme boundaries, on which every span lies;
//! - [`case`]: letter-case helpers.

pub mod case;
pub mod grapheme;
pub mod lex;
pub mod norm;
pub mod placeholder;
pub(crate) mod sentences;

pub use case::{capitalise, decapitalise, same_case_as, starts_upper};
pub use grapheme::{is_grapheme_extender, snap_byte_back, snap_byte_forward, snap_utf16_back};
pub use lex::is_pictograph;
pub use norm::{normalise, Norm, WordEntry};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner `'`, `-`, `.`, `:`, `/`, `,` between alphanumerics
    /// ("i'm", "06-12345678", "9:00", "18:05").
    Word,
    Url,
    Email,
    /// `@handle`
    Mention,
    /// `#tag`
    Hashtag,
    /// A pictograph with its modifiers, or an ASCII emoticon such as `:)`.
    Emoji,
    /// Sentence-ending punctuation: `.`, `!`, `?`, `…`
    Terminal,
    /// Other punctuation and symbols.
    Punct,
    /// A line break (ends a sentence).
    Newline,
    /// A saved reply's placeholder, `{first_name}` (see [`placeholder`]): it stands for
    /// something the text does not say yet, and no rule reads it as words.
    Placeholder,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: TokenKind,
    /// Lowercased text, typographic apostrophes folded to `'`.
    pub norm: Norm,
    pub byte: (usize, usize),
    pub utf16: (usize, usize),
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.byte.0..self.byte.1]
    }
    pub fn has_digit(&self) -> bool {
        self.norm.has_digit()
    }
    /// The placeholder this token is, when the engine knows its name.
    pub fn placeholder(&self) -> Option<placeholder::Placeholder> {
        if self.kind != TokenKind::Placeholder {
            return None;
        }
        let name = self.norm.as_str();
        placeholder::Placeholder::from_name(name.get(1..name.len() - 1)?)
    }
}

/// A span of tokens `[start, end)` (token indexes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenRange {
    pub start: usize,
    pub end: usize,
}

impl TokenRange {
    pub fn contains(&self, i: usize) -> bool {
        self.start <= i && i < self.end
    }
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
    /// The two ranges share a token.
    pub fn overlaps(&self, other: TokenRange) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub tokens: TokenRange,
    /// Clauses split at `,` `:` `;` dashes, and before a coordinating conjunction that
    /// starts a new subject ("…, and the team is…").
    pub clauses: Vec<TokenRange>,
    /// The sentence ends with a question mark.
    pub question: bool,
}

/// A tokenised text.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub source: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// For each token, the index of its sentence (`usize::MAX` for none).
    sentence_index: Vec<usize>,
    /// UTF-16 length of the whole text.
    pub utf16_len: usize,
    /// How many words of each language the text has (indexed by `Lang as usize`),
    /// counted once by `incoming` when a language is first asked for.
    pub language_counts: std::cell::OnceCell<[usize; crate::model::Lang::ALL.len()]>,
}

impl<'a> Doc<'a> {
    /// Tokenises `source` (see [`lex`]) and splits it into sentences and clauses.
    pub fn new(source: &'a str) -> Doc<'a> {
        let lexer = lex::Lexer::run(source);
        Doc::of_tokens(source, lexer.utf16_len(), lexer.tokens)
    }

    /// The doc of `source` from its tokens: its sentences and clauses.
    fn of_tokens(source: &'a str, utf16_len: usize, tokens: Vec<Token>) -> Doc<'a> {
        let sentences = sentences::split_sentences(&tokens, source);
        let mut sentence_index = vec![usize::MAX; tokens.len()];
        for (k, s) in sentences.iter().enumerate() {
            sentence_index[s.tokens.start..s.tokens.end].fill(k);
        }
        Doc {
            source,
            tokens,
            sentences,
            sentence_index,
            utf16_len,
            language_counts: std::cell::OnceCell::new(),
        }
    }

    /// The tokens without the text they were read from, to keep beside it (the rewrite
    /// keeps the reading of its last candidate); [`Doc::attached`] gives them back to
    /// the same text.
    pub fn detached(self) -> Doc<'static> {
        Doc { source: "", ..self }
    }

    /// A detached doc back on the text it was read from (`source` must be that text).
    pub fn attached(self, source: &str) -> Doc<'_> {
        debug_assert_eq!(utf16_len(source), self.utf16_len);
        Doc { source, ..self }
    }

    /// UTF-16 span covering tokens `[a, b)`.
    pub fn span(&self, r: TokenRange) -> [usize; 2] {
        if r.is_empty() || r.start >= self.tokens.len() {
            let at = self
                .tokens
                .get(r.start)
                .map(|t| t.utf16.0)
                .unwrap_or(self.utf16_len);
            return [at, at];
        }
        [
            self.tokens[r.start].utf16.0,
            self.tokens[r.end.min(self.tokens.len()) - 1].utf16.1,
        ]
    }

    /// Byte range covering tokens `[a, b)`.
    pub fn byte_range(&self, r: TokenRange) -> (usize, usize) {
        if r.is_empty() || r.start >= self.tokens.len() {
            let at = self
                .tokens
                .get(r.start)
                .map(|t| t.byte.0)
                .unwrap_or(self.source.len());
            return (at, at);
        }
        (
            self.tokens[r.start].byte.0,
            self.tokens[r.end.min(self.tokens.len()) - 1].byte.1,
        )
    }

    /// UTF-16 offset of byte offset `b` (a char boundary), without scanning from the
    /// start: from the nearest token before it.
    pub fn utf16_of_byte(&self, b: usize) -> usize {
        let k = self.tokens.partition_point(|t| t.byte.0 <= b);
        match k.checked_sub(1).map(|i| &self.tokens[i]) {
            Some(t) => t.utf16.0 + utf16_len(&self.source[t.byte.0..b]),
            None => utf16_len(&self.source[..b]),
        }
    }

    /// Byte offset of UTF-16 offset `u`, from the nearest token before it.
    pub fn byte_of_utf16(&self, u: usize) -> usize {
        let k = self.tokens.partition_point(|t| t.utf16.0 <= u);
        let (b0, u0) = match k.checked_sub(1).map(|i| &self.tokens[i]) {
            Some(t) => (t.byte.0, t.utf16.0),
            None => (0, 0),
        };
        b0 + byte_of_utf16(&self.source[b0..], u - u0)
    }

    /// `[a, b)` widened to grapheme boundaries (see [`snap_byte_back`]).
    pub fn snap_span(&self, [a, b]: [usize; 2]) -> [usize; 2] {
        let (ba, bb) = (self.byte_of_utf16(a), self.byte_of_utf16(b));
        let sa = snap_byte_back(self.source, ba);
        let sb = snap_byte_forward(self.source, bb);
        [
            a - utf16_len(&self.source[sa..ba]),
            b + utf16_len(&self.source[bb..sb]),
        ]
    }

    /// The index of the sentence that holds token `i`.
    pub fn sentence_index_of(&self, i: usize) -> Option<usize> {
        self.sentence_index
            .get(i)
            .copied()
            .filter(|&k| k < self.sentences.len())
    }

    /// The sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<&Sentence> {
        self.sentence_index
            .get(i)
            .and_then(|&k| self.sentences.get(k))
    }

    pub fn clause_of(&self, i: usize) -> Option<TokenRange> {
        self.sentence_of(i)
            .and_then(|s| s.clauses.iter().copied().find(|c| c.contains(i)))
    }

    pub fn words(&self) -> impl Iterator<Item = (usize, &Token)> {
        self.tokens.iter().enumerate().filter(|(_, t)| t.is_word())
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `i` is the first matchable token (not punctuation, nor the @mentions that
    /// open a reply on X) of its clause.
    pub fn opens_clause(&self, i: usize) -> bool {
        self.clause_of(i).and_then(|c| {
            (c.start..c.end).find(|&j| {
                !matches!(
                    self.tokens[j].kind,
                    TokenKind::Punct
                        | TokenKind::Terminal
                        | TokenKind::Newline
                        | TokenKind::Mention
                )
            })
        }) == Some(i)
    }
}

/// The stretches of a text that tokenise on their own (byte ranges, in order, covering
/// the text): each ends before a line break, or before a space after a sentence's end
/// mark. No token spans whitespace, and no lexing step looks back past it or decides by
/// what follows it, so a stretch's tokens are the same wherever the stretch stands (see
/// [`KnownStretches`]).
fn stretches(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let b = s.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= b.len() {
            return None;
        }
        let mut at = start + 1;
        while at < b.len() {
            let ends_before = match b[at] {
                b'\n' => true,
                b' ' => {
                    matches!(b[at - 1], b'.' | b'!' | b'?') || b[..at].ends_with("…".as_bytes())
                }
                _ => false,
            };
            if ends_before {
                break;
            }
            at += 1;
        }
        let stretch = start..at;
        start = at;
        Some(stretch)
    })
}

/// The tokens of a text by stretch (see [`stretches`]), to tokenise texts that share most
/// of their stretches with it without lexing those again: the rewrite reads candidates
/// that differ from the draft in a sentence or two, and a greeting or signature added.
/// The tokens taken over keep what the lexicons told them (their `WordEntry`s).
pub struct KnownStretches<'d> {
    doc: &'d Doc<'d>,
    /// By the hash of its text, a stretch of `doc` (the first, when two hash alike).
    by_hash: crate::fxhash::FastMap<u64, KnownStretch>,
}

struct KnownStretch {
    /// Its byte range in the known text.
    bytes: std::ops::Range<usize>,
    /// Its UTF-16 offset and length.
    utf16: (usize, usize),
    /// The range of its tokens.
    tokens: std::ops::Range<usize>,
}

fn stretch_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::fxhash::FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

impl<'d> KnownStretches<'d> {
    /// The stretches of `doc`'s text and their tokens.
    pub fn new(doc: &'d Doc<'d>) -> KnownStretches<'d> {
        let mut by_hash = crate::fxhash::FastMap::default();
        let (mut token, mut utf16) = (0, 0);
        for bytes in stretches(doc.source) {
            let first = token;
            while token < doc.tokens.len() && doc.tokens[token].byte.0 < bytes.end {
                token += 1;
            }
            let text = &doc.source[bytes.clone()];
            let units = utf16_len(text);
            by_hash.entry(stretch_hash(text)).or_insert(KnownStretch {
                bytes,
                utf16: (utf16, units),
                tokens: first..token,
            });
            utf16 += units;
        }
        KnownStretches { doc, by_hash }
    }

    /// Tokenises `source` as [`Doc::new`] does, taking the tokens of the stretches it
    /// shares with the known text from there.
    pub fn tokenise<'a>(&self, source: &'a str) -> Doc<'a> {
        let mut tokens: Vec<Token> = Vec::with_capacity(source.len() / 4 + 4);
        let mut utf16 = 0;
        for bytes in stretches(source) {
            let text = &source[bytes.clone()];
            let known = self
                .by_hash
                .get(&stretch_hash(text))
                .filter(|k| &self.doc.source[k.bytes.clone()] == text);
            let first = tokens.len();
            // where the tokens added stood (byte and UTF-16 offset), and the stretch's length
            let (was_at, was_at_utf16, units) = match known {
                Some(k) => {
                    tokens.extend_from_slice(&self.doc.tokens[k.tokens.clone()]);
                    (k.bytes.start, k.utf16.0, k.utf16.1)
                }
                None => {
                    let lexer = lex::Lexer::run(text);
                    let units = lexer.utf16_len();
                    tokens.extend(lexer.tokens);
                    (0, 0, units)
                }
            };
            for t in &mut tokens[first..] {
                t.byte = (
                    t.byte.0 - was_at + bytes.start,
                    t.byte.1 - was_at + bytes.start,
                );
                t.utf16 = (
                    t.utf16.0 - was_at_utf16 + utf16,
                    t.utf16.1 - was_at_utf16 + utf16,
                );
            }
            utf16 += units;
        }
        Doc::of_tokens(source, utf16, tokens)
    }
}

/// The byte offset where a reply's body starts: its first token that is not an
/// @mention (a line break counts), as [`Doc::new`] would find it without tokenising the
/// whole text; `None` when there is none.
pub fn body_start(s: &str) -> Option<usize> {
    let mut it = s.char_indices().peekable();
    while let Some(&(b, c)) = it.peek() {
        if c == '\n' {
            return Some(b);
        }
        // what the tokens skip: spaces, zero-width characters, marks after a mention
        if is_grapheme_extender(c) || lex::is_space(c) {
            it.next();
            continue;
        }
        let handle = |d: char| d.is_alphanumeric() || d == '_';
        if c == '@' && s[b + 1..].chars().next().is_some_and(handle) {
            it.next();
            while it.peek().is_some_and(|&(_, d)| handle(d)) {
                it.next();
            }
            continue;
        }
        return Some(b);
    }
    None
}

/// UTF-16 length of a string.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Byte offsets of several UTF-16 offsets in one pass (`units` sorted ascending).
pub fn bytes_of_utf16(s: &str, units: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(units.len());
    let mut acc = 0;
    let mut it = units.iter().peekable();
    for (b, c) in s.char_indices() {
        while it.peek().is_some_and(|&&u| acc >= u) {
            out.push(b);
            it.next();
        }
        acc += c.len_utf16();
    }
    out.extend(it.map(|_| s.len()));
    out
}

/// Byte offset in `s` of UTF-16 offset `u` (clamped to a char boundary at or before it).
pub fn byte_of_utf16(s: &str, u: usize) -> usize {
    let mut acc = 0;
    for (b, c) in s.char_indices() {
        if acc >= u {
            return b;
        }
        acc += c.len_utf16();
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(TokenKind, String)> {
        Doc::new(s)
            .tokens
            .iter()
            .map(|t| (t.kind, t.norm.to_string()))
            .collect()
    }

    #[test]
    fn words_numbers_and_contractions() {
        let k = kinds("I'm at 9:00, call 06-12345678. Don’t!");
        let words: Vec<_> = k
            .iter()
            .filter(|(k, _)| *k == TokenKind::Word)
            .map(|(_, w)| w.as_str())
            .collect();
        assert_eq!(words, ["i'm", "at", "9:00", "call", "06-12345678", "don't"]);
    }

    #[test]
    fn a_text_tokenised_from_known_stretches_is_tokenised_as_from_scratch() {
        let known = "e.g. mail anouk.support@zorg.nl! Kijk op bol.com/retour. 9.30? \
                     Top :) Bel 06-12345678\n\u{301}ok… e.g. dit. \n^Pim";
        let known_doc = Doc::new(known);
        let stretches = KnownStretches::new(&known_doc);
        for text in [
            known,
            "Hoi Sonja, e.g. mail anouk.support@zorg.nl! Kijk op bol.com/retour. 9.30? ok",
            " e.g. dit. Top :) Bel 06-12345678\n\u{301}ok… e.g. dit. \n^Pim 😊",
            "Kijk op bol.com/retour. e.g. mail anouk.support@zorg.nl! e.g. dit.",
            "",
        ] {
            let (taken, fresh) = (stretches.tokenise(text), Doc::new(text));
            assert_eq!(
                format!("{:?}", (&taken.tokens, &taken.sentences, taken.utf16_len)),
                format!("{:?}", (&fresh.tokens, &fresh.sentences, fresh.utf16_len)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn placeholders_are_one_token_each() {
        let d = Doc::new("Hi {First_Name}, DM me your {order_number}! {a b} ^{agent_initials}");
        let ph: Vec<(&str, Option<placeholder::Placeholder>)> = d
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Placeholder)
            .map(|t| (t.text(d.source), t.placeholder()))
            .collect();
        assert_eq!(
            ph,
            [
                ("{First_Name}", Some(placeholder::Placeholder::FirstName)),
                ("{order_number}", None),
                (
                    "{agent_initials}",
                    Some(placeholder::Placeholder::AgentInitials)
                ),
            ]
        );
        // "{a b}" is no placeholder: a brace, two words, a brace
        assert!(d.words().any(|(_, t)| t.norm.as_str() == "a"));
        assert_eq!(d.utf16_len, 67);
    }

    #[test]
    fn urls_emails_mentions() {
        let d = Doc::new("@Shop see https://x.co/a?b=1. Mail anouk.support@zorg.nl #tag");
        let ks: Vec<_> = d.tokens.iter().map(|t| t.kind).collect();
        assert!(ks.contains(&TokenKind::Url));
        assert!(ks.contains(&TokenKind::Email));
        assert_eq!(d.tokens[0].kind, TokenKind::Mention);
        assert_eq!(d.tokens.last().unwrap().kind, TokenKind::Hashtag);
        let email = d
            .tokens
            .iter()
            .find(|t| t.kind == TokenKind::Email)
            .unwrap();
        assert_eq!(email.text(d.source), "anouk.support@zorg.nl");
    }

    #[test]
    fn utf16_offsets_after_emoji_and_accents() {
        // 😊 is two UTF-16 units, é one.
        let d = Doc::new("😊 café sorry");
        let sorry = d.tokens.iter().find(|t| t.norm == "sorry").unwrap();
        assert_eq!(sorry.utf16, (8, 13));
        assert_eq!(d.utf16_len, 13);
        let emoji = &d.tokens[0];
        assert_eq!(emoji.kind, TokenKind::Emoji);
        assert_eq!(emoji.utf16, (0, 2));
    }

    #[test]
    fn emoji_sequences_stay_whole() {
        let d = Doc::new("hi 👩🏽‍💻 ok 🛍️");
        let emojis: Vec<_> = d
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Emoji)
            .map(|t| t.text(d.source))
            .collect();
        assert_eq!(emojis, ["👩🏽‍💻", "🛍️"]);
    }

    #[test]
    fn sentences_and_clauses() {
        let d = Doc::new("Hi Noah, sorry! We'll send one today and we guarantee it. Ok?");
        assert_eq!(d.sentences.len(), 3);
        assert_eq!(d.sentences[0].clauses.len(), 2);
        assert_eq!(d.sentences[1].clauses.len(), 2);
        assert!(d.sentences[2].question);
    }

    #[test]
    fn bare_domains_are_links() {
        let d = Doc::new("Kijk op bol.com/retour. Of tesco.com, niet 9.30 of e.g. dit.");
        let urls: Vec<_> = d
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Url)
            .map(|t| t.text(d.source))
            .collect();
        assert_eq!(urls, ["bol.com/retour", "tesco.com"]);
    }

    #[test]
    fn ascii_emoticons() {
        let d = Doc::new("thanks :) see you");
        assert!(d
            .tokens
            .iter()
            .any(|t| t.kind == TokenKind::Emoji && t.norm == ":)"));
        let d = Doc::new("at 9:00 :D");
        assert_eq!(
            d.tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Emoji)
                .count(),
            1
        );
    }

    #[test]
    fn body_start_is_the_first_token_after_the_mentions() {
        for s in [
            "@Shop @Pim_2 Hoi Sonja",
            "@Shop\nHoi",
            "  \u{200B}@Shop\u{301} , hoi",
            "@Shop @ hoi",
            "@Shop",
            "",
            "Hoi @Shop",
            "@Shop 😊 hoi",
            "@Shop https://x.co",
        ] {
            let doc = Doc::new(s);
            let by_tokens = doc
                .tokens
                .iter()
                .find(|t| t.kind != TokenKind::Mention)
                .map(|t| t.byte.0);
            assert_eq!(body_start(s), by_tokens, "{s:?}");
        }
    }

    #[test]
    fn utf16_helpers() {
        assert_eq!(utf16_len("a😊b"), 4);
        assert_eq!(byte_of_utf16("a😊b", 3), 5);
    }
}
