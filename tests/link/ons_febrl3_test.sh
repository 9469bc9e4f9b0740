#!/bin/bash
# End to end on two more labelled sets, through their settings documents:
#  - ONS/ESSnet CIS x PRD (24,613 x 24,750; fastLink: P 0.99986, R 0.94685):
#    the written linkage must reach precision >= 0.9998 and recall >= 0.946;
#  - Febrl 3 deduplication (5,000 records, one source): pairwise F1 of the
#    links >= 0.995 and cluster F1 >= 0.998 (fastLink: 0.9954 and 0.9988).
set -euo pipefail
D="$UNCOUNTED_SHARED_DIR/data/linkage"
S="$UNCOUNTED_SOURCE_DIR/docs/settings"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$UNCOUNTED" --json evaluate --input "$D/ons_essnet/cis.csv" "$D/ons_essnet/prd.csv" \
  --settings "$S/ons.json" --truth-column person_id > "$tmp/ons.json"
"$UNCOUNTED" --json evaluate --input "$D/febrl/dataset3.csv" --settings "$S/febrl_dedupe.json" \
  --truth-column rec_id > "$tmp/febrl3.json"

python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
ons = json.load(open(f"{tmp}/ons.json"))
c = ons["accuracy"]["clusters"]
print("ons clusters P %.5f R %.5f F1 %.5f" % (c["precision"], c["recall"], c["f1"]))
assert ons["linkage"]["records"] == 24613 + 24750
assert c["precision"] >= 0.9998 and c["recall"] >= 0.946, c
f3 = json.load(open(f"{tmp}/febrl3.json"))["accuracy"]
print("febrl3 pairwise F1 %.5f, clusters F1 %.5f" % (f3["pairwise"]["f1"], f3["clusters"]["f1"]))
assert f3["pairwise"]["f1"] >= 0.995 and f3["clusters"]["f1"] >= 0.998, f3
PY
echo "ok"
