#!/usr/bin/env bash
# Three small hand-written lists, one in Hangul and two romanized, as a
# documenter starts: too few records for EM to learn much, so the default
# model must link them on its own (a default that put 0.9 of a match's name
# on "same Hangul" weighed a romanized match as evidence against). And a
# camp written as its county ("Yodok", "요덕") must count in the camp's
# stratum, not the county's (a person was split between the two).
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"

printf 'source,record_id,name,sex,birth_year,event,event_date,event_place\nA,1,리철호,M,1960,detention_kwanliso,2005,Camp 15\nA,2,김영수,M,1955,detention_kwanliso,2006,Camp 15\nA,3,박순희,F,1970,detention_kwanliso,2007,Kwanliso No. 14 Kaechon\n' >a.csv
printf 'source,record_id,name,sex,birth_year,event,event_date,event_place\nB,1,Ri Chol Ho,M,1960,detention_kwanliso,2005,Yodok\nB,2,Pak Sun Hui,F,1970,detention_kwanliso,2007,Kaechon\nB,3,Kim Yong Su,M,1955,detention_kwanliso,2006,요덕\n' >b.csv
printf 'source,record_id,name,sex,birth_year,event,event_date,event_place\nC,1,Lee Cheol-ho,M,1960,detention_kwanliso,2005,Yodok\nC,2,Choe Min,F,1980,detention_kwanliso,2009,Yodok\n' >c.csv

expect_exit 0 "$UNCOUNTED" link --input a.csv b.csv c.csv --out links.csv
persons() {  # the persons of a links or export file, as sorted "src:id src:id" lines
  python3 - "$1" <<'PY'
import collections, csv, sys
g = collections.defaultdict(list)
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    g[r["entity_id"]].append(r["source"] + ":" + r["record_id"])
print("|".join(sorted(" ".join(sorted(v)) for v in g.values())))
PY
}
want="A:1 B:1 C:1|A:2 B:3|A:3 B:2|C:2"
expect_eq "$(persons links.csv)" "$want" "the four persons of three small lists (link --input)"

expect_exit 0 U init
expect_exit 0 U import a.csv b.csv c.csv
expect_exit 0 U link
expect_exit 0 U export --profile full --out store.csv
expect_eq "$(persons store.csv)" "$want" "the same four persons from the store"

U --json estimate --strata event_place --event detention_kwanliso --method loglinear >est.json 2>/dev/null
strata=$(python3 -c "
import json
d = json.load(open('est.json'))
print(' '.join(sorted('%s=%d' % (e['stratum']['event_place'], e['observed'])
                      for e in d['estimates'] + d.get('skipped', []))))")
expect_eq "$strata" "kwanliso-14=1 kwanliso-15=3" "Yodok detentions count in Camp 15 (3 persons), no county stratum"
# A record without a place is no stratum of its own.
printf 'source,record_id,name,sex,birth_year,event,event_date,event_place\nD,1,Han Myong Chol,M,1950,detention_kwanliso,2001,\nD,2,Ri Chol Ho,M,1960,detention_kwanliso,2005,Yodok\n' >d.csv
expect_exit 0 U import d.csv
expect_exit 0 U link
U --json estimate --strata event_place --event detention_kwanliso --method loglinear >est2.json 2>/dev/null
unknown=$(python3 -c "
import json
d = json.load(open('est2.json'))
print(any(e['stratum'].get('event_place') == 'unknown' for e in d['estimates']),
      [s['reason'] if 'reason' in s else s for s in d.get('skipped', []) if s['stratum'].get('event_place') == 'unknown'])")
expect_contains "$unknown" "False" "no estimate for records without a place"
expect_contains "$unknown" "no population of their own" "said why"
finish
