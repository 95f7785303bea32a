//! What the engine knows of each language, from `data/lexicon/<lang>.toml`: word lists
//! (`[words]`), phrase banks (`[phrases]`, in the syntax of [`pattern`]), templates
//! (`[templates]`) and the Dutch register table (`[register]`), compiled once into fast
//! matchers. The names of lists, categories and templates are enums ([`names`]).
//!
//! - [`pattern`]: the pattern syntax, and matching one set of patterns;
//! - [`find`]: every category's hits in one pass, and the per-analysis memo;
//! - [`names`]: the names the code uses.

pub mod find;
pub mod names;
pub mod pattern;

use std::sync::OnceLock;

pub use crate::fxhash::{FastMap, FxHasher};
pub use find::{CategoryHits, HitMemo};
pub use names::{Category, List, Template};
pub use pattern::{is_time, Hit, Pattern, PhraseSet, NO_ID};

use crate::model::Lang;
pub use crate::text::WordEntry;
use crate::text::{Doc, Norm, TokenKind};

/// A word to look up in a lexicon: a plain string, or a token's [`Norm`], which
/// remembers its entry per language after the first lookup (language detection, phrase
/// matching and every reader ask about the same tokens).
pub trait LexWord {
    fn entry_in(&self, lx: &Lexicon) -> WordEntry;
}

impl LexWord for str {
    // (not inlined: a hash map lookup at each of the many call sites cost the wasm
    // about 1 KB gzipped; the hot path is `Norm`'s, which remembers its entries)
    #[inline(never)]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        lx.entries.get(self).copied().unwrap_or(WordEntry::UNKNOWN)
    }
}

impl LexWord for String {
    #[inline]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        self.as_str().entry_in(lx)
    }
}

impl<W: LexWord + ?Sized> LexWord for &W {
    #[inline]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        (**self).entry_in(lx)
    }
}

impl LexWord for Norm {
    #[inline]
    fn entry_in(&self, lx: &Lexicon) -> WordEntry {
        if !lx.built_in {
            return self.as_str().entry_in(lx);
        }
        // every language at once (language detection asks about both anyway)
        self.entry_cached(lx.lang, || {
            let mut entries = [WordEntry::UNKNOWN; Lang::ALL.len()];
            for (entry, lx) in entries.iter_mut().zip(&built_in().lexicons) {
                *entry = self.as_str().entry_in(lx);
            }
            entries
        })
    }
}

/// A lexicon file as written (`data/lexicon/<lang>.toml`), as build.rs converts it: one
/// line per word list, category, template or register field, its parts separated by
/// tabs: `words<TAB>name<TAB>word<TAB>word…`, `phrases<TAB>name<TAB>pattern…`,
/// `templates<TAB>name<TAB>text`, `register<TAB>field<TAB>value…` (a table or a list of
/// pairs as key, value, key, value). Read by hand: a JSON deserializer for these
/// structures cost the wasm 18 KB.
/// (Named lists as pairs, not maps: read once at load, and a map type of its own cost
/// the wasm 1.5 KB.)
#[derive(Debug, Default)]
struct LexiconFile {
    words: Vec<(String, Vec<String>)>,
    phrases: Vec<(String, Vec<String>)>,
    /// Each template's text; variants the engine chooses between (so the same stock
    /// words do not open every reply) are separated by " | ".
    templates: Vec<(String, String)>,
    register: RegisterTable,
}

impl LexiconFile {
    fn parse(text: &str) -> Result<LexiconFile, String> {
        let mut file = LexiconFile::default();
        for line in text.lines().filter(|l| !l.is_empty()) {
            let mut parts = line.split('\t');
            let section = parts.next().unwrap_or_default();
            let name = parts
                .next()
                .ok_or_else(|| format!("a line with no name: {line:?}"))?
                .to_string();
            let items: Vec<String> = parts.map(str::to_string).collect();
            match section {
                "words" => file.words.push((name, items)),
                "phrases" => file.phrases.push((name, items)),
                "templates" => file.templates.push((name, items.join("\t"))),
                "register" => file.register.set(&name, items)?,
                _ => return Err(format!("unknown section `{section}`")),
            }
        }
        Ok(file)
    }
}

/// What the lexicon file calls `name` in one of its sections.
fn named<'f, T>(section: &'f [(String, T)], name: &str) -> Option<&'f T> {
    section.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// A small table of words and what they become, looked up in order (the first pair of a
/// word wins). Not a hash map: a map type of its own cost the wasm 1.5 KB, for tables of a
/// few dozen pairs read only while a reply changes its form of address.
#[derive(Debug, Default, Clone)]
pub struct Pairs(Vec<(String, String)>);

