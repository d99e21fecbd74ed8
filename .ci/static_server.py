#!/usr/bin/env python3
"""Serves Folio's dist/ on 127.0.0.1 the way a static host should: correct MIME types, no caching
of index.html, index.html for any path that is not a file (so deep links like /about work), and
the security headers the build wrote to dist/_headers (the Content-Security-Policy with
frame-ancestors 'none', X-Content-Type-Options, Referrer-Policy, Permissions-Policy).

Usage: static_server.py --dir dist [--port 8080]   (port 0 picks a free one; the URL is printed)
"""
import argparse
import functools
import http.server
import os
import sys


def read_headers(directory):
    """The headers of a _headers file (Netlify's format: a path line, then indented headers)."""
    path = os.path.join(directory, "_headers")
    if not os.path.isfile(path):
        return [("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff")]
    headers = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith((" ", "\t")) and ":" in line:
                name, value = line.strip().split(":", 1)
                headers.append((name.strip(), value.strip()))
    return headers


class Handler(http.server.SimpleHTTPRequestHandler):
    security_headers = []

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
        ".json": "application/json",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.exists(path) and "." not in os.path.basename(path.rstrip("/")):
            self.path = "/index.html"
        if self.path.split("?")[0] == "/_headers":
            self.send_error(404)
            return None
        return super().send_head()

    def end_headers(self):
        if self.path in ("/", "/index.html", "/sw.js") or self.path.endswith(".html"):
            self.send_header("Cache-Control", "no-cache")
        for name, value in self.security_headers:
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("FOLIO_SERVER_QUIET") != "1":
            super().log_message(fmt, *args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        print(f"{args.dir}/index.html not found: build first (trunk build --release)", file=sys.stderr)
        return 1
    Handler.security_headers = read_headers(args.dir)
    handler = functools.partial(Handler, directory=args.dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Folio is served at http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
