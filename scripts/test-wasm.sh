#!/usr/bin/env bash
# The wasm parity test (tests/wasm_parity.rs) in headless Chromium.
# 1. runs the native release CLI over each input to get the Exchange JSON and the full
#    native Report per line, into target/parity/;
# 2. compiles tests/wasm_parity.rs for wasm32 with those files embedded and runs it with
#    wasm-bindgen-test-runner + chromedriver.
# Settings (environment; the Makefile passes them):
#   REPLY_COACH_CLI   native CLI                      (target/release/reply-coach)
#   PARITY_EXCHANGE   CLI args printing Exchanges, {} = the input file   (exchange --jsonl {})
#   PARITY_CHECK      CLI args printing full Reports, {} = the input file (check --jsonl {} --full)
#   DEV_SET           the shared dev set, skipped when absent (../shared/eval/dev.jsonl)
#   SAMPLE_SET        the bundled sample              (demo/sample.jsonl)
#   WASM_CLIPPY=0     skip the wasm32 clippy run (it runs with the rustup toolchain)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
. scripts/lib.sh

cli="${REPLY_COACH_CLI:-target/release/reply-coach}"
exchange_args="${PARITY_EXCHANGE:-exchange --jsonl {\}}"
check_args="${PARITY_CHECK:-check --jsonl {\} --full}"
dev="${DEV_SET:-../shared/eval/dev.jsonl}"
sample="${SAMPLE_SET:-demo/sample.jsonl}"
parity="$root/target/parity"
[ -x "$cli" ] || die "no native CLI at $cli (make release)"

# run_cli ARGS-WITH-{} FILE: the CLI with {} replaced by FILE.
run_cli() {
    local args=() a
    for a in $1; do [ "$a" = "{}" ] && args+=("$2") || args+=("$a"); done
    "$cli" "${args[@]}"
}

# prepare NAME INPUT: target/parity/NAME.{input,exchanges,native}.jsonl (empty if INPUT is missing)
prepare() {
    local name="$1" input="$2"
    local in="$parity/$name.input.jsonl" ex="$parity/$name.exchanges.jsonl" nat="$parity/$name.native.jsonl"
    if [ ! -f "$input" ]; then
        note "$input not found: its parity check is skipped"
        : >"$in"; : >"$ex.tmp"; : >"$nat.tmp"
    else
        # Only the fields of the CLI contract (the dev set also carries annotations).
        python3 - "$input" "$in" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        if line.strip():
            case = json.loads(line)
            keep = {k: case[k] for k in ("id", "platform", "post", "reply", "agent") if k in case}
            out.write(json.dumps(keep, ensure_ascii=False) + "\n")
PY
        run_cli "$exchange_args" "$in" >"$ex.tmp" || die "native \`$cli $exchange_args\` failed on $input"
        run_cli "$check_args" "$in" >"$nat.tmp" || die "native \`$cli $check_args\` failed on $input"
        note "$input: $(grep -c . "$in") exchanges, native reports in target/parity/$name.native.jsonl"
    fi
    # Rewrite only on change, so an unchanged engine doesn't recompile the test.
    cmp -s "$ex.tmp" "$ex" 2>/dev/null && rm "$ex.tmp" || mv "$ex.tmp" "$ex"
    cmp -s "$nat.tmp" "$nat" 2>/dev/null && rm "$nat.tmp" || mv "$nat.tmp" "$nat"
}

say "native reports for the parity test"
mkdir -p "$parity"
prepare sample "$sample"
prepare probe "$root/tests/fixtures/probe.jsonl"
prepare dev "$dev"

. scripts/wasm-env.sh
driver="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
[ -n "$driver" ] || die "no chromedriver (make toolchain)"
export CHROMEDRIVER="$driver"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$root/scripts/webdriver.json}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export REPLY_COACH_PARITY_DIR="$parity"

lint_failed=0
if [ "${WASM_CLIPPY:-1}" != 0 ] && [ "$WASM_TOOLCHAIN" = rustup ] && cargo clippy --version >/dev/null 2>&1; then
    # src/wasm.rs and this test exist only for wasm32: the native clippy run never sees them.
    # A lint failure fails the run, but only after the parity test has run.
    say "cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings"
    cargo clippy --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings || lint_failed=1
fi

say "cargo test --profile wasm-release --target wasm32-unknown-unknown --test wasm_parity ($WASM_TOOLCHAIN toolchain, headless Chromium)"
# The wasm-release profile (opt-level s, LTO, stripped) as shipped, but panic=unwind: tests always build
# with unwind, and the bin (built for every integration test) would otherwise build the
# lib a second time, with abort, into the same unhashed cdylib file: a race.
# shellcheck disable=SC2086
CARGO_PROFILE_WASM_RELEASE_PANIC=unwind "$WASM_CARGO" test --profile wasm-release --target wasm32-unknown-unknown $WASM_BUILD_STD --test wasm_parity
[ $lint_failed = 0 ] || die "clippy found problems in the wasm32 build (above)"