impl Pairs {
    /// What `word` becomes.
    pub fn get(&self, word: &str) -> Option<&String> {
        self.0.iter().find(|(w, _)| w == word).map(|(_, to)| to)
    }

    /// The table has `word`.
    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The first word that becomes `to` (the table read backwards).
    pub fn key_of(&self, to: &str) -> Option<&String> {
        self.0.iter().find(|(_, t)| t == to).map(|(w, _)| w)
    }

    /// The words the table has.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(w, _)| w)
    }
}

/// The form of address of a language with an informal and a formal "you" (Dutch je/u,
/// brief §4), for converting a reply between them (`crate::register`). Empty for a
/// language without (English).
#[derive(Debug, Default, Clone)]
pub struct RegisterTable {
    /// The informal and the formal pronoun, as the messages name them ("je", "u");
    /// the formal one is also what the informal one becomes as a subject or object.
    pub informal: String,
    pub formal: String,
    /// What the informal pronoun becomes as a possessive ("je" → "uw").
    pub formal_possessive: String,
    /// The pronouns that change one for one, whatever surrounds them.
    pub to_formal: Pairs,
    pub to_informal: Pairs,
    /// Words after which the informal pronoun is a subject ("dat je").
    pub subordinators: Vec<String>,
    /// Words before which the informal pronoun is a subject ("je … uit").
    pub particles: Vec<String>,
    /// The verb after the formal pronoun that changes with it ("u heeft" → "je hebt").
    pub verb_after_formal: Pairs,
    /// Verb forms with the informal pronoun (stem) and with the formal one (stem + t),
    /// looked up both ways, the first entry of a form winning: [`Pairs::get`] from the
    /// stem, [`Pairs::key_of`] from the formal form.
    pub verbs: Pairs,
}

impl RegisterTable {
    /// Sets `field` from a lexicon file's line (see [`LexiconFile`]).
    fn set(&mut self, field: &str, items: Vec<String>) -> Result<(), String> {
        let pairs = |items: Vec<String>| -> Vec<(String, String)> {
            let mut it = items.into_iter();
            std::iter::from_fn(|| Some((it.next()?, it.next()?))).collect()
        };
        match field {
            "informal" => self.informal = items.concat(),
            "formal" => self.formal = items.concat(),
            "formal_possessive" => self.formal_possessive = items.concat(),
            "to_formal" => self.to_formal = Pairs(pairs(items)),
            "to_informal" => self.to_informal = Pairs(pairs(items)),
            "verb_after_formal" => self.verb_after_formal = Pairs(pairs(items)),
            "subordinators" => self.subordinators = items,
            "particles" => self.particles = items,
            "verbs" => self.verbs = Pairs(pairs(items)),
            _ => return Err(format!("unknown field `{field}` in [register]")),
        }
        Ok(())
    }

    /// The language has an informal and a formal "you".
    pub fn exists(&self) -> bool {
        !self.formal.is_empty()
    }
}

/// What separates the variants of a template in a lexicon file.
const TEMPLATE_VARIANTS: &str = " | ";

/// Everything the engine knows about one language.
#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    /// Every word of the word lists and the patterns: one lookup answers both (see
    /// [`WordEntry`]).
    entries: FastMap<String, WordEntry>,
    /// One of the built-in lexicons (see [`lexicon`]), whose entries are also in the
    /// table of every language.
    built_in: bool,
    /// The words of each list, in file order (indexed by [`List`]).
    list_words: Vec<Vec<String>>,
    /// The phrase set of each category (indexed by [`Category`]).
    phrases: Vec<PhraseSet>,
    /// Each template's variants (indexed by [`Template`]; at least one each).
    templates: Vec<Vec<String>>,
    pub register: RegisterTable,
    /// Every category's patterns in one matcher, so one pass finds all of them.
    combined: PhraseSet,
    /// For each pattern of `combined`: its category and its index in that category.
    owners: Vec<(Category, usize)>,
    /// The patterns of `combined` by the id of a literal first word.
    first_by_id: Vec<Vec<usize>>,
    /// For each pattern of `combined`: the ids of the words it cannot match without (its
    /// one-word elements after the first), so that a sentence lacking one of them is
    /// passed over without matching (see [`Lexicon::find_all`]).
    required: Vec<Box<[u32]>>,
}

