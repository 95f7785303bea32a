//! not-personalised: the post's author has a first name and the reply does not use it
//! (brief §4, §10). The fix adds it to the greeting, or greets with it.

use super::{Check, Context, Out};
use crate::fix::after_greeting;
use crate::lexicon::Template;
use crate::model::Register;
use crate::reply::Element;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::NotPersonalised,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    let Some(name) = cx.incoming.first_name.as_deref() else {
        return;
    };
    if r.has_element(Element::AddresseeName) {
        return;
    }
    let (at, rep) = match r.greeting {
        // "Hoi," → "Hoi Sonja,"
        Some(g) => (r.doc.tokens[g.end - 1].utf16.1, format!(" {name}")),
        None => {
            let formal = cx.incoming.register == Register::Formal && r.lx.has_register();
            let template = if formal {
                Template::GreetingFormal
            } else {
                Template::Greeting
            };
            let greeting = r.lx.template(template, &[("name", name)]);
            (after_greeting(r), format!("{greeting} "))
        }
    };
    out.push(&[("name", name.to_string())], Some([at, at]), Some(rep));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::NotPersonalised;

    #[test]
    fn greet_by_first_name() {
        let post = "Al twee weken wacht ik op mijn fiets.";
        let c = case(post, "Hoi, ik bel de werkplaats nu.").author("Sonja de Vries");
        assert_eq!(c.fixed(NotPersonalised), "Hoi Sonja, ik bel de werkplaats nu.");
        let c = case(post, "@Sonja Ik bel de werkplaats nu.").author("Sonja de Vries");
        assert_eq!(c.fixed(NotPersonalised), "@Sonja Hoi Sonja, Ik bel de werkplaats nu.");
        let c = case("Kunt u mij helpen?", "Ik bel u zo.").author("Wilma Jansen");
        assert_eq!(c.fixed(NotPersonalised), "Beste Wilma, Ik bel u zo.");
    }

    #[test]
    fn a_handle_or_a_name_already_used_is_fine() {
        let post = "Al twee weken wacht ik op mijn fiets.";
        assert!(!case(post, "Wat vervelend! ^Pim").author("xXdennisXx").fires(NotPersonalised));
        let c = case(post, "Wat vervelend, Sonja! ^Pim").author("Sonja de Vries");
        assert!(!c.fires(NotPersonalised));
    }
}
