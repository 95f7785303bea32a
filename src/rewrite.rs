//! The whole-reply rewrite, in the reply's language: apply the findings' fixes, then add
//! what a human reply has and this one lacks (greeting with the first name, sympathy
//! first on a complaint, the customer's form of address, the agent's signature), keeping
//! every fact the agent wrote and inventing none. The result is re-analysed: fixes are
//! applied again until no error remains (at most three rounds).

use std::rc::Rc;

use crate::lexicon::{List, Template};
use crate::model::*;
use crate::reply::{Element, Strategy};
use crate::rulebook::{FixKind, RuleId};
use crate::text::{byte_of_utf16, Doc, TokenKind};

/// Drafts longer than this (UTF-16 units; Facebook's limit is 8,000 characters) get no
/// whole-reply rewrite: the findings and their fixes still apply.
pub const MAX_REWRITE_UNITS: usize = 10_000;

/// The finding's rule has a fix of `kind` (`data/rules/<id>.toml`: `fix.kind`).
fn fixes(f: &Finding, kind: FixKind) -> bool {
    RuleId::from_name(&f.rule).is_some_and(|id| id.rule().fix_kind() == Some(kind))
}

/// The fixes that edit the reply's words (the rewrite adds its own frame).
fn edits_content(f: &Finding) -> bool {
    fixes(f, FixKind::Content)
}

/// Applies the non-overlapping fixes of the `findings` that `apply` chooses, most severe
/// first; returns the new text.
pub fn apply_fixes(text: &str, findings: &[Finding], apply: impl Fn(&Finding) -> bool) -> String {
    let mut chosen: Vec<(Span, &str)> = Vec::new();
    let mut ordered: Vec<&Finding> = findings.iter().filter(|f| apply(f)).collect();
    ordered.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in ordered {
        let (Some(span), Some(rep)) = (f.span, f.replacement.as_deref()) else {
            continue;
        };
        if chosen
            .iter()
            .any(|(s, _)| s[0] < span[1] && span[0] < s[1] || (s[0] == s[1] && s[0] == span[0]))
        {
            continue;
        }
        chosen.push((span, rep));
    }
    // byte offsets of every span in one pass over the original text, then the edits
    // from right to left so that earlier offsets stay valid
    let mut units: Vec<usize> = chosen.iter().flat_map(|(s, _)| [s[0], s[1]]).collect();
    units.sort_unstable();
    units.dedup();
    let bytes = crate::text::bytes_of_utf16(text, &units);
    let byte = |u: usize| {
        units
            .binary_search(&u)
            .map(|k| bytes[k])
            .unwrap_or(text.len())
    };
    chosen.sort_by(|a, b| b.0[0].cmp(&a.0[0]));
    let mut out = text.to_string();
    for (span, rep) in chosen {
        let (a, b) = (byte(span[0]), byte(span[1]));
        if a <= b && b <= out.len() {
            out.replace_range(a..b, rep);
        }
    }
    out
}

/// Cleans up after edits: double spaces, space before punctuation, orphan punctuation,
/// and a capital at the start of each sentence.
pub fn tidy(text: &str) -> String {
    capitalise_sentences(&tidy_lines(text))
}

