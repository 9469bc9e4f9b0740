#!/usr/bin/env bash
# A testimony nested 100,000 levels deep (200 KB) crashed `import` with
# SIGSEGV (red-team finding). It is refused: exit 3, one line naming the
# file and line, nothing imported. Settings, scenario and truth files nested
# that deep are refused the same way.
source "$(dirname "$0")/lib.sh"

expect_exit 0 U init
python3 - <<'PY'
deep = "[" * 100000 + "]" * 100000
ok = '{"source":"NGO_A","testimony_id":"T1","consent":{"given":true},"people":[],"events":[]}'
with open("deep.jsonl", "w") as f:
    f.write(ok + "\n")
    f.write('{"source":"NGO_A","testimony_id":"T2","consent":{"given":true},"notes":' + deep + "}\n")
with open("deep.json", "w") as f:
    f.write('{"comparisons":' + deep + "}")
PY
before=$(records_in_store)
expect_exit 3 U import deep.jsonl; expect_one_line_error
expect_contains "$ERR" "deep.jsonl:2" "the error names the line"
expect_contains "$ERR" "nested" "the error says why"
expect_eq "$(records_in_store)" "$before" "nothing imported"
expect_exit 3 "$UNCOUNTED" link --input "$UNCOUNTED_SOURCE_DIR/tests/cli/data/detainees_a.csv" \
  --out links.csv --settings deep.json
expect_one_line_error
expect_exit 3 "$UNCOUNTED" simulate --scenario deep.json --out sim; expect_one_line_error
finish
