//! The `reply-coach` command line: the eval contract, bad input, the rule docs.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{cli, write_tmp};

#[test]
fn jsonl_contract() {
    let p = write_tmp(
        "ok.jsonl",
        concat!(
            r#"{"id": "a", "platform": "x", "post": {"text": "Mijn fiets is kapot!", "author": "Sonja de Vries", "age_minutes": 30}, "reply": {"text": "Wij betreuren het ongemak. Ik bel de werkplaats vandaag nog."}, "agent": {"name": "Pim"}}"#,
            "\n\n",
            r#"{"id": "b", "reply": {"text": ""}}"#,
            "\n",
            r#"{"id": "c", "post": {"text": "Mijn fiets is kapot!"}, "reply": {"text": "Wij betreuren het ongemak."}}"#,
            "\n"
        ),
    );
    let out = cli(&["check", "--jsonl", p.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["language"], "nl");
    assert_eq!(lines[0]["incoming"]["kind"], "complaint");
    assert!(lines[0]["voice"]["score"].is_number());
    assert!(lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "corporate-phrase" && f["span"].is_array()));
    assert!(lines[0]["rewrite"].is_string() && lines[0]["rewrite_note"].is_null());
    assert_eq!(lines[1]["id"], "b");
    assert!(lines[1]["findings"].as_array().unwrap().is_empty());
    assert!(lines[1]["rewrite"].is_null() && lines[1]["rewrite_note"].is_null());
    // a draft the coach cannot rewrite well: no rewrite, and a note why
    assert!(lines[2]["rewrite"].is_null() && lines[2]["rewrite_note"].is_string());
}

#[test]
fn bad_lines_are_named_and_nothing_is_written() {
    let cases = [
        (
            "{\"id\": \"a\", \"reply\": {\"text\": \"hi\"}}\n{not json\n",
            "line 2: invalid JSON",
        ),
        (
            "{\"id\": \"a\", \"post\": {\"text\": \"x\"}}\n",
            "line 1: missing \"reply\"",
        ),
        (
            "{\"id\": \"a\", \"reply\": {\"text\": 5}}\n",
            "line 1: \"reply.text\" must be a string",
        ),
        (
            "{\"reply\": \"ok\", \"post\": {\"text\": \"x\", \"age_minutes\": \"ten\"}}\n",
            "\"post.age_minutes\" must be a number",
        ),
        ("[1, 2]\n", "line 1: the line is not a JSON object"),
        ("\n\n", "has no exchanges"),
    ];
    for (i, (content, expected)) in cases.iter().enumerate() {
        let p = write_tmp(&format!("bad{i}.jsonl"), content);
        let out = cli(&["check", "--jsonl", p.to_str().unwrap()], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{content:?}: {err}");
        assert!(err.contains(expected), "{content:?}: {err}");
        assert!(out.stdout.is_empty(), "{content:?}: partial output");
    }
    let out = cli(&["check", "--jsonl", "/nonexistent/file.jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/file.jsonl"));
}

#[test]
fn one_reply_from_an_argument_or_stdin() {
    let out = cli(
        &[
            "check",
            "--post",
            "my order arrived broken",
            "--author",
            "Noah Brooks",
            "--agent",
            "Alex",
            "--json",
            "So sorry Noah! I'll send a new one today. ^AB",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["incoming"]["first_name"], "Noah");
    let out = cli(
        &["check", "--post", "Mijn pakket is kapot", "--ui-lang", "nl"],
        Some(b"Wij betreuren het ongemak.\n"),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("corporate-phrase") && text.contains("^^^"),
        "{text}"
    );
    assert!(text.contains("standaard bedrijfszin"), "{text}");
    let out = cli(&["check", "--platform", "myspace", "hi"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not x or facebook"));
    // an error finding makes the exit code 1, so scripts can gate on it
    let out = cli(
        &[
            "check",
            "--post",
            "my order is broken",
            "We guarantee this will never happen again.",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn rules_and_rule_docs() {
    let out = cli(&["rules"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().count() >= 15);
    for id in ["commercial-reply", "not-personalised", "too-long"] {
        assert!(text.contains(id));
    }
    let out = cli(&["rule", "denial", "--ui-lang", "nl"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Huibers & Verhoeven 2014")
            && text.contains("Example")
            && text.contains("flagged")
            && text.contains("fine"),
        "{text}"
    );
    let out = cli(&["rule", "no-such-rule"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_profile_is_refused_clearly() {
    let p = write_tmp("profile.json", "{\"agent_name\": 42}");
    let out = cli(&["check", "--profile", p.to_str().unwrap(), "hi"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a valid profile"));
}
