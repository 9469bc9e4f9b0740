#!/usr/bin/env bash
# `uncounted demo` without --no-serve: after the report, the web application
# serves the demo store, with one login per role whose password is in an
# owner-only file (never printed); an analyst can log in and read the
# estimates' inputs, nobody else gets in without the password.
# ctest label: slow
# (Not in the sanitized run: there it took 140 s, and the server's logins
# and the demo's pipeline are checked under the sanitizers by
# tests/server/*_test.cpp and tests/report/demo_test.sh.)
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"

"$UNCOUNTED" demo --out demo --people 1500 --max-seconds 3 --listen 127.0.0.1:0 >"$WORK/demo.out" 2>"$WORK/demo.err" &
DEMO=$!
trap 'kill -TERM "$DEMO" 2>/dev/null; wait "$DEMO" 2>/dev/null; rm -rf "$WORK"' EXIT
URL=
for _ in $(seq 1 600); do
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/demo.err" | head -n1)
  [ -n "$URL" ] && break
  kill -0 "$DEMO" 2>/dev/null || break
  sleep 0.5
done
[ -n "$URL" ] && ok || fail "the demo did not serve: $(tail -n 3 "$WORK/demo.err")"
expect_eq "$(stat -c %a demo/web-password.txt 2>/dev/null)" "600" "web password file is owner-only"
PASSWORD=$(cat demo/web-password.txt 2>/dev/null)
expect_not_contains "$(cat "$WORK/demo.out" "$WORK/demo.err")" "$PASSWORD" "the password is never printed"

login() {  # login USER PASSWORD -> HTTP status
  curl -s -o "$WORK/login.json" -w '%{http_code}' -c "$WORK/jar" -H 'Content-Type: application/json' \
    --data "{\"user\":\"$1\",\"password\":\"$2\"}" "${URL}api/login"
}
expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "${URL}api/health")" "200" "health"
expect_eq "$(login demo-analyst "$PASSWORD")" "200" "demo analyst logs in"
expect_contains "$(cat "$WORK/login.json")" '"role":"analyst"' "analyst role"
expect_eq "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "${URL}api/records/pseudonymized")" "200" "analyst reads pseudonymized records"
expect_eq "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "${URL}api/search?q=kim")" "403" "analyst refused identifying search"
expect_eq "$(login demo-reviewer 'wrong password')" "401" "a wrong password is refused"
expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "${URL}")" "200" "the front end is served"
kill -TERM "$DEMO" 2>/dev/null
wait "$DEMO" 2>/dev/null
expect_eq "$?" "0" "Ctrl-C (SIGTERM) stops the demo cleanly"
finish