/// The spacing and punctuation half of [`tidy`], line by line, in one buffer: every
/// character it drops or looks at is ASCII, so it works on bytes and copies the other
/// characters whole.
fn tidy_lines(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push(b'\n');
        }
        let start = out.len();
        for &b in line.as_bytes() {
            // the last byte of this line so far
            let last = |out: &Vec<u8>| (out.len() > start).then(|| out[out.len() - 1]);
            if b == b' ' && last(&out) == Some(b' ') {
                continue;
            }
            if matches!(b, b',' | b'.' | b'!' | b'?' | b';' | b':') && last(&out) == Some(b' ') {
                out.pop();
                // what an edit left behind: "werken. ." → "werken."
                if matches!(last(&out), Some(b'.' | b'!' | b'?'))
                    && matches!(b, b'.' | b',' | b';' | b':')
                {
                    continue;
                }
            }
            // ", ." → "."  and ",," → ","
            if matches!(b, b'.' | b'!' | b'?') && last(&out) == Some(b',') {
                out.pop();
            }
            if b == b',' && matches!(last(&out), Some(b',' | b'.' | b'!' | b'?')) {
                continue;
            }
            out.push(b);
        }
        // the line without its outer spaces and without punctuation at its start
        let line = std::str::from_utf8(&out[start..]).expect("only ASCII bytes were removed");
        let kept = line
            .trim()
            .trim_start_matches([',', ';', ':', '.', '!', '?'])
            .trim_start();
        let from = start + (kept.as_ptr() as usize - line.as_ptr() as usize);
        let len = kept.len();
        out.copy_within(from..from + len, start);
        out.truncate(start + len);
    }
    String::from_utf8(out).expect("only ASCII bytes were removed")
}

/// The capitals half of [`tidy`]: a capital after each sentence end and at the start of
/// the body (after @mentions), not in links, e-mail addresses or domains.
fn capitalise_sentences(joined: &str) -> String {
    let bytes = joined.as_bytes();
    let mut out = String::with_capacity(joined.len());
    let mut cap_next = true;
    let mut in_mention = false;
    let mut last: Option<char> = None;
    let mut pos = 0;
    while pos < bytes.len() {
        let at = pos;
        // ASCII without decoding (most characters); the others whole
        let c = if bytes[at] < 0x80 {
            pos += 1;
            bytes[at] as char
        } else {
            let c = joined[at..].chars().next().expect("a char boundary");
            pos += c.len_utf8();
            c
        };
        if c == '@' && cap_next {
            in_mention = true;
        }
        if in_mention {
            out.push(c);
            last = Some(c);
            if c.is_whitespace() {
                in_mention = false;
            }
            continue;
        }
        if cap_next && c.is_alphabetic() {
            // not a link, e-mail address or domain: "https://…", "info@…", "bol.com"
            let word = joined[at..].split_whitespace().next().unwrap_or("");
            let is_link = word.contains("://")
                || word.contains('@')
                || word.contains('.')
                    && Doc::new(word)
                        .tokens
                        .first()
                        .is_some_and(|t| t.kind == TokenKind::Url);
            if is_link {
                out.push(c);
                last = Some(c);
            } else {
                let before = out.len();
                out.extend(c.to_uppercase());
                last = out[before..].chars().next_back();
            }
            cap_next = false;
            continue;
        }
        if c == '\n' || (c.is_whitespace() && matches!(last, Some('.' | '!' | '?'))) {
            cap_next = true;
        } else if matches!(c, '.' | '!' | '?') {
            // wait for the whitespace: "bol.com" and "9.30" stay as they are
        } else if !c.is_whitespace() && !matches!(c, '"' | '\'' | '(' | '^' | '-' | '–') {
            cap_next = false;
        }
        out.push(c);
        last = Some(c);
    }
    match out.trim() {
        t if t.len() == out.len() => out,
        t => t.to_string(),
    }
}

/// Lower-cases the first word of `rest` when it is an ordinary word capitalised only
/// because it started the reply ("Wij" → "wij"), so it can follow an inserted greeting.
fn decapitalise_common(rest: &str, lang: Lang) -> String {
    let first: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .collect();
    let lower = crate::text::normalise(&first);
    let lx = crate::lexicon::lexicon(lang);
    let common = (lx.has_word(List::Stop, &lower) || lx.has_word(List::Function, &lower))
        && !lx.has_word(List::CapitalWord, &lower)
        && !first.chars().skip(1).any(char::is_uppercase);
    if common && !first.is_empty() {
        crate::text::decapitalise(rest)
    } else {
        rest.to_string()
    }
}

/// Re-analyses candidate texts for the same post, remembering the last one (the rewrite
/// checks the same text several times).
struct Analyser<'e> {
    ex: &'e Exchange,
    base: &'e Report,
    last: Option<(String, Rc<Report>)>,
    memo: &'e mut crate::lexicon::HitMemo,
}

