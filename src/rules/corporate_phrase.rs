//! corporate-phrase: a stock corporate phrase with a human alternative ("we apologise
//! for any inconvenience", "wij betreuren het ongemak"), brief §4, §10. The fix is the
//! alternative from the lexicon, or the phrase taken out.

use super::{Check, Context, Out};
use crate::fix::{phrase_deletion, text_of};
use crate::lexicon::{Category, List};
use crate::model::Register;
use crate::register::convert_doc;
use crate::rulebook::{book, RuleId};
use crate::text::{capitalise, starts_upper, Doc, TokenRange};

pub const RULE: Check = Check {
    id: RuleId::CorporatePhrase,
    check,
};

/// The form of address the human wording takes: the customer's, else the one the reply
/// speaks in (a "u" reply gets "ik vraag u", not "ik vraag je").
fn register_of(cx: &Context) -> Option<Register> {
    if !cx.reading.lx.has_register() {
        return None;
    }
    let (formal, informal) = cx.pronoun_counts();
    match cx.incoming.register {
        Register::Unknown if formal > informal => Some(Register::Formal),
        Register::Unknown if informal > formal => Some(Register::Informal),
        Register::Unknown => None,
        known => Some(known),
    }
}

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    let doc = &r.doc;
    let register = register_of(cx);
    for h in r.hits(Category::Corporate) {
        let text = text_of(doc, h.range);
        let rep = r.lx.replacement(Category::Corporate, h.pattern).unwrap_or("");
        // (only a wording with a pronoun of the other form needs converting)
        let other = match register {
            Some(Register::Formal) => Some(List::InformalPronoun),
            Some(Register::Informal) => Some(List::FormalPronoun),
            _ => None,
        };
        let converted = register
            .filter(|_| {
                other.is_some_and(|list| rep.split(' ').any(|w| r.lx.has_word(list, w)))
            })
            .map(|target| convert_doc(&Doc::new(rep), target, r.lx));
        let rep = converted.as_deref().unwrap_or(rep);
        // a human apology beside the reply's own sympathy or apology would say sorry
        // twice ("Sorry to hear about the trouble. … Sorry about this."): leave it out
        let sorry_elsewhere = |range: TokenRange| {
            [Category::Apology, Category::Sympathy]
                .into_iter()
                .flat_map(|c| r.hits(c))
                .any(|o| !o.range.overlaps(range))
        };
        let rep = if !rep.is_empty()
            && !r.lx.phrases(Category::Apology).find(&Doc::new(rep)).is_empty()
            && sorry_elsewhere(h.range)
        {
            ""
        } else {
            rep
        };
        if rep.is_empty() {
            let shown = book().interface.leave_it_out.get(cx.ui).to_string();
            let (span, rest) = phrase_deletion(r, h.range, true);
            out.push(&[("text", text), ("replacement", shown)], Some(span), Some(rest));
            continue;
        }
        // a part joined on after the phrase shares its subject or verb ("We appreciate
        // your interest and encourage you to…", "your loyalty and support"): the human
        // wording would leave it dangling, so the agent rewords it by hand
        let joined_on = doc
            .tokens
            .get(h.range.end..)
            .and_then(|rest| rest.first())
            .is_some_and(|t| r.lx.has_word(List::Coordinator, &t.norm));
        // and a wording whose words the sentence says already would say them twice ("We
        // appreciate your feedback, Jenna and thank you for sharing" → "Thanks for
        // telling us, Jenna and thank you…")
        if joined_on || says_already(r, h.range, rep) {
            out.push(&[("text", text), ("replacement", rep.to_string())], Some(doc.span(h.range)), None);
            continue;
        }
        let first = doc.tokens[h.range.start].text(doc.source);
        let fixed = if starts_upper(first) {
            capitalise(rep)
        } else {
            rep.to_string()
        };
        out.push(
            &[("text", text), ("replacement", rep.to_string())],
            Some(doc.span(h.range)),
            Some(fixed),
        );
    }
}

