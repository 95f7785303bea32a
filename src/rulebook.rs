//! The rulebook's data: one file per rule (`data/rules/<id>.toml`: its messages,
//! explanation, source, severity, fix kind, examples; see `data/rules/README.md`) and the
//! shared `data/rulebook.toml` (the recommended strategies, the advice, the interface
//! strings). Every text is in every interface language, and a name the engine does not
//! know, or one it needs that is missing, is a load error (tested). The checks are in
//! `crate::rules`.

use std::sync::OnceLock;

use serde::{de, Deserialize, Deserializer, Serialize};

use crate::model::{AdviceReason, CustomRule, Exchange, Lang, Platform, Post, Profile, Severity};
use crate::names::data_names;

include!(concat!(env!("OUT_DIR"), "/rule_ids.rs"));

impl RuleId {
    /// This rule's data.
    #[inline]
    pub fn rule(self) -> &'static Rule {
        &rules()[self as usize]
    }
}

/// One value per language (every language, no other key), such as a text in each
/// interface language: `{ en = "…", nl = "…" }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ByLang<T>([T; Lang::ALL.len()]);

/// A text in every interface language.
pub type Texts = ByLang<String>;

impl<T> ByLang<T> {
    #[inline]
    pub fn get(&self, lang: Lang) -> &T {
        &self.0[lang as usize]
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ByLang<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut by_code = std::collections::BTreeMap::<String, T>::deserialize(d)?;
        let mut values = Vec::with_capacity(Lang::ALL.len());
        for lang in Lang::ALL {
            let value = by_code
                .remove(lang.code())
                .ok_or_else(|| de::Error::custom(format!("no {:?} text", lang.code())))?;
            values.push(value);
        }
        if let Some(code) = by_code.keys().next() {
            return Err(de::Error::custom(format!("unknown language {code:?}")));
        }
        Ok(ByLang(values.try_into().unwrap_or_else(|_| unreachable!())))
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fix {
    pub kind: FixKind,
    /// The fix's label, such as "Remove the promotion".
    pub label: Texts,
}

/// One rule's data (`data/rules/<id>.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: RuleId,
    pub family: Family,
    pub severity: Severity,
    /// Judged by the eval scorer (the 15 rules of shared/eval/README.md).
    pub scored: bool,
    /// The reply languages the rule applies to; `None`: all.
    #[serde(default)]
    pub languages: Option<Vec<Lang>>,
    /// What the explanation cites: "brief §N, §M; study; study".
    pub source: String,
    pub message: Texts,
    pub explanation: Texts,
    #[serde(default)]
    pub fix: Option<Fix>,
    pub examples: Vec<Example>,
}

impl Rule {
    pub fn fix_kind(&self) -> Option<FixKind> {
        self.fix.as_ref().map(|f| f.kind)
    }

    /// The rule applies to replies in `lang`.
    pub fn applies_to(&self, lang: Lang) -> bool {
        self.languages.as_ref().is_none_or(|l| l.contains(&lang))
    }

    /// The rule's documentation in one interface language.
    pub fn doc(&self, ui: Lang) -> RuleDoc {
        RuleDoc {
            id: self.id.name().to_string(),
            family: self.family.name().to_string(),
            severity: self.severity,
            message: self.message.get(ui).to_string(),
            explanation: self.explanation.get(ui).to_string(),
            source: self.source.clone(),
            fix: self.fix.as_ref().map(|f| f.label.get(ui).to_string()),
            examples: self.examples.clone(),
        }
    }
}

/// One example of a rule; also a test (tests/rulebook.rs).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub lang: Lang,
    pub post: String,
    pub reply: String,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub agent: Option<String>,
    #[serde(default)]
    pub age_minutes: Option<f64>,
    #[serde(default)]
    pub platform: Option<Platform>,
    /// The team's own phrases (the custom rules' examples).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_rules: Vec<CustomRule>,
    pub fires: bool,
}

impl Example {
    pub fn exchange(&self) -> Exchange {
        Exchange {
            post: Some(Post {
                text: self.post.clone(),
                author: self.author.clone(),
                age_minutes: self.age_minutes,
            }),
            reply: self.reply.clone(),
            platform: self.platform,
            profile: Profile {
                agent_name: self.agent.clone(),
                ui_language: self.lang,
                custom_rules: self.custom_rules.clone(),
                ..Profile::default()
            },
        }
    }
}

