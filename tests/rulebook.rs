//! The rulebook (data/rules/<id>.toml, data/rulebook.toml) and its checks (src/rules/):
//! every rule's examples are tests (`fires = true` must raise the rule, `fires = false`,
//! a near miss, must not), every rule is documented in both interface languages with
//! its source, and the lists these tests need come from the data, not from here.

use std::collections::BTreeSet;

use reply_coach::rulebook::{rules, FixKind, RuleId};
use reply_coach::rules::{MODULES, REGISTRY};
use reply_coach::{analyze, Lang};

/// The stems of the files in `dir` (under the crate) ending in `.{ext}`.
fn stems(dir: &str, ext: &str) -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn every_rule_has_data_a_check_and_a_registry_line() {
    // every file in src/rules/ (but the registry itself) is a registered rule
    let mut files = stems("src/rules", "rs");
    files.remove("mod");
    let registered: BTreeSet<String> = MODULES.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        files, registered,
        "src/rules/ and the registry in src/rules/mod.rs differ: register each rule file"
    );
    // each module is named after the rule it checks, and checks it once
    for (module, check) in MODULES.iter().zip(REGISTRY) {
        assert_eq!(
            module.replace('_', "-"),
            check.id.name(),
            "src/rules/{module}.rs"
        );
    }
    let checked: BTreeSet<RuleId> = REGISTRY.iter().map(|c| c.id).collect();
    assert_eq!(checked.len(), REGISTRY.len(), "a rule is registered twice");
    // ... and the checks are exactly the rules of the rulebook's data
    let data: BTreeSet<RuleId> = RuleId::ALL.iter().copied().collect();
    assert_eq!(
        checked, data,
        "a rule without a check, or a check without data"
    );
    let files: BTreeSet<String> = stems("data/rules", "toml");
    let ids: BTreeSet<String> = RuleId::ALL.iter().map(|id| id.name().to_string()).collect();
    assert_eq!(files, ids);
}

#[test]
fn the_ids_the_checks_emit_are_the_rulebook() {
    // a check pushes through `rules::Out`, which carries its own rule's id: the ids the
    // checks can emit are the registry's (above); each of them is emitted by an example
    let mut emitted = BTreeSet::new();
    for ex in rules().iter().flat_map(|r| r.examples) {
        for f in analyze(&ex.exchange()).findings {
            emitted.insert(f.rule.to_string());
        }
    }
    let ids: BTreeSet<String> = RuleId::ALL.iter().map(|id| id.name().to_string()).collect();
    assert_eq!(emitted, ids);
}

#[test]
fn every_example_behaves_as_documented() {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in rules() {
        for ex in rule.examples {
            count += 1;
            let report = analyze(&ex.exchange());
            let fired = report.findings.iter().any(|f| f.rule == rule.id.name());
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
            // every placeholder of the message is filled
            for f in &report.findings {
                assert!(!f.message.contains('{'), "{}: {:?}", f.rule, f.message);
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
fn every_rule_has_a_finding_and_a_near_miss_in_each_of_its_languages() {
    for rule in rules() {
        for lang in Lang::ALL.into_iter().filter(|&l| rule.applies_to(l)) {
            for fires in [true, false] {
                assert!(
                    rule.examples
                        .iter()
                        .any(|e| e.lang == lang && e.fires == fires),
                    "{}: no {} example that {}",
                    rule.id,
                    lang.code(),
                    if fires { "fires" } else { "stays quiet" }
                );
            }
        }
        assert!(
            rule.examples.iter().all(|e| rule.applies_to(e.lang)),
            "{}: an example in a language the rule does not apply to",
            rule.id
        );
    }
}

#[test]
fn the_scorer_judges_fifteen_rules() {
    // shared/eval/README.md: the `findings` rules judged by the scorer
    let scored: Vec<RuleId> = rules().iter().filter(|r| r.scored).map(|r| r.id).collect();
    assert_eq!(scored.len(), 15, "{scored:?}");
    let readme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/README.md");
    if let Ok(text) = std::fs::read_to_string(readme) {
        let table: BTreeSet<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("| "))
            .filter_map(|l| l.split(" |").next())
            .filter(|id| RuleId::from_name(id).is_some())
            .collect();
        let ours: BTreeSet<&str> = scored.iter().map(|id| id.name()).collect();
        assert_eq!(
            table, ours,
            "the scorer's table and the rulebook's `scored` differ"
        );
    }
}

#[test]
fn rules_are_documented_in_both_languages_with_their_source() {
    for rule in rules() {
        for lang in Lang::ALL {
            for text in [rule.message.get(lang), rule.explanation.get(lang)] {
                assert!(!text.trim().is_empty(), "{}: empty text", rule.id);
            }
            // sources by their real names, as a user reads them: not the sections of
            // the project's own brief
            let explanation = rule.explanation.get(lang);
            for text in [explanation, rule.source] {
                assert!(
                    !text.contains('§') && !text.contains("brief"),
                    "{} ({}): cites the brief, not the source: {text}",
                    rule.id,
                    lang.code()
                );
            }
            assert!(explanation.contains('('), "{}: cites no source", rule.id);
        }
        // each source is cited in the English explanation (by its first word)
        assert!(!rule.source.trim().is_empty(), "{}: no source", rule.id);
        for study in rule.source.split(';') {
            let name = study.split_whitespace().next().unwrap_or("");
            assert!(
                rule.explanation.get(Lang::En).contains(name),
                "{}: the explanation does not cite {study:?}",
                rule.id
            );
        }
    }
}

#[test]
fn fix_kinds_are_what_the_findings_do() {
    // a content fix always comes with a replacement; a manual one, or none, never does
    // (a frame or register fix when it can: a signature needs the agent's name)
    for rule in rules() {
        for ex in rule.examples.iter().filter(|e| e.fires) {
            let report = analyze(&ex.exchange());
            for f in report.findings.iter().filter(|f| f.rule == rule.id.name()) {
                match rule.fix_kind() {
                    Some(FixKind::Content) => {
                        assert!(f.replacement.is_some(), "{}: no replacement", rule.id)
                    }
                    Some(FixKind::Manual) | None => {
                        assert!(f.replacement.is_none(), "{}: a replacement", rule.id)
                    }
                    Some(FixKind::Frame | FixKind::Register) => {}
                }
            }
        }
    }
}
