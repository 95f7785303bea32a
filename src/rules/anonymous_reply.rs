//! anonymous-reply: nobody speaks. Without "I" or a signature the reply is a faceless
//! "we" (brief §5, §10); the fix signs it with the agent's name or initials.

use super::{Check, Context, Out};
use crate::fix::{signature_text, signed_by_organisation};
use crate::reply::Element;
use crate::rulebook::RuleId;
use crate::text::utf16_len;

pub const RULE: Check = Check {
    id: RuleId::AnonymousReply,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    if r.has_element(Element::Signature)
        || r.has_element(Element::FirstPersonSingular)
        || signed_by_organisation(cx.profile, r.doc.source)
    {
        return;
    }
    match signature_text(cx.profile, cx.reply_lang) {
        Some(sig) => {
            let source = r.doc.source;
            let end = r.doc.utf16_len;
            // trailing whitespace in UTF-16 units (it may be U+2000 and the like)
            let at = end - utf16_len(&source[source.trim_end().len()..]);
            out.push(&[], Some([at, end]), Some(format!(" {sig}")));
        }
        None => {
            out.push(&[], Some(cx.whole()), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::AnonymousReply;

    #[test]
    fn the_agent_signs_after_the_last_word() {
        let c = case("my flight got cancelled", "We will rebook you today.  ").agent("Tom");
        assert_eq!(c.fixed(AnonymousReply), "We will rebook you today. ^Tom");
        // without an agent name there is nothing to sign with
        let c = case("my flight got cancelled", "We will rebook you today.");
        assert_eq!(c.findings(AnonymousReply)[0].replacement, None);
    }

    #[test]
    fn a_team_that_signs_with_the_organisation_s_name_is_somebody() {
        use crate::model::SignatureStyle::{Caret, Organisation};
        let signed = "Kom maar langs, dan plakken we hem gratis! Bakkerij Van Dam 🥐";
        let c = case("Mijn band is lek", signed).organisation("Bakkerij Van Dam", Organisation);
        assert!(!c.fires(AnonymousReply));
        // the name only counts at the end, and only when the profile signs that way
        let mentioned = "Bakkerij Van Dam is zaterdag open, kom maar langs.";
        let c = case("Mijn band is lek", mentioned).organisation("Bakkerij Van Dam", Organisation);
        assert_eq!(c.fixed(AnonymousReply), format!("{mentioned} - Bakkerij Van Dam"));
        let c = case("Mijn band is lek", signed).organisation("Bakkerij Van Dam", Caret);
        assert!(c.fires(AnonymousReply));
        // part of a longer word is no signature
        let c = case("Mijn band is lek", "Groeten van de Bakkerij Van Damme")
            .organisation("Bakkerij Van Dam", Organisation);
        assert!(c.fires(AnonymousReply));
    }

    #[test]
    fn i_or_a_signature_is_somebody() {
        for reply in ["I'll rebook you today.", "We will rebook you today. ^TK"] {
            assert!(!case("my flight got cancelled", reply).fires(AnonymousReply), "{reply}");
        }
    }
}
