//! The elements of a conversational human voice (brief §4) a reply has, each with
//! where it was found, and the 0–100 voice score.

use crate::lexicon::{Category, CategoryHits, Lexicon, List};
use crate::model::Incoming;
use crate::text::placeholder::Placeholder;
use crate::text::{normalise, Doc, TokenKind, TokenRange};

use super::frame::{find_vocative, Frame};
use super::{is_capitalised, Element, Found, Reading, Strategy};

/// The voice elements, and who the reply addresses by name (the name after the
/// greeting, the customer's first name anywhere, or a name used as a vocative).
pub struct Voice {
    pub found: Vec<Found<Element>>,
    pub addressee: Option<TokenRange>,
}

/// What the reading of the strategies found that the voice elements build on.
pub struct Said<'r> {
    /// Per sentence: it asks (see `clauses::question_sentences`).
    pub questions: &'r [bool],
    pub strategies: &'r [Found<Strategy>],
    /// Sentences that advertise: they invite nothing (a question that sells is no
    /// invitation).
    pub commercial_sentences: &'r [TokenRange],
}

/// Reads the voice elements of the reply in `doc`.
pub fn read(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    incoming: &Incoming,
    frame: &Frame,
    said: &Said,
) -> Voice {
    let mut found: Vec<Found<Element>> = Vec::new();
    let mut el = |id: Element, r: TokenRange| {
        found.push(Found {
            id,
            span: doc.span(r),
        })
    };
    let one = |i: usize| TokenRange {
        start: i,
        end: i + 1,
    };
    let signature = frame.signature;
    let in_signature = |i: usize| signature.is_some_and(|s| s.contains(i));
    if let Some(g) = frame.greeting {
        el(Element::Greeting, g);
    }
    let addressee = addressee(doc, lx, hits, incoming, frame);
    if let Some(a) = addressee {
        el(Element::AddresseeName, a);
    }
    if let Some(s) = signature {
        el(Element::Signature, s);
    }
    if let Some((i, _)) = doc.words().find(|(i, t)| {
        lx.has_word(List::FirstPerson, &t.norm)
            && !in_signature(*i)
            && !names_a_page(doc, frame, *i)
    }) {
        el(Element::FirstPersonSingular, one(i));
    }
    if let Some(i) = doc.tokens.iter().position(|t| t.kind == TokenKind::Emoji) {
        el(Element::Emoticon, one(i));
    }
    if let Some(h) = hits.get(Category::Interjection).first() {
        el(Element::Interjection, h.range);
    } else if let Some((i, _)) = doc.words().find(|(i, t)| {
        lx.has_word(List::Interjection, &t.norm) && !frame.greeting.is_some_and(|g| g.contains(*i))
    }) {
        el(Element::Interjection, one(i));
    }
    if let Some(r) = informal(doc, lx, hits, frame) {
        el(Element::InformalWording, r);
    }
    if let Some(h) = hits.get(Category::Thanks).first() {
        el(Element::Thanks, h.range);
    }
    if let Some(r) = invitation(doc, lx, hits, said) {
        el(Element::InviteDialogue, r);
    }
    Voice { found, addressee }
}

/// Who the reply addresses by name: the customer's first name (or its placeholder,
/// `{first_name}`) anywhere outside the signature, else the name after the greeting, else
/// a name used as a vocative ("Kees, …", "Thanks Sam!", "…, Maria!").
fn addressee(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    incoming: &Incoming,
    frame: &Frame,
) -> Option<TokenRange> {
    let signature = frame.signature;
    let want = incoming.first_name.as_deref().map(normalise);
    let by_first_name = doc
        .tokens
        .iter()
        .enumerate()
        .find(|(i, t)| {
            let named = (t.is_word() && want.as_ref().is_some_and(|w| t.norm == *w))
                || t.placeholder() == Some(Placeholder::FirstName);
            named && !signature.is_some_and(|s| s.contains(*i))
        })
        .map(|(i, _)| TokenRange {
            start: i,
            end: i + 1,
        });
    by_first_name
        .or(frame.addressee)
        .or_else(|| find_vocative(doc, lx, hits.get(Category::Thanks), signature))
}

/// "Mijn Omgeving", "My Account": a capitalised "my" inside a sentence names a page.
fn names_a_page(doc: &Doc, frame: &Frame, i: usize) -> bool {
    let opens = doc
        .sentence_of(i)
        .map(|s| (s.tokens.start..i).all(|j| !doc.tokens[j].is_word() || frame.contains(j)))
        .unwrap_or(true);
    !opens && is_capitalised(doc, i) && is_capitalised(doc, i + 1)
}

