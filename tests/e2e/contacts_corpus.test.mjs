// End to end: contact files from the programs people use (tests/fixtures/contacts), one of each
// kind — CSV in UTF-8 (Google), windows-1250 (Czech Excel), UTF-16 (Thunderbird) and LinkedIn's
// with its preamble; vCard 2.1 (Android), 3.0 (iPhone and a Mac company card) and 4.0
// (Thunderbird) — each into a new vault: the preview (counts, character set, header row, values
// left out) and the import agree with expected.json, and so does the contacts list. The
// preview is looked at 1280 and 390 px wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useSiteAndBrowser, openPage, screenshot, createVault, seriousViolations, root,
} from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const corpus = join(root, 'tests', 'fixtures', 'contacts');
const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')).files;
const entry = (file) => expected.find((f) => f.file === file);

/** The name the contacts list shows for a "must" person: given and family, as Folio keeps them. */
const shownName = (m) => (m.given || m.family ? [m.given, m.family].filter(Boolean).join(' ') : m.name);

/** Folio's rules refuse these (see src/portability/contacts_in/corpus.rs, KNOWN). */
const refusedByRule = new Set(['contact1@invalid', 'contact2@invalid', '155']);

const FILES = [
  { file: 'google-contacts-2024.csv', charset: /^UTF-8 \(marked in the file\)$/ },
  { file: 'excel-cs-semicolon-cp1250.csv', charset: /^windows-1250 \(assumed: the file does not say/, shot: true },
  { file: 'thunderbird-utf16le-bom.csv', charset: /^UTF-16LE \(marked in the file\)$/ },
  { file: 'linkedin-connections.csv', charset: /^UTF-8/, headerRow: 'row 4 (the rows above it are not contacts)' },
  { file: 'android-2.1-qp.vcf', charset: /^UTF-8/ },
  { file: 'iphone-ios5.vcf', charset: /^UTF-8/ },
  { file: 'macos-company-card.vcf', charset: /^UTF-8/ },
  { file: 'thunderbird-export-4.0.vcf', charset: /^UTF-8/ },
  { file: 'macos-utf16be-nobom.vcf', charset: /^UTF-16BE \(recognised\)$/ },
];

function readyText({ people, organisations }) {
  const p = `${people} contact${people === 1 ? '' : 's'}`;
  const o = organisations ? ` and ${organisations} organisation${organisations === 1 ? '' : 's'} only` : '';
  return `${p}${o} ready to import.`;
}

for (const { file, charset, headerRow, shot } of FILES) {
  test(`${file}: previewed, imported and listed as expected`, async () => {
    const want = entry(file);
    const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
    await page.goto(site.url);
    await createVault(page);
    await nav(page, 'Data');
    await page.getByLabel('Contacts file').setInputFiles(join(corpus, file));

    // The preview: what it was read as, and how many will come in.
    await page.getByTestId('contacts-import-count').waitFor();
    assert.match(await page.getByTestId('contacts-import-charset').innerText(), charset);
    if (headerRow) assert.equal(await page.getByTestId('contacts-import-header-row').innerText(), headerRow);
    assert.equal(await page.getByTestId('contacts-import-count').innerText(), readyText(want));
    // Every value expected.json says must be dropped is listed, with its row.
    for (const d of want.dropped) {
      assert.match(await page.getByTestId('contacts-dropped').innerText(), new RegExp(d.value.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    assert.deepEqual(await seriousViolations(page), []);
    if (shot) {
      await screenshot(page, 'contacts-import-preview-1280');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'contacts-import-preview-390');
      // On a phone the wide tables scroll inside the page; the page itself does not.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 390 px screen`);
      await page.setViewportSize({ width: 1280, height: 800 });
    }

    await page.getByRole('button', { name: 'Import contacts' }).click();
    const outcome = page.getByTestId('contacts-import-outcome');
    await outcome.getByText(/^Imported/).waitFor();
    assert.match(await outcome.innerText(), new RegExp(`^Imported ${want.people}\\b`));

    // The contacts list holds every "must" person; one of them opened shows their fields.
    await nav(page, 'Contacts');
    for (const m of want.must) {
      await page.getByRole('link', { name: shownName(m), exact: true }).first().waitFor();
    }
    const full = want.must.find((m) => m.emails?.length || m.phones?.length);
    if (full) {
      await page.getByRole('link', { name: shownName(full), exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: shownName(full) }).waitFor();
      const details = await page.locator('dl.details').first().innerText();
      for (const v of [...(full.emails ?? []), ...(full.phones ?? [])].filter((v) => !refusedByRule.has(v))) {
        assert.ok(details.includes(v), `${file}: ${shownName(full)} shows ${v}`);
      }
      if (full.organisation) assert.ok(details.includes(full.organisation), `${file}: organisation`);
    }
    // A company card is an organisation, not a person.
    for (const o of want.organisations_must ?? []) {
      assert.equal(await page.getByRole('link', { name: o.name, exact: true }).count(), 0, `${o.name} is no person`);
    }
    assert.deepEqual(problems(), []);
    assert.deepEqual(foreignRequests(), []);
    await context.close();
  });
}

test('a vCard in 8-bit text without a charset: the charset assumed is said and can be changed', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await nav(page, 'Data');
  await page.getByLabel('Contacts file').setInputFiles(join(corpus, 'vcard21-8bit-nocharset-cp1250.vcf'));
  await page.getByTestId('contacts-import-count').waitFor();
  assert.match(await page.getByTestId('contacts-import-charset').innerText(), /^windows-1250 \(assumed/);
  const preview = page.getByTestId('contacts-preview');
  assert.match(await preview.innerText(), /Łukasz Wójcik/);
  // Another character set: the same bytes read again, and the letters change.
  await page.getByLabel('Character set').selectOption('windows-1252');
  await page.getByText('windows-1252 (as you chose)').waitFor();
  assert.match(await preview.innerText(), /£ukasz Wójcik/);
  await page.getByLabel('Character set').selectOption('windows-1250');
  await page.getByText('windows-1250 (as you chose)').waitFor();
  assert.match(await preview.innerText(), /Łukasz Wójcik/);
  assert.deepEqual(problems(), []);
  await context.close();
});
