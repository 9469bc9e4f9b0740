#!/bin/bash
# Bad input gives one clear error line and the right exit code, never a
# crash: files with no usable column, a blocking rule creating too many
# pairs (refused with the count), a malformed settings document. And one list
# alone is deduplicated; an all-blank column is a warning, not a failure.
set -uo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf 'source,record_id,foo\nA,1,x\nB,2,y\n' > "$tmp/nocols.csv"
"$UNCOUNTED" link --input "$tmp/nocols.csv" --out "$tmp/o.csv" 2> "$tmp/err"
[ $? -eq 3 ] || fail "no usable columns: exit code"
grep -q "none of the input files has a column" "$tmp/err" || fail "no usable columns: message"

# One list, the same people twice, spelled differently; sex all blank.
{
  echo "source,record_id,name,sex,birth_year,origin,event,event_date,event_place"
  places=(Hoeryong Musan Chongjin Hyesan Onsong Kilju Wonsan)
  for i in $(seq 1 40); do
    o=${places[$((i % 7))]}; p=${places[$(((i * 3) % 7))]}
    echo "A,a$i,Kim Chol$i,,19$((40 + i)),$o,arrest,2009-0$((i % 9 + 1)),$p"
    echo "A,b$i,Kim Chol$i,,19$((40 + i + i % 2)),$o,detention_kwanliso,2009,$p"
  done
} > "$tmp/one.csv"
"$UNCOUNTED" --json link --input "$tmp/one.csv" --out "$tmp/one_links.csv" > "$tmp/one.json" 2> "$tmp/one.err" \
  || fail "one list: $(cat "$tmp/one.err")"
python3 - "$tmp" <<'PY' || fail "one list: result"
import csv, json, sys
tmp = sys.argv[1]
s = json.load(open(f"{tmp}/one.json"))
rows = list(csv.DictReader(open(f"{tmp}/one_links.csv")))
assert len(rows) == 80
ent = {r["record_id"]: r["entity_id"] for r in rows}
same = sum(ent[f"a{i}"] == ent[f"b{i}"] for i in range(1, 41))
assert same >= 38, same
assert s["entities"] <= 42, s["entities"]
assert any("sex" in w for w in s["warnings"]), s["warnings"]
PY

cat > "$tmp/wide.json" <<'JSON'
{"comparisons": [{"column": "name", "levels": [{"type": "exact"}]}],
 "blocking_rules": ["origin"], "max_pairs": 100}
JSON
"$UNCOUNTED" link --input "$tmp/one.csv" --settings "$tmp/wide.json" --out "$tmp/o.csv" 2> "$tmp/err"
[ $? -eq 3 ] || fail "too many pairs: exit code"
grep -q 'would create 420 candidate pairs' "$tmp/err" || fail "too many pairs: count ($(cat "$tmp/err"))"

echo '{"comparisons": [{"column": "name", "levels": [{"type": "nosuch"}]}]}' > "$tmp/bad.json"
"$UNCOUNTED" link --input "$tmp/one.csv" --settings "$tmp/bad.json" --out "$tmp/o.csv" 2> "$tmp/err"
[ $? -eq 3 ] || fail "bad settings: exit code"
grep -q "unknown comparison level type" "$tmp/err" || fail "bad settings: message"
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "one error line"
echo ok
