#!/bin/sh
# Installs Debian's Chromium (and a colour emoji font for the screenshots) for the browser
# tests of the Lock Screen preview. The Makefile runs it when /usr/bin/chromium is missing;
# it is safe to run again: packages already installed are left alone.
#
# Needs apt-get and root (or password-less sudo). Playwright for Python drives this
# Chromium through `executable_path`; `playwright install` (a browser download) is never used.
set -eu

PACKAGES="chromium fonts-noto-color-emoji"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ] && [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ -z "$missing" ]; then
    missing=" chromium"  # the package is recorded as installed but its binary is gone
fi

fail() {
    echo "install-chromium: $1" >&2
    echo "install-chromium: the browser tests of the Lock Screen preview need Debian's$missing" >&2
    echo "install-chromium: (as root: apt-get install$missing)" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found: this is not a Debian-like system"
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    fail "installing packages needs root (or password-less sudo)"
fi

echo "install-chromium: installing$missing with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt_get="$as_root apt-get -q -o DPkg::Lock::Timeout=600"
# A fresh machine may have no package lists yet; refresh them once, then install.
$apt_get update >/dev/null || fail "apt-get update failed"
# shellcheck disable=SC2086 # word splitting of the package list is intended
$apt_get install -y --no-install-recommends $missing >/dev/null \
    || fail "apt-get install$missing failed"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is still missing after the install"
echo "install-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) installed" >&2
