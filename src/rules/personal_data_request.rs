//! personal-data-request: the reply asks for personal data (address, phone, e-mail,
//! account numbers) in public (brief §8). A request via a private channel is fine: a DM,
//! a form, a ticket or a link named in that sentence or before it, or a DM asked for in
//! the sentence after a question. Data the reply says not to give ("without revealing
//! your e-mail address") is not asked for. The fix moves the request to a DM, only where
//! the sentence itself asks for the data in public: not one that points to a form, link or
//! e-mail address, says what not to share, or follows a request to DM (then the agent
//! decides).

use super::{Check, Context, Out};
use crate::lexicon::{Category, Hit, List, Template};
use crate::reply::Reading;
use crate::rulebook::RuleId;
use crate::text::{Sentence, TokenKind};

pub const RULE: Check = Check {
    id: RuleId::PersonalDataRequest,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let r = cx.reading;
    let doc = &r.doc;
    let in_sentence = |s: &Sentence, hits: &[Hit]| hits.iter().any(|h| s.tokens.contains(h.range.start));
    // once the reply names a private route (a DM, a form, a ticket, a link), the details
    // it asks for go there: "Submit a ticket at <link>. Please include your e-mail address."
    let mut routed = false;
    for s in &doc.sentences {
        // (a question followed by "Please send that via DM." asks in private too)
        let next = doc
            .sentence_index_of(s.tokens.start)
            .and_then(|k| doc.sentences.get(k + 1))
            .filter(|_| s.question);
        let mut upto = next.map_or(s.tokens.end, |n| n.tokens.end);
        // (the signature is no request: "^DM" are initials)
        if let Some(sig) = r.signature {
            upto = upto.min(sig.start.max(s.tokens.end));
        }
        let private = in_sentence(s, r.hits(Category::PrivateRoute))
            || doc.tokens[s.tokens.start..upto]
                .iter()
                .any(|t| t.is_word() && r.lx.has_word(List::PrivateChannel, &t.norm));
        let was_routed = routed;
        routed |= private;
        let asks = in_sentence(s, r.hits(Category::Request))
            || in_sentence(s, r.hits(Category::InformationRequest));
        if !asks || !r.hits(Category::PersonalData).iter().any(|h| asked_for(r, s, h)) {
            continue;
        }
        // "here" or "below" next to a link or a form points at it; "reply here with",
        // "in the comments" do not
        let public: Vec<&Hit> = r
            .hits(Category::PublicChannel)
            .iter()
            .filter(|h| s.tokens.contains(h.range.start))
            .filter(|h| !(private && h.range.end - h.range.start == 1))
            .collect();
        if (private || was_routed) && public.is_empty() {
            continue;
        }
        let data = r
            .hits(Category::PersonalData)
            .iter()
            .find(|h| asked_for(r, s, h));
        let fixed = movable(r, s).then(|| match public.first() {
            Some(_) => via_private_channel(r, s, &public),
            None => with_dm_added(r, s, data),
        });
        out.push(&[], Some(doc.span(s.tokens)), fixed);
    }
}

/// Personal data `h` in sentence `s` is asked for: not excluded by the word right before
/// it ("our e-mail address", "(no account number)"), nor turned around by a word a little
/// before ("without revealing your email address"). ("Stuur ons uw adres": "ons" two
/// words back is whom to send it to.)
fn asked_for(r: &Reading, s: &Sentence, h: &Hit) -> bool {
    if !s.tokens.contains(h.range.start) {
        return false;
    }
    // (data that opens with the customer's own "your"/"uw" is theirs, whatever stands
    // before it)
    let theirs = r.doc.tokens[h.range.start..h.range.end]
        .iter()
        .find(|t| t.is_word())
        .is_some_and(|t| r.lx.has_word(List::Possessive, &t.norm));
    r.doc.tokens[s.tokens.start..h.range.start]
        .iter()
        .rev()
        .filter(|t| t.is_word())
        .take(3)
        .enumerate()
        .all(|(k, t)| {
            let list = if k == 0 && !theirs {
                List::Exclusion
            } else {
                List::Negation
            };
            !r.lx.has_word(list, &t.norm)
        })
}

/// The request in sentence `s` can move to a DM by the fix: the sentence points to no
/// other channel (a link, an e-mail address), turns nothing around ("without",
/// "don't"), and no earlier sentence already asks for a DM.
fn movable(r: &Reading, s: &Sentence) -> bool {
    let doc = &r.doc;
    // (the link may stand right after the sentence: "… (username, etc.) https://…")
    let next = doc.sentence_index_of(s.tokens.start).and_then(|k| doc.sentences.get(k + 1));
    let upto = next.map_or(s.tokens.end, |n| n.tokens.end);
    let other_channel = doc.tokens[s.tokens.start..upto]
        .iter()
        .any(|t| matches!(t.kind, TokenKind::Url | TokenKind::Email));
    let negated = doc.tokens[s.tokens.start..s.tokens.end]
        .iter()
        .any(|t| t.is_word() && r.lx.has_word(List::Negation, &t.norm));
    let dm_before = r
        .hits(Category::DmRequest)
        .iter()
        .any(|h| h.range.start < s.tokens.start);
    !other_channel && !negated && !dm_before
}

