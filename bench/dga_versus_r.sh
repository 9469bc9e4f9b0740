#!/usr/bin/env bash
# uncounted's dga against R's (the package's bma.cr) on the same machine:
# the tables of REFERENCE.md section 1.7 at delta 1/16 on dga's own grids.
# Checks that both give the same mean and quantiles (exit 1 if not) and
# prints one Markdown row per table: seconds per call in R, in uncounted on
# every core and on one, and the ratios.
#
#   bench/dga_versus_r.sh [BUILD_DIR] [REPEATS]
#
# Needs Rscript (Debian: r-base-core) and R's dga: the installed package, or
# DGA_R_SOURCE naming a folder with its R functions and C++ (then also
# r-cran-rcpparmadillo); see bench/dga_versus_r.R. About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
repeats=${2:-5}
shared=${UNCOUNTED_SHARED_DIR:-../shared}
r_out=$(Rscript bench/dga_versus_r.R "$shared" "$repeats")
all_out=$("$build/bench/estimate_dga_bench" --reference "$repeats" 0)
one_out=$("$build/bench/estimate_dga_bench" --reference "$repeats" 1)
echo "| table | R, s per call | uncounted, all cores | uncounted, one core | ratio, all cores | ratio, one core | figures (mean, 2.5%, 50%, 97.5%) |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
status=0
while read -r name r_s mean lo med hi; do
  all=$(grep "^$name " <<<"$all_out")
  one=$(grep "^$name " <<<"$one_out")
  read -r _ all_s a_mean a_lo a_med a_hi <<<"$all"
  read -r _ one_s _ _ _ _ <<<"$one"
  if [ "$mean $lo $med $hi" = "$a_mean $a_lo $a_med $a_hi" ]; then
    figures="the same: $mean, $lo, $med, $hi"
  else
    figures="DIFFER: R $mean, $lo, $med, $hi; uncounted $a_mean, $a_lo, $a_med, $a_hi"
    status=1
  fi
  awk -v n="$name" -v r="$r_s" -v a="$all_s" -v o="$one_s" -v f="$figures" \
    'BEGIN { printf "| %s | %.4f | %.4f | %.4f | %.1f | %.1f | %s |\n", n, r, a, o, r / a, r / o, f }'
done <<<"$r_out"
exit $status
