// End to end: the release build loads under its strict CSP, navigates, and stays on its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

test('the app loads with no console error and no request off its origin', async () => {
  const { page, context, problems, foreignRequests, sameOriginRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await page.getByRole('heading', { level: 1, name: 'Create your vault' }).waitFor();
  await page.waitForLoadState('networkidle');

  assert.equal(await page.title(), 'Folio');
  assert.ok(await page.getByRole('banner').getByText('Folio').isVisible());
  assert.match(await page.getByRole('contentinfo').innerText(), /stays in this browser/);
  assert.ok(sameOriginRequests().some((u) => u.endsWith('.wasm')), 'the wasm was requested from the origin');
  assert.deepEqual(foreignRequests(), []);
  assert.deepEqual(problems(), []);
  await screenshot(page, 'create-vault');
  await context.close();
});

test('the Content-Security-Policy is strict and the loader is pinned by hash', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "'wasm-unsafe-eval'",
  ]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
  }
  assert.ok(!csp.includes('unsafe-inline'), 'no unsafe-inline');
  assert.ok(!/'unsafe-eval'/.test(csp), 'no unsafe-eval');
  assert.ok(!csp.includes('TRUNK_LOADER'), 'the loader hash placeholder was replaced');
  assert.match(csp, /'sha256-[A-Za-z0-9+/]{43}='/);
  assert.equal(await page.locator('meta[name="referrer"]').getAttribute('content'), 'no-referrer');
  // Trunk's subresource-integrity hashes stay on for the script, the wasm and the stylesheet.
  const integrity = await page.locator('link[integrity]').evaluateAll((links) => links.map((l) => l.getAttribute('integrity')));
  assert.ok(integrity.length >= 3, `integrity on ${integrity.length} links`);
  assert.ok(integrity.every((v) => v.startsWith('sha384-')));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('navigation reaches About this vault, which reads the real storage APIs', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await screenshot(page, 'home');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About this vault' }).click();
  await page.getByRole('heading', { level: 1, name: 'About this vault' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/about');
  await page.waitForFunction(() => !document.body.innerText.includes('Asking the browser'));
  assert.match(await page.getByTestId('persisted').innerText(), /^(Yes|No)\./);
  assert.match(
    await page.getByTestId('usage').innerText(),
    /^\d+(\.\d)? (B|kB|MB|GB) used of \d+(\.\d)? (kB|MB|GB|TB) available \(\d+\.\d %\)$/,
  );
  assert.match(await page.getByTestId('encryption').innerText(), /Argon2id, 64 MiB memory, 3 iterations, 4 lanes/);
  assert.match(await page.getByTestId('audit').innerText(), /^1 event; the hash chain verifies\.$/);
  // The link of the current page is marked for assistive technology.
  assert.equal(
    await page.getByRole('link', { name: 'About this vault' }).first().getAttribute('aria-current'),
    'page',
  );
  await screenshot(page, 'about');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.deepEqual(foreignRequests(), []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a deep link opens its page once the vault is open, and an unknown address says so', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url + 'about');
  await createVault(page);
  await page.getByRole('heading', { level: 1, name: 'About this vault' }).waitFor();
  await page.goto(site.url + 'no/such/page');
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.deepEqual(problems(), []);
  await context.close();
});
