// End to end, a contact's page that fits (#20): at 1280×800 the summary head (name, organisation,
// e-mail, phone, consent badges) and the latest activity are in view without scrolling; the
// activity, follow-up, consent and objection forms stay closed until their button is pressed,
// take focus on their first field, close on Escape and after saving; a follow-up is snoozed and
// rescheduled (on the contact's page and on the Agenda); axe finds nothing serious at 1280 and
// 390 px, where nothing scrolls sideways. Screenshots in both languages at both widths:
// artifacts/contact-page-{1280,390}-{en,cs}.png (and -viewport.png at 1280: what fits).
// Then the contact list: each row shows phone and organisation, and why a search matched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, createVault, seriousViolations, screenshot, eventually, artifacts } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();
const button = (page, name) => page.getByRole('button', { name, exact: true });

async function newOrganisation(page, name) {
  await nav(page, 'Organisations');
  await page.getByRole('link', { name: 'New organisation' }).click();
  await page.getByLabel('Name of the organisation').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, name);
}

async function newPurpose(page) {
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Newsletter');
  await page.getByLabel('Lawful basis').selectOption('consent');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Retention period').fill('until withdrawn');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Newsletter' }).waitFor();
}

async function newContact(page, { given, family, email = '', phone = '', organisation = '', notes = '' }) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Phone').fill(phone);
  if (organisation) await page.getByLabel('Organisation').selectOption({ label: organisation });
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, `${given} ${family}`);
}

