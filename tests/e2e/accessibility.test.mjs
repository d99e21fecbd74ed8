// End to end: axe-core finds no serious or critical accessibility violation on each main page,
// in English and in Czech; every control is reachable by keyboard with a visible focus ring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, createVault, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

for (const [lang, locale] of [['English', 'en-GB'], ['Czech', 'cs-CZ']]) {
  test(`axe-core finds nothing serious on the main pages (${lang})`, async () => {
    const context = await site.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const found = { create: await seriousViolations(page) };
    const passphrase = 'correct horse battery staple';
    await page.locator('#passphrase').fill(passphrase);
    await page.locator('#confirm-passphrase').fill('different on purpose');
    await page.locator('form button[type=submit]').click();
    await page.locator('.field-error').first().waitFor();
    found.createWithErrors = await seriousViolations(page);
    await page.locator('#confirm-passphrase').fill(passphrase);
    await page.locator('form button[type=submit]').click();
    await page.locator('.lock-button').waitFor({ timeout: 30_000 });
    for (const path of ['/', '/settings', '/about', '/contacts/new', '/consents', '/purposes', '/purposes/new', '/purposes/record', '/may-contact', '/deals', '/deals/new', '/agenda', '/data', '/requests']) {
      await page.goto(site.url + path.slice(1));
      await page.locator('#passphrase').fill(passphrase);
      await page.locator('form button[type=submit]').click();
      await page.locator('.lock-button').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(200);
      found[path] = await seriousViolations(page);
    }
    await page.locator('.lock-button').click();
    await page.locator('#passphrase').waitFor();
    found.unlock = await seriousViolations(page);
    for (const [where, list] of Object.entries(found)) {
      assert.deepEqual(list, [], `${lang}, ${where}`);
    }
    await context.close();
  });
}

test('the keyboard reaches every control, with a visible focus ring', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  // Start from the top of the document, as after loading the page.
  await page.evaluate(() => {
    document.body.setAttribute('tabindex', '-1');
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const reached = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        key: el.id || el.textContent.trim().slice(0, 30) || el.tagName,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (!info) break;
    assert.ok(info.outline, `focus ring on ${info.key}`);
    reached.push(info.key);
  }
  assert.equal(reached[0], 'Skip to content', 'the skip link comes first');
  for (const id of ['profile-name', 'profile-vat', 'current-passphrase', 'idle-minutes', 'language']) {
    assert.ok(reached.includes(id), `Tab reaches #${id} (reached: ${reached.join(', ')})`);
  }
  for (const label of ['Save details', 'Change passphrase', 'Lock']) {
    assert.ok(reached.includes(label), `Tab reaches ${label} (reached: ${reached.join(', ')})`);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});
