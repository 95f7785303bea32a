//! Dutch form of address (brief §4): use je/jij only when the customer does; a customer
//! who writes "u" gets "u". Converts a reply between the two, verbs included
//! ("kun je" ↔ "kunt u", "je hebt" ↔ "u heeft"), from the verb table in the lexicon.

use crate::lexicon::{Lexicon, List, RegisterTable};
use crate::model::Register;
use crate::reply::Reading;
use crate::text::{same_case_as, Doc, TokenKind};

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
/// `target`, by the language's register table (`[register]` in its lexicon).
pub fn convert_doc(doc: &Doc, target: Register, lx: &Lexicon) -> String {
    let words: Vec<usize> = (0..doc.tokens.len())
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .collect();
    let mut c = Converter {
        doc,
        lx,
        table: &lx.register,
        edits: Vec::new(),
    };
    for (k, &i) in words.iter().enumerate() {
        // only a word right next to the pronoun counts ("kun je", "je hebt"), not one
        // across a comma ("Ja hoor, je trein")
        let prev = k.checked_sub(1).map(|p| words[p]).filter(|&p| p + 1 == i);
        let next = words.get(k + 1).copied().filter(|&n| n == i + 1);
        let new = match target {
            Register::Formal => c.formal_of(i, prev, next),
            Register::Informal => c.informal_of(i, prev, next),
            Register::Unknown => None,
        };
        if let Some(new) = new {
            c.edit(i, new);
        }
    }
    c.apply()
}

/// One conversion: the edits so far (token index → new text), applied at the end.
struct Converter<'d, 'a> {
    doc: &'d Doc<'a>,
    lx: &'d Lexicon,
    table: &'d RegisterTable,
    edits: Vec<(usize, String)>,
}

impl<'d> Converter<'d, '_> {
    /// Token `i` becomes `new`, capitalised as it was.
    fn edit(&mut self, i: usize, new: &str) {
        let edit = same_case_as(self.doc.tokens[i].text(self.doc.source), new);
        self.edits.push((i, edit));
    }

    /// What the informal word at `i` becomes in the formal register, editing the verb
    /// next to it when that changes too.
    fn formal_of(&mut self, i: usize, prev: Option<usize>, next: Option<usize>) -> Option<&'d str> {
        let (doc, table) = (self.doc, self.table);
        let norm = |i: usize| doc.tokens[i].norm.as_str();
        // (every word the table converts is in the lexicon's pronoun lists)
        if !self.lx.has_word(List::InformalPronoun, &doc.tokens[i].norm) {
            return None;
        }
        if let Some(new) = table.to_formal.get(norm(i)) {
            return Some(new);
        }
        if norm(i) != table.informal {
            return None;
        }
        // inversion: "kun je" → "kunt u"
        let verbs = &table.verbs;
        if let Some(p) = prev.filter(|&p| verbs.iter().any(|(stem, _)| stem == norm(p))) {
            if let Some((_, uform)) = verbs.iter().find(|(stem, _)| stem == norm(p)) {
                self.edit(p, uform);
            }
            return Some(&table.formal);
        }
        // "je hebt" → "u heeft"
        let verb_of = |v: &str| {
            verbs
                .iter()
                .find(|(stem, u)| v == stem || v == u || v.strip_suffix('t') == Some(stem.as_str()))
        };
        if let Some(n) = next.filter(|&n| verb_of(norm(n)).is_some()) {
            if let Some((_, uform)) = verb_of(norm(n)) {
                self.edit(n, uform);
            }
            return Some(&table.formal);
        }
        // a subject after a subordinator ("dat je") or before a particle or a stop word
        // ("je … uit", "je de"); otherwise a possessive ("je trein" → "uw trein")
        let after_subordinator =
            prev.is_some_and(|p| table.subordinators.iter().any(|s| s == norm(p)));
        let subject = next.is_none_or(|n| {
            table.particles.iter().any(|p| p == norm(n)) || self.lx.has_word(List::Stop, norm(n))
        });
        Some(if after_subordinator || subject {
            &table.formal
        } else {
            &table.formal_possessive
        })
    }

    /// What the formal word at `i` becomes in the informal register, editing the verbs
    /// around it ("kunt u" → "kun je", "u heeft" → "je hebt").
    fn informal_of(
        &mut self,
        i: usize,
        prev: Option<usize>,
        next: Option<usize>,
    ) -> Option<&'d str> {
        let (doc, table) = (self.doc, self.table);
        let norm = |i: usize| doc.tokens[i].norm.as_str();
        if !self.lx.has_word(List::FormalPronoun, &doc.tokens[i].norm) {
            return None;
        }
        if let Some(new) = table.to_informal.get(norm(i)) {
            return Some(new);
        }
        if norm(i) != table.formal {
            return None;
        }
        if let Some(p) = prev {
            if let Some((stem, _)) = table.verbs.iter().find(|(_, u)| u == norm(p)) {
                self.edit(p, stem);
            }
        }
        if let Some(n) = next {
            if let Some(verb) = table.verb_after_formal.get(norm(n)) {
                self.edit(n, verb);
            }
        }
        Some(&table.informal)
    }

    /// The text with the edits made (the first edit of a token wins).
    fn apply(mut self) -> String {
        let text = self.doc.source;
        self.edits.sort_by_key(|e| e.0);
        self.edits.dedup_by_key(|e| e.0);
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for (i, rep) in self.edits {
            let (a, b) = self.doc.tokens[i].byte;
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
    fn the_words_the_table_converts_are_pronouns() {
        // (the conversion looks only at words in the pronoun lists)
        let lx = lexicon(Lang::Nl);
        let table = &lx.register;
        for w in table.to_formal.keys().chain([&table.informal]) {
            assert!(lx.has_word(List::InformalPronoun, w.as_str()), "{w}");
        }
        for w in table.to_informal.keys().chain([&table.formal]) {
            assert!(lx.has_word(List::FormalPronoun, w.as_str()), "{w}");
        }
        assert!(table.exists() && !lexicon(Lang::En).has_register());
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
