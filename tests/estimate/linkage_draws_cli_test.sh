#!/usr/bin/env bash
# `estimate` from a store pools plausible linkages: every estimate carries
# "linkage": {"draws", "width_share"} (spec/cli.md), the same seed gives the
# same figures, one draw is the stored linkage alone, the linkage's own
# estimate of its accuracy comes along, and a bad count is a usage error
# that changes nothing.
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"

expect_exit 0 "$UNCOUNTED" simulate --people 800 --seed 5 --out sim
expect_exit 0 U init
expect_exit 0 U import sim/SEOUL_DB.csv sim/TJ_GROUP.csv sim/UN_INQUIRY.csv sim/FAMILY_ASSOC.csv
expect_exit 0 U link

fields() {  # method draws width_share-in-[0,1] per estimate
  python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
for e in d['estimates']:
    l = e['linkage']
    s = l['width_share']
    print(e['method'], l['draws'], 'ok' if s is None or 0 <= s <= 1 else 'bad share %r' % s)
" "$1"
}
quick=(--method lcmcr --iterations 4000 --burn-in 500 --chains 2)
expect_exit 0 U --json estimate "${quick[@]}" --linkage-draws 6 --seed 3
printf '%s\n' "$OUT" >pooled.json
expect_eq "$(fields pooled.json)" "lcmcr 6 ok" "pooled over 6 linkages, share in [0, 1]"
expect_exit 0 U --json estimate "${quick[@]}" --linkage-draws 6 --seed 3
printf '%s\n' "$OUT" >again.json
expect_eq "$(python3 -c "import json,sys; print(json.load(open('pooled.json'))['estimates'][0]['N'])")" \
  "$(python3 -c "import json,sys; print(json.load(open('again.json'))['estimates'][0]['N'])")" \
  "the same seed gives the same pooled estimate"
expect_exit 0 U --json estimate "${quick[@]}" --linkage-draws 1
printf '%s\n' "$OUT" >one.json
expect_eq "$(python3 -c "
import json
e = json.load(open('one.json'))['estimates'][0]
print(e['linkage']['draws'], float(e['linkage']['width_share']))")" "1 0.0" "one draw: the stored linkage, no share from linkage"
expect_exit 0 U estimate "${quick[@]}" --linkage-draws 6
expect_contains "$OUT" "pooled over 6 plausible linkages" "the text output says the linkage was pooled"

# Records without a name are left out of the capture histories (nothing can
# link them; each would look like a person seen by one list), and said so;
# --keep-unnamed counts them as persons of their own.
nameless=$(python3 -c "
import csv, glob
print(sum(1 for f in glob.glob('sim/*.csv') for r in csv.DictReader(open(f, encoding='utf-8')) if not r['name'].strip()))")
[ "$nameless" -gt 0 ] && ok || fail "the simulated lists should hold records without a name"
observed() { python3 -c "import json; print(json.load(open('$1'))['estimates'][0]['observed'])"; }
expect_exit 0 U --json estimate "${quick[@]}" --linkage-draws 1
printf '%s\n' "$OUT" >named.json
expect_contains "$ERR" "records without a name were left out" "the records left out are counted in a warning"
expect_exit 0 U --json estimate "${quick[@]}" --linkage-draws 1 --keep-unnamed
printf '%s\n' "$OUT" >all.json
[ "$(observed all.json)" -gt "$(observed named.json)" ] && ok ||
  fail "--keep-unnamed should count more persons: $(observed all.json) vs $(observed named.json)"

# --records identified counts only records with a name, a birth year and an
# origin (the lists thinned record by record; the estimate is still of
# everyone), and says so; the default (auto) takes them when the linkage's
# own expected recall is under 0.95, else the named records, and says which.
expect_exit 0 U --json estimate "${quick[@]}" --linkage-draws 1 --records identified
printf '%s\n' "$OUT" >identified.json
expect_contains "$ERR" "records without a name, a birth year or an origin were left out" \
  "the records left out for want of a birth year or an origin are counted in a warning"
[ "$(observed identified.json)" -lt "$(observed named.json)" ] && ok ||
  fail "--records identified should count fewer persons: $(observed identified.json) vs $(observed named.json)"
expect_eq "$(python3 -c "import json; print(json.load(open('identified.json'))['records']['counted'])")" \
  "identified" "estimate --json says which records were counted"
expect_eq "$(python3 -c "
import json
d = json.load(open('named.json'))
gate = d['records']['identified_below_recall']
want = 'identified' if d['linkage_quality']['recall'] < gate else 'named'
print('ok' if gate == 0.95 and d['records']['counted'] == want and 'expected recall' in d['records']['why'] else d['records'])
")" "ok" "auto counts the identified records exactly when the linkage's expected recall is under the gate it reports (0.95)"
expect_exit 2 U estimate --records everyone
expect_contains "$ERR" "all, named, identified or auto" "an unknown --records is refused, naming the choices"
expect_exit 2 U estimate --records identified --keep-unnamed
expect_contains "$ERR" "--keep-unnamed is --records all" "--keep-unnamed with another --records is refused"

# The linkage's own estimate of its accuracy comes with the estimates: the
# same figures as `link --json` gave (expected), and a line in the text.
expect_eq "$(python3 -c "
import json
q = json.load(open('pooled.json'))['linkage_quality']
print('ok' if 0 < q['precision'] <= 1 and 0 < q['recall'] <= 1 and q['missed_matches'] >= 0
      and q['unnamed_records'] > 0 else q)
")" "ok" "estimate --json carries the linkage's expected precision and recall"
expect_exit 0 U estimate "${quick[@]}" --linkage-draws 2
expect_contains "$OUT" "The linkage, by its own estimate: precision 0." "the text output says it too"
expect_exit 0 U --json link
printf '%s\n' "$OUT" >link.json
expect_exit 0 U --json estimate "${quick[@]}" --linkage-draws 2
printf '%s\n' "$OUT" >after.json
expect_eq "$(python3 -c "
import json
print(json.load(open('link.json'))['expected'] == json.load(open('after.json'))['linkage_quality'])
")" "True" "the figures are the latest link run's"

expect_exit 2 U estimate --linkage-draws 0
expect_one_line_error
expect_exit 2 U estimate --linkage-draws 100000
expect_one_line_error
finish
