#!/usr/bin/env bash
# What the web application can do, the command line can (issue 16): find a
# person by any spelling, page through the persons found, decide a review
# pair, refuse to overwrite a decision unseen, take one back; every step
# audited. (Accounts: tests/server/user_command_test.sh.)
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"

expect_exit 0 U init
# Two lists that spell one person three ways, and a second person.
cat >a.csv <<'CSV'
source,record_id,name,sex,birth_year,event,event_date,event_place
ORG_A,a1,리철호,M,1962,detention_kwanliso,2009,kwanliso-15
ORG_A,a2,김영희,F,1970,detention_kwanliso,2010,kwanliso-15
CSV
cat >b.csv <<'CSV'
source,record_id,name,sex,birth_year,event,event_date,event_place
ORG_B,b1,Ri Chol Ho,M,1962,detention_kwanliso,2009,kwanliso-15
ORG_B,b2,Lee Cheol-ho,M,1962,detention_kwanliso,2009,kwanliso-15
CSV
expect_exit 0 U import a.csv b.csv
expect_exit 0 U link

for spelling in '리철호' 'Ri Chol Ho' 'Lee Cheol-ho' 'Yi Chul Ho'; do
  expect_exit 0 U --json search "$spelling"
  printf '%s\n' "$OUT" >found.json
  expect_eq "$(python3 -c "
import json
d = json.load(open('found.json'))
ids = sorted(r['record_id'] for p in d['persons'] for r in p['records'] if r['record_id'] in ('a1', 'b1', 'b2'))
print(ids, 'a2' not in [r['record_id'] for p in d['persons'] for r in p['records']])")" "['a1', 'b1', 'b2'] True" \
    "search '$spelling' finds the three records of 리철호 and not 김영희"
done
expect_exit 0 U search 'Ri Chol Ho'
expect_contains "$OUT" "person(s)" "search says how many persons"
expect_contains "$OUT" "ORG_B/b1" "search lists the records"
expect_exit 0 U --json search a2
expect_contains "$OUT" '"record_id":"a2"' "a record id finds its record"
# Paging: one person a page.
expect_exit 0 U --json search '리' --limit 1
printf '%s\n' "$OUT" >page1.json
expect_exit 0 U --json search '리' --limit 1 --offset 1
printf '%s\n' "$OUT" >page2.json
expect_eq "$(python3 -c "
import json
a, b = json.load(open('page1.json')), json.load(open('page2.json'))
print(len(a['persons']), a['total_persons'] == b['total_persons'], a['persons'][0]['person'] != (b['persons'] or [{'person': None}])[0]['person'] if b['persons'] else True)")" "1 True True" \
  "pages hold different persons"
expect_exit 3 U search '   '
expect_one_line_error

# Review: decide, refuse to overwrite unseen, undo, replace.
expect_exit 0 U --json review queue
printf '%s\n' "$OUT" >queue.json
REMAINING=$(python3 -c "import json; print(json.load(open('queue.json'))['remaining'])")
expect_exit 0 U review queue
expect_contains "$OUT" "wait for a decision" "the queue says how many wait"
ID1=$(U --json search a1 | python3 -c "import json,sys; print(json.load(sys.stdin)['persons'][0]['records'][0]['id'])")
ID2=$(U --json search a2 | python3 -c "import json,sys; print(json.load(sys.stdin)['persons'][0]['records'][0]['id'])")
expect_exit 0 U --actor rev1 review decide "$ID1" "$ID2" non_match
expect_contains "$OUT" "Decided" "decide says what it did"
expect_exit 1 U review decide "$ID2" "$ID1" match
expect_one_line_error
expect_contains "$ERR" "already decided (non_match by rev1)" "a second decision is refused unseen"
expect_exit 0 U --json review undo "$ID1" "$ID2"
expect_contains "$OUT" '"undone":"non_match"' "undo says what it took back"
expect_exit 2 U review undo "$ID1" "$ID2"
expect_one_line_error
expect_exit 0 U review decide "$ID1" "$ID2" match
expect_exit 0 U review decide "$ID1" "$ID2" non_match --replace
expect_exit 2 U review decide "$ID1" 999999 match
expect_one_line_error
expect_exit 2 U review decide "$ID1" "$ID2" maybe
expect_exit 0 U --json review queue
expect_contains "$OUT" "\"remaining\":" "queue as JSON"
expect_exit 0 U --json audit list --action decide_undo
expect_contains "$OUT" '"actor":' "undo is audited"
expect_exit 0 U audit verify
finish
