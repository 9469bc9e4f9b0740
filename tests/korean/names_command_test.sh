#!/usr/bin/env bash
# End to end: `uncounted names romanize|compare` as cli.md specifies them.
set -euo pipefail
: "${UNCOUNTED:?path of the uncounted program}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# romanize: one JSON document with the spec's fields.
out=$("$UNCOUNTED" --json names romanize "리철호")
for field in '"name":"리철호"' '"hangul":\["리철호"\]' '"rr":"Ri Cheolho"' \
             "\"mr\":\"Ri Ch'ŏl-ho\"" '"dprk":"Ri Chol Ho"'; do
  echo "$out" | grep -Eq "$field" || fail "romanize output lacks $field: $out"
done
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "romanize printed more than one line"

# Romanized input parses back to Hangul candidates, North form first.
out=$("$UNCOUNTED" --json names romanize "Ri Chol Ho")
echo "$out" | grep -q '"hangul":\["리철호","이철호"' || fail "Ri Chol Ho readings: $out"

# compare: the spec's example.
out=$("$UNCOUNTED" --json names compare "Ri Chol Ho" "이철호")
echo "$out" | grep -q '"match":true' || fail "Ri Chol Ho / 이철호 should match: $out"
echo "$out" | grep -q '"b_hangul":\["이철호"\]' || fail "b_hangul: $out"
echo "$out" | grep -Eq '"score":0\.9[0-9]*' || fail "score: $out"
out=$("$UNCOUNTED" --json names compare "김철호" "김철수")
echo "$out" | grep -q '"match":false' || fail "김철호 / 김철수 should not match: $out"
"$UNCOUNTED" names compare "Chul Ho Lee" "LEE CHEOLHO" | grep -q "same name" || fail "readable form"

# --pairs: RFC 4180 quoting, one JSON object per data row.
printf 'a,b\n"Ri Chol Ho",이철호\n"Kim, Chul-ho",Chul Ho Kim\n"John ""J"" Smith",김철호\n' >"$work/pairs.csv"
"$UNCOUNTED" names compare --pairs "$work/pairs.csv" >"$work/out.jsonl"
[ "$(wc -l <"$work/out.jsonl")" -eq 3 ] || fail "--pairs printed $(wc -l <"$work/out.jsonl") lines"
sed -n 2p "$work/out.jsonl" | grep -q '"a":"Kim, Chul-ho".*"match":true' || fail "quoted comma row"
sed -n 3p "$work/out.jsonl" | grep -q '"a":"John \\"J\\" Smith".*"match":false' || fail "quoted quote row"

# Errors: exit codes of cli.md, and no name in the message.
set +e
"$UNCOUNTED" names compare "김철호" 2>"$work/err"; rc=$?
[ $rc -eq 2 ] || fail "one name: exit $rc, expected 2"
printf 'x,y\n1,2\n' >"$work/bad.csv"
"$UNCOUNTED" names compare --pairs "$work/bad.csv" 2>"$work/err"; rc=$?
[ $rc -eq 3 ] || fail "bad header: exit $rc, expected 3"
printf 'a,b\n"김철호,x\n' >"$work/broken.csv"
"$UNCOUNTED" names compare --pairs "$work/broken.csv" >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 3 ] || fail "broken quoting: exit $rc, expected 3"
grep -q "김철호" "$work/err" && fail "an error message contains a name"
set -e

# Bad input is a defined result, not a crash.
"$UNCOUNTED" --json names romanize "John Smith" | grep -q '"hangul":\[\]' || fail "John Smith"
"$UNCOUNTED" --json names compare "$(printf 'Kim \xff Chol')" "🙂" | grep -q '"score"' || fail "bytes"
"$UNCOUNTED" --json names compare "$(head -c 10240 /dev/zero | tr '\0' a)" "" | grep -q '"match":false' \
  || fail "10 kB name"
echo "names command: ok"
