//! One reading of an exchange, without the rewrite: the post's reading and advice, the
//! recommended strategies, the reply's reading, its length and its findings. The rewrite
//! (`crate::rewrite`) reads its own candidates again through [`reanalyze`].

use crate::lexicon::{self, HitMemo};
use crate::model::*;
use crate::{incoming, length, reply, rulebook, rules, text};

/// The engine reads at most this many UTF-16 units of a reply (about 20 pages), and of
/// a post; past that it analyses the start and says so in `Report::truncated`.
pub const MAX_REPLY_UNITS: usize = 100_000;
pub const MAX_POST_UNITS: usize = 20_000;

/// Cuts `s` to at most `max` UTF-16 units, at a character boundary (never inside a
/// surrogate pair), preferring the last whitespace in the final 200 units.
fn window(s: &str, max: usize) -> (&str, usize) {
    let total = text::utf16_len(s);
    if total <= max {
        return (s, total);
    }
    let cut = text::byte_of_utf16(s, max);
    // byte_of_utf16 returns the first char boundary at or after `max` units; step back
    // one char if that char straddles the limit
    let mut end = cut;
    while text::utf16_len(&s[..end]) > max {
        end = s[..end].char_indices().last().map(|(i, _)| i).unwrap_or(0);
    }
    // never cut a grapheme (a letter from its accent, an emoji sequence)
    let end = text::snap_byte_back(s, end);
    let head = &s[..end];
    let soft = head
        .rfind(char::is_whitespace)
        .filter(|&i| text::utf16_len(&head[i..]) <= 200)
        .unwrap_or(end);
    (&s[..soft], total)
}

/// Reads the exchange (input past the limits is windowed and the report says so),
/// remembering phrase hits in `memo` for re-readings.
pub fn read(exchange: &Exchange, memo: &mut HitMemo) -> Report {
    read_with_doc(exchange, memo).0
}

/// [`read`], and the tokenised reply it read (the rewrite compares its candidates with
/// it without tokenising the draft again).
pub fn read_with_doc<'e>(exchange: &'e Exchange, memo: &mut HitMemo) -> (Report, text::Doc<'e>) {
    let profile = &exchange.profile;
    let ui = profile.ui_language;
    let (reply_text, reply_total) = window(&exchange.reply, MAX_REPLY_UNITS);
    let post_window = exchange.post.as_ref().map(|p| {
        let (t, total) = window(&p.text, MAX_POST_UNITS);
        (
            Post {
                text: t.to_string(),
                author: p.author.clone(),
                age_minutes: p.age_minutes,
            },
            total,
        )
    });
    let truncated = match &post_window {
        Some((p, total)) if text::utf16_len(&p.text) < *total => true,
        _ => text::utf16_len(reply_text) < reply_total,
    }
    .then(|| Truncation {
        reply_analysed: text::utf16_len(reply_text),
        reply_total,
        post_analysed: post_window
            .as_ref()
            .map(|(p, _)| text::utf16_len(&p.text))
            .unwrap_or(0),
        post_total: post_window.as_ref().map(|(_, t)| *t).unwrap_or(0),
    });

    let reply_doc = text::Doc::new(reply_text);
    let reply_doc_lang = incoming::detect_language(&reply_doc);
    let mut incoming = incoming::read_post(
        post_window.as_ref().map(|(p, _)| p),
        profile,
        reply_doc_lang.unwrap_or(ui),
    );
    incoming.advice_message = advice_message(&incoming, ui);
    let recommended_strategies = recommend(&incoming, ui);
    analyze_reply(
        exchange,
        reply_doc,
        reply_doc_lang,
        incoming,
        recommended_strategies,
        truncated,
        memo,
    )
}

/// Analyses another draft for the same post, reusing the post's reading in `base` (the
/// rewrite checks its candidates this way).
pub fn reanalyze(exchange: &Exchange, reply: &str, base: &Report, memo: &mut HitMemo) -> Report {
    reanalyze_doc(exchange, text::Doc::new(reply), base, memo).0
}

