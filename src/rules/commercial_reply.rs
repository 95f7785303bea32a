//! commercial-reply: the reply advertises. Replying commercially is a don't (brief §5);
//! the fix takes out the promotion, with its sentence when it says nothing else. Not
//! when the customer asked about offers, nor in a sentence about what a question asked
//! ("are you going to extend AppleCare?" — "For a limited time, Apple is extending …"):
//! that is an answer. (A pitch after a complaint is often about the same things — a
//! bike's accessories after a complaint about the bike — so only a question counts.)

use super::{Check, Context, Out};
use crate::fix::{deletion_span, removal_range};
use crate::lexicon::List;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::CommercialReply,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    // not when the customer asked about offers: then it is an answer
    if cx.incoming.asks_commercial {
        return;
    }
    let r = cx.reading;
    for s in r
        .commercial_sentences
        .iter()
        .filter(|s| !speaks_of_the_post(cx, s))
    {
        let range = removal_range(r, *s);
        out.push(&[], Some(deletion_span(&r.doc, range)), Some(String::new()));
    }
}

/// The post is a question and the sentence `s` shares a content word with it (by its
/// first five letters: "extend" and "extending").
fn speaks_of_the_post(cx: &Context, s: &crate::text::TokenRange) -> bool {
    if cx.incoming.kind != crate::model::Kind::Question {
        return false;
    }
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    let r = cx.reading;
    r.doc.tokens[s.start..s.end]
        .iter()
        .filter(|t| t.is_word() && t.norm.chars().count() >= 4 && !r.lx.has_word(List::Stop, &t.norm))
        .any(|t| cx.incoming.topic_words.iter().any(|w| stem(w) == stem(&t.norm)))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::CommercialReply;

    #[test]
    fn the_promotion_goes_and_the_service_stays() {
        let c = case(
            "Mijn bestelling is nog steeds niet binnen!",
            "Sorry Peter, ik zoek het uit. Deze week 20% korting op alle jassen!",
        );
        // (the space before goes when the rewrite tidies)
        assert_eq!(c.fixed(CommercialReply), "Sorry Peter, ik zoek het uit. ");
    }

    #[test]
    fn an_answer_to_a_question_about_offers_is_no_pitch() {
        let c = case(
            "Hebben jullie deze week nog korting op jassen?",
            "Ja, deze week 20% korting op alle jassen!",
        );
        assert!(!c.fires(CommercialReply));
        let c = case("my order is late", "Sorry, I'll chase it today.");
        assert!(!c.fires(CommercialReply));
        // about what the customer wrote of: an answer, not a pitch
        let c = case(
            "are you going to extend my AppleCare? It expires next month",
            "For a limited time, Apple is extending the AppleCare purchase period to 90 days.",
        );
        assert!(!c.fires(CommercialReply));
        // a pitch about something else still is one
        let c = case(
            "are you going to extend my AppleCare? It expires next month",
            "Let me check. Sign up for our newsletter for exclusive offers!",
        );
        assert!(c.fires(CommercialReply));
    }

    #[test]
    fn an_offer_turned_around_by_a_negation_is_no_pitch() {
        let c = case(
            "just close my account, I am done with you",
            "Thanks Ben. Drink coupons will no longer be sent to you, and the account will close after 24 months.",
        );
        assert!(!c.fires(CommercialReply));
        let c = case(
            "Ik krijg elke dag jullie reclame, stop ermee!",
            "Sorry Peter! Je krijgt vanaf morgen geen aanbiedingen meer van ons.",
        );
        assert!(!c.fires(CommercialReply));
    }
}
