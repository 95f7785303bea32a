//! Reading the draft reply: its frame (greeting, addressee, signature), the webcare
//! strategies it uses (brief §3) and the elements of a conversational human voice (brief
//! §4), each with where it was found.
//!
//! - [`frame`]: the greeting, the name after it, the signature;
//! - [`strategies`]: the ten strategies, information last (what no other one took);
//! - [`voice`]: the voice elements and the voice score.

mod clauses;
pub mod frame;
mod signature;
pub mod strategies;
pub mod voice;

use crate::lexicon::{Category, CategoryHits, Hit, HitMemo, Lexicon, List};
use crate::model::{Incoming, Occurrence, Profile, Report, Span, Text};
use crate::names::data_names;
use crate::text::{Doc, TokenRange};

pub use voice::score as voice_score;

data_names! {
    /// The ten strategies, in the brief's order (§3), by their ids in the report.
    pub enum Strategy {
        GeneralInformation = "general_information",
        AppliedInformation = "applied_information",
        Referral = "referral",
        InformationRequest = "information_request",
        Sympathy = "sympathy",
        Apology = "apology",
        Justification = "justification",
        Denial = "denial",
        Compensation = "compensation",
        CorrectiveAction = "corrective_action",
    }
}

data_names! {
    /// The voice elements, in the eval README's order, by their ids in the report.
    pub enum Element {
        Greeting = "greeting",
        AddresseeName = "addressee_name",
        Signature = "signature",
        FirstPersonSingular = "first_person_singular",
        Emoticon = "emoticon",
        Interjection = "interjection",
        InformalWording = "informal_wording",
        Thanks = "thanks",
        InviteDialogue = "invite_dialogue",
    }
}

impl Strategy {
    /// The report uses this strategy.
    pub fn in_report(self, report: &Report) -> bool {
        report.strategies.iter().any(|s| s == self.name())
    }
}

impl Element {
    /// The report has this voice element.
    pub fn in_report(self, report: &Report) -> bool {
        report.voice.elements.iter().any(|s| s == self.name())
    }

    /// Where the report found this element first.
    pub fn span_in(self, report: &Report) -> Option<Span> {
        report
            .voice
            .occurrences
            .iter()
            .find(|o| o.id == self.name())
            .map(|o| o.span)
    }
}

/// A strategy or element found, and where (UTF-16 span of the reply).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found<T> {
    pub id: T,
    pub span: Span,
}

/// Everything read from the reply, shared by the rules and the rewrite.
pub struct Reading<'a> {
    pub doc: Doc<'a>,
    pub lx: &'static Lexicon,
    hits: CategoryHits,
    pub greeting: Option<TokenRange>,
    /// Who the reply addresses by name (see [`voice::read`]).
    pub addressee: Option<TokenRange>,
    pub signature: Option<TokenRange>,
    pub strategies: Vec<Found<Strategy>>,
    pub elements: Vec<Found<Element>>,
    /// Sentences (token ranges) that advertise.
    pub commercial_sentences: Vec<TokenRange>,
    /// Per sentence: it asks the customer something, by its question mark or by the word
    /// order of a question.
    pub questions: Vec<bool>,
}

impl<'a> Reading<'a> {
    pub fn hits(&self, category: Category) -> &[Hit] {
        self.hits.get(category)
    }

    pub fn has_strategy(&self, id: Strategy) -> bool {
        self.strategies.iter().any(|o| o.id == id)
    }

    pub fn has_element(&self, id: Element) -> bool {
        self.elements.iter().any(|o| o.id == id)
    }

    /// Token `i` is in a sentence that asks.
    pub fn asks_at(&self, i: usize) -> bool {
        self.doc
            .sentence_index_of(i)
            .is_some_and(|k| self.questions[k])
    }

    /// The strategies found, in the brief's order.
    pub fn strategy_ids(&self) -> Vec<Text> {
        ids_found(Strategy::ALL, &self.strategies, Strategy::name)
    }

    /// The voice elements found, in the brief's order.
    pub fn element_ids(&self) -> Vec<Text> {
        ids_found(Element::ALL, &self.elements, Element::name)
    }

