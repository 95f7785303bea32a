#!/usr/bin/env bash
# The body of `make bench` (the Makefile runs it after `make build`): corpus, native
# benchmark + profile, wasm vs peers in Node, the browser, then bench/RESULTS.md and
# bench/chart.svg. BENCH_START (epoch seconds) is when `make bench` started.
set -euo pipefail
cd "$(dirname "$0")/../.."
start="${BENCH_START:-$(date +%s)}"
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
mkdir -p target/bench
rm -f target/bench/{native,node,browser,timing,instructions}.json target/bench/profile-*.txt
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "benchmark corpus"
node scripts/bench/corpus.mjs

# Its own target dir: the bench build (panic=unwind, line tables for perf) does not
# fight the release/test builds in target/ over the cdylib's unhashed file names.
export CARGO_TARGET_DIR=target/bench-cargo CARGO_PROFILE_RELEASE_PANIC=unwind \
  CARGO_PROFILE_BENCH_DEBUG=line-tables-only
step "native engine: cargo bench --bench engine"
cargo bench --bench engine
bin="$(cargo bench --bench engine --no-run --message-format=json 2>/dev/null | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    for (const l of s.split("\n")) {
      try { const m = JSON.parse(l); if (m.executable && m.target?.kind?.includes("bench")) console.log(m.executable); } catch {}
    }
  });')"
step "native profile (perf)"
if [ -n "$bin" ]; then scripts/bench/profile.sh "$bin"; else echo "no bench binary found: no profile"; fi

step "instructions per analysis (callgrind: independent of the machine's load)"
scripts/bench/instructions.sh

step "wasm in Node vs write-good and alex"
node scripts/bench/node.mjs

step "where the wasm time goes (V8 CPU profile of a copy with the name section)"
if src="$(cat target/pkg/.source-wasm 2>/dev/null)" && [ -f "$src" ]; then
  wasm-bindgen --target web --out-dir target/bench/pkg-named --out-name reply_coach "$src"
  node scripts/bench/wasm-profile.mjs
else
  echo "no target/pkg/.source-wasm (run make wasm): no wasm profile"
fi

step "in the browser (Chromium + the extension on the demo pages)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node scripts/bench/browser.mjs

end="$(date +%s)"
printf '{"seconds": %d, "load": "%s"}\n' "$((end - start))" "$load" >target/bench/timing.json
step "report"
node scripts/bench/report.mjs
echo "make bench: $((end - start)) s"
