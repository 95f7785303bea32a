//! The human frame around the agent's words: the customer's first name in the greeting,
//! one opener that fits the post (an apology for the wait when the reply is late, else
//! sympathy on a complaint the reading is sure of, worded for what went wrong) and the
//! agent's signature. It never doubles what the reply already has, keeps the draft's own
//! greeting ("Hey" stays "Hey", "Hi there" becomes "Hi Sam"), adds no greeting without a
//! name, and leaves a tweet that continues a thread ("2/2") as it starts.

use crate::incoming::{has_signal, waits_for_answer, SignalId};
use crate::lexicon::{lexicon, Lexicon, List, Template};
use crate::model::*;
pub(super) use crate::reply::continues_thread;
use crate::reply::{Element, Strategy};
use crate::rulebook::RuleId;
use crate::text::{byte_of_utf16, capitalise, decapitalise, normalise, Doc, TokenKind};

use super::tidy::tidy;

/// The opener the frame put in front of the agent's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opener {
    /// An apology for the wait (the post is older than the response-time norm).
    Late,
    /// Sympathy with a complaint.
    Sympathy,
    /// Both, for a late reply to a complaint that shows neither.
    LateSympathy,
}

/// Which parts of the frame to add.
#[derive(Clone, Copy)]
struct Parts {
    greeting: bool,
    opener: bool,
    signature: bool,
    /// The apology for the wait alone, without the sympathy it may carry (shorter).
    short_opener: bool,
}

/// A framed text, and the opener it got.
pub(super) struct Framed {
    pub text: String,
    pub opener: Option<Opener>,
}

/// The report has a finding of `rule`.
pub(super) fn has(report: &Report, rule: RuleId) -> bool {
    report.findings.iter().any(|f| f.rule == rule.name())
}

/// The user's own phrase lists mention words of `text` (banned or to be replaced): the
/// engine then does not add it.
pub(super) fn user_avoids(ex: &Exchange, text: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        Doc::new(s)
            .tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.norm.to_string())
            .collect()
    };
    if ex.profile.custom_rules.is_empty() {
        return false;
    }
    let inserted = words(text);
    ex.profile.custom_rules.iter().any(|r| {
        let phrase = words(&r.phrase);
        !phrase.is_empty()
            && inserted
                .windows(phrase.len())
                .any(|w| w == phrase.as_slice())
    })
}

/// Which variant of a template this exchange gets: the same for the same post (a rewrite
/// of the rewrite changes nothing), different between customers (brief §10: the same
/// informal sentence reused for everyone backfires).
fn seed_of(ex: &Exchange) -> usize {
    let text = ex.post.as_ref().map(|p| p.text.as_str()).unwrap_or("");
    // FNV-1a
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    // (32 bits, so that the wasm (32-bit usize) and native builds choose alike)
    (h >> 17) as u32 as usize
}

