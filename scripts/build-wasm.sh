#!/usr/bin/env bash
# Builds the engine for wasm32 (release) and runs wasm-bindgen --target web into target/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/wasm-env.sh
out="${PKG_DIR:-target/pkg}"

say "cargo build --release --target wasm32-unknown-unknown ($WASM_TOOLCHAIN toolchain)"
# shellcheck disable=SC2086
"$WASM_CARGO" build --release --lib --target wasm32-unknown-unknown $WASM_BUILD_STD

wasm="$WASM_TARGET_DIR/wasm32-unknown-unknown/release/reply_coach.wasm"
[ -f "$wasm" ] || die "no $wasm after the build"
say "wasm-bindgen --target web -> $out/"
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" --out-name reply_coach "$wasm"
note "$(ls -l "$out"/reply_coach_bg.wasm | awk '{printf "%s  %d KiB", $NF, $5/1024}')"