/// The sentence of `hit` has, near it and outside it, a word of `rep` that carries
/// meaning (by its first five letters: "thanks" is "thank").
fn says_already(r: &crate::reply::Reading, hit: TokenRange, rep: &str) -> bool {
    let doc = &r.doc;
    // (near: a sentence of a hundred stock phrases is read once per phrase)
    let Some(s) = doc.sentence_of(hit.start) else {
        return false;
    };
    let from = s.tokens.start.max(hit.start.saturating_sub(NEAR));
    let to = s.tokens.end.min(hit.end + NEAR);
    // (the data's wordings are in lower case)
    rep.split(' ')
        .filter(|w| w.len() >= 4 && !r.lx.has_word(List::Stop, *w))
        .any(|w| {
            (from..to).any(|i| {
                !hit.contains(i) && doc.tokens[i].is_word() && stem(&doc.tokens[i].norm) == stem(w)
            })
        })
}

/// A word's first five bytes: "thanks" is "thank".
fn stem(w: &str) -> &[u8] {
    &w.as_bytes()[..w.len().min(5)]
}

/// How many tokens either side of a phrase count as its sentence's words.
const NEAR: usize = 30;

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::CorporatePhrase;

    #[test]
    fn the_human_wording_in_the_phrase_s_case() {
        let c = case("Al twee weken wacht ik op mijn fiets.", "Wij betreuren het ongemak.");
        assert_eq!(c.fixed(CorporatePhrase), "Wat vervelend dat dit gebeurd is.");
        assert_eq!(
            c.message(CorporatePhrase),
            "\"Wij betreuren het ongemak\" is a stock corporate phrase: try \"wat vervelend dat dit gebeurd is\"."
        );
        let c = case("my flight got cancelled", "Rest assured, we will rebook you today.");
        // (the phrase's capital goes to the word after it)
        assert_eq!(c.fixed(CorporatePhrase), "We will rebook you today.");
    }

    #[test]
    fn the_human_wording_speaks_as_the_reply_does() {
        let c = case(
            "Al 3x gebeld en nog steeds geen monteur.",
            "Beste Frank, wij verzoeken u om contact op te nemen via 0800-0402. Uw afspraak staat.",
        );
        assert_eq!(
            c.fixed(CorporatePhrase),
            "Beste Frank, ik vraag u om contact op te nemen via 0800-0402. Uw afspraak staat."
        );
    }

    #[test]
    fn a_stock_apology_beside_the_reply_s_own_sympathy_is_left_out() {
        let c = case(
            "my flight got cancelled",
            "Sorry to hear about the trouble. We rebooked you on the 18:05. We apologize for any inconvenience this may have caused.",
        );
        // (the rewrite tidies the space away)
        assert_eq!(
            c.fixed(CorporatePhrase),
            "Sorry to hear about the trouble. We rebooked you on the 18:05. "
        );
        // alone, it becomes the human apology, all of it ("… this may have caused" too)
        let c = case(
            "my flight got cancelled",
            "We rebooked you on the 18:05. We apologize for any inconvenience this may have caused.",
        );
        assert_eq!(c.fixed(CorporatePhrase), "We rebooked you on the 18:05. Sorry about this.");
    }

    #[test]
    fn no_fix_where_a_joined_part_would_lose_its_subject_or_verb() {
        for reply in [
            "We appreciate your interest and encourage you to follow our news page.",
            "Wow! We appreciate your loyalty and support. Thank you for choosing us.",
        ] {
            let c = case("When will the app be available here?", reply);
            let found = c.findings(CorporatePhrase);
            assert_eq!(found.len(), 1, "{reply}");
            assert_eq!(found[0].replacement, None, "{reply}");
        }
        // (a phrase that ends its sentence is replaced as ever)
        let c = case("When will the app be available here?", "We appreciate your interest. It comes in May.");
        assert_eq!(c.fixed(CorporatePhrase), "Thanks for your interest. It comes in May.");
    }

    #[test]
    fn plain_words_are_fine() {
        let c = case("my flight got cancelled", "Oh no, sorry to hear that! I'll rebook you.");
        assert!(!c.fires(CorporatePhrase));
    }
}