/// The opener for this reply, if it needs one: an apology for the wait when late-reply
/// found the reply late and unacknowledged, else sympathy on a complaint the reading is
/// sure of, when the reply has neither sympathy nor an apology. Never both: two openers
/// in a row read as a template.
fn choose_opener(
    ex: &Exchange,
    text: &str,
    report: &Report,
    short: bool,
) -> Option<(Opener, String)> {
    let lx = lexicon(report.language);
    let seed = seed_of(ex);
    let inc = &report.incoming;
    let acknowledged = Strategy::Sympathy.in_report(report) || Strategy::Apology.in_report(report);
    // (the text is read once for what it opens with and whether it says sorry)
    let doc = Doc::new(text);
    // a reply that opens with a reaction of the agent's own ("Whoa, what's going
    // on?", "Haha, dat is onze bakker") would get a second one in front of it
    if opens_with_reaction(&doc, lx) {
        return None;
    }
    // an apology for the wait to someone waiting for an answer; thanked for a
    // compliment, an agent does not open with "sorry we're late"
    // (and a late-reply that says the wait is acknowledged asks for nothing)
    let waiting_for_us = waits_for_answer(inc);
    let unacknowledged = report
        .findings
        .iter()
        .any(|f| f.rule == RuleId::LateReply.name() && f.severity != Severity::Suggestion);
    // (just past the norm, "sorry for the slow reply" reads as a contradiction)
    if crate::incoming::clearly_late(inc) && unacknowledged && waiting_for_us {
        // a "sorry" already there ("Sorry about that!", "sorry to hear that") and
        // another for the wait would stack: the agent acknowledges the wait by hand
        // (and sympathy already there, "Wat vervelend!", would follow the apology as a
        // second opener: the agent acknowledges the wait in their own words)
        if says_sorry(&doc, lx) || acknowledged {
            return None;
        }
        // a complaint gets sympathy for what went wrong, not only an apology for the
        // reply's own delay
        let (opener, template) = if !short && sympathy_due(inc, acknowledged, &doc, lx) {
            (Opener::LateSympathy, Template::LateSympathy)
        } else {
            (Opener::Late, Template::Late)
        };
        // (short: one of the shortest wordings, when room is scarce, so none that names
        // the thing)
        let t = (!short)
            .then(|| naming_the_thing(lx, text, report, opener, seed))
            .flatten()
            .unwrap_or_else(|| opener_variant(lx, template, seed, text, short));
        return (!user_avoids(ex, &t)).then_some((opener, t));
    }
    // (sympathy before the agent's answer cuts it off from the question: "Sorry about
    // the trouble! Yes! We can help")
    if !sympathy_due(inc, acknowledged, &doc, lx) || opens_with(&doc, lx, List::Answer) {
        return None;
    }
    let template = match inc.trouble {
        _ if upset(inc) => Template::SympathyUpset,
        Some(Trouble::Waiting) => Template::SympathyWaiting,
        Some(Trouble::NotWorking) => Template::SympathyNotWorking,
        // (money covers a failed payment, a price the customer finds too high and an
        // amount in a joke alike: "trouble with your payment" misreads two of them)
        Some(Trouble::Charged | Trouble::Other) | None => Template::Sympathy,
    };
    // (short: when room is scarce, one of the shortest stock wordings)
    let t = (!short)
        .then(|| naming_the_thing(lx, text, report, Opener::Sympathy, seed))
        .flatten()
        .unwrap_or_else(|| opener_variant(lx, template, seed, text, short));
    (!user_avoids(ex, &t)).then_some((Opener::Sympathy, t))
}

/// Sympathy that names the thing the trouble is with ("sorry about the trouble with your
/// account!"), when the reading found one. (Its wordings may echo the reply's own "your
/// account": naming the thing twice reads as an agent writes, where a stock "sorry about
/// this! … about this" reads pasted on.)
fn naming_the_thing(
    lx: &Lexicon,
    text: &str,
    report: &Report,
    opener: Opener,
    seed: usize,
) -> Option<String> {
    let thing = report.incoming.trouble_object.as_deref()?;
    // (an angry customer gets stronger words: "the trouble with your account" is light
    // for a hacked one)
    let template = match (opener, upset(&report.incoming)) {
        (Opener::Sympathy, false) => Template::SympathyObject,
        (Opener::Sympathy, true) => Template::SympathyObjectUpset,
        (Opener::LateSympathy, false) => Template::LateSympathyObject,
        (Opener::LateSympathy, true) => Template::LateSympathyObjectUpset,
        (Opener::Late, _) => Template::LateObject,
    };
    // ("my account" is "your account", "the flight" stays "the flight")
    let (your, object) = match thing.split_once(' ') {
        Some((pointer, object)) => (pointer.to_string(), object),
        None => (
            lx.template(
                if formal(report, text, lx) {
                    Template::PossessiveFormal
                } else {
                    Template::Possessive
                },
                &[],
            ),
            thing,
        ),
    };
    let filled: Vec<String> = lx
        .template_variants(template)
        .iter()
        .map(|v| v.replace("{your}", &your).replace("{object}", object))
        .collect();
    fitting_variant(lx, &filled, seed, text, false)
}

