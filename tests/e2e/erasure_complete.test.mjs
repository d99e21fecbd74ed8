// End to end: an erasure leaves nothing behind, and a "no" lasts (#18). A person with an e-mail,
// a phone, a note and an activity; the activity deleted, a follow-up added and deleted, a mention
// in another client's deal, an objection to a direct-marketing purpose; everything exported (file
// A). Then the person is erased (the erase page, and Delete on their page), kept on the
// do-not-contact list: a full export holds none of their values; merging file A does not bring
// them back, and says so; a contacts file with their e-mail skips that row with the reason; May I
// contact? excludes their address with the reason. The same for a person deleted by a build from
// before the upgrade (a version 2 export that still holds their values in its history).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, screenshot, createVault, artifacts, root, eventually } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

function file(name, content) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, name);
  writeFileSync(path, content);
  return path;
}

/** Export all data (JSON): the file's text, kept under `name` in the artifacts. */
async function exportAll(page, name) {
  await nav(page, 'Data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all data (JSON)' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  return { text, path: file(name, text) };
}

async function newPurpose(page) {
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Newsletter');
  await page.getByLabel('Lawful basis').selectOption('legitimate_interest');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Retention period').fill('3 years after the last contact');
  await page.getByLabel('Direct marketing').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Newsletter' }).waitFor();
}

async function newContact(page, { given, family, email = '', phone = '', notes = '' }) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Phone').fill(phone);
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
}

async function openContact(page, name) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The values of Jana that must be gone after her erasure. */
const JANA = ['Jana', 'Dvořáková', 'jana@dvorakova.cz', '601 234 567', 'Prefers calls after 5 pm',
  'Call about the secret merger', 'Send the merger memo', 'never mail me'];