/// [`reanalyze`] of a draft already tokenised, and its tokens back (the rewrite tokenises
/// its candidates from the draft's tokens, see `text::KnownStretches`).
pub fn reanalyze_doc<'r>(
    exchange: &Exchange,
    doc: text::Doc<'r>,
    base: &Report,
    memo: &mut HitMemo,
) -> (Report, text::Doc<'r>) {
    let lang = incoming::detect_language(&doc);
    analyze_reply(
        exchange,
        doc,
        lang,
        base.incoming.clone(),
        base.recommended_strategies.clone(),
        None,
        memo,
    )
}

fn analyze_reply<'a>(
    exchange: &Exchange,
    reply_doc: text::Doc<'a>,
    reply_doc_lang: Option<Lang>,
    incoming: Incoming,
    recommended_strategies: Vec<Recommendation>,
    truncated: Option<Truncation>,
    memo: &mut HitMemo,
) -> (Report, text::Doc<'a>) {
    let profile = &exchange.profile;
    let ui = profile.ui_language;
    let platform = exchange.platform.unwrap_or(profile.platform);
    let lang = reply_doc_lang.or(incoming.language).unwrap_or(ui);
    let lx = lexicon::lexicon(lang);
    let reading = reply::read_reply(reply_doc, lx, &incoming, profile, memo);
    let (len, over_at) = length::measure(&reading.doc, platform);
    if reading.doc.is_empty() {
        let report = Report {
            language: lang,
            incoming,
            recommended_strategies,
            strategies: Vec::new(),
            strategy_occurrences: Vec::new(),
            voice: Voice {
                score: 0,
                elements: Vec::new(),
                occurrences: Vec::new(),
            },
            findings: Vec::new(),
            rewrite: None,
            rewrite_note: None,
            length: len,
            truncated,
        };
        return (report, reading.doc);
    }
    let findings = rules::check(&rules::Context::new(
        &reading, &incoming, profile, platform, lang, ui, &len, over_at,
    ));
    let score = reply::voice_score(&reading);
    let report = Report {
        language: lang,
        incoming,
        recommended_strategies,
        strategies: reading.strategy_ids(),
        strategy_occurrences: reply::occurrences(
            &reading.doc,
            &reading.strategies,
            reply::Strategy::name,
        ),
        voice: Voice {
            score,
            elements: reading.element_ids(),
            occurrences: reply::occurrences(&reading.doc, &reading.elements, reply::Element::name),
        },
        findings,
        rewrite: None,
        rewrite_note: None,
        length: len,
        truncated,
    };
    (report, reading.doc)
}

/// The one-line advice to respond or not, in the interface language.
fn advice_message(incoming: &Incoming, ui: Lang) -> Text {
    let advice = &rulebook::book().advice;
    let texts = match (incoming.advice_reason, incoming.kind) {
        (Some(reason), _) => advice.dont_respond.get(reason),
        (None, Kind::Complaint) => &advice.respond_complaint,
        (None, Kind::Compliment) => &advice.respond_compliment,
        (None, _) => &advice.respond,
    };
    Text::Borrowed(texts.get(ui))
}

/// The strategies to use for this post (brief §3, §6): never denial or justification.
fn recommend(incoming: &Incoming, ui: Lang) -> Vec<Recommendation> {
    use reply::Strategy;
    if incoming.advice == Advice::DontRespond {
        return Vec::new();
    }
    let texts = &rulebook::book().recommendations;
    let recommended: &[(Strategy, &rulebook::Texts)] = match incoming.kind {
        Kind::Complaint => &[
            (Strategy::Sympathy, &texts.sympathy),
            (Strategy::Apology, &texts.apology),
            (Strategy::CorrectiveAction, &texts.corrective_action),
            (Strategy::InformationRequest, &texts.information_request),
        ],
        Kind::Question => &[(Strategy::AppliedInformation, &texts.applied_information)],
        Kind::Compliment => &[(Strategy::Sympathy, &texts.sympathy_positive)],
        Kind::Remark => &[
            (Strategy::GeneralInformation, &texts.general_information),
            (Strategy::Sympathy, &texts.sympathy),
        ],
    };
    recommended
        .iter()
        .map(|(strategy, text)| Recommendation {
            strategy: Text::Borrowed(strategy.name()),
            message: Text::Borrowed(text.get(ui)),
        })
        .collect()
}