impl Analyser<'_> {
    fn get(&mut self, text: &str) -> Rc<Report> {
        if let Some((t, r)) = &self.last {
            if t == text {
                return Rc::clone(r);
            }
        }
        let r = Rc::new(crate::analysis::reanalyze(
            self.ex, text, self.base, self.memo,
        ));
        self.last = Some((text.to_string(), Rc::clone(&r)));
        r
    }
}

/// The user's own phrase lists mention words of `text` (banned or to be replaced): the
/// engine then does not add it.
fn user_avoids(ex: &Exchange, text: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        Doc::new(s)
            .tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.norm.to_string())
            .collect()
    };
    let inserted = words(text);
    ex.profile.custom_rules.iter().any(|r| {
        let phrase = words(&r.phrase);
        !phrase.is_empty()
            && inserted
                .windows(phrase.len())
                .any(|w| w == phrase.as_slice())
    })
}

/// Which parts of the frame to add (see [`add_frame`]).
#[derive(Clone, Copy)]
struct Frame {
    greeting: bool,
    late: bool,
    sympathy: bool,
    signature: bool,
}

/// The frame parts in priority order, each kept only while the reply still fits the
/// platform: stable, because a part that did not fit once will not fit a rewrite of the
/// rewrite either.
fn add_frame_within_limit(ex: &Exchange, text: &str, report: &Report) -> String {
    let fits = |t: &str| {
        let (len, _) =
            crate::length::measure(&Doc::new(t), ex.platform.unwrap_or(ex.profile.platform));
        len.counted <= len.limit
    };
    // the common case: the whole frame fits (parts only add text, so the greedy loop
    // below would choose all of them too)
    let all = Frame {
        greeting: true,
        late: true,
        sympathy: true,
        signature: true,
    };
    let whole = add_frame(ex, text, report, all);
    // (the report is `text`'s own: its length is known)
    let text_fits = report.length.counted <= report.length.limit;
    if whole == text || !text_fits || fits(&whole) {
        return whole;
    }
    let mut frame = Frame {
        greeting: false,
        late: false,
        sympathy: false,
        signature: false,
    };
    let mut best = text.to_string();
    for part in 0..4 {
        let mut trial = frame;
        match part {
            0 => trial.greeting = true,
            1 => trial.sympathy = true,
            2 => trial.signature = true,
            _ => trial.late = true,
        }
        let candidate = add_frame(ex, text, report, trial);
        if !text_fits || fits(&candidate) {
            frame = trial;
            best = candidate;
        }
    }
    best
}

