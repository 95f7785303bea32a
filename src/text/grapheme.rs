//! Grapheme boundaries: a span never splits a letter from its accent, a surrogate pair or
//! an emoji sequence (ZWJ sequences, skin tones, flags, keycaps).

use super::{byte_of_utf16, utf16_len};

#[inline]
pub(super) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[inline]
pub(super) fn is_regional_indicator(c: char) -> bool {
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
