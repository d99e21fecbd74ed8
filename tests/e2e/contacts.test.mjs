// End to end: a consultant's day with contacts: add, edit (and see it in History), log an
// activity, search without diacritics, filter by tags, reload, delete after confirming.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, unlock, dumpIndexedDb, eventually } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

async function addContact(page, { given, family, email = '', phone = '', tags = '', notes = '' }) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Phone').fill(phone);
  await page.getByLabel('Tags').fill(tags);
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
}

const rows = (page) => page.locator('.contact-row a');

test('add, edit, log, search, filter, reload and delete contacts', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByText('No contacts yet.').waitFor();

  // Nothing is saved until the form is valid; errors sit next to their fields.
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('E-mail').fill('zdenka@');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('this field is required').waitFor();
  await page.getByText('the domain after the @ is missing').waitFor();
  await screenshot(page, 'contact-form-errors');
  await page.keyboard.press('Escape');
  await page.getByText('No contacts yet.').waitFor();

  await addContact(page, {
    given: 'Zdeňka', family: 'Dvořáková', email: 'work: zdenka@firma.cz', phone: 'mobile: +420 601 234 567',
    tags: 'klient, Praha', notes: 'Prefers mornings',
  });
  // Edit one field and see exactly that change in History.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Role or title').fill('Jednatelka');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zdeňka Dvořáková' }).waitFor();
  const history = page.locator('section[aria-labelledby="history-heading"]');
  const newest = history.locator('.history-event').first();
  assert.match(await newest.innerText(), /updated/);
  assert.match(await newest.locator('tbody').innerText(), /^Role or title\s+\(empty\)\s+Jednatelka$/);
  // Log an activity: the form opens from its button and closes once saved.
  await page.getByRole('button', { name: 'Log an activity' }).click();
  await page.getByLabel('Kind').selectOption('call');
  await page.getByLabel('Subject').fill('Offer follow-up');
  await page.getByLabel('Details').fill('Wants the offer by Friday');
  await page.getByRole('button', { name: 'Add activity' }).click();
  await page.locator('.timeline-item', { hasText: 'Offer follow-up' }).waitFor();
  assert.match(await page.locator('.timeline-item').first().innerText(), /Call/);
  await screenshot(page, 'contact');
  // Editing a meeting shows Meeting in the Kind menu, also after the menu was touched.
  await page.getByRole('button', { name: 'Log an activity' }).click();
  await page.getByLabel('Kind').selectOption('meeting');
  await page.getByLabel('Subject').fill('Kick-off meeting');
  await page.getByRole('button', { name: 'Add activity' }).click();
  const meeting = page.locator('.timeline-item', { hasText: 'Kick-off meeting' });
  await meeting.waitFor();
  await page.getByRole('button', { name: 'Log an activity' }).click();
  await page.getByLabel('Kind').selectOption('email');
  await meeting.getByRole('button', { name: 'Edit' }).click();
  await eventually(async () => assert.equal(await page.getByLabel('Kind').inputValue(), 'meeting'));
  await page.getByRole('button', { name: 'Cancel' }).first().click();

  await addContact(page, { given: 'Petr', family: 'Novák', email: 'petr@novak.cz', tags: 'klient, Brno' });
  await addContact(page, { given: 'Eva', family: 'Svobodová', phone: '777 888 999', tags: 'Praha' });

  // Search ignores case and diacritics, and phone spacing.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), 3);
  const search = page.getByLabel('Search');
  await search.fill('dvorakova');
  await page.getByText('1 contact', { exact: true }).waitFor();
  assert.deepEqual(await rows(page).allInnerTexts(), ['Zdeňka Dvořáková']);
  await search.fill('601-234-567');
  assert.deepEqual(await rows(page).allInnerTexts(), ['Zdeňka Dvořáková']);
  await search.fill('ZDENKA');
  assert.deepEqual(await rows(page).allInnerTexts(), ['Zdeňka Dvořáková']);
  await search.fill('');

  // Filter by two tags: all of them, then any of them.
  const filter = page.getByRole('group', { name: 'Filter by tags' });
  await filter.getByLabel('klient').check();
  await filter.getByLabel('Praha').check();
  assert.deepEqual(await rows(page).allInnerTexts(), ['Zdeňka Dvořáková']);
  await page.getByLabel('Contacts with').selectOption('any');
  assert.deepEqual(await rows(page).allInnerTexts(), ['Zdeňka Dvořáková', 'Petr Novák', 'Eva Svobodová']);
  await page.getByLabel('Sort by').selectOption('activity');
  assert.equal((await rows(page).allInnerTexts())[0], 'Zdeňka Dvořáková');
  await screenshot(page, 'contacts');

  // Keyboard: "/" focuses the search, "n" opens a new contact, Escape closes it.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.locator('h1').click();
  await page.keyboard.press('n');
  await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();

  // Nothing readable at rest.
  for (const value of await dumpIndexedDb(page)) {
    for (const secret of ['Dvořáková', 'Offer follow-up', 'firma.cz', 'Jednatelka']) {
      assert.ok(!value.includes(secret), `plaintext at rest: ${secret}`);
    }
  }

  // Reload and unlock: everything is still there.
  await page.reload();
  await unlock(page);
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), 3);
  await rows(page).filter({ hasText: 'Zdeňka Dvořáková' }).click();
  await page.locator('.timeline-item', { hasText: 'Offer follow-up' }).waitFor();

  // Delete asks first.
  await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  await page.getByRole('heading', { level: 1, name: 'Zdeňka Dvořáková' }).waitFor();
  await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  assert.deepEqual(await rows(page).allInnerTexts(), ['Petr Novák', 'Eva Svobodová']);

  // The audit log lists it all and verifies.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  assert.equal(await page.getByTestId('chain').innerText(), 'The hash chain verifies.');
  await screenshot(page, 'audit-log');
  // A delete of a person is an erasure: the same event, and what it emptied.
  const last = await page.locator('.history-event').first().innerText();
  assert.match(last, /erased · contact/);
  assert.doesNotMatch(last, /Dvořáková/);

  assert.deepEqual(foreignRequests(), []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('organisations list their people, and cannot be deleted while people belong to them', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
  await page.getByText('No organisations yet.').waitFor();
  await page.getByRole('link', { name: 'New organisation' }).click();
  await page.getByLabel('Name of the organisation').fill('Firma Dvořák s.r.o.');
  await page.getByLabel('IČO').fill('2708244');
  await page.getByLabel('Website').fill('firma.cz');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('an IČO has 8 digits; this one has 7').waitFor();
  await page.getByLabel('IČO').fill('27082440');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Firma Dvořák s.r.o.' }).waitFor();
  assert.match(await page.locator('.details').innerText(), /https:\/\/firma\.cz/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Jana');
  await page.getByLabel('Family name').fill('Veselá');
  await page.getByLabel('Organisation').selectOption({ label: 'Firma Dvořák s.r.o.' });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Jana Veselá' }).waitFor();
  await page.locator('.details').getByRole('link', { name: 'Firma Dvořák s.r.o.' }).click();
  await page.getByRole('heading', { level: 1, name: 'Firma Dvořák s.r.o.' }).waitFor();
  assert.deepEqual(await page.locator('section[aria-labelledby="people-heading"] li').allInnerTexts(), ['Jana Veselá']);
  await screenshot(page, 'organisation');

  // Search finds the contact by the organisation's name, without diacritics.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByLabel('Search').fill('firma dvorak');
  assert.deepEqual(await rows(page).allInnerTexts(), ['Jana Veselá']);

  // Deleting an organisation with people is refused, and says why before asking anything.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
  await page.getByRole('link', { name: 'Firma Dvořák s.r.o.' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alert').getByText('1 contact still belongs here.').waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no question is asked');
  await page.getByRole('heading', { level: 1, name: 'Firma Dvořák s.r.o.' }).waitFor();
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a duplicate is flagged when typed, and two contacts merge with the values the user picks', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await addContact(page, { given: 'Jana', family: 'Nováková', email: 'jana@firma.cz', phone: '601 234 567' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Jana');
  await page.getByLabel('Family name').fill('Novákova');
  await page.getByLabel('E-mail').fill('JANA@firma.cz');
  const warning = page.getByTestId('duplicates');
  await warning.waitFor();
  assert.match(await warning.innerText(), /Already in your contacts with the e-mail jana@firma\.cz: Jana Nováková/);
  await page.getByLabel('Role or title').fill('CEO');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Jana Novákova' }).waitFor();
  await page.getByRole('button', { name: 'Log an activity' }).click();
  await page.getByLabel('Subject').fill('Call about the contract');
  await page.getByRole('button', { name: 'Add activity' }).click();
  await page.locator('.timeline-item', { hasText: 'Call about the contract' }).waitFor();

  // Merge the second into the first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await rows(page).filter({ hasText: 'Jana Nováková' }).click();
  await page.getByRole('link', { name: 'Merge with another contact' }).click();
  await page.getByLabel('Contact to merge into this one').selectOption({ label: 'Jana Novákova' });
  const family = page.getByRole('group', { name: 'Family name' });
  assert.ok(await family.getByLabel('this contact: Nováková').isChecked());
  const role = page.getByRole('group', { name: 'Role or title' });
  assert.ok(await role.getByLabel('the other: CEO').isChecked(), 'an empty value defaults to the other');
  await screenshot(page, 'merge');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Jana Nováková' }).waitFor();
  assert.match(await page.locator('.details').innerText(), /CEO/);
  await page.locator('.timeline-item', { hasText: 'Call about the contract' }).waitFor();
  const history = page.locator('section[aria-labelledby="history-heading"] .history-event');
  await history.filter({ hasText: 'created' }).nth(1).waitFor();
  assert.match(await history.first().innerText(), /merged/);
  assert.equal(await history.filter({ hasText: 'created' }).count(), 2, 'the history of both is kept: ' + (await history.allInnerTexts()).join(' / '));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await rows(page).first().waitFor();
  assert.deepEqual(await rows(page).allInnerTexts(), ['Jana Nováková']);
  assert.deepEqual(problems(), []);
  await context.close();
});
