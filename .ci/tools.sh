# shellcheck shell=bash
# Installs, idempotently and at pinned versions, what building and testing Folio needs.
# Sourced by serve.sh and test.sh; every function is a no-op when its tool is already right.
set -euo pipefail

FOLIO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"          # wasm-opt "version 132"; Trunk.toml pins the same
TWIGGY_VERSION="0.8.0"              # the size breakdown of ./bench.sh
TOOLS_DIR="$FOLIO_ROOT/.tools"      # project-local, git-ignored

export PATH="$HOME/.cargo/bin:$TOOLS_DIR/binaryen/node_modules/.bin:$TOOLS_DIR/twiggy/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen version the build uses, read from Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$FOLIO_ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
    say "Installing Trunk $TRUNK_VERSION (takes a few minutes once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [[ -z "$want" ]]; then
    echo "Cannot read the wasm-bindgen version from Cargo.lock" >&2
    return 1
  fi
  if ! grep -q "wasm_bindgen = \"$want\"" "$FOLIO_ROOT/Trunk.toml"; then
    echo "Trunk.toml's [tools] wasm_bindgen must be \"$want\" (the version in Cargo.lock)" >&2
    return 1
  fi
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]] ||
     [[ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != *"$want"* ]]; then
    say "Installing wasm-bindgen-cli $want"
    # Not --locked: one of its locked dependencies is missing from the registry reachable here.
    cargo install --force wasm-bindgen-cli --version "$want"
  fi
}

ensure_wasm_opt() {
  if [[ "$(wasm-opt --version 2>/dev/null || true)" != *"version ${BINARYEN_VERSION%%.*}"* ]]; then
    say "Installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
    mkdir -p "$TOOLS_DIR/binaryen"
    npm install --prefix "$TOOLS_DIR/binaryen" --no-audit --no-fund --save-exact \
      "binaryen@$BINARYEN_VERSION"
  fi
}

# twiggy lists every function and data segment of a wasm with its size: ./bench.sh groups them
# by crate and by Folio module (.ci/size_breakdown.mjs).
ensure_twiggy() {
  if [[ "$(twiggy --version 2>/dev/null || true)" != *" $TWIGGY_VERSION" ]]; then
    say "Installing twiggy $TWIGGY_VERSION into .tools/ (takes a few minutes once)"
    cargo install --locked twiggy --version "$TWIGGY_VERSION" --root "$TOOLS_DIR/twiggy"
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and ChromeDriver from Debian"
    local sudo=""
    [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
  fi
}

ensure_e2e_deps() {
  # package-lock.json pins playwright-core; it drives the Debian Chromium and never downloads one.
  local dir="$FOLIO_ROOT/tests/e2e"
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.folio-installed-lock" 2>/dev/null; then
    say "Installing the end-to-end test dependencies (npm ci --ignore-scripts)"
    # --ignore-scripts: no package runs code at install; PouchDB Server (the sync test server)
    # then leaves its native leveldown unbuilt, which --in-memory never loads.
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund)
    cp "$dir/package-lock.json" "$dir/node_modules/.folio-installed-lock"
  fi
}

build_release() {
  say "Building the release app (trunk build --release)"
  # erase_components: Leptos type-erases component views, which makes the wasm smaller (measured:
  # 363 -> 333 KiB brotli for wasm + JS at the Contacts stage). Only the shipped build uses it.
  (cd "$FOLIO_ROOT" && RUSTFLAGS="--cfg erase_components" trunk build --release --offline)
  # The same wasm before wasm-opt, which still has its function names: what the size breakdown
  # reads (./bench.sh). Trunk leaves it in target/wasm-bindgen/, where the next build replaces it.
  mkdir -p "$FOLIO_ROOT/target/size"
  cp "$FOLIO_ROOT/target/wasm-bindgen/release/folio_bg.wasm" "$FOLIO_ROOT/target/size/shipped-preopt.wasm"
}

# The benchmark build: the release app plus the `bench` feature's entry points, in
# target/bench-dist (never dist/, which is what ships).
BENCH_DIST="$FOLIO_ROOT/target/bench-dist"
build_bench() {
  say "Building the benchmark app (trunk build --release --features bench)"
  (cd "$FOLIO_ROOT" && RUSTFLAGS="--cfg erase_components" \
    trunk build --release --offline --features bench --dist "$BENCH_DIST")
}

# The size floor beside the shipped size: tests/size-floor, a two-route Leptos app that uses each
# library Folio cannot do without once, built the way Folio is; and the same app with Leptos and
# its router only. Only ./bench.sh builds it (its own target directory, inside target/).
SIZE_FLOOR_DIST="$FOLIO_ROOT/target/size-floor"
build_size_floor() {
  say "Building the size floor (tests/size-floor, trunk build --release)"
  (cd "$FOLIO_ROOT/tests/size-floor" && export CARGO_TARGET_DIR="$FOLIO_ROOT/target/size-floor-build" \
    RUSTFLAGS="--cfg erase_components" &&
    trunk build --release --offline --dist "$SIZE_FLOOR_DIST/libraries" &&
    trunk build --release --offline --no-default-features --dist "$SIZE_FLOOR_DIST/framework")
  # Served compressed like Folio's release (its post-build hook writes the same files).
  node "$FOLIO_ROOT/.ci/compress.mjs" "$SIZE_FLOOR_DIST/libraries"
  node "$FOLIO_ROOT/.ci/compress.mjs" "$SIZE_FLOOR_DIST/framework"
}
