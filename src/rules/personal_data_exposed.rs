//! personal-data-exposed: the reply itself holds personal data, a mobile number, a
//! personal e-mail address, an IBAN or a street address (brief §8; `crate::pii` finds
//! them). The fix masks it, or turns a "call me on …" clause into a DM invitation.

use super::{Check, Context, Out};
use crate::fix::{sentence_case, text_of};
use crate::lexicon::{Category, List, Template};
use crate::model::Lang;
use crate::pii::{self, PiiKind};
use crate::rulebook::{book, RuleId};
use crate::text::{TokenKind, TokenRange};

pub const RULE: Check = Check {
    id: RuleId::PersonalDataExposed,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    let doc = &r.doc;
    let items = pii::scan(doc);
    let mut done: Vec<TokenRange> = Vec::new();
    for item in &items {
        // one finding per item, unless a contact clause already took it
        if done.iter().any(|d| d.overlaps(item.range)) {
            continue;
        }
        let clause = doc.clause_of(item.range.start).unwrap_or(item.range);
        let contact_clause = matches!(item.kind, PiiKind::Phone | PiiKind::Email)
            && r.hits(Category::Referral)
                .iter()
                .any(|h| clause.contains(h.range.start));
        if !contact_clause {
            done.push(item.range);
            let what = label(item.kind, cx.ui).to_string();
            let masked = mask(&text_of(doc, item.range));
            out.push(&[("what", what)], Some(doc.span(item.range)), Some(masked));
            continue;
        }
        done.push(clause);
        // a number or address the reply offers as the way to reach the organisation
        // ("bel ons op 06-…", "call 07700 900123") is its own contact detail, not
        // personal data: masking it would leave the customer nothing to call
        let agent_own = (clause.start..clause.end).any(|i| {
            let t = &doc.tokens[i];
            t.is_word() && r.lx.has_word(List::FirstPerson, &t.norm)
        });
        if !agent_own {
            continue;
        }
        // "bel me op 06-…": the agent's own number; the clause becomes an invitation
        // to DM
        // (Strings, not &strs: the wasm then has one copy of the standard library's
        // `join`, for slices of String, not a second one for this slice alone)
        let mut kinds: Vec<String> = Vec::new();
        for it in items.iter().filter(|it| clause.contains(it.range.start)) {
            let l = label(it.kind, cx.ui);
            if !kinds.iter().any(|k| k == l) {
                kinds.push(l.to_string());
            }
        }
        // the clause without the punctuation around it: the sentence keeps its close
        let mut from = clause;
        while from.start < from.end && doc.tokens[from.start].kind == TokenKind::Punct {
            from.start += 1;
        }
        while from.end > from.start + 1
            && matches!(doc.tokens[from.end - 1].kind, TokenKind::Terminal)
        {
            from.end -= 1;
        }
        let invite = r.lx.template(Template::DmInvite, &[]);
        out.push(
            &[("what", kinds.join(", "))],
            Some(doc.span(from)),
            Some(sentence_case(doc, from.start, &invite)),
        );
    }
}

/// What personal data `kind` is, in the interface language.
fn label(kind: PiiKind, ui: Lang) -> &'static str {
    let labels = &book().interface.personal_data;
    match kind {
        PiiKind::Phone => &labels.phone,
        PiiKind::Email => &labels.email,
        PiiKind::Iban => &labels.iban,
        PiiKind::Address => &labels.address,
    }
    .get(ui)
}

/// "06-12345678" → "06-••••••78": enough to recognise, not enough to use.
fn mask(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i < 2 || i + 2 >= n || !c.is_alphanumeric() {
                c
            } else {
                '•'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::PersonalDataExposed;

    #[test]
    fn masked_or_moved_to_a_dm() {
        let c = case("My refund never arrived.", "It went to NL91 ABNA 0417 1643 00, right?");
        assert_eq!(
            c.fixed(PersonalDataExposed),
            "It went to NL•• •••• •••• •••• 00, right?"
        );
        let c = case(
            "Mijn declaratie is afgewezen.",
            "Vervelend! Bel me gerust op 06-12345678.",
        );
        // (the sentence keeps its full stop)
        assert_eq!(c.fixed(PersonalDataExposed), "Vervelend! Stuur me gerust een DM.");
        assert_eq!(
            c.message(PersonalDataExposed),
            "The reply itself contains personal data (a phone number): keep it out of a public reply."
        );
    }

    #[test]
    fn a_number_offered_as_the_way_to_reach_us_is_ours() {
        for reply in [
            "Wat vervelend! Bel ons gerust op 06-12345678, dan zoeken we het uit.",
            "Sorry about that! Call us on 07700 900123 and we'll sort it.",
        ] {
            assert!(!case("My claim was rejected.", reply).fires(PersonalDataExposed), "{reply}");
        }
        // (the same number as the agent's own is personal data)
        for reply in [
            "Wat vervelend! Bel me gerust op 06-12345678, dan zoeken we het uit.",
            "Sorry about that! Call me on 07700 900123 and I'll sort it.",
        ] {
            assert!(case("My claim was rejected.", reply).fires(PersonalDataExposed), "{reply}");
        }
    }

    #[test]
    fn the_organisation_s_own_contact_details_are_fine() {
        let c = case(
            "Mijn fiets staat al twee weken in reparatie.",
            "Je kunt de werkplaats bellen via 030-1234567 of mailen naar service@fiets.nl.",
        );
        assert!(!c.fires(PersonalDataExposed));
    }
}
