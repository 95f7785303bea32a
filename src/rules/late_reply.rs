//! late-reply: the post is older than the response-time norm (brief §5, §7), and the
//! reply is late all the same when it acknowledges the wait ("sorry for the slow reply":
//! the lexicon's `wait_acknowledged`); then the finding is a suggestion that says so.
//! No fix: the rewrite acknowledges the wait.

use super::{Check, Context, Out};
use crate::incoming::waits_for_answer;
use crate::lexicon::Category;
use crate::model::Lang;
use crate::rulebook::{book, RuleId};

pub const RULE: Check = Check {
    id: RuleId::LateReply,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    if !cx.incoming.late {
        return;
    }
    let age = cx.incoming.age_minutes.unwrap_or(0.0);
    let norm = cx.incoming.response_time_norm_minutes as f64;
    let vars = [("age", duration(age, cx.ui)), ("norm", duration(norm, cx.ui))];
    if !cx.reading.hits(Category::WaitAcknowledged).is_empty() {
        out.push_done(&vars, None);
    } else if !waits_for_answer(cx.incoming) {
        out.push_happy(&vars, None);
    } else {
        out.push(&vars, None, None);
    }
}

/// A number of minutes as the interface writes it: "1d 2h", "1h 30min", "45 min".
fn duration(minutes: f64, ui: Lang) -> String {
    let m = minutes.max(0.0).round() as u64;
    let (d, h, min) = (m / 1440, (m % 1440) / 60, m % 60);
    let units = &book().interface.duration;
    let (ud, uh, um) = (units.day.get(ui), units.hour.get(ui), units.minute.get(ui));
    if d > 0 {
        format!("{d}{ud} {h}{uh}")
    } else if h > 0 && min > 0 {
        format!("{h}{uh} {min}{um}")
    } else if h > 0 {
        format!("{h}{uh}")
    } else {
        format!("{min} {um}")
    }
}

#[cfg(test)]
mod tests {
    use super::duration;
    use crate::model::Lang;
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::LateReply;

    #[test]
    fn ages_in_the_interface_language() {
        assert_eq!(duration(1530.0, Lang::En), "1d 1h");
        assert_eq!(duration(90.0, Lang::Nl), "1u 30min");
        assert_eq!(duration(120.0, Lang::En), "2h");
        assert_eq!(duration(45.4, Lang::En), "45 min");
        let c = case("Does the store cut keys?", "Yes, 9-5. - Ben").age(90.0);
        assert_eq!(
            c.message(LateReply),
            "This post is 1h 30min old, past your 1h response norm: acknowledge the wait."
        );
    }

    #[test]
    fn the_durations_the_extension_writes_too() {
        // the cases the extension's formatMinutes is tested on (tests/unit/)
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/durations.json")).unwrap();
        for case in file["cases"].as_array().unwrap() {
            let lang = Lang::parse(case["lang"].as_str().unwrap()).unwrap();
            let minutes = case["minutes"].as_f64().unwrap();
            assert_eq!(duration(minutes, lang), case["text"].as_str().unwrap(), "{case}");
        }
    }

    #[test]
    fn a_late_thank_you_to_a_happy_customer_needs_no_apology() {
        use crate::model::Severity;
        let c = case("Wat een super fijne service gisteren in de winkel!", "Dank je wel, Fatima!").age(90.0);
        let f = c.findings(LateReply);
        assert!(f.len() == 1 && f[0].severity == Severity::Suggestion, "{f:?}");
        assert!(c.message(LateReply).contains("needs no apology"));
        // thanks for what is still to come wait for it
        let c = case(
            "A fellow creator sent me to you about my channel. If you can DM me so we can resolve it. Thank you, a response would be appreciated.",
            "Tell us more about what's going on with your channel. ^Kim",
        )
        .age(1128.0);
        assert_eq!(c.findings(LateReply)[0].severity, Severity::Warning);
        // a question still waits for its answer
        let c = case("Does the store cut keys?", "Yes, 9-5. - Ben").age(90.0);
        assert_eq!(c.findings(LateReply)[0].severity, Severity::Warning);
    }

    #[test]
    fn a_reply_that_acknowledges_the_wait_gets_a_suggestion_that_says_so() {
        use crate::model::Severity;
        let done = |post: &str, reply: &str| {
            let f = case(post, reply).age(90.0).findings(LateReply);
            f.len() == 1 && f[0].severity == Severity::Suggestion && f[0].replacement.is_none()
        };
        for reply in [
            "Sorry for the delayed reply! Yes, 9-5. - Ben",
            "Hi Olivia, apologies for the wait: yes, 9-5. - Ben",
            "Thanks for your patience, Olivia! Yes, 9-5. - Ben",
        ] {
            assert!(done("Does the store cut keys?", reply), "{reply}");
        }
        for reply in ["Sorry voor mijn late reactie! Ja, van 9 tot 5. ^Ben", "Excuses voor het wachten, ja hoor! ^Ben"] {
            assert!(done("Snijden jullie sleutels?", reply), "{reply}");
        }
        // an apology for something else does not acknowledge the wait
        assert!(!done("Does the store cut keys?", "Sorry, no. - Ben"));
        assert!(case("Does the store cut keys?", "Sorry, no. - Ben").age(90.0).fires(LateReply));
    }

    #[test]
    fn within_the_norm_or_without_an_age_is_not_late() {
        assert!(!case("Does the store cut keys?", "Yes. - Ben").age(60.0).fires(LateReply));
        assert!(!case("Does the store cut keys?", "Yes. - Ben").fires(LateReply));
    }
}
