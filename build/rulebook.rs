//! The rulebook generator, shared by build.rs and tests/build_data.rs: turns the rules
//! (`data/rules/<id>.toml`) and the shared rulebook (`data/rulebook.toml`) into Rust
//! source, static data the engine reads without parsing anything. It checks what it can
//! (keys, types, one text per language); the compiler checks the rest: a severity,
//! family, fix kind, language or platform that is no variant of its enum, and a key of
//! `rulebook.toml` that is no field of its struct, do not compile.

use std::fmt::Write;

/// The keys of a rule file: (key, required).
const RULE_KEYS: &[(&str, bool)] = &[
    ("family", true),
    ("severity", true),
    ("scored", true),
    ("languages", false),
    ("source", true),
    ("title", true),
    ("message", true),
    ("message_unsure", false),
    ("message_done", false),
    ("message_happy", false),
    ("explanation", true),
    ("fix", false),
    ("examples", true),
];

/// The keys of an example: (key, required).
const EXAMPLE_KEYS: &[(&str, bool)] = &[
    ("lang", true),
    ("post", true),
    ("reply", true),
    ("fires", true),
    ("author", false),
    ("agent", false),
    ("age_minutes", false),
    ("platform", false),
    ("custom_rules", false),
];

/// The Rust type of each table of `rulebook.toml` that is not a text, by its path.
const BOOK_TYPES: &[(&str, &str)] = &[
    ("", "Book"),
    ("recommendations", "Recommendations"),
    ("advice", "Advice"),
    ("advice.dont_respond", "ByReason"),
    ("interface", "Interface"),
    ("interface.duration", "DurationUnits"),
    ("interface.language_name", "ByLang"),
    ("interface.personal_data", "PersonalData"),
    ("interface.not_advised_because", "ByReason"),
    ("interface.rewrite_note", "RewriteNotes"),
];

/// `commercial-reply` → `CommercialReply`, `dont_respond` → `DontRespond`.
pub fn variant(name: &str) -> String {
    name.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| w[..1].to_uppercase() + &w[1..])
        .collect()
}

fn string(v: &toml::Value, what: &str) -> Result<String, String> {
    v.as_str()
        .map(|s| format!("{s:?}"))
        .ok_or_else(|| format!("{what}: not a string"))
}

fn optional_string(t: &toml::Table, key: &str, what: &str) -> Result<String, String> {
    match t.get(key) {
        None => Ok("None".into()),
        Some(v) => Ok(format!("Some({})", string(v, &format!("{what}.{key}"))?)),
    }
}

/// Checks that `t` has only the `keys` and all the required ones.
fn check_keys(t: &toml::Table, keys: &[(&str, bool)], what: &str) -> Result<(), String> {
    if let Some(k) = t.keys().find(|k| !keys.iter().any(|(known, _)| known == k)) {
        return Err(format!("{what}: unknown key {k:?}"));
    }
    if let Some((k, _)) = keys
        .iter()
        .find(|(k, required)| *required && !t.contains_key(*k))
    {
        return Err(format!("{what}: no {k:?}"));
    }
    Ok(())
}

/// A text in every language: `Texts { en: "…", nl: "…" }`.
fn texts(v: &toml::Value, langs: &[String], what: &str) -> Result<String, String> {
    let t = v
        .as_table()
        .ok_or_else(|| format!("{what}: not a table of texts"))?;
    if let Some(k) = t.keys().find(|k| !langs.contains(k)) {
        return Err(format!("{what}: unknown language {k:?}"));
    }
    let mut fields = Vec::new();
    for lang in langs {
        let text = t
            .get(lang)
            .ok_or_else(|| format!("{what}: no {lang:?} text"))?;
        fields.push(format!(
            "{lang}: {}",
            string(text, &format!("{what}.{lang}"))?
        ));
    }
    Ok(format!("Texts {{ {} }}", fields.join(", ")))
}

