#!/usr/bin/env bash
# The encrypted store: creation, passphrase sources, wrong passphrase,
# damaged files. Each failure is one line and a documented exit code.
source "$(dirname "$0")/lib.sh"

# The default key strength: libsodium's moderate limits, 256 MiB and 3 passes.
expect_exit 0 "$UNCOUNTED" --store default.db --passphrase-file pass --json init
expect_contains "$OUT" '"key_strength":"moderate"' "init --json names the default strength"
expect_contains "$(cat default.db.salt)" '"mem_limit": 268435456' "default strength's memory"
expect_contains "$(cat default.db.salt)" '"ops_limit": 3' "default strength's passes"
expect_exit 0 "$UNCOUNTED" --store default.db --passphrase-file pass audit verify
# The other strengths write their limits, and the store opens with them.
expect_exit 0 "$UNCOUNTED" --store light.db --passphrase-file pass init --key-strength interactive
expect_contains "$(cat light.db.salt)" '"mem_limit": 67108864' "interactive strength's memory"
expect_exit 0 "$UNCOUNTED" --store light.db --passphrase-file pass audit verify
expect_exit 0 "$UNCOUNTED" --store heavy.db --passphrase-file pass init --key-strength sensitive
expect_contains "$(cat heavy.db.salt)" '"mem_limit": 1073741824' "sensitive strength's memory"
expect_contains "$(cat heavy.db.salt)" '"ops_limit": 4' "sensitive strength's passes"
expect_exit 2 "$UNCOUNTED" --store odd.db --passphrase-file pass init --key-strength weak
expect_one_line_error
[ -e odd.db ] || [ -e odd.db.salt ] && fail "a refused init left files" || ok

expect_exit 0 U init
[ -f store.db ] && [ -f store.db.salt ] && ok || fail "init did not create store.db and its salt file"
expect_exit 2 U init; expect_one_line_error
expect_contains "$ERR" "already exists" "second init"

# The passphrase from the environment works; none at all is a usage error.
expect_exit 0 env UNCOUNTED_PASSPHRASE='correct horse battery staple' "$UNCOUNTED" --store store.db audit verify
expect_exit 2 env -u UNCOUNTED_PASSPHRASE "$UNCOUNTED" --store store.db audit verify </dev/null; expect_one_line_error

# Wrong passphrase: exit 4, and the store is untouched.
before=$(sha256sum store.db store.db.salt)
printf 'wrong\n' >wrong
expect_exit 4 "$UNCOUNTED" --store store.db --passphrase-file wrong import "$UNCOUNTED_SOURCE_DIR/tests/cli/data/detainees_a.csv"
expect_one_line_error
expect_contains "$ERR" "wrong passphrase" "wrong passphrase message"
expect_eq "$(sha256sum store.db store.db.salt)" "$before" "store unchanged after wrong passphrase"

expect_exit 0 U import "$UNCOUNTED_SOURCE_DIR/tests/cli/data/detainees_a.csv"

# The audit head: an export prints its entry, and a later verify checks
# that the log still holds it; a head removed or cut is caught and writes
# are refused until someone looks and reanchors.
expect_exit 0 U export --format csv --profile partner --out partner.csv
seq_hash=$(grep -o "expect-head [0-9]*:[0-9a-f]*" <<<"$OUT" | cut -d' ' -f2)
[ -n "$seq_hash" ] && ok || fail "export did not print its audit entry: $OUT"
expect_exit 0 U audit verify --expect-head "$seq_hash"
expect_contains "$OUT" "Audit log intact" "verify with the export's entry"
expect_exit 1 U audit verify --expect-head "${seq_hash%%:*}:$(printf '0%.0s' {1..64})"
expect_one_line_error
expect_contains "$ERR" "no longer holds" "a changed entry"
expect_exit 2 U audit verify --expect-head "nonsense"; expect_one_line_error
[ -f store.db.audit ] && ok || fail "no audit head beside the store"
expect_eq "$(stat -c %a store.db.audit store.db.salt | tr '\n' ' ')" "600 600 " "side files are owner-only"
mv store.db.audit head.saved
expect_exit 1 U audit verify; expect_one_line_error
expect_contains "$ERR" "missing" "a missing head"
before=$(sha256sum store.db)
sed 's/,A-0/,B-0/' "$UNCOUNTED_SOURCE_DIR/tests/cli/data/detainees_a.csv" >more.csv
expect_exit 1 U import more.csv; expect_one_line_error
expect_eq "$(sha256sum store.db)" "$before" "no write over a missing head"
expect_exit 0 U audit reanchor
expect_exit 0 U audit verify --expect-head "$seq_hash"
mv head.saved store.db.audit
expect_exit 1 U audit verify; expect_one_line_error
expect_contains "$ERR" "not written by uncounted" "an old head does not name the newer entries"
expect_exit 0 U audit reanchor

