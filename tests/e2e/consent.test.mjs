// End to end: the purposes register, a contact added with consent in the same form, "May I
// contact?" (with the CSV), a confirmed withdrawal that excludes the contact with its reason,
// a consent receipt (page and Kantara JSON), and the Record of processing activities.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSiteAndBrowser, openPage, screenshot, createVault, unlock, dumpIndexedDb } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('a purpose, consent captured with a new contact, may-I-contact, withdrawal and a receipt', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // The register: a purpose that rests on consent.
  await nav(page, 'Consent');
  await page.getByRole('heading', { level: 1, name: 'Consent' }).waitFor();
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByText('No purposes yet.').waitFor();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('this field is required').first().waitFor();
  await page.getByLabel('Name of the purpose').fill('Newsletter');
  await page.getByLabel('Description').fill('A monthly e-mail about tax changes');
  await page.getByLabel('Lawful basis').selectOption('consent');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Categories of data subjects').fill('clients and prospects');
  await page.getByLabel('Retention period').fill('until consent is withdrawn');
  await page.getByLabel('The person can opt out').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Newsletter' }).waitFor();
  await screenshot(page, 'consent-purposes');

  // A new inquiry: the contact and their consent in the same form.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Eva');
  await page.getByLabel('Family name').fill('Malá');
  await page.getByLabel('E-mail').fill('eva@firma.cz');
  await page.getByLabel('Newsletter').check();
  await page.getByLabel('Collection method').selectOption('web_form');
  await page.getByLabel('Privacy notice shown (title or URL)').fill('https://poradna.cz/privacy');
  await page.getByLabel('How it was expressed').fill('ticked the box on the inquiry form');
  await screenshot(page, 'consent-new-contact');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Eva Malá' }).waitFor();
  const consent = page.getByTestId('consent');
  assert.match(await consent.innerText(), /Newsletter: given, until withdrawn/);
  assert.match(await consent.innerText(), /ticked the box on the inquiry form/);

  // A second contact with no consent.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Petr');
  await page.getByLabel('Family name').fill('Novák');
  await page.getByLabel('E-mail').fill('petr@example.com');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Novák' }).waitFor();
  // The panel answers for every purpose, also those without a record.
  assert.match(await page.locator('section[aria-labelledby="consent-heading"]').innerText(), /Newsletter: no answer/);

  // May I contact? Eva yes, Petr no (and why); the list downloads as CSV.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'May I contact?' }).click();
  await page.getByLabel('Purpose').selectOption({ label: 'Newsletter' });
  assert.match(await page.getByTestId('eligible').innerText(), /Eva Malá\s+eva@firma\.cz/);
  assert.match(await page.getByTestId('excluded').innerText(), /Petr Novák\s+no consent recorded/);
  const csv = await download(page, 'Download CSV');
  assert.equal(csv.name, 'may-contact-newsletter.csv');
  assert.equal(csv.text, 'name,email\r\nEva Malá,eva@firma.cz\r\n');
  await screenshot(page, 'consent-may-contact');

  // Withdraw, once confirmed; Eva is then excluded, with the reason.
  await page.getByTestId('eligible').getByRole('link', { name: 'Eva Malá' }).click();
  await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Withdraw consent to Newsletter?' }).getByRole('button', { name: 'Yes, withdraw' }).click();
  await page.getByTestId('consent').getByText(/Newsletter: withdrawn/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Withdraw', exact: true }).count(), 0);
  await screenshot(page, 'consent-contact-panel');
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'May I contact?' }).click();
  await page.getByText('No one, today.').waitFor();
  assert.match(await page.getByTestId('excluded').innerText(), /Eva Malá\s+consent withdrawn on /);
  await nav(page, 'Consent');
  assert.match(await page.locator('section[aria-labelledby="withdrawn-heading"]').innerText(), /Eva Malá\s+Newsletter · withdrawn/);
  await screenshot(page, 'consent-overview');

  // The receipt: a printable page and the Kantara JSON.
  await page.getByRole('link', { name: 'Eva Malá' }).click();
  await page.getByRole('link', { name: 'Receipt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Consent receipt' }).waitFor();
  await page.getByRole('button', { name: 'Print' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /Eva Malá \(eva@firma\.cz\)/);
  assert.match(text, /Consent \(Art\. 6\(1\)\(a\)\)/);
  assert.match(text, /https:\/\/poradna\.cz\/privacy/);
  await screenshot(page, 'consent-receipt');
  const receipt = JSON.parse((await download(page, 'Download JSON')).text);
  assert.equal(receipt.version, 'KI-CR-v1.1.0');
  assert.equal(receipt.piiPrincipalId, 'eva@firma.cz');
  assert.equal(receipt.collectionMethod, 'web_form');
  assert.equal(receipt.services[0].service, 'Newsletter');
  assert.deepEqual(receipt.events.map((e) => e.event), ['given', 'withdrawn']);

  // The Record of processing activities lists the purpose with its Art. 30 fields.
  await page.goto(site.url + 'purposes/record');
  await unlock(page);
  await page.getByRole('heading', { level: 1, name: 'Record of processing activities' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Newsletter' }).waitFor({ timeout: 5000 });
  const record = await page.locator('main').innerText();
  assert.match(record, /Newsletter/);
  assert.match(record, /Categories of personal data\s+name, e-mail/);
  assert.match(record, /Transfers outside the EU\s+none/);
  const json = JSON.parse((await download(page, 'Download JSON')).text);
  assert.equal(json.purposes[0].lawful_basis, 'consent');
  await screenshot(page, 'consent-record-of-processing');

  // After the reload the withdrawal is still there; at rest nothing is readable.
  await page.goto(site.url + 'contacts');
  await unlock(page);
  await page.getByRole('link', { name: 'Eva Malá' }).click();
  await page.getByTestId('consent').getByText(/Newsletter: withdrawn/).waitFor();
  const stored = (await dumpIndexedDb(page)).join('\n');
  for (const secret of ['Newsletter', 'eva@firma.cz', 'poradna.cz', 'ticked the box']) {
    assert.ok(!stored.includes(secret), `${secret} is not stored in plain text`);
  }
  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
