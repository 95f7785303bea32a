//! Parity: the engine compiled to WebAssembly must give exactly the reports the native
//! build gives, through both wasm entry points (`analyze_json` on a string and `analyze`
//! on a JavaScript object).
//!
//! Run it with `make test-wasm`. That first runs the native release CLI over the inputs
//! (`demo/sample.jsonl` and, when present, `../shared/eval/dev.jsonl`) and writes into
//! `target/parity/`, per input `NAME`:
//! - `NAME.exchanges.jsonl`: one Exchange JSON per line (`reply-coach exchange --jsonl`),
//! - `NAME.native.jsonl`: the native Report JSON for that line (`reply-coach check --full`),
//!
//! then compiles this test with `REPLY_COACH_PARITY_DIR` pointing there, so the files are
//! embedded at compile time, and runs it in headless Chromium.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! parity_file {
    ($name:literal) => {
        include_str!(concat!(
            env!(
                "REPLY_COACH_PARITY_DIR",
                "run the wasm tests with `make test-wasm`: it prepares the native reports"
            ),
            "/",
            $name
        ))
    };
}

#[wasm_bindgen_test]
fn sample_matches_native() {
    let checked = check_set(
        "demo/sample.jsonl",
        parity_file!("sample.exchanges.jsonl"),
        parity_file!("sample.native.jsonl"),
    );
    assert!(checked > 0, "demo/sample.jsonl gave no exchanges");
}

#[wasm_bindgen_test]
fn probe_set_matches_native() {
    let checked = check_set(
        "tests/fixtures/probe.jsonl",
        parity_file!("probe.exchanges.jsonl"),
        parity_file!("probe.native.jsonl"),
    );
    assert!(checked > 0, "tests/fixtures/probe.jsonl gave no exchanges");
}

#[wasm_bindgen_test]
fn dev_set_matches_native() {
    // Empty when ../shared/eval/dev.jsonl is not there (user machines): nothing to compare.
    check_set(
        "../shared/eval/dev.jsonl",
        parity_file!("dev.exchanges.jsonl"),
        parity_file!("dev.native.jsonl"),
    );
}

/// Compares every exchange's wasm reports with the native one; returns how many it checked.
fn check_set(name: &str, exchanges: &str, native: &str) -> usize {
    let exchanges: Vec<&str> = lines(exchanges);
    let native: Vec<&str> = lines(native);
    assert_eq!(
        exchanges.len(),
        native.len(),
        "{name}: {} exchanges but {} native reports",
        exchanges.len(),
        native.len()
    );
    if exchanges.is_empty() {
        console_log!("{name}: not present, skipped");
        return 0;
    }

    let mut failures = Vec::new();
    for (i, (exchange, native)) in exchanges.iter().zip(&native).enumerate() {
        let mut expected: Value = serde_json::from_str(native)
            .unwrap_or_else(|e| panic!("{name} line {}: native report is not JSON: {e}", i + 1));
        let label = match expected.get("id").and_then(Value::as_str) {
            Some(id) => format!("{name} line {} ({id})", i + 1),
            None => format!("{name} line {}", i + 1),
        };

        let via_json = analyze_json(exchange);
        let via_js = analyze_js(exchange);
        for (entry, got) in [("analyze_json", via_json), ("analyze", via_js)] {
            let got = match got {
                Ok(got) => got,
                Err(e) => {
                    failures.push(format!("{label}: wasm {entry} failed: {e}"));
                    continue;
                }
            };
            // The CLI may tag its lines with the input's id; the engine's report has none.
            if let (Value::Object(exp), Value::Object(got)) = (&mut expected, &got) {
                if !got.contains_key("id") {
                    exp.remove("id");
                }
            }
            if let Some(diff) = first_difference(&expected, &got, "$") {
                failures.push(format!(
                    "{label}: wasm {entry} differs from native at {diff}"
                ));
            }
        }
    }

    if !failures.is_empty() {
        let shown: Vec<&str> = failures.iter().take(10).map(String::as_str).collect();
        panic!(
            "{name}: {} of {} checks differ between wasm and native:\n  {}{}",
            failures.len(),
            exchanges.len() * 2,
            shown.join("\n  "),
            if failures.len() > shown.len() {
                "\n  ..."
            } else {
                ""
            }
        );
    }
    console_log!(
        "{name}: {} exchanges identical in wasm and native",
        exchanges.len()
    );
    exchanges.len()
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

fn analyze_json(exchange: &str) -> Result<Value, String> {
    let report = reply_coach::wasm::analyze_json(exchange).map_err(js_error)?;
    serde_json::from_str(&report).map_err(|e| format!("report is not JSON: {e}"))
}

fn analyze_js(exchange: &str) -> Result<Value, String> {
    let input = js_sys::JSON::parse(exchange).map_err(|e| format!("JSON.parse: {e:?}"))?;
    let report = reply_coach::wasm::analyze(input).map_err(js_error)?;
    let text: String = js_sys::JSON::stringify(&report)
        .map_err(|e| format!("JSON.stringify: {e:?}"))?
        .into();
    serde_json::from_str(&text).map_err(|e| format!("report is not JSON: {e}"))
}

fn js_error(e: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(e);
    js_sys::Reflect::get(&value, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// The path of the first place where the two values differ, with both sides; numbers
/// compare by value (JavaScript has one number type: `72.0` comes back as `72`).
fn first_difference(expected: &Value, got: &Value, path: &str) -> Option<String> {
    match (expected, got) {
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => None,
        (Value::Object(a), Value::Object(b)) => {
            for (key, av) in a {
                let sub = format!("{path}.{key}");
                match b.get(key) {
                    Some(bv) => {
                        if let Some(d) = first_difference(av, bv, &sub) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{sub}: native has {av}, wasm has nothing")),
                }
            }
            b.iter()
                .find(|(key, _)| !a.contains_key(*key))
                .map(|(key, bv)| format!("{path}.{key}: native has nothing, wasm has {bv}"))
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (av, bv))| first_difference(av, bv, &format!("{path}[{i}]"))),
        _ if expected == got => None,
        _ => Some(format!("{path}: native {expected}, wasm {got}")),
    }
}
