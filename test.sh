#!/usr/bin/env bash
# Runs every Folio test: format and lint (native and wasm32), native unit tests, in-browser
# wasm-bindgen tests in headless Chromium, and end-to-end tests against the release build.
# Installs what is missing first (build tools, Chromium + ChromeDriver, the e2e npm packages).
set -euo pipefail
source "$(dirname "$0")/.ci/tools.sh"
cd "$FOLIO_ROOT"
started=$SECONDS
step() { say "$* (at ${SECONDS}s)"; }

# Browsers leave profile directories in $TMPDIR when killed; keep them inside target/ and
# start each run with none, so repeated runs cannot fill the machine's /tmp.
export TMPDIR="$FOLIO_ROOT/target/test-tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"

ensure_build_tools
ensure_browser
ensure_e2e_deps

step "Format check"
cargo fmt --all -- --check

step "Clippy, native"
cargo clippy --all-targets -- -D warnings

step "Clippy, wasm32 (the shipped app, then with the benchmark's entry points)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown --features bench -- -D warnings

step "Native tests"
cargo test

# --features bench: the scale test writes through the bulk path only that feature compiles.
step "In-browser tests (wasm-bindgen-test in headless Chromium)"
browser_tests=()
for f in tests/browser_*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown --features bench "${browser_tests[@]}"

# The test build may reach a sync server on this machine (the sync end-to-end test's PouchDB
# Server); the shipped default (./serve.sh) keeps connect-src 'self'. See the README's Sync.
export FOLIO_SYNC_ORIGINS="http://127.0.0.1:*"
build_release
node .ci/size.mjs dist
build_bench

step "End-to-end tests and the benchmark smoke run (Playwright + Debian Chromium on 127.0.0.1)"
node --test --test-concurrency=1 tests/e2e/

say "All tests passed in ${SECONDS}s (started at ${started}s)"
