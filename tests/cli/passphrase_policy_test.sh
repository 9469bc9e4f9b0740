#!/usr/bin/env bash
# `init` refuses passphrases a stolen laptop would give up (red-team finding:
# one character and three spaces were accepted): exit 2, one line that says
# how to choose one and never echoes it, and no store or key file created.
source "$(dirname "$0")/lib.sh"

for weak in "x" "   " "password123" "aaaaaaaaaaaaaaaa" "abcdefghijklmnop" "1234567890123"; do
  printf '%s\n' "$weak" >weak
  expect_exit 2 "$UNCOUNTED" --store "$WORK/weak.db" --passphrase-file "$WORK/weak" init
  expect_one_line_error
  expect_contains "$ERR" "passphrase" "weak passphrase refused"
  if [ "${#weak}" -ge 4 ]; then expect_not_contains "$ERR" "$weak" "the passphrase is not echoed"; fi
  [ -e weak.db ] || [ -e weak.db.salt ] && fail "a refused init left files" || ok
done
for good in "correct horse battery staple" "북한 인권 기록 보관소 열쇠" "Tr0ub4dor&3-xyz"; do
  printf '%s\n' "$good" >good
  rm -f good.db good.db.salt
  expect_exit 0 "$UNCOUNTED" --store "$WORK/good.db" --passphrase-file "$WORK/good" init
done
finish
