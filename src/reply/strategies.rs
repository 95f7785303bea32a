//! The webcare strategies a reply uses (brief §3), each with where it was found.
//! Information is what is left: a declarative clause that no other strategy took.

use crate::lexicon::{Category, CategoryHits, Hit, Lexicon, List};
use crate::model::{Incoming, Kind};
use crate::text::{Doc, Sentence, TokenRange};

use super::frame::Frame;
use super::{Found, Strategy};

/// The strategies found, and the sentences that advertise (they carry no strategy).
pub struct Strategies {
    pub found: Vec<Found<Strategy>>,
    pub commercial_sentences: Vec<TokenRange>,
}

fn overlaps(a: TokenRange, b: TokenRange) -> bool {
    a.start < b.end && b.start < a.end
}

/// The sentences (token ranges) that hold one of `hits`, each once.
fn sentences_with(doc: &Doc, hits: &[Hit]) -> Vec<TokenRange> {
    let mut out: Vec<TokenRange> = Vec::new();
    for h in hits {
        if let Some(s) = doc.sentence_of(h.range.start) {
            if !out.contains(&s.tokens) {
                out.push(s.tokens);
            }
        }
    }
    out
}

/// What the reading collects: the strategies found and the clauses they took.
struct Collect<'d, 'a> {
    doc: &'d Doc<'a>,
    found: Vec<Found<Strategy>>,
    /// Clauses (or whole sentences) that are not information.
    consumed: Vec<TokenRange>,
}

impl Collect<'_, '_> {
    fn add(&mut self, id: Strategy, r: TokenRange) {
        self.found.push(Found {
            id,
            span: self.doc.span(r),
        });
    }
    fn clause(&self, r: TokenRange) -> TokenRange {
        self.doc.clause_of(r.start).unwrap_or(r)
    }
    fn sentence(&self, r: TokenRange) -> TokenRange {
        self.doc.sentence_of(r.start).map(|s| s.tokens).unwrap_or(r)
    }
}

/// Reads the strategies of the reply in `doc`.
pub fn read(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    incoming: &Incoming,
    frame: &Frame,
) -> Strategies {
    // Sentences that advertise, or joke, carry no strategy (their words are not the
    // organisation's service content).
    let commercial_sentences = if incoming.asks_commercial {
        Vec::new()
    } else {
        sentences_with(doc, hits.get(Category::Commercial))
    };
    let outside = |r: &TokenRange| !commercial_sentences.iter().any(|s| overlaps(*s, *r));
    let of = |c: Category| hits.get(c).iter().filter(|h| outside(&h.range));
    let mut c = Collect {
        doc,
        found: Vec::new(),
        consumed: Vec::new(),
    };
    acknowledgements(&mut c, hits, &outside);
    commitments(&mut c, hits, incoming, &outside);
    for h in of(Category::InformationRequest) {
        c.add(Strategy::InformationRequest, h.range);
        c.consumed.push(c.clause(h.range));
    }
    for h in of(Category::Compensation) {
        c.add(Strategy::Compensation, h.range);
        c.consumed.push(c.clause(h.range));
    }
    for h in of(Category::Justification) {
        c.add(Strategy::Justification, h.range);
        c.consumed.push(c.sentence(h.range));
    }
    // Denying a complaint is denial; correcting a question's wrong premise is information.
    let correcting = incoming.kind == Kind::Question;
    for h in of(Category::Denial) {
        if !correcting {
            c.add(Strategy::Denial, h.range);
            c.consumed.push(c.sentence(h.range));
        } else {
            c.consumed.push(c.clause(h.range));
        }
    }
    let referrals: Vec<Hit> = of(Category::Referral).copied().collect();
    for h in &referrals {
        c.add(Strategy::Referral, h.range);
        // "Please check our store locator for opening times" points elsewhere: the
        // clause is the referral, not information
        let clause = c.clause(h.range);
        let first_word = (clause.start..clause.end).find(|&i| doc.tokens[i].is_word());
        if first_word.is_some_and(|i| lx.has_word(List::Imperative, &doc.tokens[i].norm)) {
            c.consumed.push(clause);
        }
    }
    for cat in [
        Category::Pleasantry,
        Category::Thanks,
        Category::Corporate,
        Category::Irritation,
        Category::PromiseAbsolute,
        Category::PromiseVague,
        Category::Correction,
    ] {
        for h in hits.get(cat) {
            c.consumed.push(c.clause(h.range));
        }
    }
    c.consumed
        .extend(sentences_with(doc, hits.get(Category::Humor)));
    c.consumed.extend(commercial_sentences.iter().copied());
    information(&mut c, lx, hits, frame, &referrals);
    Strategies {
        found: c.found,
        commercial_sentences,
    }
}