/// The opener's variant for this exchange (by `seed`), passing over any that repeats two
/// words in a row of the reply ("Sorry about this! Thanks for your message about this"):
/// an echo reads as pasted on. `short`: only the shortest wordings.
fn opener_variant(
    lx: &Lexicon,
    template: Template,
    seed: usize,
    text: &str,
    short: bool,
) -> String {
    fitting_variant(lx, lx.template_variants(template), seed, text, short).unwrap_or_default()
}

/// The wording of `all` for this exchange (by `seed`) among those that echo nothing of
/// `text`; `short`: only among the shortest. When every wording echoes: one of them all
/// the same.
fn fitting_variant(
    lx: &Lexicon,
    all: &[String],
    seed: usize,
    text: &str,
    short: bool,
) -> Option<String> {
    // (short: the wordings within a few letters of the shortest, when room is scarce)
    let shortest = all.iter().map(|v| v.chars().count()).min().unwrap_or(0);
    let short_enough = |v: &&String| !short || v.chars().count() <= shortest + SHORT_SLACK;
    // (words by a plain split, lower-cased: this runs for every frame the rewrite tries)
    let pairs = |s: &str| -> Vec<String> {
        let w: Vec<String> = s
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .map(crate::text::normalise)
            .collect();
        // (two little words in a row, "for the", echo nothing: every reply has them)
        w.windows(2)
            .filter(|p| !(lx.has_word(List::Stop, &p[0]) && lx.has_word(List::Stop, &p[1])))
            .map(|p| format!("{} {}", p[0], p[1]))
            .collect()
    };
    let reply = pairs(text);
    // (chosen by the seed among the wordings that echo nothing, so that a wording that
    // echoes often does not hand its share to the one after it)
    let mut fits: Vec<&String> = all.iter().filter(short_enough).collect();
    let fresh: Vec<&String> = fits
        .iter()
        .copied()
        .filter(|v| !pairs(v).iter().any(|p| reply.contains(p)))
        .collect();
    if !fresh.is_empty() {
        fits = fresh;
    }
    let n = fits.len().max(1);
    fits.get(seed % n).map(|v| v.to_string())
}

/// How many letters longer than the shortest wording a wording may be when room is
/// scarce ("sorry for the slow reply!" beside "apologies for the wait!").
const SHORT_SLACK: usize = 3;

/// The customer is angry, not only troubled: swearing, venting, an upset emoji or
/// sarcasm. The sympathy is then stronger than "sorry about the trouble". (A bad word
/// for a thing, capitals or "??" are not enough: "what an awful experience" on a 15¢ fee
/// or a pre-order question read as overblown or mocking to blind judges.)
fn upset(inc: &Incoming) -> bool {
    use SignalId as S;
    has_signal(inc, &[S::Abuse, S::Venting, S::UpsetEmoji, S::Sarcasm])
}

/// Sympathy is due: a complaint the reading is sure of, not solved, that the reply
/// neither acknowledges nor answers as a question or a kind word ("Great question!",
/// "No problem!").
fn sympathy_due(inc: &Incoming, acknowledged: bool, doc: &Doc, lx: &Lexicon) -> bool {
    let resolved = has_signal(inc, &[SignalId::Resolved]);
    inc.is_sure_complaint() && !acknowledged && !resolved && !opens_pleasantly(doc, lx)
}

/// The text apologises somewhere (the lexicon's `apology` phrases, which include the
/// "sorry" of "sorry to hear that").
fn says_sorry(doc: &Doc, lx: &Lexicon) -> bool {
    !lx.phrases(crate::lexicon::Category::Apology)
        .find(doc)
        .is_empty()
}

