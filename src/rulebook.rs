//! The rulebook's data: one file per rule (`data/rules/<id>.toml`: its messages,
//! explanation, source, severity, fix kind, examples; see `data/rules/README.md`) and the
//! shared `data/rulebook.toml` (the recommended strategies, the advice, the interface
//! strings). build.rs turns both into static data (`build/rulebook.rs`): nothing is parsed
//! at run time, every text is in every interface language, and a name the engine does
//! not know, or one it needs that is missing, does not build. The checks are in
//! `crate::rules`.

use serde::Serialize;

use crate::model::{AdviceReason, CustomRule, Exchange, Lang, Platform, Post, Profile, Severity};
use crate::names::data_names;

// RuleId, RULES and BOOK
/// A rule's examples are its tests and the CLI's documentation (`reply-coach rule ID`);
/// the extension shows none, so the wasm carries none (about 15 KB of text that every
/// user would download).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! examples {
    ($($example:expr,)*) => {
        &[$($example,)*]
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! examples {
    ($($example:expr,)*) => {
        &[]
    };
}

include!(concat!(env!("OUT_DIR"), "/rulebook_data.rs"));

impl RuleId {
    /// This rule's data.
    #[inline]
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }
}

/// One value per language, such as a text in each interface language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ByLang<T> {
    pub en: T,
    pub nl: T,
}

/// A text in every interface language.
pub type Texts = ByLang<&'static str>;

impl<T> ByLang<T> {
    #[inline]
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }
}

data_names! {
    /// The groups the rules are listed in.
    pub enum Family {
        Donts = "donts",
        Privacy = "privacy",
        Voice = "voice",
        Strategy = "strategy",
        Platform = "platform",
        Custom = "custom",
    }
}

