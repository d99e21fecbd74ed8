// End to end: Folio installs, opens and unlocks with the network cut, and offers a new release.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, screenshot, createVault, unlock, root } from './harness.mjs';

// A copy of the release, so a test can publish a "new release" without touching dist/.
let copy;
before(() => {
  copy = mkdtempSync(join(tmpdir(), 'folio-site-'));
  cpSync(join(root, 'dist'), copy, { recursive: true });
});
const site = useSiteAndBrowser({ before, after }, () => copy);
after(() => rmSync(copy, { recursive: true, force: true }));

async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('the manifest is served, valid, and the app is installable', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const response = await page.request.get(site.url + 'manifest.webmanifest');
  assert.equal(response.status(), 200);
  const manifest = await response.json();
  assert.equal(manifest.name, 'Folio — private CRM');
  assert.equal(manifest.short_name, 'Folio');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, `a ${size} PNG icon`);
    const img = await page.request.get(new URL(icon.src, site.url).href);
    assert.equal(img.status(), 200);
    assert.equal(img.headers()['content-type'], 'image/png');
  }
  // Chromium's own verdict on the manifest and on installability.
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito-like, where Chromium never installs; nothing else may be wrong.
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('with the network cut, a returning user opens and unlocks Folio', async () => {
  const { page, context } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Offline Olga');
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByText('Your details were saved.').waitFor();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await unlock(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Offline Olga');
  // A deep link works offline too.
  await page.goto(site.url + 'about');
  await unlock(page);
  await page.getByRole('heading', { level: 1, name: 'About this vault' }).waitFor();
  await screenshot(page, 'offline-about');
  await context.setOffline(false);
  await context.close();
});

test('a new release is offered instead of swapped in', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await waitForServiceWorker(page);
  assert.equal(await page.getByText('A new version of Folio is ready').count(), 0);

  // Publish a new release: the service worker's version changes.
  const swPath = join(copy, 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  writeFileSync(swPath, original.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Folio is ready' });
    await banner.waitFor({ timeout: 30_000 });
    // Still unlocked: nothing was swapped under the open vault.
    assert.ok(await page.getByRole('button', { name: 'Lock' }).isVisible());
    await screenshot(page, 'update-ready');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor({ timeout: 30_000 });
    const version = await page.evaluate(async () => {
      const keys = await caches.keys();
      return keys.join(',');
    });
    assert.match(version, /-next/);
    assert.equal(await page.getByText('A new version of Folio is ready').count(), 0);
  } finally {
    writeFileSync(swPath, original);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});
