#!/usr/bin/env bash
# The review loop of docs/linkage.md ("Reviewers' decisions"): five rounds
# of 100 decisions taken by the truth at the head of the review queue, with
# the decisions as constraints and calibration (what `uncounted link`
# does) and as constraints alone, at 20,000 and 200,000 people on realistic
# and extreme names. One Markdown row per round
# (bench/review_rounds_bench.cpp). About 6 minutes on the 2-core machine.
#
#   bench/review_rounds.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
bench="$build/bench/review_rounds_bench"
"$bench" --header
for people in 20000 200000; do
  for names in realistic extreme; do
    for as in constraints constraints-only; do
      "$bench" --people "$people" --names "$names" --rounds 5 --per-round 100 --as "$as"
    done
  done
done
