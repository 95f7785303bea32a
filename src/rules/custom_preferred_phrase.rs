//! custom-preferred-phrase: a phrase the team words otherwise (the profile's custom
//! rules with a replacement), brief §5. The fix is the team's wording.

use super::{Check, Context, Out};
use crate::fix::{custom_phrase_hits, sentence_case, text_of};
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::CustomPreferredPhrase,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let doc = &cx.reading.doc;
    for rule in &cx.profile.custom_rules {
        let Some(preferred) = rule.replacement.as_deref() else {
            continue;
        };
        for h in custom_phrase_hits(cx.reading, cx.reply_lang, rule) {
            let rep = sentence_case(doc, h.start, preferred);
            out.push_worded(
                rule.message.as_deref(),
                &[("text", text_of(doc, h)), ("replacement", rep.clone())],
                Some(doc.span(h)),
                Some(rep),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::CustomPreferredPhrase;

    #[test]
    fn the_team_s_wording() {
        let c = case("Bedankt voor de hulp!", "Geen probleem, Fatima!")
            .custom("geen probleem", Some("graag gedaan"));
        assert_eq!(c.fixed(CustomPreferredPhrase), "Graag gedaan, Fatima!");
    }

    #[test]
    fn where_the_preferred_wording_already_stands_it_is_not_flagged_again() {
        // "thanks" → "many thanks" must not become "many many thanks"
        let c = case("thanks!", "Many thanks, Maria!").custom("thanks", Some("many thanks"));
        assert!(!c.fires(CustomPreferredPhrase));
    }
}
