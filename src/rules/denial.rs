//! denial: the reply denies the customer's experience (brief §3, §6, §10). Only against
//! a complaint or a remark: correcting a question's wrong premise is information. The
//! fix says what the agent observes, or takes the denial out.

use super::{Check, Context, Out};
use crate::fix::{phrase_deletion, sentence_case, text_of};
use crate::lexicon::Category;
use crate::model::Kind;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::Denial,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    if cx.incoming.kind == Kind::Question {
        return;
    }
    let r = cx.reading;
    let doc = &r.doc;
    for h in r
        .hits(Category::Denial)
        .iter()
        .filter(|h| !aimed_at(r, h.range))
    {
        let replacement = r.lx.replacement(Category::Denial, h.pattern).unwrap_or("");
        let (span, rep) = if replacement.is_empty() {
            phrase_deletion(r, h.range, false)
        } else {
            (
                doc.span(h.range),
                sentence_case(doc, h.range.start, replacement),
            )
        };
        out.push(&[("text", text_of(doc, h.range))], Some(span), Some(rep));
    }
}

/// A verb of wanting or aiming ("want", "hope") among the three words before the denial,
/// in its clause: "We want this to work perfectly!" is an aim, not a claim.
fn aimed_at(r: &crate::reply::Reading, hit: crate::text::TokenRange) -> bool {
    let doc = &r.doc;
    let start = doc.clause_of(hit.start).map_or(hit.start, |c| c.start);
    doc.tokens[start..hit.start]
        .iter()
        .rev()
        .filter(|t| t.is_word())
        .take(3)
        .any(|t| r.lx.has_word(crate::lexicon::List::Wish, &t.norm))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::Denial;

    #[test]
    fn what_the_agent_sees_instead() {
        let c = case(
            "Internet ligt er al de hele avond uit.",
            "Er is geen storing bij ons bekend. Herstart je modem.",
        );
        assert_eq!(
            c.fixed(Denial),
            "Ik zie bij ons nog geen storing. Herstart je modem."
        );
        let c = case("I can't log in since the update.", "That's not true. Please restart.");
        assert_eq!(c.fixed(Denial), "Please restart.");
    }

    #[test]
    fn correcting_a_question_is_no_denial() {
        let c = case(
            "is it true you're dropping the free checked bag?",
            "That's not correct: a checked bag stays included.",
        );
        assert!(!c.fires(Denial));
    }
}
