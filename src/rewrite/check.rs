//! The check a rewrite passes before it is shown: the engine reads it as a draft against
//! the same post. It must fix something and add no finding of its own; leave no don't
//! that it only polished over; keep every fact, answer, instruction and commitment of
//! the draft; leave whole sentences (no fragment, no repeated words, one form of
//! address); add sympathy or an apology only where the post is a complaint the reading
//! is sure of, and an apology for the wait only when the reply is late; and fit the
//! platform. A rewrite that fails is not shown: the note says what to change by hand.

use crate::lexicon::{lexicon, Category, Lexicon, List};
use crate::model::*;
use crate::reply::{Element, Strategy};
use crate::rulebook::RuleId;
use crate::text::{Doc, Sentence, TokenKind};

use super::frame::{continues_thread, Opener};

/// Why no rewrite is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Why {
    /// Nothing left that the coach can change itself.
    Nothing,
    /// A finding the rewrite cannot fix, or a don't it would only polish over.
    Still(RuleId),
    /// The rewrite would change what the agent says: drop a fact, answer or commitment,
    /// leave a fragment, or add what does not fit the post.
    Changes,
    /// Too long for the platform without cutting more than filler.
    TooLong { counted: usize, limit: usize },
    /// The brief advises not to respond at all.
    DontRespond,
    /// The reply is in another language than the post.
    Translate,
    /// A draft this long gets findings, not a rewrite.
    TooLongToRewrite,
}

/// Findings a rewrite may leave: they need what only the agent has (a name to sign
/// with) or are suggestions the rewrite may not be able to follow.
const MAY_REMAIN: [RuleId; 5] = [
    RuleId::AnonymousReply,
    RuleId::NotPersonalised,
    RuleId::EmojiOnComplaint,
    RuleId::DmWithoutAcknowledgement,
    RuleId::CustomPreferredPhrase,
];

/// What a rewrite must keep of the draft: answers, instructions, commitments.
const KEPT: [Strategy; 6] = [
    Strategy::AppliedInformation,
    Strategy::GeneralInformation,
    Strategy::CorrectiveAction,
    Strategy::Compensation,
    Strategy::InformationRequest,
    Strategy::Referral,
];

/// The rules whose fixes change or take out words on purpose: what their findings cover
/// may go (a promotion, a joke, personal data, a stock phrase for its human wording).
const REWORDS: [RuleId; 8] = [
    RuleId::CommercialReply,
    RuleId::HumorOnComplaint,
    RuleId::PersonalDataExposed,
    RuleId::PersonalDataRequest,
    RuleId::CorporatePhrase,
    RuleId::CustomBannedPhrase,
    RuleId::CustomPreferredPhrase,
    RuleId::RepeatedWords,
];

/// The rules whose fixes may take out a fact: a promotion's code, personal data, the
/// number of an absolute promise ("100%").
const DROPS_FACTS: [RuleId; 3] = [
    RuleId::CommercialReply,
    RuleId::PersonalDataExposed,
    RuleId::UnkeepablePromise,
];

fn rule_of(f: &Finding) -> Option<RuleId> {
    RuleId::from_name(&f.rule)
}

fn spans_of(report: &Report, rules: &[RuleId]) -> Vec<Span> {
    report
        .findings
        .iter()
        .filter(|f| rule_of(f).is_some_and(|r| rules.contains(&r)))
        .filter_map(|f| f.span)
        .collect()
}

fn inside(spans: &[Span], [a, b]: Span) -> bool {
    spans.iter().any(|s| s[0] <= a && b <= s[1])
}

/// The words of a text, normalised: what "the same text" means here (spacing, case
/// and punctuation aside).
fn words<'d>(doc: &'d Doc, range: std::ops::Range<usize>) -> Vec<&'d str> {
    doc.tokens[range]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.norm.as_str())
        .collect()
}

