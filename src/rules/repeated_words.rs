//! repeated-words: the same word, or the same two or three words, twice in a row ("nog
//! even nog even", "the the"), brief §1, §5. Words that may stand twice ("heel heel",
//! "that that": the lexicon's `may_repeat`), interjections ("yay yay"), a word doubled
//! as an exclamation of its own ("Woot woot!", "Bye bye!": the two copies are all the
//! words between punctuation), a word said three times or more on purpose ("sorry sorry
//! sorry!", "please please please") and numbers are fine. The fix takes out the second
//! copy.

use super::{Check, Context, Out};
use crate::fix::text_of;
use crate::lexicon::List;
use crate::rulebook::RuleId;
use crate::text::{Doc, TokenRange};

pub const RULE: Check = Check {
    id: RuleId::RepeatedWords,
    check,
};

/// The longest run of words repeated right after itself at token `k` of the run of
/// words `run` (consecutive token indexes, nothing between them): its length in words.
fn repeat_at(doc: &Doc, run: std::ops::Range<usize>, k: usize, cx: &Context) -> Option<usize> {
    let t = &doc.tokens;
    (1..=3).rev().find(|&n| {
        k + 2 * n <= run.end
            && (0..n).all(|j| t[k + j].norm == t[k + n + j].norm)
            && (n > 1 || single_word_repeat(t, run.clone(), k, cx))
    })
}

/// Word `k` said twice and no more, and not a word that may stand twice, an
/// interjection, a number, or a whole exclamation of its own. (Three times or more is
/// emphasis: taking one out leaves a typo.)
fn single_word_repeat(
    t: &[crate::text::Token],
    run: std::ops::Range<usize>,
    k: usize,
    cx: &Context,
) -> bool {
    let thrice = k + 2 < run.end && t[k + 2].norm == t[k].norm
        || k > run.start && t[k - 1].norm == t[k].norm;
    !t[k].has_digit()
        && !cx.reading.lx.has_word(List::MayRepeat, &t[k].norm)
        && !cx.reading.lx.has_word(List::Interjection, &t[k].norm)
        && run.len() > 2
        && !thrice
}

fn check(cx: &Context, out: &mut Out) {
    let doc = &cx.reading.doc;
    // runs of words with nothing but spaces between them (a sentence ends at a token:
    // its closing punctuation or line break)
    let mut start = 0;
    for i in 0..=doc.tokens.len() {
        if i < doc.tokens.len() && doc.tokens[i].is_word() {
            continue;
        }
        if i >= start + 2 {
            report_repeats(doc, start..i, cx, out);
        }
        start = i + 1;
    }
}

fn report_repeats(doc: &Doc, run: std::ops::Range<usize>, cx: &Context, out: &mut Out) {
    let mut k = run.start;
    while k + 1 < run.end {
        // (a repeat starts with two equal words n apart: a cheap test first)
        let Some(n) = (1..=3)
            .any(|n| k + n < run.end && doc.tokens[k].norm == doc.tokens[k + n].norm)
            .then(|| repeat_at(doc, run.clone(), k, cx))
            .flatten()
        else {
            k += 1;
            continue;
        };
        let first = TokenRange {
            start: k,
            end: k + n,
        };
        // from the end of the first copy to the end of the second: " nog even"
        let span = [doc.tokens[k + n - 1].utf16.1, doc.tokens[k + 2 * n - 1].utf16.1];
        out.push(&[("text", text_of(doc, first))], Some(span), Some(String::new()));
        k += 2 * n;
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::RepeatedWords;

    #[test]
    fn the_second_copy_goes() {
        let c = case("Waar blijft mijn pakket?", "Ik vraag je vriendelijk nog even nog even geduld.");
        assert_eq!(c.fixed(RepeatedWords), "Ik vraag je vriendelijk nog even geduld.");
        assert_eq!(
            c.message(RepeatedWords),
            "\"nog even\" twice in a row: once is enough."
        );
        let c = case("my parcel is late", "I'll check the The order today.");
        assert_eq!(c.fixed(RepeatedWords), "I'll check the order today.");
    }

    #[test]
    fn deliberate_repeats_numbers_and_punctuation_are_fine() {
        for reply in [
            "Dat is heel heel vervelend!",
            "I know that that is annoying.",
            "Order 12 12 is on its way.",
            "Sorry, sorry! I'll check.",
            "Ja, ja, we zoeken het uit.",
            "Woot Woot! Thanks for the shout out, Will.",
            "Yay yay, it arrived!",
            "Bye bye! ^Jo",
        ] {
            assert!(!case("my parcel is late", reply).fires(RepeatedWords), "{reply}");
        }
    }
}
