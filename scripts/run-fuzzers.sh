#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang and runs each for a bounded
# time ($1 seconds, default 20) over its corpus in fuzz/corpus/<target>/.
# Exits non-zero when a fuzzer finds a crash, a leak or a sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
# -O1 with line tables, as OSS-Fuzz builds its targets (less compile time
# than -O2; the fuzz build is a sixth of the CI run), and assertions on.
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" -DCMAKE_C_FLAGS_DEBUG="-g1 -O1" \
  -DUNCOUNTED_FUZZ=ON -DUNCOUNTED_TESTS=OFF -DUNCOUNTED_BENCH=OFF >/dev/null
targets=$(cd fuzz && ls *_fuzz.cpp 2>/dev/null | sed 's/\.cpp$//' || true)
[ -n "$targets" ] || { echo "no fuzz targets"; exit 0; }
cmake --build build-fuzz -j"${JOBS:-2}" --target $targets
# One fuzzer per core at a time (libFuzzer runs one process per target).
fuzz_one() {
  local t=$1 corpus=fuzz/corpus/$1 work
  mkdir -p "$corpus"
  work=$(mktemp -d)
  if ! build-fuzz/fuzz/$t -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$work/" "$work" "$corpus" >"$work/log" 2>&1; then
    echo "FAIL: $t found a problem:"; tail -n 30 "$work/log"; rm -rf "$work"; return 1
  fi
  echo "fuzzed $t for ${seconds}s: $(grep -E "^Done|#[0-9]+.*DONE" "$work/log" | tail -n 1)"
  rm -rf "$work"
}
status=0
pids=()
for t in $targets; do
  fuzz_one "$t" &
  pids+=($!)
  if [ "${#pids[@]}" -ge "${JOBS:-2}" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