/// Checks `text`, a rewrite of the draft `ex.reply`, whose report is `rw`; the draft's
/// report is `draft`, and `opener` what the frame put in front.
pub(super) fn check(
    ex: &Exchange,
    draft: &Report,
    text: &str,
    rw: &Report,
    opener: Option<Opener>,
) -> Result<(), Why> {
    let lx = lexicon(draft.language);
    let ddoc = Doc::new(&ex.reply);
    let rdoc = Doc::new(text);
    if rw.length.counted > rw.length.limit {
        return Err(Why::TooLong {
            counted: rw.length.counted,
            limit: rw.length.limit,
        });
    }
    if words(&ddoc, 0..ddoc.tokens.len()) == words(&rdoc, 0..rdoc.tokens.len()) {
        return Err(Why::Nothing);
    }
    findings_left(draft, rw, &rdoc)?;
    if rw.findings.len() >= draft.findings.len() {
        return Err(Why::Nothing);
    }
    no_polish_over_a_dont(draft, rw)?;
    facts_kept(&ddoc, draft, text)?;
    substance_kept(&ddoc, draft, &rdoc, rw)?;
    whole_sentences(&ddoc, &rdoc, rw, lx)?;
    fits_the_post(&ddoc, draft, &rdoc, rw, opener, lx)?;
    // a masked number or address ("06-••••••78") reads as broken in a public reply
    if text.contains('•') {
        return Err(Why::Still(RuleId::PersonalDataExposed));
    }
    Ok(())
}

/// No finding of its own, no error, and no don't left standing (only what
/// [`MAY_REMAIN`]; a wait acknowledged by the sorry already there, or in a thread's
/// first tweet).
fn findings_left(draft: &Report, rw: &Report, rdoc: &Doc) -> Result<(), Why> {
    for f in &rw.findings {
        let Some(id) = rule_of(f) else {
            return Err(Why::Changes);
        };
        if !draft.findings.iter().any(|d| d.rule == f.rule) {
            return Err(Why::Changes);
        }
        let late_ok = id == RuleId::LateReply
            && (continues_thread(rdoc)
                || Strategy::Apology.in_report(rw)
                || Strategy::Sympathy.in_report(rw));
        if f.severity != Severity::Error && (MAY_REMAIN.contains(&id) || late_ok) {
            continue;
        }
        if id == RuleId::TooLong {
            return Err(Why::TooLong {
                counted: rw.length.counted,
                limit: rw.length.limit,
            });
        }
        return Err(Why::Still(id));
    }
    Ok(())
}

/// A denial or an irritated brush-off, taken out or softened, leaves a reply that must
/// still do something for the customer: say what happens next, ask what is needed, or
/// make it good (brief §9: "I see no outage here; could you DM me your postcode?").
/// Otherwise a warm opener over it only polishes a don't.
fn no_polish_over_a_dont(draft: &Report, rw: &Report) -> Result<(), Why> {
    let acts = [
        Strategy::CorrectiveAction,
        Strategy::InformationRequest,
        Strategy::Compensation,
    ]
    .iter()
    .any(|s| s.in_report(rw));
    match [RuleId::Denial, RuleId::Irritation]
        .into_iter()
        .find(|&id| super::frame::has(draft, id))
    {
        Some(id) if !acts => Err(Why::Still(id)),
        _ => Ok(()),
    }
}

/// Every number, link, e-mail address, @mention and #hashtag of the draft, except what a
/// finding takes out on purpose.
fn facts_kept(ddoc: &Doc, draft: &Report, text: &str) -> Result<(), Why> {
    let exempt = spans_of(draft, &DROPS_FACTS);
    for t in ddoc.tokens.iter().filter(|t| crate::fix::is_fact(t)) {
        // (an @mention is never part of what a fix takes out)
        if t.kind != TokenKind::Mention && inside(&exempt, [t.utf16.0, t.utf16.1]) {
            continue;
        }
        let fact = t
            .text(ddoc.source)
            .trim_end_matches(['.', ',', '!', '?', ')']);
        if !text.contains(fact) {
            return Err(Why::Changes);
        }
    }
    Ok(())
}

/// As many answers, instructions and commitments as the draft had (those inside what a
/// finding rewords aside), and the words of each answer.
fn substance_kept(ddoc: &Doc, draft: &Report, rdoc: &Doc, rw: &Report) -> Result<(), Why> {
    let reworded = spans_of(draft, &REWORDS);
    let count = |r: &Report, s: Strategy, skip: &[Span]| {
        r.strategy_occurrences
            .iter()
            .filter(|o| o.id == s.name() && !inside(skip, o.span))
            .count()
    };
    if KEPT
        .iter()
        .any(|&s| count(rw, s, &[]) < count(draft, s, &reworded))
    {
        return Err(Why::Changes);
    }
    // and every question the draft asks the customer
    let questions = |d: &Doc, skip: &[Span]| {
        d.sentences
            .iter()
            .filter(|s| s.question && !inside(skip, d.span(s.tokens)))
            .count()
    };
    if questions(rdoc, &[]) < questions(ddoc, &reworded) {
        return Err(Why::Changes);
    }
    // the words of an answer that no finding touches stay
    let touched: Vec<Span> = draft
        .findings
        .iter()
        .filter_map(|f| f.span)
        .filter(|s| s[1] - s[0] < ddoc.utf16_len)
        .collect();
    let have: Vec<&str> = words(rdoc, 0..rdoc.tokens.len());
    let lx = lexicon(draft.language);
    for o in draft
        .strategy_occurrences
        .iter()
        .filter(|o| o.id == Strategy::AppliedInformation.name())
        .filter(|o| !touched.iter().any(|s| s[0] < o.span[1] && o.span[0] < s[1]))
    {
        let lost = ddoc.tokens.iter().filter(|t| {
            t.is_word()
                && o.span[0] <= t.utf16.0
                && t.utf16.1 <= o.span[1]
                && !lx.has_word(List::Stop, &t.norm)
        });
        for t in lost {
            let w = t.norm.as_str();
            // a verb that the form of address changed ("schakelt u" → "schakel je")
            let same = |h: &&str| {
                *h == w || h.strip_suffix('t') == Some(w) || w.strip_suffix('t') == Some(h)
            };
            if !have.iter().any(same) {
                return Err(Why::Changes);
            }
        }
    }
    Ok(())
}

