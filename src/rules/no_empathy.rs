//! no-empathy: a complaint, and the reply shows neither sympathy nor an apology (brief
//! §3: sympathy first). The fix opens with sympathy, after the greeting.

use super::{Check, Context, Out};
use crate::fix::sympathy_insertion;
use crate::reply::Strategy;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::NoEmpathy,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    // (a thread's second tweet: the sympathy may be in the first, which the coach does
    // not see)
    if r.has_strategy(Strategy::Sympathy)
        || r.has_strategy(Strategy::Apology)
        || crate::reply::numbered_in_thread(r.doc.source)
    {
        return;
    }
    if cx.complaint() {
        let (at, text) = sympathy_insertion(r);
        out.push(&[], Some([at, at]), Some(text));
    } else if cx.maybe_complaint() {
        // could be a complaint: say so, and insert nothing
        out.push_unsure(&[], Some([0, 0]));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::NoEmpathy;

    #[test]
    fn sympathy_first_after_the_greeting() {
        let c = case("Al twee weken wacht ik op mijn fiets!", "Hoi Sonja, je fiets is morgen klaar.");
        assert_eq!(
            c.fixed(NoEmpathy),
            "Hoi Sonja, wat vervelend om te horen! je fiets is morgen klaar."
        );
        let c = case("my flight got cancelled and nobody helps", "Flights are rebooked at the desk.");
        assert_eq!(
            c.fixed(NoEmpathy),
            "Sorry to hear that! Flights are rebooked at the desk."
        );
    }

    #[test]
    fn a_possible_complaint_is_named_only_when_the_post_says_more_than_its_shape() {
        // capitals, a person, someone addressed: the shape of many complaints, and of
        // these happy posts; nothing is said
        for post in ["BOORITO TIME!", "I'M ON MY WAY TO YOU GUYS"] {
            assert!(!case(post, "See you there! -Becky").fires(NoEmpathy), "{post}");
        }
        // something expected otherwise, or marks of exasperation: it could be one
        for post in [
            "I collected all 54 cards but my bag still says 10 gold",
            "why does typing a capital I give me an A and a box???????",
        ] {
            assert!(case(post, "Can you send us a screenshot? -Becky").fires(NoEmpathy), "{post}");
        }
    }

    #[test]
    fn a_thread_s_second_tweet_may_have_its_sympathy_in_the_first() {
        let post = "my flight got cancelled and nobody helps";
        assert!(!case(post, "We can quote an upgrade if you like. ^Jane 2/2").fires(NoEmpathy));
        assert!(case(post, "We can quote an upgrade if you like. ^Jane").fires(NoEmpathy));
    }

    #[test]
    fn sympathy_an_apology_or_no_complaint_is_fine() {
        for (post, reply) in [
            ("I can't log in to the app.", "Sorry you're locked out! A fix is coming."),
            ("Kan ik per maand opzeggen?", "Hoi Yvonne, ja, dat kan via Mijn Omgeving."),
        ] {
            assert!(!case(post, reply).fires(NoEmpathy), "{reply}");
        }
    }
}
