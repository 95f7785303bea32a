//! The wasm-bindgen shell: JavaScript objects in, JavaScript objects out, nothing else.
//! The extension's service worker imports this (see `extension/`).
//!
//! Values cross the boundary as one JSON string each way (`JSON.stringify` of the
//! exchange, `JSON.parse` of the report): building the report object field by field
//! from wasm costs a call into JavaScript per field, and measured about 1.6× the
//! analysis itself on X-sized replies (see bench/RESULTS.md).

use wasm_bindgen::prelude::*;

use crate::model::{Exchange, Lang};

/// A JSON string from Rust as a JavaScript value (objects, arrays, `null` for `None`,
/// like the CLI's JSON).
fn to_js<T: serde::Serialize>(value: &T, what: &str) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot return {what}: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new(&format!("cannot return {what}")))
}

/// Analyse one exchange (`{post, reply, platform, profile}`) and return the report.
#[wasm_bindgen]
pub fn analyze(exchange: JsValue) -> Result<JsValue, JsError> {
    if !exchange.is_object() {
        return Err(JsError::new(
            "invalid exchange: expected an object {post, reply, platform, profile}",
        ));
    }
    let json = js_sys::JSON::stringify(&exchange)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new("invalid exchange: it cannot be written as JSON"))?;
    // (lone surrogates, which JavaScript strings may hold, become U+FFFD)
    let exchange = Exchange::from_js_json(&json)
        .map_err(|e| JsError::new(&format!("invalid exchange: {e}")))?;
    to_js(&crate::analyze(&exchange), "the report")
}

/// Analyse an exchange given as a JSON string; returns the report as a JSON string.
/// Used by the parity test so both sides compare the same bytes.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(exchange_json: &str) -> Result<String, JsError> {
    let exchange = Exchange::from_js_json(exchange_json)
        .map_err(|e| JsError::new(&format!("invalid exchange: {e}")))?;
    serde_json::to_string(&crate::analyze(&exchange))
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
