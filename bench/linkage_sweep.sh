#!/usr/bin/env bash
# The linkage sweep of docs/linkage.md ("Linkage at scale"): population size
# 6k / 20k / 60k / 200k / 1M people on realistic Korean names, several seeds
# each, and at 200k also diverse and extreme names. One Markdown row per run
# (bench/linkage_sweep_bench.cpp). About 20 minutes on the 2-core machine.
#
#   bench/linkage_sweep.sh [BUILD_DIR] [SEEDS]
set -euo pipefail
build=${1:-build}
seeds=${2:-3}
bench="$build/bench/linkage_sweep_bench"
"$bench" --header
for people in 6000 20000 60000 200000; do
  for seed in $(seq 1 "$seeds"); do
    "$bench" --people "$people" --names realistic --seed "$seed"
  done
done
for names in diverse extreme; do
  for seed in $(seq 1 "$seeds"); do
    "$bench" --people 200000 --names "$names" --seed "$seed"
  done
done
"$bench" --people 1000000 --names realistic --seed 1
