// End to end: the breach register (GDPR Art. 33(5)). A breach discovered now, affecting a
// contact, is recorded; the Agenda (and Home) show its 72-hour deadline to notify ÚOOÚ in local
// date and time with the hours left; its notification draft prints in English and in Czech,
// without the navigation; the person's access report lists it. Screenshots at 1280 and 390 px:
// artifacts/breach-{form,page,agenda,notification}-{1280,390}.png; nothing scrolls sideways at 390.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const NATURE = 'Laptop with the client list stolen from a car';

async function atBothWidths(page, name) {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${name}: no sideways scroll at 390 px`);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a breach entered now shows its 72-hour deadline on the Agenda and drafts its notification', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Jana');
  await page.getByLabel('Family name').fill('Nováková');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Jana Nováková' }).waitFor();

  // The register is reached from Requests; empty at first.
  await nav(page, 'Requests');
  await page.getByRole('link', { name: 'Breaches', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Breaches' }).waitFor();
  await page.getByText('No breaches recorded.').waitFor();
  await page.getByRole('link', { name: 'Record a breach' }).click();
  await page.getByRole('heading', { level: 1, name: 'Record a breach' }).waitFor();

  // Nothing typed: the form says what is missing and records nothing.
  await page.getByRole('button', { name: 'Record a breach' }).click();
  await page.locator('#breach-nature-error').waitFor();
  // A decision not to notify asks for its reason.
  await page.getByLabel('ÚOOÚ notified').selectOption('not_notified');
  await page.getByLabel('Why not, or why after 72 hours').waitFor();
  await atBothWidths(page, 'breach-form');
  await page.getByLabel('ÚOOÚ notified').selectOption('pending');

  // Discovered: now, as the form starts.
  const discovered = await page.getByLabel('Discovered').inputValue();
  assert.match(discovered, /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  await page.getByLabel('Nature of the breach').fill(NATURE);
  await page.getByLabel('Categories of personal data').fill('names, e-mail addresses, phone numbers');
  await page.getByLabel('People affected (in Folio)').selectOption({ label: 'Jana Nováková' });
  await page.getByLabel('Approximate number of people affected').fill('1200');
  await page.getByLabel('Likely consequences').fill('Phishing against the clients');
  await page.getByLabel('Measures taken or proposed').fill('Disk encrypted; remote wipe sent; passwords changed');
  await page.getByRole('button', { name: 'Record a breach' }).click();
  await page.getByRole('heading', { level: 1, name: NATURE }).waitFor();

  // The deadline: discovery + 72 hours, in the browser's zone and the interface's format.
  const deadline = await page.evaluate((value) => {
    const at = new Date(new Date(value).getTime() + 72 * 3600 * 1000);
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  }, discovered);
  const expected = `Notify ÚOOÚ by ${deadline}`;
  assert.match(await page.getByTestId('breach-deadline').innerText(), new RegExp(`${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · 7[01] h left`));
  assert.deepEqual(await seriousViolations(page), []);
  await atBothWidths(page, 'breach-page');

  // The Agenda shows it with its deadline and the hours left.
  await nav(page, 'Agenda');
  const due = page.locator('section[aria-labelledby="agenda-breaches"]');
  await due.waitFor();
  const text = await due.innerText();
  assert.ok(text.includes(expected), `the Agenda says "${expected}": ${text}`);
  assert.match(text, /Breaches: notify ÚOOÚ within 72 hours[\s\S]*Laptop with the client list[\s\S]*7[01] h left/);
  await atBothWidths(page, 'breach-agenda');

  // Home too.
  await nav(page, 'Home');
  assert.ok((await page.getByTestId('home-breach').innerText()).includes(expected));

  // The notification draft, in English, then in Czech whatever the interface's language.
  await nav(page, 'Agenda');
  await due.getByRole('link', { name: NATURE }).click();
  await page.getByRole('link', { name: 'Print notification' }).click();
  const draft = page.getByTestId('notification');
  await draft.waitFor();
  const en = await draft.innerText();
  assert.match(en, /Notification of a personal data breach to the supervisory authority/);
  assert.ok(en.includes(NATURE));
  assert.match(en, /approximately 1,200/);
  assert.match(en, /within 72 hours of discovery/);
  await page.getByLabel('Language of the notification').selectOption('cs');
  await draft.getByText('Ohlášení porušení zabezpečení osobních údajů dozorovému úřadu').waitFor();
  const cs = await draft.innerText();
  assert.ok(cs.includes(NATURE), 'the nature, as entered, in the Czech draft');
  assert.match(cs, /Úřad pro ochranu osobních údajů/);
  assert.match(cs, /přibližně 1\s200/);
  // Printed without the navigation.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.equal(await draft.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await seriousViolations(page), []);
  await atBothWidths(page, 'breach-notification');

  // The register lists it with its badge; the person's access report names it.
  await page.getByRole('link', { name: 'Back to breaches' }).click();
  await page.getByRole('link', { name: 'Back to breaches' }).click();
  assert.match(await page.getByTestId('breach').innerText(), /Laptop with the client list[\s\S]*notify ÚOOÚ/);
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Jana Nováková' }).first().click();
  await page.getByRole('link', { name: 'Access report (Art. 15)' }).click();
  await page.getByRole('heading', { name: 'Breaches that affected you' }).waitFor();
  assert.ok((await page.locator('main').innerText()).includes('Measures taken: Disk encrypted'));

  // Once ÚOOÚ is notified the clock stops: the Agenda no longer lists it.
  await nav(page, 'Requests');
  await page.getByRole('link', { name: 'Breaches', exact: true }).click();
  await page.getByRole('link', { name: NATURE }).click();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit breach' }).waitFor();
  await page.getByLabel('ÚOOÚ notified', { exact: true }).selectOption('notified');
  await page.getByLabel('ÚOOÚ notified on').fill(discovered);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: NATURE }).waitFor();
  await page.locator('main .badge', { hasText: 'ÚOOÚ notified' }).waitFor();
  assert.equal(await page.getByTestId('breach-deadline').count(), 0);
  await nav(page, 'Agenda');
  await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
  assert.equal(await page.locator('section[aria-labelledby="agenda-breaches"]').count(), 0);

  // Deleting asks first.
  await nav(page, 'Requests');
  await page.getByRole('link', { name: 'Breaches', exact: true }).click();
  await page.getByRole('link', { name: NATURE }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').waitFor();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('No breaches recorded.').waitFor();

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
