#!/usr/bin/env bash
# A wrong output path must never cost the store (red-team finding: export,
# report and import --rejects wrote over the store or its key file, often
# with exit 0, and the store was lost for good). Every output naming the
# store or one of its side files is refused with exit 2 and one line, the
# store and key file byte for byte as they were; an existing file is kept
# unless --force; a failed write leaves no partial file.
source "$(dirname "$0")/lib.sh"

expect_exit 0 U init
expect_exit 0 U import "$UNCOUNTED_SOURCE_DIR/tests/cli/data/detainees_a.csv"
before=$(sha256sum store.db store.db.salt store.db.audit)
mkdir sub
for target in store.db store.db.salt store.db.audit ./store.db sub/../store.db "$WORK/store.db" store.db-journal; do
  expect_exit 2 U export --out "$target"; expect_one_line_error
  expect_contains "$ERR" "store" "export --out $target refused"
  expect_exit 2 U export --force --out "$target"; expect_one_line_error
  expect_exit 2 U report --out "$target"; expect_one_line_error
  expect_exit 2 U import --skip-invalid --rejects "$target" "$UNCOUNTED_SOURCE_DIR/tests/cli/data/detainees_a.csv"
  expect_one_line_error
  expect_exit 2 "$UNCOUNTED" --store "$WORK/store.db" link --input \
    "$UNCOUNTED_SOURCE_DIR/tests/cli/data/detainees_a.csv" --out "$target"
  expect_one_line_error
done
ln -s store.db alias.db
expect_exit 2 U export --force --out alias.db; expect_one_line_error
expect_eq "$(sha256sum store.db store.db.salt store.db.audit)" "$before" "store and key file untouched"
expect_exit 0 U audit verify

# An existing file is kept unless --force.
printf 'keep me\n' >notes.txt
expect_exit 2 U export --out notes.txt; expect_one_line_error
expect_eq "$(cat notes.txt)" "keep me" "existing file kept"
expect_exit 0 U export --force --out notes.txt
expect_contains "$(head -1 notes.txt)" "source" "--force replaces it"
[ "$(stat -c %a notes.txt)" = 600 ] && ok || fail "export is not owner-only: $(stat -c %a notes.txt)"
ls ./*.tmp-* >/dev/null 2>&1 && fail "a temporary file was left behind" || ok

# A write that fails (the folder is gone) leaves nothing and says so.
expect_exit 1 U export --out missing/dir/out.csv; expect_one_line_error
[ -e missing ] && fail "a failed export created files" || ok

finish
