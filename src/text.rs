//! Text layer: tokens with both byte and UTF-16 offsets, sentences and clauses.
//! Everything above works on these tokens, so spans come out in UTF-16 code units
//! (JavaScript string indexes) without a second pass.

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
}

/// A token's normalised text: stored inline up to [`Norm::INLINE`] bytes (almost every
/// word), so tokenising allocates nothing per token. It also remembers, per language,
/// its lexicon entry (see [`crate::lexicon::LexWord`]).
#[derive(Clone)]
pub struct Norm {
    text: NormText,
    /// The text has an ASCII digit (asked of every token by the phrase matcher).
    digit: bool,
    entries: [std::cell::Cell<WordEntry>; 2],
}

#[derive(Clone)]
enum NormText {
    Inline { len: u8, buf: [u8; Norm::INLINE] },
    Heap(Box<str>),
}

use crate::lexicon::WordEntry;

/// Not looked up yet (a real entry's lists have at most 63 bits, see `lexicon::List`).
const NOT_LOOKED_UP: WordEntry = WordEntry {
    id: 0,
    lists: u64::MAX,
};

impl Norm {
    pub const INLINE: usize = 22;

    fn new(text: NormText) -> Norm {
        let digit = match &text {
            NormText::Inline { len, buf } => buf[..*len as usize].iter().any(u8::is_ascii_digit),
            NormText::Heap(s) => s.bytes().any(|b| b.is_ascii_digit()),
        };
        Norm {
            text,
            digit,
            entries: [
                std::cell::Cell::new(NOT_LOOKED_UP),
                std::cell::Cell::new(NOT_LOOKED_UP),
            ],
        }
    }

    /// This word's entry in `lang`'s lexicon: `lookup` (of both languages' entries) the
    /// first time, remembered after that.
    #[inline]
    pub fn entry_cached(
        &self,
        lang: crate::model::Lang,
        lookup: impl FnOnce() -> [WordEntry; 2],
    ) -> WordEntry {
        let known = self.entries[lang as usize].get();
        if known.lists != NOT_LOOKED_UP.lists {
            return known;
        }
        let both = lookup();
        self.entries[0].set(both[0]);
        self.entries[1].set(both[1]);
        both[lang as usize]
    }

    /// The normalised form of `s` (see [`normalise`]).
    pub fn of(s: &str) -> Norm {
        let b = s.as_bytes();
        if b.len() <= Norm::INLINE && b.is_ascii() {
            let mut buf = [0u8; Norm::INLINE];
            for (d, c) in buf.iter_mut().zip(b) {
                *d = match c {
                    b'`' => b'\'',
                    _ => c.to_ascii_lowercase(),
                };
            }
            return Norm::new(NormText::Inline {
                len: b.len() as u8,
                buf,
            });
        }
        Norm::from(normalise(s))
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            // SAFETY: `buf[..len]` is always a copy of a whole `&str` (see `Norm::of`
            // and `From<String>`), so it is valid UTF-8.
            NormText::Inline { len, buf } => unsafe {
                std::str::from_utf8_unchecked(&buf[..*len as usize])
            },
            NormText::Heap(s) => s,
        }
    }
}

