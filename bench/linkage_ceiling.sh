#!/usr/bin/env bash
# What the records allow (docs/linkage.md): the linkage sweep again with the
# lists' blank fields scaled (x0, x0.5, the scenario's own x1), with m
# trained from the truth, and without the purge of large name blocks, on
# realistic (and at 200k extreme) Korean names, several seeds each. One
# Markdown row per run (bench/linkage_sweep_bench.cpp). About 8 minutes on
# the 2-core machine.
#
#   bench/linkage_ceiling.sh [BUILD_DIR] [SEEDS]
set -euo pipefail
build=${1:-build}
seeds=${2:-3}
bench="$build/bench/linkage_sweep_bench"
"$bench" --header
for people in 20000 60000 200000; do
  for blanks in 0 0.5 1; do
    for seed in $(seq 1 "$seeds"); do
      "$bench" --people "$people" --names realistic --seed "$seed" --missingness "$blanks"
    done
  done
done
for seed in $(seq 1 "$seeds"); do
  "$bench" --people 200000 --names realistic --seed "$seed" --oracle
  "$bench" --people 200000 --names realistic --seed "$seed" --max-block-size 100000
  "$bench" --people 200000 --names extreme --seed "$seed" --missingness 0
done
