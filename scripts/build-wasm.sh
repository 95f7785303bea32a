#!/usr/bin/env bash
# Builds the engine for wasm32 (profile wasm-release: size first, see Cargo.toml) and
# runs wasm-bindgen --target web into target/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/wasm-env.sh
out="${PKG_DIR:-target/pkg}"

say "cargo build --profile wasm-release --target wasm32-unknown-unknown ($WASM_TOOLCHAIN toolchain)"
# shellcheck disable=SC2086
"$WASM_CARGO" build --profile wasm-release --lib --target wasm32-unknown-unknown $WASM_BUILD_STD

wasm="$WASM_TARGET_DIR/wasm32-unknown-unknown/wasm-release/reply_coach.wasm"
[ -f "$wasm" ] || die "no $wasm after the build"
# Kept out of the wasm for its size (Cargo.toml's notes on the wasm-release profile):
# serde_json (the boundary's JSON is src/json.rs) and the standard library's case tables
# (text::case), and dlmalloc (the global allocator is src/wasm_alloc.rs). The unbound file
# still has its symbol names.
for sym in serde_json:src/json.rs conversions8to_lower:text::case conversions8to_upper:text::case \
    dlmalloc:src/wasm_alloc.rs; do
    if grep -aq "${sym%%:*}" "$wasm"; then
        die "the wasm links ${sym%%:*} again: use ${sym#*:} instead (see Cargo.toml)"
    fi
done
say "wasm-bindgen --target web -> $out/"
mkdir -p "$out"
# no name section (function names for stack traces, 153 KB that every user downloads)
# and no producers section (the compilers' names and versions, 96 bytes gzipped)
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$out" --out-name reply_coach "$wasm"
note "$(ls -l "$out"/reply_coach_bg.wasm | awk '{printf "%s  %d KiB", $NF, $5/1024}')"
# where the unbound wasm is, for `make bench` (a profiling copy with names)
printf '%s\n' "$wasm" >"$out/.source-wasm"
