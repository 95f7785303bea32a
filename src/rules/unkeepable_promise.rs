//! unkeepable-promise: a promise nobody can keep ("never again", "guaranteed"), or a
//! vague promise not tied to a time (brief §5, §9). The fix takes the promise out.

use super::{Check, Context, Out};
use crate::fix::{deletion_span, removal_range, sentence_case, text_of};
use crate::lexicon::{is_time, Category, List};
use crate::reply::Reading;
use crate::rulebook::RuleId;
use crate::text::TokenRange;

pub const RULE: Check = Check {
    id: RuleId::UnkeepablePromise,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    let doc = &r.doc;
    // absolute promises always; vague ones unless tied to a time
    let promises = r
        .hits(Category::PromiseAbsolute)
        .iter()
        .map(|h| (Category::PromiseAbsolute, h))
        .chain(
            r.hits(Category::PromiseVague)
                .iter()
                .filter(|h| !sentence_has_time(r, h.range))
                .map(|h| (Category::PromiseVague, h)),
        )
        // a question promises nothing, nor does "we cannot guarantee"
        .filter(|(_, h)| !r.asks_at(h.range.start) && !negated(r, h.range));
    let mut taken: Vec<TokenRange> = Vec::new();
    for (category, h) in promises {
        let vars = [("text", text_of(doc, h.range))];
        // a question promises nothing the fix could take out ("what was promised?",
        // "does it use 100% CPU?"): the agent decides
        if doc.sentence_of(h.range.start).is_some_and(|s| s.question) {
            out.push(&vars, Some(doc.span(h.range)), None);
            continue;
        }
        // in a sentence that says more ("Sorry, that won't happen again"), a softer
        // wording that keeps the commitment ("shouldn't happen again"); a sentence that
        // is only the promise goes
        let soft = r.lx.replacement(category, h.pattern).filter(|x| !x.is_empty());
        if let Some(rep) = soft.filter(|_| sentence_says_more(r, h.range)) {
            taken.push(h.range);
            out.push(
                &vars,
                Some(doc.span(h.range)),
                Some(sentence_case(doc, h.range.start, rep)),
            );
            continue;
        }
        let half = conjunct(r, h.range);
        let range = half.unwrap_or_else(|| removal_range(r, h.range));
        if taken.iter().any(|p| p.overlaps(range)) {
            continue;
        }
        taken.push(range);
        let span = match half {
            // " and make sure this never happens again": from the end of what comes
            // before, so the sentence keeps its own closing
            Some(_) => [doc.tokens[range.start - 1].utf16.1, doc.tokens[range.end - 1].utf16.1],
            None => deletion_span(doc, range),
        };
        out.push(&vars, Some(span), Some(String::new()));
    }
}

/// A question promises nothing ("does it use 100% CPU?"), and neither does a promise
/// turned around by a word just before it ("we cannot guarantee", "kunnen niet
/// garanderen").
fn negated(reading: &Reading, r: TokenRange) -> bool {
    let doc = &reading.doc;
    let start = doc.sentence_of(r.start).map_or(r.start, |s| s.tokens.start);
    doc.tokens[start..r.start]
        .iter()
        .rev()
        .filter(|t| t.is_word())
        .take(3)
        .any(|t| reading.lx.has_word(List::Negation, &t.norm))
}

/// The sentence of `hit` holds a strategy besides the promise.
fn sentence_says_more(reading: &Reading, hit: TokenRange) -> bool {
    let doc = &reading.doc;
    let Some(s) = doc.sentence_of(hit.start) else {
        return false;
    };
    let [a, b] = doc.span(s.tokens);
    let [ha, hb] = doc.span(hit);
    reading
        .strategies
        .iter()
        .any(|o| o.span[0] >= a && o.span[1] <= b && (o.span[1] <= ha || o.span[0] >= hb))
}

