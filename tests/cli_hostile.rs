//! The CLI under hostile input, beyond tests/cli.rs: invalid UTF-8, a BOM, JSON nested
//! past any sane depth, lone surrogate escapes, out-of-range numbers, wrong field types,
//! a bad line after hundreds of good ones (nothing may be written before the error),
//! unreadable paths, bad options, and a megabyte of emoji, RTL, zero-width characters
//! and combining marks (windowed and reported).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{cli, write_tmp};

/// Runs `check --jsonl` (and `--human`) on `content`: exit 2, the message on stderr,
/// nothing at all on stdout.
fn refused(name: &str, content: &[u8], expected: &str) {
    let p = write_tmp(name, content);
    for human in [false, true] {
        let mut args = vec!["check", "--jsonl", p.to_str().unwrap()];
        if human {
            args.push("--human");
        }
        let out = cli(&args, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(expected),
            "{name}: expected {expected:?} in {err:?}"
        );
        assert!(err.starts_with("reply-coach: "), "{name}: {err}");
        assert!(
            out.stdout.is_empty(),
            "{name}: something was written before the error"
        );
    }
}

#[test]
fn hostile_json_lines_are_refused_by_line() {
    let nested = format!(
        "{{\"reply\": {}{}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("nested", nested.into_bytes(), "line 1: invalid JSON"),
        (
            "surrogate",
            b"{\"reply\": \"ok\"}\n{\"reply\": \"\\ud800\"}\n".to_vec(),
            "line 2: invalid JSON",
        ),
        (
            "huge-number",
            b"{\"reply\": \"ok\", \"post\": {\"text\": \"x\", \"age_minutes\": 1e400}}\n".to_vec(),
            "line 1: invalid JSON",
        ),
        (
            "negative-age",
            b"{\"reply\": \"ok\", \"post\": {\"text\": \"x\", \"age_minutes\": -5}}\n".to_vec(),
            "line 1: \"post.age_minutes\" must be zero or more",
        ),
        (
            "reply-number",
            b"{\"reply\": 5}\n".to_vec(),
            "line 1: \"reply\" must be",
        ),
        (
            "platform-number",
            b"{\"reply\": \"ok\", \"platform\": 7}\n".to_vec(),
            "line 1: \"platform\" must be a string",
        ),
        (
            "platform-unknown",
            b"{\"reply\": \"ok\", \"platform\": \"myspace\"}\n".to_vec(),
            "line 1: \"platform\": \"myspace\" is not x or facebook",
        ),
        (
            "agent-string",
            b"{\"reply\": \"ok\", \"agent\": \"Pim\"}\n".to_vec(),
            "line 1: \"agent\" must be an object",
        ),
        (
            "trailing-garbage",
            b"{\"reply\": \"ok\"} garbage\n".to_vec(),
            "line 1: invalid JSON",
        ),
        ("empty-file", Vec::new(), "has no exchanges"),
        ("only-blank", b"\n \n\t\n".to_vec(), "has no exchanges"),
    ];
    for (name, content, expected) in &cases {
        refused(name, content, expected);
    }
}

#[test]
fn a_bad_line_after_many_good_ones_writes_nothing() {
    let mut content = String::new();
    for i in 0..499 {
        content.push_str(&format!(
            "{{\"id\": \"{i}\", \"post\": {{\"text\": \"Mijn pakket is kapot!\"}}, \"reply\": \"Wij betreuren het ongemak 😊.\"}}\n"
        ));
    }
    content.push_str("{\"id\": \"500\", \"reply\": {\"text\": [1]}}\n");
    content.push_str("{\"id\": \"501\", \"reply\": \"ok\"}\n");
    refused("late.jsonl", content.as_bytes(), "line 500:");
}

#[test]
fn unreadable_inputs_and_bad_options() {
    let dir = std::env::temp_dir();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["check", "--jsonl", dir.to_str().unwrap()],
            "cannot read",
        ),
        (
            vec!["check", "--jsonl", "/nonexistent/x.jsonl"],
            "cannot read /nonexistent/x.jsonl",
        ),
        (
            vec!["check", "--profile", "/nonexistent/p.json", "hi"],
            "cannot read profile /nonexistent/p.json",
        ),
        (vec!["check", "--post"], "--post needs a value"),
        (
            vec!["check", "--age-minutes", "abc", "hi"],
            "is not a number",
        ),
        (
            vec!["check", "--age-minutes", "-3", "hi"],
            "must be zero or more",
        ),
        (vec!["check", "--bogus", "hi"], "unknown option --bogus"),
    ];
    for (args, expected) in cases {
        let out = cli(&args, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let p = write_tmp("profile.json", b"not json");
    let out = cli(&["check", "--profile", p.to_str().unwrap(), "hi"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a valid profile"));
    let out = cli(&["check"], Some(b"\xff\xfe not utf-8"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
    assert!(out.stdout.is_empty());
}

/// A megabyte of each kind of hard text, through the CLI: windowed, reported, no rewrite.
#[test]
fn a_megabyte_of_hard_unicode_is_windowed() {
    for unit in [
        "Wij betreuren het ongemak. ",
        "👨\u{200D}👩\u{200D}👧\u{200D}👦👍🏽🇳🇱",
        "שלום مرحبا \u{202E}",
        "\u{200B}\u{200D}\u{FEFF}",
        "e\u{301}a\u{308}\u{323}",
    ] {
        let reply = unit.repeat((1 << 20) / unit.len() + 1);
        let out = cli(
            &["check", "--post", "Mijn pakket is kapot!", "--json"],
            Some(reply.as_bytes()),
        );
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{unit:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let t = &v["truncated"];
        // stdin loses nothing but a final newline, which the CLI may trim
        let total = t["reply_total"].as_u64().unwrap() as usize;
        assert!(total + 2 >= reply.encode_utf16().count(), "{unit:?}: {t}");
        assert!(
            t["reply_analysed"].as_u64().unwrap() <= 100_000,
            "{unit:?}: {t}"
        );
        assert!(v["rewrite"].is_null(), "{unit:?}: no rewrite of a window");
    }
}

// --- CLI gaps, reported to the engine owner: un-ignore once fixed ------------------------

/// An invalid UTF-8 byte on line 2 is reported as "cannot read FILE: stream did not
/// contain valid UTF-8", without the line.
#[test]
fn invalid_utf8_names_the_line() {
    refused(
        "utf8.jsonl",
        b"{\"reply\": \"ok\"}\n{\"reply\": \"\xff\xfe\"}\n",
        "line 2",
    );
}

/// A file saved with a UTF-8 byte-order mark (Windows editors) fails on line 1 with
/// "invalid JSON: expected value at line 1 column 1": the BOM should be skipped.
#[test]
fn a_byte_order_mark_is_skipped() {
    let p = write_tmp("bom.jsonl", b"\xef\xbb\xbf{\"reply\": \"ok\"}\n");
    let out = cli(&["check", "--jsonl", p.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `reply-coach check` with nothing on standard input prints an empty report and exits
/// 0; empty input should be a clear error (exit 2), as it is for an empty --jsonl file.
#[test]
fn empty_stdin_is_an_error() {
    let out = cli(&["check"], Some(b""));
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
