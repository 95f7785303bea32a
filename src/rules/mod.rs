//! The checks, one file per rule (`src/rules/<id>.rs`, its data in
//! `data/rules/<id>.toml`), and the registry that runs them. A check reads the
//! [`Context`] (the reading of the post, the reading of the reply, the profile) and pushes
//! its findings through [`Out`], which can only push the rule's own id.
//!
//! Adding a rule: `data/rules/<id>.toml` (build.rs makes its `RuleId`), `src/rules/<id>.rs`
//! with `pub const RULE: Check`, and its line in [`registry!`] below. `tests/rulebook.rs`
//! fails when a file here is not registered, or a rule has no data or no check.

use crate::model::{Finding, Incoming, Lang, Length, Platform, Profile, Span, Text};
use crate::reply::Reading;
pub use crate::rulebook::RuleDoc;
use crate::rulebook::RuleId;

/// Everything a check may look at.
pub struct Context<'r, 'a> {
    pub reading: &'r Reading<'a>,
    pub incoming: &'r Incoming,
    pub profile: &'r Profile,
    pub platform: Platform,
    pub reply_lang: Lang,
    pub ui: Lang,
    pub length: &'r Length,
    /// Where the reply passes the platform's limit (UTF-16), if it does.
    pub over_at: Option<usize>,
    /// What more than one rule asks, worked out once (see the methods).
    pronouns: std::cell::OnceCell<(usize, usize)>,
}

impl<'r, 'a> Context<'r, 'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        reading: &'r Reading<'a>,
        incoming: &'r Incoming,
        profile: &'r Profile,
        platform: Platform,
        reply_lang: Lang,
        ui: Lang,
        length: &'r Length,
        over_at: Option<usize>,
    ) -> Self {
        Context {
            reading,
            incoming,
            profile,
            platform,
            reply_lang,
            ui,
            length,
            over_at,
            pronouns: std::cell::OnceCell::new(),
        }
    }

    /// How many formal and informal pronouns the reply uses (see
    /// [`crate::register::pronoun_counts`]).
    pub fn pronoun_counts(&self) -> (usize, usize) {
        *self
            .pronouns
            .get_or_init(|| crate::register::pronoun_counts(self.reading))
    }

    /// The whole reply, as a span.
    pub fn whole(&self) -> Span {
        [0, self.reading.doc.utf16_len]
    }

    /// The post is a complaint, surely: what follows from a complaint (sympathy first,
    /// no jokes) is asked only when the reading is sure (a coach that says nothing beats
    /// one that says "sorry to hear that" to a happy customer).
    pub fn complaint(&self) -> bool {
        self.incoming.is_sure_complaint()
    }

    /// The post reads as a complaint, but not surely, and by more than its shape: a
    /// rule may say "this may be a complaint", as a suggestion without a fix
    /// ([`Out::push_unsure`]). A post that reads as a complaint by its shape alone (a
    /// person, a number, capitals: "BOORITO TIME!") gets no such suggestion.
    pub fn maybe_complaint(&self) -> bool {
        self.incoming.kind == crate::model::Kind::Complaint
            && self.incoming.certainty == crate::model::Certainty::Unsure
            && crate::incoming::tells_more_than_its_shape(self.incoming)
    }
}

/// A rule's check, as the registry holds it.
#[derive(Clone, Copy)]
pub struct Check {
    pub id: RuleId,
    pub check: fn(&Context, &mut Out),
}

/// Where one rule's check puts its findings: the id, severity, message and explanation
/// come from the rule's data.
pub struct Out<'f> {
    id: RuleId,
    ui: Lang,
    findings: &'f mut Vec<Finding>,
}

