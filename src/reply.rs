//! Reading the draft reply: the webcare strategies it uses (brief §3) and the elements
//! of a conversational human voice (brief §4), each with where it was found.

use crate::lexicon::{Category, CategoryHits, Hit, HitMemo, Lexicon, List};
use crate::model::{Incoming, Kind, Occurrence, Profile, Text};
use crate::text::{Doc, TokenKind, TokenRange};

/// The ten strategies, in the brief's order.
pub const STRATEGIES: [&str; 10] = [
    "general_information",
    "applied_information",
    "referral",
    "information_request",
    "sympathy",
    "apology",
    "justification",
    "denial",
    "compensation",
    "corrective_action",
];

/// The voice elements, in the eval README's order.
pub const ELEMENTS: [&str; 9] = [
    "greeting",
    "addressee_name",
    "signature",
    "first_person_singular",
    "emoticon",
    "interjection",
    "informal_wording",
    "thanks",
    "invite_dialogue",
];

/// Everything read from the reply, shared by the rules and the rewrite.
pub struct Reading<'a> {
    pub doc: Doc<'a>,
    pub lx: &'static Lexicon,
    hits: CategoryHits,
    pub greeting: Option<TokenRange>,
    pub addressee: Option<TokenRange>,
    pub signature: Option<TokenRange>,
    pub strategies: Vec<Occurrence>,
    pub elements: Vec<Occurrence>,
    /// Sentences (token ranges) that advertise.
    pub commercial_sentences: Vec<TokenRange>,
}

/// The ids of `order` that occur in `found`, in that order.
fn ids_found(order: &[&'static str], found: &[Occurrence]) -> Vec<Text> {
    order
        .iter()
        .filter(|id| found.iter().any(|o| o.id == **id))
        .map(|id| Text::Borrowed(id))
        .collect()
}

fn overlaps(a: TokenRange, b: TokenRange) -> bool {
    a.start < b.end && b.start < a.end
}

impl<'a> Reading<'a> {
    pub fn hits(&self, category: Category) -> &[Hit] {
        self.hits.get(category)
    }

    pub fn has(&self, id: &str) -> bool {
        self.strategies.iter().any(|o| o.id == id) || self.elements.iter().any(|o| o.id == id)
    }

    /// The strategies found, in the brief's order.
    pub fn strategy_ids(&self) -> Vec<Text> {
        ids_found(&STRATEGIES, &self.strategies)
    }

    /// The voice elements found, in the brief's order.
    pub fn element_ids(&self) -> Vec<Text> {
        ids_found(&ELEMENTS, &self.elements)
    }

    /// Tokens that belong to the greeting, the name after it or the signature.
    pub fn in_frame(&self, i: usize) -> bool {
        [self.greeting, self.addressee, self.signature]
            .iter()
            .flatten()
            .any(|r| r.contains(i))
    }
}

fn is_capitalised(doc: &Doc, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.is_word() && crate::text::starts_upper(t.text(doc.source)))
}

/// Index of the first token that is not an @mention (replies on X open with them).
fn body_start(doc: &Doc) -> usize {
    doc.tokens
        .iter()
        .position(|t| t.kind != TokenKind::Mention && t.kind != TokenKind::Newline)
        .unwrap_or(doc.tokens.len())
}

