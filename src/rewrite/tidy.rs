//! Cleaning up after edits: spacing and punctuation that an edit left behind, and a
//! capital where a sentence starts.

use crate::text::{Doc, TokenKind};

/// Cleans up after edits: double spaces, space before punctuation, orphan punctuation,
/// and a capital at the start of each sentence.
pub fn tidy(text: &str) -> String {
    capitalise_sentences(&tidy_lines(text))
}

/// The spacing and punctuation half of [`tidy`], line by line, in one buffer: every
/// character it drops or looks at is ASCII, so it works on bytes and copies the other
/// characters whole.
fn tidy_lines(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push(b'\n');
        }
        let start = out.len();
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            // the last byte of this line so far
            let last = |out: &Vec<u8>| (out.len() > start).then(|| out[out.len() - 1]);
            if b == b' ' && last(&out) == Some(b' ') {
                continue;
            }
            // an emoticon is no punctuation: "done! :)" keeps its space and its colon
            if matches!(b, b';' | b':') && starts_emoticon(&bytes[i + 1..]) {
                out.push(b);
                continue;
            }
            if matches!(b, b',' | b'.' | b'!' | b'?' | b';' | b':') && last(&out) == Some(b' ') {
                out.pop();
                // what an edit left behind: "werken. ." → "werken."
                if matches!(last(&out), Some(b'.' | b'!' | b'?'))
                    && matches!(b, b'.' | b',' | b';' | b':')
                {
                    continue;
                }
            }
            // ", ." → "."  and ",," → ","
            if matches!(b, b'.' | b'!' | b'?') && last(&out) == Some(b',') {
                out.pop();
            }
            if b == b',' && matches!(last(&out), Some(b',' | b'.' | b'!' | b'?')) {
                continue;
            }
            out.push(b);
        }
        // the line without its outer spaces and without punctuation at its start
        // (not `expect`: its message would link the error's Debug formatting into the wasm)
        let Ok(line) = std::str::from_utf8(&out[start..]) else {
            unreachable!("only ASCII bytes were removed")
        };
        let kept = line
            .trim()
            .trim_start_matches([',', ';', ':', '.', '!', '?'])
            .trim_start();
        let from = start + (kept.as_ptr() as usize - line.as_ptr() as usize);
        let len = kept.len();
        out.copy_within(from..from + len, start);
        out.truncate(start + len);
    }
    String::from_utf8(out).unwrap_or_else(|_| unreachable!("only ASCII bytes were removed"))
}

/// What follows a colon or a semicolon makes it an emoticon's eyes: ":)", ":-(", ";D",
/// ":P".
fn starts_emoticon(after: &[u8]) -> bool {
    let mouth = match after {
        [b'-' | b'\'', rest @ ..] => rest.first(),
        _ => after.first(),
    };
    matches!(
        mouth,
        Some(
            b')' | b'('
                | b'D'
                | b'P'
                | b'p'
                | b'/'
                | b'|'
                | b'*'
                | b'O'
                | b'o'
                | b'3'
                | b']'
                | b'['
        )
    ) && !after
        .get(1)
        .is_some_and(|c| c.is_ascii_alphanumeric() && mouth != Some(&b'-'))
}

/// `text` ends with an abbreviation ("U.S.", "e.g.", "J."): a full stop that ends no
/// sentence ("U.S. based" keeps its lower case).
fn ends_abbreviation(text: &str) -> bool {
    let start = text.rfind(char::is_whitespace).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &text[start..];
    let Some(inner) = word.strip_suffix('.') else {
        return false;
    };
    inner.contains('.') || inner.len() == 1 && inner.as_bytes()[0].is_ascii_alphabetic()
}

/// The capitals half of [`tidy`]: a capital after each sentence end and at the start of
/// the body (after @mentions), not in links, e-mail addresses or domains.
fn capitalise_sentences(joined: &str) -> String {
    let bytes = joined.as_bytes();
    let mut out = String::with_capacity(joined.len());
    let mut cap_next = true;
    let mut in_mention = false;
    let mut last: Option<char> = None;
    let mut pos = 0;
    while pos < bytes.len() {
        let at = pos;
        // ASCII without decoding (most characters); the others whole
        let c = if bytes[at] < 0x80 {
            pos += 1;
            bytes[at] as char
        } else {
            let c = joined[at..].chars().next().expect("a char boundary");
            pos += c.len_utf8();
            c
        };
        if c == '@' && cap_next {
            in_mention = true;
        }
        if in_mention {
            out.push(c);
            last = Some(c);
            if c.is_whitespace() {
                in_mention = false;
            }
            continue;
        }
        if cap_next && c.is_alphabetic() {
            let is_link = starts_a_link(&joined[at..]);
            if is_link {
                out.push(c);
                last = Some(c);
            } else {
                let before = out.len();
                out.extend(crate::text::case::to_upper(c));
                last = out[before..].chars().next_back();
            }
            cap_next = false;
            continue;
        }
        if c == '\n'
            || (c.is_whitespace()
                && matches!(last, Some('.' | '!' | '?'))
                && !(last == Some('.') && ends_abbreviation(&out)))
        {
            cap_next = true;
        } else if matches!(c, '.' | '!' | '?') {
            // wait for the whitespace: "bol.com" and "9.30" stay as they are
        } else if c == '^' {
            // a signature keeps the agent's own case ("^sp")
            in_mention = true;
        } else if !c.is_whitespace() && !matches!(c, '"' | '\'' | '(' | '-' | '–') {
            cap_next = false;
        }
        out.push(c);
        last = Some(c);
    }
    match out.trim() {
        t if t.len() == out.len() => out,
        t => t.to_string(),
    }
}

