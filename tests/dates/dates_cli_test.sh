#!/usr/bin/env bash
# End to end: `uncounted dates parse` prints the interval of spec/cli.md and
# refuses what is not a date with exit code 3 and one line.
source "$(dirname "$0")/../cli/lib.sh"

check() {  # check TEXT EARLIEST LATEST PRECISION
  expect_exit 0 "$UNCOUNTED" --json dates parse "$1"
  local got
  got=$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["text"], d["earliest"], d["latest"], d["precision"])')
  expect_eq "$got" "$1 $2 $3 $4" "dates parse '$1'"
}
check "spring 2009" 2009-03-01 2009-05-31 season
check "2009년 3월" 2009-03-01 2009-03-31 month
check "Juche 98" 2009-01-01 2009-12-31 year
check "late 1990s" 1996-01-01 1999-12-31 years
check "2009-03-14" 2009-03-14 2009-03-14 day
check "winter 2009" 2009-12-01 2010-02-28 season

expect_exit 0 "$UNCOUNTED" dates parse "c. 2005"
expect_eq "$OUT" "2004-01-01 .. 2006-12-31 (years)" "readable form"

for bad in "yesterday" "2009-13-45" "Juche 0" "" "🙂"; do
  expect_exit 3 "$UNCOUNTED" --json dates parse "$bad"
  expect_one_line_error
  expect_eq "$OUT" "" "nothing on stdout for '$bad'"
done

echo "$CHECKS checks, $FAILURES failures"
[ "$FAILURES" -eq 0 ]
