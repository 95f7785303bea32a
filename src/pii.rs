//! Personal data in a reply (brief §8): mobile phone numbers, personal e-mail
//! addresses, bank account numbers (IBAN, checksum-verified) and street addresses.
//! A company's landline or service number, or a role address such as
//! service@company.nl, is contact information of the organisation, not personal data.

use crate::lexicon::{in_any_language, words_in_any_language, List};
use crate::text::{starts_upper, Doc, TokenKind, TokenRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PiiKind {
    Phone,
    Email,
    Iban,
    Address,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PiiItem {
    pub kind: PiiKind,
    pub range: TokenRange,
}

fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn is_mobile(digits: &str, international: bool) -> bool {
    let d = digits.strip_prefix("00").unwrap_or(digits);
    let intl = international || digits.starts_with("00");
    if intl {
        (d.starts_with("316") && d.len() == 11)
            || (d.starts_with("447") && d.len() == 12)
            || (d.starts_with("324") && d.len() == 11)
    } else {
        (d.starts_with("06") && d.len() == 10)
            || (d.starts_with("07") && d.len() == 11)
            || (d.starts_with("04") && d.len() == 10)
    }
}

fn iban_valid(s: &str) -> bool {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if s.len() < 15 || s.len() > 34 || !s.is_char_boundary(4) {
        return false;
    }
    let b = s.as_bytes();
    if !(b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && b[2].is_ascii_digit()
        && b[3].is_ascii_digit())
    {
        return false;
    }
    if !s.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let rearranged = format!("{}{}", &s[4..], &s[..4]);
    let mut rem: u32 = 0;
    for c in rearranged.bytes() {
        let v = if c.is_ascii_digit() {
            (c - b'0') as u32
        } else {
            (c - b'A') as u32 + 10
        };
        let step = if v >= 10 { 100 } else { 10 };
        rem = (rem * step + v) % 97;
    }
    rem == 1
}

/// Finds the personal data in a reply: at each token, the scanners are tried in order,
/// and the first that finds an item there takes its tokens.
pub fn scan(doc: &Doc) -> Vec<PiiItem> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let found = email_at(doc, i)
            .or_else(|| iban_at(doc, i))
            .or_else(|| phone_at(doc, i))
            .or_else(|| street_at(doc, i))
            .or_else(|| numbered_address_at(doc, i));
        match found {
            Some(item) => {
                i = item.range.end;
                out.push(item);
            }
            None => i += 1,
        }
    }
    out
}

fn item(kind: PiiKind, start: usize, end: usize) -> PiiItem {
    PiiItem {
        kind,
        range: TokenRange { start, end },
    }
}

/// A personal e-mail address: not a role's (service@…, info@…).
fn email_at(doc: &Doc, i: usize) -> Option<PiiItem> {
    let tok = &doc.tokens[i];
    if tok.kind != TokenKind::Email {
        return None;
    }
    let local = tok.norm.split('@').next().unwrap_or("");
    (!in_any_language(List::RoleAddress, local)).then(|| item(PiiKind::Email, i, i + 1))
}

/// An IBAN: up to 9 adjacent alphanumeric chunks starting with CC99, checksum-verified.
fn iban_at(doc: &Doc, i: usize) -> Option<PiiItem> {
    let tok = &doc.tokens[i];
    let b = tok.norm.as_bytes();
    let starts_like_iban = tok.is_word()
        && b.len() >= 4
        && b[0].is_ascii_alphabetic()
        && b[1].is_ascii_alphabetic()
        && b[2].is_ascii_digit()
        && b[3].is_ascii_digit();
    if !starts_like_iban {
        return None;
    }
    let mut s = String::new();
    for (j, chunk) in doc.tokens.iter().enumerate().skip(i).take(9) {
        if !chunk.is_word() || !chunk.norm.bytes().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        s.push_str(&chunk.norm);
        if iban_valid(&s) {
            return Some(item(PiiKind::Iban, i, j + 1));
        }
    }
    None
}

