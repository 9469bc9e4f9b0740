# Shared helpers for the command-line end-to-end tests (sourced, not run).
# Each test gets a fresh folder, a passphrase file, and these assertions.
set -uo pipefail
: "${UNCOUNTED:?set UNCOUNTED to the program}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
printf 'correct horse battery staple\n' >pass
# `U init` makes the store with the interactive key strength: every command
# opens the store once, and the default's 0.9 s per opening was almost half
# of the suite's time. store_test checks the default strength itself.
U() {
  if [ "${1:-}" = init ]; then
    shift
    "$UNCOUNTED" --store "$WORK/store.db" --passphrase-file "$WORK/pass" init --key-strength interactive "$@"
  else
    "$UNCOUNTED" --store "$WORK/store.db" --passphrase-file "$WORK/pass" "$@"
  fi
}
FAILURES=0
CHECKS=0
fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
ok() { CHECKS=$((CHECKS + 1)); }
# expect_exit CODE COMMAND...: runs COMMAND, checks its exit code, keeps its
# stdout in $OUT and stderr in $ERR.
expect_exit() {
  local want=$1; shift
  "$@" >"$WORK/.out" 2>"$WORK/.err"
  local got=$?
  OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
  if [ "$got" -ne "$want" ]; then
    fail "exit $got, wanted $want: $* -- stderr: $(head -c 600 "$WORK/.err")"
  else
    ok
  fi
}
expect_contains() {  # expect_contains HAYSTACK NEEDLE WHAT
  if [[ "$1" == *"$2"* ]]; then ok; else fail "$3: '$2' not found in: $(printf '%s' "$1" | head -c 400)"; fi
}
expect_not_contains() {
  if [[ "$1" != *"$2"* ]]; then ok; else fail "$3: '$2' should not appear"; fi
}
expect_eq() {  # expect_eq GOT WANT WHAT
  if [ "$1" == "$2" ]; then ok; else fail "$3: got '$1', wanted '$2'"; fi
}
# Every error is exactly one line starting with "error: ".
expect_one_line_error() {
  local last
  last=$(printf '%s\n' "$ERR" | tail -n 1)
  if [[ "$last" == error:* ]]; then ok; else fail "last stderr line is not 'error: ...': $last"; fi
  if printf '%s' "$ERR" | grep -qiE 'terminate called|stack|Aborted|Segmentation|AddressSanitizer|runtime error'; then
    fail "crash output on stderr: $ERR"
  else ok; fi
}
records_in_store() {
  U export --format csv --profile full --force --out "$WORK/.count.csv" >/dev/null 2>&1 || { echo -1; return; }
  echo $(($(wc -l <"$WORK/.count.csv") - 1))
}
finish() {
  echo "$CHECKS passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}
