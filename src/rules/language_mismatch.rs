//! language-mismatch: the reply is in another language than the post (brief §10). No
//! fix: the agent writes it again.

use super::{Check, Context, Out};
use crate::incoming::detect_language_surely;
use crate::rulebook::{book, RuleId};

pub const RULE: Check = Check {
    id: RuleId::LanguageMismatch,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    // (the post's language is given only when it is clear, and so must the reply's be)
    let Some(post) = cx.incoming.language else {
        return;
    };
    let Some(reply) = detect_language_surely(&cx.reading.doc).filter(|&l| l != post) else {
        return;
    };
    let names = &book().interface.language_name;
    let name = |l| names.get(l).get(cx.ui).to_string();
    out.push(
        &[("post_lang", name(post)), ("reply_lang", name(reply))],
        Some(cx.whole()),
        None,
    );
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::LanguageMismatch;

    #[test]
    fn named_in_the_interface_language() {
        let c = case("Mijn retour is al 3 weken onderweg.", "Sorry for the delay, I'll check it.");
        assert_eq!(
            c.message(LanguageMismatch),
            "The post is in Dutch and your reply in English: answer in the customer's language."
        );
        let c = c.ui(Lang::Nl);
        assert_eq!(
            c.message(LanguageMismatch),
            "De post is in het Nederlands en je reactie in het Engels: antwoord in de taal van de klant."
        );
    }

    #[test]
    fn the_same_language_or_no_telling_is_fine() {
        assert!(!case("Mijn retour is onderweg.", "Sorry, ik check het.").fires(LanguageMismatch));
        assert!(!case("Mijn retour is onderweg.", "👍").fires(LanguageMismatch));
    }
}