/// Adds the human frame: greeting (with the first name), an apology for the wait when
/// late, sympathy first on a complaint, the signature (each of `parts` that is on).
fn add_frame(ex: &Exchange, text: &str, report: &Report, parts: Frame) -> String {
    let lang = report.language;
    let lx = crate::lexicon::lexicon(lang);
    // where the body starts (after @mentions)
    let body_at = crate::text::body_start(text).unwrap_or(text.len());
    // the greeting, or a name that opens the reply as one ("Kees, …")
    let body_start16 = (body_at < text.len()).then(|| crate::text::utf16_len(&text[..body_at]));
    let reading_greeting = Element::Greeting.span_in(report).or_else(|| {
        Element::AddresseeName
            .span_in(report)
            .filter(|s| Some(s[0]) == body_start16)
    });
    let name = report.incoming.first_name.as_deref();
    let complaint = report.incoming.kind == Kind::Complaint;
    let formal = lx.has_register() && report.incoming.register == Register::Formal;

    let (head, mut body) = (text[..body_at].to_string(), text[body_at..].to_string());

    let mut opening = String::new();
    let mut inserted_after_greeting = String::new();
    let mut name_at: Option<usize> = None;
    let addressed = Element::AddresseeName.in_report(report);
    match reading_greeting {
        // a reply that already uses the name elsewhere ("…, Maria!") needs no greeting
        None if !addressed && parts.greeting => {
            opening = match name {
                Some(n) => lx.template(
                    if formal {
                        Template::GreetingFormal
                    } else {
                        Template::Greeting
                    },
                    &[("name", n)],
                ),
                None => lx.template(Template::GreetingNoName, &[]),
            };
        }
        Some(span) if name.is_some() && !addressed && parts.greeting => {
            // "Hoi," → "Hoi Sonja," (inserted last: it comes before the other insertions)
            name_at = Some(byte_of_utf16(text, span[1]) - body_at);
        }
        _ => {}
    }
    // acknowledge the wait, unless the reply already says sorry (twice "sorry" reads
    // like a template)
    let says_sorry =
        Strategy::Apology.in_report(report) || (complaint && Strategy::Sympathy.in_report(report));
    if parts.late
        && report.incoming.late
        && !says_sorry
        && !user_avoids(ex, &lx.template(Template::Late, &[]))
    {
        inserted_after_greeting.push_str(&lx.template(Template::Late, &[]));
        inserted_after_greeting.push(' ');
    }
    if parts.sympathy
        && complaint
        && !Strategy::Sympathy.in_report(report)
        && !Strategy::Apology.in_report(report)
        && !user_avoids(ex, &lx.template(Template::Sympathy, &[]))
    {
        inserted_after_greeting.push_str(&lx.template(Template::Sympathy, &[]));
        inserted_after_greeting.push(' ');
    }
    if !inserted_after_greeting.is_empty() {
        // after the greeting and the name, or at the start of the body
        // after the greeting and the name (and the ", " after them), or at the start
        let at = match reading_greeting {
            Some(g) => {
                let name_end = report
                    .voice
                    .occurrences
                    .iter()
                    .find(|o| o.id == Element::AddresseeName.name() && o.span[0] >= g[1])
                    .map(|o| o.span[1]);
                let end = byte_of_utf16(text, name_end.filter(|&e| e <= g[1] + 40).unwrap_or(g[1]))
                    .saturating_sub(body_at);
                let end = end
                    + body[end..]
                        .find(|c: char| c.is_whitespace() || c.is_alphanumeric())
                        .unwrap_or(0);
                let rest = &body[end..];
                let rest_trimmed = rest.trim_start_matches([',', '!', '.', ':', ' ', '\u{a0}']);
                body.len() - rest_trimmed.len()
            }
            None => 0,
        };
        let (before, after) = body.split_at(at);
        // templates are written in lower case; a capital only where a sentence starts
        let inserted = if opening.is_empty() && reading_greeting.is_none() {
            crate::text::capitalise(&inserted_after_greeting)
        } else {
            inserted_after_greeting.clone()
        };
        body = format!("{before}{inserted}{}", decapitalise_common(after, lang));
    }
    if let (Some(at), Some(n)) = (name_at, name) {
        body.insert_str(at, &format!(" {n}"));
    }
    if !opening.is_empty() {
        body = format!("{opening} {}", decapitalise_common(&body, lang));
    }
    // "@FietsPlaats" + "Hoi," must not glue together
    let sep = if !head.is_empty() && !head.ends_with(char::is_whitespace) && !body.is_empty() {
        " "
    } else {
        ""
    };
    let mut out = format!("{head}{sep}{body}");
    if parts.signature && !Element::Signature.in_report(report) {
        if let Some(sig) = crate::fix::signature_text(&ex.profile, lang) {
            out = format!("{} {sig}", strip_department_closing(&out, lx).trim_end());
        }
    }
    tidy(&out)
}

