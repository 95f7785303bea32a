//! The shape of the engine's code, as ARCHITECTURE.md describes it: the layering rule
//! (a module uses only the modules below it, read from its `crate::` paths) and no
//! function over 150 lines under src/. Reads the source as text; runs nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The engine's modules from the bottom up. A module may use the modules of the layers
/// below its own, and no other: not its own layer's, not a higher one's, not the crate
/// root (`lib.rs`, which ties the layers together, and the shells above it).
const LAYERS: &[&[&str]] = &[
    // the JSON contract, the macro for names in data files, one sort for every caller,
    // the hasher of the maps, the wasm's allocator
    &["model", "names", "order", "fxhash", "wasm_alloc"],
    // the contract's JSON without serde_json (the wasm build reads and writes it so)
    &["json"],
    // tokens and sentences; the rulebook's data
    &["text", "rulebook"],
    // word lists, phrase banks and templates per language
    &["lexicon"],
    // reading the post, the reply, personal data, length
    &["incoming", "reply", "pii", "length"],
    // what the rules share: register conversion, fix helpers
    &["register", "fix"],
    // the checks
    &["rules"],
    // one reading of an exchange
    &["analysis"],
    // the whole-reply rewrite; saved replies (placeholders filled, each coached)
    &["rewrite", "saved"],
    // the wasm shell (above the crate root)
    &["wasm"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The top-level module a file under src/ belongs to (`None`: the crate root or the
/// binary).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// `source` without its comments, string and char literals (each replaced by spaces,
/// line breaks kept), so that braces and paths are code.
fn code_only(source: &str) -> String {
    let b = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let blank = |s: &str| -> String {
        s.chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect()
    };
    let mut i = 0;
    while i < b.len() {
        let rest = &source[i..];
        let end = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            rest.find("*/").map(|e| e + 2).unwrap_or(rest.len())
        } else if let Some(n) = raw_string_len(rest, i == 0 || !is_ident(b[i - 1])) {
            n
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() && rest.as_bytes()[j] != b'"' {
                j += if rest.as_bytes()[j] == b'\\' { 2 } else { 1 };
            }
            j + 1
        } else if rest.starts_with('\'') {
            char_literal_len(rest).unwrap_or(0)
        } else {
            0
        };
        if end > 0 {
            out.push_str(&blank(&rest[..end]));
            i += end;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The length of a raw string literal (`r"…"`, `r#"…"#`) at the start of `s`.
fn raw_string_len(s: &str, at_word_start: bool) -> Option<usize> {
    let rest = s
        .strip_prefix("br")
        .or_else(|| s.strip_prefix('r'))
        .filter(|_| at_word_start)?;
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    let body = rest[hashes..].strip_prefix('"')?;
    let close = format!("\"{}", "#".repeat(hashes));
    let end = body.find(&close)?;
    Some(s.len() - body.len() + end + close.len())
}

/// The length of a char literal (`'a'`, `'\n'`, `'\u{301}'`) at the start of `s`; `None`
/// for a lifetime.
fn char_literal_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().skip(1);
    let (_, c) = chars.next()?;
    if c == '\\' {
        let close = s[2..].find('\'')?;
        return Some(close + 3);
    }
    let (j, close) = chars.next()?;
    (close == '\'').then_some(j + 1)
}

/// The code of `file` before its tests (`#[cfg(test)]` at the end of a file).
fn non_test_code(file: &Path) -> String {
    let code = code_only(&std::fs::read_to_string(file).unwrap());
    match code.find("#[cfg(test)]") {
        Some(at) => code[..at].to_string(),
        None => code,
    }
}

/// The top-level modules `code` names as `crate::<module>` (in `use` lines and paths).
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c}`
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(
                inner
                    .split(',')
                    .map(|p| p.trim().split("::").next().unwrap_or("").trim().to_string())
                    .filter(|p| !p.is_empty()),
            );
        } else {
            let name: String = rest
                .chars()
                .take_while(|&c| c.is_alphanumeric() || c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

#[test]
fn each_module_uses_only_the_layers_below_it() {
    let layer: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(k, mods)| mods.iter().map(move |m| (*m, k)))
        .collect();
    let mut problems = Vec::new();
    for file in rust_files(&src()) {
        let Some(module) = module_of(&file) else {
            continue;
        };
        let Some(&own) = layer.get(module.as_str()) else {
            problems.push(format!(
                "{module}: not in the LAYERS of tests/architecture.rs"
            ));
            continue;
        };
        for used in crate_paths(&non_test_code(&file)) {
            if used == module || used == "self" {
                continue;
            }
            let ok = match layer.get(used.as_str()) {
                Some(&k) => k < own,
                // the crate root: only the shells above it
                None => own == LAYERS.len() - 1,
            };
            if !ok {
                let rel = file.strip_prefix(src()).unwrap().display();
                problems.push(format!("{rel}: module `{module}` uses `crate::{used}`"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "the layering rule (ARCHITECTURE.md) is broken:\n{}",
        problems.join("\n")
    );
}

/// Every function under src/: (file, name, first line, lines).
fn functions() -> Vec<(String, String, usize, usize)> {
    let mut out = Vec::new();
    for file in rust_files(&src()) {
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        let rel = file.strip_prefix(src()).unwrap().display().to_string();
        let b = code.as_bytes();
        let mut search = 0;
        while let Some(k) = code[search..].find("fn ") {
            let at = search + k;
            search = at + 3;
            if at > 0 && is_ident(b[at - 1]) {
                continue;
            }
            let name: String = code[at + 3..]
                .chars()
                .take_while(|&c| is_ident(c as u8))
                .collect();
            // the body: the first `{` before any `;` (a declaration without one has none)
            let Some(open) = code[at..].find(['{', ';']).map(|o| at + o) else {
                continue;
            };
            if b[open] != b'{' || name.is_empty() {
                continue;
            }
            let mut depth = 0;
            let mut close = open;
            for (j, &c) in b.iter().enumerate().skip(open) {
                depth += (c == b'{') as i32 - (c == b'}') as i32;
                if depth == 0 {
                    close = j;
                    break;
                }
            }
            let line = |p: usize| code[..p].matches('\n').count() + 1;
            out.push((rel.clone(), name, line(at), line(close) - line(at) + 1));
        }
    }
    out
}

#[test]
fn no_function_is_over_150_lines() {
    let all = functions();
    assert!(
        all.iter().any(|f| f.1 == "analyze"),
        "the scan finds functions"
    );
    let long: Vec<String> = all
        .iter()
        .filter(|f| f.3 > 150)
        .map(|(file, name, line, n)| format!("src/{file}:{line}: fn {name} is {n} lines"))
        .collect();
    assert!(long.is_empty(), "split these:\n{}", long.join("\n"));
}

#[test]
fn the_source_scanner_sees_code_only() {
    let code =
        code_only("let a = \"{ // }\"; // {\nlet b = '{'; let c: &'a str = r#\"}\"#; /* } */ x");
    assert_eq!(
        code.matches('{').count() + code.matches('}').count(),
        0,
        "{code}"
    );
    assert!(code.contains("&'a str") && code.ends_with(" x"));
    assert_eq!(
        crate_paths("use crate::{text::Doc, model};\nlet x = crate::lexicon::lexicon(l);"),
        ["text", "model", "lexicon"]
    );
}
