// End to end: the interface speaks Czech when chosen (or preferred), and remembers it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, PASSPHRASE } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

test('switching to Czech changes labels and plural forms, and survives a reload', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language of the interface').selectOption('cs');

  await page.getByRole('heading', { level: 1, name: 'Nastavení' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'cs-CZ');
  assert.ok(await page.getByRole('button', { name: 'Zamknout' }).isVisible());
  assert.ok(await page.getByLabel('Jméno', { exact: true }).isVisible());

  // Czech field errors.
  await page.getByLabel('IČO').fill('27082441');
  await page.getByRole('button', { name: 'Uložit údaje' }).click();
  await page.getByText('toto IČO má chybnou kontrolní číslici (překlep?)').waitFor();
  await page.getByText('toto pole je povinné').waitFor();

  // Plural forms: 1 událost, then 2 události.
  await page.getByRole('link', { name: 'O trezoru' }).click();
  assert.equal(await page.getByTestId('audit').innerText(), '1 událost; hashový řetězec souhlasí.');
  await page.getByRole('link', { name: 'Nastavení' }).click();
  await page.getByLabel('Jméno', { exact: true }).fill('Jana Nováková');
  await page.getByLabel('IČO').fill('27082440');
  await page.getByRole('button', { name: 'Uložit údaje' }).click();
  await page.getByText('Vaše údaje jsou uložené.').waitFor();
  await page.getByRole('link', { name: 'O trezoru' }).click();
  assert.equal(await page.getByTestId('audit').innerText(), '2 události; hashový řetězec souhlasí.');
  assert.match(await page.getByTestId('encryption').innerText(), /paměť 64 MiB, 3 iterace, 4 pruhy/);
  await screenshot(page, 'about-cs');

  // Reload: still Czech, from the unlock screen on.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Odemkněte trezor' }).waitFor();
  await page.getByLabel('Heslo', { exact: true }).fill('špatné heslo navíc');
  await page.getByRole('button', { name: 'Odemknout', exact: true }).click();
  await page.getByText('To je špatné heslo. Nic se nezměnilo; zkuste to znovu.').waitFor({ timeout: 30_000 });
  await page.getByLabel('Heslo', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Odemknout', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'O trezoru' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a browser that prefers Czech starts in Czech', async () => {
  const context = await site.browser.newContext({ locale: 'cs-CZ' });
  const page = await context.newPage();
  await page.goto(site.url);
  await page.getByRole('heading', { level: 1, name: 'Vytvořte si trezor' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Vytvořit trezor' }).isVisible());
  await screenshot(page, 'create-vault-cs');
  await context.close();
});
