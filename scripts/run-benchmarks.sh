#!/usr/bin/env bash
# `make bench`: one short pass over every hot path's benchmark (bench/), each
# printing its throughput and peak memory, in a few minutes on the 2-core
# machine. The full runs behind docs/benchmarks.md (a million records, the
# sweeps across scale, the coverage studies) are longer; their commands are
# in docs/benchmarks.md. Exits non-zero when a benchmark fails.
set -euo pipefail
cd "$(dirname "$0")/.."
b=${BUILD:-build}/bench
# The simulator's lists (made-up people) go to a folder removed on exit.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {
  echo "== $* =="
  "$@"
}
run "$b/names_bench" 4000
run "$b/places_dates_bench"
run "$b/simulate_bench" --out "$out" 10000 100000
run "$b/import_bench" 100000
run "$b/link_bench" 100000
run "$b/linkage_sweep_bench" --header --people 20000 --names realistic
run "$b/estimate_loglinear_bench" --quick
run "$b/estimate_lcmcr_bench" --quick
run "$b/estimate_dga_bench" --quick
