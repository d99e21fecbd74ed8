// Diagnostic (not part of the benchmark or the tests): memory once vault L is loaded, as the
// benchmark's memory row measures it, without the rest of the benchmark. Needs the benchmark
// build (./bench.sh builds it; or: source .ci/tools.sh; build_bench).
// Usage: node tests/e2e/mem_l.mjs [--dist target/bench-dist] [--runs 3]
import { join } from 'node:path';
import { launchBrowser, root, startServer, PASSPHRASE } from './harness.mjs';
import { FIRST_ROW_OBSERVER, SCALES, benchPage, call, keyToFirstList, memory, median, TYPED_QUERY } from './bench.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = option('--dist', join(root, 'target', 'bench-dist'));
const runs = Number(option('--runs', '3'));
const server = await startServer(dist);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(FIRST_ROW_OBSERVER);
  const page = await benchPage(context, server.url);
  await call(page, 'bench_populate', 'folio', PASSPHRASE, JSON.stringify(SCALES.full.L), true);
  await page.close();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const unlocked = await keyToFirstList(context, server.url, 1);
    const app = unlocked.page;
    // As the benchmark does before its memory row: a search typed, then cleared.
    await app.evaluate(async (typed) => {
      const input = document.getElementById('search');
      for (let end = 1; end <= typed.length; end++) {
        input.value = typed.slice(0, end);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, TYPED_QUERY);
    const m = await memory(app);
    samples.push(m);
    console.log(`run ${i + 1}: wasm ${(m.wasm_bytes / 1e6).toFixed(1)} MB + JS heap ${(m.js_heap_used_bytes / 1e6).toFixed(1)} MB = ${(m.total_bytes / 1e6).toFixed(1)} MB (Rust heap held ${(m.wasm_heap_live_bytes / 1e6).toFixed(1)} MB, at most ${(m.wasm_heap_peak_bytes / 1e6).toFixed(1)} MB); writes may start ${unlocked.writable[0].toFixed(0)} ms, trail checked ${unlocked.complete[0].toFixed(0)} ms`);
    await app.close();
  }
  const mb = (xs) => (median(xs) / 1e6).toFixed(1);
  console.log(`memory after loading L, median of ${runs}: ${mb(samples.map((s) => s.total_bytes))} MB (wasm ${mb(samples.map((s) => s.wasm_bytes))} MB + JS heap ${mb(samples.map((s) => s.js_heap_used_bytes))} MB)`);
} finally {
  await browser.close();
  server.stop();
}
