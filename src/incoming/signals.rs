//! The signals of a post: what in it tells how the customer feels and what they want
//! (brief §2, §6). Phrase families from the lexicon ("won't turn on": `not_working`, "3
//! weeks": `waiting`, "why can't I…": `rhetorical`, "thanks for nothing": `sarcasm`) and
//! a few shapes of the text (repeated question marks, shouting, words in scare quotes).
//! Each signal keeps where it is in the post, so the coach can show why it reads the post
//! as it does; `weigh` turns them into how likely the post is a complaint.

use crate::lexicon::{in_any_language, Category, CategoryHits, Lexicon, List};
use crate::names::data_names;
use crate::text::{Doc, Token, TokenKind, TokenRange};

data_names! {
    /// What a signal is (the ids of `incoming.signals` and of data/model/post_kind.toml).
    pub enum SignalId {
        // phrase families (each is the lexicon category of the same name)
        NotWorking = "not_working",
        /// Waiting told as such ("still waiting", "no reply", "on hold").
        Waiting = "waiting",
        /// A stretch of time ("3 days", "since Monday"): often a wait, sometimes a
        /// battery's life or a booking's age; no trouble of its own kind.
        Duration = "duration",
        Repeated = "repeated",
        Charged = "charged",
        Problem = "problem",
        Expectation = "expectation",
        BadEvaluation = "bad_evaluation",
        Venting = "venting",
        HelpRequest = "help_request",
        Rhetorical = "rhetorical",
        Sarcasm = "sarcasm",
        Irony = "irony",
        UpsetEmoji = "upset_emoji",
        Abuse = "abuse",
        Trolling = "trolling",
        OrgAction = "org_action",
        ConsumersAmongThemselves = "consumers_among_themselves",
        PlainQuestion = "plain_question",
        Suggestion = "suggestion",
        SelfCaused = "self_caused",
        Resolved = "resolved",
        Positive = "positive",
        Thanks = "thanks",
        /// Trouble denied: praise by negation ("no problems at all", "geen gedoe").
        NoTrouble = "no_trouble",
        /// Speed that pleases ("within 10 minutes").
        Quick = "quick",
        /// Thanks for help still to come: politeness, not praise ("alvast bedankt").
        ThanksInAdvance = "thanks_in_advance",
        /// Praise or thanks in a post that reports trouble: mostly sarcasm ("great
        /// service, 2 hours on hold"), sometimes a polite complaint.
        PraiseAmidTrouble = "praise_amid_trouble",
        // shapes of the text
        /// A question mark, or a question word opening a one-sentence post.
        Question = "question",
        /// "??", "?!", "!?": a question asked in exasperation.
        RepeatedMarks = "repeated_marks",
        /// "!!" and more.
        Exclamations = "exclamations",
        /// Two or more words in capitals ("FIX THE APP").
        Shouting = "shouting",
        /// A word or two in double quotes: someone's claim, doubted ("supersnel").
        ScareQuotes = "scare_quotes",
        FirstPerson = "first_person",
        SecondPerson = "second_person",
        /// A number (an order, a date, an amount, a duration).
        Number = "number",
        /// Four words or fewer (besides mentions and links).
        Short = "short",
        /// No words at all besides mentions, links and emoji.
        Empty = "empty",
    }
}

impl SignalId {
    /// The lexicon category a phrase-family signal is found by.
    pub fn category(self) -> Option<Category> {
        // (read on every post: looked up once)
        static CATEGORIES: std::sync::OnceLock<Vec<Option<Category>>> = std::sync::OnceLock::new();
        CATEGORIES.get_or_init(|| {
            SignalId::ALL
                .iter()
                .map(|s| Category::from_name(s.name()))
                .collect()
        })[self as usize]
    }
}

/// The signals of a concrete issue: something not working, waiting (or a stretch of time),
/// the same again, money, a problem, a call for help.
pub const CONCRETE_TROUBLE: [SignalId; 7] = [
    SignalId::NotWorking,
    SignalId::Waiting,
    SignalId::Duration,
    SignalId::Repeated,
    SignalId::Charged,
    SignalId::Problem,
    SignalId::HelpRequest,
];

/// One signal found: which, and the tokens it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub id: SignalId,
    pub range: TokenRange,
}

