// End to end: histories and the audit log read in words (#20 item 4): an organisation by its
// name, never its id; a stage by its name; money as money; the audit log filtered by kind and by
// person, a page at a time; accessible and without sideways scroll at 1280 and 390 px, in
// English and Czech.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, screenshot, createVault, seriousViolations, eventually, root } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const fixture = join(root, 'tests', 'fixtures', 'folio-export-v3.json');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Goes to a page of the main navigation by clicking (through the Menu button on a phone); `cs`
 * when the interface speaks Czech. */
async function go(page, name, cs = false) {
  const menu = page.getByRole('button', { name: cs ? 'Nabídka' : 'Menu', exact: true });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: cs ? 'Hlavní' : 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function noSidewaysScroll(page, what) {
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(m.scroll <= m.inner, `${what}: scrollWidth ${m.scroll} > innerWidth ${m.inner}`);
}

test('histories name records, stages and money; the audit log filters and pages', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // A vault with a long trail: the version 3 fixture (an audit trail of 133 events).
  await go(page, 'Data');
  await heading(page, 'Data');
  await page.getByLabel('Folio export or encrypted backup file').setInputFiles(fixture);
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/Saved\. 25 contacts/).waitFor({ timeout: 30_000 });

  // Two organisations, and a contact who moves from one to the other.
  for (const name of ['Dvořák & syn s.r.o.', 'Nová Firma a.s.']) {
    await go(page, 'Organisations');
    await page.getByRole('link', { name: 'New organisation' }).click();
    await page.getByLabel('Name of the organisation').fill(name);
    await page.getByRole('button', { name: 'Save' }).click();
    await heading(page, name);
  }
  await go(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Eliška');
  await page.getByLabel('Family name').fill('Malá');
  await page.getByLabel('Organisation').selectOption({ label: 'Dvořák & syn s.r.o.' });
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Eliška Malá');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await heading(page, 'Edit contact');
  await page.getByLabel('Organisation').selectOption({ label: 'Nová Firma a.s.' });
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Eliška Malá');
  const contactHistory = page.locator('section[aria-labelledby="history-heading"]');
  const change = contactHistory.locator('.history-event').first().locator('tr', { hasText: 'Organisation' });
  await change.waitFor();
  const cells = await change.locator('td').allInnerTexts();
  assert.deepEqual(cells, ['Dvořák & syn s.r.o.', 'Nová Firma a.s.'], 'the organisation by name, before and after');
  const contactText = await contactHistory.innerText();
  assert.doesNotMatch(contactText, UUID, 'no id in the history: ' + contactText);
  await screenshot(page, 'history-contact-1280-en');

  // A deal for her, worth 120,000 CZK, moved to Proposal on the board.
  await page.getByRole('link', { name: 'New deal' }).click();
  await heading(page, 'New deal');
  await page.getByLabel('Title').fill('Pilot 2027');
  await page.getByLabel('Value').fill('120000');
  await page.getByLabel('Currency').fill('CZK');
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Pilot 2027');
  await go(page, 'Deals');
  await page.getByLabel('Stage: Pilot 2027').selectOption({ label: 'Proposal' });
  await page.getByText('Moved “Pilot 2027” to Proposal.').waitFor();
  await page.getByRole('link', { name: 'Pilot 2027' }).first().click();
  await heading(page, 'Pilot 2027');
  const dealHistory = page.locator('section[aria-labelledby="deal-history-heading"]');
  const stage = dealHistory.locator('.history-event').first().locator('tr', { hasText: 'Stage' });
  await stage.waitFor();
  // The fixture's pipeline calls its first stage "Poptávka": the user's own name is shown.
  assert.deepEqual(await stage.locator('td').allInnerTexts(), ['Poptávka', 'Proposal'], 'stages by name');
  const created = await dealHistory.locator('.history-event').last().innerText();
  assert.match(created, /CZK\s?120,000\.00/, 'money as money: ' + created);
  assert.doesNotMatch(created, /120000\.00 CZK/);
  assert.match(created, /Eliška Malá/, 'the deal’s contact by name');
  assert.match(created, /Nová Firma a\.s\./, 'the deal’s organisation by name');
  assert.doesNotMatch(await dealHistory.innerText(), UUID);

  // A consent withdrawn with the button: Folio stores a code, worded when shown.
  await go(page, 'Contacts');
  await page.getByLabel('Search').fill('Oliver');
  await page.getByRole('link', { name: 'Oliver Procházková' }).first().click();
  await heading(page, 'Oliver Procházková');
  await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, withdraw' }).click();
  await page.getByTestId('consent').filter({ hasText: "withdrawn in Folio at the person's request" }).waitFor();

  // The audit log: newest first, 25 a page.
  await go(page, 'Audit log');
  await heading(page, 'Audit log');
  await page.getByTestId('chain').filter({ hasText: 'The hash chain verifies.' }).waitFor();
  const range = page.getByTestId('audit-range');
  const events = page.locator('.history-event');
  await eventually(async () => assert.match(await range.innerText(), /^Showing 1–25 of \d+ events$/));
  const total = Number((await range.innerText()).match(/of (\d+) events/)[1]);
  assert.ok(total >= 140, `the fixture's trail and ours: ${total}`);
  assert.equal(await events.count(), 25);
  const newer = page.getByRole('button', { name: 'Newer' });
  const older = page.getByRole('button', { name: 'Older' });
  assert.ok(await newer.isDisabled());
  await older.click();
  await eventually(async () => assert.equal(await range.innerText(), `Showing 26–50 of ${total} events`));
  assert.equal(await events.count(), 25);
  await newer.click();
  await eventually(async () => assert.equal(await range.innerText(), `Showing 1–25 of ${total} events`));
  assert.doesNotMatch(await page.locator('main').innerText(), UUID, 'no id anywhere on the first page');

  // By kind of event: only updates.
  await page.getByLabel('Kind of event').selectOption({ label: 'Updated' });
  await eventually(async () => assert.doesNotMatch(await range.innerText(), new RegExp(`of ${total} events`)));
  const heads = await page.locator('.history-head strong').allInnerTexts();
  assert.ok(heads.length > 0 && heads.every((h) => / · updated · /.test(h)), heads.join(' / '));
  // And by person: Eliška's events, and those of her deal (it names her).
  await page.getByLabel('Person or record').selectOption({ label: 'Eliška Malá (contact)' });
  await eventually(async () => assert.match(await range.innerText(), /^Showing 1–[12] of [12] events?$/));
  assert.match(await events.filter({ hasText: 'contact Eliška Malá' }).first().innerText(), /Dvořák & syn s\.r\.o\.[\s\S]*Nová Firma a\.s\./);
  await page.getByLabel('Kind of event').selectOption({ label: 'All kinds' });
  await eventually(async () => assert.match(await range.innerText(), /^Showing 1–[34] of [34] events$/));
  const hers = await page.locator('.history-head strong').allInnerTexts();
  assert.ok(hers.every((h) => /Eliška Malá|Pilot 2027/.test(h)), hers.join(' / '));
  // Days: a range in the future matches nothing; "Show everything" clears the filter.
  await page.getByLabel('From (day)').fill('2099-01-01');
  await page.getByText('No event matches the filter.').waitFor();
  await page.getByRole('button', { name: 'Show everything' }).click();
  await eventually(async () => assert.equal(await range.innerText(), `Showing 1–25 of ${total} events`));

  await screenshot(page, 'audit-log-1280-en');
  assert.deepEqual(await seriousViolations(page), [], 'the audit log at 1280 px');
  await page.setViewportSize(PHONE);
  await noSidewaysScroll(page, 'the audit log at 390 px');
  assert.deepEqual(await seriousViolations(page), [], 'the audit log at 390 px');
  await screenshot(page, 'audit-log-390-en');

  // The contact's history on a phone.
  await go(page, 'Contacts');
  await page.getByLabel('Search').fill('Eliška');
  await page.getByRole('link', { name: 'Eliška Malá' }).first().click();
  await heading(page, 'Eliška Malá');
  await contactHistory.locator('.history-event').first().waitFor();
  await noSidewaysScroll(page, 'the contact page at 390 px');
  await screenshot(page, 'history-contact-390-en');

  // In Czech: the same words in Czech, the range with Czech plurals.
  await page.setViewportSize(DESKTOP);
  await go(page, 'Settings');
  await page.getByLabel('Language of the interface').selectOption('cs');
  await heading(page, 'Nastavení');
  await go(page, 'Auditní stopa', true);
  await heading(page, 'Auditní stopa');
  await eventually(async () => assert.equal(await range.innerText(), `Zobrazeno 1–25, celkem ${total} událostí`));
  await page.getByLabel('Druh události').selectOption({ label: 'Změněno' });
  await eventually(async () => assert.doesNotMatch(await range.innerText(), new RegExp(`celkem ${total} `)));
  const czechHeads = await page.locator('.history-head strong').allInnerTexts();
  assert.ok(czechHeads.every((h) => / · změněno · /.test(h)), czechHeads.join(' / '));
  await page.getByRole('button', { name: 'Zobrazit vše' }).click();
  await screenshot(page, 'audit-log-1280-cs');
  assert.deepEqual(await seriousViolations(page), [], 'the Czech audit log at 1280 px');
  await page.setViewportSize(PHONE);
  await noSidewaysScroll(page, 'the Czech audit log at 390 px');
  assert.deepEqual(await seriousViolations(page), [], 'the Czech audit log at 390 px');
  await screenshot(page, 'audit-log-390-cs');
  await go(page, 'Kontakty', true);
  await page.getByLabel('Hledat').fill('Oliver');
  await page.getByRole('link', { name: 'Oliver Procházková' }).first().click();
  await heading(page, 'Oliver Procházková');
  await page.getByTestId('consent').filter({ hasText: 'odvoláno ve Foliu na žádost subjektu' }).waitFor();
  const oliver = await page.locator('section[aria-labelledby="history-heading"]').innerText();
  assert.doesNotMatch(oliver, /folio:|withdrawn in Folio/, 'the stored code is worded in Czech: ' + oliver);
  await go(page, 'Kontakty', true);
  await page.getByLabel('Hledat').fill('Eliška');
  await page.getByRole('link', { name: 'Eliška Malá' }).first().click();
  await heading(page, 'Eliška Malá');
  const czech = await contactHistory.innerText();
  assert.match(czech, /změněno/);
  assert.match(czech, /Firma/);
  assert.doesNotMatch(czech, UUID);
  await noSidewaysScroll(page, 'the Czech contact page at 390 px');
  await screenshot(page, 'history-contact-390-cs');
  await page.setViewportSize(DESKTOP);
  await screenshot(page, 'history-contact-1280-cs');

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
