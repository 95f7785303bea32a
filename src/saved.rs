//! Saved replies: a team's own texts, with placeholders (`{first_name}`, `{order_number}`;
//! see [`crate::text::placeholder`]), coached like any draft.
//!
//! - [`fill`]: a saved reply's placeholders filled from the post, the profile and what
//!   the agent typed, and the ones still to ask for;
//! - [`lint`]: every saved reply of a profile coached against a sample post of the kind
//!   its tags name;
//! - [`starter_json`]: the starter set per language (`data/saved_replies/<lang>.toml`).
//!
//! The reply's reading knows placeholders itself (`reply::frame`, `reply::signature`,
//! `reply::voice`): `{first_name}` addresses the customer, `{signature}`, `{agent}` and
//! `{agent_initials}` sign, and no rule reads a placeholder as words.

use serde::Serialize;

use crate::analysis;
use crate::lexicon::HitMemo;
use crate::model::{Exchange, Finding, Lang, Post, Profile, SavedReply};
use crate::text::case::lowercase;
use crate::text::placeholder::{self, Placeholder};
use crate::text::Doc;
use crate::{fix, incoming};

include!(concat!(env!("OUT_DIR"), "/saved_replies.rs"));

/// A saved reply with its placeholders filled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Filled {
    /// The text, every placeholder that has a value filled in. Those in `missing` are
    /// still in it: ask the agent for them before the text goes into the reply box.
    pub text: String,
    /// The placeholders that have no value, by their names as written, each once, in
    /// the order they first appear.
    pub missing: Vec<String>,
}

/// The engine's value for one of its placeholders, from the post and the profile; the
/// signature as the profile's signature style writes it in `lang`.
pub fn value(p: Placeholder, post: Option<&Post>, profile: &Profile, lang: Lang) -> Option<String> {
    let set = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    match p {
        Placeholder::FirstName => post
            .and_then(|p| p.author.as_deref())
            .and_then(incoming::first_name),
        Placeholder::Agent => set(&profile.agent_name),
        Placeholder::AgentInitials => set(&profile.agent_initials),
        Placeholder::Signature => fix::signature_text(profile, lang),
        Placeholder::Organisation => set(&profile.organisation),
    }
}

/// The language of `text`, when the engine can tell.
fn language_of(text: &str) -> Option<Lang> {
    incoming::detect_language(&Doc::new(text))
}

/// `text` with its placeholders filled: each by the value the agent gave for its name in
/// `values` (name, value; any case), else by the engine's own ([`value`]); the rest are
/// listed as missing. A value that is blank or holds a placeholder itself fills nothing,
/// so a text without missing placeholders has no placeholder left.
pub fn fill(
    text: &str,
    post: Option<&Post>,
    profile: &Profile,
    values: &[(String, String)],
) -> Filled {
    let lang = language_of(text)
        .or_else(|| post.and_then(|p| language_of(&p.text)))
        .unwrap_or(profile.ui_language);
    let mut out = String::with_capacity(text.len());
    let mut missing: Vec<String> = Vec::new();
    let mut copied = 0;
    for (range, name) in placeholder::find(text) {
        let key = lowercase(name);
        let given = values
            .iter()
            .find(|(k, _)| lowercase(k) == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty() && placeholder::find(v).is_empty())
            .map(str::to_string);
        let found = given
            .or_else(|| Placeholder::from_name(&key).and_then(|p| value(p, post, profile, lang)));
        out.push_str(&text[copied..range.start]);
        match found {
            Some(v) => out.push_str(&v),
            None => {
                out.push_str(&text[range.clone()]);
                if !missing.iter().any(|m| lowercase(m) == key) {
                    missing.push(name.to_string());
                }
            }
        }
        copied = range.end;
    }
    out.push_str(&text[copied..]);
    Filled { text: out, missing }
}

/// The coach's findings on one saved reply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Linted {
    pub title: String,
    /// The kind of the sample post it was coached against (`None`: no post).
    pub post: Option<&'static str>,
    /// As in a report (spans in UTF-16 units of the saved reply's text), without those
    /// that say the reply already does what their rule asks (late-reply's "you
    /// acknowledge the wait", [`crate::rules::is_done`]).
    pub findings: Vec<Finding>,
}

/// Every saved reply of `profile`, coached as it is saved (placeholders unfilled; the
/// reading knows them).
pub fn lint(mut profile: Profile) -> Vec<Linted> {
    let saved_replies = std::mem::take(&mut profile.saved_replies);
    let mut ex = Exchange {
        profile,
        ..Exchange::default()
    };
    saved_replies
        .into_iter()
        .map(|saved| {
            let post = sample(&saved, &mut ex);
            let mut findings = analysis::read(&ex, &mut HitMemo::default()).findings;
            findings.retain(|f| !crate::rules::is_done(f));
            Linted {
                title: saved.title,
                post,
                findings,
            }
        })
        .collect()
}

/// The tag of a saved reply for a post past the response-time norm.
pub const LATE: &str = "late";

