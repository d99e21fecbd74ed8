// End to end: Import contacts (CSV or vCard) on the Data page. A Czech Excel CSV (BOM,
// semicolons, diacritics, a bad e-mail, a row without a name) is previewed with its column
// mapping, the value left out and the row skipped, a column's mapping is changed and back, the
// rows are imported and reported, and the contacts appear with their diacritics and birthday; a
// vCard file with a folded and a quoted-printable card follows; a JSON file is refused with the
// reason. No plaintext reaches IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  useSiteAndBrowser, openPage, screenshot, createVault, dumpIndexedDb, seriousViolations, artifacts, eventually,
} from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();


function file(name, content) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, name);
  writeFileSync(path, content);
  return path;
}

const czechCsv = '\ufeffJméno;Příjmení;E-mail;Telefon;Firma;Poznámka;Narozeniny\r\n'
  + 'Zdeňka;Šťastná;zdenka@stastna.cz;+420 601 234 567;Šťastný a syn, s.r.o.;"Volat ráno; ne v pátek";1. 5.\r\n'
  + 'Petr;Novák;petr@;;;;\r\n'
  + 'Jiří;Dvořák;jiri@dvorak.cz;777 111 222;ŠŤASTNÝ A SYN, S.R.O.;;\r\n'
  + ';;nikdo@;;;;\r\n';

// Card 1: vCard 4.0 with a folded e-mail and note. Card 2: vCard 2.1 from an old phone,
// its name and note quoted-printable in UTF-8 with a soft line break.
const vcards = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Markéta Horáková\r\n'
  + 'EMAIL;TYPE=work:marketa.horakova@velmi-dlouha-domena-pro-test\r\n ovani.cz\r\n'
  + 'TEL;VALUE=uri;TYPE=cell:tel:+420-602-333-444\r\n'
  + 'NOTE:Poznámka zalomená na dva \r\n řádky.\r\nEND:VCARD\r\n'
  + 'BEGIN:VCARD\r\nVERSION:2.1\r\n'
  + 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=A0=C5=A5astn=C3=A1;V=C4=9Bra\r\n'
  + 'TEL;CELL:+420603555666\r\nEMAIL;INTERNET:vera@stastna.cz\r\n'
  + 'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Klientka od roku 2019, preferuje =\r\n'
  + 'e-mail a =C4=8Desky=0D=0A2. =C5=99=C3=A1dek\r\nEND:VCARD\r\n';

