//! unkeepable-promise: a promise nobody can keep ("never again", "guaranteed"), or a
//! vague promise not tied to a time (brief §5, §9). The fix takes the promise out.

use super::{Check, Context, Out};
use crate::fix::{deletion_span, removal_range, text_of};
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
    // absolute promises always; vague ones unless tied to a time
    let vague = r.hits(Category::PromiseVague);
    let promises = r
        .hits(Category::PromiseAbsolute)
        .iter()
        .chain(vague.iter().filter(|h| !sentence_has_time(r, h.range)))
        .filter(|h| !r.asks_at(h.range.start) && !negated(r, h.range));
    let mut taken: Vec<TokenRange> = Vec::new();
    for h in promises {
        let range = removal_range(r, h.range);
        if taken.iter().any(|p| p.start < range.end && range.start < p.end) {
            continue;
        }
        taken.push(range);
        out.push(
            &[("text", text_of(&r.doc, h.range))],
            Some(deletion_span(&r.doc, range)),
            Some(String::new()),
        );
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