/// The words of sentence `s` outside the reply's frame (greeting, name, signature).
fn body_words<'d>(doc: &'d Doc, s: &Sentence, frame: &[Span]) -> Vec<&'d crate::text::Token> {
    doc.tokens[s.tokens.start..s.tokens.end]
        .iter()
        .filter(|t| t.is_word() && !inside(frame, [t.utf16.0, t.utf16.1]))
        .collect()
}

/// Every sentence the rewrite changed is whole: not one stray word ("There!"), not the
/// tail of a cut ("Since your order was late."), no lower-case "i'm".
fn whole_sentences(ddoc: &Doc, rdoc: &Doc, rw: &Report, lx: &Lexicon) -> Result<(), Why> {
    let before: Vec<Vec<&str>> = ddoc
        .sentences
        .iter()
        .map(|s| words(ddoc, s.tokens.start..s.tokens.end))
        .collect();
    let frame: Vec<Span> = [
        Element::Greeting,
        Element::AddresseeName,
        Element::Signature,
    ]
    .iter()
    .flat_map(|e| {
        rw.voice
            .occurrences
            .iter()
            .filter(move |o| o.id == e.name())
            .map(|o| o.span)
    })
    .collect();
    for s in &rdoc.sentences {
        if before.contains(&words(rdoc, s.tokens.start..s.tokens.end)) {
            continue;
        }
        let ws = body_words(rdoc, s, &frame);
        let Some(first) = ws.first() else {
            continue;
        };
        let stray = ws.len() == 1
            && !lx.has_word_in_any(
                &[List::AnswerWords, List::Interjection, List::Greeting],
                &first.norm,
            );
        let tail = lx.has_word(List::FragmentStart, &first.norm);
        let small_i = ws.iter().any(|t| {
            lx.has_word(List::CapitalWord, &t.norm)
                && t.text(rdoc.source).starts_with(char::is_lowercase)
        });
        if stray || tail || small_i {
            return Err(Why::Changes);
        }
    }
    Ok(())
}

/// Sympathy or an apology only where the post is a complaint the reading is sure of (an
/// apology for the wait aside), and an apology for the wait only when the reply is late.
fn fits_the_post(
    ddoc: &Doc,
    draft: &Report,
    rdoc: &Doc,
    rw: &Report,
    opener: Option<Opener>,
    lx: &Lexicon,
) -> Result<(), Why> {
    let inc = &draft.incoming;
    let complaint = inc.kind == Kind::Complaint && inc.certainty == Certainty::Sure;
    let feeling = |r: &Report| {
        r.strategy_occurrences
            .iter()
            .filter(|o| o.id == Strategy::Sympathy.name() || o.id == Strategy::Apology.name())
            .count()
    };
    let late_opener = usize::from(opener == Some(Opener::Late));
    if !complaint && feeling(rw) > feeling(draft) + late_opener {
        return Err(Why::Changes);
    }
    // one "sorry" opener, not two in a row
    if opener.is_some() && super::frame::says_sorry(ddoc.source, lx) {
        return Err(Why::Changes);
    }
    let acknowledged = |d: &Doc| lx.phrases(Category::WaitAcknowledged).find(d).len();
    if !inc.late && acknowledged(rdoc) > acknowledged(ddoc) {
        return Err(Why::Changes);
    }
    match opener {
        Some(Opener::Sympathy) if !complaint => Err(Why::Changes),
        Some(Opener::Late) if !inc.late => Err(Why::Changes),
        _ => Ok(()),
    }
}
