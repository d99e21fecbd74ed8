// End to end: recipients and processors (issue 21, items 4 and 6). A processor linked to a
// purpose shows in the Record of processing, with the legitimate-interest purpose's assessment;
// a contact's data recorded as shared with a recipient, then corrected, gives a
// "Notify <recipient> (Art. 19)" follow-up on the Agenda; the access report lists the recipient.
// Screenshots of the Processors page and the Shared with section at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

async function noSidewaysScroll(page, what) {
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${what}: no sideways scroll at 390 px`);
}

test('processors, the assessment, the Shared with log and its Art. 19 follow-up', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // A legitimate-interest purpose with its assessment.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Client newsletter');
  // The assessment is asked for only under legitimate interest.
  assert.equal(await page.getByLabel('The legitimate interest').count(), 0);
  await page.getByLabel('Lawful basis').selectOption('legitimate_interest');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Retention period').fill('until the client refuses');
  await page.getByLabel('The legitimate interest').fill('Keeping clients informed of tax changes');
  await page.getByLabel('Why processing is necessary').fill('E-mail is the only channel they read');
  await page.getByLabel("Balancing against the person's rights").fill('Clients expect it; one click unsubscribes');
  await page.getByLabel('Safeguards').fill('Unsubscribe link in every message');
  await page.getByLabel('Review date').fill('2030-01-31');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Client newsletter' }).waitFor();

  // A processor linked to it.
  await page.getByRole('link', { name: 'Processors' }).click();
  await heading(page, 'Processors');
  await page.getByText('No processors recorded yet.').waitFor();
  await page.getByRole('link', { name: 'New processor' }).click();
  await page.getByLabel("Processor's name").fill('Ecomail');
  await page.getByLabel('Service').fill('newsletter delivery');
  await page.getByLabel('Location (country)').fill('Czechia');
  await page.getByLabel('Transfers outside the EU/EEA').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#processor-safeguard-error').waitFor();
  await page.getByLabel('Safeguard for the transfer').fill('standard contractual clauses');
  await page.getByLabel('Client newsletter').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Processors');
  const row = page.locator('li', { hasText: 'Ecomail' });
  await row.waitFor();
  assert.match(await row.innerText(), /no agreement recorded/);
  assert.match(await row.innerText(), /outside the EU\/EEA: standard contractual clauses/);
  await screenshot(page, 'recipients-processors-1280');
  await noSidewaysScroll(page, 'Processors');
  await screenshot(page, 'recipients-processors-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The Record of processing shows both.
  await page.getByRole('link', { name: 'Record of processing activities' }).first().click();
  const entry = page.locator('article', { hasText: 'Client newsletter' });
  await entry.waitFor();
  const text = await entry.innerText();
  assert.match(text, /Ecomail/);
  assert.match(text, /Keeping clients informed of tax changes/);
  assert.match(text, /Clients expect it; one click unsubscribes/);
  assert.match(await page.locator('section.page').innerText(), /Register of processors[\s\S]*Ecomail/);

  // A contact whose data was shared with their accountant.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Jana');
  await page.getByLabel('Family name').fill('Dvořáková');
  await page.getByLabel('E-mail').fill('jana@dvorakova.cz');
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Jana Dvořáková');
  const shared = page.locator('section[aria-labelledby="shared-with-heading"]');
  await shared.getByText('Not shared with anyone.').waitFor();
  await page.getByRole('button', { name: 'Record sharing' }).click();
  await page.getByLabel('Recipient').fill('Účetní Nováková');
  await page.getByLabel('Which data').fill('name, invoices 2026');
  await page.getByLabel('Shared on').fill('2026-11-02');
  await page.getByLabel('For which purpose').selectOption({ label: 'Client newsletter' });
  await shared.getByRole('button', { name: 'Record sharing' }).last().click();
  await shared.getByTestId('disclosure').waitFor();
  assert.match(await shared.innerText(), /Účetní Nováková[\s\S]*name, invoices 2026/);
  await shared.screenshot({ path: `${process.cwd()}/tests/e2e/artifacts/recipients-shared-with-1280.png` });
  await noSidewaysScroll(page, 'The contact page');
  await shared.screenshot({ path: `${process.cwd()}/tests/e2e/artifacts/recipients-shared-with-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A correction: the recipient is to be told.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Family name').fill('Dvořáková-Malá');
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Jana Dvořáková-Malá');
  await nav(page, 'Agenda');
  await page.getByText('Notify Účetní Nováková (Art. 19)').first().waitFor();

  // The access report lists the recipient.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Jana Dvořáková-Malá' }).click();
  await page.getByRole('link', { name: 'Access report (Art. 15)' }).click();
  const recipients = page.getByTestId('access-recipients');
  await recipients.waitFor();
  assert.match(await recipients.innerText(), /Účetní Nováková — name, invoices 2026 \(.*\), Client newsletter/);

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
