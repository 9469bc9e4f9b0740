#!/usr/bin/env bash
# `uncounted serve` with TLS: a self-signed certificate made here, HTTPS on
# loopback, the session cookie marked Secure, plain HTTP refused on the TLS
# port; a missing or unreadable key is a one-line error.
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"
command -v openssl >/dev/null && command -v curl >/dev/null || { echo "SKIP: needs openssl and curl"; exit 0; }

expect_exit 0 U init
printf 'a long enough password\n' >"$WORK/pw"
expect_exit 0 U user add kim --role documenter --password-file "$WORK/pw"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1 && ok || fail "openssl could not make a certificate"

expect_exit 2 U serve --listen 127.0.0.1:0 --tls-cert "$WORK/cert.pem"
expect_one_line_error
expect_exit 2 U serve --listen 127.0.0.1:0 --tls-cert "$WORK/cert.pem" --tls-key "$WORK/missing.pem"
expect_one_line_error

"$UNCOUNTED" --store "$WORK/store.db" --passphrase-file "$WORK/pass" serve --listen 127.0.0.1:0 \
  --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem" >"$WORK/serve.out" 2>"$WORK/serve.err" &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do grep -q '^http' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(head -n1 "$WORK/serve.out")
expect_contains "$URL" "https://127.0.0.1:" "serve prints an https URL"
# The certificate is checked (not -k): the server presents the one given.
expect_contains "$(curl -s --cacert "$WORK/cert.pem" "${URL}api/health")" '"ok"' "health over TLS"
HEADERS=$(curl -s --cacert "$WORK/cert.pem" -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"user":"kim","password":"a long enough password"}' "${URL}api/login")
expect_contains "$HEADERS" "200" "login over TLS"
COOKIE=$(printf '%s\n' "$HEADERS" | grep -i '^set-cookie:')
expect_contains "$COOKIE" "Secure" "the session cookie is Secure under TLS"
expect_contains "$COOKIE" "HttpOnly" "the session cookie is HttpOnly"
expect_contains "$COOKIE" "SameSite=Strict" "the session cookie is SameSite=Strict"
expect_contains "$HEADERS" "Strict-Transport-Security: max-age=31536000" "HSTS under TLS"
PLAIN=${URL/https:/http:}
expect_eq "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${PLAIN}api/health")" "000" "plain HTTP gets no answer on the TLS port"
kill -TERM "$PID"
wait "$PID"
expect_eq "$?" "0" "stops cleanly"
finish
