//! Turns the human-edited TOML data files (rules, per-language lexicons) into compact
//! JSON embedded in the binary, so the engine (and its wasm build) carries no TOML
//! parser. Validation of the content happens in the tests.

use std::{env, fs, path::Path};

fn convert(src: &Path, dst: &Path) {
    let text =
        fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", src.display()));
    let json = serde_json::to_string(&toml_to_json(value)).expect("data converts to JSON");
    fs::write(dst, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", dst.display()));
}

fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    for (src, dst) in [
        ("data/rules.toml", "rules.json"),
        ("data/lexicon/nl.toml", "lexicon-nl.json"),
        ("data/lexicon/en.toml", "lexicon-en.json"),
    ] {
        println!("cargo:rerun-if-changed={src}");
        convert(Path::new(src), &Path::new(&out).join(dst));
    }
}
