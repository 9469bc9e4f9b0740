#!/usr/bin/env bash
# Numeric options are checked before anything runs: a negative, fractional,
# non-numeric or out-of-range value is one line naming the option, exit code
# 2, and no output file. CLI11 alone would take "-1" for an unsigned seed (as
# 2^64 - 1) and "nan" for a threshold; a huge --iterations used to end in
# std::bad_alloc.
source "$(dirname "$0")/lib.sh"
TABLE=${UNCOUNTED_SHARED_DIR:?}/data/mse/kosovo_4list.csv

refused() {  # refused OPTION COMMAND...: exit 2, one line naming OPTION
  local option=$1; shift
  expect_exit 2 "$@"
  expect_one_line_error
  expect_contains "$ERR" "$option" "the error names $option"
}

for bad in -1 18446744073709551616 1.5 abc ''; do
  refused --seed "$UNCOUNTED" estimate --table "$TABLE" --method lcmcr --seed "$bad"
  refused --seed "$UNCOUNTED" simulate --out sim-bad --people 50 --seed "$bad"
  expect_eq "$(ls sim-bad 2>/dev/null | wc -l)" "0" "a refused simulate writes nothing"
done
# The largest seed is a seed.
expect_exit 0 "$UNCOUNTED" estimate --table "$TABLE" --method lcmcr --seed 18446744073709551615 \
  --iterations 400 --burn-in 100 --chains 1
for bad in 0 -5 1e5 99999999999999999999 1000000000001; do
  refused --iterations "$UNCOUNTED" estimate --table "$TABLE" --method lcmcr --iterations "$bad"
done
refused --burn-in "$UNCOUNTED" estimate --table "$TABLE" --burn-in -1
refused --burn-in "$UNCOUNTED" estimate --table "$TABLE" --burn-in 9223372036854775807
refused --chains "$UNCOUNTED" estimate --table "$TABLE" --chains 0
refused --chains "$UNCOUNTED" estimate --table "$TABLE" --chains 257
refused --classes "$UNCOUNTED" estimate --table "$TABLE" --classes 1001
refused --thinning "$UNCOUNTED" estimate --table "$TABLE" --thinning 0
# Within each limit but too many draws to keep: refused before any sweep.
refused --iterations "$UNCOUNTED" estimate --table "$TABLE" --method lcmcr \
  --iterations 1000000000000 --chains 1
expect_contains "$ERR" "50 million draws" "says why"

expect_exit 0 "$UNCOUNTED" simulate --out sim --people 200
for bad in -1 2 nan inf 0.5x; do
  refused --threshold "$UNCOUNTED" link --input sim/*.csv --out links.csv --threshold "$bad"
done
refused --threads "$UNCOUNTED" link --input sim/*.csv --out links.csv --threads -5
refused --threads "$UNCOUNTED" link --input sim/*.csv --out links.csv --threads 5000
refused --max-pairs "$UNCOUNTED" link --input sim/*.csv --out links.csv --max-pairs -1
refused --max-pairs "$UNCOUNTED" link --input sim/*.csv --out links.csv --max-pairs 0
expect_eq "$(ls links.csv 2>/dev/null | wc -l)" "0" "a refused link writes no links file"
refused --threshold "$UNCOUNTED" evaluate --input sim/*.csv --truth-column true_id \
  --threshold -0.1
refused --threads "$UNCOUNTED" evaluate --input sim/*.csv --truth-column true_id --threads -1
# The ordinary forms still work.
expect_exit 0 "$UNCOUNTED" link --input sim/*.csv --out links.csv --threshold 0.9 --threads 0 \
  --max-pairs 200000000
finish
