//! What a sentence or clause of the reply does, read from its form rather than from a
//! list of sentences: it asks (a question mark, or the word order of a question), it
//! directs (an instruction in the imperative, or advice), it points at a linked
//! resource, it sets a condition, or it is a fragment without a verb. The strategies
//! (brief §3) and the invitation to reply (§4) follow from it.

use crate::lexicon::{Category, CategoryHits, Hit, Lexicon, List};
use crate::text::{Doc, Sentence, TokenKind, TokenRange};

use super::frame::Frame;

/// The tokens where hits start, to ask whether a clause or sentence holds one in time
/// linear in its length (long drafts stay linear).
pub(super) struct Starts(Vec<bool>);

impl Starts {
    /// Where the hits of each of `groups` start (one function for every caller: the wasm
    /// carries it once).
    pub(super) fn of(doc: &Doc, groups: &[&[Hit]]) -> Starts {
        let mut marks = vec![false; doc.tokens.len()];
        for h in groups.iter().copied().flatten() {
            if let Some(m) = marks.get_mut(h.range.start) {
                *m = true;
            }
        }
        Starts(marks)
    }

    /// A hit starts at token `i`.
    pub(super) fn at(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }

    /// A hit starts in `r`.
    pub(super) fn any_in(&self, r: TokenRange) -> bool {
        let n = self.0.len();
        self.0[r.start.min(n)..r.end.min(n)].iter().any(|&m| m)
    }
}

/// For each sentence: it asks the customer something, by its question mark or by the
/// word order of a question ("Did you try the steps on this page: <link>"), which is
/// not the condition of what follows it ("Heb je nog vragen, laat het weten") nor the
/// main clause inverted after a condition ("Als je vragen hebt, kun je ons een DM
/// sturen"), nor a polite instruction to use a resource ("Can you try the steps in this
/// article?").
pub(super) fn question_sentences(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    frame: &Frame,
) -> Vec<bool> {
    let mut opens = vec![false; doc.tokens.len()];
    for h in hits.get(Category::QuestionOpener) {
        opens[h.range.start] = true;
    }
    let points = Starts::of(
        doc,
        &[hits.get(Category::Referral), hits.get(Category::Pointer)],
    );
    let gives = Starts::of(doc, &[hits.get(Category::Request)]);
    doc.sentences
        .iter()
        .map(|s| {
            let instructs = polite_request(doc, lx, s.tokens)
                && points.any_in(s.tokens)
                && !gives.any_in(s.tokens);
            !instructs
                && (s.question
                    || s.clauses.iter().enumerate().any(|(j, c)| {
                        let asking = opens[first_matchable(doc, *c)];
                        // a comma after it makes the inversion a condition
                        let condition = j + 1 < s.clauses.len()
                            && doc.tokens.get(c.end).is_some_and(|t| t.norm == ",");
                        asking && !condition && !after_condition(doc, lx, hits, s, j, frame)
                    }))
        })
        .collect()
}

/// Clause `j` of sentence `s` follows a condition ("Als je nog vragen hebt, kun je …"):
/// what inverts after it is the main clause, not a question.
pub(super) fn after_condition(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    s: &Sentence,
    j: usize,
    frame: &Frame,
) -> bool {
    j > 0 && is_condition(doc, lx, hits, s.clauses[j - 1], frame)
}

/// Range `r` opens with a polite request: a modal and "you" ("Can you …", "Could you
/// please …", "Kun je …").
fn polite_request(doc: &Doc, lx: &Lexicon, r: TokenRange) -> bool {
    let mut words = (r.start..r.end)
        .filter(|&i| doc.tokens[i].is_word())
        .map(|i| &doc.tokens[i].norm);
    words
        .next()
        .is_some_and(|w| lx.has_word(List::PoliteModal, w))
        && words
            .next()
            .is_some_and(|w| lx.has_word(List::SecondPerson, w))
}

/// The first token of `c` that is not punctuation or an @mention.
fn first_matchable(doc: &Doc, c: TokenRange) -> usize {
    (c.start..c.end)
        .find(|&j| {
            !matches!(
                doc.tokens[j].kind,
                TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline | TokenKind::Mention
            )
        })
        .unwrap_or(c.start)
}

/// A tag question ("…, right?") asks nothing.
pub(super) fn is_tag_question(doc: &Doc, lx: &Lexicon, s: &Sentence) -> bool {
    let words: Vec<&str> = (s.tokens.start..s.tokens.end)
        .filter(|&i| doc.tokens[i].is_word())
        .map(|i| doc.tokens[i].norm.as_str())
        .collect();
    words.len() >= 3
        && words
            .last()
            .is_some_and(|w| lx.has_word(List::TagQuestion, w))
}

/// The words of clause `c` outside the frame (greeting, name, signature).
fn body_words<'d>(
    doc: &'d Doc,
    c: TokenRange,
    frame: &'d Frame,
) -> impl Iterator<Item = usize> + 'd {
    (c.start..c.end).filter(move |&i| doc.tokens[i].is_word() && !frame.contains(i))
}

/// The first word of clause `c` outside the frame.
pub(super) fn first_word(doc: &Doc, c: TokenRange, frame: &Frame) -> Option<usize> {
    body_words(doc, c, frame).next()
}

/// Clause `c` tells the customer what to do in the imperative (after "please", "also",
/// "then").
pub(super) fn is_imperative(doc: &Doc, lx: &Lexicon, c: TokenRange, frame: &Frame) -> bool {
    // "Can you try the steps in this article" asks politely what the imperative says
    if polite_request(doc, lx, c) {
        return true;
    }
    for i in body_words(doc, c, frame).take(3) {
        let w = &doc.tokens[i].norm;
        if lx.has_word(List::Imperative, w) {
            return true;
        }
        if !lx.has_word(List::Softener, w) {
            return false;
        }
    }
    false
}

/// Clause `c` sets a condition, a purpose or a circumstance ("If you still need help,",
/// "For help with your account,", "Als je nog vragen hebt,", Dutch verb-first "Heb je
/// een keer vertraging,"): it opens with such a word or with the word order of a question
/// and a comma closes it, so what it is about follows; it states nothing by itself.
/// Without the comma it holds its main clause too ("If you pre-ordered you should be
/// good to go").
pub(super) fn is_condition(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    c: TokenRange,
    frame: &Frame,
) -> bool {
    let first = (c.start..c.end).find(|&i| {
        !matches!(
            doc.tokens[i].kind,
            TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline | TokenKind::Mention
        ) && !frame.contains(i)
    });
    let opens = first.is_some_and(|i| {
        (doc.tokens[i].is_word() && lx.has_word(List::Adjunct, &doc.tokens[i].norm))
            || hits
                .get(Category::QuestionOpener)
                .binary_search_by(|h| h.range.start.cmp(&i))
                .is_ok()
    });
    opens && doc.tokens.get(c.end).is_some_and(|t| t.norm == ",")
}

/// Clause `c` is a fragment: a few words without a verb ("Transaction ID", "purchase
/// date"), a list item rather than a statement.
pub(super) fn is_fragment(doc: &Doc, lx: &Lexicon, c: TokenRange, frame: &Frame) -> bool {
    let mut n = 0;
    for i in body_words(doc, c, frame) {
        if lx.has_word(List::Finite, &doc.tokens[i].norm) {
            return false;
        }
        n += 1;
    }
    n < 3
}

/// Sentence `s` holds a link.
pub(super) fn links(doc: &Doc, s: &Sentence) -> bool {
    (s.tokens.start..s.tokens.end).any(|i| doc.tokens[i].kind == TokenKind::Url)
}