/// Sentence `s` with its first public phrase ("hier in de reacties") made the private
/// channel and the others taken out.
fn via_private_channel(r: &Reading, s: &Sentence, public: &[&Hit]) -> String {
    let doc = &r.doc;
    let (a, b) = doc.byte_range(s.tokens);
    let mut t = String::new();
    let mut last = a;
    for (k, h) in public.iter().enumerate() {
        let (ha, hb) = doc.byte_range(h.range);
        t.push_str(&doc.source[last..ha]);
        if k == 0 {
            let rep = r.lx.replacement(Category::PublicChannel, h.pattern);
            t.push_str(rep.unwrap_or(""));
        }
        last = hb;
    }
    t.push_str(&doc.source[last..b]);
    t
}

/// Sentence `s` with "via DM" before its closing punctuation and emoji ("bsn? 😊"), or
/// right after the data asked for when another clause follows it ("your phone number via
/// DM so I can call you?": the call is not what goes by DM); a question for the data
/// itself ("what's your ZIP code?") is followed by a sentence that moves the answer to a
/// DM instead.
fn with_dm_added(r: &Reading, s: &Sentence, data: Option<&Hit>) -> String {
    let doc = &r.doc;
    let (a, b) = doc.byte_range(s.tokens);
    let sentence_text = &doc.source[a..b];
    // a clause that opens with a question word ("If so, what's your ZIP code?")
    let asks_what = s.clauses.iter().any(|c| {
        doc.tokens[c.start..c.end]
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| r.lx.has_word(List::QuestionWord, &t.norm))
    });
    if s.question && asks_what {
        let follow = r.lx.template(Template::DmFollowup, &[]);
        return format!("{} {follow}", sentence_text.trim_end());
    }
    let via = r.lx.template(Template::ViaDm, &[]);
    // the data closes a clause that another follows: a comma or a conjunction after it
    if let Some(h) = data {
        let closes_inner_clause = h.range.end < s.tokens.end
            && doc.tokens.get(h.range.end).is_some_and(|t| {
                t.norm == "," || t.is_word() && r.lx.has_word(List::ClauseLink, &t.norm)
            });
        if closes_inner_clause {
            let at = doc.tokens[h.range.end - 1].byte.1 - a;
            return format!("{} {via}{}", &sentence_text[..at], &sentence_text[at..]);
        }
    }
    let mut k = s.tokens.end;
    while k > s.tokens.start
        && matches!(
            doc.tokens[k - 1].kind,
            TokenKind::Terminal | TokenKind::Emoji | TokenKind::Newline
        )
    {
        k -= 1;
    }
    let cut = if k < s.tokens.end {
        doc.tokens[k].byte.0 - a
    } else {
        sentence_text.len()
    };
    let body = sentence_text[..cut].trim_end();
    let tail = &sentence_text[body.len()..];
    format!("{body} {via}{tail}")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::PersonalDataRequest;

    #[test]
    fn the_request_moves_to_a_dm() {
        let c = case(
            "Mijn pakket is bij de buren bezorgd.",
            "Stuur je me je adres hier in de reacties?",
        );
        assert_eq!(c.fixed(PersonalDataRequest), "Stuur je me je adres in een DM?");
        let c = case("I can't log in.", "Please reply with your account number 😊");
        assert_eq!(
            c.fixed(PersonalDataRequest),
            "Please reply with your account number via DM 😊"
        );
        let c = case("My TV keeps freezing.", "Is a channel affected? If so, what's your ZIP code?");
        assert_eq!(
            c.fixed(PersonalDataRequest),
            "Is a channel affected? If so, what's your ZIP code? Please send that via DM."
        );
        // the data goes by DM, not what follows it
        let c = case(
            "My order never arrived. Fed up!",
            "Sorry! Could you send me your phone number so I can call you?",
        );
        assert_eq!(
            c.fixed(PersonalDataRequest),
            "Sorry! Could you send me your phone number via DM so I can call you?"
        );
        let c = case(
            "Mijn bestelling is nooit aangekomen!",
            "Balen! Stuur me anders even je telefoonnummer, dan bel ik je.",
        );
        assert_eq!(
            c.fixed(PersonalDataRequest),
            "Balen! Stuur me anders even je telefoonnummer in een DM, dan bel ik je."
        );
    }

    #[test]
    fn via_dm_only_where_the_sentence_asks_in_public() {
        // a form or e-mail address to send to, a "without", a DM asked for before: the
        // finding stands, and the agent decides
        for (post, reply) in [
            ("I can't log in.", "Please send us an email at https://help.example.com/new and we will assist."),
            ("I can't log in.", "Without revealing your email address, give us the exact error message."),
            ("Parcel late", "Please DM us your tracking number. Don't forget to add your shipping address."),
        ] {
            for f in case(post, reply).findings(PersonalDataRequest) {
                assert_eq!(f.replacement, None, "{reply}");
            }
        }
    }

    #[test]
    fn a_request_in_private_is_fine() {
        for reply in [
            "Stuur je me je ordernummer via DM?",
            "Could you DM me your account number?",
        ] {
            assert!(!case("my parcel is late", reply).fires(PersonalDataRequest), "{reply}");
        }
    }
}
