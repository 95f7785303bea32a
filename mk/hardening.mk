# Hardening: the engine fuzzed (fuzz/, cargo-fuzz layout) and the extension's attack
# surface checked statically. Included by the top-level Makefile. (The property tests,
# tests/properties.rs, run with `cargo test`; the fault and attack e2e tests,
# tests/e2e/{faults,attack}.test.mjs, with `make test-extension`.)
#   make fuzz             fuzz reply_coach::analyze for FUZZ_SECONDS (default 600);
#                         the corpus grows in fuzz/corpus/analyze, crashes land in
#                         fuzz/artifacts/analyze/
#   make test-hardening   part of `make test`: no eval/innerHTML/network in extension/
#                         and a FUZZ_SMOKE_SECONDS (default 10) fuzz smoke

FUZZ_SECONDS       ?= 600
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_SANITIZER     ?= none

.PHONY: fuzz test-hardening check-no-eval fuzz-deps

# libFuzzer is C++, built by libfuzzer-sys: a C++ compiler is all the fuzzer needs
# besides the stable Rust toolchain (no nightly, no cargo-fuzz install).
fuzz-deps:
	@command -v c++ >/dev/null 2>&1 || { \
	  printf '\033[1m==> apt-get install g++ (for libFuzzer)\033[0m\n'; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ >/dev/null; }

fuzz: fuzz-deps
	@FUZZ_SANITIZER='$(FUZZ_SANITIZER)' scripts/fuzz.sh '$(FUZZ_SECONDS)' fuzz/corpus/analyze

check-no-eval:
	@printf '\033[1m==> static check: no eval, no HTML from strings, no network in extension/\033[0m\n'
	@node scripts/check-no-eval.mjs --self-test
	@node scripts/check-no-eval.mjs extension

test-hardening: check-no-eval fuzz-deps
	@FUZZ_SANITIZER='$(FUZZ_SANITIZER)' scripts/fuzz.sh '$(FUZZ_SMOKE_SECONDS)' target/fuzz-smoke-corpus

EXTRA_TESTS += test-hardening
