#!/usr/bin/env bash
# Prepares a checkout for `npm start` and `npm run build`, on Debian, macOS or WSL, as any user, with Node 20 or newer.
#   scripts/setup.sh            the npm packages from package-lock.json (the social-image font is one of them)
#   scripts/setup.sh --browser  the same, plus Chromium for the browser tests (Debian's package; needs root)
# Building needs no system package. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if (( node_major < 20 )); then
  echo "setup: Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none)). Install it from https://nodejs.org/ or with nvm." >&2
  exit 1
fi

# npm ci installs exactly the committed lock. npm 11 may skip install scripts (esbuild, sharp, @parcel/watcher):
# all three work from their prebuilt optional packages, so nothing here depends on those scripts.
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

if [[ "${1:-}" == "--browser" ]]; then
  # The browser tests drive Debian's Chromium at /usr/bin/chromium, or CHROMIUM_PATH (see tests/support/browser.ts).
  chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [[ -x "$chromium_path" ]]; then
    echo "setup: Chromium is installed at $chromium_path"
  elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  elif command -v apt-get >/dev/null 2>&1; then
    # Not root: everything else is ready, so say what to run rather than fail the whole setup.
    echo "setup: the browser tests need Chromium. Install it with:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium"
  else
    echo "setup: the browser tests need Chromium, which this script installs only on Debian (or WSL with Debian)."
    echo "  Elsewhere, set CHROMIUM_PATH to a Chromium or Chrome executable before npm test."
  fi
fi
echo "setup: done. Start the site with: npm start"