/// Drops a closing that signs for a department ("Met vriendelijke groet, Klantenservice"),
/// which the agent's own signature replaces (brief §5: don't reply anonymously).
fn strip_department_closing(text: &str, lx: &crate::lexicon::Lexicon) -> String {
    let doc = Doc::new(text);
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

/// Puts a sentence before the signature (or at the end).
fn insert_before_signature(text: &str, report: &Report, sentence: &str) -> String {
    match Element::Signature.span_in(report) {
        Some(sig) => {
            let at = byte_of_utf16(text, sig[0]);
            let (a, b) = text.split_at(at);
            tidy(&format!("{} {sentence} {b}", a.trim_end()))
        }
        None => tidy(&format!("{} {sentence}", text.trim_end())),
    }
}

/// Drops fact-free justification and general-information sentences, longest first,
/// until the reply fits the platform's limit (or nothing more can go, or eight have
/// gone). Each round drops as many as the excess needs, measuring each candidate's
/// length, then checks the result (one analysis per round, not per sentence).
fn shorten(an: &mut Analyser, text: &str) -> String {
    let mut text = text.to_string();
    // at most eight sentences in all: a reply that needs more cut needs its writer
    let mut budget = 8;
    while budget > 0 {
        let report = an.get(&text);
        // dropping a sentence or two can fix a reply that runs a little over; one that
        // is far over needs the writer, not a guess
        if report.length.counted <= report.length.limit
            || report.length.counted > report.length.limit * 3 / 2
        {
            break;
        }
        let doc = Doc::new(&text);
        let mut droppable: Vec<(usize, usize)> = Vec::new(); // (UTF-16 length, sentence)
        for (k, s) in doc.sentences.iter().enumerate() {
            let [a, b] = doc.span(s.tokens);
            let inside: Vec<&str> = report
                .strategy_occurrences
                .iter()
                .filter(|o| o.span[0] < b && a < o.span[1])
                .map(|o| o.id.as_ref())
                .collect();
            let only_filler = !inside.is_empty()
                && inside.iter().all(|id| {
                    *id == Strategy::Justification.name()
                        || *id == Strategy::GeneralInformation.name()
                });
            let carries_fact = (s.tokens.start..s.tokens.end).any(|i| {
                let t = &doc.tokens[i];
                t.has_digit()
                    || matches!(
                        t.kind,
                        TokenKind::Url | TokenKind::Mention | TokenKind::Hashtag | TokenKind::Email
                    )
            });
            if only_filler && !carries_fact {
                droppable.push((b - a, k));
            }
        }
        if droppable.is_empty() {
            break;
        }
        // longest first (the later one of equal length first), until the text fits:
        // measuring a candidate's length is cheap, analysing it is not
        droppable.sort_by(|x, y| y.cmp(x));
        let platform = an.ex.platform.unwrap_or(an.ex.profile.platform);
        let mut chosen: Vec<usize> = Vec::new();
        let mut next = text.clone();
        for (_, k) in droppable.into_iter().take(budget) {
            budget -= 1;
            chosen.push(k);
            chosen.sort_unstable_by(|x, y| y.cmp(x));
            let mut candidate = text.clone();
            for &k in &chosen {
                let (a, b) = doc.byte_range(doc.sentences[k].tokens);
                candidate.replace_range(a..b, "");
            }
            next = tidy(&candidate);
            let (len, _) = crate::length::measure(&Doc::new(&next), platform);
            if len.counted <= len.limit {
                break;
            }
        }
        text = next;
    }
    text
}

/// Applies what the findings can still fix, until nothing changes (at most four
/// rounds): the customer's form of address first, then the content fixes; an error
/// without a fix has its span taken out.
fn settle(an: &mut Analyser, mut text: String) -> String {
    // fixes shorten or swap wording; a text that keeps growing means fixes feeding each
    // other (a user's replacement that contains its own phrase): stop there
    let bound = 2 * crate::text::utf16_len(&an.ex.reply) + 1_000;
    for _ in 0..4 {
        if crate::text::utf16_len(&text) > bound {
            break;
        }
        let check = an.get(&text);
        // a late fix can mix "je" into a "u" reply: settle the form of address first
        if let Some(converted) = check
            .findings
            .iter()
            .find(|f| fixes(f, FixKind::Register))
            .and_then(|f| f.replacement.clone())
        {
            if converted != text {
                text = converted;
                continue;
            }
        }
        let fixable = check
            .findings
            .iter()
            .any(|f| edits_content(f) && f.replacement.is_some() && f.span.is_some());
        if !fixable && !check.findings.iter().any(|f| f.severity == Severity::Error) {
            break;
        }
        let next = tidy(&apply_fixes(&text, &check.findings, edits_content));
        if next == text {
            // a flagged span without a fix: take the span out
            let spans: Vec<Finding> = check
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.span.is_some())
                .map(|f| Finding {
                    replacement: Some(String::new()),
                    ..f.clone()
                })
                .collect();
            let out = tidy(&apply_fixes(&text, &spans, |_| true));
            return out;
        }
        text = next;
    }
    text
}

