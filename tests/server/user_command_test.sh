#!/usr/bin/env bash
# `uncounted user add|list` and `uncounted serve` from the command line:
# passwords only from a file or a no-echo prompt, roles checked, audited;
# serve refuses a non-loopback address without TLS and answers health on
# loopback.
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"

expect_exit 0 U init
printf 'a long enough password\n' >"$WORK/pw"
printf 'short\n' >"$WORK/short"
expect_exit 0 U user add kim --role documenter --password-file "$WORK/pw"
expect_exit 0 U --json user add lee --role reviewer --password-file "$WORK/pw"
expect_contains "$OUT" '"role":"reviewer"' "json output"
expect_exit 2 U user add kim --role analyst --password-file "$WORK/pw"
expect_one_line_error
expect_contains "$ERR" "already exists" "duplicate user"
expect_exit 2 U user add park --role emperor --password-file "$WORK/pw"
expect_exit 2 U user add park --role analyst --password-file "$WORK/short"
expect_contains "$ERR" "at least" "short password"
expect_exit 2 U user add 'bad name!' --role analyst --password-file "$WORK/pw"
expect_exit 2 U user add park --role analyst </dev/null
expect_contains "$ERR" "password-file" "no password without a terminal"
expect_exit 0 U --json user list
expect_contains "$OUT" '"user":"kim"' "list"
expect_not_contains "$OUT" 'argon2' "no hashes listed"
expect_exit 0 U audit verify
expect_exit 0 U --json audit verify

expect_exit 2 U serve --listen 0.0.0.0:0
expect_contains "$ERR" "needs TLS" "non-loopback without TLS"
expect_exit 2 U serve --listen nonsense

# A real server on a free port: health answers, the API needs a login.
# (the program itself in the background, not the U function: $! would be a
# subshell, and the signal would stop the subshell, not the server)
"$UNCOUNTED" --store "$WORK/store.db" --passphrase-file "$WORK/pass" serve --listen 127.0.0.1:0 \
  >"$WORK/serve.out" 2>"$WORK/serve.err" &
PID=$!
for _ in $(seq 1 100); do grep -q '^http' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(head -n1 "$WORK/serve.out")
expect_contains "$URL" "http://127.0.0.1:" "serve prints its URL"
if command -v curl >/dev/null; then
  expect_contains "$(curl -s "${URL}api/health")" '"ok"' "health"
  expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "${URL}api/testimonies")" 401 "login needed"
  expect_eq "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"user":"kim","password":"a long enough password"}' "${URL}api/login")" 200 "login"
fi
# A second server on the same port is refused (it used to listen too, and
# requests went to either store at random).
PORT=${URL#http://127.0.0.1:}
PORT=${PORT%/}
cp "$WORK/store.db" "$WORK/other.db"; cp "$WORK/store.db.salt" "$WORK/other.db.salt"
expect_exit 1 timeout 20 "$UNCOUNTED" --store "$WORK/other.db" --passphrase-file "$WORK/pass" \
  serve --listen "127.0.0.1:$PORT"
expect_one_line_error
expect_contains "$ERR" "address in use" "second server on the port"
if command -v curl >/dev/null; then
  expect_contains "$(curl -s "${URL}api/health")" '"ok"' "the first server still answers"
fi
kill -TERM $PID
wait $PID
expect_eq "$?" 0 "serve stops cleanly on SIGTERM"
finish
