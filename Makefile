# Reply Coach: build, tests, demo and benchmarks, in this one file.
#   make demo    build everything and run the product on its bundled demo
#   make test    run every test
# Both install what they are missing first (scripts/toolchain.sh, npm ci, apt-get);
# `make help` lists every target. Build output goes to target/ (the engine, its wasm
# package target/pkg) and dist/ (the extension); nothing is written inside extension/.

SHELL         := /bin/bash
.DEFAULT_GOAL := help

CARGO        ?= cargo
NPM          ?= npm
NODE         ?= node
CLI          := target/release/reply-coach
SAMPLE       ?= demo/sample.jsonl
SHARED       ?= ../shared
# How `make demo-cli` runs the CLI on the sample (human-readable linter output per line).
DEMO_CHECK   ?= check --jsonl $(SAMPLE) --human
# How `make test-wasm` asks the native CLI for Exchange JSON and full Reports ({} = input file).
PARITY_EXCHANGE ?= exchange --jsonl {}
PARITY_CHECK    ?= check --jsonl {} --full
# Debian's Chromium (Playwright's own browser downloads are not used).
EXT_CHROMIUM   ?= /usr/bin/chromium
EXT_NODE_STAMP := node_modules/.package-lock.json
FUZZ_SECONDS       ?= 600
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_SANITIZER     ?= none
BENCH_START := $(shell date +%s)

.PHONY: help demo test toolchain toolchain-native toolchain-wasm toolchain-browser toolchain-firefox \
        release wasm build extension-deps extension-browser \
        test-js typecheck lint test-rust test-model train test-wasm test-extension test-hardening check-no-eval fuzz fuzz-deps \
        demo-cli demo-extension score score-real score-nl bench

# Every target has a `## ` line; tests/unit/makefile.test.mjs checks that none is missing.
help: ## this list
	@awk 'BEGIN { FS = ":[^#]*## " } /^[a-z][a-z0-9-]*:[^#]*## / { printf "make %-18s %s\n", $$1, $$2 }' $(firstword $(MAKEFILE_LIST))

demo: demo-cli demo-extension ## build everything and run the product: the CLI on the demo sample, then the extension on the demo pages

test: test-js test-rust test-model test-wasm test-extension test-hardening ## run every test (each of the test-* targets below)

# --- tools ---------------------------------------------------------------------------
toolchain: ## install what is missing: clippy/rustfmt, a wasm32 compiler, wasm-bindgen-cli (= Cargo.lock), Chromium + ChromeDriver, Firefox ESR + geckodriver
	@scripts/toolchain.sh native wasm bindgen browser firefox

toolchain-native: ## install clippy and rustfmt when missing
	@scripts/toolchain.sh native

toolchain-wasm: ## install a wasm32 compiler and wasm-bindgen-cli when missing
	@scripts/toolchain.sh wasm bindgen

toolchain-browser: ## install Chromium and ChromeDriver (for make test-wasm) when missing
	@scripts/toolchain.sh browser

toolchain-firefox: ## install Debian's firefox-esr and geckodriver (cargo install) when missing, for the Firefox e2e tests
	@scripts/toolchain.sh firefox

