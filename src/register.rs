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
        let prev2 = k
            .checked_sub(2)
            .map(|p| words[p])
            .filter(|&p| prev == Some(p + 1));
        let next = words.get(k + 1).copied().filter(|&n| n == i + 1);
        let around = Around { prev, prev2, next };
        let new = match target {
            Register::Formal => c.formal_of(i, around),
            Register::Informal => c.informal_of(i, around),
            Register::Unknown => None,
        };
        if let Some(new) = new {
            c.edit(i, new);
        }
    }
    if target == Register::Formal {
        c.formal_greeting(&words);
    }
    c.apply()
}

/// The words right before and after a pronoun (token indexes), when nothing stands
/// between them.
#[derive(Clone, Copy)]
struct Around {
    prev: Option<usize>,
    prev2: Option<usize>,
    next: Option<usize>,
}

/// One conversion: the edits so far (token index → new text), applied at the end.
struct Converter<'d, 'a> {
    doc: &'d Doc<'a>,
    lx: &'d Lexicon,
    table: &'d RegisterTable,
    edits: Vec<(usize, String)>,
}

impl<'d> Converter<'d, '_> {
    fn norm(&self, i: usize) -> &'d str {
        self.doc.tokens[i].norm.as_str()
    }

    /// The affix a one-word list of the lexicon gives ("t"), or none.
    fn affix(&self, list: List) -> &'d str {
        self.lx.words(list).first().map_or("", String::as_str)
    }

    fn in_list(list: &[String], w: &str) -> bool {
        list.iter().any(|x| x == w)
    }

    /// Token `i` becomes `new`, capitalised as it was.
    /// "Hoi Henk," with "u" after it reads as two voices: an informal greeting before a
    /// name becomes the formal one ("Beste Henk,").
    fn formal_greeting(&mut self, words: &[usize]) {
        let doc = self.doc;
        let (Some(&g), Some(&name)) = (words.first(), words.get(1)) else {
            return;
        };
        let named = name == g + 1
            && doc.tokens[name]
                .text(doc.source)
                .starts_with(char::is_uppercase);
        let opens = crate::text::body_start(doc.source) == Some(doc.tokens[g].byte.0);
        if !named
            || !opens
            || !self
                .lx
                .has_word(List::InformalGreeting, &doc.tokens[g].norm)
        {
            return;
        }
        let formal = self
            .lx
            .template(crate::lexicon::Template::GreetingFormal, &[("name", "")]);
        if let Some(word) = formal.split_whitespace().next() {
            self.edit(g, word);
        }
    }

    fn edit(&mut self, i: usize, new: &str) {
        let edit = same_case_as(self.doc.tokens[i].text(self.doc.source), new);
        self.edits.push((i, edit));
    }

    /// Word `p` is the first word of its clause.
    fn opens_clause(&self, p: usize) -> bool {
        let doc = self.doc;
        doc.clause_of(p)
            .and_then(|c| (c.start..c.end).find(|&j| doc.tokens[j].is_word()))
            == Some(p)
    }

    /// The verb `p` comes before its subject: it opens the clause ("Kunt u…"), or
    /// follows a word put first ("Wellicht schakelt u…", "Wanneer kunt u…"), not a
    /// subject ("Ik heb je…": "je" is an object there).
    fn inverted(&self, p: usize, prev2: Option<usize>) -> bool {
        match prev2 {
            None => self.opens_clause(p),
            Some(q) => {
                let w = self.norm(q);
                !self.lx.has_word(List::SubjectPronoun, w)
                    && self.lx.has_word_in_any(&[List::Fronted, List::Stop], w)
            }
        }
    }

    /// A word no rule of the form of address makes a verb (a stop or function word, a
    /// greeting).
    fn plain_word(&self, p: usize) -> bool {
        let t = &self.doc.tokens[p];
        t.has_digit()
            || self.lx.has_word_in_any(
                &[
                    List::Stop,
                    List::Function,
                    List::Greeting,
                    List::Interjection,
                ],
                &t.norm,
            )
    }

    /// The formal form of verb `p` before the informal subject ("kun" → "kunt"): from
    /// the table, or, for a verb it lacks, stem + ending ("Schakel je…?" → "Schakelt
    /// u…?").
    fn formal_verb(&self, p: usize) -> Option<String> {
        let w = self.norm(p);
        if let Some(u) = self.table.verbs.get(w) {
            return Some(u.clone());
        }
        let suffix = self.affix(List::FormalVerbSuffix);
        if suffix.is_empty() || self.plain_word(p) || !w.chars().all(char::is_alphabetic) {
            return None;
        }
        Some(if w.ends_with(suffix) {
            w.to_string()
        } else {
            format!("{w}{suffix}")
        })
    }

    /// The informal form of verb `p` before the formal subject ("kunt" → "kun"): from
    /// the table, or, for a verb it lacks, the stem without the formal ending when what
    /// is left can be a stem ("schakelt" → "schakel", but "zit" stays "zit").
    fn informal_verb(&self, p: usize) -> Option<String> {
        let w = self.norm(p);
        if let Some(stem) = self.table.verbs.key_of(w) {
            return Some(stem.clone());
        }
        if self.plain_word(p) {
            return None;
        }
        let stem = w
            .strip_suffix(self.affix(List::FormalVerbSuffix))
            .filter(|s| s.len() < w.len())?;
        let stem_like = stem.chars().count() >= 2
            && !self
                .lx
                .words(List::NoStemEnding)
                .iter()
                .any(|e| stem.ends_with(e.as_str()));
        stem_like.then(|| stem.to_string())
    }

    /// Word `n` is a verb that closes its clause: a past participle ("gebeld") or an
    /// infinitive after a modal ("kan ik je helpen"), so the pronoun before it is no
    /// possessive.
    fn closing_verb(&self, n: usize) -> bool {
        let doc = self.doc;
        let w = self.norm(n);
        let closes = doc
            .tokens
            .get(n + 1)
            .is_none_or(|t| !t.is_word() || Self::in_list(&self.table.particles, &t.norm));
        let lx = self.lx;
        let ends = |list| lx.words(list).iter().any(|e| w.ends_with(e.as_str()));
        let participle = w.starts_with(self.affix(List::ParticiplePrefix))
            && (ends(List::ParticipleEnding) || ends(List::InfinitiveSuffix));
        let modal_before = doc
            .clause_of(n)
            .is_some_and(|c| (c.start..n).any(|j| lx.has_word(List::Modal, &doc.tokens[j].norm)));
        let infinitive = ends(List::InfinitiveSuffix) && modal_before;
        closes && (participle || infinitive)
    }

    /// What the informal word at `i` becomes in the formal register, editing the verb
    /// next to it when that changes too.
    fn formal_of(&mut self, i: usize, at: Around) -> Option<&'d str> {
        let table = self.table;
        let w = self.norm(i);
        // (every word the table converts is in the lexicon's pronoun lists)
        if !self.lx.has_word(List::InformalPronoun, w) {
            return None;
        }
        if !self.lx.has_word(List::InformalSubject, w) {
            return table.to_formal.get(w).map(String::as_str);
        }
        let formal = table.to_formal.get(w).unwrap_or(&table.formal).as_str();
        // inversion: "kun je" → "kunt u"
        if let Some(p) = at.prev.filter(|&p| self.inverted(p, at.prev2)) {
            if let Some(u) = self.formal_verb(p) {
                self.edit(p, &u);
                return Some(formal);
            }
        }
        // "je hebt" → "u heeft": after the subject the verb has its ending (a bare stem
        // there is a noun: "je vraag" → "uw vraag"), except the modals ("je kan")
        let verb_of = |v: &'d str| -> Option<&'d str> {
            let of_stem = |stem: &str| table.verbs.get(stem).map(String::as_str);
            v.strip_suffix(self.affix(List::FormalVerbSuffix))
                .and_then(of_stem)
                .or_else(|| table.verbs.key_of(v).is_some().then_some(v))
                .or_else(|| {
                    self.lx
                        .has_word(List::Modal, v)
                        .then(|| of_stem(v))
                        .flatten()
                })
        };
        if let Some((n, uform)) = at.next.and_then(|n| verb_of(self.norm(n)).map(|v| (n, v))) {
            self.edit(n, uform);
            return Some(formal);
        }
        if w != table.informal {
            return Some(formal); // "jij" is never a possessive
        }
        // a subject after a subordinator ("dat je"), before a particle, a stop word or a
        // verb that closes the clause ("je … uit", "je de", "ik heb je gebeld");
        // otherwise a possessive ("je trein" → "uw trein")
        let after_subordinator = at
            .prev
            .is_some_and(|p| Self::in_list(&table.subordinators, self.norm(p)));
        let subject = at.next.is_none_or(|n| {
            Self::in_list(&table.particles, self.norm(n))
                || self
                    .lx
                    .has_word_in_any(&[List::Stop, List::Function], self.norm(n))
                || self.closing_verb(n)
        });
        Some(if after_subordinator || subject {
            formal
        } else {
            &table.formal_possessive
        })
    }

    /// What the formal word at `i` becomes in the informal register, editing the verbs
    /// around it ("kunt u" → "kun je", "u heeft" → "je hebt").
    fn informal_of(&mut self, i: usize, at: Around) -> Option<&'d str> {
        let table = self.table;
        let w = self.norm(i);
        if !self.lx.has_word(List::FormalPronoun, w) {
            return None;
        }
        if let Some(new) = table.to_informal.get(w) {
            return Some(new);
        }
        if w != table.formal {
            return None;
        }
        if let Some(p) = at.prev.filter(|&p| self.inverted(p, at.prev2)) {
            if let Some(stem) = self.informal_verb(p) {
                self.edit(p, &stem);
            }
        }
        if let Some(n) = at.next {
            if let Some(verb) = table.verb_after_formal.get(self.norm(n)) {
                self.edit(n, verb);
            }
        }
        Some(&table.informal)
    }

    /// The text with the edits made (the first edit of a token wins).
    fn apply(mut self) -> String {
        let text = self.doc.source;
        crate::order::sort_by_key(&mut self.edits, |e| e.0);
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

    /// The common verbs (infinitive: the stem, the form with "je", the form with "u"),
    /// in both word orders and both directions.
    const CONJUGATIONS: [(&str, &str, &str, &str); 21] = [
        ("zijn", "ben", "bent", "bent"),
        ("hebben", "heb", "hebt", "heeft"),
        ("kunnen", "kun", "kunt", "kunt"),
        ("willen", "wil", "wilt", "wilt"),
        ("zullen", "zal", "zult", "zult"),
        ("mogen", "mag", "mag", "mag"),
        ("moeten", "moet", "moet", "moet"),
        ("gaan", "ga", "gaat", "gaat"),
        ("doen", "doe", "doet", "doet"),
        ("komen", "kom", "komt", "komt"),
        ("zien", "zie", "ziet", "ziet"),
        ("weten", "weet", "weet", "weet"),
        ("krijgen", "krijg", "krijgt", "krijgt"),
        ("vinden", "vind", "vindt", "vindt"),
        ("staan", "sta", "staat", "staat"),
        ("zitten", "zit", "zit", "zit"),
        ("schakelen", "schakel", "schakelt", "schakelt"),
        ("ontvangen", "ontvang", "ontvangt", "ontvangt"),
        ("regelen", "regel", "regelt", "regelt"),
        ("werken", "werk", "werkt", "werkt"),
        ("verwachten", "verwacht", "verwacht", "verwacht"),
    ];

    #[test]
    fn verbs_agree_in_both_word_orders() {
        let lx = lexicon(Lang::Nl);
        for (inf, stem, je, u) in CONJUGATIONS {
            // inversion, in a question: "Wanneer heb je dat?" ↔ "Wanneer heeft u dat?"
            let informal = format!("Wanneer {stem} je dat?");
            let formal = format!("Wanneer {u} u dat?");
            assert_eq!(convert(&informal, Register::Formal, lx), formal, "{inf}");
            assert_eq!(convert(&formal, Register::Informal, lx), informal, "{inf}");
            // opening a question: "Heb je dat?" ↔ "Heeft u dat?"
            let informal = format!("{} je dat?", crate::text::capitalise(stem));
            let formal = format!("{} u dat?", crate::text::capitalise(u));
            assert_eq!(convert(&informal, Register::Formal, lx), formal, "{inf}");
            assert_eq!(convert(&formal, Register::Informal, lx), informal, "{inf}");
            // subject first: "Je hebt het morgen." ↔ "U heeft het morgen."
            let informal = format!("Je {je} het morgen.");
            let formal = format!("U {u} het morgen.");
            assert_eq!(convert(&informal, Register::Formal, lx), formal, "{inf}");
            assert_eq!(convert(&formal, Register::Informal, lx), informal, "{inf}");
        }
    }

    #[test]
    fn an_informal_greeting_before_a_name_turns_formal_with_u() {
        let lx = lexicon(Lang::Nl);
        for (informal, formal) in [
            (
                "Hoi Henk, dat schakel je uit in de app.",
                "Beste Henk, dat schakelt u uit in de app.",
            ),
            (
                "Hey Henk! Kun je dat sturen?",
                "Beste Henk! Kunt u dat sturen?",
            ),
            (
                "@henk Hoi Henk, heb je dat?",
                "@henk Beste Henk, heeft u dat?",
            ),
            // no name after it: "Beste," greets nobody, so the greeting stays
            ("Hoi, heb je dat?", "Hoi, heeft u dat?"),
        ] {
            assert_eq!(convert(informal, Register::Formal, lx), formal);
        }
        // to "je" the greeting stays as it is
        assert_eq!(
            convert("Beste Henk, heeft u dat?", Register::Informal, lx),
            "Beste Henk, heb je dat?"
        );
    }

    #[test]
    fn an_object_or_a_possessive_leaves_the_verb_alone() {
        let lx = lexicon(Lang::Nl);
        for (informal, formal) in [
            ("Ik heb je gisteren gebeld.", "Ik heb u gisteren gebeld."),
            ("Ik stuur je een mail.", "Ik stuur u een mail."),
            ("Kan ik je helpen?", "Kan ik u helpen?"),
            (
                "Ik heb je fiets gerepareerd.",
                "Ik heb uw fiets gerepareerd.",
            ),
            (
                "Wellicht schakel je verkeerd.",
                "Wellicht schakelt u verkeerd.",
            ),
            ("Heb jij de code?", "Heeft u de code?"),
        ] {
            assert_eq!(convert(informal, Register::Formal, lx), formal);
        }
        assert_eq!(
            convert("Wellicht schakelt u verkeerd.", Register::Informal, lx),
            "Wellicht schakel je verkeerd."
        );
        assert_eq!(
            convert("Het bedrijf belt u morgen.", Register::Informal, lx),
            "Het bedrijf belt je morgen."
        );
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