/// The promise as the second half of a sentence joined by a conjunction ("we refund the
/// amount and make sure this never happens again"): from the conjunction to the end of
/// the promise's clause, when the half before it says something of its own (a strategy
/// the reading found there). The commitment before the conjunction stays.
fn conjunct(reading: &Reading, hit: TokenRange) -> Option<TokenRange> {
    let doc = &reading.doc;
    let s = doc.sentence_of(hit.start)?;
    let conj = (s.tokens.start + 1..hit.start).rev().take(8).find(|&i| {
        let t = &doc.tokens[i];
        t.is_word() && reading.lx.has_word(List::ClauseConjunction, &t.norm)
    })?;
    let before = doc.span(TokenRange {
        start: s.tokens.start,
        end: conj,
    });
    let content_words = (s.tokens.start..conj)
        .filter(|&i| {
            let t = &doc.tokens[i];
            t.is_word() && !reading.lx.has_word(List::Stop, &t.norm) && !reading.in_frame(i)
        })
        .count();
    let says_something = content_words >= 2
        || reading
            .strategies
            .iter()
            .any(|o| o.span[0] >= before[0] && o.span[1] <= before[1]);
    let clause = doc.clause_of(hit.start).unwrap_or(hit);
    let mut end = clause.end.max(hit.end);
    while end > hit.end && !doc.tokens[end - 1].is_word() {
        end -= 1;
    }
    says_something.then_some(TokenRange { start: conj, end })
}

/// The sentence of `r` names a time or day, or has an applied marker ("vandaag", "by
/// 5pm"), but not one that says what the agent sees ("ik zie": the lexicon's
/// `observation_opener`).
fn sentence_has_time(reading: &Reading, r: TokenRange) -> bool {
    let doc = &reading.doc;
    let Some(s) = doc.sentence_of(r.start) else {
        return false;
    };
    (s.tokens.start..s.tokens.end).any(|i| {
        let t = &doc.tokens[i];
        t.is_word() && (is_time(&t.norm) || reading.lx.has_word(List::Weekday, &t.norm))
    }) || reading.hits(Category::AppliedMarker).iter().any(|h| {
        s.tokens.contains(h.range.start)
            && !reading
                .lx
                .has_word(List::ObservationOpener, &doc.tokens[h.range.start].norm)
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::UnkeepablePromise;

    #[test]
    fn the_promise_goes_with_its_sentence() {
        let c = case(
            "Ik wacht al 8 weken op mijn eindafrekening.",
            "Sorry Ingrid! Ik zorg dat hij deze week verstuurd wordt. Dit gebeurt nooit meer, beloofd!",
        );
        assert_eq!(
            c.fixed(UnkeepablePromise),
            "Sorry Ingrid! Ik zorg dat hij deze week verstuurd wordt. "
        );
    }

    #[test]
    fn the_commitment_stays_when_the_promise_goes() {
        let c = case(
            "my order arrived broken",
            "Sorry! We refund the amount and make sure this never happens again.",
        );
        assert_eq!(c.fixed(UnkeepablePromise), "Sorry! We refund the amount.");
        let c = case("my order arrived broken", "Sorry Noah, that won't happen again.");
        assert_eq!(c.fixed(UnkeepablePromise), "Sorry Noah, that shouldn't happen again.");
        let c = case("Mijn pakket is kapot", "Sorry, dit gebeurt nooit meer.");
        assert_eq!(c.fixed(UnkeepablePromise), "Sorry, dit zou niet meer moeten gebeuren.");
    }

    #[test]
    fn a_question_promises_nothing_to_take_out() {
        let c = case("it keeps crashing", "Does it use 100% CPU all the time?");
        for f in c.findings(UnkeepablePromise) {
            assert_eq!(f.replacement, None);
        }
    }

    #[test]
    fn a_promise_with_a_time_is_kept() {
        for reply in [
            "I promise the replacement is with you tomorrow before 12:00.",
            "Ik beloof je dat hij maandag klaarstaat.",
            "We passen onze planning aan zodat dit niet meer zo lang duurt.",
        ] {
            assert!(!case("my order is late", reply).fires(UnkeepablePromise), "{reply}");
        }
    }
}
