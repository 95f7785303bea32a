//! respond-not-advised: the brief advises not to respond to this post at all: a
//! swearing tirade, trolling, irony without substance, emotion alone, or consumers
//! talking among themselves (brief §6, §10). No span, no fix.

use super::{Check, Context, Out};
use crate::model::Advice;
use crate::rulebook::{book, RuleId};

pub const RULE: Check = Check {
    id: RuleId::RespondNotAdvised,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    if cx.incoming.advice != Advice::DontRespond {
        return;
    }
    let reason = cx
        .incoming
        .advice_reason
        .map(|r| book().interface.not_advised_because.get(r).get(cx.ui)).copied()
        .unwrap_or("");
    out.push(&[("reason", reason.to_string())], None, None);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::RespondNotAdvised;

    #[test]
    fn says_why() {
        let c = case("you guys are a total joke. hope you go bankrupt lmao", "Sorry you feel that way.");
        assert_eq!(
            c.message(RespondNotAdvised),
            "Webcare advice is not to respond to this post (trolling)."
        );
        let c = case("pakket kapot in de regen gegooid. Stelletje prutsers.", "Dat hoort niet, sorry!");
        assert!(!c.fires(RespondNotAdvised));
    }
}