/// One rule as a `Rule` literal.
pub fn rule(id: &str, rule: &toml::Value, langs: &[String]) -> Result<String, String> {
    let what = format!("data/rules/{id}.toml");
    let t = rule
        .as_table()
        .ok_or_else(|| format!("{what}: not a table"))?;
    check_keys(t, RULE_KEYS, &what)?;
    let name = |key: &str| -> Result<String, String> {
        t[key]
            .as_str()
            .map(variant)
            .ok_or_else(|| format!("{what}: {key} is not a string"))
    };
    let scored = t["scored"]
        .as_bool()
        .ok_or_else(|| format!("{what}: scored is not true or false"))?;
    let languages = match t.get("languages") {
        None => String::new(),
        Some(v) => v
            .as_array()
            .ok_or_else(|| format!("{what}: languages is not a list"))?
            .iter()
            .map(|l| l.as_str().map(|l| format!("Lang::{}, ", variant(l))))
            .collect::<Option<String>>()
            .ok_or_else(|| format!("{what}: a language is not a string"))?,
    };
    let fix = match t.get("fix").and_then(toml::Value::as_table) {
        None if t.contains_key("fix") => return Err(format!("{what}: fix is not a table")),
        None => "None".to_string(),
        Some(fix) => {
            check_keys(
                fix,
                &[("kind", true), ("label", true)],
                &format!("{what}: fix"),
            )?;
            let kind = fix["kind"]
                .as_str()
                .ok_or_else(|| format!("{what}: fix.kind"))?;
            format!(
                "Some(Fix {{ kind: FixKind::{}, label: {} }})",
                variant(kind),
                texts(&fix["label"], langs, &format!("{what}: fix.label"))?
            )
        }
    };
    // the softer messages a rule may have: `Some(texts)` or `None`
    let optional_texts = |key: &str| -> Result<String, String> {
        match t.get(key) {
            None => Ok("None".to_string()),
            Some(v) => Ok(format!(
                "Some({})",
                texts(v, langs, &format!("{what}: {key}"))?
            )),
        }
    };
    let message_unsure = optional_texts("message_unsure")?;
    let message_done = optional_texts("message_done")?;
    let message_happy = optional_texts("message_happy")?;
    let examples = t["examples"]
        .as_array()
        .ok_or_else(|| format!("{what}: examples is not a list"))?;
    let mut out = format!(
        "    Rule {{\n        id: RuleId::{},\n        family: Family::{},\n        severity: Severity::{},\n        scored: {scored},\n        languages: &[{languages}],\n        source: {},\n        title: {},\n        message: {},\n        message_unsure: {message_unsure},\n        message_done: {message_done},\n        message_happy: {message_happy},\n        explanation: {},\n        fix: {fix},\n        examples: examples![\n",
        variant(id),
        name("family")?,
        name("severity")?,
        string(&t["source"], &format!("{what}: source"))?,
        texts(&t["title"], langs, &format!("{what}: title"))?,
        texts(&t["message"], langs, &format!("{what}: message"))?,
        texts(&t["explanation"], langs, &format!("{what}: explanation"))?,
    );
    for (k, e) in examples.iter().enumerate() {
        out.push_str(&example(e, &format!("{what}: example {}", k + 1))?);
    }
    out.push_str("        ],\n    },\n");
    Ok(out)
}

/// One example as an `Example` literal.
fn example(e: &toml::Value, what: &str) -> Result<String, String> {
    let t = e.as_table().ok_or_else(|| format!("{what}: not a table"))?;
    check_keys(t, EXAMPLE_KEYS, what)?;
    let lang = t["lang"].as_str().ok_or_else(|| format!("{what}: lang"))?;
    let fires = t["fires"]
        .as_bool()
        .ok_or_else(|| format!("{what}: fires is not true or false"))?;
    let age = match t.get("age_minutes") {
        None => "None".to_string(),
        Some(v) => format!(
            "Some({}f64)",
            v.as_float()
                .or_else(|| v.as_integer().map(|i| i as f64))
                .ok_or_else(|| format!("{what}: age_minutes is not a number"))?
        ),
    };
    let platform = match t.get("platform").map(toml::Value::as_str) {
        None => "None".to_string(),
        Some(Some(p)) => format!("Some(Platform::{})", variant(p)),
        Some(None) => return Err(format!("{what}: platform is not a string")),
    };
    let mut custom = String::new();
    for r in t
        .get("custom_rules")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
    {
        let r = r
            .as_table()
            .ok_or_else(|| format!("{what}: a custom rule is not a table"))?;
        check_keys(r, &[("phrase", true), ("replacement", false)], what)?;
        write!(
            custom,
            "ExampleRule {{ phrase: {}, replacement: {} }}, ",
            string(&r["phrase"], what)?,
            optional_string(r, "replacement", what)?
        )
        .unwrap();
    }
    Ok(format!(
        "            Example {{ lang: Lang::{}, post: {}, reply: {}, author: {}, agent: {}, age_minutes: {age}, platform: {platform}, custom_rules: &[{custom}], fires: {fires} }},\n",
        variant(lang),
        string(&t["post"], &format!("{what}: post"))?,
        string(&t["reply"], &format!("{what}: reply"))?,
        optional_string(t, "author", what)?,
        optional_string(t, "agent", what)?,
    ))
}

/// `rulebook.toml` as a `Book` literal: each table a struct of its path's type (see
/// [`BOOK_TYPES`]), a table of one text per language a `Texts`.
pub fn book(v: &toml::Value, langs: &[String]) -> Result<String, String> {
    book_value(v, "", langs)
}

fn book_value(v: &toml::Value, path: &str, langs: &[String]) -> Result<String, String> {
    let t = v
        .as_table()
        .ok_or_else(|| format!("data/rulebook.toml: {path} is not a table"))?;
    let is_texts = t.keys().all(|k| langs.contains(k)) && t.values().all(toml::Value::is_str);
    let ty = BOOK_TYPES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, ty)| *ty);
    match ty {
        None if is_texts => texts(v, langs, &format!("data/rulebook.toml: {path}")),
        None => Err(format!("data/rulebook.toml: unknown table {path:?}")),
        Some(ty) => {
            let mut out = format!("{ty} {{ ");
            for (k, v) in t {
                let sub = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                write!(out, "{k}: {}, ", book_value(v, &sub, langs)?).unwrap();
            }
            Ok(out + "}")
        }
    }
}