impl Out<'_> {
    /// Adds a finding: the message with its `{placeholders}` filled from `vars`, the span
    /// it is about and, when there is a fix, its replacement. Returns it, for a check
    /// that words the message itself (the custom rules).
    pub fn push(
        &mut self,
        vars: &[(&str, String)],
        span: Option<Span>,
        replacement: Option<String>,
    ) -> &mut Finding {
        let rule = self.id.rule();
        let mut message = rule.message.get(self.ui).to_string();
        for (k, v) in vars {
            message = message.replace(&format!("{{{k}}}"), v);
        }
        self.findings.push(Finding {
            rule: Text::Borrowed(self.id.name()),
            severity: rule.severity,
            message,
            explanation: Text::Borrowed(rule.explanation.get(self.ui)),
            span,
            replacement,
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// A finding that rests on an unsure reading of the post: the rule's `message_unsure`,
    /// as a suggestion, with no fix (the coach does not act on a guess).
    pub fn push_unsure(&mut self, vars: &[(&str, String)], span: Option<Span>) {
        self.push_suggestion(vars, span, self.id.rule().message_unsure.as_ref());
    }

    /// A finding whose fact stands but whose advice the draft already follows: the
    /// rule's `message_done`, as a suggestion, with no fix.
    pub fn push_done(&mut self, vars: &[(&str, String)], span: Option<Span>) {
        self.push_suggestion(vars, span, self.id.rule().message_done.as_ref());
    }

    /// A finding whose fact stands but asks nothing of a reply to a happy customer: the
    /// rule's `message_happy`, as a suggestion, with no fix.
    pub fn push_happy(&mut self, vars: &[(&str, String)], span: Option<Span>) {
        self.push_suggestion(vars, span, self.id.rule().message_happy.as_ref());
    }

    /// A suggestion without a fix, in the words of `message` when the rule has them.
    fn push_suggestion(
        &mut self,
        vars: &[(&str, String)],
        span: Option<Span>,
        message: Option<&crate::rulebook::Texts>,
    ) {
        let ui = self.ui;
        let f = self.push(vars, span, None);
        if let Some(m) = message {
            let mut text = m.get(ui).to_string();
            for (k, v) in vars {
                text = text.replace(&format!("{{{k}}}"), v);
            }
            f.message = text;
        }
        f.severity = crate::model::Severity::Suggestion;
    }

    /// [`Out::push`], with the message in the user's own words when they gave some (the
    /// `message` of a custom rule of the profile).
    pub fn push_worded(
        &mut self,
        message: Option<&str>,
        vars: &[(&str, String)],
        span: Option<Span>,
        replacement: Option<String>,
    ) {
        let f = self.push(vars, span, replacement);
        if let Some(message) = message.map(str::trim).filter(|m| !m.is_empty()) {
            f.message = message.to_string();
        }
    }
}

/// Declares the rule modules and [`REGISTRY`], in the order the checks run: that order
/// decides the order of findings of equal severity at the same place, so a new rule
/// goes where it belongs, not just at the end.
macro_rules! registry {
    ($($rule:ident,)*) => {
        $(pub mod $rule;)*

        /// Every rule's check, in the order they run.
        pub const REGISTRY: &[Check] = &[$($rule::RULE,)*];

        /// The file name of each registered rule (`tests/rulebook.rs` checks them).
        pub const MODULES: &[&str] = &[$(stringify!($rule),)*];
    };
}

registry! {
    commercial_reply,
    anonymous_reply,
    late_reply,
    unkeepable_promise,
    denial,
    irritation,
    personal_data_request,
    personal_data_exposed,
    register_mismatch,
    mixed_register,
    humor_on_complaint,
    language_mismatch,
    too_long,
    no_empathy,
    dm_without_acknowledgement,
    no_next_step,
    emoji_on_complaint,
    repeated_words,
    corporate_phrase,
    not_personalised,
    respond_not_advised,
    custom_banned_phrase,
    custom_preferred_phrase,
}

/// Runs every rule over the reading: the findings, most severe first, then in text
/// order, every span on grapheme boundaries.
pub fn check(cx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    let doc = &cx.reading.doc;
    if doc.is_empty() {
        return findings;
    }
    // (a rule applies to the reply languages its data names, unless the user switched it
    // off)
    let enabled = |id: RuleId| !cx.profile.disabled_rules.iter().any(|d| d == id.name());
    for rule in REGISTRY
        .iter()
        .filter(|r| r.id.rule().applies_to(cx.reply_lang) && enabled(r.id))
    {
        let mut out = Out {
            id: rule.id,
            ui: cx.ui,
            findings: &mut findings,
        };
        (rule.check)(cx, &mut out);
    }
    // a stray combining mark or joiner goes with the text it follows
    for f in &mut findings {
        if let Some(span) = f.span {
            f.span = Some(doc.snap_span(span));
        }
    }
    crate::order::sort_by(&mut findings, |a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.span.map(|s| s[0]).cmp(&b.span.map(|s| s[0])))
    });
    findings
}

