//! Reply length as the platform counts it. X: 280 weighted characters (twitter-text v3:
//! CJK and other wide scripts and every emoji count double, a URL counts 23, the
//! @mentions that open a reply are not counted). Facebook comments: 8,000 characters.

use crate::model::{Length, Platform};
use crate::text::{Doc, TokenKind};

pub const X_LIMIT: usize = 280;
pub const FACEBOOK_LIMIT: usize = 8000;
const X_URL_WEIGHT: usize = 23;

fn x_char_weight(c: char) -> usize {
    match c as u32 {
        0..=4351 | 8192..=8205 | 8208..=8223 | 8242..=8247 => 1,
        _ => 2,
    }
}

/// Counted length, and the UTF-16 offset where the text passes the limit (if it does).
pub fn measure(doc: &Doc, platform: Platform) -> (Length, Option<usize>) {
    let text = doc.source;
    match platform {
        Platform::Facebook => {
            let (count, over_at) = if text.is_ascii() {
                // one character, one UTF-16 unit each
                (
                    text.len(),
                    (text.len() > FACEBOOK_LIMIT).then_some(FACEBOOK_LIMIT),
                )
            } else {
                // characters are the bytes that do not continue one; where the limit
                // falls is only needed past it
                let count = text.bytes().filter(|&b| b & 0xC0 != 0x80).count();
                let over_at = (count > FACEBOOK_LIMIT).then(|| {
                    let (k, _) = text
                        .char_indices()
                        .nth(FACEBOOK_LIMIT)
                        .expect("more characters than the limit");
                    crate::text::utf16_len(&text[..k])
                });
                (count, over_at)
            };
            (
                Length {
                    counted: count,
                    limit: FACEBOOK_LIMIT,
                },
                over_at.map(|u| crate::text::snap_utf16_back(text, u)),
            )
        }
        Platform::X => {
            // leading @mentions (the reply prefix) and the whitespace after them are free
            let skip_until = doc
                .tokens
                .iter()
                .position(|t| t.kind != TokenKind::Mention)
                .map(|i| doc.tokens[i].byte.0)
                .unwrap_or(text.len());
            let mut count = 0;
            let mut over_at = None;
            let mut byte = skip_until;
            let mut u = crate::text::utf16_len(&text[..skip_until]);
            // plain text between links and emoji: each character by its weight
            let plain = |from: usize,
                         to: usize,
                         count: &mut usize,
                         u: &mut usize,
                         over_at: &mut Option<usize>| {
                let span = &text[from..to];
                if span.is_ascii() {
                    // weight 1 and one UTF-16 unit per character: the count crosses the
                    // limit at the (limit - count + 1)-th of them
                    if over_at.is_none() && *count + span.len() > X_LIMIT {
                        *over_at = Some(*u + X_LIMIT.saturating_sub(*count));
                    }
                    *count += span.len();
                    *u += span.len();
                    return;
                }
                for c in span.chars() {
                    *count += x_char_weight(c);
                    if *count > X_LIMIT && over_at.is_none() {
                        *over_at = Some(*u);
                    }
                    *u += c.len_utf16();
                }
            };
            for t in doc.tokens.iter().filter(|t| t.byte.0 >= skip_until) {
                let weight = match t.kind {
                    TokenKind::Url => X_URL_WEIGHT,
                    TokenKind::Emoji
                        if crate::text::is_pictograph(
                            text[t.byte.0..].chars().next().unwrap_or(' '),
                        ) =>
                    {
                        2
                    }
                    _ => continue,
                };
                plain(byte, t.byte.0, &mut count, &mut u, &mut over_at);
                count += weight;
                if count > X_LIMIT && over_at.is_none() {
                    over_at = Some(u);
                }
                u += t.utf16.1 - t.utf16.0;
                byte = t.byte.1;
            }
            plain(byte, text.len(), &mut count, &mut u, &mut over_at);
            (
                Length {
                    counted: count,
                    limit: X_LIMIT,
                },
                over_at.map(|u| crate::text::snap_utf16_back(text, u)),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_weighting() {
        let d = Doc::new("@a @b hi https://example.com/a/very/long/path/that/goes/on/and/on 😊");
        let (len, over) = measure(&d, Platform::X);
        // "hi " = 3, url = 23, " " = 1, emoji = 2
        assert_eq!(len.counted, 29);
        assert_eq!(over, None);
        // the limit crossed inside plain ASCII after a link, and after non-ASCII text
        let m = |text: String, platform| measure(&Doc::new(&text), platform);
        let after_link = m(
            format!("https://example.com {}", "b".repeat(300)),
            Platform::X,
        );
        assert_eq!(
            after_link,
            (
                Length {
                    counted: 324,
                    limit: 280
                },
                Some(276)
            )
        );
        assert_eq!(
            m(format!("é😊 {}", "b".repeat(300)), Platform::X).1,
            Some(280)
        );
        assert_eq!(m("é".repeat(8001), Platform::Facebook).1, Some(8000));
        let ascii = m("e".repeat(8001), Platform::Facebook);
        assert_eq!(
            ascii,
            (
                Length {
                    counted: 8001,
                    limit: 8000
                },
                Some(8000)
            )
        );
        let long = "a".repeat(281);
        let (len, over) = measure(&Doc::new(&long), Platform::X);
        assert_eq!(len.counted, 281);
        assert_eq!(over, Some(280));
    }

    #[test]
    fn facebook_counts_characters() {
        let (len, _) = measure(&Doc::new("héllo 😊"), Platform::Facebook);
        assert_eq!(
            len,
            Length {
                counted: 7,
                limit: FACEBOOK_LIMIT
            }
        );
    }
}