impl From<String> for Norm {
    fn from(s: String) -> Norm {
        if s.len() <= Norm::INLINE {
            let mut buf = [0u8; Norm::INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Norm::new(NormText::Inline {
                len: s.len() as u8,
                buf,
            })
        } else {
            Norm::new(NormText::Heap(s.into_boxed_str()))
        }
    }
}

impl std::ops::Deref for Norm {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Norm {
    #[inline]
    fn eq(&self, other: &Norm) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for Norm {}
impl PartialEq<str> for Norm {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}
impl PartialEq<&str> for Norm {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
impl PartialEq<String> for Norm {
    #[inline]
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}
impl PartialEq<Norm> for String {
    #[inline]
    fn eq(&self, other: &Norm) -> bool {
        self.as_str() == other.as_str()
    }
}
impl PartialEq<Norm> for &str {
    #[inline]
    fn eq(&self, other: &Norm) -> bool {
        *self == other.as_str()
    }
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
        self.norm.digit
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
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Characters that glue two alphanumeric runs into one word when between them.
#[inline]
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ':' | '/' | ',' | '&')
}

/// Pictographs (emoji), including the symbols blocks commonly used as emoji.
#[inline]
pub fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x2122)
}

#[inline]
fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Characters that extend the grapheme before them: combining marks, zero-width joiner,
/// variation selectors, emoji skin tones and tags, the keycap mark.
#[inline]
pub fn is_grapheme_extender(c: char) -> bool {
    if (c as u32) < 0x300 {
        return false;
    }
    is_combining_mark(c)
        || matches!(c as u32, 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
            | 0x0900..=0x0903 | 0x093A..=0x094F | 0x200C | 0x200D | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF
            | 0xE0020..=0xE007F | 0x20E3 | 0xE0100..=0xE01EF)
}

/// Moves a UTF-16 offset back to the nearest grapheme boundary at or before it (not
/// between a letter and its combining mark, not inside a surrogate pair or a ZWJ
/// sequence).
pub fn snap_utf16_back(s: &str, u: usize) -> usize {
    let b = byte_of_utf16(s, u);
    utf16_len(&s[..snap_byte_back(s, b)])
}

/// Moves a byte offset (a char boundary) forward to the nearest grapheme boundary at or
/// after it.
pub fn snap_byte_forward(s: &str, mut b: usize) -> usize {
    while b < s.len() {
        let next = s[b..].chars().next().unwrap_or(' ');
        let prev = s[..b].chars().next_back().unwrap_or(' ');
        if is_grapheme_extender(next) || (b > 0 && prev == '\u{200D}') {
            b += next.len_utf8();
        } else {
            break;
        }
    }
    b
}

/// [`snap_utf16_back`] for a byte offset (a char boundary).
pub fn snap_byte_back(s: &str, mut b: usize) -> usize {
    while b > 0 && b < s.len() {
        let next = s[b..].chars().next().unwrap_or(' ');
        let prev = s[..b].chars().next_back().unwrap_or(' ');
        if is_grapheme_extender(next)
            || prev == '\u{200D}'
            || (is_regional_indicator(prev) && is_regional_indicator(next))
        {
            b -= prev.len_utf8();
        } else {
            break;
        }
    }
    b
}

/// Modifiers that belong to the preceding emoji: variation selectors, skin tones,
/// zero-width joiner, tags, keycap.
#[inline]
fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0x200D | 0xE0020..=0xE007F | 0x20E3)
}

const ASCII_EMOTICONS: &[&str] = &[
    ":-)", ":)", ";-)", ";)", ":-(", ":(", ":-D", ":D", ";D", ":-P", ":P", ":p", ":-p", ":o", ":O",
    ":-/", ":/", "<3", "xD", "XD", ":')", "^^", "^_^", "(:", "=)",
];

pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' | '´' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

struct Cursor<'a> {
    src: &'a str,
    chars: Vec<(usize, char)>,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn byte_at(&self, i: usize) -> usize {
        self.chars.get(i).map(|c| c.0).unwrap_or(self.src.len())
    }
}

