// End to end: the guided erasure (Art. 17). A client with an invoice that must be kept and an
// erasure request: the erasure page says what goes and what stays, why and until when; after the
// typed confirmation only the invoice particulars stay, restricted; the request is closed; the
// history keeps no erased value; a second person without a hold goes entirely.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, dumpIndexedDb, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

async function newContact(page, given, family, email, notes) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('IČO').fill('27074358');
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
}

test('erase a person with an invoice hold, and one without', async () => {
  const { page, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // Jana: a call, a deal with an invoice (kept to the end of 2036), and an erasure request.
  await newContact(page, 'Jana', 'Dvořáková', 'jana@dvorakova.cz', 'Prefers calls after 5 pm');
  await page.getByRole('button', { name: 'Log an activity' }).click();
  await page.getByLabel('Subject').fill('Call about the audit');
  await page.getByRole('button', { name: 'Add activity' }).click();
  await page.locator('.timeline-item', { hasText: 'Call about the audit' }).waitFor();
  await page.getByRole('link', { name: 'New deal' }).click();
  await page.getByLabel('Title').fill('Audit 2026');
  await page.getByLabel('Value').fill('12100');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit 2026' }).waitFor();
  await page.getByRole('button', { name: 'Add document' }).click();
  await page.getByLabel('Number').fill('FV-2026-042');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-15');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('document').waitFor();
  await page.getByRole('link', { name: 'Jana Dvořáková' }).first().click();
  await page.getByRole('link', { name: 'New request' }).click();
  await page.getByLabel('Right').selectOption('erasure');
  await page.getByLabel('What was asked').fill('E-mail: please forget me');
  await page.getByRole('button', { name: 'Register request' }).click();
  const request = page.getByTestId('request');
  await request.waitFor();

  // The register leads to the guided erasure, which shows the plan before anything changes.
  await request.getByRole('link', { name: 'Erase (Art. 17)…' }).click();
  await page.getByRole('heading', { level: 1, name: 'Erase this person (Art. 17)' }).waitFor();
  const deleted = await page.getByTestId('erase-deleted').innerText();
  assert.match(deleted, /E-mails, phones, role, tags, preferences and notes/);
  assert.match(deleted, /1 activity/);
  assert.match(deleted, /the person's name on 1 deal or document/);
  const kept = await page.getByTestId('erase-kept').innerText();
  assert.match(kept, /Invoice FV-2026-042: keep until 31 Dec 2036 — a legal obligation to keep it \(Art\. 17\(3\)\(b\)/);
  await page.getByText('Kept of the contact (what the documents must state): name, organisation, IČO, DIČ, address.', { exact: false }).waitFor();
  const erase = page.getByRole('button', { name: 'Erase', exact: true });
  assert.ok(await erase.isDisabled(), 'nothing happens before the typed confirmation');
  await page.getByLabel('Type ERASE to confirm').fill('eras');
  assert.ok(await erase.isDisabled());
  await screenshot(page, 'erase-plan');
  assert.deepEqual(await seriousViolations(page), [], 'the erasure page');
  await page.getByLabel('Type ERASE to confirm').fill('erase');
  await erase.click();
  assert.match(await page.getByTestId('erase-done').innerText(), /Erased\. What must be kept stays, restricted, until 31 Dec 2036\./);

  // What stayed: the name and IČO, restricted; the invoice still names her; no e-mail, notes or call.
  await page.getByRole('link', { name: 'Back to contacts' }).first().click();
  await page.getByRole('link', { name: 'Jana Dvořáková' }).click();
  await page.getByRole('heading', { level: 1, name: 'Jana Dvořáková' }).waitFor();
  assert.match(await page.getByTestId('erased-notice').innerText(), /Erased \(Art\. 17\) on .*Only what the documents must state is kept; processing is restricted \(Art\. 18\)\./);
  assert.match(await page.getByTestId('retention-hold').innerText(), /Invoice FV-2026-042 — keep until 31 Dec 2036/);
  const body = await page.locator('main').innerText();
  assert.match(body, /27074358/);
  for (const gone of ['jana@dvorakova.cz', 'Prefers calls after 5 pm', 'Call about the audit']) {
    assert.doesNotMatch(body, new RegExp(gone), `${gone} is gone from the contact page and its history`);
  }
  assert.match(await page.locator('section[aria-labelledby="history-heading"]').innerText(), /erased/);
  // Nothing new can be recorded about her: no activity, follow-up or consent forms.
  for (const name of ['Add activity', 'Add follow-up', 'New deal']) {
    assert.equal(await page.getByRole('button', { name }).or(page.getByRole('link', { name })).count(), 0, name);
  }
  await screenshot(page, 'erased-contact');

  // The register: the request is closed as done, with what was erased and what was kept.
  await nav(page, 'Requests');
  const done = await page.getByTestId('request').innerText();
  // Under a reference, not her name (what the invoice keeps is on the restricted contact).
  assert.match(done, /Erasure \(Art\. 17\) · Erased person \([0-9a-f]{8}\)/);
  assert.doesNotMatch(done, /Dvořáková/);
  assert.match(done, /· done/);
  assert.match(done, /Kept until 31 Dec 2036 for Invoice FV-2026-042 \(Art\. 17\(3\)\(b\)\), processing restricted \(Art\. 18\)/);

  // The whole audit log still verifies and holds none of the erased values.
  await nav(page, 'About this vault');
  await page.getByText(/events; the hash chain verifies\./).waitFor();

  // Petr has no document: everything about him goes, and the register keeps only a reference.
  await newContact(page, 'Petr', 'Černý', 'petr@cerny.cz', 'Met at the fair');
  await page.getByRole('link', { name: 'Erase (Art. 17)…' }).click();
  assert.match(await page.getByTestId('erase-kept').innerText(), /No document has to be kept: the contact itself is deleted too\./);
  assert.match(await page.getByTestId('erase-deleted').innerText(), /The contact with all its details/);
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await page.getByRole('button', { name: 'Erase', exact: true }).click();
  assert.equal(await page.getByTestId('erase-done').innerText(), 'Erased.');
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Jana Dvořáková' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Petr Černý' }).count(), 0);
  await nav(page, 'Requests');
  assert.match(await page.locator('main').innerText(), /Erased person \([0-9a-f]{8}\)/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Petr|Černý/);

  // Once no document holds Jana any more (here: the invoice reference deleted, as its expiry
  // would), the Agenda offers to finish her erasure, and finishing it deletes the rest.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Jana Dvořáková' }).click();
  await page.getByTestId('document').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByTestId('retention-hold').waitFor({ state: 'detached' });
  await nav(page, 'Agenda');
  const finish = page.locator('section[aria-labelledby="agenda-erasure"]');
  assert.match(await finish.innerText(), /Finish erasure[\s\S]*Jana Dvořáková/);
  await screenshot(page, 'agenda-finish-erasure');
  assert.deepEqual(await seriousViolations(page), [], 'the Agenda with an erasure to finish');
  await finish.getByRole('link', { name: 'Finish erasure' }).click();
  assert.match(await page.getByTestId('erase-kept').innerText(), /No document has to be kept/);
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await page.getByRole('button', { name: 'Erase', exact: true }).click();
  assert.equal(await page.getByTestId('erase-done').innerText(), 'Erased.');
  await nav(page, 'Contacts');
  assert.equal(await page.getByRole('link', { name: 'Jana Dvořáková' }).count(), 0);
  await nav(page, 'Agenda');
  assert.equal(await page.locator('section[aria-labelledby="agenda-erasure"]').count(), 0);

  // At rest, nothing of either is readable.
  const stored = JSON.stringify(await dumpIndexedDb(page));
  for (const plain of ['Dvořáková', 'Černý', 'jana@dvorakova.cz', 'FV-2026-042']) {
    assert.ok(!stored.includes(plain), `${plain} is not stored in clear`);
  }
  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
});