/// Every signal of `doc`, in the order of `SignalId` and then of the text.
pub fn find(doc: &Doc, lx: &Lexicon, hits: &CategoryHits) -> Vec<Found> {
    let mut out = Vec::new();
    let quoted = quoted_spans(doc);
    // what takes a phrase back: a time still to come, a negation that asks, trouble
    // denied
    let takers = TakenBack {
        future: hits.get(Category::FutureTime),
        asking: hits.get(Category::AskingNegation),
        denied: hits.get(Category::NoTrouble),
        quoted: &quoted,
    };
    for &id in SignalId::ALL {
        match id.category() {
            Some(cat) => {
                for h in hits.get(cat) {
                    let f = Found { id, range: h.range };
                    if !takers.takes_back(&f) {
                        out.push(f);
                    }
                }
            }
            None if id == SignalId::PraiseAmidTrouble => {}
            None => shape(doc, lx, id, &mut out),
        }
    }
    // a contrast that turns to praise is no expectation let down: "Ik was sceptisch maar
    // de overstap is echt top", "pricey, but worth it"
    let praise: Vec<usize> = out
        .iter()
        .filter(|p| p.id == SignalId::Positive)
        .map(|p| p.range.start)
        .collect();
    out.retain(|f| {
        f.id != SignalId::Expectation || {
            let sentence = doc.sentence_of(f.range.start).map(|s| s.tokens);
            !praise
                .iter()
                .any(|&p| p >= f.range.end && sentence.is_some_and(|s| s.contains(p)))
        }
    });
    // praise that can be ironic ("👏", "well done", "bravo") is irony only beside something
    // gone wrong or a bad word: "Just had my first delivery. 2 hours flat 👏👏" is praise
    // (a time alone is no trouble)
    let negative = out.iter().any(|f| {
        matches!(
            f.id,
            SignalId::NotWorking
                | SignalId::Waiting
                | SignalId::Repeated
                | SignalId::Charged
                | SignalId::Problem
                | SignalId::BadEvaluation
                | SignalId::Venting
                | SignalId::UpsetEmoji
                | SignalId::Abuse
                | SignalId::Sarcasm
                | SignalId::ScareQuotes
                | SignalId::Rhetorical
        )
    });
    if !negative {
        let praised: Vec<TokenRange> = out
            .iter()
            .filter(|p| p.id == SignalId::Positive)
            .map(|p| p.range)
            .collect();
        out.retain(|f| f.id != SignalId::Irony || !praised.iter().any(|p| p.overlaps(f.range)));
    }
    let has = |id: SignalId| out.iter().any(|f| f.id == id);
    // (the concrete trouble, or a bad word for it; a call for help beside thanks is
    // politeness, not trouble: "please help, thanks")
    let trouble = CONCRETE_TROUBLE
        .into_iter()
        .filter(|&id| id != SignalId::HelpRequest)
        .chain([SignalId::BadEvaluation])
        .any(has);
    let praise = out
        .iter()
        .find(|f| matches!(f.id, SignalId::Positive | SignalId::Thanks))
        .map(|f| f.range);
    if let Some(range) = praise.filter(|_| trouble) {
        out.push(Found {
            id: SignalId::PraiseAmidTrouble,
            range,
        });
    }
    out
}

/// The hits that take a phrase family's hit back.
struct TakenBack<'h> {
    future: &'h [crate::lexicon::Hit],
    asking: &'h [crate::lexicon::Hit],
    denied: &'h [crate::lexicon::Hit],
    quoted: &'h [TokenRange],
}

impl TakenBack<'_> {
    fn takes_back(&self, f: &Found) -> bool {
        let over = |hits: &[crate::lexicon::Hit]| hits.iter().any(|h| h.range.overlaps(f.range));
        match f.id {
            // praise or blame inside quotes is not the writer's own: a title ("please add
            // \"Dont mess up my tempo\""), someone quoted, a word doubted (that is the
            // scare quotes' signal)
            id if QUOTED_NOT_OWN.contains(&id) => self
                .quoted
                .iter()
                .any(|q| q.start < f.range.start && f.range.end < q.end),
            // a duration still to come is no wait ("for the next few hours")
            SignalId::Waiting | SignalId::Duration => over(self.future),
            // a negation that asks is no failure ("please don't let him…"), and trouble
            // denied is none ("they aren't charging for double meat", "no problems")
            SignalId::NotWorking => over(self.asking) || over(self.denied),
            SignalId::Problem | SignalId::Charged => over(self.denied),
            _ => false,
        }
    }
}

fn one(i: usize) -> TokenRange {
    TokenRange {
        start: i,
        end: i + 1,
    }
}

/// The tokens that are the customer's words: not mentions, links, hashtags or e-mail.
fn body_words<'d>(doc: &'d Doc) -> impl Iterator<Item = (usize, &'d Token)> {
    doc.tokens.iter().enumerate().filter(|(_, t)| t.is_word())
}

