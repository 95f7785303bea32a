//! emoji-on-complaint: two or more emoji in a reply to a complaint lower perceived
//! professionalism (brief §10). The span runs from the first to the last; the writer
//! keeps one at most.

use super::{Check, Context, Out};
use crate::rulebook::RuleId;
use crate::text::TokenKind;

pub const RULE: Check = Check {
    id: RuleId::EmojiOnComplaint,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    if !cx.complaint() {
        return;
    }
    let doc = &cx.reading.doc;
    let mut emoji = doc.tokens.iter().filter(|t| t.kind == TokenKind::Emoji);
    let Some(first) = emoji.next() else {
        return;
    };
    let count = 1 + emoji.clone().count();
    let Some(last) = emoji.last() else {
        return;
    };
    out.push(
        &[("count", count.to_string())],
        Some([first.utf16.0, last.utf16.1]),
        None,
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::EmojiOnComplaint;

    #[test]
    fn from_the_first_emoji_to_the_last() {
        let reply = "So sorry Noah 🙏💔 I'll send a new one today 📦";
        let c = case("my order arrived broken", reply);
        let f = &c.findings(EmojiOnComplaint)[0];
        assert_eq!(f.span, Some([14, reply.encode_utf16().count()]));
        assert!(f.message.starts_with("3 emoji"), "{}", f.message);
    }

    #[test]
    fn one_emoji_or_a_compliment_is_fine() {
        assert!(!case("my order arrived broken", "So sorry 🙏 I'll fix it.").fires(EmojiOnComplaint));
        assert!(!case("Love the new hours! 🙌", "Great to hear! 😊🎉").fires(EmojiOnComplaint));
    }
}