/** A contacts file with the erased person's e-mail: that row is skipped with the reason. */
async function importContactsWith(page, email) {
  await nav(page, 'Data');
  const csv = file('contacts-after-erasure.csv', `given_name,family_name,emails\r\nSomeone,Else,${email}\r\nOta,Nový,ota@novy.cz\r\n`);
  await page.getByLabel('Contacts file').setInputFiles(csv);
  await page.getByRole('button', { name: 'Import contacts' }).click();
  const outcome = page.getByTestId('contacts-import-outcome');
  await outcome.getByText(/^Imported/).waitFor();
  assert.match(await outcome.innerText(), /^Imported 1, skipped 1: row 2 — on the do-not-contact list: (objected to direct marketing|an erased person's address)/);
}

/** A contact typed with the listed address: the form warns; May I contact? excludes them. */
async function mayContactExcludes(page, email) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Returning');
  await page.getByLabel('Family name').fill('Person');
  await page.getByLabel('E-mail').fill(email);
  await page.getByTestId('do-not-contact-warning').waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Returning Person' }).waitFor();
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'May I contact?' }).click();
  await page.getByLabel('Purpose').selectOption({ label: 'Newsletter' });
  await eventually(async () => assert.match(await page.getByTestId('excluded').innerText(),
    /Returning Person\s+on the do-not-contact list: (objected to direct marketing|an erased person's address)/));
  const eligible = page.getByTestId('eligible');
  if (await eligible.count()) assert.doesNotMatch(await eligible.innerText(), /Returning Person/);
  // Everyone else is answered on their own grounds: a prospect, under the soft opt-in (#21).
  assert.match(await page.getByTestId('excluded').innerText(), /Eva Malá\s+no sale to them: e-mail marketing needs consent/);
}

for (const how of ['Erase', 'Delete']) {
  test(`${how}: nothing of the person is left, an old file does not bring them back, and their "no" lasts`, async () => {
    const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
    await page.goto(site.url);
    await createVault(page);
    await newPurpose(page);

    // Jana: an e-mail, a phone, a note and an activity, deleted; a follow-up, deleted.
    await newContact(page, { given: 'Jana', family: 'Dvořáková', email: 'jana@dvorakova.cz', phone: '+420 601 234 567', notes: 'Prefers calls after 5 pm' });
    await page.getByRole('button', { name: 'Log an activity' }).click();
    await page.getByLabel('Subject').fill('Call about the secret merger');
    await page.getByRole('button', { name: 'Add activity' }).click();
    const call = page.locator('.timeline-item', { hasText: 'Call about the secret merger' });
    await call.waitFor();
    await call.getByRole('button', { name: 'Delete' }).click();
    await call.waitFor({ state: 'detached' });
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Add a follow-up' }).click();
    await page.getByLabel('Follow-up', { exact: true }).fill('Send the merger memo');
    await page.getByLabel('Due date', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Add follow-up' }).click();
    await page.getByRole('button', { name: 'Delete Send the merger memo' }).click();
    await page.getByRole('checkbox', { name: 'Send the merger memo' }).waitFor({ state: 'detached' });
    // She objects to the newsletter (direct marketing): a banner says so.
    await page.getByRole('button', { name: 'Record an objection or restriction' }).click();
    await page.getByLabel('Objection or restriction').selectOption('objection');
    await page.locator('#limit-purpose').selectOption({ label: 'Newsletter' });
    await page.locator('#limit-reason').fill('never mail me');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    assert.match(await page.getByTestId('objection-banner').innerText(), /Objected to: Newsletter\./);

    // Another client's deal mentions her.
    await newContact(page, { given: 'Petr', family: 'Novák', email: 'petr@novak.cz' });
    await page.getByRole('link', { name: 'New deal' }).click();
    await page.getByLabel('Title').fill('Audit for Novák');
    await page.getByLabel('Notes').fill('Referred by Jana Dvořáková');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit for Novák' }).waitFor();
    await newContact(page, { given: 'Eva', family: 'Malá', email: 'eva@mala.cz' });

    const a = await exportAll(page, `erasure-${how}-file-A.json`);
    for (const value of JANA.filter((v) => !/merger/.test(v))) assert.ok(a.text.includes(value), `file A holds ${value}`);

    // The plan names the mention; it is edited in place, then the person is erased.
    await openContact(page, 'Jana Dvořáková');
    if (how === 'Erase') {
      await page.getByRole('link', { name: 'Erase (Art. 17)…' }).click();
      await page.getByTestId('erase-mentions').getByRole('link', { name: 'Deal' }).click();
    } else {
      await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
      const dialog = page.getByRole('alertdialog');
      assert.ok(await dialog.getByRole('button', { name: 'Yes, delete' }).isDisabled(), 'a mention must be dealt with first');
      await dialog.getByTestId('erase-old-copies').waitFor();
      await dialog.getByTestId('erase-mentions').getByRole('link', { name: 'Deal' }).click();
    }
    await page.getByLabel('Notes').fill('Referred by a client');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit for Novák' }).waitFor();
    await openContact(page, 'Jana Dvořáková');
    if (how === 'Erase') {
      await page.getByRole('link', { name: 'Erase (Art. 17)…' }).click();
      assert.ok(await page.getByLabel('Keep on the do-not-contact list').isChecked(), 'on by default');
      await page.getByLabel('Type ERASE to confirm').fill('erase');
      await page.getByRole('button', { name: 'Erase', exact: true }).click();
      await page.getByTestId('erase-done').waitFor();
    } else {
      await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
      const dialog = page.getByRole('alertdialog');
      assert.ok(await dialog.getByLabel('Keep on the do-not-contact list').isChecked(), 'on by default');
      await screenshot(page, 'delete-is-an-erasure');
      await dialog.getByRole('button', { name: 'Yes, delete' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    }

    // A full export now holds none of her values.
    const b = await exportAll(page, `erasure-${how}-after.json`);
    for (const value of JANA) assert.ok(!b.text.includes(value), `${value} is gone from the export`);
    const after = JSON.parse(b.text);
    assert.equal(Object.keys(after.erased_people.data.people).length, 1);
    assert.equal(after.do_not_contact.data.lists.flatMap((l) => l.entries).length, 2);

    // Merging file A back does not bring her back, and says so.
    await page.getByLabel('Folio export or encrypted backup file').setInputFiles(a.path);
    await page.getByText('This vault has data. How should the file come in?').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    assert.match(await page.getByTestId('import-outcome').innerText(), /\d+ records? of erased people (was|were) not restored\./);
    const merged = await exportAll(page, `erasure-${how}-merged.json`);
    for (const value of JANA) assert.ok(!merged.text.includes(value), `${value} did not come back`);

    await importContactsWith(page, 'JANA@dvorakova.cz');
    await mayContactExcludes(page, 'jana@dvorakova.cz');
    await nav(page, 'Settings');
    assert.equal(await page.getByTestId('do-not-contact-count').innerText(), '2 addresses on the list.');

    assert.deepEqual(problems(), []);
    assert.deepEqual(foreignRequests(), []);
    await context.close();
  });
}

test('a person deleted before the upgrade: restored from an old file, they are erased and stay out', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  const old = join(root, 'tests', 'fixtures', 'folio-export-v2-deleted.json');
  assert.ok(readFileSync(old, 'utf8').includes('petr@svoboda.cz'), 'the old file holds him in its history');
  await nav(page, 'Data');
  await page.getByLabel('Folio export or encrypted backup file').setInputFiles(old);
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/Saved\. 1 contact/).waitFor();

  const restored = await exportAll(page, 'erasure-pre-upgrade.json');
  for (const value of ['Svoboda', 'petr@svoboda.cz', '602 123 456', 'Poznámka 6620']) {
    assert.ok(!restored.text.includes(value), `${value} is gone`);
  }
  assert.ok(restored.text.includes('Nováková'), 'the others stay');
  await nav(page, 'Audit log');
  assert.equal(await page.getByTestId('chain').innerText(), 'The hash chain verifies.');

  await newPurpose(page);
  await newContact(page, { given: 'Eva', family: 'Malá', email: 'eva@mala.cz' });
  await importContactsWith(page, 'petr@svoboda.cz');
  await mayContactExcludes(page, 'petr@svoboda.cz');
  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