test('contacts from a Czech CSV and from vCards, previewed and imported', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await nav(page, 'Data');
  await page.getByRole('heading', { level: 2, name: 'Import contacts (CSV or vCard)' }).waitFor();

  // A file that is no contacts file says why, and nothing else happens.
  await page.getByLabel('Contacts file').setInputFiles(file('not-contacts.json', '{"format": "folio-export"}'));
  assert.equal(await page.getByTestId('contacts-import-problem').innerText(),
    'Nothing was imported: this is neither a CSV table of contacts nor a vCard file.');

  // The Czech CSV: its format, its columns mapped, the preview and the row with a problem.
  await page.getByLabel('Contacts file').setInputFiles(file('kontakty.csv', czechCsv));
  assert.equal(await page.getByTestId('contacts-import-format').innerText(), 'CSV separated by semicolons (;)');
  const mapped = async (column) => {
    const select = page.getByLabel(column, { exact: true });
    return select.locator('option:checked').innerText();
  };
  assert.equal(await mapped('Jméno'), 'Given name');
  assert.equal(await mapped('Příjmení'), 'Family name');
  assert.equal(await mapped('E-mail'), 'E-mail');
  assert.equal(await mapped('Telefon'), 'Phone');
  assert.equal(await mapped('Firma'), 'Organisation');
  assert.equal(await mapped('Poznámka'), 'Notes');
  assert.equal(await mapped('Narozeniny'), 'Birthday');
  assert.equal(await page.getByTestId('contacts-import-count').innerText(),
    '3 contacts ready to import; 1 row will be skipped.');
  assert.equal(await page.getByTestId('contacts-import-charset').innerText(), 'UTF-8 (marked in the file)');
  assert.equal(await page.getByTestId('contacts-import-header-row').innerText(), 'row 1');
  const preview = page.getByTestId('contacts-preview');
  const previewRows = preview.locator('tbody tr');
  assert.equal(await previewRows.count(), 4);
  assert.match(await previewRows.nth(0).innerText(),
    /^2\s+Zdeňka Šťastná\s+zdenka@stastna\.cz\s+\+420 601 234 567\s+Šťastný a syn, s\.r\.o\.\s+ready$/);
  // A bad e-mail is left out, and Petr still comes in.
  assert.match(await previewRows.nth(1).innerText(), /^3\s+Petr Novák\s+ready \(values left out: 1\)$/);
  assert.equal(await page.getByTestId('contacts-dropped').innerText(),
    'Row 3 — E-mail “petr@”: the domain after the @ is missing');
  assert.equal(await page.getByTestId('contacts-skipped').innerText(),
    'row 5 — Given name: this field is required');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'contacts-import-preview');

  // The mapping is the user's to change, with the keyboard: phones off, and on again.
  const phoneMenu = page.getByLabel('Telefon', { exact: true });
  await phoneMenu.focus();
  await phoneMenu.selectOption({ label: 'Not imported' });
  await eventually(async () => assert.match(await previewRows.nth(0).innerText(), /zdenka@stastna\.cz\s+Šťastný a syn/));
  await phoneMenu.selectOption({ label: 'Phone' });
  await eventually(async () => assert.match(await previewRows.nth(0).innerText(), /\+420 601 234 567/));

  await page.getByRole('button', { name: 'Import contacts' }).click();
  const outcome = page.getByTestId('contacts-import-outcome');
  await outcome.getByText(/^Imported/).waitFor();
  assert.equal(await outcome.innerText(),
    'Imported 3 (1 new organisation), skipped 1: row 5 — Given name: this field is required.');
  assert.equal(await preview.count(), 0, 'the preview is gone after the import');

  // The same file again: the preview already knows who is in Folio by e-mail; Petr, who has
  // none, would come in again.
  await page.getByLabel('Contacts file').setInputFiles(file('kontakty.csv', czechCsv));
  assert.equal(await page.getByTestId('contacts-import-count').innerText(),
    '1 contact ready to import; 3 rows will be skipped.');
  assert.match(await previewRows.nth(0).innerText(), /already in Folio \(the same e-mail\)$/);
  assert.equal(await page.getByTestId('contacts-skipped').innerText(), [
    'row 2 — already in Folio (the same e-mail)',
    'row 4 — already in Folio (the same e-mail)',
    'row 5 — Given name: this field is required',
  ].join('\n'));
  await page.getByLabel('Contacts file').setInputFiles([]);

  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Zdeňka Šťastná' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zdeňka Šťastná' }).waitFor();
  await page.getByRole('definition').filter({ hasText: 'Volat ráno; ne v pátek' }).waitFor();
  await page.getByRole('definition').filter({ hasText: /^1 May$/ }).waitFor();
  await page.getByRole('link', { name: 'Šťastný a syn, s.r.o.' }).first().waitFor();
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Jiří Dvořák' }).waitFor();
  await page.getByRole('link', { name: 'Petr Novák' }).waitFor();

  // Two vCards: one folded (4.0), one quoted-printable (2.1).
  await nav(page, 'Data');
  await page.getByLabel('Contacts file').setInputFiles(file('kontakty.vcf', vcards));
  assert.equal(await page.getByTestId('contacts-import-format').innerText(), 'vCard (contact cards)');
  assert.equal(await page.getByTestId('contacts-import-count').innerText(), '2 contacts ready to import.');
  assert.match(await previewRows.nth(0).innerText(),
    /^1\s+Markéta Horáková\s+work: marketa\.horakova@velmi-dlouha-domena-pro-testovani\.cz\s+mobile: \+420-602-333-444/);
  assert.match(await previewRows.nth(1).innerText(), /^2\s+Věra Šťastná\s+vera@stastna\.cz\s+mobile: \+420603555666/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('button', { name: 'Import contacts' }).click();
  await outcome.getByText('Imported 2.').waitFor();

  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Věra Šťastná' }).click();
  await page.getByRole('definition').filter({ hasText: 'Klientka od roku 2019, preferuje e-mail a česky' }).waitFor();
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Markéta Horáková' }).click();
  await page.getByRole('definition').filter({ hasText: 'Poznámka zalomená na dva řádky.' }).waitFor();

  // Sealed like every other record: none of it is legible in IndexedDB.
  const stored = (await dumpIndexedDb(page)).join('\n');
  for (const secret of ['Šťastná', 'zdenka@stastna.cz', 'Horáková', 'Šťastný a syn']) {
    assert.equal(stored.includes(secret), false, `${secret} is not stored in plaintext`);
  }
  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
