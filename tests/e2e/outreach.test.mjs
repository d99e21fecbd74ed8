// End to end: "May I contact?" for a newsletter on legitimate interest marked Direct marketing,
// with the audience "customers" (issue 21, item 1). A customer with a won deal whose e-mail was
// collected with the sale and who was offered a refusal is listed; a prospect is excluded by the
// soft opt-in of Act 480/2004 §7; a customer who objected is excluded by the objection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

async function newContact(page, given, family, email) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
}

/// A won deal started from the contact's page, with the soft opt-in's facts recorded.
async function wonSale(page, title) {
  await page.getByRole('link', { name: 'New deal' }).click();
  await page.getByRole('heading', { level: 1, name: 'New deal' }).waitFor();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Won' });
  await page.getByLabel('E-mail collected with this sale').check();
  await page.getByLabel('Refusal offered on').fill('2026-11-02');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

test('a legitimate-interest newsletter reaches only customers under the soft opt-in', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // The purpose: legitimate interest, direct marketing of own similar services, to customers.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Client newsletter');
  await page.getByLabel('Lawful basis').selectOption('legitimate_interest');
  // A new purpose's audience follows its basis: customers, without consent.
  assert.equal(await page.getByLabel('Audience', { exact: true }).inputValue(), 'customers');
  await page.getByLabel('Audience', { exact: true }).selectOption('customers');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Retention period').fill('until the client refuses');
  await page.getByLabel('Direct marketing', { exact: true }).check();
  await page.getByLabel('Own similar products or services').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Client newsletter' }).waitFor();

  // A customer with the soft opt-in; a prospect; a customer who objected.
  await newContact(page, 'Alena', 'Kupcová', 'alena@kupcova.cz');
  await wonSale(page, 'Bookkeeping 2026');
  await newContact(page, 'Pavel', 'Zájemce', 'pavel@zajemce.cz');
  await newContact(page, 'Olga', 'Odmítavá', 'olga@odmitava.cz');
  await wonSale(page, 'Tax return 2026');
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Olga Odmítavá' }).click();
  await page.getByRole('heading', { level: 1, name: 'Olga Odmítavá' }).waitFor();
  await page.getByRole('button', { name: 'Record an objection or restriction' }).click();
  await page.getByLabel('Objection or restriction').selectOption('objection');
  await page.locator('#limit-purpose').selectOption({ label: 'Client newsletter' });
  await page.locator('#limit-reason').fill('no marketing, please');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByTestId('limit-badge').waitFor();

  // May I contact? Exactly Alena; the other two with their reasons.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'May I contact?' }).click();
  await page.getByLabel('Purpose').selectOption({ label: 'Client newsletter' });
  const eligible = page.getByTestId('eligible');
  await eligible.waitFor();
  assert.equal(await eligible.locator('li').count(), 1);
  assert.match(await eligible.innerText(), /^Alena Kupcová\s+alena@kupcova\.cz$/);
  const excluded = page.getByTestId('excluded');
  assert.equal(await excluded.locator('li').count(), 2);
  const reasons = await excluded.innerText();
  assert.match(reasons, /Pavel Zájemce\s+no sale to them: e-mail marketing needs consent \(Act 480\/2004, §7\)/);
  assert.match(reasons, /Olga Odmítavá\s+objected on .*\(no marketing, please\)/);
  await screenshot(page, 'outreach-may-contact');

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
