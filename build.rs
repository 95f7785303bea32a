//! Turns the human-edited TOML data files into what the engine embeds, so it (and its
//! wasm build) carries no TOML parser:
//! - `data/lexicon/<lang>.toml` → `lexicon-<lang>.txt`, one line per list, category,
//!   template and register field, tab-separated (read by `lexicon::LexiconFile::parse` and
//!   compiled into matchers at start);
//! - `data/rules/<id>.toml` and `data/rulebook.toml` → `rulebook_data.rs`: the `RuleId`
//!   enum (a rule id the code names that has no data file does not compile) and the
//!   rulebook as static data (`build/rulebook.rs`; a name in it the code does not know
//!   does not compile either);
//! - the `clause_conjunction` and `subject_starter` word lists of every lexicon →
//!   `clause_words.rs`, for the text layer, which splits clauses before any language is
//!   known and sits below the lexicon;
//! - `data/saved_replies/<lang>.toml` → `saved_replies.rs`: the starter set of saved
//!   replies as profile JSON (one string per language, handed out as it is, so it needs
//!   no serialiser) and the sample posts a saved reply is coached against, as static data;
//! - the compiler's own Unicode case mappings (`char::to_lowercase`, `to_uppercase`) →
//!   `case_tables.rs`: runs of characters with one offset, about a fifth of the standard
//!   library's tables, which the wasm then does not carry (`text::case`).
//!
//! Validation of the content happens when the engine loads it, and in the tests.

use std::{env, fs, path::Path};

#[path = "build/rulebook.rs"]
mod rulebook;

fn read_toml(src: &Path) -> toml::Value {
    println!("cargo:rerun-if-changed={}", src.display());
    let text =
        fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", src.display()))
}

fn write(dst: &Path, text: &str) {
    fs::write(dst, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", dst.display()));
}

/// A lexicon as lines of tab-separated parts (the format `lexicon::LexiconFile` reads):
/// `section, name, item…`; a table or a list of pairs becomes key, value, key, value.
fn lexicon_lines(lang: &str, lexicon: toml::Value) -> String {
    fn part(lang: &str, at: &str, v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) => {
                assert!(
                    !s.contains(['\t', '\n', '\r']),
                    "data/lexicon/{lang}.toml {at}: a tab or line break in {s:?}"
                );
                out.push(s.clone());
            }
            toml::Value::Array(a) => a.iter().for_each(|x| part(lang, at, x, out)),
            toml::Value::Table(t) => t.iter().for_each(|(k, x)| {
                part(lang, at, &toml::Value::String(k.clone()), out);
                part(lang, at, x, out);
            }),
            other => panic!("data/lexicon/{lang}.toml {at}: not text: {other:?}"),
        }
    }
    let toml::Value::Table(sections) = lexicon else {
        panic!("data/lexicon/{lang}.toml is not a table");
    };
    let mut text = String::new();
    for (section, entries) in sections {
        let toml::Value::Table(entries) = entries else {
            panic!("data/lexicon/{lang}.toml: [{section}] is not a table");
        };
        for (name, v) in entries {
            let mut parts = vec![section.clone(), name.clone()];
            part(lang, &format!("[{section}] {name}"), &v, &mut parts);
            text.push_str(&parts.join("\t"));
            text.push('\n');
        }
    }
    text
}

/// The file stems of `dir`'s `.toml` files, sorted.
fn toml_stems(dir: &Path) -> Vec<String> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut stems: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable data folder").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    stems
}