/// A finding that says the reply already does what its rule asks (the rule's
/// `message_done`: late-reply's "you acknowledge the wait"): nothing to change.
pub fn is_done(f: &Finding) -> bool {
    f.severity == crate::model::Severity::Suggestion
        && f.replacement.is_none()
        && RuleId::from_name(&f.rule).is_some_and(|id| {
            let rule = id.rule();
            rule.message_done.is_some() || rule.message_happy.is_some()
        })
}

/// Every rule's documentation in one interface language, in the order the checks run.
pub fn docs(ui: Lang) -> Vec<RuleDoc> {
    REGISTRY.iter().map(|c| c.id.rule().doc(ui)).collect()
}

/// What the rules' unit tests share: an exchange to analyse, and one rule's findings
/// and fixes in it.
#[cfg(test)]
pub(crate) mod testing {
    use crate::model::{CustomRule, Exchange, Finding, Lang, Platform, Post, Profile};
    use crate::rulebook::RuleId;
    use crate::text::byte_of_utf16;

    /// A post and a reply, with no author, agent or age unless given.
    pub struct Case(Exchange);

    pub fn case(post: &str, reply: &str) -> Case {
        Case(Exchange {
            post: Some(Post {
                text: post.into(),
                author: None,
                age_minutes: None,
            }),
            reply: reply.into(),
            platform: None,
            profile: Profile::default(),
        })
    }

    impl Case {
        pub fn author(mut self, name: &str) -> Case {
            self.0.post.as_mut().unwrap().author = Some(name.into());
            self
        }
        pub fn agent(mut self, name: &str) -> Case {
            self.0.profile.agent_name = Some(name.into());
            self
        }

        pub fn organisation(mut self, name: &str, style: crate::model::SignatureStyle) -> Case {
            self.0.profile.organisation = Some(name.into());
            self.0.profile.signature_style = style;
            self
        }
        pub fn age(mut self, minutes: f64) -> Case {
            self.0.post.as_mut().unwrap().age_minutes = Some(minutes);
            self
        }
        pub fn platform(mut self, platform: Platform) -> Case {
            self.0.platform = Some(platform);
            self
        }
        pub fn ui(mut self, lang: Lang) -> Case {
            self.0.profile.ui_language = lang;
            self
        }
        pub fn custom(mut self, phrase: &str, replacement: Option<&str>) -> Case {
            self.0.profile.custom_rules.push(CustomRule {
                phrase: phrase.into(),
                replacement: replacement.map(Into::into),
                message: None,
                language: None,
            });
            self
        }

        /// The last custom rule's message, in the team's words.
        pub fn worded(mut self, message: &str) -> Case {
            let rule = self
                .0
                .profile
                .custom_rules
                .last_mut()
                .expect("a custom rule");
            rule.message = Some(message.into());
            self
        }

        /// The findings of rule `id`.
        pub fn findings(&self, id: RuleId) -> Vec<Finding> {
            crate::analyze_without_rewrite(&self.0)
                .findings
                .into_iter()
                .filter(|f| f.rule == id.name())
                .collect()
        }

        pub fn fires(&self, id: RuleId) -> bool {
            !self.findings(id).is_empty()
        }

        /// The reply with the fix of rule `id`'s first finding applied.
        pub fn fixed(&self, id: RuleId) -> String {
            let f = self.findings(id).into_iter().next().expect("a finding");
            let [a, b] = f.span.expect("a span");
            let reply = &self.0.reply;
            let (a, b) = (byte_of_utf16(reply, a), byte_of_utf16(reply, b));
            let replacement = f.replacement.expect("a fix");
            format!("{}{replacement}{}", &reply[..a], &reply[b..])
        }

        /// The message of rule `id`'s first finding.
        pub fn message(&self, id: RuleId) -> String {
            self.findings(id)
                .into_iter()
                .next()
                .expect("a finding")
                .message
        }
    }
}
