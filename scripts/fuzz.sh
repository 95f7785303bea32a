#!/usr/bin/env bash
# Builds the cargo-fuzz target fuzz/fuzz_targets/analyze.rs and runs it for SECONDS.
#   scripts/fuzz.sh SECONDS [CORPUS_DIR]
# Works with the stable toolchain, no cargo-fuzz install needed: it passes the same
# coverage flags cargo-fuzz does (`cargo fuzz run analyze --sanitizer none`). The engine
# has one `unsafe` block (text::Norm::as_str, UTF-8 it copied itself), so the default
# runs without AddressSanitizer; FUZZ_SANITIZER=address adds it (a -Z flag: allowed on
# stable through RUSTC_BOOTSTRAP=1; 90 s on 2026-11-23: 184,382 runs, no finding).
# A crash leaves its input in fuzz/artifacts/analyze/ and exits non-zero; replay it with
#   target/fuzz/<host>/release/analyze fuzz/artifacts/analyze/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
corpus=${2:-fuzz/corpus/analyze}
host=$(rustc -vV | sed -n 's/^host: //p')
flags=(-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table
  -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks)
if [ "${FUZZ_SANITIZER:-none}" = address ]; then
  flags+=(-Zsanitizer=address)
  export RUSTC_BOOTSTRAP=1
fi
command -v c++ >/dev/null || { echo "fuzz: a C++ compiler is needed for libFuzzer: apt-get install -y g++" >&2; exit 1; }
printf '\033[1m==> build the fuzz target (fuzz/, %s)\033[0m\n' "$host"
CARGO_TARGET_DIR=target/fuzz RUSTFLAGS="${flags[*]}" \
  cargo build --quiet --release --manifest-path fuzz/Cargo.toml --target "$host" --bin analyze
mkdir -p "$corpus" fuzz/artifacts/analyze
printf '\033[1m==> fuzz reply_coach::analyze for %ss (corpus %s)\033[0m\n' "$secs" "$corpus"
exec "target/fuzz/$host/release/analyze" -max_total_time="$secs" -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -dict=fuzz/analyze.dict -artifact_prefix=fuzz/artifacts/analyze/ \
  -print_final_stats=1 "$corpus"
