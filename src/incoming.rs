//! Reading the incoming post (brief §2, §6): language, kind, sentiment, reason for
//! contact, advice to respond or not, Dutch register, the author's first name and the
//! post's age against the response-time norm.

use crate::lexicon::{in_any_language, lexicon, Category, CategoryHits, Lexicon, List};
use crate::model::*;
use crate::text::{Doc, TokenKind};

/// Tells the languages apart by counting each one's function words. `None` when the
/// text gives no evidence either way (no language has more of its own than the others).
pub fn detect_language(doc: &Doc) -> Option<Lang> {
    let mut counts = [0usize; Lang::ALL.len()];
    let lexicons = Lang::ALL.map(lexicon);
    for (_, t) in doc.words() {
        // the languages whose function word this is, as bits; words languages share
        // ("in", "is", "we", "sorry") count for none of them
        let langs = lexicons.iter().fold(0u32, |bits, lx| {
            bits | (lx.has_word(List::Function, &t.norm) as u32) << lx.lang as u32
        });
        if langs.count_ones() == 1 {
            counts[langs.trailing_zeros() as usize] += 1;
        }
    }
    let most = *counts.iter().max()?;
    let mut leaders = Lang::ALL
        .into_iter()
        .filter(|&l| counts[l as usize] == most);
    let leader = leaders.next()?;
    leaders.next().is_none().then_some(leader)
}

