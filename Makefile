# Reply Coach build and tests.
#   make demo    build everything and run the product on its bundled demo
#   make test    run every test (native tests, clippy, rustfmt, wasm parity in Chromium, ...)
# Both install what they are missing first (scripts/toolchain.sh); `make help` lists targets.

# Other parts of the project plug in here (mk/extension.mk): they may add rules and
# append to EXTRA_TESTS / DEMO_TARGETS.
-include mk/*.mk

SHELL        := /bin/bash
.DEFAULT_GOAL := help

CARGO        ?= cargo
CLI          := target/release/reply-coach
SAMPLE       ?= demo/sample.jsonl
SHARED       ?= ../shared
# How `make demo-cli` runs the CLI on the sample (human-readable linter output per line).
DEMO_CHECK   ?= check --jsonl $(SAMPLE) --human
# How `make test-wasm` asks the native CLI for Exchange JSON and full Reports ({} = input file).
PARITY_EXCHANGE ?= exchange --jsonl {}
PARITY_CHECK    ?= check --jsonl {} --full

DEMO_TARGETS ?= demo-cli
EXTRA_TESTS  ?=

.PHONY: help demo test toolchain toolchain-native toolchain-wasm toolchain-browser \
        release wasm test-rust test-wasm demo-cli score

help:
	@echo "make demo        build everything and run the product on $(SAMPLE)  [$(DEMO_TARGETS)]"
	@echo "make test        run every test  [test-rust test-wasm $(EXTRA_TESTS)]"
	@echo "make toolchain   install what is missing: clippy/rustfmt, a wasm32 compiler,"
	@echo "                 wasm-bindgen-cli (= Cargo.lock), Chromium + ChromeDriver"
	@echo "make release     the CLI: $(CLI)"
	@echo "make wasm        the wasm package: target/pkg/reply_coach.js, reply_coach_bg.wasm"
	@echo "make test-rust   cargo test + clippy -D warnings + fmt --check (native)"
	@echo "make test-wasm   wasm build gives the native reports, in headless Chromium"
	@echo "make demo-cli    the CLI's coaching on $(SAMPLE)"
	@echo "make score       agreement with $(SHARED)/eval/dev.jsonl (when present)"

demo: $(DEMO_TARGETS)

test: test-rust test-wasm $(EXTRA_TESTS)

# --- tools ---------------------------------------------------------------------------
toolchain:
	@scripts/toolchain.sh native wasm bindgen browser

toolchain-native:
	@scripts/toolchain.sh native

toolchain-wasm:
	@scripts/toolchain.sh wasm bindgen

toolchain-browser:
	@scripts/toolchain.sh browser

# --- builds --------------------------------------------------------------------------
release:
	@echo "==> cargo build --release"
	@$(CARGO) build --release --bin reply-coach

wasm: toolchain-wasm
	@scripts/build-wasm.sh

# --- tests ---------------------------------------------------------------------------
test-rust: toolchain-native
	@echo "==> cargo fmt --check"
	@$(CARGO) fmt --check
	@echo "==> cargo clippy --all-targets -- -D warnings"
	@$(CARGO) clippy --all-targets --quiet -- -D warnings
	@echo "==> cargo test"
	@$(CARGO) test

test-wasm: release toolchain-wasm toolchain-browser
	@REPLY_COACH_CLI='$(CLI)' PARITY_EXCHANGE='$(PARITY_EXCHANGE)' PARITY_CHECK='$(PARITY_CHECK)' \
	  DEV_SET='$(SHARED)/eval/dev.jsonl' SAMPLE_SET='$(SAMPLE)' scripts/test-wasm.sh

# --- the product ---------------------------------------------------------------------
demo-cli: release
	@printf '==> %s %s\n' '$(CLI)' '$(DEMO_CHECK)'
	@$(CLI) $(DEMO_CHECK)

score: release
	@if [ -f '$(SHARED)/eval/score.py' ]; then \
	  python3 '$(SHARED)/eval/score.py' --cli '$(CLI)'; \
	else \
	  echo "$(SHARED)/eval/score.py not found: nothing to score against (it ships beside the repo in CI)"; \
	fi
