//! humor-on-complaint: a joke, "haha" or laughing emoji in reply to a complaint reads as
//! mockery (brief §4, §10). The fix takes it out, with its sentence when that says
//! nothing else.

use super::{Check, Context, Out};
use crate::fix::{deletion_span, removal_range};
use crate::lexicon::Category;
use crate::rulebook::RuleId;
use crate::text::TokenRange;

pub const RULE: Check = Check {
    id: RuleId::HumorOnComplaint,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    if !cx.complaint() {
        return;
    }
    let r = cx.reading;
    let mut seen: Vec<TokenRange> = Vec::new();
    for h in r.hits(Category::Humor) {
        let range = removal_range(r, h.range);
        if seen.contains(&range) {
            continue;
        }
        seen.push(range);
        out.push(&[], Some(deletion_span(&r.doc, range)), Some(String::new()));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::HumorOnComplaint;

    #[test]
    fn the_joke_goes() {
        let c = case(
            "Alweer 20 minuten vertraging op lijn 12. Lekker dan.",
            "Balen! Haha, zo kom je tenminste niet te vroeg 😂. Lijn 12 rijdt om 9:00 weer.",
        );
        assert_eq!(c.fixed(HumorOnComplaint), "Balen! Lijn 12 rijdt om 9:00 weer.");
    }

    #[test]
    fn laughing_along_with_a_fan_is_fine() {
        let c = case("the new season looks amazing!!", "Haha same here Zoe! 😂");
        assert!(!c.fires(HumorOnComplaint));
    }
}
