# `make bench`: how fast and small Reply Coach is (issue 4). Included by the top-level
# Makefile. Not part of `make test`: benchmarks measure, they assert nothing.
#   1. native engine latency (divan, benches/engine.rs) over a corpus built from the demo
#      sample and the dev set, with a scaling series to 100,000 characters, + a perf profile
#   2. the wasm build in Node against write-good and alex (npm), same texts
#   3. Chromium with the extension on the demo pages: keystroke → badge, cold start, memory
#   4. sizes: the .wasm (raw, gzip) and the extension zips
# Writes bench/RESULTS.md, bench/results.json and bench/chart.svg (committed); raw data
# in target/bench/. Takes a few minutes; run it on an otherwise idle machine.

BENCH_START := $(shell date +%s)

.PHONY: bench

bench: build extension-browser
	@BENCH_START=$(BENCH_START) CHROMIUM='$(EXT_CHROMIUM)' scripts/bench/run.sh
