//! dm-without-acknowledgement: a public complaint moved straight to DM, with no
//! sympathy, apology or substance first (brief §5, §8, §10). The fix opens with
//! sympathy.

use super::{Check, Context, Out};
use crate::fix::sympathy_insertion;
use crate::lexicon::Category;
use crate::reply::Strategy;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::DmWithoutAcknowledgement,
    check,
};

/// What acknowledges the complaint: sympathy or an apology, or something of substance.
const ACKNOWLEDGES: [Strategy; 7] = [
    Strategy::Sympathy,
    Strategy::Apology,
    Strategy::AppliedInformation,
    Strategy::GeneralInformation,
    Strategy::CorrectiveAction,
    Strategy::Compensation,
    Strategy::Justification,
];

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    if !cx.complaint()
        || r.hits(Category::DmRequest).is_empty()
        || ACKNOWLEDGES.iter().any(|&s| r.has_strategy(s))
    {
        return;
    }
    let (at, text) = sympathy_insertion(r);
    out.push(&[], Some([at, at]), Some(text));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::DmWithoutAcknowledgement;

    #[test]
    fn acknowledge_first() {
        let c = case("my order arrived broken", "Please DM us.");
        assert_eq!(c.fixed(DmWithoutAcknowledgement), "Sorry to hear that! Please DM us.");
    }

    #[test]
    fn sympathy_or_substance_before_the_dm_is_fine() {
        for reply in [
            "Oh no, so sorry! Could you DM me your order number?",
            "I'll send a replacement today, DM me your address.",
        ] {
            assert!(!case("my order arrived broken", reply).fires(DmWithoutAcknowledgement));
        }
    }
}
