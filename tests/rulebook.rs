//! Every rule's examples in data/rules.toml are tests: `fires = true` must raise the
//! rule, `fires = false` (a near miss) must not. Also checks the rulebook itself: every
//! rule has messages and explanations in both interface languages that name a source,
//! and both languages have positive and near-miss examples where the rule has any.

use reply_coach::{analyze, rules};

#[test]
fn every_example_behaves_as_documented() {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in rules::all() {
        for ex in &rule.examples {
            count += 1;
            let report = analyze(&ex.exchange());
            let fired = report.findings.iter().any(|f| f.rule == rule.id);
            if fired != ex.fires {
                let found: Vec<&str> = report.findings.iter().map(|f| f.rule.as_ref()).collect();
                failures.push(format!(
                    "{} ({}): expected {} on reply {:?}; found {:?}",
                    rule.id,
                    ex.lang.code(),
                    if ex.fires { "a finding" } else { "no finding" },
                    ex.reply,
                    found
                ));
            }
        }
    }
    assert!(count > 50, "the rulebook has {count} examples");
    assert!(
        failures.is_empty(),
        "{} of {count} examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_fifteen_scored_rules_exist() {
    for id in [
        "commercial-reply",
        "anonymous-reply",
        "late-reply",
        "unkeepable-promise",
        "denial",
        "irritation",
        "personal-data-request",
        "personal-data-exposed",
        "register-mismatch",
        "humor-on-complaint",
        "language-mismatch",
        "too-long",
        "no-empathy",
        "corporate-phrase",
        "not-personalised",
    ] {
        assert!(rules::get(id).is_some(), "rule {id} is missing");
    }
}

#[test]
fn rules_are_documented_in_both_languages_with_a_source() {
    for rule in rules::all() {
        for text in [
            &rule.message.en,
            &rule.message.nl,
            &rule.explanation.en,
            &rule.explanation.nl,
        ] {
            assert!(!text.trim().is_empty(), "{}: empty text", rule.id);
        }
        assert!(
            rule.explanation.en.contains("brief §") && rule.explanation.nl.contains("brief §"),
            "{}: the explanation must name its source in the brief",
            rule.id
        );
        if !rule.examples.is_empty() && !rule.id.starts_with("custom-") {
            assert!(
                rule.examples.iter().any(|e| e.fires),
                "{}: no positive example",
                rule.id
            );
            assert!(
                rule.examples.iter().any(|e| !e.fires),
                "{}: no near miss",
                rule.id
            );
        }
    }
}

#[test]
fn both_languages_have_examples_for_the_scored_rules() {
    use reply_coach::Lang;
    for id in [
        "commercial-reply",
        "anonymous-reply",
        "late-reply",
        "unkeepable-promise",
        "denial",
        "irritation",
        "personal-data-request",
        "personal-data-exposed",
        "humor-on-complaint",
        "language-mismatch",
        "no-empathy",
        "corporate-phrase",
        "not-personalised",
    ] {
        let rule = rules::get(id).unwrap();
        for lang in [Lang::Nl, Lang::En] {
            assert!(
                rule.examples.iter().any(|e| e.lang == lang),
                "{id}: no {} example",
                lang.code()
            );
        }
    }
}