impl<'a> Doc<'a> {
    pub fn new(source: &'a str) -> Doc<'a> {
        // (sized up front: one allocation each, no regrowing while tokenising)
        let mut all_chars = Vec::with_capacity(source.len());
        all_chars.extend(source.char_indices());
        let cur = Cursor {
            src: source,
            chars: all_chars,
        };
        let chars = &cur.chars;
        let n = chars.len();
        // utf16 offset of each char index (prefix sums), with one extra at the end.
        let mut u16_at = Vec::with_capacity(n + 1);
        let mut acc = 0usize;
        for &(_, c) in chars {
            u16_at.push(acc);
            acc += c.len_utf16();
        }
        u16_at.push(acc);
        let utf16_len = acc;

        // about one token per four characters in prose
        let mut tokens: Vec<Token> = Vec::with_capacity(n / 4 + 4);
        let make = |kind: TokenKind, a: usize, b: usize| {
            let (ba, bb) = (cur.byte_at(a), cur.byte_at(b));
            Token {
                kind,
                norm: Norm::of(&source[ba..bb]),
                byte: (ba, bb),
                utf16: (u16_at[a], u16_at[b]),
            }
        };
        let ch = |i: usize| chars.get(i).map(|c| c.1);
        let starts_with_at = |i: usize, s: &str| source[cur.byte_at(i)..].starts_with(s);

        let mut i = 0;
        while i < n {
            let c = chars[i].1;
            // A combining mark, joiner or variation selector belongs to the token right
            // before it (":\u{5B0}", "🌀\u{301}", "Pim\u{200D}"): never split a grapheme.
            if is_grapheme_extender(c) {
                if let Some(last) = tokens.last_mut() {
                    if last.byte.1 == cur.byte_at(i) {
                        let b = cur.byte_at(i + 1);
                        let joined = format!("{}{}", last.norm, normalise(&source[last.byte.1..b]));
                        last.norm = Norm::from(joined);
                        last.byte.1 = b;
                        last.utf16.1 = u16_at[i + 1];
                    }
                }
                i += 1;
                continue;
            }
            // keycaps: 1️⃣ #️⃣
            if matches!(c, '0'..='9' | '#' | '*')
                && matches!(ch(i + 1), Some('\u{FE0F}' | '\u{20E3}'))
                && (ch(i + 1) == Some('\u{20E3}') || ch(i + 2) == Some('\u{20E3}'))
            {
                let j = if ch(i + 1) == Some('\u{20E3}') {
                    i + 2
                } else {
                    i + 3
                };
                tokens.push(make(TokenKind::Emoji, i, j));
                i = j;
                continue;
            }
            if c == '\n' {
                tokens.push(make(TokenKind::Newline, i, i + 1));
                i += 1;
                continue;
            }
            if c.is_whitespace() || matches!(c as u32, 0x200B | 0x200C | 0x2060 | 0xFEFF) {
                i += 1;
                continue;
            }
            // URLs
            if matches!(c, 'h' | 'H' | 'w' | 'W') {
                let rest = &source.as_bytes()[cur.byte_at(i)..];
                let starts =
                    |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
                if starts(b"http://") || starts(b"https://") || starts(b"www.") {
                    let mut j = i;
                    while j < n && !chars[j].1.is_whitespace() {
                        j += 1;
                    }
                    // trailing punctuation is not part of the URL
                    while j > i + 4
                        && matches!(
                            chars[j - 1].1,
                            '.' | ',' | '!' | '?' | ')' | ';' | ':' | '"' | '\''
                        )
                    {
                        j -= 1;
                    }
                    tokens.push(make(TokenKind::Url, i, j));
                    i = j;
                    continue;
                }
            }
            // ASCII emoticons (only when followed by whitespace/end/punctuation)
            if matches!(c, ':' | ';' | '<' | 'x' | 'X' | '^' | '(' | '=') {
                let mut matched = None;
                for e in ASCII_EMOTICONS {
                    if starts_with_at(i, e) {
                        let end = i + e.chars().count();
                        let before_ok = i == 0 || !is_word_char(chars[i - 1].1);
                        let after_ok = ch(end).map(|c| !is_word_char(c)).unwrap_or(true);
                        if before_ok && after_ok && matched.map(|m: usize| end > m).unwrap_or(true)
                        {
                            matched = Some(end);
                        }
                    }
                }
                if let Some(end) = matched {
                    tokens.push(make(TokenKind::Emoji, i, end));
                    i = end;
                    continue;
                }
            }
            // bare domains with a common top-level domain: "bol.com", "tesco.com/store"
            if c.is_ascii_alphanumeric() && (i == 0 || !is_word_char(chars[i - 1].1)) {
                if let Some(end) = bare_domain_end(chars, i) {
                    tokens.push(make(TokenKind::Url, i, end));
                    i = end;
                    continue;
                }
            }
            if (c == '@' || c == '#')
                && ch(i + 1)
                    .map(|d| d.is_alphanumeric() || d == '_')
                    .unwrap_or(false)
            {
                let mut j = i + 1;
                while j < n && (chars[j].1.is_alphanumeric() || chars[j].1 == '_') {
                    j += 1;
                }
                tokens.push(make(
                    if c == '@' {
                        TokenKind::Mention
                    } else {
                        TokenKind::Hashtag
                    },
                    i,
                    j,
                ));
                i = j;
                continue;
            }
            if is_word_char(c) {
                let mut j = i + 1;
                loop {
                    while j < n && is_word_char(chars[j].1) {
                        j += 1;
                    }
                    // a joiner followed by an alphanumeric continues the word; `:` and
                    // `,` and `.` only between digits/letters as in 9:00, 1,50, e.g.
                    if j + 1 < n && is_inner_joiner(chars[j].1) && is_word_char(chars[j + 1].1) {
                        let joiner = chars[j].1;
                        let digits =
                            chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit();
                        let ok = match joiner {
                            ':' | ',' => digits,
                            '.' => {
                                digits
                                    || (chars[j - 1].1.is_alphabetic()
                                        && j >= 2
                                        && !chars[j - 2].1.is_alphanumeric())
                            }
                            '/' => digits,
                            _ => true,
                        };
                        if ok {
                            j += 1;
                            continue;
                        }
                    }
                    // e-mail addresses
                    if j + 1 < n && chars[j].1 == '@' && is_word_char(chars[j + 1].1) {
                        let mut k = j + 1;
                        let mut saw_dot = false;
                        while k < n
                            && (is_word_char(chars[k].1)
                                || chars[k].1 == '-'
                                || (chars[k].1 == '.'
                                    && ch(k + 1).map(is_word_char).unwrap_or(false)))
                        {
                            if chars[k].1 == '.' {
                                saw_dot = true;
                            }
                            k += 1;
                        }
                        if saw_dot {
                            // include the local part's dots/underscores: walk back
                            let mut s = i;
                            while s > 0
                                && (is_word_char(chars[s - 1].1)
                                    || matches!(chars[s - 1].1, '.' | '_' | '-' | '+'))
                            {
                                s -= 1;
                            }
                            // drop tokens that were part of the local part
                            while let Some(last) = tokens.last() {
                                if last.byte.0 >= cur.byte_at(s) {
                                    tokens.pop();
                                } else {
                                    break;
                                }
                            }
                            tokens.push(make(TokenKind::Email, s, k));
                            i = k;
                            break;
                        }
                    }
                    // "20%" and "100%" are one word
                    if j < n && chars[j].1 == '%' && chars[j - 1].1.is_ascii_digit() {
                        j += 1;
                    }
                    tokens.push(make(TokenKind::Word, i, j));
                    i = j;
                    break;
                }
                continue;
            }
            if is_pictograph(c) {
                let mut j = i + 1;
                // a flag is a pair of regional indicators
                if is_regional_indicator(c) && ch(j).is_some_and(is_regional_indicator) {
                    j += 1;
                }
                while j < n
                    && (is_emoji_modifier(chars[j].1)
                        || (chars[j - 1].1 == '\u{200D}' && is_pictograph(chars[j].1)))
                {
                    j += 1;
                }
                tokens.push(make(TokenKind::Emoji, i, j));
                i = j;
                continue;
            }
            if matches!(c, '.' | '!' | '?' | '…') {
                let mut j = i + 1;
                while j < n && matches!(chars[j].1, '.' | '!' | '?' | '…') {
                    j += 1;
                }
                tokens.push(make(TokenKind::Terminal, i, j));
                i = j;
                continue;
            }
            if is_emoji_modifier(c) {
                i += 1;
                continue;
            }
            tokens.push(make(TokenKind::Punct, i, i + 1));
            i += 1;
        }

        let sentences = split_sentences(&tokens);
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
        }
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

    /// Token `i` is the first matchable token (not punctuation) of its clause.
    pub fn opens_clause(&self, i: usize) -> bool {
        self.clause_of(i).and_then(|c| {
            (c.start..c.end).find(|&j| {
                !matches!(
                    self.tokens[j].kind,
                    TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline
                )
            })
        }) == Some(i)
    }
}

const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "nl", "be", "org", "net", "eu", "uk", "de", "fr", "io", "app", "shop", "info", "co",
    "es", "it", "online", "store",
];

