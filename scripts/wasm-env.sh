#!/usr/bin/env bash
# Finds (and if needed installs) a Rust toolchain that can build for wasm32-unknown-unknown,
# and sets up the environment to use it.
#
#   . scripts/wasm-env.sh         # sourced: exports the variables below
#   scripts/wasm-env.sh           # run: prints them as `export` lines (for eval)
#
# Order of preference:
#   1. the active rustc (rustup's) already has the wasm32 standard library;
#   2. `rustup target add wasm32-unknown-unknown` works (a failure is remembered in
#      target/.wasm-rustup-failed; delete it, or set WASM_TOOLCHAIN=rustup, to retry);
#   3. Debian's rustc-web/cargo-web (Rust >= 1.8x) + rust-web-src + lld, building std for wasm
#      with -Zbuild-std (apt-get installs them when missing), in its own target dir
#      (target/wasm-debian) so the two compilers don't evict each other's caches.
# WASM_TOOLCHAIN=rustup|debian forces one of them.
#
# Exports: WASM_TOOLCHAIN, WASM_CARGO, WASM_BUILD_STD, WASM_TARGET_DIR (= CARGO_TARGET_DIR)
# and, for Debian's toolchain, RUSTC, RUSTDOC, RUSTC_BOOTSTRAP and the wasm32 linker.

_wasm_env_main() {
    local root here
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    root="$(cd "$here/.." && pwd)"
    # shellcheck source=scripts/lib.sh
    . "$here/lib.sh"

    local target=wasm32-unknown-unknown
    local base_target_dir="${CARGO_TARGET_DIR:-$root/target}"
    local marker="$root/target/.wasm-rustup-failed"
    local choice="${WASM_TOOLCHAIN:-}"

    _rustup_has_wasm() {
        command -v rustc >/dev/null || return 1
        local sysroot
        sysroot="$(rustc --print sysroot 2>/dev/null)" || return 1
        [ -d "$sysroot/lib/rustlib/$target/lib" ]
    }

    if [ -z "$choice" ] || [ "$choice" = rustup ]; then
        if _rustup_has_wasm; then
            choice=rustup
        elif command -v rustup >/dev/null; then
            local ver
            ver="$(rustc --version 2>/dev/null)"
            if [ "$choice" = rustup ] || [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$ver" ]; then
                say "rustup target add $target"
                if timeout 180 rustup target add "$target" >&2 && _rustup_has_wasm; then
                    choice=rustup
                    rm -f "$marker"
                else
                    note "rustup cannot add $target here; falling back to Debian's Rust toolchain"
                    mkdir -p "$(dirname "$marker")" && printf '%s' "$ver" >"$marker"
                    [ "$choice" = rustup ] && die "WASM_TOOLCHAIN=rustup but the target could not be added"
                    choice=debian
                fi
            else
                choice=debian
            fi
        else
            choice=debian
        fi
    fi

    case "$choice" in
    rustup)
        WASM_TOOLCHAIN=rustup
        WASM_CARGO=cargo
        WASM_BUILD_STD=""
        WASM_TARGET_DIR="$base_target_dir"
        ;;
    debian)
        command -v dpkg-query >/dev/null \
            || die "no rustup wasm32 target and not a Debian system: run \`rustup target add $target\`"
        local ld
        ld="$(_find_wasm_ld)"
        if ! have_deb rustc-web || ! have_deb cargo-web || ! have_deb rust-web-src || [ -z "$ld" ]; then
            local lld=lld-19
            [ -n "$ld" ] && lld=""
            apt_install rustc-web cargo-web rust-web-src $lld
            ld="$(_find_wasm_ld)"
        fi
        [ -n "$ld" ] || die "no wasm-ld found after installing lld"
        [ -d /usr/lib/rustlib/src/rust/library ] || die "rust-web-src did not provide /usr/lib/rustlib/src/rust/library"
        WASM_TOOLCHAIN=debian
        WASM_CARGO=/usr/bin/cargo
        WASM_BUILD_STD="-Zbuild-std=std,panic_abort"
        WASM_TARGET_DIR="$base_target_dir/wasm-debian"
        export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
        export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$ld"
        ;;
    *) die "WASM_TOOLCHAIN must be rustup or debian, not '$choice'" ;;
    esac
    export WASM_TOOLCHAIN WASM_CARGO WASM_BUILD_STD WASM_TARGET_DIR
    export CARGO_TARGET_DIR="$WASM_TARGET_DIR"
}

# wasm-ld on PATH, else the newest versioned wasm-ld-NN.
_find_wasm_ld() {
    if command -v wasm-ld >/dev/null; then command -v wasm-ld; return; fi
    compgen -c wasm-ld- 2>/dev/null | grep -E '^wasm-ld-[0-9]+$' | sort -t- -k3 -n | tail -1
}

_wasm_env_print() {
    local v
    for v in WASM_TOOLCHAIN WASM_CARGO WASM_BUILD_STD WASM_TARGET_DIR CARGO_TARGET_DIR \
        RUSTC RUSTDOC RUSTC_BOOTSTRAP CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER; do
        [ -n "${!v+x}" ] && printf 'export %s=%q\n' "$v" "${!v}"
    done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    _wasm_env_main
    _wasm_env_print
else
    _wasm_env_main || return 1
fi
