#!/usr/bin/env bash
# What a person reads after everyday commands (issue 17 #13): `link` prints
# a few readable lines, not a JSON blob; `evaluate --links` without scored
# pairs says what is missing instead of a table of zeros; every log-linear
# model says whether its N is implausible.
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"

expect_exit 0 "$UNCOUNTED" simulate --people 300 --seed 9 --out sim
expect_exit 0 U init
expect_exit 0 U import sim/SEOUL_DB.csv sim/TJ_GROUP.csv sim/UN_INQUIRY.csv sim/FAMILY_ASSOC.csv
expect_exit 0 U link
expect_contains "$OUT" "persons " "link says how many persons"
expect_contains "$OUT" "pairs waiting for review" "link says how many pairs wait for review"
expect_not_contains "$OUT" '{"' "link's text output is not a JSON blob"

lists=(sim/SEOUL_DB.csv sim/TJ_GROUP.csv sim/UN_INQUIRY.csv sim/FAMILY_ASSOC.csv)
expect_exit 0 "$UNCOUNTED" link --input "${lists[@]}" --out links.csv
expect_exit 0 "$UNCOUNTED" evaluate --input "${lists[@]}" --truth-column true_id --links links.csv
expect_contains "$OUT" "no scored pairs (give --pairs with --links)" "evaluate names what is missing"
expect_not_contains "$OUT" "P 0.00000  R 0.00000" "no table of zeros"
expect_contains "$OUT" "links      precision" "evaluate still gives the links' figures"

expect_exit 0 "$UNCOUNTED" --json estimate --table "$UNCOUNTED_SHARED_DIR/data/mse/kosovo_4list.csv" --method loglinear
printf '%s\n' "$OUT" >kosovo.json
expect_eq "$(python3 -c "
import json
m = json.load(open('kosovo.json'))['estimates'][0]['models']
print(all(isinstance(x['implausible'], bool) for x in m), sum(x['implausible'] for x in m))")" "True 0" \
  "every model says whether it is implausible; none of Kosovo's is"
finish
