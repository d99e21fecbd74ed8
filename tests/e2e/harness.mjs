// Shared end-to-end harness: serves dist/ on 127.0.0.1, launches Debian's Chromium through
// playwright-core, and records what a test must fail on (console errors, page errors,
// failed requests, and any request that leaves the page's origin).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const artifacts = join(here, 'artifacts');

/** Starts the project's static server (on dist/, or `dir`) on a free port; resolves to { url, stop }. */
export function startServer(dir = join(root, 'dist')) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [join(root, '.ci', 'static_server.py'), '--dir', dir, '--port', '0'], {
      env: { ...process.env, FOLIO_SERVER_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ url: m[0], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`static server exited (${code}): ${out}`)));
  });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a fresh context and page, watching everything a test must fail on.
 * `problems()` lists console errors, uncaught page errors and failed requests;
 * `foreignRequests()` lists every request whose origin is not the app's.
 */
export async function openPage(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const errors = [];
  const foreign = [];
  const sameOrigin = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin === origin) sameOrigin.push(url);
    else foreign.push(url);
  });
  return {
    context,
    page,
    problems: () => [...errors],
    foreignRequests: () => [...foreign],
    sameOriginRequests: () => [...sameOrigin],
  };
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export const PASSPHRASE = 'correct horse battery staple';

/** Creates a vault on the first-visit screen and waits until the app is unlocked. */
export async function createVault(page, passphrase = PASSPHRASE) {
  await page.getByRole('heading', { level: 1, name: 'Create your vault' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
}

/** Unlocks the vault on the unlock screen and waits until the app is unlocked. */
export async function unlock(page, passphrase = PASSPHRASE) {
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
}

/**
 * Every value of every object store of every IndexedDB database of the page's origin, as text:
 * objects as JSON, and byte arrays both decoded as UTF-8 and listed as numbers.
 */
export async function dumpIndexedDb(page) {
  return page.evaluate(async () => {
    const out = [];
    const request = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    for (const { name } of await indexedDB.databases()) {
      const db = await request(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await request(db.transaction(store).objectStore(store).getAll());
        for (const v of values) {
          out.push(`${name}/${store}: ` + JSON.stringify(v, (_, x) => (x instanceof Uint8Array
            ? new TextDecoder('utf-8').decode(x) + ' | ' + Array.from(x).join(',')
            : x)));
        }
      }
      db.close();
    }
    return out;
  });
}

/**
 * Registers before/after hooks that start a server (on dist/, or `dir()`) and a browser for a
 * test file; returns `{ url, browser }` (read them inside tests).
 */
export function useSiteAndBrowser(hooks, dir) {
  const state = {};
  hooks.before(async () => {
    state.server = await startServer(dir?.());
    state.browser = await launchBrowser();
  });
  hooks.after(async () => {
    await state.browser?.close();
    state.server?.stop();
  });
  return {
    get url() {
      return state.server.url;
    },
    get browser() {
      return state.browser;
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (evaluated through DevTools, so the page's CSP needs no exception)
 * and lists its serious and critical violations. */
export async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.ok(results.passes.length + results.incomplete.length + results.violations.length > 10, 'axe-core ran its rules');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Retries an assertion until it holds (a view redraws a moment after an input, scroll or resize). */
export async function eventually(check, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