/// The first sentence of the reply's body holds a pleasantry ("That's a great
/// question", "No problem!", "Happy to help"): the agent did not read a complaint.
fn opens_pleasantly(doc: &Doc, lx: &Lexicon) -> bool {
    let Some(first) = first_sentence_with_words(doc) else {
        return false;
    };
    lx.phrases(crate::lexicon::Category::Pleasantry)
        .find(doc)
        .iter()
        .any(|h| first.tokens.contains(h.range.start))
}

/// The first or second clause of the reply's first sentence (the second: after a
/// greeting, "Hi Sam, oh no, …") opens with a word of `list`: a reaction ("Whoa, …",
/// "Haha, …", "Uhh that's…"), the agent's own, or an answer ("Yes, …", "Klopt, …").
fn opens_with(doc: &Doc, lx: &Lexicon, list: List) -> bool {
    opening_words(doc)
        .iter()
        .any(|w| lx.has_word(list, w) || lx.has_word(list, &squeezed(w)))
}

/// The agent's own exclamation: a reaction ("Whoa, …"), or an answer drawn out in joy
/// ("Yessssss!!!!!", which "Yes, …" is not).
fn opens_with_reaction(doc: &Doc, lx: &Lexicon) -> bool {
    opens_with(doc, lx, List::Reaction)
        || opening_words(doc).iter().any(|w| {
            let plain = squeezed(w);
            plain != *w && lx.has_word(List::Answer, &plain)
        })
}

/// The first word of the first and second clause of the reply's first sentence (the
/// second: after a greeting, "Hi Sam, oh no, …").
fn opening_words<'d>(doc: &'d Doc) -> Vec<&'d str> {
    let mut words = Vec::new();
    if let Some(s) = first_sentence_with_words(doc) {
        for c in s.clauses.iter().take(2) {
            if let Some(t) = doc.tokens[c.start..c.end].iter().find(|t| t.is_word()) {
                words.push(t.norm.as_str());
            }
        }
    }
    words
}

/// A word with its drawn-out letters taken back to one ("Yessssss" → "yes", "Ohhh" →
/// "oh"): three or more of a letter in a row are one.
fn squeezed(word: &str) -> String {
    // (drawn-out words are ASCII, "yessss", "ohhh": a byte walk keeps this small)
    if !word.is_ascii() {
        return word.to_string();
    }
    let b = word.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let mut j = i;
        while j < b.len() && b[j] == b[i] {
            j += 1;
        }
        for _ in 0..if j - i >= 3 { 1 } else { j - i } {
            out.push(b[i] as char);
        }
        i = j;
    }
    out
}

/// The reply's first sentence that has words (not only @mentions, links or emoji).
fn first_sentence_with_words<'d>(doc: &'d Doc) -> Option<&'d crate::text::Sentence> {
    doc.sentences.iter().find(|s| {
        doc.tokens[s.tokens.start..s.tokens.end]
            .iter()
            .any(|t| t.is_word())
    })
}

/// The greeting that opens the body (byte offsets in the body).
struct Greeting {
    /// Where the greeting word(s) end.
    end: usize,
    /// The name after it ("Hi Sam"), or a word that stands where a name could ("Hi
    /// there"): its range.
    name: Option<(usize, usize)>,
    filler: Option<(usize, usize)>,
    /// The punctuation after the greeting and name (`,` `!` `.` `:`), if any.
    sep: Option<char>,
    /// Where the words after the greeting start.
    then: usize,
}

