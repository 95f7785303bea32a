//! no-next-step: a reply to a complaint that does not say what happens next: no action,
//! request, compensation, referral, information or invitation to carry on (brief §5, §6).
//! No fix: only the agent knows the next step.

use super::{Check, Context, Out};
use crate::reply::{Element, Strategy};
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::NoNextStep,
    check,
};

/// The strategies that tell the customer what happens next.
const NEXT_STEPS: [Strategy; 6] = [
    Strategy::CorrectiveAction,
    Strategy::InformationRequest,
    Strategy::Compensation,
    Strategy::Referral,
    Strategy::AppliedInformation,
    Strategy::GeneralInformation,
];

fn check(cx: &Context, out: &mut Out) {
    // inviting the customer to carry on ("let us know", a question) is a next step too
    if !cx.complaint()
        || NEXT_STEPS.iter().any(|&s| cx.reading.has_strategy(s))
        || cx.reading.has_element(Element::InviteDialogue)
    {
        return;
    }
    out.push(&[], Some(cx.whole()), None);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::NoNextStep;

    #[test]
    fn sorry_alone_is_no_next_step() {
        let c = case("Al twee weken wacht ik op mijn fiets.", "Wat vervelend! Sorry!");
        assert!(c.fires(NoNextStep));
        for reply in [
            "Wat vervelend! Ik bel de werkplaats nu.",
            "Wat vervelend! Stuur je me je ordernummer?",
            "Wat vervelend! Je fiets is morgen om 12:00 klaar.",
        ] {
            assert!(!case("Al twee weken wacht ik op mijn fiets.", reply).fires(NoNextStep));
        }
    }
}
