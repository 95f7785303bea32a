//! The rulebook: rule data (data/rules.toml: id, severity, messages, explanation with
//! source, examples) and the one mechanism that raises findings from what the reply
//! reading found. Each check below is named after its rule id.

use crate::incoming::detect_language;
use crate::lexicon::{lexicon, Category, Hit, List, Pattern, PhraseSet, Template};
use crate::model::*;
use crate::pii::{self, PiiKind};
use crate::reply::{Element, Reading, Strategy};
pub use crate::rulebook::RuleDoc;
use crate::rulebook::{book, RuleId};
use crate::text::{capitalise, Doc, TokenKind, TokenRange};

/// Every rule's documentation in one interface language, in the order the checks run.
pub fn docs(ui: Lang) -> Vec<RuleDoc> {
    CHECK_ORDER.iter().map(|id| id.rule().doc(ui)).collect()
}

/// The rules in the order their checks run (which orders findings of equal severity at
/// the same place).
const CHECK_ORDER: [RuleId; 22] = [
    RuleId::CommercialReply,
    RuleId::AnonymousReply,
    RuleId::LateReply,
    RuleId::UnkeepablePromise,
    RuleId::Denial,
    RuleId::Irritation,
    RuleId::PersonalDataRequest,
    RuleId::PersonalDataExposed,
    RuleId::RegisterMismatch,
    RuleId::MixedRegister,
    RuleId::HumorOnComplaint,
    RuleId::LanguageMismatch,
    RuleId::TooLong,
    RuleId::NoEmpathy,
    RuleId::DmWithoutAcknowledgement,
    RuleId::NoNextStep,
    RuleId::EmojiOnComplaint,
    RuleId::CorporatePhrase,
    RuleId::NotPersonalised,
    RuleId::RespondNotAdvised,
    RuleId::CustomBannedPhrase,
    RuleId::CustomPreferredPhrase,
];

fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// Everything a check may look at.
pub struct Context<'r, 'a> {
    pub reading: &'r Reading<'a>,
    pub incoming: &'r Incoming,
    pub profile: &'r Profile,
    pub platform: Platform,
    pub reply_lang: Lang,
    pub ui: Lang,
    pub length: &'r Length,
    pub over_at: Option<usize>,
}

struct Out<'c> {
    ui: Lang,
    findings: Vec<Finding>,
    _c: std::marker::PhantomData<&'c ()>,
}

impl Out<'_> {
    fn push(
        &mut self,
        id: RuleId,
        vars: &[(&str, String)],
        span: Option<Span>,
        replacement: Option<String>,
    ) {
        let rule = id.rule();
        self.findings.push(Finding {
            rule: Text::Borrowed(id.name()),
            severity: rule.severity,
            message: fill(rule.message.get(self.ui), vars),
            explanation: Text::Borrowed(rule.explanation.get(self.ui)),
            span,
            replacement,
        });
    }
}

fn text_of(doc: &Doc, r: TokenRange) -> String {
    let (a, b) = doc.byte_range(r);
    doc.source[a..b].to_string()
}

/// A deletion of tokens `r` that also takes the separator after it (", ", " "), or the
/// space before it when it ends a sentence, so the rest reads clean.
pub fn deletion_span(doc: &Doc, r: TokenRange) -> Span {
    let src = doc.source;
    // deleting a whole sentence takes its full stop too
    let mut r = r;
    if let Some(s) = doc.sentence_of(r.start) {
        let first_word =
            (s.tokens.start..s.tokens.end).find(|&i| doc.tokens[i].kind != TokenKind::Punct);
        let rest_is_terminal = (r.end..s.tokens.end)
            .all(|i| matches!(doc.tokens[i].kind, TokenKind::Terminal | TokenKind::Newline));
        if first_word == Some(r.start) && rest_is_terminal {
            r.end = s.tokens.end;
        }
    }
    let (a, mut b) = doc.byte_range(r);
    // swallow a following comma/colon and the whitespace after it
    let rest = &src[b..];
    let trimmed = rest.trim_start_matches([',', ':', ';']);
    let after_punct = b + (rest.len() - trimmed.len());
    // spaces only: a line break stays, or the lines around it would run together
    let blank = |c: char| c.is_whitespace() && c != '\n' && c != '\r';
    let ws = trimmed.len() - trimmed.trim_start_matches(blank).len();
    let mut a2 = a;
    if ws > 0 || after_punct == src.len() {
        b = after_punct + ws;
    } else {
        // nothing follows on this line: take the spaces before instead
        let before = &src[..a];
        a2 = before.trim_end_matches(blank).len();
    }
    [doc.utf16_of_byte(a2), doc.utf16_of_byte(b)]
}