fn find_greeting(
    doc: &Doc,
    lx: &Lexicon,
    first_name: Option<&str>,
) -> (Option<TokenRange>, Option<TokenRange>) {
    let start = body_start(doc);
    let Some(t) = doc.tokens.get(start) else {
        return (None, None);
    };
    if !t.is_word() {
        return (None, None);
    }
    let mut end = start + 1;
    let two = doc
        .tokens
        .get(start + 1)
        .map(|n| format!("{} {}", t.norm, n.norm));
    let is_greeting = if matches!(
        two.as_deref(),
        Some(
            "good morning"
                | "good afternoon"
                | "good evening"
                | "goede morgen"
                | "goedendag"
                | "hoi hoi"
        )
    ) {
        end = start + 2;
        true
    } else if lx.has_word(List::Greeting, &t.norm) {
        // "dag"/"beste"/"dear" only greet when a name or punctuation follows
        if matches!(
            t.norm.as_str(),
            "dag" | "beste" | "dear" | "morning" | "evening" | "afternoon"
        ) {
            // "Beste Yusuf", "Beste klant,", "Dear customer,", "Dag!"
            let next_is_addressee = |k: usize| {
                is_capitalised(doc, k) || doc.tokens.get(k + 1).is_some_and(|n| n.norm == ",")
            };
            doc.tokens
                .get(start + 1)
                .map(|n| {
                    n.kind == TokenKind::Punct
                        || n.kind == TokenKind::Terminal
                        || next_is_addressee(start + 1)
                })
                .unwrap_or(true)
        } else {
            true
        }
    } else {
        false
    };
    if !is_greeting {
        return (None, None);
    }
    let greeting = TokenRange { start, end };
    // "Hi Rachel," / "Hoi Sonja!" — the name is evident from the greeting
    let addressee = doc.tokens.get(end).and_then(|n| {
        let matches_author = first_name
            .map(|f| crate::text::normalise(f) == n.norm)
            .unwrap_or(false);
        let looks_like_name = is_capitalised(doc, end)
            && !lx.has_word(List::Function, &n.norm)
            && !lx.has_word(List::Stop, &n.norm)
            && !lx.has_word(List::Department, &n.norm);
        (matches_author || looks_like_name).then_some(TokenRange {
            start: end,
            end: end + 1,
        })
    });
    (Some(greeting), addressee)
}

fn find_signature(
    doc: &Doc,
    lx: &Lexicon,
    profile: &Profile,
    customer: Option<&str>,
) -> Option<TokenRange> {
    let customer = customer.map(crate::text::normalise);
    let n = doc.tokens.len();
    // trailing emoji/punctuation do not end a signature
    let mut last = n;
    while last > 0
        && matches!(
            doc.tokens[last - 1].kind,
            TokenKind::Terminal | TokenKind::Emoji | TokenKind::Newline
        )
    {
        last -= 1;
    }
    if last == 0 {
        return None;
    }
    let core = |w: &str| crate::text::normalise(w.trim_matches(|c: char| !c.is_alphabetic()));
    let agent = profile
        .agent_name
        .as_deref()
        .map(|n| n.split_whitespace().map(core).collect::<Vec<_>>().join(" "));
    let initials = profile.agent_initials.as_deref().map(core);
    let is_person = |i: usize| -> bool {
        let t = &doc.tokens[i];
        if !t.is_word() || t.has_digit() {
            return false;
        }
        let raw = t.text(doc.source);
        let is_initials = raw.chars().count() <= 4 && raw.chars().all(|c| c.is_uppercase());
        let known = agent
            .as_deref()
            .map(|a| a.split_whitespace().any(|p| p == t.norm))
            .unwrap_or(false)
            || initials.as_deref() == Some(t.norm.as_str());
        // "Bedankt Henk!" thanks the customer; it does not sign
        let is_customer = customer.as_deref() == Some(t.norm.as_str());
        known
            || is_initials
            || (is_capitalised(doc, i)
                && !is_customer
                && !lx.has_word(List::Department, &t.norm)
                && !lx.has_word(List::Function, &t.norm))
    };
    // the name: one or two person-like words at the end
    let mut name_start = last;
    while name_start > 0 && last - name_start < 2 && is_person(name_start - 1) {
        name_start -= 1;
    }
    if name_start == last {
        return None;
    }
    let before = name_start.checked_sub(1).map(|i| &doc.tokens[i]);
    match before {
        // ^PK  /  - Pim  /  – Pim
        Some(b)
            if b.kind == TokenKind::Punct
                && matches!(b.norm.as_str(), "^" | "-" | "–" | "—" | "~" | "/") =>
        {
            Some(TokenRange {
                start: name_start - 1,
                end: n,
            })
        }
        // Groet, Pim  /  Groetjes Anne  /  Cheers, Tom
        Some(b) => {
            let mut k = name_start - 1;
            if b.norm == "," {
                k = k.checked_sub(1)?;
            }
            let sign_word = &doc.tokens[k];
            if sign_word.is_word() && lx.has_word(List::SignOff, &sign_word.norm) {
                // include the rest of a multi-word sign-off ("Met vriendelijke groet")
                let mut s = k;
                while s > 0
                    && doc.tokens[s - 1].is_word()
                    && lx.has_word(List::SignOff, &doc.tokens[s - 1].norm)
                {
                    s -= 1;
                }
                if s > 0
                    && doc.tokens[s - 1].is_word()
                    && matches!(
                        doc.tokens[s - 1].norm.as_str(),
                        "met" | "with" | "kind" | "best"
                    )
                {
                    s -= 1;
                }
                Some(TokenRange { start: s, end: n })
            } else if b.kind == TokenKind::Terminal
                && b.norm == "."
                && name_start >= 2
                && doc.tokens[name_start - 2].is_word()
                && lx.has_word(List::SignOff, &doc.tokens[name_start - 2].norm)
            {
                // an abbreviated sign-off: "Gr. Anne", "Mvg. Pim"
                Some(TokenRange {
                    start: name_start - 2,
                    end: n,
                })
            } else if b.kind == TokenKind::Newline
                || (b.kind == TokenKind::Terminal || b.kind == TokenKind::Emoji)
                    && agent
                        .as_deref()
                        .map(|a| {
                            a.split_whitespace()
                                .any(|p| p == doc.tokens[name_start].norm)
                        })
                        .unwrap_or(false)
            {
                // a name on its own line, or the agent's own name after the last sentence
                Some(TokenRange {
                    start: name_start,
                    end: n,
                })
            } else {
                None
            }
        }
        None => None,
    }
}