/// Reads the greeting of `body` (which starts at byte `body_at` of the reply `text`)
/// from the report.
fn greeting_of(text: &str, body_at: usize, report: &Report, lx: &Lexicon) -> Option<Greeting> {
    let g = Element::Greeting.span_in(report)?;
    let body = &text[body_at..];
    let to_body = |u: usize| byte_of_utf16(text, u).saturating_sub(body_at);
    let end = to_body(g[1]);
    let gap_only =
        |a: usize, b: usize| a <= b && body[a..b].chars().all(|c| c.is_whitespace() || c == ',');
    let name = report
        .voice
        .occurrences
        .iter()
        .find(|o| o.id == Element::AddresseeName.name() && o.span[0] >= g[1])
        .map(|o| (to_body(o.span[0]), to_body(o.span[1])))
        .filter(|&(a, _)| gap_only(end, a));
    let filler = if name.is_some() {
        None
    } else {
        let doc = Doc::new(&body[end..]);
        doc.tokens
            .first()
            .filter(|t| t.is_word() && lx.has_word(List::GreetingFiller, &t.norm))
            .filter(|t| gap_only(end, end + t.byte.0))
            .map(|t| (end + t.byte.0, end + t.byte.1))
    };
    let after = name.or(filler).map(|(_, b)| b).unwrap_or(end);
    let rest = &body[after..];
    let trimmed = rest.trim_start();
    // (the colon of an emoticon, "Hi Looreen :)", separates nothing)
    let head = trimmed
        .char_indices()
        .nth(4)
        .map_or(trimmed, |(i, _)| &trimmed[..i]);
    let emoticon = Doc::new(head)
        .tokens
        .first()
        .is_some_and(|t| t.kind == TokenKind::Emoji && t.byte.0 == 0);
    let sep = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, ',' | '!' | '.' | ':') && !emoticon);
    let then = match sep {
        Some(c) => {
            let past = &trimmed[c.len_utf8()..];
            body.len()
                - past
                    .trim_start_matches([',', '!', '.', ':'])
                    .trim_start()
                    .len()
        }
        None => body.len() - trimmed.len(),
    };
    Some(Greeting {
        end,
        name,
        filler,
        sep,
        then,
    })
}

/// The reply speaks formally: the customer writes "u", or, not knowing, the reply does.
fn formal(report: &Report, text: &str, lx: &Lexicon) -> bool {
    if !lx.has_register() {
        return false;
    }
    match report.incoming.register {
        Register::Formal => true,
        Register::Informal => false,
        Register::Unknown => {
            let doc = Doc::new(text);
            let count = |list| {
                doc.words()
                    .filter(|(_, t)| lx.has_word(list, &t.norm))
                    .count()
            };
            count(List::FormalPronoun) > count(List::InformalPronoun)
        }
    }
}

/// `body` behind a new greeting: "Hi Sam, thanks for…" when its first word is an
/// ordinary word that can go lower case, "Hi Sam! We'd love…" when it cannot (a name, a
/// word the lexicon does not know).
fn behind_greeting(greeting: &str, body: &str, lx: &Lexicon) -> String {
    let first: String = body
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .collect();
    let lower = normalise(&first);
    let ordinary = !first.is_empty()
        && lx.has_word_in_any(
            &[
                List::Stop,
                List::Function,
                List::Informal,
                List::AnswerWords,
                List::Imperative,
            ],
            lower.as_str(),
        )
        && !lx.has_word(List::CapitalWord, lower.as_str())
        && !first.chars().skip(1).any(char::is_uppercase);
    if lx.has_word(List::CapitalWord, lower.as_str()) {
        // "Hi Olivia, I'm happy…"
        format!("{greeting} {body}")
    } else if ordinary || body.is_empty() {
        format!("{greeting} {}", decapitalise(body))
    } else {
        let alone = greeting.strip_suffix(',').unwrap_or(greeting);
        format!("{alone}! {body}")
    }
}

/// `rest` without the thinking sound it opens with ("Hmm, that's odd." → "That's odd."):
/// an opener in front takes its place (blind judges read "Sorry this happened! Hmm, send
/// us a report" as machine-joined: "the Hmm should go"). A thinking sound is an
/// interjection that reacts to nothing the customer said ("hmm", "ah", "nou").
fn without_thinking_sound(rest: &str, lx: &Lexicon) -> String {
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let after = rest[word_end..].trim_start_matches([',', '.', '!', '…']);
    let next = after.trim_start();
    let sound = normalise(&rest[..word_end]);
    if word_end == 0
        || after.len() == rest.len() - word_end
        || next.is_empty()
        || !lx.has_word(List::Interjection, &sound)
        || lx.has_word(List::Reaction, &sound)
    {
        return rest.to_string();
    }
    capitalise(next)
}

