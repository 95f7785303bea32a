//! Dutch form of address (brief §4): use je/jij only when the customer does; a customer
//! who writes "u" gets "u". Converts a reply between the two, verbs included
//! ("kun je" ↔ "kunt u", "je hebt" ↔ "u heeft"), from the verb table in the lexicon.

use crate::lexicon::{Lexicon, List};
use crate::model::Register;
use crate::reply::Reading;
use crate::text::{same_case_as, Doc, TokenKind};

const SUBORDINATORS: &[&str] = &[
    "dat", "als", "of", "wanneer", "omdat", "zodat", "toen", "terwijl", "voordat", "nadat",
    "zodra", "hoe", "waar", "waarom", "wat", "welke", "mits", "tenzij", "indien", "dan",
];
const PARTICLES: &[&str] = &[
    "uit", "op", "aan", "na", "in", "door", "terug", "mee", "klaar", "langs", "toe", "af", "over",
    "verder",
];

/// How many formal and informal pronouns the reply uses, outside the agent's signature.
pub fn pronoun_counts(reading: &Reading) -> (usize, usize) {
    let lx = reading.lx;
    let mut formal = 0;
    let mut informal = 0;
    for (i, t) in reading.doc.words() {
        if reading.signature.is_some_and(|s| s.contains(i)) {
            continue;
        }
        if lx.has_word(List::FormalPronoun, &t.norm) {
            formal += 1;
        } else if lx.has_word(List::InformalPronoun, &t.norm) {
            informal += 1;
        }
    }
    (formal, informal)
}

/// Rewrites the pronouns (and the verbs that go with them) of a tokenised text into
/// `target`.
pub fn convert_doc(doc: &Doc, target: Register, lx: &Lexicon) -> String {
    let text = doc.source;
    let words: Vec<usize> = (0..doc.tokens.len())
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .collect();
    let verbs = &lx.register.verbs;
    let mut edits: Vec<(usize, String)> = Vec::new(); // token index → new text
    let norm = |i: usize| doc.tokens[i].norm.as_str();
    for (k, &i) in words.iter().enumerate() {
        // only a word right next to the pronoun counts ("kun je", "je hebt"), not one
        // across a comma ("Ja hoor, je trein")
        let prev = k.checked_sub(1).map(|p| words[p]).filter(|&p| p + 1 == i);
        let next = words.get(k + 1).copied().filter(|&n| n == i + 1);
        let w = norm(i);
        match target {
            Register::Formal => {
                let new = match w {
                    "jij" | "jou" => Some("u"),
                    "jouw" => Some("uw"),
                    "jezelf" | "jouzelf" => Some("uzelf"),
                    "je" => {
                        if let Some(p) =
                            prev.filter(|&p| verbs.iter().any(|(stem, _)| stem == norm(p)))
                        {
                            // inversion: "kun je" → "kunt u"
                            if let Some((_, uform)) = verbs.iter().find(|(stem, _)| stem == norm(p))
                            {
                                edits.push((p, same_case_as(doc.tokens[p].text(text), uform)));
                            }
                            Some("u")
                        } else if let Some(n) = next.filter(|&n| {
                            verbs.iter().any(|(stem, u)| {
                                let v = norm(n);
                                v == stem || v == u || v.strip_suffix('t') == Some(stem.as_str())
                            })
                        }) {
                            // "je hebt" → "u heeft"
                            let v = norm(n).to_string();
                            if let Some((_, uform)) = verbs.iter().find(|(stem, u)| {
                                *stem == v || *u == v || v.strip_suffix('t') == Some(stem)
                            }) {
                                edits.push((n, same_case_as(doc.tokens[n].text(text), uform)));
                            }
                            Some("u")
                        } else if prev
                            .map(|p| SUBORDINATORS.contains(&norm(p)))
                            .unwrap_or(false)
                            || next
                                .map(|n| {
                                    PARTICLES.contains(&norm(n)) || lx.has_word(List::Stop, norm(n))
                                })
                                .unwrap_or(true)
                        {
                            Some("u")
                        } else {
                            Some("uw")
                        }
                    }
                    _ => None,
                };
                if let Some(n) = new {
                    edits.push((i, same_case_as(doc.tokens[i].text(text), n)));
                }
            }
            Register::Informal => {
                let new = match w {
                    "uw" => Some("je"),
                    "uzelf" => Some("jezelf"),
                    "u" => {
                        if let Some(p) = prev {
                            if let Some((stem, _)) = verbs.iter().find(|(_, u)| u == norm(p)) {
                                edits.push((p, same_case_as(doc.tokens[p].text(text), stem)));
                            }
                        }
                        if let Some(n) = next {
                            if norm(n) == "heeft" {
                                edits.push((n, same_case_as(doc.tokens[n].text(text), "hebt")));
                            }
                        }
                        Some("je")
                    }
                    _ => None,
                };
                if let Some(n) = new {
                    edits.push((i, same_case_as(doc.tokens[i].text(text), n)));
                }
            }
            Register::Unknown => {}
        }
    }
    edits.sort_by_key(|e| e.0);
    edits.dedup_by_key(|e| e.0);
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (i, rep) in edits {
        let (a, b) = doc.tokens[i].byte;
        if a < last {
            continue;
        }
        out.push_str(&text[last..a]);
        out.push_str(&rep);
        last = b;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use crate::model::Lang;

    fn convert(text: &str, target: Register, lx: &Lexicon) -> String {
        convert_doc(&Doc::new(text), target, lx)
    }

    #[test]
    fn to_formal_and_back() {
        let lx = lexicon(Lang::Nl);
        assert_eq!(
            convert("Je kunt de jas gewoon bestellen.", Register::Formal, lx),
            "U kunt de jas gewoon bestellen."
        );
        assert_eq!(
            convert("Kun je me je ordernummer sturen?", Register::Formal, lx),
            "Kunt u me uw ordernummer sturen?"
        );
        assert_eq!(
            convert(
                "Wat vervelend dat je zo lang moet wachten!",
                Register::Formal,
                lx
            ),
            "Wat vervelend dat u zo lang moet wachten!"
        );
        assert_eq!(
            convert("Herstart uw modem.", Register::Informal, lx),
            "Herstart je modem."
        );
        assert_eq!(
            convert("Ja hoor, je trein rijdt.", Register::Formal, lx),
            "Ja hoor, uw trein rijdt."
        );
        assert_eq!(
            convert("Heeft u een foto? U heeft gelijk.", Register::Informal, lx),
            "Heb je een foto? Je hebt gelijk."
        );
    }
}
