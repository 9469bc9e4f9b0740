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
# The command line ends web sessions: a new password or a disable, written
# while the server runs, ends kim's session at the next request.
if command -v curl >/dev/null; then
  session() { curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "${URL}api/session"; }
  web_login() { curl -s -o /dev/null -w '%{http_code}' -c "$WORK/jar" -H 'Content-Type: application/json' \
    -d "{\"user\":\"kim\",\"password\":\"$1\"}" "${URL}api/login"; }
  expect_eq "$(web_login 'a long enough password')" 200 "kim logs in"
  expect_eq "$(session)" 200 "kim's session is live"
  printf 'another long password\n' >"$WORK/pw2"
  expect_exit 0 U user password kim --password-file "$WORK/pw2"
  expect_not_contains "$OUT$ERR" "another long password" "the password is never printed"
  expect_eq "$(session)" 401 "a new password from the command line ends the web session"
  expect_eq "$(web_login 'a long enough password')" 401 "the old password no longer works"
  expect_eq "$(web_login 'another long password')" 200 "the new one does"
  expect_exit 0 U user disable kim
  expect_eq "$(session)" 401 "disabling ends the web session"
  expect_eq "$(web_login 'another long password')" 403 "a disabled account cannot log in"
  expect_exit 0 U --json user list
  expect_contains "$OUT" '"disabled":true' "user list shows the account disabled"
  expect_exit 0 U user enable kim
  expect_eq "$(web_login 'another long password')" 200 "enabled again"
  # One-time codes: enrolled on the command line, then the web wants the
  # code of the moment (computed here from the secret, as an app would).
  expect_exit 0 U --json user totp kim
  SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["secret"])' "$OUT")
  expect_contains "$OUT" "otpauth://totp/uncounted:kim?secret=$SECRET" "an otpauth URI for a QR code"
  expect_eq "$(session)" 401 "enrolling ends the web session"
  expect_eq "$(web_login 'another long password')" 401 "the password alone is no longer enough"
  CODE=$(python3 -c '
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))' "$SECRET")
  expect_eq "$(curl -s -o /dev/null -w '%{http_code}' -c "$WORK/jar" -H 'Content-Type: application/json' \
    -d "{\"user\":\"kim\",\"password\":\"another long password\",\"code\":\"$CODE\"}" "${URL}api/login")" 200 \
    "password and code log in"
  expect_exit 0 U user totp kim --remove
  expect_eq "$(web_login 'another long password')" 200 "removed, the password is enough again"
fi
# Common words with digits tacked on are refused for web accounts too.
for weak in password123 qwerty2024! Password1234 aaaaaaaaaaaa; do
  printf '%s\n' "$weak" >"$WORK/weak"
  expect_exit 2 U user add weakling --role analyst --password-file "$WORK/weak"; expect_one_line_error
  expect_contains "$ERR" "too easy to guess" "'$weak' refused"
  expect_not_contains "$ERR" "$weak" "the refusal does not echo the password"
done
printf 'violet tundra 58 ledger\n' >"$WORK/strong"
expect_exit 0 U user add strongling --role analyst --password-file "$WORK/strong"
expect_exit 0 U user role strongling --role reviewer
expect_exit 0 U --json user list
expect_contains "$OUT" '"role":"reviewer","user":"strongling"' "the new role is stored"
expect_exit 0 U user delete strongling
expect_exit 0 U --json user list
expect_not_contains "$OUT" "strongling" "a deleted account is gone"
expect_exit 2 U user delete strongling; expect_one_line_error
# The audit log can be read, filtered; role changes and deletions are in it.
expect_exit 0 U audit list --action user_role
expect_contains "$OUT" "user_role" "audit list --action"
expect_contains "$OUT" '"user":"strongling"' "the entry names the account"
expect_exit 0 U --json audit list --limit 2
expect_eq "$(python3 -c 'import json,sys; e=json.loads(sys.argv[1])["entries"]; print(len(e), e[0]["seq"] > e[1]["seq"])' "$OUT")" "2 True" "newest first, limited"
expect_exit 2 U user disable nobody; expect_one_line_error
expect_contains "$ERR" "no such user" "disabling an unknown user"
printf 'short\n' >"$WORK/pw3"
expect_exit 2 U user password kim --password-file "$WORK/pw3"; expect_one_line_error

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
