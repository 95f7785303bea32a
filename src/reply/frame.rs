//! The frame of a reply: the greeting (with the name right after it), and the agent's
//! signature. What the reply says sits between them.

use crate::lexicon::{in_any_language, CategoryHits, Lexicon, List};
use crate::model::Profile;
use crate::text::placeholder::Placeholder;
use crate::text::{normalise, Doc, TokenKind, TokenRange};

use super::is_capitalised;

/// Where the reply greets and signs (token ranges).
#[derive(Debug, Clone, Copy, Default)]
pub struct Frame {
    pub greeting: Option<TokenRange>,
    /// The name right after the greeting ("Hi Rachel,").
    pub addressee: Option<TokenRange>,
    pub signature: Option<TokenRange>,
    /// A closing that signs for the organisation, not a person ("Team Webcare").
    pub closing: Option<TokenRange>,
}

impl Frame {
    /// Token `i` belongs to the greeting, the name after it, the signature or a closing.
    pub fn contains(&self, i: usize) -> bool {
        [self.greeting, self.addressee, self.signature, self.closing]
            .iter()
            .flatten()
            .any(|r| r.contains(i))
    }
}

/// Reads the frame. `customer` is the post author's first name, when known.
pub fn read(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    profile: &Profile,
    customer: Option<&str>,
) -> Frame {
    let (greeting, addressee) = find_greeting(doc, lx, customer);
    let closing = super::signature::find(doc, lx, hits, profile, customer);
    Frame {
        greeting,
        addressee,
        signature: closing.signature,
        closing: closing.organisation,
    }
}

/// Index of the first token that is not an @mention (replies on X open with them).
pub(super) fn body_start(doc: &Doc) -> usize {
    doc.tokens
        .iter()
        .position(|t| t.kind != TokenKind::Mention && t.kind != TokenKind::Newline)
        .unwrap_or(doc.tokens.len())
}

/// The greeting that opens the body, and the name right after it.
fn find_greeting(
    doc: &Doc,
    lx: &Lexicon,
    first_name: Option<&str>,
) -> (Option<TokenRange>, Option<TokenRange>) {
    let start = body_start(doc);
    let Some(t) = doc.tokens.get(start) else {
        return (None, None);
    };
    if !t.is_word() {
        return (None, None);
    }
    let mut end = start + 1;
    let two = doc
        .tokens
        .get(start + 1)
        .map(|n| format!("{} {}", t.norm, n.norm));
    // a greeting of two words ("good morning") in either language
    let is_greeting = if two.is_some_and(|two| in_any_language(List::GreetingPair, &two)) {
        end = start + 2;
        true
    } else if lx.has_word(List::Greeting, &t.norm) {
        // "dag"/"beste"/"dear" only greet when a name or punctuation follows
        if lx.has_word(List::GreetingBeforeName, &t.norm) {
            // "Beste Yusuf", "Beste klant,", "Dear customer,", "Dag!"
            let next_is_addressee = |k: usize| {
                is_capitalised(doc, k)
                    || doc.tokens.get(k + 1).is_some_and(|n| n.norm == ",")
                    || lx.has_word(List::Title, &doc.tokens[k].norm)
            };
            doc.tokens
                .get(start + 1)
                .map(|n| {
                    n.kind == TokenKind::Punct
                        || n.kind == TokenKind::Terminal
                        || next_is_addressee(start + 1)
                })
                .unwrap_or(true)
        } else {
            true
        }
    } else {
        false
    };
    if !is_greeting {
        return (None, None);
    }
    let greeting = TokenRange { start, end };
    // "Dag mevrouw De Vries", "Dear Mr Smith": a title and the surname after it
    let titled = doc
        .tokens
        .get(end)
        .is_some_and(|n| n.is_word() && lx.has_word(List::Title, &n.norm))
        && is_capitalised(doc, end + 1);
    if titled {
        let mut stop = end + 2;
        while stop < doc.tokens.len() && stop < end + 4 && is_capitalised(doc, stop) {
            stop += 1;
        }
        return (
            Some(greeting),
            Some(TokenRange {
                start: end,
                end: stop,
            }),
        );
    }
    // "Hi Rachel," / "Hoi Sonja!" — the name is evident from the greeting ("Hi
    // {first_name},": the name to come)
    let addressee = doc.tokens.get(end).and_then(|n| {
        let matches_author = first_name.map(|f| normalise(f) == n.norm).unwrap_or(false)
            || n.placeholder() == Some(Placeholder::FirstName);
        let looks_like_name = is_capitalised(doc, end)
            && !lx.has_word(List::Function, &n.norm)
            && !lx.has_word(List::Stop, &n.norm)
            && !lx.has_word(List::Department, &n.norm);
        (matches_author || looks_like_name).then_some(TokenRange {
            start: end,
            end: end + 1,
        })
    });
    (Some(greeting), addressee)
}

/// A capitalised word, not a common word, that opens the reply before a comma ("Kees,"),
/// follows a thank-you ("Thanks Sam,"), or closes a clause after a comma ("…, Maria!").
pub(super) fn find_vocative(
    doc: &Doc,
    lx: &Lexicon,
    thanks: &[crate::lexicon::Hit],
    signature: Option<TokenRange>,
) -> Option<TokenRange> {
    let start = body_start(doc);
    let is_name = |i: usize| {
        let t = &doc.tokens[i];
        is_capitalised(doc, i)
            && !t.has_digit()
            && t.norm.chars().count() > 1
            && !lx.has_word_in_any(
                &[
                    List::Function,
                    List::Stop,
                    List::Department,
                    List::Greeting,
                    List::Interjection,
                    List::Informal,
                    List::AnswerWords,
                    List::SentenceAdverb,
                ],
                &t.norm,
            )
            && !signature.is_some_and(|s| s.contains(i))
    };
    let punct_after = |i: usize| {
        doc.tokens.get(i + 1).is_some_and(|n| {
            matches!(n.kind, TokenKind::Punct | TokenKind::Terminal) && n.norm != "'"
        })
    };
    // "mevrouw De Groot", "Mr Patel": a title and a surname address the customer too
    for i in start..doc.tokens.len().saturating_sub(1) {
        if doc.tokens[i].is_word()
            && lx.has_word(List::Title, &doc.tokens[i].norm)
            && is_capitalised(doc, i + 1)
        {
            let mut end = i + 2;
            while end < doc.tokens.len()
                && doc.tokens[end].is_word()
                && is_capitalised(doc, end)
                && end < i + 4
            {
                end += 1;
            }
            return Some(TokenRange { start: i, end });
        }
    }
    for i in 0..doc.tokens.len() {
        if !doc.tokens[i].is_word() || !is_name(i) || !punct_after(i) {
            continue;
        }
        let opens = i == start && doc.tokens.get(i + 1).is_some_and(|n| n.norm == ",");
        let after_thanks = thanks.iter().any(|h| h.range.end == i);
        let closes_clause = i > 0
            && doc.tokens[i - 1].norm == ","
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Terminal || n.norm == ",");
        if opens || after_thanks || closes_clause {
            return Some(TokenRange {
                start: i,
                end: i + 1,
            });
        }
    }
    None
}
