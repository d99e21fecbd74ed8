// End to end: the security headers the build writes to dist/_headers are what the project's
// server sends with every response, the policy pins exactly the page's inline loader, and a page
// of another origin cannot frame Folio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, root } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const dist = join(root, 'dist');

/** The headers dist/_headers asks for on every path (Netlify's format). */
function headersFile() {
  const text = readFileSync(join(dist, '_headers'), 'utf8');
  const lines = text.split('\n');
  assert.equal(lines[0], '/*', 'the headers apply to every path');
  return new Map(
    lines
      .slice(1)
      .filter((l) => /^\s+\S/.test(l))
      .map((l) => {
        const at = l.indexOf(':');
        return [l.slice(0, at).trim().toLowerCase(), l.slice(at + 1).trim()];
      }),
  );
}

function directives(csp) {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test('dist/_headers carries the policy and the hardening headers', () => {
  const wanted = headersFile();
  const csp = directives(wanted.get('content-security-policy') ?? '');
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
  assert.deepEqual(csp.get('default-src'), ["'self'"]);
  assert.deepEqual(csp.get('object-src'), ["'none'"]);
  // 'self', and only the sync servers the build was told of (the test build: this machine).
  const syncOrigins = (process.env.FOLIO_SYNC_ORIGINS ?? '').split(/\s+/).filter(Boolean);
  assert.deepEqual(csp.get('connect-src'), ["'self'", ...syncOrigins]);
  assert.ok(!csp.get('script-src').includes("'unsafe-inline'"), 'no unsafe-inline');
  assert.ok(!csp.get('script-src').includes("'unsafe-eval'"), 'no unsafe-eval');
  assert.equal(wanted.get('x-content-type-options'), 'nosniff');
  assert.equal(wanted.get('referrer-policy'), 'no-referrer');
  assert.match(wanted.get('permissions-policy') ?? '', /camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  assert.equal(wanted.get('cross-origin-opener-policy'), 'same-origin');
});

test("the policy's script hashes are exactly the page's inline scripts", () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  assert.ok(inline.length > 0, 'Trunk injects an inline loader');
  const scriptSrc = directives(headersFile().get('content-security-policy')).get('script-src');
  const pinned = scriptSrc.filter((v) => v.startsWith("'sha256-"));
  assert.deepEqual([...pinned].sort(), [...inline].sort());
  // The page's own meta policy is the same, less what only a header can say.
  const meta = html.match(/<meta content="([^"]*)" http-equiv=Content-Security-Policy>/)?.[1];
  assert.ok(meta, 'the page carries its policy for hosts that send no headers');
  const fromHeader = directives(headersFile().get('content-security-policy'));
  fromHeader.delete('frame-ancestors');
  assert.deepEqual(directives(meta), fromHeader);
});

test('every response from the server carries them, and _headers itself is not served', async () => {
  const wanted = headersFile();
  const wasm = readdirSync(dist).find((f) => f.endsWith('.wasm'));
  for (const path of ['/', '/index.html', '/contacts/some-deep-link', '/sw.js', `/${wasm}`, '/manifest.webmanifest']) {
    const response = await fetch(new URL(path, site.url));
    assert.equal(response.status, 200, path);
    for (const [name, value] of wanted) {
      assert.equal(response.headers.get(name), value, `${name} on ${path}`);
    }
  }
  const hidden = await fetch(new URL('/_headers', site.url));
  assert.equal(hidden.status, 404);
});

/** The status, headers and raw body of a GET (nothing decoded). */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the server compresses what a static host should, wasm included, as the client accepts', async () => {
  const wasm = readdirSync(dist).find((f) => f.endsWith('.wasm'));
  for (const path of [`/${wasm}`, '/index.html', '/sw.js']) {
    const original = readFileSync(join(dist, path === '/' ? 'index.html' : path.slice(1)));
    const br = await rawGet(new URL(path, site.url), { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.ok(brotliDecompressSync(br.body).equals(original), `${path} decodes to the file`);
    assert.ok(br.body.length < original.length, `${path} is smaller`);
    const gzip = await rawGet(new URL(path, site.url), { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip', path);
    assert.ok(gunzipSync(gzip.body).equals(original));
    const plain = await rawGet(new URL(path, site.url), { 'accept-encoding': 'identity' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(original));
  }
  const wasmType = await rawGet(new URL(`/${wasm}`, site.url), { 'accept-encoding': 'br' });
  assert.equal(wasmType.headers['content-type'], 'application/wasm');
});

test('a page of another origin cannot frame Folio', async () => {
  // The framing page is served from another port, so another origin.
  const framer = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!doctype html><title>framer</title><iframe id="f" src="${site.url}"></iframe>`);
  });
  await new Promise((resolve) => framer.listen(0, '127.0.0.1', resolve));
  try {
    const { page, context } = await openPage(site.browser, site.url);
    const refused = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    await page.goto(`http://127.0.0.1:${framer.address().port}/`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(frame, 'the iframe exists');
    // Chromium replaces a refused frame with its error page: Folio's page never loads in it.
    assert.equal(frame.url().startsWith(site.url), false, `the frame shows ${frame.url()}`);
    const title = await frame.title().catch(() => '');
    assert.notEqual(title, 'Folio');
    assert.ok(refused.length > 0, 'Chromium says the frame-ancestors directive refused it');
    await context.close();
  } finally {
    framer.close();
  }
});
