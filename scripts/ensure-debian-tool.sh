#!/usr/bin/env bash
# Usage: ensure-debian-tool.sh COMMAND PACKAGE
# Tests that need an operator tool (haproxy, promtool) use Debian's package, never a download. When
# COMMAND is missing and we run as root on Debian, install PACKAGE without its recommends and without
# starting its service; otherwise say exactly what to install. Exit 0 when COMMAND is then on PATH.
set -euo pipefail
CMD="$1"
PKG="$2"
if command -v "$CMD" >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing Debian's $PKG (for $CMD)" >&2
  export DEBIAN_FRONTEND=noninteractive
  # A package's service (prometheus, haproxy) must not start here: policy-rc.d answers 101 while we
  # install, unless the machine already has one.
  CREATED_POLICY=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    CREATED_POLICY=1
  fi
  trap '[ -n "$CREATED_POLICY" ] && rm -f /usr/sbin/policy-rc.d' EXIT
  # Other sessions may hold the dpkg lock for a while: wait for it rather than fail.
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$PKG" >&2 ||
    { apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 &&
      apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$PKG" >&2; }
  command -v "$CMD" >/dev/null 2>&1 && exit 0
fi
echo "!! $CMD not found: install Debian's package ($PKG), e.g. apt-get install --no-install-recommends $PKG" >&2
exit 1
