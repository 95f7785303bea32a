//! register-mismatch: in Dutch, the customer writes "je" and the reply "u", or the other
//! way round (brief §4). The fix converts the reply to the customer's form of address
//! (`crate::register`).

use super::{Check, Context, Out};
use crate::lexicon::List;
use crate::model::Register;
use crate::register::convert_doc;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::RegisterMismatch,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let Some(target) = mismatch(cx) else {
        return;
    };
    let r = cx.reading;
    let doc = &r.doc;
    let (informal, formal) = (&r.lx.register.informal, &r.lx.register.formal);
    let (theirs, yours, list) = match target {
        Register::Formal => (formal, informal, List::InformalPronoun),
        _ => (informal, formal, List::FormalPronoun),
    };
    let vars = [("theirs", theirs.clone()), ("yours", yours.clone())];
    let converted = convert_doc(doc, target, r.lx);
    if converted != doc.source {
        out.push(&vars, Some(cx.whole()), Some(converted));
    } else {
        // nothing to convert: point at the first pronoun of the wrong form
        let first = doc.words().find(|(_, t)| r.lx.has_word(list, &t.norm));
        let span = first.map(|(_, t)| [t.utf16.0, t.utf16.1]);
        out.push(&vars, Some(span.unwrap_or(cx.whole())), None);
    }
}

/// The customer's form of address, when the reply, in the same language, uses the other
/// one (the rule applies to the languages with a formal "you": its data's `languages`).
pub(super) fn mismatch(cx: &Context) -> Option<Register> {
    if cx.incoming.language != Some(cx.reply_lang) {
        return None;
    }
    let (formal, informal) = cx.pronoun_counts();
    match cx.incoming.register {
        Register::Informal if formal > 0 => Some(Register::Informal),
        Register::Formal if informal > 0 => Some(Register::Formal),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::RegisterMismatch;

    #[test]
    fn the_reply_takes_the_customer_s_form_of_address() {
        let c = case(
            "Kunt u mij vertellen of de jas in XL leverbaar is?",
            "Hoi Wilma, je kunt de jas gewoon in XL bestellen!",
        );
        assert_eq!(
            c.fixed(RegisterMismatch),
            "Beste Wilma, u kunt de jas gewoon in XL bestellen!"
        );
        let c = case("Kunnen jullie leveren waar je voor betaalt?", "Herstart uw modem.");
        assert_eq!(c.fixed(RegisterMismatch), "Herstart je modem.");
    }

    #[test]
    fn the_same_form_or_an_unknown_one_is_fine() {
        for (post, reply) in [
            ("Kunt u mij helpen?", "Goedemiddag, u kunt hem gewoon bestellen."),
            ("Kunnen jullie mijn abonnement opzeggen?", "Hoi, uw abonnement kunt u opzeggen."),
            ("Can you help me?", "Hoi, je kunt hem gewoon bestellen."),
        ] {
            assert!(!case(post, reply).fires(RegisterMismatch), "{reply}");
        }
    }
}
