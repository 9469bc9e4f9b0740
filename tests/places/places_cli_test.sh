#!/usr/bin/env bash
# End to end: `uncounted places lookup` prints the JSON of spec/cli.md, no id
# for text that fits nothing, and the readable form without --json.
source "$(dirname "$0")/../cli/lib.sh"

field() { python3 -c 'import json,sys; d=json.load(sys.stdin); v=d; 
for k in sys.argv[1].split("."): v=v[int(k)] if k.isdigit() else v[k]
print("null" if v is None else v)' "$1"; }

expect_exit 0 "$UNCOUNTED" --json places lookup "요덕 15호 관리소"
expect_eq "$(printf '%s' "$OUT" | field id)" "kwanliso-15" "id of 요덕 15호 관리소"
expect_eq "$(printf '%s' "$OUT" | field kind)" "kwanliso" "kind"
expect_eq "$(printf '%s' "$OUT" | field text)" "요덕 15호 관리소" "text echoed"
expect_eq "$(printf '%s' "$OUT" | wc -l | tr -d ' ')" "0" "one JSON document, one line"

expect_exit 0 "$UNCOUNTED" --json places lookup "Camp 22"
expect_eq "$(printf '%s' "$OUT" | field id)" "kwanliso-22" "Camp 22"
expect_eq "$(printf '%s' "$OUT" | field lat)" "42.537967" "Camp 22 latitude"

expect_exit 0 "$UNCOUNTED" --json places lookup "Hoeryong"
expect_eq "$(printf '%s' "$OUT" | field id)" "city-hoeryong" "Hoeryong is the city"
expect_contains "$OUT" '"id":"kwanliso-22"' "Camp 22 among the alternatives"

for text in Paris asdf "" "🙂"; do
  expect_exit 0 "$UNCOUNTED" --json places lookup "$text"
  expect_eq "$(printf '%s' "$OUT" | field id)" "null" "no id for '$text'"
  expect_eq "$(printf '%s' "$OUT" | field confidence)" "0.0" "confidence 0 for '$text'"
done

expect_exit 0 "$UNCOUNTED" places lookup "Chongjn"
expect_contains "$OUT" "city-chongjin" "readable form, typo forgiven"

expect_exit 0 "$UNCOUNTED" --json places list --kind kwanliso
count=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["places"]))')
[ "$count" -ge 6 ] && ok || fail "places list --kind kwanliso gave $count entries"
expect_exit 2 "$UNCOUNTED" places list --kind planet
expect_one_line_error

echo "$CHECKS checks, $FAILURES failures"
[ "$FAILURES" -eq 0 ]