/// Colloquial wording outside the frame: a word or phrase the lexicon knows as informal,
/// or a word with a letter drawn out ("noooo", "sooo"), which no formal text has.
fn informal(doc: &Doc, lx: &Lexicon, hits: &CategoryHits, frame: &Frame) -> Option<TokenRange> {
    let one = |i: usize| TokenRange {
        start: i,
        end: i + 1,
    };
    let word = doc.words().find(|(i, t)| {
        !frame.contains(*i)
            && (lx.has_word(List::Informal, &t.norm) || drawn_out(t.text(doc.source)))
    });
    let phrase = hits
        .get(Category::Informal)
        .iter()
        .find(|h| !frame.contains(h.range.start));
    match (word, phrase) {
        (Some((i, _)), Some(h)) if h.range.start < i => Some(h.range),
        (Some((i, _)), _) => Some(one(i)),
        (None, Some(h)) => Some(h.range),
        (None, None) => None,
    }
}

/// A word with one letter three times in a row ("noooo", "sooo", "jaaaa").
fn drawn_out(w: &str) -> bool {
    let mut run = 0;
    let mut prev = None;
    for c in w.chars() {
        if !c.is_alphabetic() {
            return false;
        }
        run = if Some(c) == prev { run + 1 } else { 1 };
        if run >= 3 {
            return w.chars().count() >= 4;
        }
        prev = Some(c);
    }
    false
}

/// Inviting dialogue: an invitation phrase, a real question to the customer (not a tag
/// question like "…, right?"), or a request for details they can answer here or in a DM
/// (not one sent to a form or page).
fn invitation(doc: &Doc, lx: &Lexicon, hits: &CategoryHits, said: &Said) -> Option<TokenRange> {
    let commercial = said.commercial_sentences;
    let outside = |r: &TokenRange| !commercial.iter().any(|s| s.overlaps(*r));
    let phrase = hits
        .get(Category::InviteDialogue)
        .iter()
        .find(|h| outside(&h.range))
        .map(|h| h.range);
    let question = || {
        doc.sentences
            .iter()
            .enumerate()
            .find(|(k, s)| {
                said.questions[*k]
                    && !commercial.contains(&s.tokens)
                    && !super::clauses::is_tag_question(doc, lx, s)
                    && (s.tokens.start..s.tokens.end).any(|i| doc.tokens[i].is_word())
            })
            .map(|(_, s)| s.tokens)
    };
    // (the details go to a form or page once the reply has linked one: "Submit a ticket
    // at <link>. Remember to attach your transaction ID.")
    let first_link = doc.tokens.iter().position(|t| t.kind == TokenKind::Url);
    let request = || {
        said.strategies
            .iter()
            .filter(|f| f.id == Strategy::InformationRequest)
            .filter_map(|f| {
                let i = doc.tokens.partition_point(|t| t.utf16.0 < f.span[0]);
                let s = doc.sentence_of(i)?;
                let linked = first_link.is_some_and(|l| l < s.tokens.end);
                (!linked && outside(&s.tokens)).then_some(s.tokens)
            })
            .next()
    };
    phrase.or_else(question).or_else(request)
}

/// The human-voice score, 0–100, after the three groups of conversational-human-voice
/// elements in the research (brief §4):
///
/// - personalisation, 55: greeting 10, addressing by name 15, first person singular 15,
///   signature with name or initials 15;
/// - informal speech, 15: emoticon 5, interjection 5, colloquial wording 5;
/// - invitational rhetoric, 30: sympathy 10, apology 5, thanks 5, inviting dialogue 10;
///
/// minus 10 for each stock corporate phrase (at most 30), clamped to 0–100. A human reply
/// therefore scores above a corporate one with the same content.
pub fn score(reading: &Reading) -> u32 {
    const ELEMENTS: [(Element, i32); 9] = [
        (Element::Greeting, 10),
        (Element::AddresseeName, 15),
        (Element::FirstPersonSingular, 15),
        (Element::Signature, 15),
        (Element::Emoticon, 5),
        (Element::Interjection, 5),
        (Element::InformalWording, 5),
        (Element::Thanks, 5),
        (Element::InviteDialogue, 10),
    ];
    const STRATEGIES: [(Strategy, i32); 2] = [(Strategy::Sympathy, 10), (Strategy::Apology, 5)];
    let elements: i32 = ELEMENTS
        .iter()
        .filter(|(id, _)| reading.has_element(*id))
        .map(|(_, w)| w)
        .sum();
    let strategies: i32 = STRATEGIES
        .iter()
        .filter(|(id, _)| reading.has_strategy(*id))
        .map(|(_, w)| w)
        .sum();
    let corporate = (reading.hits(Category::Corporate).len() as i32 * 10).min(30);
    (elements + strategies - corporate).clamp(0, 100) as u32
}