/// A capitalised word, not a common word, that opens the reply before a comma ("Kees,"),
/// follows a thank-you ("Thanks Sam,"), or closes a clause after a comma ("…, Maria!").
fn find_vocative(
    doc: &Doc,
    lx: &Lexicon,
    thanks: &[Hit],
    signature: Option<TokenRange>,
) -> Option<TokenRange> {
    let start = body_start(doc);
    let is_name = |i: usize| {
        let t = &doc.tokens[i];
        is_capitalised(doc, i)
            && !t.has_digit()
            && t.norm.chars().count() > 1
            && !lx.has_word_in_any(
                &[
                    List::Function,
                    List::Stop,
                    List::Department,
                    List::Greeting,
                    List::Interjection,
                    List::Informal,
                    List::AnswerWords,
                ],
                &t.norm,
            )
            && !signature.is_some_and(|s| s.contains(i))
    };
    let punct_after = |i: usize| {
        doc.tokens.get(i + 1).is_some_and(|n| {
            matches!(n.kind, TokenKind::Punct | TokenKind::Terminal) && n.norm != "'"
        })
    };
    // "mevrouw De Groot", "Mr Patel": a title and a surname address the customer too
    for i in start..doc.tokens.len().saturating_sub(1) {
        if doc.tokens[i].is_word()
            && lx.has_word(List::Title, &doc.tokens[i].norm)
            && is_capitalised(doc, i + 1)
        {
            let mut end = i + 2;
            while end < doc.tokens.len()
                && doc.tokens[end].is_word()
                && is_capitalised(doc, end)
                && end < i + 4
            {
                end += 1;
            }
            return Some(TokenRange { start: i, end });
        }
    }
    for i in 0..doc.tokens.len() {
        if !doc.tokens[i].is_word() || !is_name(i) || !punct_after(i) {
            continue;
        }
        let opens = i == start && doc.tokens.get(i + 1).is_some_and(|n| n.norm == ",");
        let after_thanks = thanks.iter().any(|h| h.range.end == i);
        let closes_clause = i > 0
            && doc.tokens[i - 1].norm == ","
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Terminal || n.norm == ",");
        if opens || after_thanks || closes_clause {
            return Some(TokenRange {
                start: i,
                end: i + 1,
            });
        }
    }
    None
}

