//! build.rs's rulebook generator (build/rulebook.rs) on bad data: a key it does not
//! know, a missing one, a text missing in a language or in an unknown one is an error
//! that names the file and the key. (A severity, family, fix kind, language or
//! rulebook key that is no name of the engine's enums and structs does not compile.)
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/rulebook.rs"]
#[allow(dead_code)]
mod rulebook;

fn langs() -> Vec<String> {
    vec!["en".into(), "nl".into()]
}

const GOOD: &str = r#"
family = "donts"
severity = "error"
scored = true
source = "brief §5"
title = { en = "A don't", nl = "Niet doen" }
message = { en = "Don't.", nl = "Niet doen." }
explanation = { en = "Because (brief §5).", nl = "Omdat (brief §5)." }
fix = { kind = "content", label = { en = "Remove it", nl = "Haal het weg" } }
examples = [
  { lang = "nl", post = "p", reply = "r", custom_rules = [{ phrase = "helaas" }], fires = true },
]
"#;

fn rule(toml_text: &str) -> Result<String, String> {
    rulebook::rule("some-rule", &toml::from_str(toml_text).unwrap(), &langs())
}

#[test]
fn a_good_rule_becomes_a_rust_literal() {
    let code = rule(GOOD).unwrap();
    for part in [
        "id: RuleId::SomeRule",
        "family: Family::Donts",
        "severity: Severity::Error",
        "Texts { en: \"Don't.\", nl: \"Niet doen.\" }",
        "Some(Fix { kind: FixKind::Content",
        "Example { lang: Lang::Nl",
        "ExampleRule { phrase: \"helaas\", replacement: None }",
    ] {
        assert!(code.contains(part), "{part} in {code}");
    }
}

#[test]
fn bad_rules_are_errors_that_name_the_file_and_key() {
    for (edit, error) in [
        (
            GOOD.replace("scored = true", "scord = true"),
            "unknown key \"scord\"",
        ),
        (GOOD.replace("scored = true\n", ""), "no \"scored\""),
        (
            GOOD.replace("title = { en = \"A don't\", nl = \"Niet doen\" }\n", ""),
            "no \"title\"",
        ),
        (
            GOOD.replace(", nl = \"Niet doen.\"", ""),
            "message: no \"nl\" text",
        ),
        (
            GOOD.replace("nl = \"Niet doen.\"", "de = \"Nicht.\""),
            "message: unknown language \"de\"",
        ),
        (
            GOOD.replace("fires = true", "fires = \"yes\""),
            "fires is not true or false",
        ),
        (
            GOOD.replace("reply = \"r\"", "reply = \"r\", replies = 2"),
            "example 1: unknown key \"replies\"",
        ),
    ] {
        let err = rule(&edit).unwrap_err();
        assert!(err.contains("data/rules/some-rule.toml"), "{err}");
        assert!(err.contains(error), "{error}: {err}");
    }
}

#[test]
fn the_rulebook_s_tables_have_their_types() {
    let book: toml::Value = toml::from_str(
        r#"
[recommendations.sympathy]
en = "Open with sympathy."
nl = "Begin met sympathie."
[interface.language_name]
nl = { en = "Dutch", nl = "Nederlands" }
"#,
    )
    .unwrap();
    let code = rulebook::book(&book, &langs()).unwrap();
    assert!(
        code.starts_with("Book { interface: Interface { language_name: ByLang { nl: Texts {"),
        "{code}"
    );
    assert!(
        code.contains("recommendations: Recommendations { sympathy: Texts {"),
        "{code}"
    );
    let bad: toml::Value =
        toml::from_str("[advice.respnd]\nen = \"x\"\nnl = \"y\"\n[advice.typo.x]\nen = 1").unwrap();
    let err = rulebook::book(&bad, &langs()).unwrap_err();
    assert!(err.contains("unknown table \"advice.typo\""), "{err}");
}