impl Lexicon {
    /// Reads a lexicon file. A list, category or template name the code does not know
    /// is an error, and so is a category or template the file lacks.
    fn load(lang: Lang, text: &str) -> Result<Lexicon, String> {
        let code = lang.code();
        let file = LexiconFile::parse(text).map_err(|e| format!("lexicon {code}: {e}"))?;
        let mut list_words = vec![Vec::new(); List::COUNT];
        let mut lists = Vec::new();
        for (name, list) in &file.words {
            let list_name = List::from_name(name)
                .ok_or_else(|| format!("lexicon {code}: unknown word list [words] {name}"))?;
            for w in list {
                list_words[list_name as usize].push(crate::text::normalise(w));
            }
            lists.push(list_name);
        }
        if let Some((name, _)) = file
            .phrases
            .iter()
            .find(|(k, _)| Category::from_name(k).is_none())
        {
            return Err(format!("lexicon {code}: unknown category [phrases] {name}"));
        }
        if let Some((name, _)) = file
            .templates
            .iter()
            .find(|(k, _)| Template::from_name(k).is_none())
        {
            return Err(format!(
                "lexicon {code}: unknown template [templates] {name}"
            ));
        }
        // every category and template the code uses, in every language
        if let Some(missing) = Category::ALL
            .iter()
            .find(|c| named(&file.phrases, c.name()).is_none())
        {
            return Err(format!("lexicon {code}: no [phrases] {missing}"));
        }
        if let Some(missing) = Template::ALL
            .iter()
            .find(|t| named(&file.templates, t.name()).is_none())
        {
            return Err(format!("lexicon {code}: no [templates] {missing}"));
        }
        let mut phrases = Vec::with_capacity(Category::COUNT);
        let mut all_patterns = Vec::new();
        let mut owners = Vec::new();
        for &category in Category::ALL {
            let entries = named(&file.phrases, category.name()).map_or(&[][..], Vec::as_slice);
            let set = PhraseSet::from_entries(entries)
                .map_err(|e| format!("lexicon {code} [{category}]: {e}"))?;
            for (i, p) in set.patterns.iter().enumerate() {
                all_patterns.push(p.clone());
                owners.push((category, i));
            }
            phrases.push(set);
        }
        let templates = Template::ALL
            .iter()
            .map(|t| {
                named(&file.templates, t.name())
                    .map(String::as_str)
                    .unwrap_or_default()
                    .split(TEMPLATE_VARIANTS)
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        // (only the combined set is matched by id; the per-category sets compare words)
        let mut entries: FastMap<String, WordEntry> = FastMap::default();
        pattern::number_words(&mut all_patterns, &mut entries);
        let first_by_id = pattern::by_first_word_id(&all_patterns, entries.len());
        let required = all_patterns.iter().map(Pattern::required_ids).collect();
        // (a word of a list that no pattern has gets no id)
        for list in lists {
            for w in &list_words[list as usize] {
                entries.entry(w.clone()).or_insert(WordEntry::UNKNOWN).lists |= list.bit();
            }
        }
        let register = file.register;
        Ok(Lexicon {
            lang,
            built_in: false,
            list_words,
            required,
            entries,
            phrases,
            templates,
            register,
            combined: PhraseSet::new(all_patterns),
            owners,
            first_by_id,
        })
    }

    /// The language has an informal and a formal "you" (see [`RegisterTable`]).
    pub fn has_register(&self) -> bool {
        self.register.exists()
    }

    /// Each token's id in the vocabulary of the patterns ([`NO_ID`] for other words):
    /// matching then compares numbers, not strings.
    pub fn word_ids(&self, doc: &Doc) -> Vec<u32> {
        doc.tokens
            .iter()
            .map(|t| {
                let id = t.norm.entry_in(self).id;
                // a hashtag made of one word says that word ("#frustrating"), unless the
                // hashtag itself is in a pattern ("#fail")
                match t.norm.strip_prefix('#') {
                    Some(word) if id == NO_ID && t.kind == TokenKind::Hashtag => {
                        word.entry_in(self).id
                    }
                    _ => id,
                }
            })
            .collect()
    }

    /// The words of `list`, in file order (for lists of word parts, such as letter
    /// clusters).
    pub fn words(&self, list: List) -> &[String] {
        &self.list_words[list as usize]
    }

    /// `w` is in `list`.
    #[inline]
    pub fn has_word<W: LexWord + ?Sized>(&self, list: List, w: &W) -> bool {
        w.entry_in(self).lists & list.bit() != 0
    }

    /// `w` is in at least one of `lists`.
    #[inline]
    pub fn has_word_in_any<W: LexWord + ?Sized>(&self, lists: &[List], w: &W) -> bool {
        let bits = lists.iter().fold(0, |acc, l| acc | l.bit());
        w.entry_in(self).lists & bits != 0
    }

    /// The phrase set of `category` (`[phrases]` in the data file).
    #[inline]
    pub fn phrases(&self, category: Category) -> &PhraseSet {
        &self.phrases[category as usize]
    }

    /// The replacement the data gives for pattern `pattern` of `category`
    /// (`"pattern => replacement"`), if it gives one.
    pub fn replacement(&self, category: Category, pattern: usize) -> Option<&str> {
        self.phrases(category)
            .pattern(pattern)
            .replacement
            .as_deref()
    }

    /// A template (`[templates]`, its first variant), with `{name}`-style holes filled
    /// from `vars`.
    pub fn template(&self, template: Template, vars: &[(&str, &str)]) -> String {
        self.template_variant(template, 0, vars)
    }

    /// Variant `seed` (modulo their number) of a template, with its holes filled.
    pub fn template_variant(
        &self,
        template: Template,
        seed: usize,
        vars: &[(&str, &str)],
    ) -> String {
        let variants = &self.templates[template as usize];
        let mut s = variants[seed % variants.len()].clone();
        for (k, v) in vars {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// Every variant of a template, unfilled.
    pub fn template_variants(&self, template: Template) -> &[String] {
        &self.templates[template as usize]
    }
}

/// The built-in lexicons (indexed by `Lang as usize`). (A word's entries in every
/// language are looked up in each, once per token: a map of all words with their entries
/// in each cost the wasm a map type of its own.)
struct BuiltIn {
    lexicons: Vec<Lexicon>,
    /// The words of each list in any language (indexed by [`List`]).
    list_words: Vec<Vec<String>>,
}

static BUILT_IN: OnceLock<BuiltIn> = OnceLock::new();

fn built_in() -> &'static BuiltIn {
    BUILT_IN.get_or_init(|| {
        let lexicons: Vec<Lexicon> = Lang::ALL
            .iter()
            .map(|&lang| {
                let mut lx = Lexicon::load(lang, built_in_text(lang))
                    .unwrap_or_else(|e| panic!("the built-in lexicon is valid (tested): {e}"));
                lx.built_in = true;
                lx
            })
            .collect();
        let mut list_words: Vec<Vec<String>> = vec![Vec::new(); List::COUNT];
        for lx in &lexicons {
            for (all, words) in list_words.iter_mut().zip(&lx.list_words) {
                all.extend(
                    words
                        .iter()
                        .filter(|w| !all.contains(w))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
            }
        }
        BuiltIn {
            lexicons,
            list_words,
        }
    })
}

/// The lexicon file of `lang`, as build.rs converted it (see [`LexiconFile`]).
fn built_in_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => include_str!(concat!(env!("OUT_DIR"), "/lexicon-nl.txt")),
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/lexicon-en.txt")),
    }
}

/// The built-in lexicon of `lang` (loaded once, from `data/lexicon/`).
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    &built_in().lexicons[lang as usize]
}

/// `w` is in `list` in any built-in language: for what reads the same whatever the
/// language of the text (a greeting of either language, a role e-mail address).
#[inline]
pub fn in_any_language<W: LexWord + ?Sized>(list: List, w: &W) -> bool {
    Lang::ALL
        .iter()
        .any(|&lang| lexicon(lang).has_word(list, w))
}

/// The words of `list` in any built-in language (for lists of word endings).
pub fn words_in_any_language(list: List) -> &'static [String] {
    &built_in().list_words[list as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fix's wording is itself no stock phrase of the families the rewrite fixes:
    /// otherwise the rewrite feeds its own fixes ("thank you for contacting" → "thanks
    /// for getting in touch with" → "thanks for your message with").
    #[test]
    fn replacements_are_fixed_points() {
        for lang in [Lang::Nl, Lang::En] {
            let lx = lexicon(lang);
            for cat in [Category::Corporate, Category::Denial, Category::Irritation] {
                let set = lx.phrases(cat);
                for k in 0..set.patterns.len() {
                    let Some(rep) = lx.replacement(cat, k).filter(|r| !r.is_empty()) else {
                        continue;
                    };
                    for again in [Category::Corporate, Category::Denial, Category::Irritation] {
                        let hits = lx.phrases(again).find(&Doc::new(rep));
                        assert!(
                            hits.is_empty(),
                            "{lang:?} {cat:?} replacement {rep:?} is {again:?} again"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn remembered_sentences_give_the_same_hits() {
        // every reply of the fixtures, and each again without its first sentence and
        // behind an extra one, through one memo per language: the same hits as read fresh
        let mut texts: Vec<String> = Vec::new();
        for fixture in [
            include_str!("../../demo/sample.jsonl"),
            include_str!("../../tests/fixtures/probe.jsonl"),
        ] {
            for line in fixture.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let reply = v["reply"]["text"].as_str().unwrap().to_string();
                let rest = reply.split_once(". ").map(|(_, r)| r.to_string());
                texts.push(format!("Wat vervelend :( {reply}"));
                texts.extend(rest);
                texts.push(reply);
            }
        }
        for lang in [Lang::Nl, Lang::En] {
            let lx = lexicon(lang);
            let mut memo = HitMemo::keeping();
            for t in texts.iter().chain(&texts) {
                let doc = Doc::new(t);
                let fresh = lx.find_all(&doc);
                let remembered = lx.find_all_with(&doc, &mut memo);
                assert_eq!(fresh.by_category, remembered.by_category, "{t}");
            }
            assert!(!memo.is_empty());
        }
    }

    #[test]
    fn both_languages_table_agrees_with_each_lexicon() {
        // a token's entry comes from the table of both languages and is remembered;
        // it must be what each lexicon says of the word
        let text = include_str!("../../tests/fixtures/probe.jsonl");
        let doc = Doc::new(text);
        for lang in [Lang::Nl, Lang::En, Lang::Nl] {
            let lx = lexicon(lang);
            for t in &doc.tokens {
                assert_eq!(
                    t.norm.entry_in(lx),
                    t.norm.as_str().entry_in(lx),
                    "{}",
                    t.norm
                );
            }
        }
        assert!(doc
            .tokens
            .iter()
            .any(|t| t.norm.entry_in(lexicon(Lang::Nl)).lists != 0));
    }

    #[test]
    fn a_name_the_code_does_not_know_is_an_error() {
        let err = Lexicon::load(Lang::En, "words\tstop_words\tthe").unwrap_err();
        assert!(err.contains("unknown word list"), "{err}");
        let err = Lexicon::load(Lang::Nl, "phrases\tsympthy\tjammer").unwrap_err();
        assert!(err.contains("unknown category [phrases] sympthy"), "{err}");
        let err = Lexicon::load(Lang::Nl, "templates\tgreting\tHoi").unwrap_err();
        assert!(
            err.contains("unknown template [templates] greting"),
            "{err}"
        );
        let err = Lexicon::load(Lang::Nl, "registers\tverbs").unwrap_err();
        assert!(err.contains("unknown section `registers`"), "{err}");
        let err = Lexicon::load(Lang::Nl, "register\tverbz").unwrap_err();
        assert!(err.contains("unknown field `verbz` in [register]"), "{err}");
    }

    #[test]
    fn a_category_or_template_a_language_lacks_is_an_error() {
        // the built-in files, each without one of its categories or templates
        for lang in Lang::ALL {
            let file = built_in_text(lang);
            assert!(Lexicon::load(lang, file).is_ok());
            for (section, name) in [("phrases", "offer"), ("templates", "greeting_formal")] {
                let line = format!("{section}\t{name}\t");
                let without: String = file
                    .lines()
                    .filter(|l| !l.starts_with(&line))
                    .map(|l| format!("{l}\n"))
                    .collect();
                assert!(without.len() < file.len(), "{section} {name}");
                let err = Lexicon::load(lang, &without).unwrap_err();
                assert!(err.contains(&format!("no [{section}] {name}")), "{err}");
            }
        }
    }

    #[test]
    fn the_text_layer_splits_clauses_at_every_language_s_words() {
        // build.rs hands the two lists to text/sentences.rs, which sits below the lexicon
        use crate::text::sentences::{CLAUSE_CONJUNCTIONS, SUBJECT_STARTERS};
        for (list, generated) in [
            (List::ClauseConjunction, CLAUSE_CONJUNCTIONS),
            (List::SubjectStarter, SUBJECT_STARTERS),
        ] {
            let mut ours: Vec<&str> = words_in_any_language(list)
                .iter()
                .map(String::as_str)
                .collect();
            let mut theirs = generated.to_vec();
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{list}");
        }
    }

    #[test]
    fn builtin_lexicons_load() {
        for lang in [Lang::Nl, Lang::En] {
            let lx = lexicon(lang);
            assert!(lx.has_word(List::Function, "de") || lx.has_word(List::Function, "the"));
            assert!(!lx.phrases(Category::Sympathy).is_empty());
        }
    }
}