/// A rule's documentation in one interface language (for `reply-coach rules`, the
/// extension's "why" panel).
#[derive(Debug, Clone, Serialize)]
pub struct RuleDoc {
    pub id: String,
    pub family: String,
    pub severity: Severity,
    pub message: String,
    pub explanation: String,
    pub source: String,
    pub fix: Option<String>,
    pub examples: Vec<Example>,
}

/// Every rule, in id order (`RuleId as usize` indexes it).
pub fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let rules = load_rules(include_str!(concat!(env!("OUT_DIR"), "/rules.json")))
            .unwrap_or_else(|e| panic!("the rules in data/rules/ are valid (tested): {e}"));
        assert!(rules.iter().map(|r| r.id).eq(RuleId::ALL.iter().copied()));
        rules
    })
}

fn load_rules(json: &str) -> Result<Vec<Rule>, String> {
    serde_json::from_str(json).map_err(|e| format!("data/rules: {e}"))
}

/// The shared data (`data/rulebook.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Book {
    pub recommendations: Recommendations,
    pub advice: Advice,
    pub interface: Interface,
}

/// The coaching line of each recommended strategy (brief §3).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub respond: Texts,
    pub respond_complaint: Texts,
    pub respond_compliment: Texts,
    pub dont_respond: ByReason<Texts>,
}

/// One value per reason not to respond.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    /// What corporate-phrase suggests for a phrase best left out.
    pub leave_it_out: Texts,
    pub duration: DurationUnits,
    /// The name of each language, in each interface language.
    pub language_name: ByLang<Texts>,
    pub personal_data: PersonalData,
    pub not_advised_because: ByReason<Texts>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationUnits {
    pub day: Texts,
    pub hour: Texts,
    pub minute: Texts,
}

/// What personal data was found (brief §8).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalData {
    pub phone: Texts,
    pub email: Texts,
    pub iban: Texts,
    pub address: Texts,
}

/// The shared data, loaded once.
pub fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| {
        load_book(include_str!(concat!(env!("OUT_DIR"), "/rulebook.json")))
            .unwrap_or_else(|e| panic!("data/rulebook.toml is valid (tested): {e}"))
    })
}

fn load_book(json: &str) -> Result<Book, String> {
    serde_json::from_str(json).map_err(|e| format!("data/rulebook.toml: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_loads_and_is_in_id_order() {
        assert_eq!(rules().len(), RuleId::COUNT);
        for (i, rule) in rules().iter().enumerate() {
            assert_eq!(rule.id as usize, i);
        }
        assert_eq!(
            book().interface.language_name.get(Lang::Nl).get(Lang::En),
            "Dutch"
        );
    }

    #[test]
    fn a_missing_or_unknown_name_is_a_load_error() {
        let book: serde_json::Value =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/rulebook.json"))).unwrap();
        let with = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut b = book.clone();
            edit(&mut b);
            load_book(&b.to_string()).map(|_| ()).unwrap_err()
        };
        let err = with(&|b| {
            b["advice"]["dont_respond"]
                .as_object_mut()
                .unwrap()
                .remove("trolling");
        });
        assert!(err.contains("missing field `trolling`"), "{err}");
        let err = with(&|b| b["interface"]["leave_it_ot"] = b["interface"]["leave_it_out"].clone());
        assert!(err.contains("unknown field `leave_it_ot`"), "{err}");
        let err = with(&|b| {
            b["advice"]["respond"].as_object_mut().unwrap().remove("nl");
        });
        assert!(err.contains("no \"nl\" text"), "{err}");
        let err = with(&|b| b["advice"]["respond"]["de"] = "Antworten".into());
        assert!(err.contains("unknown language \"de\""), "{err}");

        let rules: serde_json::Value =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/rules.json"))).unwrap();
        let mut bad = rules.clone();
        bad[0]["severity"] = "fatal".into();
        let err = load_rules(&bad.to_string()).unwrap_err();
        assert!(err.contains("unknown variant `fatal`"), "{err}");
        let mut bad = rules.clone();
        bad[0]["fix"]["kind"] = "rewrite".into();
        let err = load_rules(&bad.to_string()).unwrap_err();
        assert!(err.contains("unknown FixKind \"rewrite\""), "{err}");
        let mut bad = rules;
        bad[0]["id"] = "comercial-reply".into();
        let err = load_rules(&bad.to_string()).unwrap_err();
        assert!(err.contains("unknown RuleId \"comercial-reply\""), "{err}");
    }
}
