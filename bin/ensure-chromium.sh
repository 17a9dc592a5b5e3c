#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a browser build downloaded by a test tool).
# Installs it when it is missing and this user may use apt; otherwise says how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "gradlens: installing Debian's chromium for the browser tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "gradlens: the browser tests need Chromium at $chromium: run 'sudo apt-get install -y chromium' or set CHROMIUM_PATH." >&2
exit 1
