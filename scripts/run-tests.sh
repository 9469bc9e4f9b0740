#!/usr/bin/env bash
# Runs every test once: under AddressSanitizer + UndefinedBehaviorSanitizer
# (clang), except those labelled slow, which run on the release build; then
# the browser tests on the release program and bounded fuzzing. Called by
# `make test` after `make program`; the release build's benchmarks are built
# too, so that they keep compiling. `make test-unit` runs the whole suite on
# the release build. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
status=0

# Each stage says how long it took, so that the run's time can be kept down
# where it goes.
stage_start=$SECONDS
# (if, not &&: under set -e a last test that fails would end the script.)
stage() {
  if [ -n "${stage_name:-}" ]; then echo "-- $stage_name: $((SECONDS - stage_start)) s"; fi
  stage_name=$1
  stage_start=$SECONDS
  if [ -n "$1" ]; then echo "== $1 =="; fi
}

stage "the benchmarks (release build)"
cmake --build build -j"$JOBS" --target benchmarks

stage "the tests labelled slow (release build)"
# Only shell tests carry the label: they need the program, not the release
# build's test binaries (which `make test` does not build).
(cd build && ctest --output-on-failure -j"$JOBS" -L slow) || status=1

stage "building the tests with ASan + UBSan"
# clang: a third less compile time than GCC with the sanitizers on (32 s
# against 21 s for the heaviest file), the largest part of this run. -O1:
# the sanitizers' usual setting, several times faster than -O0. -g1: line
# tables are all a sanitizer report needs. A tree configured with another
# compiler is set up again.
if [ -f build-asan/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' build-asan/CMakeCache.txt; then
  rm -rf build-asan
fi
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" -DCMAKE_C_FLAGS_DEBUG="-g1 -O1" \
  -DUNCOUNTED_SANITIZE=ON -DUNCOUNTED_BENCH=OFF >/dev/null
cmake --build build-asan -j"$JOBS"

stage "the same tests under ASan + UBSan"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UNCOUNTED_SANITIZED=1 \
   ctest --output-on-failure -j"$JOBS" -LE slow) || status=1

if [ -x scripts/web-tests.sh ]; then
  stage "web application in a real browser (Playwright + Debian's Chromium)"
  scripts/web-tests.sh || status=1
fi

stage "fuzzing the parsers (bounded)"
# 15 s a target: eight targets in two minutes, as six took at 20 s.
scripts/run-fuzzers.sh "${FUZZ_SECONDS:-15}" || status=1
stage ""

exit $status
