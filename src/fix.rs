//! The fix helpers the rules share: what to delete so the rest reads clean, where to
//! insert, how to case a replacement, and the agent's signature. A finding's fix is a
//! span and its replacement; these build both from what the reading found.

use crate::lexicon::{lexicon, List, Pattern, PhraseSet, Template};
use crate::model::{CustomRule, Lang, Profile, SignatureStyle, Span};
use crate::reply::Reading;
use crate::text::case::lowercase;
use crate::text::{capitalise, Doc, Token, TokenKind, TokenRange};

/// The text of tokens `r`.
pub fn text_of(doc: &Doc, r: TokenRange) -> String {
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
/// "Unfortunately there is"): the span and what replaces it. A phrase that opened with a
/// capital hands it to the word after it ("We hear you 🎧 Rest assured, your feedback…"
/// → "We hear you 🎧 Your feedback…"). `rest_stays`: the sentence's other clauses stay
/// when they say something ("Rest assured, your feedback will be passed on"); not for a
/// denial, whose sentence argues it ("Our pastries are made fresh every morning, so that
/// can't be").
pub fn phrase_deletion(reading: &Reading, hit: TokenRange, rest_stays: bool) -> (Span, String) {
    let doc = &reading.doc;
    let span = phrase_deletion_span(reading, hit, rest_stays);
    let capital = doc.tokens[hit.start]
        .text(doc.source)
        .starts_with(char::is_uppercase);
    // (a word in plain lower case: "iPhone" keeps its own)
    let next = doc
        .tokens
        .iter()
        .find(|t| t.utf16.0 == span[1])
        .filter(|t| {
            let w = t.text(doc.source).as_bytes();
            t.is_word() && w[0].is_ascii_lowercase() && !w.iter().any(u8::is_ascii_uppercase)
        });
    match next {
        Some(t) if capital => ([span[0], t.utf16.1], capitalise(t.text(doc.source))),
        _ => (span, String::new()),
    }
}

fn phrase_deletion_span(reading: &Reading, hit: TokenRange, rest_stays: bool) -> Span {
    let doc = &reading.doc;
    let clause = doc.clause_of(hit.start).unwrap_or(hit);
    // (a token that says something: a fact, or a word that is no stop word)
    let says = |i: &usize| {
        let t = &doc.tokens[*i];
        is_fact(t) || (t.is_word() && !reading.lx.has_word(List::Stop, &t.norm))
    };
    let left = (clause.start..clause.end)
        .filter(|&i| !hit.contains(i))
        .filter(says)
        .count();
    // (a clause that still does something without the phrase stays: "Send us a DM for
    // further assistance." keeps "Send us a DM.")
    let [ha, hb] = doc.span(hit);
    let [ca, cb] = doc.span(clause);
    let acts = reading
        .strategies
        .iter()
        .any(|o| o.span[0] < cb && ca < o.span[1] && (o.span[0] < ha || o.span[1] > hb));
    // (nor does a sentence whose other clauses say something: "Rest assured, your feedback
    // will be passed on" keeps what it promises, and the reading may not know that as a
    // strategy)
    let says_more = rest_stays
        && doc.sentence_of(hit.start).is_some_and(|s| {
            (s.tokens.start..s.tokens.end)
                .filter(|&i| !clause.contains(i))
                .filter(says)
                .nth(1)
                .is_some()
        });
    if left < 2 && !acts && !says_more {
        deletion_span(doc, removal_range(reading, hit))
    } else {
        deletion_span(doc, hit)
    }
}

/// A token the agent's reply must keep: a number, link, e-mail, @mention, #hashtag or a
/// saved reply's placeholder.
pub fn is_fact(t: &Token) -> bool {
    (t.is_word() && t.has_digit())
        || matches!(
            t.kind,
            TokenKind::Url
                | TokenKind::Email
                | TokenKind::Mention
                | TokenKind::Hashtag
                | TokenKind::Placeholder
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
    let mut widest = removal_range_unchecked(reading, hit);
    // nor the @mentions a reply opens with
    while widest.start < hit.start
        && matches!(
            doc.tokens[widest.start].kind,
            TokenKind::Mention | TokenKind::Newline
        )
    {
        widest.start += 1;
    }
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
pub fn sentence_case(doc: &Doc, at_token: usize, replacement: &str) -> String {
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
        SignatureStyle::Organisation => organisation_name(profile)
            .map(str::to_string)
            .or(first)
            .or(initials)
            .map(|s| format!("- {s}")),
    }
}

/// The organisation's name as the team signs with it (`SignatureStyle::Organisation`):
/// one line of at most 40 characters with a letter in it, no braces or markup.
pub fn organisation_name(profile: &Profile) -> Option<&str> {
    profile
        .organisation
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty() && o.chars().count() <= 40)
        .filter(|o| o.chars().any(char::is_alphabetic))
        .filter(|o| !o.contains(['\n', '\r', '{', '}', '<', '>']))
}

/// The reply ends with the organisation's name, as a team that signs with it writes
/// ("… tot zaterdag! Bakkerij Van Dam", "- Bakkerij Van Dam 🥐"): only when the profile
/// says the team signs that way.
pub fn signed_by_organisation(profile: &Profile, text: &str) -> bool {
    if profile.signature_style != SignatureStyle::Organisation {
        return false;
    }
    let Some(name) = organisation_name(profile) else {
        return false;
    };
    // what may follow the name: punctuation, symbols and emoji, spaces
    let body = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    let (body, name) = (lowercase(body), lowercase(name));
    body.strip_suffix(&name).is_some_and(|before| {
        before
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Where and what to insert to open with sympathy: right after the greeting and name
/// (or at the start of the body, then capitalised), the language's sympathy template.
pub fn sympathy_insertion(reading: &Reading) -> (usize, String) {
    let t = reading.lx.template(Template::Sympathy, &[]);
    let text = if reading.greeting.is_none() {
        capitalise(&t)
    } else {
        t
    };
    (after_greeting(reading), format!("{text} "))
}

/// Where one of the team's phrases (a custom rule of the profile) stands in the reply:
/// not in the agent's signature, and not where the rule's preferred wording already
/// stands ("thanks" → "many thanks" must not become "many many thanks"). Nothing when
/// the rule is for another language.
pub fn custom_phrase_hits(reading: &Reading, lang: Lang, rule: &CustomRule) -> Vec<TokenRange> {
    if rule.language.is_some_and(|l| l != lang) {
        return Vec::new();
    }
    let doc = &reading.doc;
    let Some(pattern) = Pattern::literal(&rule.phrase, rule.replacement.clone()) else {
        return Vec::new();
    };
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
    PhraseSet::new(vec![pattern])
        .find(doc)
        .into_iter()
        .map(|h| h.range)
        .filter(|h| !reading.signature.is_some_and(|sig| sig.contains(h.start)))
        .filter(|h| {
            !preferred_already
                .iter()
                .any(|p| p.start <= h.start && h.end <= p.end)
        })
        .collect()
}
