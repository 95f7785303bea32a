# The browser extension (extension/), its demo pages (demo/site/) and its end-to-end
# tests (tests/e2e/). Included by the top-level Makefile.
#   make build            extension for Chrome and Firefox: dist/chrome, dist/firefox,
#                         dist/chrome-dev (+ 127.0.0.1 for the demo), zips, dist/demo
#   make test-extension   e2e tests in Debian's Chromium + web-ext lint of the Firefox build
#   make demo-extension   demo pages + Chromium with the extension (or how to load it)

NPM            ?= npm
NODE           ?= node
EXT_CHROMIUM   ?= /usr/bin/chromium
EXT_NODE_STAMP := node_modules/.package-lock.json

.PHONY: build test-extension demo-extension extension-deps extension-browser

# npm ci when node_modules is missing or older than the lockfile.
$(EXT_NODE_STAMP): package.json package-lock.json
	@command -v $(NODE) >/dev/null && command -v $(NPM) >/dev/null || \
	  { echo "node and npm are needed (Node.js >= 20): apt-get install -y nodejs npm" >&2; exit 1; }
	@printf '\033[1m==> npm ci\033[0m\n'
	@$(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

extension-deps: $(EXT_NODE_STAMP)

# Debian's Chromium (Playwright's own browser downloads are not used).
extension-browser:
	@if [ ! -x '$(EXT_CHROMIUM)' ]; then \
	  printf '\033[1m==> apt-get install chromium\033[0m\n'; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

build: wasm extension-deps
	@printf '\033[1m==> build the extension\033[0m\n'
	@$(NODE) scripts/extension/build.mjs

test-extension: build extension-browser
	@printf '\033[1m==> extension e2e tests (Chromium + unpacked extension, demo pages with a strict CSP)\033[0m\n'
	@CHROMIUM='$(EXT_CHROMIUM)' $(NODE) --test --test-concurrency=1 tests/e2e/
	@printf '\033[1m==> web-ext lint dist/firefox\033[0m\n'
	@node_modules/.bin/web-ext lint --source-dir dist/firefox --output text --no-config-discovery

demo-extension: build extension-browser
	@CHROMIUM='$(EXT_CHROMIUM)' $(NODE) scripts/extension/demo.mjs

# Part of `make test` (the e2e suite passed 3 runs in a row: 20/20 each, ~85 s).
EXTRA_TESTS += test-extension
DEMO_TARGETS = demo-cli demo-extension
