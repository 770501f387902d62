#!/usr/bin/env bash
# Installs what Factmark needs on a fresh Debian machine: the Debian Chromium (for the demo,
# the e2e tests and the bench; never a downloaded browser) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund
