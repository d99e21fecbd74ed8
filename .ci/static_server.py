#!/usr/bin/env python3
"""Serves Folio's dist/ on 127.0.0.1 the way a static host should: correct MIME types, no caching
of index.html, index.html for any path that is not a file (so deep links like /about work), and
the security headers the build wrote to dist/_headers (the Content-Security-Policy with
frame-ancestors 'none', X-Content-Type-Options, Referrer-Policy, Permissions-Policy), and
compressed when the client accepts it, as static hosts do: the build's precompressed NAME.br or
NAME.gz when there is one and it is not older than NAME (.ci/compress.mjs writes them), else gzip
made on the fly for text and wasm.

Usage: static_server.py --dir dist [--port 8080]   (port 0 picks a free one; the URL is printed)
"""
import argparse
import email.utils
import functools
import gzip
import http.server
import io
import os
import sys

# Sent compressed to a client that accepts it (images are compressed already).
COMPRESSIBLE = (".wasm", ".js", ".mjs", ".css", ".html", ".json", ".svg", ".webmanifest")


def accepted_encodings(header):
    """The content codings an Accept-Encoding header accepts (q=0 refuses one)."""
    accepted = set()
    for part in (header or "").split(","):
        name, *params = [p.strip() for p in part.split(";")]
        refused = any(p.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000") for p in params)
        if name and not refused:
            accepted.add(name.lower())
    return accepted


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
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if os.path.isfile(path) and path.endswith(COMPRESSIBLE):
            return self.send_compressed(path)
        return super().send_head()

    def send_compressed(self, path):
        """The file, brotli or gzip when the client accepts it (else as it is), with Vary."""
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        body, encoding = None, None
        for name, suffix in (("br", ".br"), ("gzip", ".gz")):
            # A precompressed file older than its original is stale (the original was replaced
            # after the build, as the offline test does to publish a release): never served.
            if name in accepted and os.path.isfile(path + suffix) and \
                    os.stat(path + suffix).st_mtime_ns >= os.stat(path).st_mtime_ns:
                with open(path + suffix, "rb") as f:
                    body, encoding = f.read(), name
                break
        if body is None:
            with open(path, "rb") as f:
                body = f.read()
            if "gzip" in accepted:
                body, encoding = gzip.compress(body, compresslevel=6, mtime=0), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(os.path.getmtime(path), usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

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
