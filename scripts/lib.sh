# Shared helpers for the build scripts (sourced, not run).
# shellcheck shell=bash

say()  { printf '==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Is this Debian package installed?
have_deb() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# apt_install PKG...: install the packages that are missing (idempotent, non-interactive).
# Runs `apt-get update` first when the package lists are missing or know none of them.
apt_install() {
    local missing=() p
    for p in "$@"; do have_deb "$p" || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get here: install them by hand"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || die "missing ${missing[*]}: run as root or install them by hand"
        sudo="sudo"
    fi
    say "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    local apt=($sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
    local need_update=0
    for p in "${missing[@]}"; do
        apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]' || need_update=1
    done
    if [ $need_update = 1 ]; then
        "${apt[@]}" update -qq || die "apt-get update failed"
    fi
    "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { "${apt[@]}" update -qq && "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"; } \
        || die "apt-get install ${missing[*]} failed"
}

# The wasm-bindgen version pinned in Cargo.lock (the CLI must match it exactly).
locked_version() {
    awk -v name="$1" '
        $0 == "name = \"" name "\"" { hit = 1; next }
        hit && /^version = / { gsub(/"/, "", $3); print $3; exit }
        /^\[\[package\]\]/ { hit = 0 }' "${2:-Cargo.lock}"
}
