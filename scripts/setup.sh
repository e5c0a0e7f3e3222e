#!/usr/bin/env bash
# Installs everything the site needs on a fresh Debian machine with Node 20, then the npm packages.
#   scripts/setup.sh            fonts (for social images) + npm packages
#   scripts/setup.sh --browser  the same, plus Debian's chromium for the browser tests
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || packages+=(fonts-dejavu-core fontconfig)
if [[ "${1:-}" == "--browser" ]] && ! command -v chromium >/dev/null 2>&1; then
  packages+=(chromium)
fi
if (( ${#packages[@]} > 0 )); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: please install these Debian packages (needs root): ${packages[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# npm ci installs exactly the committed lock. npm 11 may skip install scripts (esbuild, sharp, @parcel/watcher):
# all three work from their prebuilt optional packages, so nothing here depends on those scripts.
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
