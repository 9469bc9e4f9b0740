#!/bin/bash
# End to end on simulated Korean lists (`uncounted simulate`: names in
# Hangul, DPRK romanization, South Korean RR and press spellings of the
# same person): the default model, with its Korean name comparisons,
# romanization-invariant blocking and gazetteer places, must reach F1 >=
# 0.95 against true_id on the linkage it writes (clusters). The same engine with plain Jaro-Winkler on the
# raw name (docs/settings/korean_off.json) is run too and must do worse:
# the Korean comparisons have to earn their place.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
people=300
[ "${UNCOUNTED_SANITIZED:-0}" = 1 ] && people=120

"$UNCOUNTED" simulate --seed 11 --people "$people" --out "$tmp/sim" > /dev/null
lists=("$tmp"/sim/*.csv)
"$UNCOUNTED" --json evaluate --input "${lists[@]}" --truth-column true_id > "$tmp/korean.json"
"$UNCOUNTED" --json evaluate --input "${lists[@]}" --truth-column true_id \
  --settings "$UNCOUNTED_SOURCE_DIR/docs/settings/korean_off.json" > "$tmp/plain.json"

python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
ka = json.load(open(f"{tmp}/korean.json"))["accuracy"]
pa = json.load(open(f"{tmp}/plain.json"))["accuracy"]
for label, a in (("korean", ka), ("plain", pa)):
    c, p = a["clusters"], a["pairwise"]
    print("%-7s clusters P %.4f R %.4f F1 %.4f | scored pairs F1 %.4f"
          % (label, c["precision"], c["recall"], c["f1"], p["f1"]))
k, p = ka["clusters"], pa["clusters"]
assert k["f1"] >= 0.95, k["f1"]
assert k["f1"] > p["f1"], (k["f1"], p["f1"])
PY
echo "ok"
