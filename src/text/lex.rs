//! The tokenizer, as an ordered list of small lexing steps ([`lex_step`]). At each
//! character the steps are tried in order; the first that recognises something there
//! pushes its token (or skips what is no token) and says where to go on. What no step
//! takes is one punctuation token.

use super::grapheme::{is_combining_mark, is_grapheme_extender, is_regional_indicator};
use super::{normalise, Norm, Token, TokenKind};

/// The lexing steps, in the order they are tried at char `i` (holding `c`): each
/// pushes its token, or skips what is no token, and returns the char index to go on
/// from, or returns `None` to let the next one try. The order decides ("www.x.nl" is a
/// link before it is a word, ":D" an emoticon before it is punctuation).
#[inline]
fn lex_step(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    lex_extender(lx, i, c)
        .or_else(|| lex_keycap(lx, i, c))
        .or_else(|| lex_newline(lx, i, c))
        .or_else(|| lex_space(lx, i, c))
        .or_else(|| lex_placeholder(lx, i, c))
        .or_else(|| lex_url(lx, i, c))
        .or_else(|| lex_emoticon(lx, i, c))
        .or_else(|| lex_bare_domain(lx, i, c))
        .or_else(|| lex_mention_or_hashtag(lx, i, c))
        .or_else(|| lex_word(lx, i, c))
        .or_else(|| lex_pictograph(lx, i, c))
        .or_else(|| lex_terminal(lx, i, c))
        .or_else(|| lex_lone_modifier(lx, i, c))
}

/// The text being tokenised, by char, with the tokens found so far.
pub(super) struct Lexer<'a> {
    source: &'a str,
    /// Each char with its byte offset.
    chars: Vec<(usize, char)>,
    /// The UTF-16 offset of each char index, with one extra at the end.
    u16_at: Vec<usize>,
    pub tokens: Vec<Token>,
}

impl<'a> Lexer<'a> {
    /// Tokenises `source`.
    pub fn run(source: &'a str) -> Lexer<'a> {
        // (sized up front: one allocation each, no regrowing while tokenising)
        let mut chars = Vec::with_capacity(source.len());
        chars.extend(source.char_indices());
        let mut u16_at = Vec::with_capacity(chars.len() + 1);
        let mut acc = 0usize;
        for &(_, c) in &chars {
            u16_at.push(acc);
            acc += c.len_utf16();
        }
        u16_at.push(acc);
        // about one token per four characters in prose
        let tokens = Vec::with_capacity(chars.len() / 4 + 4);
        let mut lx = Lexer {
            source,
            chars,
            u16_at,
            tokens,
        };
        let mut i = 0;
        while i < lx.chars.len() {
            let c = lx.chars[i].1;
            i = lex_step(&mut lx, i, c).unwrap_or_else(|| {
                // what no step takes is one punctuation token
                lx.push(TokenKind::Punct, i, i + 1);
                i + 1
            });
        }
        lx
    }

    /// UTF-16 length of the whole text.
    pub fn utf16_len(&self) -> usize {
        self.u16_at[self.chars.len()]
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    #[inline]
    fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|c| c.1)
    }

    #[inline]
    fn byte_at(&self, i: usize) -> usize {
        self.chars.get(i).map(|c| c.0).unwrap_or(self.source.len())
    }

    /// Pushes a token of chars `[a, b)`.
    fn push(&mut self, kind: TokenKind, a: usize, b: usize) {
        let (ba, bb) = (self.byte_at(a), self.byte_at(b));
        self.tokens.push(Token {
            kind,
            norm: Norm::of(&self.source[ba..bb]),
            byte: (ba, bb),
            utf16: (self.u16_at[a], self.u16_at[b]),
        });
    }

    /// Char `i` follows a char that can be part of a word.
    fn after_word_char(&self, i: usize) -> bool {
        i > 0 && is_word_char(self.chars[i - 1].1)
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
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

/// Modifiers that belong to the preceding emoji: variation selectors, skin tones,
/// zero-width joiner, tags, keycap.
#[inline]
fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0x200D | 0xE0020..=0xE007F | 0x20E3)
}

/// Characters that separate tokens and are none: whitespace and the zero-width ones.
#[inline]
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c as u32, 0x200B | 0x200C | 0x2060 | 0xFEFF)
}

/// Trailing punctuation that is not part of a link.
#[inline]
fn ends_no_link(c: char) -> bool {
    matches!(c, '.' | ',' | '!' | '?' | ')' | ';' | ':' | '"' | '\'')
}