/// The text starts with a link, an e-mail address or a domain ("https://…", "info@…",
/// "bol.com"): its first letter keeps its case.
fn starts_a_link(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or("");
    word.contains("://")
        || word.contains('@')
        || word.contains('.')
            && Doc::new(word)
                .tokens
                .first()
                .is_some_and(|t| t.kind == TokenKind::Url)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward [`tidy`] it replaced (a String per line, then a join): the
    /// oracle for the one-buffer version.
    fn tidy_reference(text: &str) -> String {
        let mut lines: Vec<String> = Vec::new();
        for line in text.split('\n') {
            let mut s = String::with_capacity(line.len());
            for (i, c) in line.char_indices() {
                if c == ' ' && s.ends_with(' ') {
                    continue;
                }
                if matches!(c, ';' | ':') && starts_emoticon(&line.as_bytes()[i + 1..]) {
                    s.push(c);
                    continue;
                }
                if matches!(c, ',' | '.' | '!' | '?' | ';' | ':') && s.ends_with(' ') {
                    s.pop();
                    // what an edit left behind: "werken. ." → "werken."
                    if s.ends_with(['.', '!', '?']) && matches!(c, '.' | ',' | ';' | ':') {
                        continue;
                    }
                }
                // ", ." → "."  and ",," → ","
                if matches!(c, '.' | '!' | '?') && s.ends_with(',') {
                    s.pop();
                }
                if c == ','
                    && (s.ends_with(',')
                        || s.ends_with('.')
                        || s.ends_with('!')
                        || s.ends_with('?'))
                {
                    continue;
                }
                s.push(c);
            }
            let trimmed = s
                .trim()
                .trim_start_matches([',', ';', ':', '.', '!', '?'])
                .trim_start()
                .to_string();
            lines.push(trimmed);
        }
        let joined = lines.join("\n");
        // capitals after sentence ends (and at the start of the body, after @mentions)
        let mut out = String::with_capacity(joined.len());
        let mut cap_next = true;
        let mut in_mention = false;
        for (pos, c) in joined.char_indices() {
            if c == '@' && cap_next {
                in_mention = true;
            }
            if in_mention {
                out.push(c);
                if c.is_whitespace() {
                    in_mention = false;
                }
                continue;
            }
            if cap_next && c.is_alphabetic() {
                let is_link = starts_a_link(&joined[pos..]);
                if is_link {
                    out.push(c);
                } else {
                    out.extend(crate::text::case::to_upper(c));
                }
                cap_next = false;
                continue;
            }
            if c == '\n'
                || (c.is_whitespace()
                    && matches!(out.chars().last(), Some('.' | '!' | '?'))
                    && !(out.ends_with('.') && ends_abbreviation(&out)))
            {
                cap_next = true;
            } else if matches!(c, '.' | '!' | '?') {
                // wait for the whitespace: "bol.com" and "9.30" stay as they are
            } else if c == '^' {
                in_mention = true;
            } else if !c.is_whitespace() && !matches!(c, '"' | '\'' | '(' | '-' | '–') {
                cap_next = false;
            }
            out.push(c);
        }
        out.trim().to_string()
    }

    #[test]
    fn tidy_equals_its_reference() {
        // every character tidy treats specially, in runs, with words, links, mentions,
        // non-ASCII spaces and letters
        let pieces = [
            " ",
            "  ",
            ",",
            ".",
            "!",
            "?",
            ";",
            ":",
            ")",
            "-)",
            "D",
            "\n",
            "\u{a0}",
            "\u{2003}",
            "\t",
            "@shop",
            "hoi",
            "Wij",
            "ßtraße",
            "élan",
            "bol.com",
            "https://x.nl/a",
            "info@x.nl",
            "9.30",
            "\"",
            "(",
            "^",
            "-",
            "–",
            "😊",
            "👍🏽",
            "i",
            "ﬁ",
            "…",
            "'",
            "ǆ",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |below: usize| {
            // xorshift64*
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            (seed.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % below
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(14) {
                text.push_str(pieces[next(pieces.len())]);
            }
            assert_eq!(tidy(&text), tidy_reference(&text), "{text:?}");
        }
        for fixture in [
            include_str!("../../demo/sample.jsonl"),
            include_str!("../../tests/fixtures/probe.jsonl"),
        ] {
            for line in fixture.lines() {
                assert_eq!(tidy(line), tidy_reference(line));
            }
        }
    }

    #[test]
    fn tidy_cleans_edits() {
        assert_eq!(
            tidy("Hoi Sonja,  , er is geen storing ."),
            "Hoi Sonja, er is geen storing."
        );
        assert_eq!(
            tidy(". staat alles in onze FAQ. lees die."),
            "Staat alles in onze FAQ. Lees die."
        );
        assert_eq!(tidy("@Shop hi there"), "@Shop Hi there");
        // an emoticon keeps its eyes and the space before them
        assert_eq!(
            tidy("correction done! :) See you"),
            "Correction done! :) See you"
        );
        assert_eq!(tidy("happy to help :-) ;D"), "Happy to help :-) ;D");
        assert_eq!(tidy("times: 9:30 ."), "Times: 9:30.");
        // a signature keeps the agent's own case
        assert_eq!(tidy("we'll call you. ^sp"), "We'll call you. ^sp");
        // an abbreviation ends no sentence
        assert_eq!(
            tidy("we're U.S. based, e.g. in Ohio. see you"),
            "We're U.S. based, e.g. in Ohio. See you"
        );
    }
}
