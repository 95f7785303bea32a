//! Placeholders in a saved reply: `{first_name}`, `{order_number}`, … A placeholder is a
//! `{`, a name (letters, digits, `_` and `-`, starting with a letter, at most
//! [`MAX_NAME`] characters) and a `}`; any other brace is text. The tokenizer reads
//! each as one [`TokenKind::Placeholder`](super::TokenKind) token, so the reply's reading
//! can tell what it stands for, and no rule reads its name as words.

use crate::names::data_names;

data_names! {
    /// The placeholders the engine fills from the post and the profile, by their names
    /// (any other name is the user's to fill).
    pub enum Placeholder {
        /// The post author's first name.
        FirstName = "first_name",
        /// The agent's name.
        Agent = "agent",
        AgentInitials = "agent_initials",
        /// The agent's signature, as the profile's signature style writes it.
        Signature = "signature",
        Organisation = "organisation",
    }
}

impl Placeholder {
    /// Names or signs for the agent: at the end of a reply, it is a signature.
    pub fn signs(self) -> bool {
        matches!(
            self,
            Placeholder::Agent | Placeholder::AgentInitials | Placeholder::Signature
        )
    }
}

/// The longest placeholder name, in characters.
pub const MAX_NAME: usize = 40;

/// The placeholder that starts at byte `at` of `text`: its end (a byte offset past the
/// `}`) and its name.
pub fn at(text: &str, at: usize) -> Option<(usize, &str)> {
    let rest = text.get(at..)?.strip_prefix('{')?;
    let end = rest.find('}')?;
    let name = &rest[..end];
    let ok = name.chars().next().is_some_and(char::is_alphabetic)
        && name.chars().count() <= MAX_NAME
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    ok.then_some((at + 1 + end + 1, name))
}

/// Every placeholder of `text`: its byte range and its name, in order.
pub fn find(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = text[i..].find('{') {
        let start = i + k;
        match at(text, start) {
            Some((end, name)) => {
                out.push((start..end, name));
                i = end;
            }
            None => i = start + 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_braced_names() {
        let t = "Hi {first_name}, DM us your {order_number} {x} {} {2go} {a b} {{signature}";
        let names: Vec<&str> = find(t).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["first_name", "order_number", "x", "signature"]);
        assert_eq!(find("{agent}")[0].0, 0..7);
        assert_eq!(
            Placeholder::from_name("agent_initials"),
            Some(Placeholder::AgentInitials)
        );
        assert!(Placeholder::Signature.signs() && !Placeholder::FirstName.signs());
        assert!(find("{ordernummer_bij_één}").len() == 1);
        assert!(find(&format!("{{{}}}", "a".repeat(41))).is_empty());
    }
}
