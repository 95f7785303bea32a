//! The wasm-bindgen shell: JavaScript objects in, JavaScript objects out, nothing else.
//! The extension's service worker imports this (see `extension/`).

use wasm_bindgen::prelude::*;

use crate::model::{Exchange, Lang};

fn serializer() -> serde_wasm_bindgen::Serializer {
    // Plain JS objects (not Maps) and `null` for `None`, so the report reads like the
    // CLI's JSON.
    serde_wasm_bindgen::Serializer::json_compatible()
}

/// Analyse one exchange (`{post, reply, platform, profile}`) and return the report.
#[wasm_bindgen]
pub fn analyze(exchange: JsValue) -> Result<JsValue, JsError> {
    let exchange: Exchange = serde_wasm_bindgen::from_value(exchange)
        .map_err(|e| JsError::new(&format!("invalid exchange: {e}")))?;
    let report = crate::analyze(&exchange);
    serde::Serialize::serialize(&report, &serializer())
        .map_err(|e| JsError::new(&format!("cannot return the report: {e}")))
}

/// Analyse an exchange given as a JSON string; returns the report as a JSON string.
/// Used by the parity test so both sides compare the same bytes.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(exchange_json: &str) -> Result<String, JsError> {
    let exchange: Exchange = serde_json::from_str(exchange_json)
        .map_err(|e| JsError::new(&format!("invalid exchange: {e}")))?;
    serde_json::to_string(&crate::analyze(&exchange))
        .map_err(|e| JsError::new(&format!("cannot return the report: {e}")))
}

/// Every rule's documentation, in the interface language (`"nl"` or `"en"`).
#[wasm_bindgen]
pub fn rules(ui_language: &str) -> Result<JsValue, JsError> {
    let lang = Lang::parse(ui_language).unwrap_or_default();
    serde::Serialize::serialize(&crate::rules::docs(lang), &serializer())
        .map_err(|e| JsError::new(&format!("cannot return the rules: {e}")))
}

/// The engine's version, for the extension's about box.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
