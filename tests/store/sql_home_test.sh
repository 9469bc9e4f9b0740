#!/usr/bin/env bash
# The store owns every SQL statement and every table (issue 16): no SQL, no
# SQLite call and no statement of the store's outside src/store/.
set -uo pipefail
cd "$UNCOUNTED_SOURCE_DIR/src" || exit 1
status=0
# none_outside PATTERN WHAT: fails, listing them, when lines outside
# src/store/ match PATTERN.
none_outside() {
  local found
  found=$(grep -rnE "$1" --include='*.cpp' --include='*.h' . | grep -v '^\./store/')
  if [ -n "$found" ]; then
    printf 'FAIL: %s outside src/store/:\n%s\n' "$2" "$found" >&2
    status=1
  fi
}
none_outside '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE (TABLE|INDEX)|DROP TABLE|PRAGMA)\b' "SQL"
none_outside '\bsqlite3_|\.prepare\(|\bdb\(\)\.exec\(|store::Statement\b|store::Transaction\b' "statements or SQLite calls"
# The check itself must see SQL where it is.
grep -rqE '"SELECT ' store/ || { echo "FAIL: the check finds no SQL even in src/store/" >&2; status=1; }
[ "$status" -eq 0 ] && echo "SQL only in src/store/"
exit $status
