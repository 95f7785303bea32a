//! A token's normalised text ([`Norm`]) and what the language data knows of it, remembered
//! per token ([`WordEntry`]: `text` stores it, `lexicon` fills it, so the text layer
//! needs nothing from the layers above it).

use std::cell::Cell;

use crate::model::Lang;

/// What the language data knows of one word in one language: its id in the vocabulary
/// of the phrase patterns and the word lists it is in, as bits (see `lexicon::List`).
/// `lexicon` looks it up; a [`Norm`] remembers it, so a token is looked up once however
/// many readers ask about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordEntry {
    pub id: u32,
    pub lists: u64,
}

impl WordEntry {
    /// A word no list and no pattern names.
    pub const UNKNOWN: WordEntry = WordEntry {
        id: u32::MAX,
        lists: 0,
    };
    /// Not looked up yet (a real entry's lists have at most 63 bits, see `lexicon::List`).
    const NOT_LOOKED_UP: WordEntry = WordEntry {
        id: 0,
        lists: u64::MAX,
    };
}

/// A token's normalised text: stored inline up to [`Norm::INLINE`] bytes (almost every
/// word), so tokenising allocates nothing per token. It also remembers, per language,
/// its [`WordEntry`].
#[derive(Clone)]
pub struct Norm {
    text: NormText,
    /// The text has an ASCII digit (asked of every token by the phrase matcher).
    digit: bool,
    entries: [Cell<WordEntry>; Lang::ALL.len()],
}

#[derive(Clone)]
enum NormText {
    Inline { len: u8, buf: [u8; Norm::INLINE] },
    Heap(Box<str>),
}

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
            entries: std::array::from_fn(|_| Cell::new(WordEntry::NOT_LOOKED_UP)),
        }
    }

    /// This word's entry in `lang`: `lookup` (of every language's entries) the first
    /// time, remembered after that.
    #[inline]
    pub fn entry_cached(
        &self,
        lang: Lang,
        lookup: impl FnOnce() -> [WordEntry; Lang::ALL.len()],
    ) -> WordEntry {
        let known = self.entries[lang as usize].get();
        if known.lists != WordEntry::NOT_LOOKED_UP.lists {
            return known;
        }
        let all = lookup();
        for (cell, entry) in self.entries.iter().zip(all) {
            cell.set(entry);
        }
        all[lang as usize]
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

    /// The text has an ASCII digit.
    #[inline]
    pub fn has_digit(&self) -> bool {
        self.digit
    }
}

/// Lower case, typographic apostrophes and backticks folded to `'`: the form in which
/// tokens and the words of the data files are compared.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' | '´' => out.push('\''),
            _ => out.extend(super::case::to_lower(c)),
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn an_entry_is_looked_up_once() {
        let n = Norm::of("hoi");
        let mut calls = 0;
        let entry = |id| WordEntry { id, lists: 1 };
        for lang in [Lang::Nl, Lang::En, Lang::Nl] {
            n.entry_cached(lang, || {
                calls += 1;
                [entry(1), entry(2)]
            });
        }
        assert_eq!(calls, 1);
        assert_eq!(n.entry_cached(Lang::En, || unreachable!()).id, 2);
    }
}