/// Adds the parts of the frame to `text` (whose own report is `report`).
fn add(ex: &Exchange, text: &str, report: &Report, parts: Parts) -> Framed {
    let lang = report.language;
    let lx = lexicon(lang);
    let body_at = crate::text::body_start(text).unwrap_or(text.len());
    let (head, body_text) = text.split_at(body_at);
    // (the draft as the agent wrote it: the fixes' tidying capitalised its start)
    let continues = continues_thread(&ex.reply, lx);
    let mut opener = if parts.opener && !continues {
        choose_opener(ex, text, report, parts.short_opener)
    } else {
        None
    };
    let name = report
        .incoming
        .first_name
        .as_deref()
        .filter(|_| parts.greeting && !continues && !Element::AddresseeName.in_report(report));
    let mut body = body_text.to_string();
    match greeting_of(text, body_at, report, lx) {
        Some(g) => {
            // the opener goes where the words after the greeting start; a greeting that
            // runs into the sentence ("Hi sorry for…") gets none
            match (&opener, g.sep) {
                (Some(_), None) => opener = None,
                (Some((_, o)), Some(sep)) => {
                    let o = if sep == ',' { o.clone() } else { capitalise(o) };
                    let rest = without_thinking_sound(&body[g.then..], lx);
                    body.replace_range(g.then.., &format!("{o} {rest}"));
                }
                (None, _) => {}
            }
            if let Some(n) = name {
                let comma = if g.sep.is_none() && g.then < body_text.len() {
                    ","
                } else {
                    ""
                };
                match g.filler {
                    Some((a, b)) => body.replace_range(a..b, &format!("{n}{comma}")),
                    None if g.name.is_none() => body.insert_str(g.end, &format!(" {n}{comma}")),
                    None => {}
                }
            }
        }
        None => {
            let opened = match &opener {
                Some((_, o)) if name.is_some() => {
                    format!("{o} {}", without_thinking_sound(&body, lx))
                }
                Some((_, o)) => format!("{} {}", capitalise(o), without_thinking_sound(&body, lx)),
                None => body.clone(),
            };
            body = match name {
                Some(n) => {
                    let template = if formal(report, text, lx) {
                        Template::GreetingFormal
                    } else {
                        Template::Greeting
                    };
                    let greeting = lx.template(template, &[("name", n)]);
                    if opener.is_some() {
                        format!("{greeting} {opened}")
                    } else {
                        behind_greeting(&greeting, &opened, lx)
                    }
                }
                None => opened,
            };
        }
    }
    // "@FietsPlaats" + "Hoi," must not glue together
    let sep = if !head.is_empty() && !head.ends_with(char::is_whitespace) && !body.is_empty() {
        " "
    } else {
        ""
    };
    let mut out = format!("{head}{sep}{body}");
    let mut signed = false;
    // (a reply that closes with the business's name, "… hoger uit. Garage Hendriks", is
    // signed already: "Garage Hendriks ^Rob" reads as two signatures)
    if parts.signature && !Element::Signature.in_report(report) {
        // (the text is read once for both questions about how it closes)
        let closing = Doc::new(&out);
        let signed_text = crate::fix::signature_text(&ex.profile, lang)
            .filter(|_| !closes_with_a_name(&closing))
            .map(|sig| {
                format!(
                    "{} {sig}",
                    strip_department_closing(&closing, lx).trim_end()
                )
            });
        if let Some(text) = signed_text {
            out = text;
            signed = true;
        }
    }
    // (nothing added: the text as it was, tidy already)
    let added = signed || opener.is_some() || body != body_text;
    Framed {
        text: if added { tidy(&out) } else { text.to_string() },
        opener: opener.map(|(o, _)| o),
    }
}