/// The end (char index) of a bare domain starting at `i` ("bol.com/retour"), if one does.
fn bare_domain_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    // the first label, then a dot and another label, or this is no domain (most words)
    let mut k = i;
    while k < chars.len() && (chars[k].1.is_ascii_alphanumeric() || chars[k].1 == '-') {
        k += 1;
    }
    if chars.get(k).map(|c| c.1) != Some('.')
        || !chars
            .get(k + 1)
            .is_some_and(|c| c.1.is_ascii_alphanumeric() || c.1 == '-')
    {
        return None;
    }
    let mut j = i;
    while j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || matches!(chars[j].1, '-' | '.'))
    {
        j += 1;
    }
    let mut host_end = j;
    while host_end > i && chars[host_end - 1].1 == '.' {
        host_end -= 1;
    }
    if !chars[i..host_end].iter().any(|c| c.1 == '.') {
        return None;
    }
    let host: String = chars[i..host_end]
        .iter()
        .map(|c| c.1.to_ascii_lowercase())
        .collect();
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) || labels[0].len() < 2 {
        return None;
    }
    let tld = labels[labels.len() - 1];
    if !TOP_LEVEL_DOMAINS.contains(&tld) || labels[0].bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut end = host_end;
    if host_end == j && chars.get(j).is_some_and(|c| c.1 == '/') {
        while end < chars.len() && !chars[end].1.is_whitespace() {
            end += 1;
        }
        while end > host_end
            && matches!(
                chars[end - 1].1,
                '.' | ',' | '!' | '?' | ')' | ';' | ':' | '"' | '\''
            )
        {
            end -= 1;
        }
    }
    Some(end)
}

