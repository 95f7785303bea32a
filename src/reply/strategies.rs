//! The webcare strategies a reply uses (brief §3), each with where it was found.
//! Information is what is left: a declarative clause that no other strategy took.

use crate::lexicon::{Category, CategoryHits, Hit, Lexicon, List};
use crate::model::{Incoming, Kind};
use crate::text::{Doc, Sentence, TokenRange};

use super::clauses::{self, Starts};
use super::frame::Frame;
use super::{Found, Strategy};

/// The strategies found, and the sentences that advertise (they carry no strategy).
pub struct Strategies {
    pub found: Vec<Found<Strategy>>,
    pub commercial_sentences: Vec<TokenRange>,
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

/// The word before `r` makes it the customer's own ("your coupons", "je korting").
fn customers_own(doc: &Doc, lx: &Lexicon, r: TokenRange) -> bool {
    (0..r.start)
        .rev()
        .find(|&i| doc.tokens[i].is_word())
        .is_some_and(|i| lx.has_word(List::Possessive, &doc.tokens[i].norm))
}

/// A negation close by in the same clause turns the offer around: "coupons will no longer
/// be sent", "we don't do discounts", "geen korting": that stops or refuses something,
/// it advertises nothing. A negation that is part of a pitch itself ("don't miss", "don't
/// forget our summer sale") turns nothing around.
fn negated_offer(doc: &Doc, lx: &Lexicon, r: TokenRange, pitches: &[Hit]) -> bool {
    let Some(s) = doc.sentence_of(r.start) else {
        return false;
    };
    let clause_word = |i: &usize| doc.tokens[*i].norm.as_str() != ",";
    let before = (s.tokens.start..r.start).rev().take_while(clause_word);
    let after = (r.end..s.tokens.end).take_while(clause_word);
    let near = |it: &mut dyn Iterator<Item = usize>| {
        it.filter(|&i| doc.tokens[i].is_word()).take(3).any(|i| {
            lx.has_word(List::Negation, &doc.tokens[i].norm)
                && !pitches.iter().any(|p| p.range.contains(i))
        })
    };
    near(&mut before.into_iter()) || near(&mut after.into_iter())
}

/// What the reading collects: the strategies found and the clauses they took, with what
/// it reads them from.
struct Collect<'d, 'a> {
    doc: &'d Doc<'a>,
    lx: &'d Lexicon,
    hits: &'d CategoryHits,
    frame: &'d Frame,
    /// Per sentence: it asks (see [`clauses::question_sentences`]).
    questions: &'d [bool],
    found: Vec<Found<Strategy>>,
    /// Clauses (or whole sentences) that are not information.
    consumed: Vec<TokenRange>,
    /// Instructions that are information applied to this case: what to do, not where to
    /// go ("Restart your modem"); the imperative is their verb.
    instructed: Vec<TokenRange>,
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
    fn asks(&self, r: TokenRange) -> bool {
        self.doc
            .sentence_index_of(r.start)
            .is_some_and(|k| self.questions[k])
    }
}

/// Reads the strategies of the reply in `doc`. `questions` says, per sentence, that it
/// asks.
pub fn read(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    incoming: &Incoming,
    frame: &Frame,
    questions: &[bool],
) -> Strategies {
    // Sentences that advertise, or joke, carry no strategy (their words are not the
    // organisation's service content).
    // (the customer's own coupon or discount is theirs, no pitch)
    let commercial_sentences = if incoming.asks_commercial {
        Vec::new()
    } else {
        let all = hits.get(Category::Commercial);
        let pitches: Vec<Hit> = all
            .iter()
            .filter(|h| !customers_own(doc, lx, h.range) && !negated_offer(doc, lx, h.range, all))
            .copied()
            .collect();
        sentences_with(doc, &pitches)
    };
    let outside = |r: &TokenRange| !commercial_sentences.iter().any(|s| s.overlaps(*r));
    let of = |c: Category| hits.get(c).iter().filter(|h| outside(&h.range));
    let mut c = Collect {
        doc,
        lx,
        hits,
        frame,
        questions,
        found: Vec::new(),
        consumed: Vec::new(),
        instructed: Vec::new(),
    };
    acknowledgements(&mut c, &outside);
    commitments(&mut c, incoming, &outside);
    for h in of(Category::InformationRequest) {
        if !c.asks(h.range) && inverted_after_condition(&c, h.range) {
            continue; // "Als je vragen hebt, kun je ons altijd een DM sturen" offers
        }
        c.add(Strategy::InformationRequest, h.range);
        c.consumed.push(c.clause(h.range));
    }
    if incoming.kind != Kind::Compliment {
        asked(&mut c, &outside);
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
    // sentences that ask for details: a question or a request phrase
    let mut asks_details = c.questions.to_vec();
    for h in hits.get(Category::InformationRequest) {
        if let Some(k) = doc.sentence_index_of(h.range.start) {
            asks_details[k] = true;
        }
    }
    let referrals: Vec<Hit> = of(Category::Referral)
        .filter(|h| points_elsewhere(&c, h, &asks_details))
        .copied()
        .collect();
    for h in &referrals {
        c.add(Strategy::Referral, h.range);
    }
    for cat in [
        Category::Pleasantry,
        Category::InviteDialogue,
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
    instructions(&mut c, &outside, &referrals);
    information(&mut c, &referrals);
    Strategies {
        found: c.found,
        commercial_sentences,
    }
}

/// Range `r` lies in a clause that follows a condition in its sentence.
fn inverted_after_condition(c: &Collect, r: TokenRange) -> bool {
    let Some(s) = c.doc.sentence_of(r.start) else {
        return false;
    };
    s.clauses
        .iter()
        .position(|cl| cl.contains(r.start))
        .is_some_and(|j| clauses::after_condition(c.doc, c.lx, c.hits, s, j, c.frame))
}

/// Referral `h` sends the customer elsewhere: not under a condition ("If you DM me,
/// I'll look into it"), and not a DM that only carries the details its sentence asks
/// for ("Could you DM me your order number?"; `asks_details`: per sentence).
fn points_elsewhere(c: &Collect, h: &Hit, asks_details: &[bool]) -> bool {
    let doc = c.doc;
    let private = doc.tokens[h.range.start..h.range.end]
        .iter()
        .any(|t| t.is_word() && c.lx.has_word(List::PrivateChannel, &t.norm));
    if private && clauses::is_condition(doc, c.lx, c.hits, c.clause(h.range), c.frame) {
        return false;
    }
    let carries_details = doc
        .sentence_index_of(h.range.start)
        .is_some_and(|k| asks_details[k]);
    !(private && carries_details)
}

/// A question to the customer asks for details (information request, brief §3), unless
/// it offers something ("Shall I …?", "Anything else I can do?"), only tags a statement
/// ("…, right?") or already asks in a phrase the lexicon knows.
fn asked(c: &mut Collect, outside: &dyn Fn(&TokenRange) -> bool) {
    let doc = c.doc;
    let settled = Starts::of(
        doc,
        &[
            c.hits.get(Category::Offer),
            c.hits.get(Category::InformationRequest),
            c.hits.get(Category::Pleasantry),
        ],
    );
    for (k, s) in doc.sentences.iter().enumerate() {
        let r = s.tokens;
        if !c.questions[k]
            || !outside(&r)
            || settled.any_in(r)
            || clauses::is_tag_question(doc, c.lx, s)
        {
            continue;
        }
        // the question itself, without the greeting or name that opens the sentence
        let start = (r.start..r.end)
            .find(|&i| doc.tokens[i].is_word() && !c.frame.contains(i))
            .unwrap_or(r.start);
        c.add(
            Strategy::InformationRequest,
            TokenRange { start, end: r.end },
        );
        c.consumed.push(r);
    }
}

/// What the reply tells the customer to do, clause by clause. An instruction that sends
/// them to a resource or a channel is the referral; one that has them give something
/// (send, share, include) is the request; one that invites them to reply is neither; the rest is information ("Restart
/// the console", "We recommend clearing your cache"). A clause that points at the linked
/// resource ("More info here: <link>") is part of the referral, and a condition ("If you
/// still need help") states nothing by itself.
fn instructions(c: &mut Collect, outside: &dyn Fn(&TokenRange) -> bool, referrals: &[Hit]) {
    let (doc, lx, hits, frame) = (c.doc, c.lx, c.hits, c.frame);
    let n = doc.tokens.len();
    let mut taken = vec![false; n];
    for r in &c.consumed {
        taken[r.start.min(n)..r.end.min(n)].fill(true);
    }
    let starts = |cat: Category| Starts::of(doc, &[hits.get(cat)]);
    let (advice, pointer) = (starts(Category::Advice), starts(Category::Pointer));
    let (referral, invite) = (
        Starts::of(doc, &[referrals]),
        starts(Category::InviteDialogue),
    );
    let request = starts(Category::Request);
    for (k, s) in doc.sentences.iter().enumerate() {
        if c.questions[k] || !outside(&s.tokens) {
            continue;
        }
        for &clause in &s.clauses {
            if taken[clause.start..clause.end].iter().any(|&x| x) {
                continue;
            }
            if clauses::is_condition(doc, lx, hits, clause, frame) {
                c.consumed.push(clause);
                continue;
            }
            let directive = advice.any_in(clause) || clauses::is_imperative(doc, lx, clause, frame);
            let refers = referral.any_in(clause);
            // ("More info here: <link>", "More information can be found in our FAQ")
            let points = pointer.any_in(clause)
                && (directive
                    || clauses::links(doc, s)
                    || clauses::first_word(doc, clause, frame).is_some_and(|i| pointer.at(i)));
            if points && !refers && directive {
                c.add(Strategy::Referral, clause);
            }
            if !directive {
                if points {
                    c.consumed.push(clause);
                }
                continue;
            }
            let invites = invite.any_in(clause);
            if request.any_in(clause) && !refers && !points && !invites {
                // "Stuur je ordernummer even via DM", "Please include your booking reference"
                c.add(Strategy::InformationRequest, clause);
                c.consumed.push(clause);
            } else if refers || points || invites {
                c.consumed.push(clause);
            } else {
                c.instructed.push(clause);
            }
        }
    }
}

/// Sympathy and apology take their whole sentence: what shares it ("8 weeks is too
/// long, sorry!") is part of the acknowledgement, not information.
fn acknowledgements(c: &mut Collect, outside: &dyn Fn(&TokenRange) -> bool) {
    let hits = c.hits;
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
        if sympathy.iter().any(|s| s.range.overlaps(h.range)) {
            continue; // "sorry to hear" is sympathy, not an apology
        }
        c.add(Strategy::Apology, h.range);
        c.consumed.push(c.sentence(h.range));
    }
}

/// Corrective action: what the agent will do. An offer ("want me to let you know?")
/// commits to nothing yet, a hope ("hopefully we'll have it soon") neither, and passing
/// on a compliment corrects nothing.
fn commitments(c: &mut Collect, incoming: &Incoming, outside: &dyn Fn(&TokenRange) -> bool) {
    let hits = c.hits;
    let offers = hits.get(Category::Offer);
    let hedges = hits.get(Category::Hedge);
    for h in hits
        .get(Category::CorrectiveAction)
        .iter()
        .filter(|h| outside(&h.range))
    {
        let sentence = c.sentence(h.range);
        let offered = c.asks(h.range)
            && offers
                .iter()
                .any(|o| sentence.contains(o.range.start) && o.range.start <= h.range.start);
        let hedged = hedges
            .iter()
            .any(|o| sentence.contains(o.range.start) && o.range.start < h.range.end);
        c.consumed.push(c.clause(h.range));
        if !offered && !hedged && incoming.kind != Kind::Compliment {
            c.add(Strategy::CorrectiveAction, h.range);
        }
    }
}

/// Information: a declarative clause that no other strategy took, with a verb and at
/// least two content words. Applied when tied to this customer's case (a time, "I see",
/// "your order is", an answer to their question), general otherwise.
fn information(c: &mut Collect, referrals: &[Hit]) {
    let (doc, lx, hits, frame) = (c.doc, c.lx, c.hits, c.frame);
    // per-token and per-sentence marks, so long drafts stay linear
    let n = doc.tokens.len();
    let mut is_consumed = vec![false; n];
    for r in &c.consumed {
        is_consumed[r.start.min(n)..r.end.min(n)].fill(true);
    }
    let mut is_instruction = vec![false; n];
    for r in &c.instructed {
        is_instruction[r.start] = true;
    }
    let mut is_referral = vec![false; n];
    for h in referrals {
        is_referral[h.range.start..h.range.end.min(n)].fill(true);
    }
    // a time, a marker, what the agent sees or what happened to the customer ties the
    // sentence to this case, unless it is part of what another strategy took ("That's
    // not correct: a checked bag stays included" is general)
    let mut tied_to_case = vec![false; doc.sentences.len()];
    for h in hits
        .get(Category::AppliedMarker)
        .iter()
        .chain(hits.get(Category::OwnCase))
    {
        if let Some(k) = doc.sentence_index_of(h.range.start) {
            tied_to_case[k] |= !is_consumed[h.range.start];
        }
    }
    let answers = |s: &Sentence| {
        (s.tokens.start..s.tokens.end)
            .find(|&i| doc.tokens[i].is_word() && !frame.contains(i))
            .map(|i| lx.has_word(List::AnswerWords, &doc.tokens[i].norm))
            .unwrap_or(false)
    };
    // what a clause says besides its referral needs a verb of its own before it ("You
    // can cancel monthly via our website", not "You can visit <link> to find a branch",
    // "They'll be able to help secure your account")
    let says_more = |clause: &TokenRange| {
        let Some(first) = (clause.start..clause.end).find(|&i| is_referral[i]) else {
            return true;
        };
        (clause.start..first)
            .any(|i| doc.tokens[i].is_word() && lx.has_word(List::Finite, &doc.tokens[i].norm))
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
        if c.questions[k] {
            continue;
        }
        for clause in &s.clauses {
            if is_consumed[clause.start..clause.end].iter().any(|&x| x)
                || content_words(clause) < 2
                || !says_more(clause)
                || (!is_instruction[clause.start] && clauses::is_fragment(doc, lx, *clause, frame))
            {
                continue;
            }
            // an instruction that is no referral tells this customer what to do in their
            // case ("Herstart je modem", "Restart the console"): applied
            let applied = opens_with_answer || tied_to_case[k] || is_instruction[clause.start];
            let id = if applied {
                Strategy::AppliedInformation
            } else {
                Strategy::GeneralInformation
            };
            c.add(id, *clause);
        }
    }
}
