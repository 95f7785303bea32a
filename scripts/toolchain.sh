#!/usr/bin/env bash
# Installs (only what is missing) the tools the build and the tests need.
#   scripts/toolchain.sh [native] [wasm] [bindgen] [browser]    (no argument: all of them)
#     native   clippy and rustfmt for the active toolchain
#     wasm     a compiler for wasm32-unknown-unknown (see scripts/wasm-env.sh)
#     bindgen  wasm-bindgen-cli at exactly the version in Cargo.lock (cargo install)
#     browser  Debian's chromium + chromium-driver, for the wasm tests
#     firefox  Debian's firefox-esr (>= 142) and geckodriver (cargo install, GECKODRIVER_VERSION),
#              for the extension's e2e tests in Firefox
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(native wasm bindgen browser firefox)
GECKODRIVER_VERSION="${GECKODRIVER_VERSION:-0.37.1}"

for part in "${parts[@]}"; do
    case "$part" in
    native)
        cargo clippy --version >/dev/null 2>&1 || { say "rustup component add clippy"; rustup component add clippy; }
        cargo fmt --version >/dev/null 2>&1 || { say "rustup component add rustfmt"; rustup component add rustfmt; }
        ;;
    wasm)
        . scripts/wasm-env.sh
        note "wasm toolchain: $WASM_TOOLCHAIN ($( ${RUSTC:-rustc} --version ))"
        ;;
    bindgen)
        want="$(locked_version wasm-bindgen)"
        [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
        have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
        runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
        if [ "$have" != "$want" ] || [ "$runner" != "$want" ]; then
            say "cargo install wasm-bindgen-cli $want (installed: ${have:-none}; takes a few minutes)"
            # --locked fails for this crate with today's index: resolve afresh.
            cargo install --quiet --force wasm-bindgen-cli --version "=$want"
        fi
        command -v wasm-bindgen >/dev/null || die "wasm-bindgen installed but not on PATH (add ~/.cargo/bin)"
        have="$(wasm-bindgen --version | awk '{print $2}')"
        [ "$have" = "$want" ] || die "wasm-bindgen on PATH is $have, Cargo.lock wants $want ($(command -v wasm-bindgen))"
        note "wasm-bindgen: $(wasm-bindgen --version)"
        ;;
    browser)
        if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
            :
        elif command -v chromedriver >/dev/null && { command -v chromium >/dev/null || command -v google-chrome >/dev/null; }; then
            :
        else
            apt_install chromium chromium-driver
        fi
        note "browser: $(command -v chromedriver) ($(chromedriver --version 2>/dev/null | awk '{print $2}'))"
        ;;
    firefox)
        apt_install firefox-esr
        ffv="$(firefox-esr --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)"
        [ "${ffv:-0}" -ge 142 ] || die "firefox-esr ${ffv:-?} is older than 142 (the add-on's strict_min_version); Debian's security archive has a newer ESR"
        have="$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}' || true)"
        if [ "$have" != "$GECKODRIVER_VERSION" ]; then
            say "cargo install geckodriver $GECKODRIVER_VERSION (installed: ${have:-none}; takes a few minutes)"
            cargo install --quiet --locked --force geckodriver --version "=$GECKODRIVER_VERSION"
        fi
        command -v geckodriver >/dev/null || die "geckodriver installed but not on PATH (add ~/.cargo/bin)"
        note "firefox: $(firefox-esr --version), $(geckodriver --version | head -1)"
        ;;
    *) die "unknown part '$part' (native, wasm, bindgen, browser, firefox)" ;;
    esac
done