/// Deletes a phrase, or its whole clause (or sentence) when what would be left of the
/// clause says nothing ("Unfortunately there is nothing we can do" must not become
/// "Unfortunately there is").
pub fn phrase_deletion(reading: &Reading, hit: TokenRange) -> Span {
    let doc = &reading.doc;
    let clause = doc.clause_of(hit.start).unwrap_or(hit);
    let left = (clause.start..clause.end)
        .filter(|&i| !hit.contains(i))
        .filter(|&i| {
            let t = &doc.tokens[i];
            is_fact(t) || (t.is_word() && !reading.lx.has_word(List::Stop, &t.norm))
        })
        .count();
    if left < 2 {
        deletion_span(doc, removal_range(reading, hit))
    } else {
        deletion_span(doc, hit)
    }
}

/// A token the agent's reply must keep: a number, link, e-mail, @mention or #hashtag.
pub fn is_fact(t: &crate::text::Token) -> bool {
    (t.is_word() && t.has_digit())
        || matches!(
            t.kind,
            TokenKind::Url | TokenKind::Email | TokenKind::Mention | TokenKind::Hashtag
        )
}

/// A clause without the sentence's closing punctuation, which stays when the clause goes.
fn without_closing_stop(doc: &Doc, clause: TokenRange) -> TokenRange {
    let mut c = clause;
    while c.end > c.start + 1 && doc.tokens[c.end - 1].kind == TokenKind::Terminal {
        c.end -= 1;
    }
    c
}

fn has_fact_outside(doc: &Doc, range: TokenRange, hit: TokenRange) -> bool {
    (range.start..range.end.min(doc.tokens.len()))
        .any(|i| !hit.contains(i) && is_fact(&doc.tokens[i]))
}

/// What to remove for a finding about `hit`: its whole sentence when the sentence says
/// nothing else of use, else just its clause (with the conjunction that opened it).
pub fn removal_range(reading: &Reading, hit: TokenRange) -> TokenRange {
    // never take a fact (number, link, e-mail, mention) that is not part of the hit
    let doc = &reading.doc;
    let widest = removal_range_unchecked(reading, hit);
    if !has_fact_outside(doc, widest, hit) {
        return widest;
    }
    let clause = doc.clause_of(hit.start).unwrap_or(hit);
    if !has_fact_outside(doc, clause, hit) {
        return without_closing_stop(doc, clause);
    }
    hit
}

fn removal_range_unchecked(reading: &Reading, hit: TokenRange) -> TokenRange {
    let doc = &reading.doc;
    let Some(sentence) = doc.sentence_of(hit.start) else {
        return hit;
    };
    let clause = doc.clause_of(hit.start).unwrap_or(hit);
    let [cs, ce] = doc.span(clause);
    let other_content = reading.strategies.iter().any(|o| {
        let [s, e] = o.span;
        let [ss, se] = doc.span(sentence.tokens);
        s >= ss && e <= se && (e <= cs || s >= ce)
    });
    if other_content {
        without_closing_stop(doc, clause)
    } else {
        // keep a greeting (with the clause it opens: "Beste klant,") or a signature
        // that shares the sentence
        let mut r = sentence.tokens;
        if let Some(g) = reading
            .greeting
            .filter(|g| sentence.tokens.contains(g.start))
        {
            let greeting_clause = doc.clause_of(g.start).unwrap_or(g);
            if !greeting_clause.contains(hit.start) {
                r.start = greeting_clause.end;
            }
        }
        while r.start < r.end && reading.in_frame(r.start) {
            r.start += 1;
        }
        while r.start < r.end && reading.in_frame(r.end - 1) {
            r.end -= 1;
        }
        // skip the separator after a greeting ("Hi Noah, …")
        while r.start < r.end && doc.tokens[r.start].kind == TokenKind::Punct {
            r.start += 1;
        }
        r
    }
}