/// Reads the reply. `first_name` is the post author's first name, when known.
pub fn read_reply<'a>(
    doc: Doc<'a>,
    lx: &'static Lexicon,
    incoming: &Incoming,
    profile: &Profile,
    memo: &mut HitMemo,
) -> Reading<'a> {
    let hits = lx.find_all_with(&doc, memo);
    let get = |c: Category| hits.get(c).to_vec();
    let (greeting, mut addressee) = find_greeting(&doc, lx, incoming.first_name.as_deref());
    let signature = find_signature(&doc, lx, profile, incoming.first_name.as_deref());

    // Sentences that advertise, or joke, carry no strategy (their words are not the
    // organisation's service content).
    let sentence_with = |hs: &[Hit]| -> Vec<TokenRange> {
        let mut out: Vec<TokenRange> = Vec::new();
        for h in hs {
            if let Some(s) = doc.sentence_of(h.range.start) {
                if !out.contains(&s.tokens) {
                    out.push(s.tokens);
                }
            }
        }
        out
    };
    let commercial_sentences = if incoming.asks_commercial {
        Vec::new()
    } else {
        sentence_with(&get(Category::Commercial))
    };
    let humor_sentences = sentence_with(&get(Category::Humor));
    let outside = |r: &TokenRange| !commercial_sentences.iter().any(|s| overlaps(*s, *r));
    let is_question = |r: &TokenRange| {
        doc.sentence_of(r.start)
            .map(|s| s.question)
            .unwrap_or(false)
    };

    let mut strategies: Vec<Occurrence> = Vec::new();
    let mut consumed: Vec<TokenRange> = Vec::new(); // clauses that are not information
    let add = |id: &'static str, r: TokenRange, strategies: &mut Vec<Occurrence>| {
        strategies.push(Occurrence {
            id: Text::Borrowed(id),
            span: doc.span(r),
        });
    };
    let clause = |r: TokenRange| doc.clause_of(r.start).unwrap_or(r);
    let sentence = |r: TokenRange| doc.sentence_of(r.start).map(|s| s.tokens).unwrap_or(r);

    let offers = get(Category::Offer);
    let sympathy = get(Category::Sympathy);
    // Sympathy and apology take their whole sentence: what shares it ("8 weeks is too
    // long, sorry!") is part of the acknowledgement, not information.
    for h in sympathy.iter().filter(|h| outside(&h.range)) {
        add("sympathy", h.range, &mut strategies);
        consumed.push(sentence(h.range));
    }
    for h in get(Category::Apology).iter().filter(|h| outside(&h.range)) {
        if sympathy.iter().any(|s| overlaps(s.range, h.range)) {
            continue; // "sorry to hear" is sympathy, not an apology
        }
        add("apology", h.range, &mut strategies);
        consumed.push(sentence(h.range));
    }
    for h in get(Category::CorrectiveAction)
        .iter()
        .filter(|h| outside(&h.range))
    {
        consumed.push(clause(h.range));
        // an offer ("want me to let you know?") commits to nothing yet; passing on a
        // compliment corrects nothing
        let sentence_range = sentence(h.range);
        let offered = is_question(&h.range)
            && offers
                .iter()
                .any(|o| sentence_range.contains(o.range.start) && o.range.start <= h.range.start);
        if !offered && incoming.kind != Kind::Compliment {
            add("corrective_action", h.range, &mut strategies);
        }
    }
    for h in get(Category::InformationRequest)
        .iter()
        .filter(|h| outside(&h.range))
    {
        add("information_request", h.range, &mut strategies);
        consumed.push(clause(h.range));
    }
    for h in get(Category::Compensation)
        .iter()
        .filter(|h| outside(&h.range))
    {
        add("compensation", h.range, &mut strategies);
        consumed.push(clause(h.range));
    }
    for h in get(Category::Justification)
        .iter()
        .filter(|h| outside(&h.range))
    {
        add("justification", h.range, &mut strategies);
        consumed.push(sentence(h.range));
    }
    // Denying a complaint is denial; correcting a question's wrong premise is information.
    let correcting = incoming.kind == Kind::Question;
    for h in get(Category::Denial).iter().filter(|h| outside(&h.range)) {
        if !correcting {
            add("denial", h.range, &mut strategies);
            consumed.push(sentence(h.range));
        } else {
            consumed.push(clause(h.range));
        }
    }
    let referral_hits: Vec<Hit> = get(Category::Referral)
        .into_iter()
        .filter(|h| outside(&h.range))
        .collect();
    for h in &referral_hits {
        add("referral", h.range, &mut strategies);
        // "Please check our store locator for opening times" points elsewhere: the
        // clause is the referral, not information
        let c = clause(h.range);
        let first_word = (c.start..c.end).find(|&i| doc.tokens[i].is_word());
        if first_word.is_some_and(|i| lx.has_word(List::Imperative, &doc.tokens[i].norm)) {
            consumed.push(c);
        }
    }
    for cat in [
        Category::Pleasantry,
        Category::Thanks,
        Category::Corporate,
        Category::Irritation,
        Category::PromiseAbsolute,
        Category::PromiseVague,
        Category::Correction,
    ] {
        for h in get(cat) {
            consumed.push(clause(h.range));
        }
    }
    consumed.extend(humor_sentences.iter().copied());
    consumed.extend(commercial_sentences.iter().copied());

    // Information: a declarative clause that no other strategy took, with at least two
    // content words. Applied when tied to this customer's case (a time, "I see", an
    // answer to their question), general otherwise.
    // per-token and per-sentence marks, so long drafts stay linear
    let n = doc.tokens.len();
    let mut is_consumed = vec![false; n];
    for r in &consumed {
        is_consumed[r.start.min(n)..r.end.min(n)].fill(true);
    }
    let mut is_referral = vec![false; n];
    for h in &referral_hits {
        is_referral[h.range.start..h.range.end.min(n)].fill(true);
    }
    let mut has_applied_marker = vec![false; doc.sentences.len()];
    for h in get(Category::AppliedMarker) {
        if let Some(k) = doc.sentence_index_of(h.range.start) {
            has_applied_marker[k] = true;
        }
    }
    let frame = [greeting, addressee, signature];
    let answers = |s: &crate::text::Sentence| {
        (s.tokens.start..s.tokens.end)
            .find(|&i| doc.tokens[i].is_word() && !frame.iter().flatten().any(|r| r.contains(i)))
            .map(|i| lx.has_word(List::AnswerWords, &doc.tokens[i].norm))
            .unwrap_or(false)
    };
    let mut previous_was_bare_answer = false;
    for (k, s) in doc.sentences.iter().enumerate() {
        // "Yes! Clapham is open 10am-4pm." — the answer carries into the next sentence
        let opens_with_answer = answers(s) || previous_was_bare_answer;
        let words_outside_frame = (s.tokens.start..s.tokens.end)
            .filter(|&i| doc.tokens[i].is_word() && !frame.iter().flatten().any(|r| r.contains(i)))
            .count();
        previous_was_bare_answer = answers(s) && words_outside_frame <= 2;
        if s.question {
            continue;
        }
        for c in &s.clauses {
            if is_consumed[c.start..c.end].iter().any(|&x| x) {
                continue;
            }
            let content = (c.start..c.end)
                .filter(|&i| {
                    let t = &doc.tokens[i];
                    // phone and order numbers alone are not statements
                    let long_number = t.has_digit() && t.norm.len() > 6;
                    let in_frame = frame.iter().flatten().any(|r| r.contains(i));
                    let in_referral = is_referral[i];
                    let filler_or_stop = lx.has_word_in_any(
                        &[List::Greeting, List::Interjection, List::Stop],
                        &t.norm,
                    );
                    t.is_word() && !filler_or_stop && !in_frame && !in_referral && !long_number
                })
                .count();
            if content < 2 {
                continue;
            }
            let applied = opens_with_answer || has_applied_marker[k];
            add(
                if applied {
                    "applied_information"
                } else {
                    "general_information"
                },
                *c,
                &mut strategies,
            );
        }
    }

    // Voice elements
    let mut elements: Vec<Occurrence> = Vec::new();
    let mut el = |id: &'static str, r: TokenRange| {
        elements.push(Occurrence {
            id: Text::Borrowed(id),
            span: doc.span(r),
        })
    };
    if let Some(g) = greeting {
        el("greeting", g);
    }
    if let Some(first) = incoming.first_name.as_deref() {
        let want = crate::text::normalise(first);
        if let Some((i, _)) = doc
            .words()
            .find(|(i, t)| t.norm == want && !signature.map(|s| s.contains(*i)).unwrap_or(false))
        {
            addressee = Some(TokenRange {
                start: i,
                end: i + 1,
            });
        }
    }
    // A name used as a vocative is evident too: "Kees, …", "Thanks Sam!", "…, Maria!"
    if addressee.is_none() {
        addressee = find_vocative(&doc, lx, &get(Category::Thanks), signature);
    }
    if let Some(a) = addressee {
        el("addressee_name", a);
    }
    if let Some(s) = signature {
        el("signature", s);
    }
    // "Mijn Omgeving", "My Account": a capitalised "my" inside a sentence names a page
    let names_a_page = |i: usize| {
        let opens = doc
            .sentence_of(i)
            .map(|s| {
                (s.tokens.start..i).all(|j| {
                    !doc.tokens[j].is_word() || frame.iter().flatten().any(|r| r.contains(j))
                })
            })
            .unwrap_or(true);
        !opens && is_capitalised(&doc, i) && is_capitalised(&doc, i + 1)
    };
    if let Some((i, _)) = doc.words().find(|(i, t)| {
        lx.has_word(List::FirstPerson, &t.norm)
            && !signature.map(|s| s.contains(*i)).unwrap_or(false)
            && !names_a_page(*i)
    }) {
        el(
            "first_person_singular",
            TokenRange {
                start: i,
                end: i + 1,
            },
        );
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind == TokenKind::Emoji {
            el(
                "emoticon",
                TokenRange {
                    start: i,
                    end: i + 1,
                },
            );
            break;
        }
    }
    let interjection_phrase = get(Category::Interjection);
    if let Some(h) = interjection_phrase.first() {
        el("interjection", h.range);
    } else if let Some((i, _)) = doc.words().find(|(i, t)| {
        lx.has_word(List::Interjection, &t.norm)
            && !greeting.map(|g| g.contains(*i)).unwrap_or(false)
    }) {
        el(
            "interjection",
            TokenRange {
                start: i,
                end: i + 1,
            },
        );
    }
    if let Some((i, _)) = doc.words().find(|(i, t)| {
        lx.has_word(List::Informal, &t.norm) && !frame.iter().flatten().any(|r| r.contains(*i))
    }) {
        el(
            "informal_wording",
            TokenRange {
                start: i,
                end: i + 1,
            },
        );
    }
    if let Some(h) = get(Category::Thanks).first() {
        el("thanks", h.range);
    }
    // Inviting dialogue: an invitation phrase, or a real question to the customer (not a
    // tag question like "…, right?").
    let invite = get(Category::InviteDialogue)
        .into_iter()
        .find(|h| outside(&h.range))
        .map(|h| h.range)
        .or_else(|| {
            doc.sentences
                .iter()
                .find(|s| {
                    if !s.question || commercial_sentences.contains(&s.tokens) {
                        return false;
                    }
                    let words: Vec<&str> = (s.tokens.start..s.tokens.end)
                        .filter(|&i| doc.tokens[i].is_word())
                        .map(|i| doc.tokens[i].norm.as_str())
                        .collect();
                    let tag = words.len() >= 3
                        && words
                            .last()
                            .map(|w| lx.has_word(List::TagQuestion, w))
                            .unwrap_or(false);
                    !tag && !words.is_empty()
                })
                .map(|s| s.tokens)
        });
    if let Some(r) = invite {
        el("invite_dialogue", r);
    }

    Reading {
        doc,
        lx,
        hits,
        greeting,
        addressee,
        signature,
        strategies,
        elements,
        commercial_sentences,
    }
}

