#!/usr/bin/env bash
# Where the native time goes: `perf record` on the benchmark binary (built by
# `cargo bench --bench engine` with line tables), self time per function, top entries.
# Writes target/bench/profile-<case>.txt. Needs perf (Debian: linux-perf); without it,
# or when the kernel refuses perf events, says so and exits 0 (the benchmark still runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:?usage: profile.sh BENCH_BINARY}"
out=target/bench
mkdir -p "$out"
if ! command -v perf >/dev/null 2>&1; then
  echo "perf not found (apt-get install linux-perf): no profile" | tee "$out/profile-none.txt"
  exit 0
fi
profile() { # name, divan filter, seconds
  local name=$1 filter=$2 secs=$3
  # (its per-call timings go aside: perf's sampling slows the calls it measures)
  if ! BENCH_NATIVE_OUT="$out/perf-native.json" perf record -q -F 2000 -o "$out/perf-$name.data" -- "$bin" --bench "$filter" --max-time "$secs" \
       >/dev/null 2>"$out/perf-$name.log"; then
    echo "perf record failed (see $out/perf-$name.log): no profile" | tee "$out/profile-$name.txt"
    return 0
  fi
  perf report -i "$out/perf-$name.data" --no-children --sort symbol --stdio 2>/dev/null \
    | grep -E '^\s+[0-9.]+%' | head -n 20 \
    | sed -E 's/^\s+([0-9.]+%)\s+\[[.k]\]\s+/\1 /; s/\s+-\s+-\s*$//' >"$out/profile-$name.txt" || true
  rm -f "$out/perf-$name.data" "$out/perf-native.json"
  echo "profile $name: $out/profile-$name.txt"
  sed -n '1,8s/^/  /p' "$out/profile-$name.txt"
}
# The target case (a 280-character reply on X with its post) and the longest reply.
profile x280 'native::x280' 4
profile 100k 'native::scaling::en/100000' 4
