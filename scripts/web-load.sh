#!/usr/bin/env bash
# The full load test of the web application: 50 concurrent sessions for 60
# seconds against `uncounted serve` on loopback; appends the latency table
# to LOAD_MARKDOWN when set (figures for docs/benchmarks.md).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export LOAD_SECONDS=${LOAD_SECONDS:-60}
exec "$ROOT/scripts/web-tests.sh"
