//! The engine's input and output types. They are the contract shared by the CLI, the
//! wasm bindings and the browser extension (which sends an [`Exchange`] and renders a
//! [`Report`]), so every field here is serialised with serde under a stable name.

use serde::{Deserialize, Serialize};

/// Languages the engine reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    #[default]
    En,
}

impl Lang {
    /// Every language, in the order of their discriminants (`lang as usize` indexes
    /// per-language tables).
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" | "dutch" | "nederlands" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Where the reply will be posted; decides the length limit and how it is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    #[default]
    X,
    Facebook,
}

impl Platform {
    pub fn parse(name: &str) -> Option<Platform> {
        match name.trim().to_ascii_lowercase().as_str() {
            "x" | "twitter" => Some(Platform::X),
            "facebook" | "fb" => Some(Platform::Facebook),
            _ => None,
        }
    }
}

/// How the agent closes a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SignatureStyle {
    /// `^PK` (initials, or the name when no initials are set)
    #[default]
    Caret,
    /// `- Pim`
    Dash,
    /// `Groet, Pim` / `Cheers, Pim`
    Greeting,
    /// `- Bakkerij Van Dam`: the team signs with the organisation's name (a small
    /// business that answers as itself); a reply ending with that name is signed.
    Organisation,
}

/// A phrase the user adds through the profile: banned (always flagged) or preferred
/// (flag `phrase` and suggest `replacement`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomRule {
    /// The words to look for, case-insensitive, matched on word boundaries.
    pub phrase: String,
    /// The preferred wording; `None` makes the phrase simply banned.
    #[serde(default)]
    pub replacement: Option<String>,
    /// The user's own one-line reason, shown as the finding's message.
    #[serde(default)]
    pub message: Option<String>,
    /// Only apply to replies in this language; `None` applies to both.
    #[serde(default)]
    pub language: Option<Lang>,
}

/// The agent's settings: who signs, how, for which organisation, and the norms to hold
/// the reply to. Shared with the extension's settings page (stored as this JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub agent_name: Option<String>,
    pub agent_initials: Option<String>,
    pub signature_style: SignatureStyle,
    pub organisation: Option<String>,
    /// Minutes within which a post should be answered (the brief: within 1 hour on X
    /// and Facebook).
    pub response_time_norm_minutes: u32,
    pub platform: Platform,
    /// Language of the coaching messages, independent of the reply's language.
    pub ui_language: Lang,
    pub custom_rules: Vec<CustomRule>,
    /// Rule ids the user switched off: their findings are not reported, so the rewrite
    /// applies none of their fixes either. An id the engine does not know is ignored (a
    /// profile from another version).
    pub disabled_rules: Vec<String>,
    /// The team's saved replies (templates), with placeholders (see `crate::saved`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub saved_replies: Vec<SavedReply>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            agent_name: None,
            agent_initials: None,
            signature_style: SignatureStyle::Caret,
            organisation: None,
            response_time_norm_minutes: 60,
            platform: Platform::X,
            ui_language: Lang::En,
            custom_rules: Vec::new(),
            disabled_rules: Vec::new(),
            saved_replies: Vec::new(),
        }
    }
}

/// A saved reply: a text the team reuses, with placeholders such as `{first_name}` or
/// `{order_number}` (`crate::text::placeholder`). A saved reply without a title or a
/// text is an error, with a message that says which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SavedReplyFields")]
pub struct SavedReply {
    pub title: String,
    pub text: String,
    /// The language it is written in (`None`: as the engine reads it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// The kinds of post it fits: `complaint`, `question`, `compliment`, `late` (a post
    /// past the response-time norm); other tags are the team's own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A saved reply as it is read, before its title and text are checked.
#[derive(Deserialize)]
struct SavedReplyFields {
    title: Option<String>,
    text: Option<String>,
    #[serde(default)]
    language: Option<Lang>,
    #[serde(default)]
    tags: Vec<String>,
}

impl TryFrom<SavedReplyFields> for SavedReply {
    type Error = String;
    fn try_from(f: SavedReplyFields) -> Result<SavedReply, String> {
        SavedReply::checked(f.title, f.text, f.language, f.tags)
    }
}

impl SavedReply {
    /// A saved reply from its fields as read, if it has a title and a text (not blank);
    /// else the error, which says which it lacks.
    pub fn checked(
        title: Option<String>,
        text: Option<String>,
        language: Option<Lang>,
        tags: Vec<String>,
    ) -> Result<SavedReply, String> {
        let given = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        match (given(title), given(text)) {
            (Some(title), Some(text)) => Ok(SavedReply {
                title,
                text,
                language,
                tags,
            }),
            (Some(title), None) => Err(format!("the saved reply {title:?} has no \"text\"")),
            (None, text) => {
                let start: String = text.unwrap_or_default().chars().take(30).collect();
                Err(format!(
                    "a saved reply has no \"title\" (its text: {start:?})"
                ))
            }
        }
    }
}

/// The message being answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Post {
    pub text: String,
    /// The author's display name as the site shows it ("Sonja de Vries", "xXdennisXx").
    pub author: Option<String>,
    /// How long ago the post was written.
    pub age_minutes: Option<f64>,
}

/// One analysis request: the post (if known), the draft reply and the agent's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Exchange {
    pub post: Option<Post>,
    pub reply: String,
    /// Overrides `profile.platform` for this reply.
    pub platform: Option<Platform>,
    pub profile: Profile,
}

