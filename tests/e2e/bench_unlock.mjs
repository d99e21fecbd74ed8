// Measures unlocking in headless Chromium against the release build: the Argon2id key derivation
// alone, and derivation plus reading and decrypting the vault, for an empty vault.
// Usage (after a release build): node tests/e2e/bench_unlock.mjs [runs]   — prints medians and samples.
import { startServer, launchBrowser, openPage, createVault, unlock } from './harness.mjs';

const runs = Number(process.argv[2] ?? 5);
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, context } = await openPage(browser, server.url);
  await page.goto(server.url);
  await createVault(page);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(server.url + 'about');
    await unlock(page);
    const text = await page.getByTestId('unlock-time').innerText();
    const m = text.match(/^(\d+) ms \(key derivation (\d+) ms, reading and decrypting (\d+) ms\)$/);
    if (!m) throw new Error(`unexpected timing text: ${text}`);
    samples.push({ total: Number(m[1]), kdf: Number(m[2]), load: Number(m[3]) });
  }
  await context.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`Unlock of an empty vault, ${runs} runs in one headless Chromium session (Argon2id m=64 MiB, t=3, p=4):`);
  console.log(`  key derivation alone:            median ${median(samples.map((s) => s.kdf))} ms`);
  console.log(`  derivation + read and decrypt:   median ${median(samples.map((s) => s.total))} ms`);
  console.log(`  samples (ms): ${JSON.stringify(samples)}`);
} finally {
  await browser.close();
  server.stop();
}