/// Suggests a whole reply, or `None` when the draft is empty or needs no change. `memo`
/// holds the phrase hits of the sentences this analysis has read: the rewrite's
/// re-readings of its candidates match only the sentences that changed.
pub fn rewrite(
    ex: &Exchange,
    report: &Report,
    memo: &mut crate::lexicon::HitMemo,
) -> Option<String> {
    let original = ex.reply.as_str();
    // no suggestion to polish a reply the brief advises not to send at all
    if original.trim().is_empty() || report.incoming.advice == Advice::DontRespond {
        return None;
    }
    // nothing is wrong: nothing to rewrite; and a draft past any platform's limit gets
    // findings, not a rewrite
    if report.findings.is_empty() || crate::text::utf16_len(original) > MAX_REWRITE_UNITS {
        return None;
    }
    let mut an = Analyser {
        ex,
        base: report,
        last: None,
        memo,
    };
    // 1. the content fixes (when they change nothing, the draft's own report holds)
    let mut text = tidy(&apply_fixes(original, &report.findings, edits_content));
    if text == original {
        an.last = Some((text.clone(), Rc::new(report.clone())));
    }
    // 2. fix to a fixed point: the form of address and what the fixes can still change
    text = settle(&mut an, text);
    let fixed = text.clone();
    // 3. the human frame, then settle again (the frame adds only safe words, but a
    // rewrite of the rewrite must change nothing)
    let current = an.get(&text);
    text = add_frame_within_limit(ex, &text, &current);
    text = settle(&mut an, text);
    // 4. a fix that took out a voice element (an emoji in a removed promotion, a
    // "haha") must not leave the reply less human than the draft: invite dialogue
    let check = an.get(&text);
    let invite = crate::lexicon::lexicon(check.language).template(Template::Invite, &[]);
    if check.voice.score < report.voice.score
        && !Element::InviteDialogue.in_report(&check)
        && !user_avoids(ex, &invite)
    {
        text = insert_before_signature(&text, &check, &invite);
    }
    // 5. too long for the platform: when the additions pushed it over, keep the fixed
    // text without them; then drop sentences that only justify or explain in general
    // and carry no fact (no number, link, @mention or #hashtag), longest first
    let check = an.get(&text);
    if check.length.counted > check.length.limit {
        let bare = an.get(&fixed);
        if bare.length.counted <= bare.length.limit {
            text = fixed;
        }
    }
    text = shorten(&mut an, &text);
    if text.trim() == original.trim() || text.trim().is_empty() {
        None
    } else {
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward [`tidy`] it replaced (a String per line, then a join): the
    /// oracle for the one-buffer version.
    fn tidy_reference(text: &str) -> String {
        let mut lines: Vec<String> = Vec::new();
        for line in text.split('\n') {
            let mut s = String::with_capacity(line.len());
            for c in line.chars() {
                if c == ' ' && s.ends_with(' ') {
                    continue;
                }
                if matches!(c, ',' | '.' | '!' | '?' | ';' | ':') && s.ends_with(' ') {
                    s.pop();
                    // what an edit left behind: "werken. ." → "werken."
                    if s.ends_with(['.', '!', '?']) && matches!(c, '.' | ',' | ';' | ':') {
                        continue;
                    }
                }
                // ", ." → "."  and ",," → ","
                if matches!(c, '.' | '!' | '?') && s.ends_with(',') {
                    s.pop();
                }
                if c == ','
                    && (s.ends_with(',')
                        || s.ends_with('.')
                        || s.ends_with('!')
                        || s.ends_with('?'))
                {
                    continue;
                }
                s.push(c);
            }
            let trimmed = s
                .trim()
                .trim_start_matches([',', ';', ':', '.', '!', '?'])
                .trim_start()
                .to_string();
            lines.push(trimmed);
        }
        let joined = lines.join("\n");
        // capitals after sentence ends (and at the start of the body, after @mentions)
        let mut out = String::with_capacity(joined.len());
        let mut cap_next = true;
        let mut in_mention = false;
        for (pos, c) in joined.char_indices() {
            if c == '@' && cap_next {
                in_mention = true;
            }
            if in_mention {
                out.push(c);
                if c.is_whitespace() {
                    in_mention = false;
                }
                continue;
            }
            if cap_next && c.is_alphabetic() {
                // not a link, e-mail address or domain: "https://…", "info@…", "bol.com"
                let word = joined[pos..].split_whitespace().next().unwrap_or("");
                let is_link = word.contains("://")
                    || word.contains('@')
                    || word.contains('.')
                        && Doc::new(word)
                            .tokens
                            .first()
                            .is_some_and(|t| t.kind == TokenKind::Url);
                if is_link {
                    out.push(c);
                } else {
                    out.extend(c.to_uppercase());
                }
                cap_next = false;
                continue;
            }
            if c == '\n'
                || (c.is_whitespace() && matches!(out.chars().last(), Some('.' | '!' | '?')))
            {
                cap_next = true;
            } else if matches!(c, '.' | '!' | '?') {
                // wait for the whitespace: "bol.com" and "9.30" stay as they are
            } else if !c.is_whitespace() && !matches!(c, '"' | '\'' | '(' | '^' | '-' | '–') {
                cap_next = false;
            }
            out.push(c);
        }
        out.trim().to_string()
    }

    #[test]
    fn tidy_equals_its_reference() {
        // every character tidy treats specially, in runs, with words, links, mentions,
        // non-ASCII spaces and letters
        let pieces = [
            " ",
            "  ",
            ",",
            ".",
            "!",
            "?",
            ";",
            ":",
            "\n",
            "\u{a0}",
            "\u{2003}",
            "\t",
            "@shop",
            "hoi",
            "Wij",
            "ßtraße",
            "élan",
            "bol.com",
            "https://x.nl/a",
            "info@x.nl",
            "9.30",
            "\"",
            "(",
            "^",
            "-",
            "–",
            "😊",
            "👍🏽",
            "i",
            "ﬁ",
            "…",
            "'",
            "ǆ",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |below: usize| {
            // xorshift64*
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            (seed.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % below
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(14) {
                text.push_str(pieces[next(pieces.len())]);
            }
            assert_eq!(tidy(&text), tidy_reference(&text), "{text:?}");
        }
        for fixture in [
            include_str!("../demo/sample.jsonl"),
            include_str!("../tests/fixtures/probe.jsonl"),
        ] {
            for line in fixture.lines() {
                assert_eq!(tidy(line), tidy_reference(line));
            }
        }
    }

    #[test]
    fn tidy_cleans_edits() {
        assert_eq!(
            tidy("Hoi Sonja,  , er is geen storing ."),
            "Hoi Sonja, er is geen storing."
        );
        assert_eq!(
            tidy(". staat alles in onze FAQ. lees die."),
            "Staat alles in onze FAQ. Lees die."
        );
        assert_eq!(tidy("@Shop hi there"), "@Shop Hi there");
    }

    #[test]
    fn fixes_apply_right_to_left_without_overlap() {
        let f = |span: Span, rep: &str| Finding {
            rule: "corporate-phrase".into(),
            severity: Severity::Warning,
            message: String::new(),
            explanation: Text::Borrowed(""),
            span: Some(span),
            replacement: Some(rep.into()),
        };
        let out = apply_fixes(
            "😊 abc def",
            &[f([3, 6], "X"), f([7, 10], "Y"), f([4, 8], "Z")],
            edits_content,
        );
        assert_eq!(out, "😊 X Y");
    }
}