/// The exchange a saved reply is coached in: its text as the reply, and the sample post
/// of the first kind its tags name (`complaint`, `question`, `compliment`; a question
/// when it is only tagged `late`) in its language, written a few minutes ago or, tagged
/// `late`, three times the response-time norm ago. Without such a tag, no post. Returns
/// the kind of the sample post.
pub fn sample_exchange(saved: &SavedReply, profile: &Profile) -> (Option<&'static str>, Exchange) {
    let mut ex = Exchange {
        profile: Profile {
            saved_replies: Vec::new(),
            ..profile.clone()
        },
        ..Exchange::default()
    };
    (sample(saved, &mut ex), ex)
}

/// [`sample_exchange`] in `ex`, whose profile it keeps.
fn sample(saved: &SavedReply, ex: &mut Exchange) -> Option<&'static str> {
    let profile = &ex.profile;
    let lang = saved
        .language
        .or_else(|| language_of(&saved.text))
        .unwrap_or(profile.ui_language);
    let tagged = |t: &str| saved.tags.iter().any(|s| s.trim().eq_ignore_ascii_case(t));
    let late = tagged(LATE);
    let kind = saved
        .tags
        .iter()
        .find_map(|t| {
            SAMPLES
                .iter()
                .find(|s| s.0 == lang.code() && s.1.eq_ignore_ascii_case(t.trim()))
        })
        .or_else(|| {
            late.then(|| {
                SAMPLES
                    .iter()
                    .find(|s| s.0 == lang.code() && s.1 == "question")
            })
            .flatten()
        });
    let norm = profile.response_time_norm_minutes.max(1) as f64;
    ex.post = kind.map(|&(_, _, author, text)| Post {
        text: text.to_string(),
        author: Some(author.to_string()),
        age_minutes: Some(if late { norm * 3.0 } else { 5.0 }),
    });
    ex.reply.clone_from(&saved.text);
    kind.map(|s| s.1)
}

/// The starter set in `lang`, as the JSON of a profile's `saved_replies`.
pub fn starter_json(lang: Lang) -> &'static str {
    STARTER
        .iter()
        .find(|(l, _)| *l == lang.code())
        .map_or("[]", |(_, json)| json)
}

/// The starter set in `lang`.
pub fn starter(lang: Lang) -> Vec<SavedReply> {
    crate::json::read_saved_replies(starter_json(lang)).unwrap_or_default()
}

/// The kinds of post the sample posts are of, in `lang`.
pub fn sample_kinds(lang: Lang) -> impl Iterator<Item = &'static str> {
    SAMPLES
        .iter()
        .filter(move |s| s.0 == lang.code())
        .map(|s| s.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile {
            agent_name: Some("Pim Kramer".into()),
            agent_initials: Some("PK".into()),
            organisation: Some("FietsPlaats".into()),
            ..Profile::default()
        }
    }

    fn post() -> Post {
        Post {
            text: "Waar blijft mijn fiets?".into(),
            author: Some("Sonja de Vries".into()),
            age_minutes: Some(5.0),
        }
    }

    #[test]
    fn fills_from_the_post_and_the_profile() {
        let f = fill(
            "Hoi {first_name}, ik ben {agent} van {organisation}. {signature}",
            Some(&post()),
            &profile(),
            &[],
        );
        assert_eq!(f.text, "Hoi Sonja, ik ben Pim Kramer van FietsPlaats. ^PK");
        assert!(f.missing.is_empty());
    }

    #[test]
    fn the_rest_is_asked_for_and_a_given_value_fills_it() {
        let text =
            "Hi {first_name}, order {order_number} ({Order_Number}) left today. {agent_initials}";
        let f = fill(text, None, &Profile::default(), &[]);
        assert_eq!(f.missing, ["first_name", "order_number", "agent_initials"]);
        assert_eq!(f.text, text);
        let values: Vec<(String, String)> = [
            ("order_number", " 12345 "),
            ("first_name", "Sam"),
            ("agent_initials", "{x}"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let f = fill(text, None, &Profile::default(), &values);
        assert_eq!(
            f.text,
            "Hi Sam, order 12345 (12345) left today. {agent_initials}"
        );
        assert_eq!(f.missing, ["agent_initials"]);
    }

    #[test]
    fn the_signature_is_the_one_the_fixes_write() {
        let mut p = profile();
        p.signature_style = crate::model::SignatureStyle::Greeting;
        let f = fill("Thanks for your patience! {signature}", None, &p, &[]);
        assert_eq!(
            f.text,
            format!(
                "Thanks for your patience! {}",
                fix::signature_text(&p, Lang::En).unwrap()
            )
        );
    }

    #[test]
    fn a_sample_post_of_the_kind_the_tags_name() {
        let saved = |tags: &[&str]| SavedReply {
            title: "t".into(),
            text: "Sorry voor het wachten!".into(),
            language: Some(Lang::Nl),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        };
        let (kind, ex) = sample_exchange(&saved(&["shipping", "Complaint"]), &profile());
        assert_eq!(kind, Some("complaint"));
        assert_eq!(ex.post.unwrap().age_minutes, Some(5.0));
        let (kind, ex) = sample_exchange(&saved(&["late"]), &profile());
        assert_eq!(kind, Some("question"));
        assert_eq!(ex.post.unwrap().age_minutes, Some(180.0));
        assert_eq!(sample_exchange(&saved(&[]), &profile()).1.post, None);
    }
}
