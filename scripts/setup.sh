#!/usr/bin/env bash
# Installs what Factmark needs on a fresh Debian machine: the Debian Chromium (for the demo,
# the e2e tests and the bench) and Firefox ESR (for the Firefox tests), never a downloaded
# browser, each only if missing; then the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
MISSING=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || MISSING+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || MISSING+=(firefox-esr)
if [ "${#MISSING[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
