#!/usr/bin/env python3
"""Trunk post_build hook: pin Trunk's inline loader in the Content-Security-Policy.

Trunk injects the app loader as an inline <script type="module"> whose text names the hashed
.js/.wasm files, so its hash changes with every build. This hook computes the SHA-256 of every
inline script in the staged index.html and puts those hashes where index.html says
'sha256-TRUNK_LOADER', so the policy needs no 'unsafe-inline'. It also copies the page to
404.html, so that static hosts which serve 404.html for unknown paths open the app at any route.
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "'sha256-TRUNK_LOADER'"


def main() -> int:
    stage = os.environ.get("TRUNK_STAGING_DIR")
    if not stage:
        print("csp_hook: TRUNK_STAGING_DIR is not set (run me from Trunk)", file=sys.stderr)
        return 1
    path = os.path.join(stage, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html:
        print(f"csp_hook: {PLACEHOLDER} not found in {path}", file=sys.stderr)
        return 1
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    if not inline:
        print("csp_hook: no inline loader script found", file=sys.stderr)
        return 1
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in inline
    )
    html = html.replace(PLACEHOLDER, hashes)
    for name in ("index.html", "404.html"):
        with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
            f.write(html)
    print(f"csp_hook: pinned {len(inline)} inline script(s): {hashes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
