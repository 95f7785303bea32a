//! irritation: impatient or condescending wording ("as we already said", "read the
//! FAQ"), brief §1, §5. The fix softens it or takes it out; in Dutch, taking out a
//! fronted phrase also puts the verb back in second place.

use super::{Check, Context, Out};
use crate::fix::{deletion_span, phrase_deletion, removal_range, sentence_case, text_of};
use crate::lexicon::{Category, List};
use crate::model::Span;
use crate::reply::Reading;
use crate::rulebook::RuleId;
use crate::text::{capitalise, TokenKind, TokenRange};

pub const RULE: Check = Check {
    id: RuleId::Irritation,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    let doc = &r.doc;
    for h in r.hits(Category::Irritation) {
        let text = text_of(doc, h.range);
        let replacement = r.lx.replacement(Category::Irritation, h.pattern);
        let (span, rep) = match replacement {
            Some("") => verb_second_deletion(r, h.range)
                .unwrap_or_else(|| phrase_deletion(r, h.range, true)),
            Some(rep) => (doc.span(h.range), sentence_case(doc, h.range.start, rep)),
            None => (deletion_span(doc, removal_range(r, h.range)), String::new()),
        };
        out.push(&[("text", text)], Some(span), Some(rep));
    }
}

/// A language that puts the verb second (Dutch): deleting a fronted phrase ("Zoals
/// gezegd werken we…") leaves the verb first, so the fix also swaps verb and subject ("We
/// werken…"), for the subjects of the lexicon's `subject_after_verb` list (a language
/// without the list keeps its word order).
fn verb_second_deletion(reading: &Reading, hit: TokenRange) -> Option<(Span, String)> {
    let doc = &reading.doc;
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
        || !reading.lx.has_word(List::SubjectAfterVerb, &subject.norm)
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
            crate::text::case::lowercase(verb.text(doc.source))
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::Irritation;

    #[test]
    fn a_fronted_phrase_goes_and_the_verb_comes_second() {
        let c = case(
            "Waar blijft mijn terugbetaling???",
            "Zoals gezegd werken we aan je terugbetaling.",
        );
        assert_eq!(c.fixed(Irritation), "We werken aan je terugbetaling.");
        let c = case("I can't log in.", "As we said, the app works. Please read our FAQ first.");
        assert_eq!(c.fixed(Irritation), "The app works. Please read our FAQ first.");
    }

    #[test]
    fn helping_with_the_faq_is_not_irritated() {
        let c = case(
            "I can't log in to the app.",
            "Sorry you're locked out! Our FAQ has a reset guide, and I'm happy to walk you through it.",
        );
        assert!(!c.fires(Irritation));
    }
}