/// Upper-cases the first letter when `at` starts a sentence in `text` (for replacements).
fn sentence_case(doc: &Doc, at_token: usize, replacement: &str) -> String {
    let starts_sentence = doc.sentences.iter().any(|s| {
        (s.tokens.start..s.tokens.end)
            .find(|&i| !matches!(doc.tokens[i].kind, TokenKind::Punct | TokenKind::Mention))
            == Some(at_token)
    });
    if starts_sentence {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

/// The insertion point right after the greeting and name ("Hoi Sonja, |…"), or the start
/// of the body; returns the UTF-16 offset.
pub fn after_greeting(reading: &Reading) -> usize {
    let doc = &reading.doc;
    let mut end_tok = match (reading.greeting, reading.addressee) {
        (Some(g), Some(a)) if a.start == g.end => a.end,
        (Some(g), _) => g.end,
        _ => {
            let i = doc
                .tokens
                .iter()
                .position(|t| t.kind != TokenKind::Mention && t.kind != TokenKind::Newline)
                .unwrap_or(doc.tokens.len());
            return doc
                .tokens
                .get(i)
                .map(|t| t.utf16.0)
                .unwrap_or(doc.utf16_len);
        }
    };
    while end_tok < doc.tokens.len()
        && matches!(
            doc.tokens[end_tok].kind,
            TokenKind::Punct | TokenKind::Terminal
        )
    {
        end_tok += 1;
    }
    match doc.tokens.get(end_tok) {
        Some(t) => t.utf16.0,
        None => doc.utf16_len,
    }
}

/// The agent's signature as the profile styles it, or `None` without an agent name.
pub fn signature_text(profile: &Profile, lang: Lang) -> Option<String> {
    // Only what reads as a name or initials signs: letters (and - ' .), so that odd
    // settings ("0", "<b>Pim</b>", "Bakkerij Van Dam" as initials) never sign a reply
    // with something the engine would not recognise as a signature.
    let is_name = |w: &&str| {
        let mut letters = w.chars().filter(|c| !matches!(c, '-' | '\'' | '.'));
        w.chars().next().is_some_and(char::is_alphabetic)
            && letters.all(char::is_alphabetic)
            && w.chars().any(char::is_alphabetic)
    };
    let core = |w: &str| w.trim_matches(|c: char| !c.is_alphabetic()).to_string();
    let first = profile
        .agent_name
        .as_deref()
        .and_then(|n| n.split_whitespace().next())
        .filter(is_name);
    let initials = profile
        .agent_initials
        .as_deref()
        .map(str::trim)
        .filter(|i| i.chars().count() <= 4 && !i.contains(char::is_whitespace))
        .filter(is_name);
    // only the letters of the name: "O'Neill" stays, "Pim." becomes "Pim"
    let (first, initials) = (
        first.map(core).filter(|s| !s.is_empty()),
        initials.map(core).filter(|s| !s.is_empty()),
    );
    match profile.signature_style {
        SignatureStyle::Caret => initials.or(first).map(|s| format!("^{s}")),
        SignatureStyle::Dash => first.or(initials).map(|s| format!("- {s}")),
        SignatureStyle::Greeting => first
            .or(initials)
            .map(|s| lexicon(lang).template(Template::SignatureGreeting, &[("name", &s)])),
    }
}

fn sentence_has_time(reading: &Reading, r: TokenRange) -> bool {
    let doc = &reading.doc;
    let Some(s) = doc.sentence_of(r.start) else {
        return false;
    };
    (s.tokens.start..s.tokens.end).any(|i| {
        let t = &doc.tokens[i];
        t.is_word()
            && (crate::lexicon::is_time(&t.norm) || reading.lx.has_word(List::Weekday, &t.norm))
    }) || reading.hits(Category::AppliedMarker).iter().any(|h| {
        s.tokens.contains(h.range.start)
            && !reading.doc.tokens[h.range.start].norm.starts_with("ik")
    })
}

/// Dutch register: which pronouns the reply uses.
pub fn register_counts(reading: &Reading) -> (usize, usize) {
    let lx = reading.lx;
    let mut formal = 0;
    let mut informal = 0;
    for (i, t) in reading.doc.words() {
        if reading.signature.map(|s| s.contains(i)).unwrap_or(false) {
            continue;
        }
        if lx.has_word(List::FormalPronoun, &t.norm) {
            formal += 1;
        } else if lx.has_word(List::InformalPronoun, &t.norm) {
            informal += 1;
        }
    }
    (formal, informal)
}

fn first_pronoun(reading: &Reading, list: List) -> Option<TokenRange> {
    reading
        .doc
        .words()
        .find(|(_, t)| reading.lx.has_word(list, &t.norm))
        .map(|(i, _)| TokenRange {
            start: i,
            end: i + 1,
        })
}

/// Runs every rule over the reading.
pub fn check(c: &Context) -> Vec<Finding> {
    let r = c.reading;
    let doc = &r.doc;
    let mut out = Out {
        ui: c.ui,
        findings: Vec::new(),
        _c: std::marker::PhantomData,
    };
    if doc.is_empty() {
        return out.findings;
    }
    let whole: Span = [0, doc.utf16_len];
    let complaint = c.incoming.kind == Kind::Complaint;

    // commercial-reply (not when the customer asked about offers: then it is an answer)
    for s in r
        .commercial_sentences
        .iter()
        .filter(|_| !c.incoming.asks_commercial)
    {
        let range = removal_range(r, *s);
        out.push(
            RuleId::CommercialReply,
            &[],
            Some(deletion_span(doc, range)),
            Some(String::new()),
        );
    }

    // anonymous-reply
    if !r.has_element(Element::Signature) && !r.has_element(Element::FirstPersonSingular) {
        match signature_text(c.profile, c.reply_lang) {
            Some(sig) => {
                let end = doc.utf16_len;
                // trailing whitespace in UTF-16 units (it may be U+2000 and the like)
                let trailing_ws =
                    crate::text::utf16_len(&doc.source[doc.source.trim_end().len()..]);
                let at = end - trailing_ws;
                out.push(
                    RuleId::AnonymousReply,
                    &[],
                    Some([at, end]),
                    Some(format!(" {sig}")),
                );
            }
            None => out.push(RuleId::AnonymousReply, &[], Some(whole), None),
        }
    }

    // late-reply
    if c.incoming.late {
        let age = c.incoming.age_minutes.unwrap_or(0.0);
        out.push(
            RuleId::LateReply,
            &[
                ("age", duration(age, c.ui)),
                (
                    "norm",
                    duration(c.incoming.response_time_norm_minutes as f64, c.ui),
                ),
            ],
            None,
            None,
        );
    }

    // unkeepable-promise: absolute promises always; vague ones unless tied to a time
    let mut promise_ranges: Vec<TokenRange> = Vec::new();
    for h in r.hits(Category::PromiseAbsolute).iter().chain(
        r.hits(Category::PromiseVague)
            .iter()
            .filter(|h| !sentence_has_time(r, h.range)),
    ) {
        let range = removal_range(r, h.range);
        if promise_ranges
            .iter()
            .any(|p| p.start < range.end && range.start < p.end)
        {
            continue;
        }
        promise_ranges.push(range);
        out.push(
            RuleId::UnkeepablePromise,
            &[("text", text_of(doc, h.range))],
            Some(deletion_span(doc, range)),
            Some(String::new()),
        );
    }

    // denial (only against a complaint or remark; correcting a question's premise is fine)
    if c.incoming.kind != Kind::Question {
        for h in r.hits(Category::Denial) {
            let replacement =
                r.lx.phrases(Category::Denial)
                    .pattern(h.pattern)
                    .replacement
                    .clone()
                    .unwrap_or_default();
            let (span, rep) = if replacement.is_empty() {
                (phrase_deletion(r, h.range), String::new())
            } else {
                (
                    doc.span(h.range),
                    sentence_case(doc, h.range.start, &replacement),
                )
            };
            out.push(
                RuleId::Denial,
                &[("text", text_of(doc, h.range))],
                Some(span),
                Some(rep),
            );
        }
    }

    // irritation
    for h in r.hits(Category::Irritation) {
        let replacement =
            r.lx.phrases(Category::Irritation)
                .pattern(h.pattern)
                .replacement
                .clone();
        if c.reply_lang == Lang::Nl && replacement.as_deref() == Some("") {
            if let Some((span, rep)) = dutch_fronted_deletion(doc, h.range) {
                let text = text_of(doc, h.range);
                out.push(RuleId::Irritation, &[("text", text)], Some(span), Some(rep));
                continue;
            }
        }
        let (span, rep) = match replacement {
            Some(rep) if !rep.is_empty() => {
                (doc.span(h.range), sentence_case(doc, h.range.start, &rep))
            }
            Some(_) => (phrase_deletion(r, h.range), String::new()),
            None => (deletion_span(doc, removal_range(r, h.range)), String::new()),
        };
        out.push(
            RuleId::Irritation,
            &[("text", text_of(doc, h.range))],
            Some(span),
            Some(rep),
        );
    }

    // personal-data-request: a request for personal data outside a private channel
    let (requests, information_requests, personal_data, public_channels) = (
        r.hits(Category::Request),
        r.hits(Category::InformationRequest),
        r.hits(Category::PersonalData),
        r.hits(Category::PublicChannel),
    );
    for s in &doc.sentences {
        let asks = s.question
            || requests.iter().any(|h| s.tokens.contains(h.range.start))
            || information_requests
                .iter()
                .any(|h| s.tokens.contains(h.range.start));
        let data = personal_data
            .iter()
            .any(|h| s.tokens.contains(h.range.start));
        if !asks || !data {
            continue;
        }
        let public: Vec<&Hit> = public_channels
            .iter()
            .filter(|h| s.tokens.contains(h.range.start))
            .collect();
        let private = doc.tokens[s.tokens.start..s.tokens.end]
            .iter()
            .any(|t| t.is_word() && r.lx.has_word(List::PrivateChannel, &t.norm));
        if private && public.is_empty() {
            continue;
        }
        let (a, b) = doc.byte_range(s.tokens);
        let sentence_text = &doc.source[a..b];
        let fixed = match public.first() {
            Some(first) => {
                // the first public phrase becomes the private channel, the others go
                let mut t = String::new();
                let mut last = a;
                for h in &public {
                    let (ha, hb) = doc.byte_range(h.range);
                    t.push_str(&doc.source[last..ha]);
                    if std::ptr::eq(*h, *first) {
                        let rep =
                            r.lx.phrases(Category::PublicChannel)
                                .pattern(h.pattern)
                                .replacement
                                .clone();
                        t.push_str(&rep.unwrap_or_default());
                    }
                    last = hb;
                }
                t.push_str(&doc.source[last..b]);
                t
            }
            None => {
                // before the sentence's closing punctuation and emoji ("bsn? 😊")
                let mut k = s.tokens.end;
                while k > s.tokens.start
                    && matches!(
                        doc.tokens[k - 1].kind,
                        TokenKind::Terminal | TokenKind::Emoji | TokenKind::Newline
                    )
                {
                    k -= 1;
                }
                let cut = if k < s.tokens.end {
                    doc.tokens[k].byte.0 - a
                } else {
                    sentence_text.len()
                };
                let body = sentence_text[..cut].trim_end();
                let tail = &sentence_text[body.len()..];
                let via = if c.reply_lang == Lang::Nl {
                    " via een DM"
                } else {
                    " via DM"
                };
                format!("{body}{via}{tail}")
            }
        };
        out.push(
            RuleId::PersonalDataRequest,
            &[],
            Some(doc.span(s.tokens)),
            Some(fixed),
        );
    }

    // personal-data-exposed
    let items = pii::scan(doc);
    let mut done: Vec<TokenRange> = Vec::new();
    for item in &items {
        let clause = doc.clause_of(item.range.start).unwrap_or(item.range);
        // one finding per item, unless a contact clause already took it
        if done
            .iter()
            .any(|d| d.start < item.range.end && item.range.start < d.end)
        {
            continue;
        }
        let contact_clause = matches!(item.kind, PiiKind::Phone | PiiKind::Email)
            && r.hits(Category::Referral)
                .iter()
                .any(|h| clause.contains(h.range.start));
        let kinds: Vec<&str> = {
            let mut k: Vec<&str> = Vec::new();
            for it in items.iter().filter(|it| clause.contains(it.range.start)) {
                let l = pii_label(it.kind, c.ui);
                if !k.contains(&l) {
                    k.push(l);
                }
            }
            k
        };
        if contact_clause {
            done.push(clause);
            let invite = r.lx.template(Template::DmInvite, &[]);
            let mut clause_start = clause;
            while clause_start.start < clause_start.end
                && doc.tokens[clause_start.start].kind == TokenKind::Punct
            {
                clause_start.start += 1;
            }
            let rep = sentence_case(doc, clause_start.start, &invite);
            out.push(
                RuleId::PersonalDataExposed,
                &[("what", kinds.join(", "))],
                Some(doc.span(clause_start)),
                Some(rep),
            );
        } else {
            done.push(item.range);
            let masked = mask(&text_of(doc, item.range));
            out.push(
                RuleId::PersonalDataExposed,
                &[("what", pii_label(item.kind, c.ui).to_string())],
                Some(doc.span(item.range)),
                Some(masked),
            );
        }
    }

    // register-mismatch / mixed-register (Dutch)
    if c.reply_lang == Lang::Nl {
        let (formal, informal) = register_counts(r);
        let customer = if c.incoming.language == Some(Lang::Nl) {
            c.incoming.register
        } else {
            Register::Unknown
        };
        let mismatch = match customer {
            Register::Informal if formal > 0 => Some(("je", "u", List::FormalPronoun)),
            Register::Formal if informal > 0 => Some(("u", "je", List::InformalPronoun)),
            _ => None,
        };
        if let Some((theirs, yours, list)) = mismatch {
            let target = if theirs == "u" {
                Register::Formal
            } else {
                Register::Informal
            };
            let converted = crate::register::convert_doc(doc, target, r.lx);
            let vars = [("theirs", theirs.to_string()), ("yours", yours.to_string())];
            if converted != doc.source {
                out.push(
                    RuleId::RegisterMismatch,
                    &vars,
                    Some(whole),
                    Some(converted),
                );
            } else {
                let span = first_pronoun(r, list).map(|t| doc.span(t)).unwrap_or(whole);
                out.push(RuleId::RegisterMismatch, &vars, Some(span), None);
            }
        } else if formal > 0 && informal > 0 {
            let target = if formal > informal {
                Register::Formal
            } else {
                Register::Informal
            };
            let converted = crate::register::convert_doc(doc, target, r.lx);
            out.push(
                RuleId::MixedRegister,
                &[],
                Some(whole),
                (converted != doc.source).then_some(converted),
            );
        }
    }

    // humor-on-complaint
    if complaint {
        let mut seen: Vec<TokenRange> = Vec::new();
        for h in r.hits(Category::Humor) {
            let range = removal_range(r, h.range);
            if seen.contains(&range) {
                continue;
            }
            seen.push(range);
            out.push(
                RuleId::HumorOnComplaint,
                &[],
                Some(deletion_span(doc, range)),
                Some(String::new()),
            );
        }
    }

    // language-mismatch
    if let Some(post_lang) = c.incoming.language {
        if let Some(reply_lang) = detect_language(doc) {
            if reply_lang != post_lang {
                let names = &book().interface.language_name;
                let name = |l: Lang| -> String { names.get(l).get(c.ui).to_string() };
                out.push(
                    RuleId::LanguageMismatch,
                    &[
                        ("post_lang", name(post_lang)),
                        ("reply_lang", name(reply_lang)),
                    ],
                    Some(whole),
                    None,
                );
            }
        }
    }

    // too-long
    if let Some(at) = c.over_at {
        let platform = match c.platform {
            Platform::X => "X",
            Platform::Facebook => "Facebook",
        };
        out.push(
            RuleId::TooLong,
            &[
                ("counted", c.length.counted.to_string()),
                ("limit", c.length.limit.to_string()),
                ("platform", platform.to_string()),
                ("over", (c.length.counted - c.length.limit).to_string()),
            ],
            Some([at, doc.utf16_len]),
            None,
        );
    }

    // no-empathy / dm-without-acknowledgement / no-next-step / emoji-on-complaint
    if complaint {
        let empathy = r.has_strategy(Strategy::Sympathy) || r.has_strategy(Strategy::Apology);
        let at = after_greeting(r);
        let sympathy_text = {
            let t = r.lx.template(Template::Sympathy, &[]);
            let at_start = r.greeting.is_none();
            format!("{} ", if at_start { capitalise(&t) } else { t })
        };
        if !empathy {
            out.push(
                RuleId::NoEmpathy,
                &[],
                Some([at, at]),
                Some(sympathy_text.clone()),
            );
        }
        let dm = !r.hits(Category::DmRequest).is_empty();
        let substance = [
            Strategy::AppliedInformation,
            Strategy::GeneralInformation,
            Strategy::CorrectiveAction,
            Strategy::Compensation,
            Strategy::Justification,
        ]
        .iter()
        .any(|&s| r.has_strategy(s));
        if dm && !empathy && !substance {
            out.push(
                RuleId::DmWithoutAcknowledgement,
                &[],
                Some([at, at]),
                Some(sympathy_text),
            );
        }
        if ![
            Strategy::CorrectiveAction,
            Strategy::InformationRequest,
            Strategy::Compensation,
            Strategy::Referral,
            Strategy::AppliedInformation,
            Strategy::GeneralInformation,
        ]
        .iter()
        .any(|&s| r.has_strategy(s))
        {
            out.push(RuleId::NoNextStep, &[], Some(whole), None);
        }
        let emoji: Vec<&crate::text::Token> = doc
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Emoji)
            .collect();
        if emoji.len() >= 2 {
            let span = [emoji[0].utf16.0, emoji[emoji.len() - 1].utf16.1];
            out.push(
                RuleId::EmojiOnComplaint,
                &[("count", emoji.len().to_string())],
                Some(span),
                None,
            );
        }
    }

    // corporate-phrase
    for h in r.hits(Category::Corporate) {
        let rep =
            r.lx.phrases(Category::Corporate)
                .pattern(h.pattern)
                .replacement
                .clone()
                .unwrap_or_default();
        let shown = if rep.is_empty() {
            book().interface.leave_it_out.get(c.ui).to_string()
        } else {
            rep.clone()
        };
        let (span, rep) = if rep.is_empty() {
            (phrase_deletion(r, h.range), String::new())
        } else {
            let first = doc.tokens[h.range.start].text(doc.source);
            let keep_case = first
                .chars()
                .next()
                .map(char::is_uppercase)
                .unwrap_or(false);
            (
                doc.span(h.range),
                if keep_case { capitalise(&rep) } else { rep },
            )
        };
        out.push(
            RuleId::CorporatePhrase,
            &[("text", text_of(doc, h.range)), ("replacement", shown)],
            Some(span),
            Some(rep),
        );
    }

    // not-personalised
    if let Some(name) = c.incoming.first_name.as_deref() {
        if !r.has_element(Element::AddresseeName) {
            let (span, rep) = match r.greeting {
                Some(g) => {
                    let end = doc.tokens[g.end - 1].utf16.1;
                    ([end, end], format!(" {name}"))
                }
                None => {
                    let at = after_greeting(r);
                    let formal =
                        c.incoming.register == Register::Formal && c.reply_lang == Lang::Nl;
                    let greeting = r.lx.template(
                        if formal {
                            Template::GreetingFormal
                        } else {
                            Template::Greeting
                        },
                        &[("name", name)],
                    );
                    ([at, at], format!("{greeting} "))
                }
            };
            out.push(
                RuleId::NotPersonalised,
                &[("name", name.to_string())],
                Some(span),
                Some(rep),
            );
        }
    }

    // respond-not-advised
    if c.incoming.advice == Advice::DontRespond {
        let reason = c
            .incoming
            .advice_reason
            .map(|r| {
                book()
                    .interface
                    .not_advised_because
                    .get(r)
                    .get(c.ui)
                    .as_str()
            })
            .unwrap_or("");
        out.push(
            RuleId::RespondNotAdvised,
            &[("reason", reason.to_string())],
            None,
            None,
        );
    }

    // custom rules from the profile
    for rule in &c.profile.custom_rules {
        if rule.language.map(|l| l != c.reply_lang).unwrap_or(false) {
            continue;
        }
        let Some(pattern) = Pattern::literal(&rule.phrase, rule.replacement.clone()) else {
            continue;
        };
        let set = PhraseSet::new(vec![pattern]);
        // where the preferred wording already stands, its words are not flagged again
        // ("thanks" → "many thanks" must not become "many many thanks")
        let preferred_already: Vec<TokenRange> = rule
            .replacement
            .as_deref()
            .and_then(|rep| Pattern::literal(rep, None))
            .map(|p| {
                PhraseSet::new(vec![p])
                    .find(doc)
                    .into_iter()
                    .map(|h| h.range)
                    .collect()
            })
            .unwrap_or_default();
        for h in set.find(doc) {
            // the agent's own signature is not the team's wording
            if r.signature.is_some_and(|sig| sig.contains(h.range.start)) {
                continue;
            }
            if preferred_already
                .iter()
                .any(|p| p.start <= h.range.start && h.range.end <= p.end)
            {
                continue;
            }
            let text = text_of(doc, h.range);
            let before = out.findings.len();
            match rule.replacement.as_deref() {
                Some(rep) => {
                    let rep = sentence_case(doc, h.range.start, rep);
                    out.push(
                        RuleId::CustomPreferredPhrase,
                        &[("text", text), ("replacement", rep.clone())],
                        Some(doc.span(h.range)),
                        Some(rep),
                    );
                }
                None => out.push(
                    RuleId::CustomBannedPhrase,
                    &[("text", text)],
                    Some(deletion_span(doc, h.range)),
                    Some(String::new()),
                ),
            }
            if let (Some(msg), Some(f)) = (
                rule.message.as_deref().filter(|m| !m.trim().is_empty()),
                out.findings.get_mut(before),
            ) {
                f.message = msg.trim().to_string();
            }
        }
    }

    // every span on grapheme boundaries: a stray combining mark or joiner goes with
    // the text it follows
    for f in &mut out.findings {
        if let Some([a, b]) = f.span {
            f.span = Some(doc.snap_span([a, b]));
        }
    }
    out.findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.span.map(|s| s[0]).cmp(&b.span.map(|s| s[0])))
    });
    out.findings
}

