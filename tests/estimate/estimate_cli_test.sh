#!/usr/bin/env bash
# End-to-end: `uncounted estimate --table` on the Kosovo table (the figures
# of Ball et al. 2002 / Rcapture), reproducible LCMCR runs, strata, and every
# kind of table from which no estimate is possible.
set -u
BIN=${UNCOUNTED:?path of the uncounted program}
DATA=${UNCOUNTED_SHARED_DIR:?}/data/mse
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}
# The value of the first "KEY":number in compact JSON on stdin.
first_number() { tr -d ' \n' | grep -o "\"$1\":[-0-9.e+]*" | head -1 | cut -d: -f2; }
near() { awk -v a="$1" -v b="$2" -v tol="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= tol) }'; }

# Kosovo with its sources' names.
sed '1s/.*/EXH,ABA,OSCE,HRW,count/' "$DATA/kosovo_4list.csv" > "$TMP/kosovo.csv"

"$BIN" --json estimate --table "$TMP/kosovo.csv" --method loglinear > "$TMP/ll.json" 2> "$TMP/ll.err"
check "loglinear exits 0" test $? -eq 0
gen=$(tr -d ' \n' < "$TMP/ll.json" | grep -o '"model_generators":"[^"]*"' | head -1)
check "best BIC model is [123,14,34]" test "$gen" = '"model_generators":"[123,14,34]"'
model=$(tr -d '\n' < "$TMP/ll.json" | grep -o '"model": *"[^"]*"' | head -1)
check "model named with list codes" test "$model" = '"model": "[EXH,ABA,OSCE][EXH,HRW][OSCE,HRW]"'
check "N is Ball et al.'s 10,356" near "$(first_number N < "$TMP/ll.json")" 10356.519 0.01
check "profile lower bound 8994.3" near "$(first_number lower < "$TMP/ll.json")" 8994.2567 0.05
check "profile upper bound 12110.4" near "$(first_number upper < "$TMP/ll.json")" 12110.4081 0.05
nmodels=$(tr -d ' \n' < "$TMP/ll.json" | grep -o '"family":"[a-z]*"' | wc -l)
check "113 hierarchical + 12 closedp models listed" test "$nmodels" -eq 125
check "Mth Chao listed" grep -q '"name": "Mth Chao (LB)"' "$TMP/ll.json"
check "stdout is one JSON document" bash -c "head -c1 '$TMP/ll.json' | grep -q '{' && tail -n1 '$TMP/ll.json' | grep -q '^}$'"

# LCMCR: the same seed gives the same answer; diagnostics are reported.
run_lcmcr() {
  "$BIN" --json estimate --table "$TMP/kosovo.csv" --method lcmcr --seed "$1" --iterations 20000 --max-seconds 0 \
    --burn-in 1000 --chains 2 2> /dev/null
}
run_lcmcr 7 > "$TMP/a.json"
run_lcmcr 7 > "$TMP/b.json"
run_lcmcr 8 > "$TMP/c.json"
na=$(first_number N < "$TMP/a.json")
check "lcmcr reproducible with a seed" test "$na" = "$(first_number N < "$TMP/b.json")"
check "lcmcr reports rhat and ess" grep -q '"rhat"' "$TMP/a.json"
check "lcmcr median plausible (8000..14000)" near "$na" 11000 3000
check "another seed, another chain" test "$(tr -d ' \n' < "$TMP/a.json")" != "$(tr -d ' \n' < "$TMP/c.json")"

# Readable table on a terminal-less stdout without --json.
"$BIN" estimate --table "$TMP/kosovo.csv" --method loglinear > "$TMP/text.out"
check "text output names the model and N" grep -q '\[EXH,ABA,OSCE\]\[EXH,HRW\]\[OSCE,HRW\].*10357' "$TMP/text.out"

# Strata and --lists.
{
  echo "A,B,C,region,count"
  printf '1,0,0,north,120\n0,1,0,north,85\n1,1,0,north,30\n0,0,1,north,60\n1,0,1,north,12\n0,1,1,north,9\n1,1,1,north,4\n'
  printf '1,0,0,south,50\n0,1,0,south,40\n1,1,0,south,10\n0,0,1,south,20\n1,0,1,south,5\n0,1,1,south,3\n1,1,1,south,2\n'
} > "$TMP/strata.csv"
"$BIN" --json estimate --table "$TMP/strata.csv" --strata region --method loglinear > "$TMP/s.json"
check "two strata, two estimates" test "$(grep -c '"method": "loglinear"' "$TMP/s.json")" -eq 2
check "stratum key reported" grep -q '"region": "south"' "$TMP/s.json"
"$BIN" --json estimate --table "$TMP/strata.csv" --strata region --lists A,B --method loglinear > "$TMP/l.json"
check "--lists A,B keeps two lists" grep -q '"model": "\[A\]\[B\]"' "$TMP/l.json"

# Tables with no possible estimate: exit 3 and a reason.
expect_error() {  # expect_error DESCRIPTION CODE PATTERN FILE [ARGS]
  local what=$1 code=$2 pattern=$3 file=$4
  shift 4
  "$BIN" --json estimate --table "$file" --method loglinear "$@" > "$TMP/out" 2> "$TMP/err"
  local rc=$?
  check "$what: exit $code" test "$rc" -eq "$code"
  check "$what: says why" grep -qi "$pattern" "$TMP/err"
  check "$what: one error line, no JSON" test "$(wc -l < "$TMP/err")" -eq 1 -a ! -s "$TMP/out"
}
printf 'A,count\n1,40\n' > "$TMP/one.csv"
expect_error "one list" 3 "only one list" "$TMP/one.csv"
printf 'A,B,count\n1,0,40\n0,1,30\n1,1,0\n' > "$TMP/nooverlap.csv"
expect_error "no overlap" 3 "do not overlap" "$TMP/nooverlap.csv"
printf 'A,B,count\n1,0,0\n0,1,0\n1,1,0\n' > "$TMP/zero.csv"
expect_error "all counts zero" 3 "all counts are zero" "$TMP/zero.csv"
printf 'A,B,count\n1,0,10\n0,1,-3\n1,1,2\n' > "$TMP/neg.csv"
expect_error "negative count" 3 "negative" "$TMP/neg.csv"
printf 'A,B,count\n1,0,10\n0,1,3.5\n1,1,2\n' > "$TMP/frac.csv"
expect_error "non-integer count" 3 "not an integer" "$TMP/frac.csv"
printf 'A,B,count\n1,0,10\n0,0,5\n1,1,2\n' > "$TMP/allzero.csv"
expect_error "all-zero pattern row" 3 "all-zero pattern" "$TMP/allzero.csv"
{
  echo "L1,L2,L3,L4,L5,L6,L7,L8,L9,count"
  echo "1,0,0,0,0,0,0,0,0,5"
  echo "1,1,0,0,0,0,0,0,0,2"
  echo "0,1,0,0,0,0,0,0,1,3"
} > "$TMP/nine.csv"
expect_error "nine lists" 3 "more than 8 lists" "$TMP/nine.csv"
printf 'A,B,count\n1,0,10\n0,1,x\n' > "$TMP/text.csv"
expect_error "count not a number" 3 "count" "$TMP/text.csv"
expect_error "unknown list in --lists" 2 "not in the table" "$TMP/kosovo.csv" --lists EXH,XYZ
# 16 list columns are 65,536 patterns a stratum: 300 strata would be 20
# million counts (150 MiB) from a 15 KiB file, which the reader refuses.
{
  echo "L1,L2,L3,L4,L5,L6,L7,L8,L9,L10,L11,L12,L13,L14,L15,L16,camp,count"
  for i in $(seq 1 300); do echo "1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,c$i,1"; done
} > "$TMP/wide.csv"
expect_error "too many strata for 16 lists" 3 "more than 256 strata" "$TMP/wide.csv" --strata camp

# dga (Bayesian model averaging over decomposable graphs): REFERENCE.md 1.7.
"$BIN" --json estimate --table "$TMP/kosovo.csv" --method dga > "$TMP/dga.json"
check "dga on Kosovo: median 12595 [9827, 16544], top graph [123][134]" python3 - "$TMP/dga.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))["estimates"]
assert len(e) == 1 and e[0]["method"] == "dga", e
d = e[0]
assert (d["N"], d["lower"], d["upper"]) == (12595, 9827, 16544), d
assert d["model"] == "[123][134]" and abs(d["models"][0]["probability"] - 0.9855) < 1e-4, d["models"][:2]
assert d["delta"] == 0.0625 and d["prior"] == "1/N", d
PY
"$BIN" --json estimate --table "$TMP/kosovo.csv" --method dga --delta 1 > "$TMP/dga1.json"
check "dga on Kosovo with delta 1: the saturated graph, median 4616" python3 -c "
import json, sys
d = json.load(open('$TMP/dga1.json'))['estimates'][0]
assert d['N'] == 4616 and d['model'] == '[1234]', d"
"$BIN" --json estimate --table "$TMP/kosovo.csv" --method all --iterations 2000 --burn-in 500 --max-seconds 0 > "$TMP/all.json" 2>/dev/null
check "--method all includes dga" python3 -c "
import json
m = [e['method'] for e in json.load(open('$TMP/all.json'))['estimates']]
assert m == ['loglinear', 'lcmcr', 'dga'], m"
"$BIN" --json estimate --table "$TMP/kosovo.csv" --method dga --lists EXH,ABA > "$TMP/out" 2> "$TMP/err"
check "dga on 2 lists: exit 2" test $? -eq 2
check "dga on 2 lists: says it needs 3 to 5 lists" grep -q "3 to 5 lists" "$TMP/err"
"$BIN" --json estimate --table "$TMP/kosovo.csv" --method dga --delta 0 > "$TMP/out" 2> "$TMP/err"
check "dga with delta 0: exit 2" test $? -eq 2
check "dga with delta 0: names the option" grep -q -- "--delta" "$TMP/err"

UNCOUNTED_PASSPHRASE=x "$BIN" --store "$TMP/none.db" estimate > "$TMP/out" 2> "$TMP/err"
check "no --table and no store: runtime error (exit 1)" test $? -eq 1
check "no --table and no store: says there is no store" grep -q "no store here" "$TMP/err"

exit $fail