/// Conjunctions that start a new clause when a subject-like word follows.
const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "en", "maar", "want"];
const SUBJECT_STARTERS: &[&str] = &[
    "i", "we", "you", "the", "a", "an", "our", "your", "it", "they", "he", "she", "this", "that",
    "i'll", "we'll", "i've", "we've", "i'm", "we're", "you're", "it's", "ik", "we", "wij", "je",
    "jij", "u", "de", "het", "een", "onze", "jouw", "uw", "dat", "dit", "er", "zij", "hij", "ze",
];

fn split_sentences(tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        let ends = match t.kind {
            TokenKind::Terminal => true,
            TokenKind::Newline => true,
            // an emoji followed by a capitalised word ends the sentence ("… 😊 See you")
            TokenKind::Emoji => tokens
                .get(i + 1)
                .map(|n| n.kind == TokenKind::Newline)
                .unwrap_or(false),
            _ => false,
        };
        if ends {
            // absorb trailing emoji / closing punctuation into this sentence
            let mut j = i + 1;
            while j < n && matches!(tokens[j].kind, TokenKind::Emoji | TokenKind::Terminal) {
                j += 1;
            }
            let question = tokens[start..j]
                .iter()
                .any(|t| t.kind == TokenKind::Terminal && t.norm.contains('?'));
            if tokens[start..j]
                .iter()
                .any(|t| t.kind != TokenKind::Newline)
            {
                out.push(make_sentence(tokens, start, j, question));
            }
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    if start < n && tokens[start..].iter().any(|t| t.kind != TokenKind::Newline) {
        out.push(make_sentence(tokens, start, n, false));
    }
    out
}

fn make_sentence(tokens: &[Token], start: usize, end: usize, question: bool) -> Sentence {
    let mut clauses = Vec::new();
    let mut cs = start;
    for i in start..end {
        let t = &tokens[i];
        let split_here = match t.kind {
            TokenKind::Punct => matches!(t.norm.as_str(), "," | ":" | ";" | "–" | "—" | "(" | ")"),
            TokenKind::Word => {
                CLAUSE_CONJUNCTIONS.contains(&t.norm.as_str())
                    && i > cs
                    && tokens
                        .get(i + 1)
                        .map(|n| SUBJECT_STARTERS.contains(&n.norm.as_str()))
                        .unwrap_or(false)
            }
            _ => false,
        };
        if split_here {
            if i > cs {
                clauses.push(TokenRange { start: cs, end: i });
            }
            cs = if t.kind == TokenKind::Punct { i + 1 } else { i };
        }
    }
    if end > cs {
        clauses.push(TokenRange { start: cs, end });
    }
    Sentence {
        tokens: TokenRange { start, end },
        clauses,
        question,
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
        if is_grapheme_extender(c)
            || c.is_whitespace()
            || matches!(c as u32, 0x200B | 0x200C | 0x2060 | 0xFEFF)
        {
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
    fn inline_norms_equal_normalise() {
        for s in [
            "Hello",
            "DON`T",
            "don’t",
            "ÉÉN",
            "a-very-long-hyphenated-word-past-the-inline-limit",
            "",
        ] {
            assert_eq!(Norm::of(s).as_str(), normalise(s), "{s:?}");
        }
    }

    #[test]
    fn utf16_helpers() {
        assert_eq!(utf16_len("a😊b"), 4);
        assert_eq!(byte_of_utf16("a😊b", 3), 5);
    }
}