/// Dutch puts the verb second: deleting a fronted phrase ("Zoals gezegd werken we…")
/// leaves the verb first, so the fix also swaps verb and subject ("We werken…").
fn dutch_fronted_deletion(doc: &Doc, hit: TokenRange) -> Option<(Span, String)> {
    const SUBJECTS: &[&str] = &[
        "we", "wij", "ik", "je", "jij", "u", "het", "dit", "dat", "alles", "ze", "zij", "hij",
        "er", "jullie",
    ];
    let s = doc.sentence_of(hit.start)?;
    let first = (s.tokens.start..s.tokens.end).find(|&i| doc.tokens[i].is_word())?;
    if first != hit.start {
        return None;
    }
    let mut v = hit.end;
    while v < s.tokens.end && doc.tokens[v].kind == TokenKind::Punct {
        v += 1;
    }
    let subj = v + 1;
    let (verb, subject) = (doc.tokens.get(v)?, doc.tokens.get(subj)?);
    if !verb.is_word()
        || !subject.is_word()
        || !SUBJECTS.contains(&subject.norm.as_str())
        || subj >= s.tokens.end
    {
        return None;
    }
    let start = doc.tokens[hit.start].utf16.0;
    let end = subject.utf16.1;
    Some((
        [start, end],
        format!(
            "{} {}",
            capitalise(subject.text(doc.source)),
            verb.text(doc.source).to_lowercase()
        ),
    ))
}

/// "06-12345678" → "06-••••••78": enough to recognise, not enough to use.
fn mask(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i < 2 || i + 2 >= n || !c.is_alphanumeric() {
                c
            } else {
                '•'
            }
        })
        .collect()
}

fn duration(minutes: f64, ui: Lang) -> String {
    let m = minutes.max(0.0).round() as u64;
    let (d, h, min) = (m / 1440, (m % 1440) / 60, m % 60);
    let units = &book().interface.duration;
    let (ud, uh, um) = (units.day.get(ui), units.hour.get(ui), units.minute.get(ui));
    if d > 0 {
        format!("{d}{ud} {h}{uh}")
    } else if h > 0 && min > 0 {
        format!("{h}{uh} {min}{um}")
    } else if h > 0 {
        format!("{h}{uh}")
    } else {
        format!("{min} {um}")
    }
}

/// What personal data `kind` is, in the interface language.
fn pii_label(kind: PiiKind, ui: Lang) -> &'static str {
    let labels = &book().interface.personal_data;
    match kind {
        PiiKind::Phone => &labels.phone,
        PiiKind::Email => &labels.email,
        PiiKind::Iban => &labels.iban,
        PiiKind::Address => &labels.address,
    }
    .get(ui)
}
