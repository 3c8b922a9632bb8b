#!/usr/bin/env bash
# `npm test`: installs what the tests need (npm packages, Debian's Chromium, CJK fonts and nginx),
# then runs lint, type checks, unit tests, the production build and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m› %s\033[0m\n' "$*"; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
# The feed server of the browser tests (tests/e2e/servers/nginx.ts); Debian puts it in /usr/sbin.
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages the browser tests need: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "not root: run 'sudo apt-get install -y ${missing[*]}' first" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: the registry mirror here lacks some other-platform optional
  # packages (rollup's), so the lock file cannot list them and `npm ci` refuses it.
  step 'installing npm packages (npm install)'
  npm install --no-audit --no-fund
fi

step 'lint (eslint, prettier)'
npx eslint .
npx prettier --check . --log-level warn

step 'type checks (page, service worker, CLI and tests)'
npx svelte-check --fail-on-warnings --tsconfig ./tsconfig.app.json
npx tsc -p tsconfig.sw.json
npx tsc -p tsconfig.node.json

step 'unit tests (vitest)'
npx vitest run

step 'production build (vite)'
node node_modules/vite/bin/vite.js build --logLevel warn

step 'browser tests (Playwright + Debian Chromium)'
npx playwright test