    /// Tokens that belong to the greeting, the name after it or the signature.
    pub fn in_frame(&self, i: usize) -> bool {
        [self.greeting, self.addressee, self.signature]
            .iter()
            .flatten()
            .any(|r| r.contains(i))
    }
}

/// The ids of `order` that occur in `found`, in that order.
fn ids_found<T: Copy + PartialEq>(
    order: &[T],
    found: &[Found<T>],
    name: fn(T) -> &'static str,
) -> Vec<Text> {
    order
        .iter()
        .filter(|id| found.iter().any(|o| o.id == **id))
        .map(|&id| Text::Borrowed(name(id)))
        .collect()
}

/// The occurrences of `found` for the report, each span widened to grapheme boundaries.
pub fn occurrences<T: Copy>(
    doc: &Doc,
    found: &[Found<T>],
    name: fn(T) -> &'static str,
) -> Vec<Occurrence> {
    found
        .iter()
        .map(|o| Occurrence {
            id: Text::Borrowed(name(o.id)),
            span: doc.snap_span(o.span),
        })
        .collect()
}

fn is_capitalised(doc: &Doc, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.is_word() && crate::text::starts_upper(t.text(doc.source)))
}

/// Reads the reply.
pub fn read_reply<'a>(
    doc: Doc<'a>,
    lx: &'static Lexicon,
    incoming: &Incoming,
    profile: &Profile,
    memo: &mut HitMemo,
) -> Reading<'a> {
    let hits = lx.find_all_with(&doc, memo);
    let frame = frame::read(&doc, lx, &hits, profile, incoming.first_name.as_deref());
    let questions = clauses::question_sentences(&doc, lx, &hits, &frame);
    let strategies = strategies::read(&doc, lx, &hits, incoming, &frame, &questions);
    let voice = voice::read(
        &doc,
        lx,
        &hits,
        incoming,
        &frame,
        &voice::Said {
            questions: &questions,
            strategies: &strategies.found,
            commercial_sentences: &strategies.commercial_sentences,
        },
    );
    Reading {
        doc,
        lx,
        hits,
        greeting: frame.greeting,
        addressee: voice.addressee,
        signature: frame.signature,
        strategies: strategies.found,
        elements: voice.found,
        commercial_sentences: strategies.commercial_sentences,
        questions,
    }
}

/// The tweet continues a thread ("2/2", "(3/4)"), or may go on from the tweet before (its
/// body opens in lower case with a word that is no greeting: "to express your interest…",
/// "and the phone number on your account…"): the rewrite puts no greeting or opener in
/// front of it. Only a numbered one tells for sure that what it lacks (sympathy, an
/// apology for the wait) may be in the tweet before ([`numbered_in_thread`]): a casual
/// writer starts in lower case too ("we gaan het uitzoeken").
pub fn continues_thread(text: &str, lx: &Lexicon) -> bool {
    numbered_in_thread(text) || goes_on_from_before(text, lx)
}

fn goes_on_from_before(text: &str, lx: &Lexicon) -> bool {
    let body = &text[crate::text::body_start(text).unwrap_or(text.len())..];
    let first = &body[..body
        .find(|c: char| !(c.is_alphanumeric() || c == '\''))
        .unwrap_or(body.len())];
    // (a link or a domain is no word: "https://…", "bol.com/…")
    first.starts_with(|c: char| c.is_ascii_lowercase())
        && !body[first.len()..].starts_with([':', '.'])
        && !lx.has_word(List::Greeting, first)
        && !lx.has_word(List::CapitalWord, first)
}

/// The tweet says it continues a numbered thread ("2/2", "(3/4)").
pub fn numbered_in_thread(text: &str) -> bool {
    text.contains('/')
        && text.split_whitespace().any(|w| {
            // (a signature may follow without a space: "2/2^Corry")
            let w = w.split('^').next().unwrap_or(w);
            let w = w
                .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '.' | ',' | ':' | '!'));
            let Some((n, m)) = w.split_once('/') else {
                return false;
            };
            let (Ok(n), Ok(m)) = (n.parse::<u32>(), m.parse::<u32>()) else {
                return false;
            };
            n > 1 && n <= m && m <= 20
        })
}
