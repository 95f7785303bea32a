//! Letter case: lower and upper case, and what a replacement needs to fit where it goes.
//!
//! [`to_lower`] and [`to_upper`] are `char::to_lowercase` and `char::to_uppercase`, from
//! tables that build.rs makes of those (runs of characters with one offset): the
//! standard library's own tables are about 25 KB of the wasm, these a fifth of that.
//! The engine uses these, never the standard library's case mapping.

include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));

/// The characters one character maps to (one, or up to three: "ß" → "SS").
#[derive(Debug, Clone)]
pub struct CaseMapping {
    chars: [char; 3],
    len: u8,
    next: u8,
}

impl Iterator for CaseMapping {
    type Item = char;
    #[inline]
    fn next(&mut self) -> Option<char> {
        let c = *self.chars[..self.len as usize].get(self.next as usize)?;
        self.next += 1;
        Some(c)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.len - self.next.min(self.len)) as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for CaseMapping {}

impl CaseMapping {
    fn one(c: char) -> CaseMapping {
        CaseMapping {
            chars: [c, '\0', '\0'],
            len: 1,
            next: 0,
        }
    }
}

/// `c` mapped by a table of build.rs: a run is packed in a `u64` as its first character
/// (bits 0–20), its length less one (21–28), whether it takes every second character
/// (29) and the offset to add (32–63, two's complement).
fn mapped(c: char, runs: &[u64], multi: &[(char, &str)]) -> CaseMapping {
    let code = c as u32;
    let i = runs.partition_point(|&r| (r as u32 & 0x1F_FFFF) <= code);
    if let Some(&r) = i.checked_sub(1).and_then(|i| runs.get(i)) {
        let from_first = code - (r as u32 & 0x1F_FFFF);
        let stride = 1 + (r >> 29 & 1) as u32;
        let count = (r >> 21 & 0xFF) as u32 + 1;
        if from_first.is_multiple_of(stride) && from_first / stride < count {
            let to = code.wrapping_add((r >> 32) as u32);
            return CaseMapping::one(char::from_u32(to).unwrap_or(c));
        }
    }
    match multi.binary_search_by(|(k, _)| k.cmp(&c)) {
        Ok(k) => {
            let mut m = CaseMapping::one(c);
            m.len = 0;
            for ch in multi[k].1.chars().take(3) {
                m.chars[m.len as usize] = ch;
                m.len += 1;
            }
            m
        }
        Err(_) => CaseMapping::one(c),
    }
}

/// `c` in lower case, as `char::to_lowercase`.
#[inline]
pub fn to_lower(c: char) -> CaseMapping {
    if c.is_ascii() {
        CaseMapping::one(c.to_ascii_lowercase())
    } else {
        mapped(c, LOWER_RUNS, LOWER_MULTI)
    }
}

/// `c` in upper case, as `char::to_uppercase`.
#[inline]
pub fn to_upper(c: char) -> CaseMapping {
    if c.is_ascii() {
        CaseMapping::one(c.to_ascii_uppercase())
    } else {
        mapped(c, UPPER_RUNS, UPPER_MULTI)
    }
}

/// `s` in lower case, character by character: `str::to_lowercase` but for its rule for
/// a word-final capital sigma (always "σ" here), which no word the engine compares with
/// (Dutch, English) has.
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(to_lower(c));
        }
    }
    out
}

/// `s` with its first letter upper-cased ("wat vervelend" → "Wat vervelend").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => to_upper(f).collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `s` with its first letter lower-cased ("Wij" → "wij").
pub fn decapitalise(s: &str) -> String {
    let mut c = s.chars();
    let head: String = c.next().map(|h| to_lower(h).collect()).unwrap_or_default();
    head + c.as_str()
}

/// `s` starts with an upper-case letter.
#[inline]
pub fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `replacement`, capitalised when `original` starts with a capital ("Je" → "U").
pub fn same_case_as(original: &str, replacement: &str) -> String {
    if starts_upper(original) {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_helpers() {
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(capitalise(""), "");
        assert_eq!(decapitalise("Wij zijn"), "wij zijn");
        assert!(starts_upper("Ómar") && !starts_upper("ómar") && !starts_upper(""));
        assert_eq!(same_case_as("Je", "u"), "U");
        assert_eq!(same_case_as("je", "u"), "u");
    }

    #[test]
    fn the_case_tables_map_every_character_as_the_standard_library_does() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert!(to_lower(c).eq(c.to_lowercase()), "{c:?} lower");
            assert!(to_upper(c).eq(c.to_uppercase()), "{c:?} upper");
        }
        assert_eq!(to_upper('ß').collect::<String>(), "SS");
        assert_eq!(to_lower('İ').collect::<String>(), "i\u{307}");
        let s = "Ÿ ÉCOLE Straße ǅ ΑΘΗΝΑ İstanbul Ⅻ 𐐀";
        assert_eq!(lowercase(s), s.to_lowercase());
        // the one difference: no final sigma
        assert_eq!(lowercase("ΟΔΟΣ"), "οδοσ");
    }
}