# No store, missing key file.
expect_exit 1 "$UNCOUNTED" --store nowhere.db --passphrase-file pass audit verify; expect_one_line_error
cp store.db lonely.db
expect_exit 1 "$UNCOUNTED" --store lonely.db --passphrase-file pass audit verify; expect_one_line_error
expect_contains "$ERR" "key file" "missing key file"

# Truncated store: a clear error, exit 1, no crash.
for size in 0 100 4096 5000; do
  cp store.db trunc.db; cp store.db.salt trunc.db.salt
  truncate -s $size trunc.db
  expect_exit 1 "$UNCOUNTED" --store trunc.db --passphrase-file pass audit verify
  expect_one_line_error
done

# Bit flips in the file: SQLCipher's page HMACs catch them. (The last 12
# bytes of each 4 KiB page are padding that nothing reads or authenticates:
# a flip there changes nothing, so the offsets avoid them.)
len=$(stat -c %s store.db)
for offset in 20 100 1000 4100 9000 $((len / 2)) $((len - 100)); do
  cp store.db flip.db; cp store.db.salt flip.db.salt
  byte=$(od -An -tu1 -j $offset -N1 flip.db | tr -d ' ')
  printf "$(printf '\\%03o' $((byte ^ 4)))" | dd of=flip.db bs=1 seek=$offset conv=notrunc 2>/dev/null
  "$UNCOUNTED" --store flip.db --passphrase-file pass audit verify >/dev/null 2>flip.err
  code=$?
  if [ $code -eq 1 ] || [ $code -eq 4 ]; then ok; else fail "bit flip at $offset: exit $code"; fi
  ERR=$(cat flip.err); expect_one_line_error
done

# A key file whose salt lost a bit says so, instead of "wrong passphrase";
# one that asks key derivation for 8 GiB (checksum and all removed, as an
# old file would be) is refused before deriving anything.
cp store.db kf2.db; cp store.db.audit kf2.db.audit
python3 -c '
import json,sys
j=json.load(open("store.db.salt")); s=j["salt"]; j["salt"]=("1" if s[0]!="1" else "2")+s[1:]
json.dump(j,open("kf2.db.salt","w"))'
expect_exit 1 "$UNCOUNTED" --store kf2.db --passphrase-file pass audit verify; expect_one_line_error
expect_contains "$ERR" "damaged or was altered" "a flipped salt is damage, not a wrong passphrase"
python3 -c '
import json
j=json.load(open("store.db.salt")); del j["checksum"]; j["mem_limit"]=8<<30
json.dump(j,open("kf2.db.salt","w"))'
expect_exit 1 "$UNCOUNTED" --store kf2.db --passphrase-file pass audit verify; expect_one_line_error
expect_contains "$ERR" "impossible limits" "an 8 GiB limit is refused"

# Files the user may not read are a refusal (exit 4), not damage. Root
# reads everything, so the check runs as nobody where setpriv exists.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  mkdir -p locked; cp store.db store.db.salt store.db.audit pass locked/
  chmod 755 locked; chmod 644 locked/pass locked/store.db.salt; chmod 000 locked/store.db
  (cd locked && setpriv --reuid=65534 --regid=65534 --clear-groups "$UNCOUNTED" --store store.db \
    --passphrase-file pass audit verify >../locked.out 2>../locked.err)
  expect_eq "$?" 4 "permission denied exits 4"
  ERR=$(cat locked.err); expect_one_line_error
  expect_contains "$ERR" "permission denied" "permission denied says so"
fi

# Damage in one page of a larger store: one line that names the first
# problem and counts the rest (it used to be 101 lines).
python3 -c '
print("source,record_id,name,sex,birth_year,event,event_date,event_place")
for i in range(3000): print("BIG,B-%d,Kim Name %d,M,1960,arrest,2001,Chongjin" % (i, i))' >big.csv
"$UNCOUNTED" --store big.db --passphrase-file pass init --key-strength interactive >/dev/null 2>&1
"$UNCOUNTED" --store big.db --passphrase-file pass import big.csv >/dev/null 2>&1
python3 -c '
f = open("big.db", "r+b"); f.seek(4096 * 20 + 100); b = f.read(1)
f.seek(4096 * 20 + 100); f.write(bytes([b[0] ^ 4])); f.close()'
expect_exit 1 "$UNCOUNTED" --store big.db --passphrase-file pass audit verify; expect_one_line_error

# A damaged key file is an error, not a crash.
cp store.db kf.db; echo '{"format":"uncounted-key"' >kf.db.salt
expect_exit 1 "$UNCOUNTED" --store kf.db --passphrase-file pass audit verify; expect_one_line_error

finish
