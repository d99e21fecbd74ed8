#!/usr/bin/env python3
"""Trunk post_build hook: finishes the release in Trunk's staging folder.

1. Pins Trunk's inline loader in the Content-Security-Policy. Trunk injects the app loader as an
   inline <script type="module"> whose text names the hashed .js/.wasm files, so its hash changes
   with every build. The SHA-256 of every inline script replaces 'sha256-TRUNK_LOADER' in the
   policy, which therefore needs no 'unsafe-inline'.
2. Fills the service worker's precache list (every file of the release) and its version (a hash
   of all of them), so a new release is a new sw.js and the browser offers it.
3. Copies the page to 404.html, for static hosts that serve that file for unknown paths.
   FOLIO_SYNC_ORIGINS (build time) adds sync servers' origins to connect-src.
4. Writes _headers (the format Netlify and Cloudflare Pages read): the same Content-Security-Policy
   as a header, with frame-ancestors 'none' (which a <meta> policy cannot say), and the other
   security headers. .ci/static_server.py sends the same file's headers.
5. Writes NAME.br and NAME.gz beside every compressible file (.ci/compress.mjs), last, for hosts
   that serve precompressed files (.ci/static_server.py does). They are not in the precache list:
   the service worker fetches the plain names, which the host answers compressed.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys

PLACEHOLDER = "'sha256-TRUNK_LOADER'"

# Sent with every response, beside the Content-Security-Policy (see the README's Deploying).
SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
     "serial=(), bluetooth=(), interest-cohort=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]


def fail(message: str) -> int:
    print(f"post_build: {message}", file=sys.stderr)
    return 1


def main() -> int:
    stage = os.environ.get("TRUNK_STAGING_DIR")
    if not stage:
        return fail("TRUNK_STAGING_DIR is not set (run me from Trunk)")
    path = os.path.join(stage, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html:
        return fail(f"{PLACEHOLDER} not found in {path}")
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    if not inline:
        return fail("no inline loader script found")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in inline
    )
    html = html.replace(PLACEHOLDER, hashes)
    # Sync servers this build may reach (FOLIO_SYNC_ORIGINS, space-separated origins, a port may
    # be *): added to connect-src, so the default stays 'self' and nothing else is reachable.
    origins = os.environ.get("FOLIO_SYNC_ORIGINS", "").split()
    for origin in origins:
        if not re.fullmatch(r"https?://[A-Za-z0-9.\-]+(:(\d{1,5}|\*))?", origin):
            return fail(f"FOLIO_SYNC_ORIGINS: not an origin: {origin!r}")
    if origins:
        html = html.replace("connect-src 'self'", "connect-src 'self' " + " ".join(origins), 1)
    # The page may be minified: attributes in any order, quotes optional where not needed.
    tag = re.search(r"<meta\b[^>]*http-equiv=[\"']?Content-Security-Policy\b[^>]*>", html, flags=re.I)
    policy = tag and re.search(r"content=(?:\"([^\"]+)\"|'([^']+)')", tag.group(0))
    if not policy:
        return fail("no Content-Security-Policy meta tag in index.html")
    csp = policy.group(1) or policy.group(2)
    headers = [("Content-Security-Policy", csp + "; frame-ancestors 'none'")] + SECURITY_HEADERS
    with open(os.path.join(stage, "_headers"), "w", encoding="utf-8") as f:
        f.write("/*\n" + "".join(f"  {k}: {v}\n" for k, v in headers))
    for name in ("index.html", "404.html"):
        with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
            f.write(html)

    sw_path = os.path.join(stage, "sw.js")
    if not os.path.isfile(sw_path):
        return fail("sw.js is missing from the release")
    files = []
    digest = hashlib.sha256()
    for root, _, names in os.walk(stage):
        for name in sorted(names):
            full = os.path.join(root, name)
            rel = "/" + os.path.relpath(full, stage).replace(os.sep, "/")
            if rel in ("/sw.js", "/404.html", "/_headers") or rel.endswith((".br", ".gz")):
                continue
            files.append(rel)
            with open(full, "rb") as f:
                digest.update(rel.encode() + b"\0" + f.read())
    files.sort()
    version = digest.hexdigest()[:16]
    with open(sw_path, encoding="utf-8") as f:
        sw = f.read()
    if "__FOLIO_PRECACHE__" not in sw or "__FOLIO_VERSION__" not in sw:
        return fail("sw.js has no precache or version placeholder")
    sw = sw.replace("__FOLIO_PRECACHE__", json.dumps(["/"] + files)).replace("__FOLIO_VERSION__", version)
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)
    print(f"post_build: pinned {len(inline)} inline script(s); service worker {version} precaches {len(files) + 1} files")
    compress = os.path.join(os.path.dirname(os.path.abspath(__file__)), "compress.mjs")
    if subprocess.run(["node", compress, stage], check=False).returncode != 0:
        return fail("writing the precompressed .br and .gz files failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