/// The signals that are shapes of the text rather than phrases.
fn shape(doc: &Doc, lx: &Lexicon, id: SignalId, out: &mut Vec<Found>) {
    let mut push = |range: TokenRange| out.push(Found { id, range });
    let terminal = |t: &Token| t.kind == TokenKind::Terminal;
    match id {
        SignalId::Question => {
            if let Some(i) = doc
                .tokens
                .iter()
                .position(|t| terminal(t) && t.norm.contains('?'))
            {
                push(one(i));
            } else if let Some(i) = question_without_mark(doc, lx) {
                push(one(i));
            }
        }
        SignalId::RepeatedMarks => {
            for (i, t) in doc.tokens.iter().enumerate() {
                let marks = t.norm.chars().filter(|c| matches!(c, '?' | '!')).count();
                if terminal(t) && t.norm.contains('?') && marks >= 2 {
                    push(one(i));
                }
            }
        }
        SignalId::Exclamations => {
            for (i, t) in doc.tokens.iter().enumerate() {
                if terminal(t) && !t.norm.contains('?') && t.norm.matches('!').count() >= 2 {
                    push(one(i));
                }
            }
        }
        SignalId::Shouting => {
            let loud: Vec<usize> = body_words(doc)
                .filter(|(_, t)| shouted(t.text(doc.source)))
                .map(|(i, _)| i)
                .collect();
            // (codes and abbreviations are capitals too: "JNB to LHR", "ECG", "DM";
            // shouting has a longer word in it: "DO NOT STAY", "FIX THIS")
            let spoken = loud.iter().any(|&i| {
                doc.tokens[i]
                    .text(doc.source)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    >= 4
            });
            if loud.len() >= 2 && spoken {
                push(TokenRange {
                    start: loud[0],
                    end: loud[loud.len() - 1] + 1,
                });
            }
        }
        SignalId::ScareQuotes => scare_quotes(doc, &mut push),
        SignalId::FirstPerson => {
            // (a customer's "we" and "our" are theirs too: "not concerned for our safety",
            // "our uber just got pulled over")
            if let Some((i, _)) = body_words(doc).find(|(_, t)| {
                lx.has_word(List::FirstPerson, &t.norm)
                    || lx.has_word(List::FirstPersonPlural, &t.norm)
            }) {
                push(one(i));
            }
        }
        SignalId::SecondPerson => {
            if let Some((i, _)) =
                body_words(doc).find(|(_, t)| in_any_language(List::SecondPerson, &t.norm))
            {
                push(one(i));
            }
        }
        SignalId::Number => {
            if let Some((i, _)) = body_words(doc).find(|(_, t)| t.has_digit()) {
                push(one(i));
            }
        }
        SignalId::Short | SignalId::Empty => {
            let words = body_words(doc).count();
            let applies = match id {
                SignalId::Empty => words == 0,
                _ => (1..=4).contains(&words),
            };
            if applies && !doc.tokens.is_empty() {
                push(TokenRange {
                    start: 0,
                    end: doc.tokens.len(),
                });
            }
        }
        _ => {}
    }
}

/// A word in capitals of three letters or more ("FIX", "NEVER"), not a number or code.
fn shouted(raw: &str) -> bool {
    raw.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && !raw.chars().any(|c| c.is_ascii_digit())
}

/// A one-sentence post that opens with a question word but has no question mark (common
/// on X): the question word's token.
pub fn question_without_mark(doc: &Doc, lx: &Lexicon) -> Option<usize> {
    let (first, _) = doc.words().next()?;
    // (a question word, or two: "when will", not "when you board a plane")
    let opens = lx
        .phrases(Category::QuestionStart)
        .find_in(
            doc,
            TokenRange {
                start: first,
                end: (first + 2).min(doc.tokens.len()),
            },
        )
        .first()
        .is_some_and(|h| h.range.start == first);
    let no_other_stop = doc
        .tokens
        .iter()
        .all(|t| t.kind != TokenKind::Terminal || t.norm.contains('?'));
    (opens && no_other_stop && doc.sentences.len() == 1).then_some(first)
}

/// Words between double quotes, one to five of them: "supersnel", “gratis”; not in a
/// question.
/// The signals that say what the writer thinks, which words in quotes do not.
const QUOTED_NOT_OWN: [SignalId; 4] = [
    SignalId::Positive,
    SignalId::BadEvaluation,
    SignalId::Venting,
    SignalId::Thanks,
];

/// The spans between a pair of double quotes, quotes included, within a line.
fn quoted_spans(doc: &Doc) -> Vec<TokenRange> {
    let is_quote = |t: &Token| {
        t.kind == TokenKind::Punct && matches!(t.text(doc.source), "\"" | "“" | "”" | "„")
    };
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind == TokenKind::Newline {
            open = None;
        } else if is_quote(t) {
            match open.take() {
                Some(a) => spans.push(TokenRange {
                    start: a,
                    end: i + 1,
                }),
                None => open = Some(i),
            }
        }
    }
    spans
}

fn scare_quotes(doc: &Doc, push: &mut impl FnMut(TokenRange)) {
    for q in quoted_spans(doc) {
        let mut words = doc.tokens[q.start + 1..q.end - 1]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(doc.source));
        let first = words.next();
        let count = first.map_or(0, |_| 1 + words.count());
        // a question that quotes words asks about them ("what keywords besides
        // \"playlist\" would I use?")
        let asks = doc.sentence_of(q.start).is_some_and(|s| s.question);
        if (1..=5).contains(&count) && !asks && !first.is_some_and(named) {
            push(q);
        }
    }
}

/// Quoted words that open with a capital name something or someone, or quote a whole
/// sentence ("Maggie", "Counter Arguments", "Seba seems cool."): a title, a name or a
/// quotation, not the writer's distrust of a word ("your \"support\"", "\"supersnel\"").
/// A word all in capitals is emphasis ("FRAGILE"), and still distrust.
fn named(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_uppercase) && !shouted(word)
}