/// Sympathy and apology take their whole sentence: what shares it ("8 weeks is too
/// long, sorry!") is part of the acknowledgement, not information.
fn acknowledgements(c: &mut Collect, hits: &CategoryHits, outside: &dyn Fn(&TokenRange) -> bool) {
    let sympathy = hits.get(Category::Sympathy);
    for h in sympathy.iter().filter(|h| outside(&h.range)) {
        c.add(Strategy::Sympathy, h.range);
        c.consumed.push(c.sentence(h.range));
    }
    for h in hits
        .get(Category::Apology)
        .iter()
        .filter(|h| outside(&h.range))
    {
        if sympathy.iter().any(|s| overlaps(s.range, h.range)) {
            continue; // "sorry to hear" is sympathy, not an apology
        }
        c.add(Strategy::Apology, h.range);
        c.consumed.push(c.sentence(h.range));
    }
}

/// Corrective action: what the agent will do. An offer ("want me to let you know?")
/// commits to nothing yet, and passing on a compliment corrects nothing.
fn commitments(
    c: &mut Collect,
    hits: &CategoryHits,
    incoming: &Incoming,
    outside: &dyn Fn(&TokenRange) -> bool,
) {
    let offers = hits.get(Category::Offer);
    let is_question = |r: &TokenRange| c.doc.sentence_of(r.start).is_some_and(|s| s.question);
    for h in hits
        .get(Category::CorrectiveAction)
        .iter()
        .filter(|h| outside(&h.range))
    {
        let sentence = c.sentence(h.range);
        let offered = is_question(&h.range)
            && offers
                .iter()
                .any(|o| sentence.contains(o.range.start) && o.range.start <= h.range.start);
        c.consumed.push(c.clause(h.range));
        if !offered && incoming.kind != Kind::Compliment {
            c.add(Strategy::CorrectiveAction, h.range);
        }
    }
}

/// Information: a declarative clause that no other strategy took, with at least two
/// content words. Applied when tied to this customer's case (a time, "I see", an answer
/// to their question), general otherwise.
fn information(
    c: &mut Collect,
    lx: &Lexicon,
    hits: &CategoryHits,
    frame: &Frame,
    referrals: &[Hit],
) {
    let doc = c.doc;
    // per-token and per-sentence marks, so long drafts stay linear
    let n = doc.tokens.len();
    let mut is_consumed = vec![false; n];
    for r in &c.consumed {
        is_consumed[r.start.min(n)..r.end.min(n)].fill(true);
    }
    let mut is_referral = vec![false; n];
    for h in referrals {
        is_referral[h.range.start..h.range.end.min(n)].fill(true);
    }
    let mut has_applied_marker = vec![false; doc.sentences.len()];
    for h in hits.get(Category::AppliedMarker) {
        if let Some(k) = doc.sentence_index_of(h.range.start) {
            has_applied_marker[k] = true;
        }
    }
    let answers = |s: &Sentence| {
        (s.tokens.start..s.tokens.end)
            .find(|&i| doc.tokens[i].is_word() && !frame.contains(i))
            .map(|i| lx.has_word(List::AnswerWords, &doc.tokens[i].norm))
            .unwrap_or(false)
    };
    let content_words = |clause: &TokenRange| {
        (clause.start..clause.end)
            .filter(|&i| {
                let t = &doc.tokens[i];
                // phone and order numbers alone are not statements
                let long_number = t.has_digit() && t.norm.len() > 6;
                let filler_or_stop =
                    lx.has_word_in_any(&[List::Greeting, List::Interjection, List::Stop], &t.norm);
                t.is_word()
                    && !filler_or_stop
                    && !frame.contains(i)
                    && !is_referral[i]
                    && !long_number
            })
            .count()
    };
    let mut previous_was_bare_answer = false;
    for (k, s) in doc.sentences.iter().enumerate() {
        // "Yes! Clapham is open 10am-4pm." — the answer carries into the next sentence
        let opens_with_answer = answers(s) || previous_was_bare_answer;
        let words_outside_frame = (s.tokens.start..s.tokens.end)
            .filter(|&i| doc.tokens[i].is_word() && !frame.contains(i))
            .count();
        previous_was_bare_answer = answers(s) && words_outside_frame <= 2;
        if s.question {
            continue;
        }
        for clause in &s.clauses {
            if is_consumed[clause.start..clause.end].iter().any(|&x| x) || content_words(clause) < 2
            {
                continue;
            }
            let applied = opens_with_answer || has_applied_marker[k];
            let id = if applied {
                Strategy::AppliedInformation
            } else {
                Strategy::GeneralInformation
            };
            c.add(id, *clause);
        }
    }
}
