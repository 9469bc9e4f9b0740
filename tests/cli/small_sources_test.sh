#!/usr/bin/env bash
# A source of a few records (two testimonies under a new organization code)
# is no list to estimate with (issue 17 #2): with --min-list-records it is
# left out and the notes say so; named in --lists it is used; by default
# (0) every source is a list, as before. One linkage (--linkage-draws 1):
# the lists are the subject here, and pooling plausible linkages (tested in
# tests/estimate/linkage_draws_cli_test.sh) would fit the five-list model
# search twenty times, minutes under the sanitizers.
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"

expect_exit 0 "$UNCOUNTED" simulate --people 300 --seed 9 --out sim
expect_exit 0 U init
cat >tiny.csv <<'CSV'
source,record_id,name,sex,birth_year,event,event_date,event_place
TINY,t1,김철수,M,1960,detention_kwanliso,2009,kwanliso-15
TINY,t2,리영희,F,1970,detention_kwanliso,2010,kwanliso-15
CSV
expect_exit 0 U import sim/SEOUL_DB.csv sim/TJ_GROUP.csv sim/UN_INQUIRY.csv sim/FAMILY_ASSOC.csv tiny.csv
expect_exit 0 U link
lists_of() { python3 -c "import json,sys; e=json.load(open(sys.argv[1]))['estimates'][0]; print(','.join(e['lists']), any('TINY (2)' in w for w in e['warnings']))" "$1"; }
expect_exit 0 U --json estimate --method loglinear --linkage-draws 1 --min-list-records 50
printf '%s\n' "$OUT" >small.json
expect_eq "$(lists_of small.json)" "FAMILY_ASSOC,SEOUL_DB,TJ_GROUP,UN_INQUIRY True" "the small source is left out, and said to be"
expect_exit 0 U --json estimate --method loglinear --linkage-draws 1
printf '%s\n' "$OUT" >all.json
expect_eq "$(lists_of all.json)" "FAMILY_ASSOC,SEOUL_DB,TINY,TJ_GROUP,UN_INQUIRY False" "by default every source is a list"
expect_exit 0 U --json estimate --method loglinear --linkage-draws 1 --min-list-records 50 --lists SEOUL_DB,TJ_GROUP,TINY
printf '%s\n' "$OUT" >named.json
expect_eq "$(lists_of named.json)" "SEOUL_DB,TJ_GROUP,TINY False" "a source named in --lists is used"
finish