# npm ci when node_modules is missing or older than the lockfile.
$(EXT_NODE_STAMP): package.json package-lock.json
	@if ! command -v $(NODE) >/dev/null || ! command -v $(NPM) >/dev/null; then \
	  printf '\033[1m==> apt-get install nodejs npm\033[0m\n'; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null || \
	  { echo "node and npm are needed (Node.js >= 20): apt-get install -y nodejs npm" >&2; exit 1; }; \
	fi
	@printf '\033[1m==> npm ci\033[0m\n'
	@$(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

extension-deps: $(EXT_NODE_STAMP) ## npm ci: esbuild, TypeScript, Playwright, web-ext, the demo pages' editors (package-lock.json)

extension-browser: ## apt-get install chromium when missing (for the extension's tests, demo and bench)
	@if [ ! -x '$(EXT_CHROMIUM)' ]; then \
	  printf '\033[1m==> apt-get install chromium\033[0m\n'; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# --- builds --------------------------------------------------------------------------
release: ## the CLI: target/release/reply-coach
	@echo "==> cargo build --release"
	@$(CARGO) build --release --bin reply-coach

wasm: toolchain-wasm ## the engine's wasm package: target/pkg/reply_coach.js, reply_coach_bg.wasm
	@scripts/build-wasm.sh

build: wasm extension-deps ## the extension: dist/chrome, dist/firefox, the -dev builds (+127.0.0.1 for the demo), the zips, dist/demo
	@printf '\033[1m==> build the extension\033[0m\n'
	@$(NODE) scripts/extension/build.mjs

# --- tests ---------------------------------------------------------------------------
typecheck: extension-deps ## tsc --noEmit: the extension's JavaScript against its JSDoc types (tsconfig.json)
	@printf '\033[1m==> tsc --noEmit (extension/, JSDoc types)\033[0m\n'
	@node_modules/.bin/tsc -p tsconfig.json

lint: extension-deps ## Biome's recommended lint rules on extension/ and tests/unit/ (biome.json), warnings included
	@printf '\033[1m==> biome lint\033[0m\n'
	@node_modules/.bin/biome lint --error-on-warnings

test-js: typecheck lint ## the type check and the lint, then the JavaScript unit tests (tests/unit: the site adapters on real markup, protocol, settings, durations, this Makefile)
	@printf '\033[1m==> JavaScript unit tests (node --test tests/unit/)\033[0m\n'
	@$(NODE) --test tests/unit/

test-rust: toolchain-native ## cargo test + clippy -D warnings + fmt --check (native)
	@echo "==> cargo fmt --check"
	@$(CARGO) fmt --check
	@echo "==> cargo clippy --all-targets -- -D warnings"
	@$(CARGO) clippy --all-targets --quiet -- -D warnings
	@echo "==> cargo test"
	@$(CARGO) test

test-model: release ## the post reading's learned weights are what scripts/train/post_kind.py learns from data/training/ (retrain after changing the lexicon: make train)
	@echo "==> scripts/train/post_kind.py --check"
	@python3 scripts/train/post_kind.py --check --cli '$(CLI)'

train: release ## learn the weights of the post's signals again (data/model/post_kind.toml), then rebuild
	@python3 scripts/train/post_kind.py --cli '$(CLI)'
	@$(CARGO) build --release --bin reply-coach

test-wasm: release toolchain-wasm toolchain-browser ## the wasm build gives the native reports, in headless Chromium
	@REPLY_COACH_CLI='$(CLI)' PARITY_EXCHANGE='$(PARITY_EXCHANGE)' PARITY_CHECK='$(PARITY_CHECK)' \
	  DEV_SET='$(SHARED)/eval/dev.jsonl' SAMPLE_SET='$(SAMPLE)' scripts/test-wasm.sh

# The e2e suite: Chromium (Playwright, the unpacked dev build) and Firefox ESR (geckodriver,
# the dev build as a temporary add-on), on the demo pages.
test-extension: build extension-browser toolchain-firefox ## e2e tests in Chromium and in Firefox with the dev build on the demo pages, and web-ext lint of the Firefox build
	@printf '\033[1m==> extension e2e tests (Chromium + unpacked extension, Firefox ESR + temporary add-on; demo pages with a strict CSP)\033[0m\n'
	@CHROMIUM='$(EXT_CHROMIUM)' PATH="$$HOME/.cargo/bin:$$PATH" $(NODE) --test --test-concurrency=1 tests/e2e/
	@printf '\033[1m==> web-ext lint dist/firefox\033[0m\n'
	@node_modules/.bin/web-ext lint --source-dir dist/firefox --output text --no-config-discovery

# Hardening: the engine fuzzed (fuzz/, cargo-fuzz layout) and the extension's attack
# surface checked statically. (The property tests, tests/properties.rs, run with
# `cargo test`; the fault and attack e2e tests with `make test-extension`.)
test-hardening: check-no-eval fuzz-deps ## the static check below and a FUZZ_SMOKE_SECONDS (default 10) fuzz smoke of analyze
	@FUZZ_SANITIZER='$(FUZZ_SANITIZER)' scripts/fuzz.sh '$(FUZZ_SMOKE_SECONDS)' target/fuzz-smoke-corpus

check-no-eval: ## no eval, no HTML from strings, no network API in extension/ (scripts/check-no-eval.mjs)
	@printf '\033[1m==> static check: no eval, no HTML from strings, no network in extension/\033[0m\n'
	@$(NODE) scripts/check-no-eval.mjs --self-test
	@$(NODE) scripts/check-no-eval.mjs extension

# libFuzzer is C++, built by libfuzzer-sys: a C++ compiler is all the fuzzer needs
# besides the stable Rust toolchain (no nightly, no cargo-fuzz install).
fuzz-deps: ## apt-get install g++ when missing (libFuzzer)
	@command -v c++ >/dev/null 2>&1 || { \
	  printf '\033[1m==> apt-get install g++ (for libFuzzer)\033[0m\n'; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ >/dev/null; }

fuzz: fuzz-deps ## fuzz reply_coach::analyze for FUZZ_SECONDS (default 600): corpus fuzz/corpus/analyze, crashes in fuzz/artifacts/analyze
	@FUZZ_SANITIZER='$(FUZZ_SANITIZER)' scripts/fuzz.sh '$(FUZZ_SECONDS)' fuzz/corpus/analyze

# --- the product ---------------------------------------------------------------------
demo-cli: release ## the CLI's coaching on the demo sample (SAMPLE, default demo/sample.jsonl)
	@printf '==> %s %s\n' '$(CLI)' '$(DEMO_CHECK)'
	@$(CLI) $(DEMO_CHECK)

demo-extension: build extension-browser ## the demo pages and Chromium with the extension (headless: the URLs and how to load dist/chrome-dev)
	@CHROMIUM='$(EXT_CHROMIUM)' $(NODE) scripts/extension/demo.mjs

score-real: release ## agreement with the real exchanges annotated here (eval/real-dev; the twcs texts come from ../shared)
	@SHARED='$(SHARED)' python3 scripts/eval/real_set.py score --cli '$(CLI)'

score-nl: release ## agreement with the Dutch exchanges written and annotated here (eval/written-nl)
	@if [ -f '$(SHARED)/eval/score.py' ]; then \
	  python3 '$(SHARED)/eval/score.py' --set eval/written-nl/exchanges.jsonl --cli '$(CLI)'; \
	else \
	  echo "$(SHARED)/eval/score.py not found: nothing to score with"; \
	fi

score: release ## agreement with the annotated development set, ../shared/eval/dev.jsonl (when present)
	@if [ -f '$(SHARED)/eval/score.py' ]; then \
	  python3 '$(SHARED)/eval/score.py' --cli '$(CLI)'; \
	else \
	  echo "$(SHARED)/eval/score.py not found: nothing to score against (it ships beside the repo in CI)"; \
	fi

# Not part of `make test`: benchmarks measure, they assert nothing. Native engine latency
# (divan, benches/engine.rs) with a scaling series to 100,000 characters and a profile; the
# wasm build in Node against write-good and alex; Chromium with the extension on the demo
# pages (keystroke -> badge, cold start, memory); the sizes of the .wasm and the zips.
# Writes bench/RESULTS.md, bench/results.json and bench/chart.svg (committed), raw data in
# target/bench/. Takes a few minutes; run it on an otherwise idle machine.
bench: build extension-browser ## benchmarks (engine, wasm vs peers, the extension in Chromium, sizes) -> bench/RESULTS.md
	@BENCH_START=$(BENCH_START) CHROMIUM='$(EXT_CHROMIUM)' scripts/bench/run.sh