/// `[start, end)` in UTF-16 code units of the reply text (JavaScript string indexes).
pub type Span = [usize; 2];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Suggestion,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Complaint,
    Question,
    Compliment,
    Remark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Negative,
    Neutral,
    Positive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    PersonalExperience,
    OrganisationAction,
    FactualStatement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Advice {
    Respond,
    DontRespond,
}

/// Why the brief advises not to respond (section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceReason {
    Abuse,
    Trolling,
    IronicOrProvocative,
    /// A remark based on emotion alone, without a concrete issue (brief §6).
    EmotionOnly,
    ConsumersAmongThemselves,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    Informal,
    Formal,
    Unknown,
}

/// The reading of the incoming post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incoming {
    pub language: Option<Lang>,
    pub kind: Kind,
    pub sentiment: Sentiment,
    pub reason: Option<Reason>,
    pub advice: Advice,
    pub advice_reason: Option<AdviceReason>,
    /// One sentence, in the interface language, explaining the advice.
    pub advice_message: Text,
    pub register: Register,
    /// The author's first name, when the display name carries one.
    pub first_name: Option<String>,
    pub age_minutes: Option<f64>,
    pub response_time_norm_minutes: u32,
    /// `age_minutes` is past the norm.
    pub late: bool,
    /// The post itself asks about offers, discounts or prices, so commercial content in
    /// the reply answers it rather than pushes a sale.
    pub asks_commercial: bool,
    /// The post's content words (normalised, four letters or more, no stop words), for
    /// rules that ask whether the reply speaks of what the post does. Not in the JSON.
    #[serde(skip)]
    pub topic_words: Vec<String>,
    /// How sure the reading of `kind` is. What depends on the kind (sympathy first on a
    /// complaint, no jokes on one) acts only when it is sure: saying nothing beats saying
    /// something wrong.
    #[serde(default)]
    pub certainty: Certainty,
    /// What in the post the reading rests on, each with where it is in the post (UTF-16
    /// units of the post text): the reasons the coach can show for its reading.
    #[serde(default)]
    pub signals: Vec<Signal>,
    /// What went wrong for the customer, when the post is a complaint that says so: lets
    /// a reply's sympathy fit the post ("sorry you're still waiting").
    #[serde(default)]
    pub trouble: Option<Trouble>,
    /// The one thing the post's trouble or question is about, as the customer wrote it
    /// (a complaint's sympathy, a late reply's apology can name it): the word
    /// ("account" of "my account got hacked"), after the word that pointed at it when that
    /// was not the customer's own "my" ("the flight" of "the flight was delayed"). Not in
    /// the JSON.
    #[serde(skip)]
    pub trouble_object: Option<String>,
}

impl Incoming {
    /// The post is a complaint, surely: what follows from a complaint (sympathy first, no
    /// jokes) acts only when the reading is sure.
    pub fn is_sure_complaint(&self) -> bool {
        self.kind == Kind::Complaint && self.certainty == Certainty::Sure
    }
}

/// How sure a reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    #[default]
    Sure,
    Unsure,
}

/// One thing in the post that the reading rests on ("won't turn on": `not_working`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub id: Text,
    /// Where in the post, in UTF-16 units of the post text.
    pub span: Span,
    /// How much it weighs towards reading the post as a complaint (learned; below zero:
    /// against).
    pub weight: f64,
}

/// What went wrong, as the customer tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trouble {
    /// Waiting, or trying again and again ("3 weeks", "still nothing").
    Waiting,
    /// Something does not work, arrive or happen ("won't turn on", "never arrived").
    NotWorking,
    /// Money taken or owed ("charged twice").
    Charged,
    /// Dissatisfaction without one of the above ("terrible service").
    Other,
}

/// An id or text the engine mostly takes from its own static data (rule ids, strategy
/// and element ids, rule explanations): borrowed then, so a report does not allocate a
/// copy of each; owned when it comes from input (a report read back from JSON).
pub type Text = std::borrow::Cow<'static, str>;

/// A strategy or voice element found in the reply, with where it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    pub id: Text,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    /// 0–100, see `voice::score` for the formula.
    pub score: u32,
    pub elements: Vec<Text>,
    pub occurrences: Vec<Occurrence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: Text,
    pub severity: Severity,
    /// One line, in the interface language.
    pub message: String,
    /// Why, with the source, in the interface language.
    pub explanation: Text,
    /// Where in the reply; `None` for findings about the reply as a whole timing
    /// (late-reply) that have no text to point at.
    pub span: Option<Span>,
    /// Text to put in place of `span` (may be empty: delete), when a fix exists.
    pub replacement: Option<String>,
}

/// The strategies to use for this post, most important first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub strategy: Text,
    /// One line, in the interface language, why and how.
    pub message: Text,
}

/// Length of the reply as the platform counts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Length {
    pub counted: usize,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Language of the reply (or of the post, when the reply is empty).
    pub language: Lang,
    pub incoming: Incoming,
    pub recommended_strategies: Vec<Recommendation>,
    pub strategies: Vec<Text>,
    pub strategy_occurrences: Vec<Occurrence>,
    pub voice: Voice,
    pub findings: Vec<Finding>,
    pub rewrite: Option<String>,
    /// When the draft has findings but no rewrite is offered: one line, in the interface
    /// language, saying why and what to change by hand.
    #[serde(default)]
    pub rewrite_note: Option<String>,
    pub length: Length,
    /// Set when the input was longer than the engine reads; says what was analysed.
    pub truncated: Option<Truncation>,
}

/// The engine reads at most a bounded window of very long input, and says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Truncation {
    /// UTF-16 units of the reply that were analysed (from the start).
    pub reply_analysed: usize,
    pub reply_total: usize,
    pub post_analysed: usize,
    pub post_total: usize,
}