/** The id of the focused element. */
const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The local day (YYYY-MM-DD) of a follow-up's due time, read from its datetime attribute. */
async function dueDay(page, title) {
  const task = page.locator('.task', { hasText: title });
  const at = await task.locator('time.due').getAttribute('datetime');
  return page.evaluate((at) => {
    const d = new Date(at);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, at);
}

const plusDays = (page, day, n) => page.evaluate(([day, n]) => {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(y, m - 1, d + n);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}, [day, n]);

test('the contact page fits: summary and latest activity in view, forms behind buttons, follow-ups snoozed', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await newPurpose(page);
  await newOrganisation(page, 'Firma Dvořák s.r.o.');
  await newContact(page, {
    given: 'Jana', family: 'Dvořáková', email: 'jana@firma.cz', phone: '+420 601 234 567',
    organisation: 'Firma Dvořák s.r.o.', notes: 'Prefers calls after 5 pm',
  });

  // Every form is closed: only its button shows.
  for (const id of ['activity-subject', 'follow-up-title', 'consent-notice', 'limit-reason']) {
    assert.equal(await page.locator(`#${id}`).count(), 0, `#${id} is closed`);
  }
  // A form opens on its first field, and Escape closes it, giving focus back to its button.
  await button(page, 'Log an activity').click();
  await eventually(async () => assert.equal(await focused(page), 'activity-kind'));
  await page.keyboard.press('Escape');
  await page.locator('#activity-subject').waitFor({ state: 'detached' });
  await eventually(async () => assert.equal(await focused(page), 'open-activity-form'));

  // Consent, recorded through its button; the form closes once saved, and a badge shows it.
  await button(page, 'Record consent').click();
  await eventually(async () => assert.equal(await focused(page), 'consent-purpose'));
  await page.getByLabel('Privacy notice shown (title or URL)').fill('https://firma.cz/privacy');
  await page.locator('button[type=submit]', { hasText: 'Record consent' }).click();
  await page.getByTestId('consent').filter({ hasText: 'Newsletter' }).waitFor();
  assert.equal(await page.locator('#consent-notice').count(), 0, 'the consent form closed after saving');
  assert.match(await page.getByTestId('consent-badge').innerText(), /^Newsletter: given, until withdrawn$/);

  // Three activities; the form closes after each.
  for (const [n, subject] of ['Intro call', 'Sent the offer', 'Call about the offer'].entries()) {
    await button(page, 'Log an activity').click();
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('When').fill(`2026-11-0${n + 2}T10:00`);
    await page.getByRole('button', { name: 'Add activity' }).click();
    await page.locator('.timeline-item', { hasText: subject }).waitFor();
    assert.equal(await page.locator('#activity-subject').count(), 0, 'the activity form closed after saving');
  }

  // Editing opens the form with the activity; closed by Escape, the next opening is a new one.
  await page.locator('.timeline-item', { hasText: 'Intro call' }).getByRole('button', { name: 'Edit' }).click();
  await eventually(async () => assert.equal(await page.getByLabel('Subject').inputValue(), 'Intro call'));
  await page.keyboard.press('Escape');
  await page.locator('#activity-subject').waitFor({ state: 'detached' });
  await button(page, 'Log an activity').click();
  assert.equal(await page.getByLabel('Subject').inputValue(), '');
  await page.getByRole('button', { name: 'Cancel' }).first().click();
  await page.locator('#activity-subject').waitFor({ state: 'detached' });

  // At 1280×800, without scrolling: the name, the summary and the latest activity.
  await page.evaluate(() => window.scrollTo(0, 0));
  const bottom = async (locator) => {
    const box = await locator.boundingBox();
    assert.ok(box, 'shown');
    return box.y + box.height;
  };
  const inView = {
    name: await bottom(page.getByRole('heading', { level: 1, name: 'Jana Dvořáková' })),
    organisation: await bottom(page.locator('.summary-facts').getByRole('link', { name: 'Firma Dvořák s.r.o.' })),
    email: await bottom(page.locator('.summary-facts').getByText('jana@firma.cz')),
    phone: await bottom(page.locator('.summary-facts').getByText('+420 601 234 567')),
    consent: await bottom(page.getByTestId('consent-badge')),
    latestActivity: await bottom(page.locator('.timeline-item').first()),
  };
  console.log('bottom edges at 1280×800:', JSON.stringify(inView));
  for (const [what, y] of Object.entries(inView)) assert.ok(y <= 800, `${what} is in view (${y} px)`);
  assert.match(await page.locator('.timeline-item').first().innerText(), /Call about the offer/);
  await page.screenshot({ path: join(artifacts, 'contact-page-1280-en-viewport.png') });

  // A follow-up, snoozed by a day, then rescheduled to a date.
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await button(page, 'Add a follow-up').click();
  await eventually(async () => assert.equal(await focused(page), 'follow-up-title'));
  await page.getByLabel('Follow-up', { exact: true }).fill('Send the contract');
  await page.getByLabel('Due date', { exact: true }).fill(today);
  await page.getByLabel('Time', { exact: true }).fill('14:30');
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await page.getByRole('checkbox', { name: 'Send the contract' }).waitFor();
  assert.equal(await page.locator('#follow-up-title').count(), 0, 'the follow-up form closed after saving');
  assert.equal(await dueDay(page, 'Send the contract'), today);
  await button(page, 'Snooze 1 day: Send the contract').click();
  const tomorrow = await plusDays(page, today, 1);
  await eventually(async () => assert.equal(await dueDay(page, 'Send the contract'), tomorrow));
  await button(page, 'Reschedule: Send the contract').click();
  await page.getByLabel('New date').fill('2027-03-15');
  await page.locator('.reschedule').getByRole('button', { name: 'Save' }).click();
  await eventually(async () => assert.equal(await dueDay(page, 'Send the contract'), '2027-03-15'));
  assert.match(await page.locator('.task', { hasText: 'Send the contract' }).locator('time.due').innerText(), /14:30/);

  // An objection, through its button; a badge names it.
  await button(page, 'Record an objection or restriction').click();
  await page.locator('#limit-purpose').selectOption({ label: 'Newsletter' });
  await page.locator('#limit-reason').fill('no more mail');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByTestId('limit-badge').waitFor();
  assert.match(await page.getByTestId('limit-badge').innerText(), /Objection \(Art\. 21\): Newsletter/);
  assert.equal(await page.locator('#limit-reason').count(), 0, 'the objection form closed after saving');

  await page.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(await seriousViolations(page), [], 'the contact page at 1280');
  await screenshot(page, 'contact-page-1280-en');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll at 390 px');
  assert.deepEqual(await seriousViolations(page), [], 'the contact page at 390');
  await screenshot(page, 'contact-page-390-en');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The Agenda offers the same moves.
  await nav(page, 'Agenda');
  const upcoming = page.locator('section[aria-labelledby="agenda-upcoming"]');
  await upcoming.getByRole('checkbox', { name: 'Send the contract' }).waitFor();
  await upcoming.getByRole('button', { name: 'Snooze 1 week: Send the contract' }).click();
  await eventually(async () => assert.equal(await dueDay(page, 'Send the contract'), '2027-03-22'));

  // In Czech.
  await nav(page, 'Settings');
  await page.getByLabel('Language of the interface').selectOption('cs');
  await heading(page, 'Nastavení');
  await page.getByRole('navigation', { name: 'Hlavní' }).getByRole('link', { name: 'Kontakty', exact: true }).click();
  await page.getByRole('link', { name: 'Jana Dvořáková' }).click();
  await heading(page, 'Jana Dvořáková');
  await button(page, 'Zaznamenat aktivitu').waitFor();
  await button(page, 'Naplánovat úkol').waitFor();
  await button(page, 'Zaznamenat námitku nebo omezení').waitFor();
  await page.getByRole('button', { name: 'Odložit o den: Send the contract' }).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'the contact page in Czech at 1280');
  await screenshot(page, 'contact-page-1280-cs');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll at 390 px in Czech');
  assert.deepEqual(await seriousViolations(page), [], 'the contact page in Czech at 390');
  await screenshot(page, 'contact-page-390-cs');

  assert.deepEqual(problems(), []);
  await context.close();
});

