#!/usr/bin/env bash
# Nothing identifying in plaintext: import lists with known names, then scan
# every file in the store's folder, byte for byte, for any of them.
source "$(dirname "$0")/lib.sh"
DATA="$UNCOUNTED_SOURCE_DIR/tests/cli/data"
mkdir vault tmp
# Temporary files would land here: scanned too.
export TMPDIR="$WORK/tmp"
S() { "$UNCOUNTED" --store vault/store.db --passphrase-file pass "$@"; }
expect_exit 0 S init
expect_exit 0 S import "$DATA/detainees_a.csv" "$DATA/testimonies.jsonl"
expect_exit 0 S export --format csv --profile partner --out partner.csv
expect_exit 0 S audit verify

needles=("리철호" "Ri Chol Ho" "Kim Yong Suk" "박순희" "Choe Myong Gil" "한송이" "Han Kwang Chol"
         "Han Song I" "revier zone" "South Korean drama" "cosmetics" "증언 내용" "Hoeryong" "무산")
files=$(find vault tmp -type f)
[ -n "$files" ] && ok || fail "no files in the store folder"
for f in $files; do
  for n in "${needles[@]}"; do
    if grep -qaF -- "$n" "$f"; then fail "plaintext '$n' found in $f"; else ok; fi
  done
done
# The partner export drops names too.
for n in "${needles[@]}"; do
  if grep -qaF -- "$n" partner.csv; then
    # Place names of events (not of origin) may stay in a partner export.
    case "$n" in Hoeryong|무산) ok ;; *) fail "partner export contains '$n'" ;; esac
  else ok; fi
done
finish
