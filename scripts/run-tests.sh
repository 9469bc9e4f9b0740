#!/usr/bin/env bash
# Runs every test: release build, sanitizer build, bounded fuzzing. Called by
# `make test` after `make build`. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
status=0

echo "== unit and end-to-end tests (release build) =="
(cd build && ctest --output-on-failure -j"$JOBS") || status=1

echo "== the same tests under ASan + UBSan =="
# -O1: the sanitizers' usual setting, several times faster than -O0.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DUNCOUNTED_SANITIZE=ON -DUNCOUNTED_BENCH=OFF >/dev/null
cmake --build build-asan -j"$JOBS"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UNCOUNTED_SANITIZED=1 \
   ctest --output-on-failure -j"$JOBS" -LE slow) || status=1

if [ -x scripts/web-tests.sh ]; then
  echo "== web application in a real browser (Playwright + Debian's Chromium) =="
  scripts/web-tests.sh || status=1
fi

echo "== fuzzing the parsers (bounded) =="
# 15 s a target: eight targets in two minutes, as six took at 20 s.
scripts/run-fuzzers.sh "${FUZZ_SECONDS:-15}" || status=1

exit $status
