#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser). On a fresh Debian machine
# run as root, install it; otherwise say exactly what is missing. CHROMIUM_PATH overrides the path.
set -euo pipefail
BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$BIN" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  [ -x "$BIN" ] && exit 0
fi
echo "!! Chromium not found at $BIN: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH" >&2
exit 1
