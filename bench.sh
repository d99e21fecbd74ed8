#!/usr/bin/env bash
# Builds the release app and the benchmark build, then measures Folio in headless Chromium on
# 127.0.0.1: prints a table and writes target/bench/bench-<scale>.json with every sample.
# Usage: ./bench.sh [--scale full|tiny] [--out file.json]   (full takes a few minutes)
set -euo pipefail
source "$(dirname "$0")/.ci/tools.sh"
# The sync row talks to PouchDB Server on loopback: both builds may reach it (as the test build).
export FOLIO_SYNC_ORIGINS="${FOLIO_SYNC_ORIGINS:-http://127.0.0.1:*}"
cd "$FOLIO_ROOT"
ensure_build_tools
ensure_browser
ensure_e2e_deps
ensure_twiggy
build_release
build_bench
build_size_floor
exec node tests/e2e/bench.mjs --dist "$BENCH_DIST" --shipped "$FOLIO_ROOT/dist" \
  --preopt "$FOLIO_ROOT/target/size/shipped-preopt.wasm" \
  --floor "$SIZE_FLOOR_DIST/libraries" --floor-framework "$SIZE_FLOOR_DIST/framework" "$@"