data_names! {
    /// What a rule's fix does, and so what the rewrite does with it.
    pub enum FixKind {
        /// Edits the reply's words: the rewrite applies it.
        Content = "content",
        /// Adds a greeting, sympathy or a signature: the rewrite adds its own frame.
        Frame = "frame",
        /// Converts the form of address (je/u): the rewrite settles it first.
        Register = "register",
        /// The writer must do it (shorten, drop emoji); the finding has no replacement.
        Manual = "manual",
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Fix {
    pub kind: FixKind,
    /// The fix's label, such as "Remove the promotion".
    pub label: Texts,
}

/// One rule's data (`data/rules/<id>.toml`).
#[derive(Debug)]
pub struct Rule {
    pub id: RuleId,
    pub family: Family,
    pub severity: Severity,
    /// Judged by the eval scorer (the 15 rules of shared/eval/README.md).
    pub scored: bool,
    /// The reply languages the rule applies to; empty: all.
    pub languages: &'static [Lang],
    /// What the explanation cites, by real names: "advice report 2013; Crijns et al. 2017".
    pub source: &'static str,
    /// A short name in plain words ("Personal data asked in public"), for lists and
    /// buttons.
    pub title: Texts,
    pub message: Texts,
    /// The message when the reading of the post the rule rests on is unsure ("this may be
    /// a complaint: …"): such a finding is a suggestion, without a fix.
    pub message_unsure: Option<Texts>,
    /// The message when the draft already does what the rule asks, though the fact the
    /// rule names stands ("past your norm; you acknowledge the wait"): a suggestion,
    /// without a fix.
    pub message_done: Option<Texts>,
    /// The message when the post is a happy customer's (a compliment, praise), who waits
    /// for nothing the rule asks ("past your norm; a thank-you needs no apology"): a
    /// suggestion, without a fix.
    pub message_happy: Option<Texts>,
    pub explanation: Texts,
    pub fix: Option<Fix>,
    pub examples: &'static [Example],
}

impl Rule {
    pub fn fix_kind(&self) -> Option<FixKind> {
        self.fix.as_ref().map(|f| f.kind)
    }

    /// The rule applies to replies in `lang`.
    pub fn applies_to(&self, lang: Lang) -> bool {
        self.languages.is_empty() || self.languages.contains(&lang)
    }

    /// The rule's documentation in one interface language.
    pub fn doc(&self, ui: Lang) -> RuleDoc {
        RuleDoc {
            id: self.id.name(),
            family: self.family.name(),
            severity: self.severity,
            title: self.title.get(ui),
            message: self.message.get(ui),
            explanation: self.explanation.get(ui),
            source: self.source,
            fix: self.fix.as_ref().map(|f| *f.label.get(ui)),
            examples: self.examples,
        }
    }
}

/// One example of a rule; also a test (tests/rulebook.rs).
#[derive(Debug, Serialize)]
pub struct Example {
    pub lang: Lang,
    pub post: &'static str,
    pub reply: &'static str,
    pub author: Option<&'static str>,
    pub agent: Option<&'static str>,
    pub age_minutes: Option<f64>,
    pub platform: Option<Platform>,
    /// The team's own phrases (the custom rules' examples).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub custom_rules: &'static [ExampleRule],
    pub fires: bool,
}

/// A custom rule of an example's profile.
#[derive(Debug, Serialize)]
pub struct ExampleRule {
    pub phrase: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<&'static str>,
}

impl Example {
    pub fn exchange(&self) -> Exchange {
        let owned = |s: Option<&str>| s.map(str::to_string);
        Exchange {
            post: Some(Post {
                text: self.post.into(),
                author: owned(self.author),
                age_minutes: self.age_minutes,
            }),
            reply: self.reply.into(),
            platform: self.platform,
            profile: Profile {
                agent_name: owned(self.agent),
                ui_language: self.lang,
                custom_rules: self
                    .custom_rules
                    .iter()
                    .map(|r| CustomRule {
                        phrase: r.phrase.into(),
                        replacement: owned(r.replacement),
                        message: None,
                        language: None,
                    })
                    .collect(),
                ..Profile::default()
            },
        }
    }
}

/// A rule's documentation in one interface language (for `reply-coach rules`, the
/// extension's "why" panel).
#[derive(Debug, Clone, Serialize)]
pub struct RuleDoc {
    pub id: &'static str,
    pub family: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub message: &'static str,
    pub explanation: &'static str,
    pub source: &'static str,
    pub fix: Option<&'static str>,
    /// (none in the wasm, see `examples!`: its serializer is not shipped either)
    #[cfg_attr(target_arch = "wasm32", serde(skip))]
    pub examples: &'static [Example],
}

/// Every rule, in id order (`RuleId as usize` indexes it).
pub fn rules() -> &'static [Rule] {
    &RULES
}

/// The shared data (`data/rulebook.toml`).
#[derive(Debug)]
pub struct Book {
    pub recommendations: Recommendations,
    pub advice: Advice,
    pub interface: Interface,
}

/// The coaching line of each recommended strategy (brief §3).
#[derive(Debug)]
pub struct Recommendations {
    pub sympathy: Texts,
    /// Sympathy with a compliment: share the joy.
    pub sympathy_positive: Texts,
    pub apology: Texts,
    pub corrective_action: Texts,
    pub information_request: Texts,
    pub applied_information: Texts,
    pub general_information: Texts,
}

/// The one-line advice to respond or not (brief §6).
#[derive(Debug)]
pub struct Advice {
    pub respond: Texts,
    pub respond_complaint: Texts,
    pub respond_compliment: Texts,
    pub dont_respond: ByReason<Texts>,
}

/// One value per reason not to respond.
#[derive(Debug)]
pub struct ByReason<T> {
    abuse: T,
    trolling: T,
    ironic_or_provocative: T,
    emotion_only: T,
    consumers_among_themselves: T,
}

impl<T> ByReason<T> {
    pub fn get(&self, reason: AdviceReason) -> &T {
        match reason {
            AdviceReason::Abuse => &self.abuse,
            AdviceReason::Trolling => &self.trolling,
            AdviceReason::IronicOrProvocative => &self.ironic_or_provocative,
            AdviceReason::EmotionOnly => &self.emotion_only,
            AdviceReason::ConsumersAmongThemselves => &self.consumers_among_themselves,
        }
    }
}

/// The words the rules' messages are filled with, in each interface language.
#[derive(Debug)]
pub struct Interface {
    /// What corporate-phrase suggests for a phrase best left out.
    pub leave_it_out: Texts,
    pub duration: DurationUnits,
    /// The name of each language, in each interface language.
    pub language_name: ByLang<Texts>,
    pub personal_data: PersonalData,
    pub not_advised_because: ByReason<Texts>,
    /// Why no rewrite is offered (`Report::rewrite_note`).
    pub rewrite_note: RewriteNotes,
}

/// Why no rewrite is offered, with `{todo}`: what to change by hand.
#[derive(Debug)]
pub struct RewriteNotes {
    /// Nothing left that the coach can change itself.
    pub manual: Texts,
    /// A don't the rewrite would only polish over.
    pub still: Texts,
    /// The fix would change what the agent says.
    pub changes: Texts,
    /// Too long for the platform (`{platform}`, `{counted}`, `{limit}`).
    pub too_long: Texts,
    /// The reply is in another language than the post (`{language}`).
    pub translate: Texts,
    pub dont_respond: Texts,
    pub too_long_to_rewrite: Texts,
    /// A complaint sent elsewhere or asked to wait, and nothing done here.
    pub elsewhere: Texts,
    /// A complaint answered only with why the organisation is right, and nothing done.
    pub defends: Texts,
    /// A reply in a language the coach does not write.
    pub other_language: Texts,
}

#[derive(Debug)]
pub struct DurationUnits {
    pub day: Texts,
    pub hour: Texts,
    pub minute: Texts,
}

/// What personal data was found (brief §8).
#[derive(Debug)]
pub struct PersonalData {
    pub phone: Texts,
    pub email: Texts,
    pub iban: Texts,
    pub address: Texts,
}

/// The shared data.
pub fn book() -> &'static Book {
    &BOOK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_are_in_id_order() {
        assert_eq!(rules().len(), RuleId::COUNT);
        for (i, rule) in rules().iter().enumerate() {
            assert_eq!(rule.id as usize, i);
        }
        assert_eq!(
            *book().interface.language_name.get(Lang::Nl).get(Lang::En),
            "Dutch"
        );
    }
}
