// The sync row of the benchmark (#22): vault L, unlocked in the benchmark's context, starts
// syncing to PouchDB Server on 127.0.0.1 (its first push), then a fresh browser context joins it
// (the first sync of a new device: every document pulled, opened and stored). Beside it, PouchDB
// itself, in the same browser, replicates the same database into IndexedDB: the same documents,
// the same sizes. Folio's throughput ÷ PouchDB's is the ratio the issue aims at (≥ 0.8).
import { createRequire } from 'node:module';
import { startCouch, couch, USER } from './couch.mjs';
import { PASSPHRASE } from './harness.mjs';

const require = createRequire(import.meta.url);
const LONG = 60 * 60_000;

/** Measures the sync row with the vault in `context`'s IndexedDB, served at `url`. */
export async function measureSync(browser, context, url, log) {
  const server = await startCouch(new URL(url).origin, 'folio-bench-sync');
  try {
    log('Vault L: first push to PouchDB Server on 127.0.0.1…');
    const a = await context.newPage();
    await a.goto(url);
    await a.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await a.getByRole('button', { name: 'Unlock', exact: true }).click();
    await a.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 300_000 });
    await a.waitForFunction(() => !document.querySelector('.loading-rest, .loading-trail'), null, { timeout: 300_000 });
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await a.getByLabel('Server address').fill(server.db);
    await a.getByLabel('User name').fill(USER.name);
    await a.getByLabel('Password', { exact: true }).fill(USER.password);
    let started = performance.now();
    await a.getByRole('button', { name: 'Start syncing' }).click();
    await a.getByText(/Last synced/).waitFor({ timeout: LONG });
    const push_ms = performance.now() - started;
    await a.close();
    const info = (await couch(server.db)).body;

    log(`Vault L: a new device joins (${info.doc_count} documents)…`);
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const b = await fresh.newPage();
    await b.goto(url);
    await b.getByRole('button', { name: 'Join a synced vault' }).click();
    await b.getByLabel('Server address').fill(server.db);
    await b.getByLabel('User name').fill(USER.name);
    await b.getByLabel('Password', { exact: true }).fill(USER.password);
    await b.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    started = performance.now();
    await b.getByRole('button', { name: 'Join a synced vault' }).click();
    await b.getByRole('button', { name: 'Lock' }).waitFor({ timeout: LONG });
    const join_ms = performance.now() - started;
    await fresh.close();

    log('PouchDB replicating the same database in the same browser…');
    // A page of the server's own origin (its welcome answer): PouchDB's requests are then
    // same-origin, and nothing of the app's CSP applies.
    const plain = await browser.newContext();
    const p = await plain.newPage();
    await p.goto(`${server.base}/`);
    await p.addScriptTag({ path: require.resolve('pouchdb/dist/pouchdb.min.js') });
    const pouch = await p.evaluate(async ({ db, user }) => {
      const local = new window.PouchDB('pouch-bench');
      // As Folio asks: Basic authentication, no cookies (the server's CORS allows no credentials).
      const basic = `Basic ${btoa(`${user.name}:${user.password}`)}`;
      const remote = new window.PouchDB(db, {
        fetch: (u, opts) => {
          opts.credentials = 'omit';
          opts.headers.set('Authorization', basic);
          return window.PouchDB.fetch(u, opts);
        },
      });
      const t0 = performance.now();
      const r = await local.replicate.from(remote).catch((e) => {
        throw new Error(`PouchDB: ${e.status ?? ''} ${e.name ?? ''} ${e.message ?? ''} ${e.reason ?? ''}`);
      });
      const ms = performance.now() - t0;
      const docs = (await local.info()).doc_count;
      return { ms, docs, written: r.docs_written, ok: r.ok };
    }, { db: server.db, user: USER });
    await plain.close();
    // The new device added its own trail's first pieces when it joined: PouchDB gets those too.
    const now = (await couch(server.db)).body.doc_count;
    if (!pouch.ok || pouch.docs !== now) {
      throw new Error(`PouchDB replicated ${pouch.docs} of ${now} documents`);
    }
    return { docs: info.doc_count, push_ms, join_ms, pouch_ms: pouch.ms, pouch_docs: pouch.docs };
  } finally {
    server.stop();
  }
}

/**
 * The sync row alone, at `scale` (`node tests/e2e/bench_sync.mjs --scale full --dist target/bench-dist`):
 * vault L written through the app service, then `measureSync`. Prints the row's figures.
 */
async function syncRowAlone() {
  const { join, resolve } = await import('node:path');
  const { SCALES, benchPage, call } = await import('./bench.mjs');
  const { launchBrowser, root, startServer } = await import('./harness.mjs');
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const plan = SCALES[option('--scale', 'full')];
  const server = await startServer(resolve(option('--dist', join(root, 'target', 'bench-dist'))));
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await benchPage(context, server.url);
    console.log(`Vault L: writing ${JSON.stringify(plan.L)} through the app service…`);
    await call(page, 'bench_populate', 'folio', PASSPHRASE, JSON.stringify(plan.L), true);
    await page.close();
    const s = await measureSync(browser, context, server.url, console.log);
    const rate = (docs, ms) => Math.round((docs / ms) * 1000);
    console.log(`first sync of L to a new device: ${s.docs} documents in ${s.join_ms.toFixed(0)} ms (${rate(s.docs, s.join_ms)}/s)`);
    console.log(`PouchDB replicating the same database: ${s.pouch_docs} documents in ${s.pouch_ms.toFixed(0)} ms (${rate(s.pouch_docs, s.pouch_ms)}/s)`);
    console.log(`Folio throughput ÷ PouchDB: ${((s.docs / s.join_ms) / (s.pouch_docs / s.pouch_ms)).toFixed(2)}× (aim ≥ 0.8×)`);
    console.log(`the first push of L: ${s.push_ms.toFixed(0)} ms`);
  } finally {
    await browser.close();
    server.stop();
  }
}

// Not awaited at the top: bench.mjs imports this module, and this one imports bench.mjs.
if (process.argv[1] && process.argv[1].endsWith('bench_sync.mjs')) {
  syncRowAlone().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