/// The first name in a display name: "Sonja de Vries" → Sonja; none for handles such as
/// "xXdennisXx", "jan_1987" or "CoolGuy99", nor for generic names ("The Real Deal").
pub fn first_name(display_name: &str) -> Option<String> {
    let cleaned: String = display_name
        .chars()
        .map(|c| {
            if crate::text::is_pictograph(c) || c == '|' || c == '•' || c == '(' || c == ')' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let first = cleaned.split_whitespace().next()?;
    let first = first.trim_matches(|c: char| matches!(c, ',' | '.' | '!' | '"' | '\'' | '-' | '_'));
    let mut chars = first.chars();
    let head = chars.next()?;
    if !head.is_alphabetic() || first.chars().count() < 2 {
        return None;
    }
    if !first
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
    {
        return None; // digits, underscores, dots: a handle
    }
    // Casing like a name: "Sonja", "SONJA", "sonja", "Jean-Pierre", "McKenzie", "O'Brien";
    // not "xXdennisXx" (capitals in the middle after lower case, more than a name has).
    let rest: Vec<char> = first.chars().skip(1).collect();
    let upper_inside = rest.iter().filter(|c| c.is_uppercase()).count();
    let all_upper = first
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    if !all_upper && (head.is_lowercase() && upper_inside > 0 || upper_inside > 1) {
        return None;
    }
    if !all_upper && upper_inside == 1 {
        // allowed only after a hyphen/apostrophe or a Mc/Mac/O' prefix
        let ok = first.char_indices().skip(1).all(|(i, c)| {
            !c.is_uppercase() || {
                let before = &first[..i];
                before.ends_with('-')
                    || before.ends_with('\'')
                    || in_any_language(List::NamePrefix, &before.to_lowercase())
            }
        });
        if !ok {
            return None;
        }
    }
    if in_any_language(List::NotAName, &first.to_lowercase()) {
        return None;
    }
    // Normalise casing: "SONJA" / "sonja" → "Sonja"; keep inner capitals of Jean-Pierre.
    let mut out = String::new();
    let mut cap_next = true;
    for c in first.chars() {
        if cap_next {
            out.extend(c.to_uppercase());
        } else if all_upper || head.is_lowercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        cap_next = c == '-';
    }
    Some(out)
}

struct Cues {
    problem: usize,
    venting: usize,
    positive: usize,
    abuse: usize,
    trolling: usize,
    irony: usize,
    among_themselves: usize,
    org_action: usize,
    question: bool,
    first_person: bool,
    implied_first_person: bool,
    second_person: bool,
    concrete: bool,
    formal: usize,
    informal: usize,
}

fn cues(doc: &Doc, lx: &Lexicon, hits: &CategoryHits) -> Cues {
    let count = |cat: Category| hits.get(cat).len();
    let mut question = false;
    let mut implied_first_person = false;
    for s in &doc.sentences {
        let first_word = (s.tokens.start..s.tokens.end)
            .map(|i| &doc.tokens[i])
            .find(|t| t.is_word());
        if s.question {
            question = true;
        }
        if !s.question {
            if let Some(w) = first_word {
                if lx
                    .phrases(Category::ImpliedFirstPerson)
                    .find_in(doc, s.tokens)
                    .first()
                    .map(|h| doc.tokens[h.range.start].norm == w.norm)
                    .unwrap_or(false)
                {
                    implied_first_person = true;
                }
            }
        }
    }
    // A question that starts with a question word but has no "?" (common on X).
    if !question {
        if let Some(first) = doc.words().next() {
            if lx
                .phrases(Category::QuestionStart)
                .find_in(
                    doc,
                    crate::text::TokenRange {
                        start: first.0,
                        end: first.0 + 1,
                    },
                )
                .len()
                == 1
                && doc
                    .tokens
                    .iter()
                    .all(|t| t.kind != TokenKind::Terminal || t.norm.contains('?'))
                && doc.sentences.len() == 1
            {
                question = true;
            }
        }
    }
    let words: Vec<&crate::text::Norm> = doc.words().map(|(_, t)| &t.norm).collect();
    let first_person = words.iter().any(|w| lx.has_word(List::FirstPerson, w));
    let second_person = words
        .iter()
        .any(|w| in_any_language(List::SecondPerson, *w));
    let concrete = doc.tokens.iter().any(|t| t.is_word() && t.has_digit()) || first_person;
    Cues {
        problem: count(Category::Problem),
        venting: count(Category::Venting),
        positive: count(Category::Positive),
        abuse: count(Category::Abuse),
        trolling: count(Category::Trolling),
        irony: count(Category::Irony),
        among_themselves: count(Category::ConsumersAmongThemselves),
        org_action: count(Category::OrgAction),
        question,
        first_person,
        implied_first_person,
        second_person,
        concrete,
        formal: words
            .iter()
            .filter(|w| lx.has_word(List::FormalPronoun, w))
            .count(),
        informal: words
            .iter()
            .filter(|w| lx.has_word(List::InformalPronoun, w))
            .count(),
    }
}

/// Reads the incoming post. `ui` is the interface language for the advice message.
pub fn read_post(post: Option<&Post>, profile: &Profile, fallback: Lang) -> Incoming {
    let norm = profile.response_time_norm_minutes;
    let Some(post) = post.filter(|p| !p.text.trim().is_empty()) else {
        return Incoming {
            language: None,
            kind: Kind::Remark,
            sentiment: Sentiment::Neutral,
            reason: None,
            advice: Advice::Respond,
            advice_reason: None,
            advice_message: Text::Borrowed(""),
            register: Register::Unknown,
            first_name: post.and_then(|p| p.author.as_deref()).and_then(first_name),
            age_minutes: post.and_then(|p| p.age_minutes),
            response_time_norm_minutes: norm,
            late: post
                .and_then(|p| p.age_minutes)
                .map(|a| a > norm as f64)
                .unwrap_or(false),
            asks_commercial: false,
            certainty: Certainty::Sure,
            signals: Vec::new(),
            trouble: None,
        };
    };
    let doc = Doc::new(&post.text);
    let language = detect_language(&doc);
    let lx = lexicon(language.unwrap_or(fallback));
    let hits = lx.find_all(&doc);
    let c = cues(&doc, lx, &hits);

    // Kind (eval README): a post reporting a problem is a complaint even as a question.
    // `problem` counts concrete trouble ("broken", "3 hours on hold"); `venting` counts
    // judgement alone ("worst", "belachelijk"), which makes a complaint only together
    // with something concrete (brief §6: remarks based on emotion alone go unanswered).
    let no_substance = !c.concrete && c.problem == 0;
    let trouble = c.problem + c.venting;
    let (kind, advice_reason) =
        if c.abuse > 0 && (c.problem == 0 || (!c.concrete && c.problem <= 1)) {
            (Kind::Remark, Some(AdviceReason::Abuse))
        } else if c.trolling > 0 && no_substance {
            (Kind::Remark, Some(AdviceReason::Trolling))
        } else if c.irony > 0 && !c.concrete && (c.irony >= 2 || c.problem <= 1) {
            (Kind::Remark, Some(AdviceReason::IronicOrProvocative))
        } else if c.venting > 0 && no_substance && !c.question {
            (Kind::Remark, Some(AdviceReason::EmotionOnly))
        } else if c.among_themselves > 0 && !c.second_person {
            let kind = if trouble > 0 {
                Kind::Complaint
            } else {
                Kind::Remark
            };
            (kind, Some(AdviceReason::ConsumersAmongThemselves))
        } else if trouble > 0
            && (trouble + c.irony > c.positive.saturating_sub(c.irony)
                // a concrete problem outweighs as much praise ("thanks! but the box was
                // broken"): a post that reports a problem is a complaint
                || c.problem >= c.positive.saturating_sub(c.irony))
        {
            (Kind::Complaint, None)
        } else if c.positive > 0 && c.irony == 0 {
            (Kind::Compliment, None)
        } else if c.question {
            (Kind::Question, None)
        } else if trouble > 0 {
            (Kind::Complaint, None)
        } else {
            (Kind::Remark, None)
        };

    let sentiment = match kind {
        Kind::Complaint => Sentiment::Negative,
        Kind::Compliment => Sentiment::Positive,
        Kind::Question => Sentiment::Neutral,
        Kind::Remark => {
            if c.abuse + c.trolling + c.irony + c.problem + c.venting > 0 {
                Sentiment::Negative
            } else if c.positive > 0 {
                Sentiment::Positive
            } else {
                Sentiment::Neutral
            }
        }
    };

    // Reason for contact (brief §2), for complaints and remarks.
    let reason = match kind {
        Kind::Question | Kind::Compliment => None,
        _ => Some(if c.first_person {
            Reason::PersonalExperience
        } else if c.org_action > 0 {
            Reason::OrganisationAction
        } else if c.implied_first_person {
            Reason::PersonalExperience
        } else if c.second_person {
            Reason::OrganisationAction
        } else {
            Reason::FactualStatement
        }),
    };

    let advice = if advice_reason.is_some() {
        Advice::DontRespond
    } else {
        Advice::Respond
    };
    // (a language without a formal "you" has no pronouns of either form: unknown)
    let register = match c.formal.cmp(&c.informal) {
        std::cmp::Ordering::Greater => Register::Formal,
        std::cmp::Ordering::Less => Register::Informal,
        std::cmp::Ordering::Equal => Register::Unknown,
    };
    let age = post.age_minutes.filter(|a| a.is_finite());
    Incoming {
        language,
        kind,
        sentiment,
        reason,
        advice,
        advice_reason,
        advice_message: Text::Borrowed(""), // filled in the interface language by `crate::analyze`
        register,
        first_name: post.author.as_deref().and_then(first_name),
        age_minutes: age,
        response_time_norm_minutes: norm,
        late: age.map(|a| a > norm as f64).unwrap_or(false),
        asks_commercial: !hits.get(Category::Commercial).is_empty(),
        certainty: Certainty::Sure,
        signals: Vec::new(),
        trouble: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Incoming {
        read_post(
            Some(&Post {
                text: text.into(),
                author: None,
                age_minutes: None,
            }),
            &Profile::default(),
            Lang::En,
        )
    }

    #[test]
    fn first_names_from_display_names() {
        assert_eq!(first_name("Sonja de Vries").as_deref(), Some("Sonja"));
        assert_eq!(first_name("Liam").as_deref(), Some("Liam"));
        assert_eq!(first_name("Fatima El Amrani").as_deref(), Some("Fatima"));
        assert_eq!(
            first_name("Jean-Pierre Dubois").as_deref(),
            Some("Jean-Pierre")
        );
        assert_eq!(first_name("SONJA").as_deref(), Some("Sonja"));
        assert_eq!(first_name("Zoë 🌸").as_deref(), Some("Zoë"));
        assert_eq!(first_name("xXdennisXx"), None);
        assert_eq!(first_name("jan_1987"), None);
        assert_eq!(first_name("CoolGuy99"), None);
        assert_eq!(first_name("KeesBakker"), None);
        assert_eq!(first_name("The Real Deal"), None);
        assert_eq!(first_name("Klantenservice Bol"), None);
        assert_eq!(first_name("🙂"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            read("@AirFly my flight got cancelled and nobody at the desk can tell me anything.")
                .kind,
            Kind::Complaint
        );
        assert_eq!(read("@Energiebedrijf wanneer krijg ik eindelijk mijn eindafrekening? Ik wacht al 8 weken.").kind, Kind::Complaint);
        assert_eq!(
            read("@ShopCo is the blue hoodie coming back in size M?").kind,
            Kind::Question
        );
        assert_eq!(
            read("Love the new opening hours on Sundays! 🙌").kind,
            Kind::Compliment
        );
        let abuse = read("@Bezorgdienst kankerbedrijf, rot toch op met jullie kutservice");
        assert_eq!(
            (abuse.kind, abuse.advice, abuse.advice_reason),
            (Kind::Remark, Advice::DontRespond, Some(AdviceReason::Abuse))
        );
        let irony =
            read("@TelcoNL jullie hebben zeker weer eens een storing? Geweldig bedrijf hoor 🙄");
        assert_eq!(
            (irony.kind, irony.advice),
            (Kind::Remark, Advice::DontRespond)
        );
        // an angry customer with a concrete problem is answered
        let angry = read("@Bezorgdienst pakket kapot en in de regen gegooid. Stelletje prutsers.");
        assert_eq!(
            (angry.kind, angry.advice),
            (Kind::Complaint, Advice::Respond)
        );
    }

    #[test]
    fn register_and_reason() {
        assert_eq!(
            read("Kunt u mij vertellen of de jas in XL leverbaar is?").register,
            Register::Formal
        );
        assert_eq!(
            read("internet ligt eruit. Kunnen jullie leveren waar je voor betaalt?").register,
            Register::Informal
        );
        assert_eq!(
            read("Kunnen jullie mijn abonnement ook per maand opzeggen?").register,
            Register::Unknown
        );
        assert_eq!(read("my order arrived broken").register, Register::Unknown);
        assert_eq!(
            read("been a member for 6 years and you raise the price by 40%?? Disgusting.").reason,
            Some(Reason::OrganisationAction)
        );
        assert_eq!(
            read("Mijn bestelling is nog steeds niet binnen, al 10 dagen!").reason,
            Some(Reason::PersonalExperience)
        );
    }

    #[test]
    fn language() {
        assert_eq!(
            detect_language(&Doc::new("Wat vervelend dat je pakket er nog niet is")),
            Some(Lang::Nl)
        );
        assert_eq!(
            detect_language(&Doc::new("Same here Zoe!! Popcorn ready?")),
            Some(Lang::En)
        );
        assert_eq!(detect_language(&Doc::new("👍")), None);
    }
}