/// The human-voice score, 0–100, after the three groups of conversational-human-voice
/// elements in the research (brief §4):
///
/// - personalisation, 55: greeting 10, addressing by name 15, first person singular 15,
///   signature with name or initials 15;
/// - informal speech, 15: emoticon 5, interjection 5, colloquial wording 5;
/// - invitational rhetoric, 30: sympathy 10, apology 5, thanks 5, inviting dialogue 10;
///
/// minus 10 for each stock corporate phrase (at most 30), clamped to 0–100. A human reply
/// therefore scores above a corporate one with the same content.
pub fn voice_score(reading: &Reading) -> u32 {
    const WEIGHTS: [(&str, i32); 11] = [
        ("greeting", 10),
        ("addressee_name", 15),
        ("first_person_singular", 15),
        ("signature", 15),
        ("emoticon", 5),
        ("interjection", 5),
        ("informal_wording", 5),
        ("sympathy", 10),
        ("apology", 5),
        ("thanks", 5),
        ("invite_dialogue", 10),
    ];
    let mut score: i32 = WEIGHTS
        .iter()
        .filter(|(id, _)| reading.has(id))
        .map(|(_, w)| w)
        .sum();
    score -= (reading.hits(Category::Corporate).len() as i32 * 10).min(30);
    score.clamp(0, 100) as u32
}