test('the contact list shows phone and organisation, and why a search matched', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await newOrganisation(page, 'Firma Dvořák s.r.o.');
  await newContact(page, {
    given: 'Jana', family: 'Dvořáková', email: 'jana@firma.cz', phone: '+420 601 234 567',
    organisation: 'Firma Dvořák s.r.o.',
  });
  await newContact(page, { given: 'Petr', family: 'Malý', email: 'petr@example.cz' });
  await nav(page, 'Contacts');
  const row = (name) => page.locator('.contact-row', { hasText: name });
  await row('Jana Dvořáková').waitFor();
  const jana = await row('Jana Dvořáková').innerText();
  assert.match(jana, /\+420 601 234 567/);
  assert.match(jana, /Firma Dvořák s\.r\.o\./);
  assert.equal(await page.getByTestId('found-by').count(), 0, 'no hint without a search');

  const search = page.getByLabel('Search', { exact: true });
  await search.fill('firma.cz');
  await eventually(async () => assert.equal(await row('Jana').getByTestId('found-by').innerText(), 'matched: e-mail jana@firma.cz'));
  assert.equal(await page.locator('.contact-row').count(), 1);
  await search.fill('601 234');
  await eventually(async () => assert.equal(await row('Jana').getByTestId('found-by').innerText(), 'matched: phone +420 601 234 567'));
  // Found by her name ("dvorak" is also in her organisation's): no hint needed.
  await search.fill('dvorak');
  await row('Jana').waitFor();
  await eventually(async () => assert.equal(await page.getByTestId('found-by').count(), 0));
  await search.fill('example');
  await eventually(async () => assert.equal(await row('Petr').getByTestId('found-by').innerText(), 'matched: e-mail petr@example.cz'));
  await screenshot(page, 'contact-list-matched');
  assert.deepEqual(await seriousViolations(page), [], 'the contact list with a hint');

  assert.deepEqual(problems(), []);
  await context.close();
});
