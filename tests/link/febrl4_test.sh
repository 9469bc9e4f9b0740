#!/bin/bash
# End to end: `uncounted evaluate` links Febrl 4 (5,000 x 5,000, one true
# partner each) through docs/settings/febrl.json, with no conversion step,
# and must reach pairwise F1 >= 0.999 at the default threshold. Also checks
# the links file: one row per input record.
set -euo pipefail
F="$UNCOUNTED_SHARED_DIR/data/linkage/febrl"
S="$UNCOUNTED_SOURCE_DIR/docs/settings/febrl.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$UNCOUNTED" --json link --input "$F/dataset4a.csv" "$F/dataset4b.csv" --settings "$S" \
  --out "$tmp/links.csv" --pairs-out "$tmp/pairs.csv" --save-settings "$tmp/model.json" \
  --explain "dataset4a:rec-1070-org,dataset4b:rec-1070-dup-0" > "$tmp/summary.json"
"$UNCOUNTED" --json evaluate --input "$F/dataset4a.csv" "$F/dataset4b.csv" --settings "$S" \
  --truth-column rec_id --links "$tmp/links.csv" --pairs "$tmp/pairs.csv" > "$tmp/accuracy.json"

python3 - "$tmp" <<'PY'
import csv, json, sys
tmp = sys.argv[1]
summary = json.load(open(f"{tmp}/summary.json"))
acc = json.load(open(f"{tmp}/accuracy.json"))["accuracy"]
rows = list(csv.DictReader(open(f"{tmp}/links.csv")))
assert len(rows) == 10000, len(rows)
assert rows[0].keys() == {"source", "record_id", "entity_id", "match_probability"}
assert summary["records"] == 10000
assert summary["candidate_pairs"] < 100000, summary["candidate_pairs"]  # blocking, not 25 M pairs
f1 = acc["pairwise"]["f1"]
print("febrl4 pairwise P %.5f R %.5f F1 %.5f" % (acc["pairwise"]["precision"], acc["pairwise"]["recall"], f1))
assert f1 >= 0.999, f1
# The waterfall sums to the match weight.
w = summary["explanations"][0]
assert abs(w["waterfall"][-1]["cumulative"] - w["match_weight"]) < 1e-9
assert w["waterfall"][0]["term"] == "prior"
model = json.load(open(f"{tmp}/model.json"))
assert model["trained"] is True and all("m" in c and "u" in c for c in model["comparisons"])
PY

# The saved model links again without training, to the same entities.
"$UNCOUNTED" link --input "$F/dataset4a.csv" "$F/dataset4b.csv" --settings "$tmp/model.json" \
  --out "$tmp/links2.csv" > /dev/null
cmp "$tmp/links.csv" "$tmp/links2.csv"
echo "ok"
