//! custom-banned-phrase: a phrase on the team's own list of phrases to avoid (the
//! profile's custom rules without a replacement), brief §5, §10. The fix takes it out.

use super::{Check, Context, Out};
use crate::fix::{custom_phrase_hits, deletion_span, text_of};
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::CustomBannedPhrase,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let doc = &cx.reading.doc;
    for rule in cx.profile.custom_rules.iter().filter(|r| r.replacement.is_none()) {
        for h in custom_phrase_hits(cx.reading, cx.reply_lang, rule) {
            out.push_worded(
                rule.message.as_deref(),
                &[("text", text_of(doc, h))],
                Some(deletion_span(doc, h)),
                Some(String::new()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::CustomBannedPhrase;

    #[test]
    fn the_phrase_goes() {
        let c = case("Mijn fiets is nog niet klaar.", "Hoi Mark, helaas is hij morgen klaar.")
            .custom("helaas", None);
        assert_eq!(c.fixed(CustomBannedPhrase), "Hoi Mark, is hij morgen klaar.");
        let c = case("Mijn fiets is nog niet klaar.", "Hoi Mark, hij is morgen klaar.")
            .custom("helaas", None);
        assert!(!c.fires(CustomBannedPhrase));
    }

    #[test]
    fn in_the_team_s_words_when_it_gave_some() {
        let c = case("Mijn fiets is nog niet klaar.", "Hoi Mark, helaas is hij morgen klaar.")
            .custom("helaas", None)
            .worded("  Wij zeggen nooit 'helaas'. ");
        assert_eq!(c.message(CustomBannedPhrase), "Wij zeggen nooit 'helaas'.");
        let c = case("Mijn fiets is nog niet klaar.", "Hoi Mark, helaas is hij morgen klaar.")
            .custom("helaas", None)
            .worded(" ");
        assert_eq!(
            c.message(CustomBannedPhrase),
            "\"helaas\" is on your team's list of phrases to avoid."
        );
    }
}
