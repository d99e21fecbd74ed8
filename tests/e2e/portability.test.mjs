// End to end: Export all data (JSON) from one browser profile, checked against the schema the
// site serves; a bad file refused with its path; the export restored into a new vault in a fresh
// profile, where the same contact, deal, invoice hold and audit trail are back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { useSiteAndBrowser, openPage, screenshot, createVault, artifacts, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

test('export, then restore into a new vault in a fresh profile', async () => {
  const first = await openPage(site.browser, site.url);
  const page = first.page;
  await page.goto(site.url);
  await createVault(page);
  await nav(page, 'Data');
  await page.getByTestId('last-export').getByText('never on this device').waitFor();

  // Some data: a client with a deal and an invoice on it.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Věra');
  await page.getByLabel('Family name').fill('Šťastná');
  await page.getByLabel('E-mail').fill('vera@stastna.cz');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Věra Šťastná' }).waitFor();
  await page.getByRole('link', { name: 'New deal' }).click();
  await page.getByLabel('Title').fill('Účetnictví 2027');
  await page.getByLabel('Value').fill('48000');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Účetnictví 2027' }).waitFor();
  await page.getByRole('button', { name: 'Add document' }).click();
  await page.getByLabel('Number').fill('FV-2026-101');
  await page.getByLabel('Date', { exact: true }).fill('2026-06-30');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('document').waitFor();

  // The access report (Art. 15) for Věra: her data, the hold, her rights; JSON and CSV copies.
  await page.getByRole('link', { name: 'Věra Šťastná' }).first().click();
  await page.getByRole('link', { name: 'Access report (Art. 15)' }).click();
  await page.getByRole('heading', { level: 1, name: 'What we hold about you' }).waitFor();
  assert.match(await page.getByTestId('access-data').innerText(), /E-mail\s+vera@stastna\.cz/);
  assert.match(await page.getByTestId('access-holds').innerText(), /Invoice FV-2026-101 — keep until 31 Dec 2036/);
  await page.getByText('Úřad pro ochranu osobních údajů', { exact: false }).waitFor();
  await screenshot(page, 'access-report');
  const [accessJson] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download data (JSON)' }).click(),
  ]);
  // Download names carry no personal names (the browser's download history outlives an erasure).
  assert.match(accessJson.suggestedFilename(), /^folio-access-\d{4}-\d{2}-\d{2}\.json$/);
  const mine = JSON.parse(readFileSync(await accessJson.path(), 'utf8'));
  assert.equal(mine.format, 'folio-export');
  assert.deepEqual(mine.contacts.map((c) => c.data.family_name), ['Šťastná']);
  assert.equal(mine.documents[0].data.number, 'FV-2026-101');
  const [accessCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download contact card (CSV)' }).click(),
  ]);
  assert.match(accessCsv.suggestedFilename(), /^folio-contact-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(readFileSync(await accessCsv.path(), 'utf8'),
    'given_name,family_name,emails,phones,organisation,role,ico,vat_id,addresses,birthday,tags,preferences,notes,objected_to\r\nVěra,Šťastná,vera@stastna.cz,,,,,,,,,,,\r\n');

  // The export: a download in the documented format.
  await nav(page, 'Data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all data (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^folio-export-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(artifacts, 'export.json');
  writeFileSync(file, readFileSync(await download.path()));
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'folio-export');
  assert.equal(exported.version, 3);
  assert.equal(exported.contacts[0].data.family_name, 'Šťastná');
  assert.equal(exported.deals[0].data.value.minor, 4_800_000);
  assert.equal(exported.documents[0].data.retain_until, '2036-12-31');
  const schema = await (await page.request.get(site.url + 'folio-export-v3.schema.json')).json();
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(exported), JSON.stringify(validate.errors));
  assert.doesNotMatch(await page.getByTestId('last-export').innerText(), /never/);
  await screenshot(page, 'data-export');

  // Contacts for other programs: CSV with a BOM for Excel, and vCard 4.0.
  const [csvFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export contacts (CSV)' }).click(),
  ]);
  assert.equal(readFileSync(await csvFile.path(), 'utf8'),
    '\ufeffgiven_name,family_name,emails,phones,organisation,role,ico,vat_id,addresses,birthday,tags,preferences,notes,objected_to\r\nVěra,Šťastná,vera@stastna.cz,,,,,,,,,,,\r\n');
  const [vcf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export contacts (vCard)' }).click(),
  ]);
  assert.match(vcf.suggestedFilename(), /\.vcf$/);
  const card = readFileSync(await vcf.path(), 'utf8');
  assert.match(card, /^BEGIN:VCARD\r\nVERSION:4\.0\r\nUID:urn:uuid:[0-9a-f-]+\r\nFN:Věra Šťastná\r\nN:Šťastná;Věra;;;\r\nEMAIL:vera@stastna\.cz\r\n/);
  assert.match(card, /END:VCARD\r\n$/);

  // The encrypted backup: a readable header with its own KDF parameters, nothing else legible.
  await page.getByLabel('Backup passphrase', { exact: true }).fill('backup passphrase 2026');
  await page.getByLabel('Confirm backup passphrase').fill('backup passphrase 2026');
  const [sealed] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download encrypted backup' }).click(),
  ]);
  assert.match(sealed.suggestedFilename(), /^folio-backup-\d{4}-\d{2}-\d{2}\.folio-backup$/);
  const backupFile = join(artifacts, 'backup.folio-backup');
  writeFileSync(backupFile, readFileSync(await sealed.path()));
  const backupBytes = readFileSync(backupFile);
  const header = JSON.parse(backupBytes.subarray(0, backupBytes.indexOf(10)).toString('utf8'));
  assert.equal(header.format, 'folio-backup');
  assert.equal(header.kdf.algorithm, 'argon2id');
  assert.equal(header.kdf.memory_kib, 65536);
  for (const secret of ['Šťastná', 'FV-2026-101', 'vera@stastna.cz']) {
    assert.equal(backupBytes.indexOf(Buffer.from(secret)), -1, `${secret} is not readable in the backup`);
  }
  assert.deepEqual(first.problems(), []);
  assert.deepEqual(first.foreignRequests(), []);
  await first.context.close();

  // A fresh profile: a new vault with another passphrase.
  const second = await openPage(site.browser, site.url);
  const fresh = second.page;
  await fresh.goto(site.url);
  await createVault(fresh, 'another long passphrase here');
  await nav(fresh, 'Data');

  // A damaged copy is refused with where and why, and restores nothing.
  const broken = structuredClone(exported);
  broken.deals[0].data.contact_ids = ['someone-else'];
  const brokenFile = join(artifacts, 'export-broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  await fresh.getByLabel('Folio export or encrypted backup file').setInputFiles(brokenFile);
  const problem = fresh.getByTestId('import-problem');
  await problem.waitFor();
  assert.equal(await problem.innerText(),
    'Nothing was imported. At $.deals[0].data.contact_ids[0]: refers to contact someone-else, which is not in the file.');
  await screenshot(fresh, 'data-import-refused');

  await fresh.getByLabel('Folio export or encrypted backup file').setInputFiles(file);
  const preview = fresh.getByTestId('import-preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /1 contact, 0 organisations, 0 activities, 0 consents, 1 deal, 1 document/);
  await fresh.getByRole('button', { name: 'Import', exact: true }).click();
  await fresh.getByText(/Saved\. 1 contact/).waitFor();

  // Into a vault with data: a merge by id (the newer revision wins, differences listed), then a
  // replace that needs the typed word.
  await nav(fresh, 'Contacts');
  await fresh.getByRole('link', { name: 'Věra Šťastná' }).click();
  await fresh.getByRole('link', { name: 'Edit' }).click();
  await fresh.getByLabel('Role or title').fill('Jednatelka');
  await fresh.getByRole('button', { name: 'Save' }).click();
  await fresh.getByRole('heading', { level: 1, name: 'Věra Šťastná' }).waitFor();
  await nav(fresh, 'Data');
  await fresh.getByLabel('Folio export or encrypted backup file').setInputFiles(file);
  await fresh.getByText('This vault has data. How should the file come in?').waitFor();
  assert.ok(await fresh.getByLabel(/^Merge:/).isChecked(), 'merge is the default');
  await fresh.getByRole('button', { name: 'Import', exact: true }).click();
  assert.match(await fresh.getByTestId('import-outcome').innerText(), /Merged\. Added: nothing new\. 0 records updated, \d+ unchanged, 0 conflicts\./);
  assert.equal(await fresh.getByTestId('merge-differences').innerText(), 'contact Věra Šťastná: yours was newer and stayed');
  await screenshot(fresh, 'data-merge');
  assert.deepEqual(await seriousViolations(fresh), [], 'the merge outcome');
  await fresh.getByLabel('Folio export or encrypted backup file').setInputFiles(file);
  await fresh.getByLabel('Replace everything in this vault by the file').check();
  const importButton = fresh.getByRole('button', { name: 'Import', exact: true });
  assert.ok(await importButton.isDisabled(), 'replace waits for the typed word');
  await fresh.getByLabel('Type REPLACE to confirm').fill('replace');
  await importButton.click();
  await fresh.getByText(/Saved\. 1 contact/).waitFor();

  await nav(fresh, 'Contacts');
  await fresh.getByRole('link', { name: 'Věra Šťastná' }).click();
  await fresh.getByTestId('retention-hold').getByText('Retention hold until 31 Dec 2036').waitFor();
  await fresh.getByRole('link', { name: 'Účetnictví 2027' }).first().click();
  await fresh.getByTestId('document').getByText(/FV-2026-101/).waitFor();
  await nav(fresh, 'Audit log');
  await fresh.getByText(/verifies/i).first().waitFor();
  assert.deepEqual(second.problems(), []);
  assert.deepEqual(second.foreignRequests(), []);
  await second.context.close();

  // A third profile restores the encrypted backup: a wrong passphrase changes nothing.
  const third = await openPage(site.browser, site.url);
  const other = third.page;
  await other.goto(site.url);
  await createVault(other, 'a third vault passphrase');
  await nav(other, 'Data');
  await other.getByLabel('Folio export or encrypted backup file').setInputFiles(backupFile);
  await other.getByText('This is an encrypted backup: enter its passphrase.').waitFor();
  await other.getByLabel('Passphrase of this backup').fill('not the right one');
  await other.getByRole('button', { name: 'Open backup' }).click();
  await other.getByText('Wrong backup passphrase (or the file is damaged). Nothing was imported.').waitFor();
  await other.getByLabel('Passphrase of this backup').fill('backup passphrase 2026');
  await other.getByRole('button', { name: 'Open backup' }).click();
  assert.match(await other.getByTestId('import-preview').innerText(), /1 contact/);
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await other.getByText(/Saved\. 1 contact/).waitFor();
  await nav(other, 'Deals');
  await other.getByRole('link', { name: 'Účetnictví 2027' }).waitFor();
  assert.deepEqual(third.problems(), []);
  await third.context.close();

  // A fourth profile, a new device: Restore from a backup on the create page, in one step.
  const fourth = await openPage(site.browser, site.url);
  const device = fourth.page;
  await device.goto(site.url);
  await device.getByRole('heading', { level: 1, name: 'Create your vault' }).waitFor();
  await device.getByLabel('Passphrase', { exact: true }).fill('a new device passphrase');
  await device.getByLabel('Confirm passphrase').fill('a new device passphrase');
  await device.getByLabel('Backup or export file').setInputFiles(backupFile);
  await device.getByLabel('Passphrase of this backup').fill('not the right one');
  await device.getByRole('button', { name: 'Restore from a backup' }).click();
  await device.getByText('Wrong backup passphrase (or the file is damaged). Nothing was imported.').waitFor();
  assert.equal(await device.getByRole('button', { name: 'Lock' }).count(), 0, 'no vault was created');
  await device.getByLabel('Passphrase of this backup').fill('backup passphrase 2026');
  await screenshot(device, 'create-restore-from-backup');
  await device.getByRole('button', { name: 'Restore from a backup' }).click();
  await device.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
  await nav(device, 'Deals');
  await device.getByRole('link', { name: 'Účetnictví 2027' }).waitFor();
  // The restored vault opens with the new passphrase.
  await device.getByRole('button', { name: 'Lock' }).click();
  await device.getByLabel('Passphrase', { exact: true }).fill('a new device passphrase');
  await device.getByRole('button', { name: 'Unlock', exact: true }).click();
  await device.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(fourth.problems(), []);
  await fourth.context.close();
});
