#!/usr/bin/env bash
# Records that try to pass for others, and errors that must not echo data:
# - a list row whose record_id is a testimony's ("T-1/e1/p1") cannot replace
#   what the testimony says, nor a testimony a list's row: the import is
#   refused (exit 3, file:line), nothing changes;
# - an error about a person names its index, never the ref a documenter
#   may have written as the person's name;
# - formulas in a rejects file and in link's outputs are neutralized.
source "$(dirname "$0")/lib.sh"

expect_exit 0 U init
expect_exit 0 U import "$UNCOUNTED_SOURCE_DIR/tests/cli/data/testimonies.jsonl"
cat >takeover.csv <<'CSV'
source,record_id,name,sex,birth_year,event,event_date,event_place
TJWG,T-2019-0042/e1/p1,Someone Else,M,1940,execution,1999,Pyongyang
CSV
expect_exit 0 U export --format csv --profile full --out before.csv
expect_exit 3 U import takeover.csv; expect_one_line_error
expect_contains "$ERR" "takeover.csv:2" "the refused row is named"
expect_contains "$ERR" "another testimony or list" "why it is refused"
expect_exit 0 U export --format csv --profile full --out after.csv
expect_eq "$(sha256sum <after.csv)" "$(sha256sum <before.csv)" "the testimony's record is unchanged"
# With --skip-invalid the row goes to the rejects, the rest is imported.
expect_exit 0 U import --skip-invalid --rejects rejects.csv takeover.csv
expect_contains "$(cat rejects.csv)" "another testimony or list" "the rejects say why"

# A list's record cannot be replaced by a testimony either.
cat >list.csv <<'CSV'
source,record_id,name,sex,birth_year,event,event_date,event_place
KINU,K-9/e1/p1,Kim Listed,F,1970,arrest,2001,Chongjin
CSV
expect_exit 0 U import list.csv
sed 's/"source":"TJWG","testimony_id":"T-2019-0042"/"source":"KINU","testimony_id":"K-9"/' \
  "$UNCOUNTED_SOURCE_DIR/tests/cli/data/testimonies.jsonl" | head -n1 >kinu.jsonl
expect_exit 3 U import kinu.jsonl; expect_one_line_error
expect_contains "$ERR" "kinu.jsonl:1" "the refused testimony is named"

# A person's ref written as a name never appears in an error.
python3 - <<'PY' >named_ref.jsonl
import json
t = json.loads(open(__import__("os").environ["UNCOUNTED_SOURCE_DIR"] + "/tests/cli/data/testimonies.jsonl").readline())
t["testimony_id"] = "T-NEW"
t["people"][0]["ref"] = "박비밀이름"
t["people"][0]["birth_year"] = "not a year"
for e in t["events"]:
    for p in e.get("participants", []):
        if p["person"] == "p1":
            p["person"] = "박비밀이름"
print(json.dumps(t, ensure_ascii=False))
PY
expect_exit 3 U import named_ref.jsonl; expect_one_line_error
expect_not_contains "$ERR" "박비밀이름" "the error does not echo the ref"
expect_contains "$ERR" "people[0]" "the error names the person's index"

# Formulas are neutralized in the rejects file and in link's outputs, and
# both are owner-only.
cat >formula.csv <<'CSV'
source,record_id,name,sex,birth_year,event,event_date,event_place
NKDB,=1+1,=1+1,M,1962,arrest,2001,Chongjin
NKDB,F-2,@SUM(A1),M,bad year,arrest,2001,Chongjin
CSV
expect_exit 0 U import --skip-invalid --rejects formula_rejects.csv formula.csv
expect_contains "$(cat formula_rejects.csv)" "'@SUM(A1)" "a rejected formula is neutralized"
expect_not_contains "$(cat formula_rejects.csv)" ',"@SUM' "no formula left as it was"
expect_eq "$(stat -c %a formula_rejects.csv)" 600 "the rejects file is owner-only"
expect_exit 0 "$UNCOUNTED" link --input formula.csv --out links.csv
expect_contains "$(cat links.csv)" "NKDB,'=1+1," "a formula in link's output is neutralized"
expect_eq "$(stat -c %a links.csv)" 600 "link's output is owner-only"
finish
