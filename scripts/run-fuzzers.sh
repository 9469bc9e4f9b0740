#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang and runs each for a bounded
# time ($1 seconds, default 20) over its corpus in fuzz/corpus/<target>/.
# Exits non-zero when a fuzzer finds a crash, a leak or a sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DUNCOUNTED_FUZZ=ON -DUNCOUNTED_TESTS=OFF -DUNCOUNTED_BENCH=OFF >/dev/null
targets=$(cd fuzz && ls *_fuzz.cpp 2>/dev/null | sed 's/\.cpp$//' || true)
[ -n "$targets" ] || { echo "no fuzz targets"; exit 0; }
cmake --build build-fuzz -j"${JOBS:-2}" --target $targets
status=0
for t in $targets; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus"
  work=$(mktemp -d)
  echo "fuzzing $t for ${seconds}s"
  if ! build-fuzz/fuzz/$t -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$work/" "$work" "$corpus" >"$work/log" 2>&1; then
    echo "FAIL: $t found a problem:"; tail -n 30 "$work/log"; status=1
  else
    grep -E "^Done|#[0-9]+.*DONE" "$work/log" | tail -n 1 || true
  fi
  rm -rf "$work"
done
exit $status
