#!/usr/bin/env bash
# Builds the browser front end (web/) into web/dist, which `uncounted serve`
# serves. Packages come from web/package-lock.json (npm ci); nothing is
# fetched at run time. Skips quietly when node is missing, so that the C++
# program still builds (the server then serves the API only).
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null 2>&1; then
  echo "build-web: npm not found; the web front end is not built" >&2
  exit 0
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Rebuild only when a source is newer than the last build.
if [ -f dist/index.html ] && [ -z "$(find src index.html vite.config.ts tsconfig.json package-lock.json -newer dist/index.html -print -quit)" ]; then
  exit 0
fi
npx --no-install tsc --noEmit -p .
npx --no-install vite build --logLevel warn