/// A mobile number: "+31 6 12345678", "06-12345678", "07700 900123" (a landline or a
/// service number is the organisation's).
fn phone_at(doc: &Doc, i: usize) -> Option<PiiItem> {
    let t = &doc.tokens;
    let plus = t[i].kind == TokenKind::Punct && t[i].norm == "+";
    let starts_with_digit =
        |k: usize| t[k].is_word() && t[k].norm.bytes().next().is_some_and(|c| c.is_ascii_digit());
    if !plus && !starts_with_digit(i) {
        return None;
    }
    let mut digits = String::new();
    let mut j = if plus { i + 1 } else { i };
    while j < t.len()
        && t[j].is_word()
        && t[j]
            .norm
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'-' || c == b'.')
        && digits.len() < 13
    {
        digits.push_str(&digits_of(&t[j].norm));
        j += 1;
        if is_mobile(&digits, plus) {
            return Some(item(PiiKind::Phone, i, j));
        }
    }
    None
}

/// A street and its number: "Kerkstraat 12".
fn street_at(doc: &Doc, i: usize) -> Option<PiiItem> {
    let tok = &doc.tokens[i];
    if !tok.is_word() || tok.has_digit() {
        return None;
    }
    let next_is_number = doc.tokens.get(i + 1).is_some_and(|n| {
        n.is_word()
            && n.norm.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && n.norm.len() <= 5
    });
    // (the street endings only for a word followed by a number: most words are not)
    let is_street = || {
        words_in_any_language(List::StreetSuffix)
            .iter()
            .any(|s| tok.norm.len() > s.len() + 2 && tok.norm.ends_with(s.as_str()))
    };
    (next_is_number && is_street()).then(|| item(PiiKind::Address, i, i + 2))
}

/// An address that starts with a number: "221 Baker Street", or a Dutch postcode
/// "1234 AB".
fn numbered_address_at(doc: &Doc, i: usize) -> Option<PiiItem> {
    let t = &doc.tokens;
    let tok = &t[i];
    if !tok.is_word() || tok.norm.len() > 4 || !tok.norm.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if let (Some(a), Some(b)) = (t.get(i + 1), t.get(i + 2)) {
        let capital = a.is_word() && starts_upper(a.text(doc.source));
        if capital && b.is_word() && in_any_language(List::StreetWord, &b.norm) {
            return Some(item(PiiKind::Address, i, i + 3));
        }
    }
    let a = t.get(i + 1).filter(|_| tok.norm.len() == 4)?;
    let raw = a.text(doc.source);
    (raw.len() == 2 && raw.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| item(PiiKind::Address, i, i + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<PiiKind> {
        scan(&Doc::new(s)).into_iter().map(|p| p.kind).collect()
    }

    #[test]
    fn finds_personal_data() {
        assert_eq!(
            kinds("Bel me op 06-12345678 of mail anouk.support@zorg.nl"),
            [PiiKind::Phone, PiiKind::Email]
        );
        assert_eq!(kinds("call +31 6 12345678"), [PiiKind::Phone]);
        assert_eq!(
            kinds("refund to NL91 ABNA 0417 1643 00 today"),
            [PiiKind::Iban]
        );
        assert_eq!(
            kinds("sent to Kerkstraat 12, 1234 AB Utrecht"),
            [PiiKind::Address, PiiKind::Address]
        );
        assert_eq!(kinds("delivered to 221 Baker Street"), [PiiKind::Address]);
    }

    #[test]
    fn an_iban_like_word_after_other_data_does_not_stall() {
        // found by the fuzz smoke as a hang
        assert_eq!(kinds("mail a@b.nl Ho12,50"), [PiiKind::Email]);
    }

    #[test]
    fn organisation_contact_details_are_not_personal() {
        assert!(kinds("Neem contact op via 030-1234567 of service@zorg.nl").is_empty());
        assert!(kinds("order 12345678, code BF30, 18:05, NL12 is not an iban").is_empty());
    }
}
