// End to end: the privacy notice and informing people (issue 21, item 3; GDPR Art. 13, 14 and
// 15). Folio writes the notice, it is published as a version named by its SHA-256; a contact
// from a referral gets the Art. 14(3) follow-up on the Agenda, which is done once their
// "Informed on" is recorded with that version; the access report names the source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

test('a referred contact is followed up until informed with a published notice version', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // The notice, written by Folio; publish it.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'Record of processing activities' }).click();
  await page.getByRole('link', { name: 'Privacy notice' }).click();
  await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
  await page.getByLabel('Language of the notice').selectOption('en');
  const text = page.getByTestId('notice-text');
  assert.match(await text.innerText(), /^Privacy notice: how we process your personal data/);
  assert.match(await text.innerText(), /Art\. 21/);
  assert.match(await page.getByTestId('notice-version').innerText(), /not published yet/);
  await page.getByRole('button', { name: 'Publish this version' }).click();
  await page.getByTestId('notice-version').getByText(/Published on/).waitFor();
  const version = (await page.getByTestId('notice-version').locator('code').innerText()).trim();
  assert.match(version, /^[0-9a-f]{12}$/);
  assert.ok(await page.getByRole('button', { name: 'Publish this version' }).isDisabled());
  await page.getByRole('listitem').filter({ hasText: version }).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  await screenshot(page, 'notice-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'notice-1280');
  // The Czech text is another version.
  await page.getByLabel('Language of the notice').selectOption('cs');
  assert.match(await text.innerText(), /^Informace o zpracování osobních údajů/);
  assert.match(await page.getByTestId('notice-version').innerText(), /not published yet/);

  // A contact from a referral: the follow-up to inform them within a month.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Petr');
  await page.getByLabel('Family name').fill('Doporučený');
  await page.getByLabel('Source', { exact: true }).selectOption({ label: 'A referral' });
  await page.getByText(/Folio adds a follow-up to give them the privacy notice within a month/).waitFor();
  await page.getByLabel('Source details').fill('Jana Nováková');
  await page.getByLabel('Source details').scrollIntoViewIfNeeded();
  await screenshot(page, 'notice-contact-form-source');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Doporučený' }).waitFor();
  const details = page.locator('dl.more-details');
  assert.match(await details.innerText(), /Source\s+A referral: Jana Nováková/);
  assert.match(await details.innerText(), /Informed on\s+Not yet informed/);
  await details.scrollIntoViewIfNeeded();
  await screenshot(page, 'notice-contact-details');
  await nav(page, 'Agenda');
  const followUp = page.getByText('Give them the privacy notice (Art. 14): their data did not come from them');
  await followUp.first().waitFor();
  const due = new Date();
  due.setMonth(due.getMonth() + 1);
  const item = page.locator('li.task').filter({ hasText: 'Art. 14' });
  assert.equal(await item.count(), 1);
  assert.equal((await item.locator('time').getAttribute('datetime')).slice(0, 7), due.toISOString().slice(0, 7));

  // Informed, with the published version: the follow-up is done.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Petr Doporučený' }).click();
  await page.getByRole('link', { name: 'Edit' }).first().click();
  await page.getByLabel('Informed on').fill('2026-12-01');
  await page.getByLabel('Notice version').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Doporučený' }).waitFor();
  assert.match(await details.innerText(), new RegExp(`Informed on\\s+1 Dec 2026 \\(version ${version}\\)`));
  await nav(page, 'Agenda');
  await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
  assert.ok(await page.locator('li.task.done').filter({ hasText: 'Art. 14' }).count() === 1, 'the follow-up is done');

  // The access report names the source and the notice given.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Petr Doporučený' }).click();
  await page.getByRole('link', { name: 'Access report (Art. 15)' }).click();
  assert.match(await page.getByTestId('access-source').innerText(), /A referral: Jana Nováková/);
  await page.getByText(`Privacy notice given: 1 Dec 2026 (version ${version})`).waitFor();
  await screenshot(page, 'notice-access-report');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  await screenshot(page, 'notice-access-report-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