const ASCII_EMOTICONS: &[&str] = &[
    ":-)", ":)", ";-)", ";)", ":-(", ":(", ":-D", ":D", ";D", ":-P", ":P", ":p", ":-p", ":o", ":O",
    ":-/", ":/", "<3", "xD", "XD", ":')", "^^", "^_^", "(:", "=)",
];

const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "nl", "be", "org", "net", "eu", "uk", "de", "fr", "io", "app", "shop", "info", "co",
    "es", "it", "online", "store",
];

/// A combining mark, joiner or variation selector belongs to the token right before it
/// (":\u{5B0}", "🌀\u{301}", "Pim\u{200D}"): never split a grapheme. Without a token
/// right before it, it is skipped.
fn lex_extender(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !is_grapheme_extender(c) {
        return None;
    }
    let at = lx.byte_at(i);
    let b = lx.byte_at(i + 1);
    let end16 = lx.u16_at[i + 1];
    if let Some(last) = lx.tokens.last_mut().filter(|t| t.byte.1 == at) {
        let joined = format!("{}{}", last.norm, normalise(&lx.source[at..b]));
        last.norm = Norm::from(joined);
        last.byte.1 = b;
        last.utf16.1 = end16;
    }
    Some(i + 1)
}

/// Keycaps: 1️⃣ #️⃣
fn lex_keycap(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    let (next, after) = (lx.ch(i + 1), lx.ch(i + 2));
    let keycap = matches!(c, '0'..='9' | '#' | '*')
        && matches!(next, Some('\u{FE0F}' | '\u{20E3}'))
        && (next == Some('\u{20E3}') || after == Some('\u{20E3}'));
    if !keycap {
        return None;
    }
    let j = if next == Some('\u{20E3}') {
        i + 2
    } else {
        i + 3
    };
    lx.push(TokenKind::Emoji, i, j);
    Some(j)
}

fn lex_newline(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    (c == '\n').then(|| {
        lx.push(TokenKind::Newline, i, i + 1);
        i + 1
    })
}

fn lex_space(_: &mut Lexer, i: usize, c: char) -> Option<usize> {
    is_space(c).then_some(i + 1)
}

/// `http://…`, `https://…`, `www.…`, up to whitespace, without trailing punctuation.
fn lex_url(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !matches!(c, 'h' | 'H' | 'w' | 'W') {
        return None;
    }
    let rest = &lx.source.as_bytes()[lx.byte_at(i)..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let mut j = i;
    while j < lx.len() && !lx.chars[j].1.is_whitespace() {
        j += 1;
    }
    while j > i + 4 && ends_no_link(lx.chars[j - 1].1) {
        j -= 1;
    }
    lx.push(TokenKind::Url, i, j);
    Some(j)
}

/// ASCII emoticons such as `:)`, the longest that stands apart from words.
fn lex_emoticon(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !matches!(c, ':' | ';' | '<' | 'x' | 'X' | '^' | '(' | '=') {
        return None;
    }
    let rest = &lx.source[lx.byte_at(i)..];
    let mut matched = None;
    for e in ASCII_EMOTICONS.iter().filter(|e| rest.starts_with(*e)) {
        let end = i + e.chars().count();
        let before_ok = !lx.after_word_char(i);
        let after_ok = lx.ch(end).map(|c| !is_word_char(c)).unwrap_or(true);
        if before_ok && after_ok && matched.map(|m: usize| end > m).unwrap_or(true) {
            matched = Some(end);
        }
    }
    let end = matched?;
    lx.push(TokenKind::Emoji, i, end);
    Some(end)
}

/// Bare domains with a common top-level domain: "bol.com", "tesco.com/store".
fn lex_bare_domain(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !c.is_ascii_alphanumeric() || lx.after_word_char(i) {
        return None;
    }
    let end = bare_domain_end(&lx.chars, i)?;
    lx.push(TokenKind::Url, i, end);
    Some(end)
}

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
        while end > host_end && ends_no_link(chars[end - 1].1) {
            end -= 1;
        }
    }
    Some(end)
}

/// `@handle` and `#tag`.
/// A saved reply's placeholder, `{order_number}`, as one token.
fn lex_placeholder(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if c != '{' {
        return None;
    }
    let (end, _) = super::placeholder::at(lx.source, lx.byte_at(i))?;
    let j = i + lx.source[lx.byte_at(i)..end].chars().count();
    lx.push(TokenKind::Placeholder, i, j);
    Some(j)
}

