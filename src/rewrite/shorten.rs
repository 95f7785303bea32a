//! Shortening for the platform's limit: only filler goes (a sentence that carries no
//! strategy, no question and no fact: "We hope this helps!", "Thanks for reaching out."),
//! longest first. An answer, an instruction, a remedy, an explanation or a fact never
//! goes: a reply that cannot fit without one is the writer's to shorten, and the check
//! after the rewrite says so.

use crate::lexicon::Category;
use crate::model::Report;
use crate::reply::{Element, Strategy};
use crate::text::{Doc, TokenKind};

use super::tidy::tidy;
use super::Analyser;

/// The sentences of `text` that are filler, by index, with their UTF-16 length: no
/// question, no fact, no part of the greeting or signature, and no strategy, or only
/// general information around a pleasantry or thanks ("We hope this helps and wish you a
/// lovely day!").
pub(super) fn filler(doc: &Doc, report: &Report) -> Vec<(usize, usize)> {
    let lx = crate::lexicon::lexicon(report.language);
    let pleasant: Vec<usize> = [Category::Pleasantry, Category::Thanks]
        .iter()
        .flat_map(|&c| lx.phrases(c).find(doc))
        .filter_map(|h| doc.sentence_index_of(h.range.start))
        .collect();
    let frame: Vec<[usize; 2]> = [
        Element::Greeting,
        Element::AddresseeName,
        Element::Signature,
    ]
    .iter()
    .filter_map(|e| e.span_in(report))
    .collect();
    let mut out = Vec::new();
    for (k, s) in doc.sentences.iter().enumerate() {
        let [a, b] = doc.span(s.tokens);
        let touches = |[x, y]: [usize; 2]| x < b && a < y;
        let mut strategies = report
            .strategy_occurrences
            .iter()
            .filter(|o| touches(o.span));
        let says_something = if pleasant.contains(&k) {
            strategies.any(|o| o.id != Strategy::GeneralInformation.name())
        } else {
            strategies.next().is_some()
        };
        let carries = says_something
            || frame.iter().any(|&f| touches(f))
            || s.question
            || (s.tokens.start..s.tokens.end).any(|i| {
                let t = &doc.tokens[i];
                crate::fix::is_fact(t) || t.kind == TokenKind::Emoji
            });
        let words = (s.tokens.start..s.tokens.end).any(|i| doc.tokens[i].is_word());
        if !carries && words {
            out.push((b - a, k));
        }
    }
    out
}

/// Drops filler sentences, longest first, until the reply fits the platform's limit (or
/// no filler is left). One analysis per round, not per sentence.
pub(super) fn shorten(an: &mut Analyser, text: &str) -> String {
    let mut text = text.to_string();
    let platform = an.ex.platform.unwrap_or(an.ex.profile.platform);
    // a few rounds: each re-reads the shorter text
    for _ in 0..3 {
        let report = an.get(&text);
        if report.length.counted <= report.length.limit {
            break;
        }
        let doc = Doc::new(&text);
        let mut droppable = filler(&doc, &report);
        // never the whole reply
        if droppable.is_empty() || droppable.len() == doc.sentences.len() {
            break;
        }
        crate::order::sort_by(&mut droppable, |x, y| y.cmp(x));
        let mut chosen: Vec<usize> = Vec::new();
        let mut next = text.clone();
        for (_, k) in droppable {
            chosen.push(k);
            crate::order::sort_by(&mut chosen, |x, y| y.cmp(x));
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
        if next == text {
            break;
        }
        text = next;
    }
    text
}
