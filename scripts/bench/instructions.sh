#!/usr/bin/env bash
# Instructions per analysis, counted by valgrind's callgrind: unlike wall time, the same
# for the same binary and input whatever else the machine is doing (a shared VM's
# timings moved by 1.5x between runs here). Runs examples/profile_loop (N analyses of a
# corpus case) twice, 1 and N+1 times, and divides the difference by N, so loading the
# corpus and the lexicons is left out. Writes target/bench/instructions.json; without
# valgrind it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/bench/instructions.json
if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind not found (apt-get install valgrind): no instruction counts"
  exit 0
fi
cargo build --quiet --release --example profile_loop
bin="${CARGO_TARGET_DIR:-target}/release/examples/profile_loop"
count() { # case, runs, [n = without the rewrite]
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 \
    | sed -n 's/.*refs: *//p' | tr -d ','
}
json="{"
sep=""
for spec in "x280-nl 100" "x280-en 100" "x280-nl 100 n" "x280-en 100 n" "x-nl 95" "x-en 95" "scale-en:6 3" "scale-nl:6 3"; do
  set -- $spec
  one=$(count "$1" 1 ${3:-}) more=$(count "$1" $(($2 + 1)) ${3:-})
  per=$(((more - one) / $2))
  case "$1" in
  scale-*:6) name="100,000 characters, ${1:6:2}" ;;
  x280-*) name="280-char reply with post, ${1#x280-}" ;;
  x-*) name="X replies, ${1#x-} (mean)" ;;
  *) name="$1" ;;
  esac
  name="$name${3:+, without the rewrite}"
  echo "  $name: $per instructions per analysis"
  json="$json$sep\"$name\": $per"
  sep=", "
done
echo "$json}" >"$out"