/// The rules, one file each, and the shared rulebook: `rulebook_data.rs`.
fn rules(out: &Path, langs: &[String]) {
    let dir = Path::new("data/rules");
    let ids = toml_stems(dir);
    let mut variants = String::new();
    let mut rules = String::new();
    for id in &ids {
        let kebab = !id.is_empty()
            && id
                .split('-')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()));
        assert!(
            kebab,
            "data/rules/{id}.toml: a rule id is lower-case words joined by '-'"
        );
        variants.push_str(&format!("        {} = \"{id}\",\n", rulebook::variant(id)));
        let data = read_toml(&dir.join(format!("{id}.toml")));
        rules.push_str(&rulebook::rule(id, &data, langs).unwrap_or_else(|e| panic!("{e}")));
    }
    let book = rulebook::book(&read_toml(Path::new("data/rulebook.toml")), langs)
        .unwrap_or_else(|e| panic!("{e}"));
    write(
        &out.join("rulebook_data.rs"),
        &format!(
            "// Generated by build.rs (build/rulebook.rs) from data/rules/*.toml and\n\
             // data/rulebook.toml.\n\
             crate::names::data_names! {{\n    \
             /// A rule, named by its data file `data/rules/<id>.toml` (in id order).\n    \
             pub enum RuleId {{\n{variants}    }}\n}}\n\n\
             /// Every rule, in id order.\n\
             static RULES: [Rule; {}] = [\n{rules}];\n\n\
             /// The shared rulebook.\n\
             static BOOK: Book = {book};\n",
            ids.len()
        ),
    );
}

/// The lexicons, and the words of every language the text layer needs; returns the
/// languages (the lexicons' file names).
fn lexicons(out: &Path) -> Vec<String> {
    let dir = Path::new("data/lexicon");
    let langs = toml_stems(dir);
    let mut conjunctions: Vec<String> = Vec::new();
    let mut starters: Vec<String> = Vec::new();
    for lang in &langs {
        let lexicon = read_toml(&dir.join(format!("{lang}.toml")));
        for (list, all) in [
            ("clause_conjunction", &mut conjunctions),
            ("subject_starter", &mut starters),
        ] {
            let words = lexicon.get("words").and_then(|w| w.get(list));
            for w in words.and_then(toml::Value::as_array).into_iter().flatten() {
                let w = w
                    .as_str()
                    .expect("a word list holds strings")
                    .to_lowercase();
                if !all.contains(&w) {
                    all.push(w);
                }
            }
        }
        write(
            &out.join(format!("lexicon-{lang}.txt")),
            &lexicon_lines(lang, lexicon),
        );
    }
    write(
        &out.join("clause_words.rs"),
        &format!(
            "// Generated by build.rs from the [words] clause_conjunction and subject_starter\n\
             // lists of data/lexicon/*.toml.\n\
             pub(crate) const CLAUSE_CONJUNCTIONS: &[&str] = &{conjunctions:?};\n\
             pub(crate) const SUBJECT_STARTERS: &[&str] = &{starters:?};\n"
        ),
    );
    langs
}

/// The learned weights of the post's signals (data/model/post_kind.toml, written by
/// scripts/train/post_kind.py): `post_kind.rs`, static data.
fn post_model(out: &Path) {
    let src = Path::new("data/model/post_kind.toml");
    let data = read_toml(src);
    let table = data.as_table().expect("a table");
    let number = |key: &str| -> f64 {
        match table.get(key) {
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            _ => panic!("{}: `{key}` must be a number", src.display()),
        }
    };
    let cap = number("cap");
    assert!(
        cap >= 1.0 && cap.fract() == 0.0,
        "{}: cap must be a whole number >= 1",
        src.display()
    );
    let mut weights = String::new();
    if let Some(w) = table.get("weights") {
        let w = w
            .as_table()
            .unwrap_or_else(|| panic!("{}: [weights] must be a table", src.display()));
        for (name, v) in w {
            let v = v
                .as_float()
                .or_else(|| v.as_integer().map(|i| i as f64))
                .unwrap_or_else(|| panic!("{}: weight {name} must be a number", src.display()));
            weights.push_str(&format!("    ({name:?}, {v:?}),\n"));
        }
    }
    write(
        &out.join("post_kind.rs"),
        &format!(
            "pub const BIAS: f64 = {:?};\npub const CAP: usize = {};\npub static WEIGHTS: &[(&str, f64)] = &[\n{weights}];\n",
            number("bias"),
            cap as usize
        ),
    );
}

