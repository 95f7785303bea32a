//! The wasm-bindgen shell: JavaScript objects in, JavaScript objects out, nothing else.
//! The extension's service worker imports this (see `extension/`).
//!
//! Values cross the boundary as one JSON string each way (`JSON.stringify` of the
//! exchange, `JSON.parse` of the report): building the report object field by field
//! from wasm costs a call into JavaScript per field, and measured about 1.6× the
//! analysis itself on X-sized replies (see bench/RESULTS.md). The JSON is read and
//! written by `crate::json`, not serde_json, which was 70 KB of the file (see there).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Exchange, Lang};

/// A JSON string from Rust as a JavaScript value (objects, arrays, `null` for `None`,
/// like the CLI's JSON).
fn to_js<T: serde::Serialize>(value: &T, what: &str) -> Result<JsValue, JsError> {
    let json = crate::json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot return {what}: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new(&format!("cannot return {what}")))
}

/// A JavaScript object as JSON (lone surrogates, which JavaScript strings may hold, are
/// `\uD83D`-style escapes in it, which `crate::json` reads as U+FFFD); `what` and
/// `shape` name it in the error.
fn from_js(value: &JsValue, what: &str, shape: &str) -> Result<String, JsError> {
    if !value.is_object() {
        return Err(JsError::new(&format!(
            "invalid {what}: expected an object {shape}"
        )));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new(&format!("invalid {what}: it cannot be written as JSON")))
}

fn exchange_from(value: &JsValue) -> Result<Exchange, JsError> {
    let json = from_js(value, "exchange", "{post, reply, platform, profile}")?;
    Exchange::from_js_json(&json).map_err(|e| JsError::new(&format!("invalid exchange: {e}")))
}

/// Analyse one exchange (`{post, reply, platform, profile}`) and return the report.
#[wasm_bindgen]
pub fn analyze(exchange: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::analyze(&exchange_from(&exchange)?), "the report")
}

/// Fill a saved reply's placeholders for the post and profile of `exchange` (its
/// `reply` is not used), with the agent's own `values` (`{order_number: "123"}`, or
/// `undefined`): `{text, missing}`. Insert `text` only when `missing` is empty.
#[wasm_bindgen(js_name = fillSavedReply)]
pub fn fill_saved_reply(
    exchange: JsValue,
    text: &str,
    values: JsValue,
) -> Result<JsValue, JsError> {
    let exchange = exchange_from(&exchange)?;
    // the object's own string entries, read in JavaScript (no map deserialiser in the wasm)
    let mut given = Vec::new();
    if values.is_object() {
        for entry in js_sys::Object::entries(values.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                given.push((k, v));
            }
        }
    } else if !values.is_undefined() && !values.is_null() {
        return Err(JsError::new(
            "invalid values: expected an object {name: text}",
        ));
    }
    let filled = crate::saved::fill(text, exchange.post.as_ref(), &exchange.profile, &given);
    to_js(&filled, "the filled reply")
}

/// Coach every saved reply of `profile` against a sample post of its tags' kind:
/// `[{title, post, findings}]`, in the profile's order.
#[wasm_bindgen(js_name = lintSavedReplies)]
pub fn lint_saved_replies(profile: JsValue) -> Result<JsValue, JsError> {
    let json = from_js(&profile, "profile", "{saved_replies, …}")?;
    let profile = crate::json::read_profile(&json)
        .map_err(|e| JsError::new(&format!("invalid profile: {e}")))?;
    to_js(&crate::saved::lint(profile), "the findings")
}

/// The starter set of saved replies in `lang` (`"nl"` or `"en"`):
/// `[{title, text, language, tags}]`.
#[wasm_bindgen(js_name = starterReplies)]
pub fn starter_replies(lang: &str) -> Result<JsValue, JsError> {
    let lang = Lang::parse(lang).unwrap_or_default();
    js_sys::JSON::parse(crate::saved::starter_json(lang))
        .map_err(|_| JsError::new("cannot return the starter set"))
}

/// Analyse an exchange given as a JSON string; returns the report as a JSON string.
/// Used by the parity test so both sides compare the same bytes.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(exchange_json: &str) -> Result<String, JsError> {
    let exchange = Exchange::from_js_json(exchange_json)
        .map_err(|e| JsError::new(&format!("invalid exchange: {e}")))?;
    crate::json::to_string(&crate::analyze(&exchange))
        .map_err(|e| JsError::new(&format!("cannot return the report: {e}")))
}

/// Every rule's documentation, in the interface language (`"nl"` or `"en"`).
#[wasm_bindgen]
pub fn rules(ui_language: &str) -> Result<JsValue, JsError> {
    let lang = Lang::parse(ui_language).unwrap_or_default();
    to_js(&crate::rules::docs(lang), "the rules")
}

/// The engine's version, for the extension's about box.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
