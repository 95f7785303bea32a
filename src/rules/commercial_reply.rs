//! commercial-reply: the reply advertises. Replying commercially is a don't (brief §5);
//! the fix takes out the promotion, with its sentence when it says nothing else.

use super::{Check, Context, Out};
use crate::fix::{deletion_span, removal_range};
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
    for s in &r.commercial_sentences {
        let range = removal_range(r, *s);
        out.push(&[], Some(deletion_span(&r.doc, range)), Some(String::new()));
    }
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
    }
}
