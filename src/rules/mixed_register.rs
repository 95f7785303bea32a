//! mixed-register: a Dutch reply that mixes "u" and "je" (brief §4, §5). The fix uses
//! the form it uses most. (When the customer's form is known and differs,
//! register-mismatch says so instead.)

use super::{register_mismatch, Check, Context, Out};
use crate::model::Register;
use crate::register::convert_doc;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::MixedRegister,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    // (the rule applies to the languages with a formal "you": its data's `languages`)
    if register_mismatch::mismatch(cx).is_some() {
        return;
    }
    let (formal, informal) = cx.pronoun_counts();
    if formal == 0 || informal == 0 {
        return;
    }
    let target = if formal > informal {
        Register::Formal
    } else {
        Register::Informal
    };
    let doc = &cx.reading.doc;
    let converted = convert_doc(doc, target, cx.reading.lx);
    out.push(
        &[],
        Some(cx.whole()),
        (converted != doc.source).then_some(converted),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::MixedRegister;

    #[test]
    fn one_form_of_address() {
        let c = case(
            "Mijn fiets is nog niet klaar.",
            "Hoi Mark, uw fiets is morgen klaar, je krijgt een sms.",
        );
        assert_eq!(
            c.fixed(MixedRegister),
            "Hoi Mark, je fiets is morgen klaar, je krijgt een sms."
        );
        let c = case("Mijn fiets is nog niet klaar.", "Hoi Mark, je fiets is morgen klaar.");
        assert!(!c.fires(MixedRegister));
    }
}
