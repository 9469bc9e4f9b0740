#!/usr/bin/env bash
# The web application's end-to-end tests (run by `make test`): a temporary
# store with one user per role and three small record lists, `uncounted
# serve` on a free loopback port, then the browser tests (playwright-core
# driving Debian's chromium; screenshots into docs/) and a short load test
# (50 sessions, 10 s; the 60 s run is scripts/web-load.sh). Bounded in time;
# exits non-zero on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
UNCOUNTED=${UNCOUNTED:-$ROOT/build/uncounted}
LOAD_SECONDS=${LOAD_SECONDS:-10}
[ -x "$UNCOUNTED" ] || { echo "web-tests: $UNCOUNTED not built" >&2; exit 1; }
"$ROOT/scripts/build-web.sh" || exit 1  # incremental: rebuilds only when a source changed
[ -d "$ROOT/web/node_modules/playwright-core" ] || (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error) || exit 1
# Every server message and interface text in Korean and English (no server needed).
node "$ROOT/web/tests/i18n-coverage.test.mjs" "$ROOT" || exit 1

WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill -TERM "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export UNCOUNTED_PASSPHRASE="web tests passphrase"
PASSWORD="web tests password"
printf '%s\n' "$PASSWORD" >"$WORK/pw"
U() { timeout 60 "$UNCOUNTED" --store "$WORK/store.db" --actor web-tests "$@"; }

U init >/dev/null || exit 1
for pair in admin:administrator doc:documenter ana:analyst rev:reviewer load:documenter; do
  U user add "${pair%%:*}" --role "${pair##*:}" --password-file "$WORK/pw" >/dev/null || exit 1
done
node "$ROOT/web/tests/make-lists.mjs" "$UNCOUNTED" "$WORK" >/dev/null || exit 1
U import "$WORK"/list-*.csv >/dev/null || exit 1

# The server itself in the background (U would put it under `timeout`, and
# $! would not be the server).
"$UNCOUNTED" --store "$WORK/store.db" --actor web-tests serve --listen 127.0.0.1:0 \
  --static-dir "$ROOT/web/dist" >"$WORK/url" 2>"$WORK/serve.log" &
SERVER=$!
for _ in $(seq 1 150); do grep -q '^http' "$WORK/url" 2>/dev/null && break; sleep 0.1; done
URL=$(head -n1 "$WORK/url")
[ -n "$URL" ] || { echo "web-tests: the server did not start: $(cat "$WORK/serve.log")" >&2; exit 1; }
URL=${URL%/}

FAILED=0
if [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ]; then
  timeout 210 node "$ROOT/web/tests/browser.test.mjs" "$URL" "$ROOT/docs" "$PASSWORD" || FAILED=1
else
  echo "web-tests: SKIPPED browser tests: /usr/bin/chromium is not installed (scripts/install-deps.sh installs it)" >&2
fi
timeout $((LOAD_SECONDS + 60)) node "$ROOT/web/tests/load.mjs" "$URL" load "$PASSWORD" \
  --sessions 50 --seconds "$LOAD_SECONDS" ${LOAD_MARKDOWN:+--markdown "$LOAD_MARKDOWN"} || FAILED=1
timeout 30 "$UNCOUNTED" --store "$WORK/store.db" audit verify >/dev/null || { echo "web-tests: audit chain broken" >&2; FAILED=1; }
[ "$FAILED" -eq 0 ] && echo "web tests passed" || echo "web tests FAILED" >&2
exit "$FAILED"
