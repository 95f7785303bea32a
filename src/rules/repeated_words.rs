//! repeated-words: the same word, or the same two or three words, twice in a row ("nog
//! even nog even", "the the"), brief §1, §5. Words that may stand twice ("heel heel",
//! "that that": the lexicon's `may_repeat`) and numbers are fine. The fix takes out the
//! second copy.

use super::{Check, Context, Out};
use crate::fix::text_of;
use crate::lexicon::List;
use crate::rulebook::RuleId;
use crate::text::{Doc, TokenRange};

pub const RULE: Check = Check {
    id: RuleId::RepeatedWords,
    check,
};

/// The longest run of words repeated right after itself at word `k` of `words` (token
/// indexes of consecutive words, nothing between them): its length in words.
fn repeat_at(doc: &Doc, words: &[usize], k: usize, cx: &Context) -> Option<usize> {
    (1..=3).rev().find(|&n| {
        k + 2 * n <= words.len()
            && (0..n).all(|j| doc.tokens[words[k + j]].norm == doc.tokens[words[k + n + j]].norm)
            && (n > 1 || {
                let t = &doc.tokens[words[k]];
                !t.has_digit() && !cx.reading.lx.has_word(List::MayRepeat, &t.norm)
            })
    })
}

fn check(cx: &Context, out: &mut Out) {
    let doc = &cx.reading.doc;
    for s in &doc.sentences {
        // runs of words with nothing but spaces between them
        let mut run: Vec<usize> = Vec::new();
        for i in s.tokens.start..=s.tokens.end {
            let word = i < s.tokens.end && doc.tokens[i].is_word();
            if word && run.last().is_none_or(|&p| p + 1 == i) {
                run.push(i);
                continue;
            }
            report_repeats(doc, &run, cx, out);
            run.clear();
            if word {
                run.push(i);
            }
        }
    }
}

fn report_repeats(doc: &Doc, run: &[usize], cx: &Context, out: &mut Out) {
    let mut k = 0;
    while k < run.len() {
        let Some(n) = repeat_at(doc, run, k, cx) else {
            k += 1;
            continue;
        };
        let first = TokenRange {
            start: run[k],
            end: run[k + n - 1] + 1,
        };
        // from the end of the first copy to the end of the second: " nog even"
        let span = [doc.tokens[run[k + n - 1]].utf16.1, doc.tokens[run[k + 2 * n - 1]].utf16.1];
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
        ] {
            assert!(!case("my parcel is late", reply).fires(RepeatedWords), "{reply}");
        }
    }
}