/// The starter set of saved replies and the sample posts, per language:
/// `saved_replies.rs`.
fn saved_replies(out: &Path) {
    let dir = Path::new("data/saved_replies");
    let mut starter = String::new();
    let mut samples = String::new();
    for lang in toml_stems(dir) {
        let src = dir.join(format!("{lang}.toml"));
        let data = read_toml(&src);
        let text = |v: &toml::Value, key: &str, what: &str| -> String {
            match v.get(key).and_then(toml::Value::as_str) {
                Some(s) if !s.trim().is_empty() => s.to_string(),
                _ => panic!("{}: {what} needs a `{key}`", src.display()),
            }
        };
        let mut replies = Vec::new();
        for r in data
            .get("replies")
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
        {
            let title = text(r, "title", "a reply");
            let tags: Vec<serde_json::Value> = r
                .get("tags")
                .and_then(toml::Value::as_array)
                .into_iter()
                .flatten()
                .map(|t| serde_json::Value::from(t.as_str().expect("a tag is a string")))
                .collect();
            replies.push(serde_json::json!({
                "title": title,
                "text": text(r, "text", &format!("the reply {title:?}")),
                "language": lang,
                "tags": tags,
            }));
        }
        let json = serde_json::to_string(&replies).expect("replies convert to JSON");
        starter.push_str(&format!("    ({lang:?}, {json:?}),\n"));
        let kinds = data.get("samples").and_then(toml::Value::as_table);
        for (kind, post) in kinds.into_iter().flatten() {
            let what = format!("the sample {kind}");
            samples.push_str(&format!(
                "    ({lang:?}, {kind:?}, {:?}, {:?}),\n",
                text(post, "author", &what),
                text(post, "text", &what)
            ));
        }
    }
    write(
        &out.join("saved_replies.rs"),
        &format!(
            "// Generated by build.rs from data/saved_replies/*.toml.\n\
             /// The starter set per language: (language, the saved replies as JSON).\n\
             pub(crate) static STARTER: &[(&str, &str)] = &[\n{starter}];\n\
             /// The sample posts: (language, kind, author, text).\n\
             pub(crate) static SAMPLES: &[(&str, &str, &str, &str)] = &[\n{samples}];\n"
        ),
    );
}

/// One direction of the case mapping (`map`: `char::to_lowercase` or `to_uppercase`) as
/// runs and the characters that map to more than one (`NAME_RUNS`, `NAME_MULTI`; see
/// `text::case` for the packing of a run).
fn case_table<I: Iterator<Item = char>>(name: &str, map: fn(char) -> I) -> String {
    // (first, count, stride, offset)
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    let mut multi = String::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let to: Vec<char> = map(c).collect();
        if to == [c] {
            continue;
        }
        if to.len() > 1 {
            let s: String = to.into_iter().collect();
            multi.push_str(&format!("    ({c:?}, {s:?}),\n"));
            continue;
        }
        let (c, offset) = (c as u32, to[0] as i64 - c as i64);
        match runs.last_mut() {
            Some(r) if r.3 == offset && r.1 == 1 && (c - r.0 == 1 || c - r.0 == 2) => {
                (r.1, r.2) = (2, c - r.0);
            }
            Some(r) if r.3 == offset && r.1 > 1 && r.1 < 256 && c == r.0 + r.2 * r.1 => r.1 += 1,
            _ => runs.push((c, 1, 1, offset)),
        }
    }
    let mut packed = String::new();
    for (first, count, stride, offset) in runs {
        let bits = u64::from(first)
            | u64::from(count - 1) << 21
            | u64::from(stride == 2) << 29
            | u64::from(offset as i32 as u32) << 32;
        packed.push_str(&format!("0x{bits:x}, "));
    }
    format!(
        "pub(crate) static {name}_RUNS: &[u64] = &[{packed}];\n\
         pub(crate) static {name}_MULTI: &[(char, &str)] = &[\n{multi}];\n"
    )
}

/// The case mappings of the compiler's standard library as compact tables:
/// `case_tables.rs`.
fn case_tables(out: &Path) {
    write(
        &out.join("case_tables.rs"),
        &format!(
            "// Generated by build.rs from char::to_lowercase and char::to_uppercase.\n{}{}",
            case_table("LOWER", char::to_lowercase),
            case_table("UPPER", char::to_uppercase)
        ),
    );
}

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    let langs = lexicons(out);
    rules(out, &langs);
    post_model(out);
    saved_replies(out);
    case_tables(out);
}
