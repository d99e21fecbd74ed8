#!/usr/bin/env bash
# Builds the release app and serves it on 127.0.0.1 (installing the build tools first if missing).
# Usage: ./serve.sh [PORT]   (default 8080; 0 picks a free port)
set -euo pipefail
source "$(dirname "$0")/.ci/tools.sh"
ensure_build_tools
build_release
node "$FOLIO_ROOT/.ci/size.mjs" "$FOLIO_ROOT/dist"
exec python3 "$FOLIO_ROOT/.ci/static_server.py" --dir "$FOLIO_ROOT/dist" --port "${1:-8080}"