fn lex_mention_or_hashtag(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    let handle = |d: char| d.is_alphanumeric() || d == '_';
    if !(c == '@' || c == '#') || !lx.ch(i + 1).is_some_and(handle) {
        return None;
    }
    let mut j = i + 1;
    while j < lx.len() && handle(lx.chars[j].1) {
        j += 1;
    }
    let kind = if c == '@' {
        TokenKind::Mention
    } else {
        TokenKind::Hashtag
    };
    lx.push(kind, i, j);
    Some(j)
}

/// A word: letters and digits, with inner joiners ("i'm", "06-12345678", "9:00"), and
/// "20%"; or, when an `@` and a domain follow, an e-mail address.
fn lex_word(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !is_word_char(c) {
        return None;
    }
    let n = lx.len();
    let mut j = i + 1;
    loop {
        while j < n && is_word_char(lx.chars[j].1) {
            j += 1;
        }
        if joins_at(&lx.chars, j) {
            j += 1;
            continue;
        }
        if let Some(end) = lex_email(lx, i, j) {
            return Some(end);
        }
        // "20%" and "100%" are one word
        if j < n && lx.chars[j].1 == '%' && lx.chars[j - 1].1.is_ascii_digit() {
            j += 1;
        }
        lx.push(TokenKind::Word, i, j);
        return Some(j);
    }
}

/// The char at `j` joins the alphanumeric runs around it into one word: `'` and `-`
/// always; `:`, `,` and `/` only between digits (9:00, 1,50, 24/7); `.` between digits or
/// after a single letter (9.30, e.g.).
fn joins_at(chars: &[(usize, char)], j: usize) -> bool {
    if j + 1 >= chars.len() || !is_inner_joiner(chars[j].1) || !is_word_char(chars[j + 1].1) {
        return false;
    }
    let digits = chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit();
    match chars[j].1 {
        ':' | ',' | '/' => digits,
        '.' => {
            digits
                || (chars[j - 1].1.is_alphabetic() && j >= 2 && !chars[j - 2].1.is_alphanumeric())
        }
        _ => true,
    }
}

/// An e-mail address whose `@` is at char `j`, after the word run `[i, j)`: pushes it
/// (taking back the tokens of its local part) and returns its end.
fn lex_email(lx: &mut Lexer, i: usize, j: usize) -> Option<usize> {
    let n = lx.len();
    if !(j + 1 < n && lx.chars[j].1 == '@' && is_word_char(lx.chars[j + 1].1)) {
        return None;
    }
    let mut k = j + 1;
    let mut saw_dot = false;
    while k < n
        && (is_word_char(lx.chars[k].1)
            || lx.chars[k].1 == '-'
            || (lx.chars[k].1 == '.' && lx.ch(k + 1).map(is_word_char).unwrap_or(false)))
    {
        saw_dot |= lx.chars[k].1 == '.';
        k += 1;
    }
    if !saw_dot {
        return None;
    }
    // include the local part's dots/underscores: walk back
    let mut s = i;
    while s > 0
        && (is_word_char(lx.chars[s - 1].1) || matches!(lx.chars[s - 1].1, '.' | '_' | '-' | '+'))
    {
        s -= 1;
    }
    // drop tokens that were part of the local part
    let local_start = lx.byte_at(s);
    while lx.tokens.last().is_some_and(|t| t.byte.0 >= local_start) {
        lx.tokens.pop();
    }
    lx.push(TokenKind::Email, s, k);
    Some(k)
}

/// A pictograph with its modifiers and ZWJ sequence; a flag is a pair of regional
/// indicators.
fn lex_pictograph(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    if !is_pictograph(c) {
        return None;
    }
    let mut j = i + 1;
    if is_regional_indicator(c) && lx.ch(j).is_some_and(is_regional_indicator) {
        j += 1;
    }
    while j < lx.len()
        && (is_emoji_modifier(lx.chars[j].1)
            || (lx.chars[j - 1].1 == '\u{200D}' && is_pictograph(lx.chars[j].1)))
    {
        j += 1;
    }
    lx.push(TokenKind::Emoji, i, j);
    Some(j)
}

/// Sentence-ending punctuation, a run of it as one token ("?!", "...").
fn lex_terminal(lx: &mut Lexer, i: usize, c: char) -> Option<usize> {
    let terminal = |c: char| matches!(c, '.' | '!' | '?' | '…');
    if !terminal(c) {
        return None;
    }
    let mut j = i + 1;
    while j < lx.len() && terminal(lx.chars[j].1) {
        j += 1;
    }
    lx.push(TokenKind::Terminal, i, j);
    Some(j)
}

/// An emoji modifier with no emoji before it is skipped.
fn lex_lone_modifier(_: &mut Lexer, i: usize, c: char) -> Option<usize> {
    is_emoji_modifier(c).then_some(i + 1)
}