/// The frame, its parts kept only while the reply still fits the platform (the opener
/// first, then the signature, then the name): stable, because a part that did not fit
/// once will not fit a rewrite of the rewrite either.
pub(super) fn add_within_limit(ex: &Exchange, text: &str, report: &Report) -> Framed {
    let platform = ex.platform.unwrap_or(ex.profile.platform);
    let fits = |t: &str| {
        let (len, _) = crate::length::measure(&Doc::new(t), platform);
        len.counted <= len.limit
    };
    let all = Parts {
        greeting: true,
        opener: true,
        signature: true,
        short_opener: false,
    };
    // (the report is `text`'s own: its length is known)
    let text_fits = report.length.counted <= report.length.limit;
    if !text_fits {
        // the shortening will have to make room: the shorter opener
        return add(
            ex,
            text,
            report,
            Parts {
                short_opener: true,
                ..all
            },
        );
    }
    let whole = add(ex, text, report, all);
    if whole.text == text || fits(&whole.text) {
        return whole;
    }
    let mut parts = Parts {
        greeting: false,
        opener: false,
        signature: false,
        short_opener: false,
    };
    let mut best = Framed {
        text: text.to_string(),
        opener: None,
    };
    for part in 0..4 {
        let mut trial = parts;
        match part {
            0 => trial.opener = true,
            // (when the opener with sympathy did not fit, the apology alone may)
            1 if !parts.opener => {
                trial.opener = true;
                trial.short_opener = true;
            }
            1 => continue,
            2 => trial.signature = true,
            _ => trial.greeting = true,
        }
        let candidate = add(ex, text, report, trial);
        if fits(&candidate.text) {
            parts = trial;
            best = candidate;
        }
    }
    best
}

/// The text ends with a line or sentence of one to three capitalised words and nothing
/// else ("Garage Hendriks", "Team Bakkerij Kees"): a name that signs it.
fn closes_with_a_name(doc: &Doc) -> bool {
    let text = doc.source;
    let Some(last) = doc.sentences.last() else {
        return false;
    };
    let mut words = 0;
    for t in &doc.tokens[last.tokens.start..last.tokens.end] {
        if t.kind == TokenKind::Newline {
            continue;
        }
        if !t.is_word() || !t.text(text).starts_with(char::is_uppercase) {
            return false;
        }
        words += 1;
    }
    doc.sentences.len() > 1 && (1..=3).contains(&words)
}

/// Drops a closing that signs for a department ("Met vriendelijke groet, Klantenservice"),
/// which the agent's own signature replaces (brief §5: don't reply anonymously).
fn strip_department_closing(doc: &Doc, lx: &Lexicon) -> String {
    let text = doc.source;
    let words: Vec<usize> = (0..doc.tokens.len())
        .filter(|&i| doc.tokens[i].is_word())
        .collect();
    // walk back over the signing party (department words and a capitalised name such as
    // the organisation's, at least one department word), then the sign-off words
    let mut k = words.len();
    let mut departments = 0;
    while k > 0 && words.len() - k < 4 {
        let t = &doc.tokens[words[k - 1]];
        if lx.has_word(List::Department, &t.norm) {
            departments += 1;
        } else if !t.text(text).chars().next().is_some_and(char::is_uppercase)
            || lx.has_word(List::SignOff, &t.norm)
        {
            break;
        }
        k -= 1;
    }
    if departments == 0 {
        return text.to_string();
    }
    let dept_start = k;
    while k > 0 && lx.has_word(List::SignOff, &doc.tokens[words[k - 1]].norm) {
        k -= 1;
    }
    if k == dept_start {
        return text.to_string();
    }
    // everything after the closing must be punctuation
    let start = doc.tokens[words[k]].byte.0;
    if doc.tokens[words[k]..].iter().any(|t| {
        !t.is_word()
            && !matches!(
                t.kind,
                TokenKind::Punct | TokenKind::Terminal | TokenKind::Newline
            )
    }) {
        return text.to_string();
    }
    text[..start].trim_end().to_string()
}
