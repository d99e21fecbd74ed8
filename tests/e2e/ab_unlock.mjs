// Diagnostic (not run by the tests): two benchmark builds compared in one browser, turn about,
// so that a busy machine slows both alike: key → first list, → writes may start, → trail
// checked, and the memory after loading vault L. Build each with `build_bench` (.ci/tools.sh)
// into its own directory. Usage: node tests/e2e/ab_unlock.mjs --a DIR --b DIR [--runs 5]
import { launchBrowser, startServer, PASSPHRASE } from './harness.mjs';
import { FIRST_ROW_OBSERVER, SCALES, benchPage, call, keyToFirstList, memory, median } from './bench.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '5'));
const builds = ['--a', '--b'].map((flag) => ({ name: flag.slice(2), dist: option(flag) }));
if (builds.some((b) => !b.dist)) throw new Error('usage: --a DIR --b DIR');
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(FIRST_ROW_OBSERVER);
  for (const build of builds) {
    build.server = await startServer(build.dist);
    const page = await benchPage(context, build.server.url);
    await call(page, 'bench_populate', 'folio', PASSPHRASE, JSON.stringify(SCALES.full.L), true);
    await page.close();
    build.samples = { first: [], writable: [], complete: [], memory: [] };
  }
  for (let i = 0; i < runs; i++) {
    for (const build of i % 2 ? [...builds].reverse() : builds) {
      const u = await keyToFirstList(context, build.server.url, 1);
      const m = await memory(u.page);
      build.samples.first.push(u.samples[0]);
      build.samples.writable.push(u.writable[0]);
      build.samples.complete.push(u.complete[0]);
      build.samples.memory.push(m.total_bytes / 1e6);
      console.log(`${build.name} run ${i + 1}: first list ${u.samples[0].toFixed(0)} ms, writes ${u.writable[0].toFixed(0)} ms, trail ${u.complete[0].toFixed(0)} ms, memory ${(m.total_bytes / 1e6).toFixed(1)} MB`);
      await u.page.close();
    }
  }
  for (const b of builds) {
    const s = b.samples;
    console.log(`${b.name} (${b.dist}), medians of ${runs}: key → first list ${median(s.first).toFixed(0)} ms, → writes may start ${median(s.writable).toFixed(0)} ms, → trail checked ${median(s.complete).toFixed(0)} ms, memory ${median(s.memory).toFixed(1)} MB`);
  }
} finally {
  await browser.close();
  for (const b of builds) b.server?.stop();
}
