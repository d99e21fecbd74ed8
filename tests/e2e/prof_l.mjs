// Diagnostic (not run by the tests): a CPU profile of one unlock of vault L, from the click on
// Unlock until writes may start (and, with --trail, until the trail is checked); prints the
// functions with the most self time. Needs the benchmark build (source .ci/tools.sh;
// build_bench). wasm-opt strips the functions' names, so they print as wasm-function[N]: for
// names, copy the build's pre-opt wasm (target/wasm-bindgen/release/folio_bg.wasm, written by
// the same trunk build) over the dist's and put its sha384 in index.html's integrity attribute.
// Usage: node tests/e2e/prof_l.mjs [--dist target/bench-dist] [--trail] [--top 40]
import { join } from 'node:path';
import { launchBrowser, root, startServer, PASSPHRASE } from './harness.mjs';
import { FIRST_ROW_OBSERVER, SCALES, benchPage, call } from './bench.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = option('--dist', join(root, 'target', 'bench-dist'));
const top = Number(option('--top', '40'));
const server = await startServer(dist);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(FIRST_ROW_OBSERVER);
  const setup = await benchPage(context, server.url);
  await call(setup, 'bench_populate', 'folio', PASSPHRASE, JSON.stringify(SCALES.full.L), true);
  await setup.close();
  const page = await context.newPage();
  await page.goto(server.url + 'contacts');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  const gone = args.includes('--trail') ? '.loading-rest, .loading-trail' : '.loading-rest';
  await page.waitForFunction(() => window.__folioFirstRow !== undefined, null, { timeout: 120_000 });
  await page.waitForFunction((s) => !document.querySelector(s), gone, { polling: 10, timeout: 300_000 });
  const { profile } = await cdp.send('Profiler.stop');
  const marks = await page.evaluate(() => {
    const key = performance.getEntriesByName('folio:key-ready')[0].startTime;
    return { first: window.__folioFirstRow - key, now: performance.now() - key };
  });
  console.log(`first row ${marks.first.toFixed(0)} ms after the key; stopped at ${marks.now.toFixed(0)} ms`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(name, (self.get(name) || 0) + (dt[i] || 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`total sampled ${total.toFixed(0)} ms`);
  for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(9)} ms  ${name.slice(0, 150)}`);
  }
  await page.close();
} finally {
  await browser.close();
  server.stop();
}
