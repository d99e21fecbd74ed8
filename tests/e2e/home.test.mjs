// End to end: Home after unlock is the day's work. The first-run checklist ticks itself as the
// controller's details, a purpose, a first contact and an encrypted backup are made, then goes;
// the dashboard shows follow-ups overdue and due today, a request due within 7 days, a consent
// expiring within 30 days and a retention hold ending within 90, each linking to where it is dealt with; dismissing the checklist is
// remembered; with nothing to do Home says so, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const section = (page, key) => page.locator(`section[aria-labelledby="home-${key}"]`);
const step = (page, name) => section(page, 'checklist').getByRole('listitem').filter({ hasText: name });

// 10 February: a consent given today for one month expires on 10 March, 28 days on.
const TODAY = new Date('2027-02-10T10:00:00');

async function home(page) {
  await nav(page, 'Home');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
}

async function backup(page) {
  await nav(page, 'Data');
  await page.getByLabel('Backup passphrase', { exact: true }).fill('backup passphrase 2027');
  await page.getByLabel('Confirm backup passphrase').fill('backup passphrase 2027');
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download encrypted backup' }).click(),
  ]);
  await page.getByText('The encrypted backup was saved to your downloads.').waitFor();
}

test('the checklist ticks itself step by step, and Home lists the day’s work with links', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.clock.setFixedTime(TODAY);
  await page.goto(site.url);
  await createVault(page);

  // A new vault: Home is the checklist, with nothing done, and the backup to make.
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await section(page, 'checklist').getByRole('heading', { name: /Getting started\s+0 of 4 done/ }).waitFor();
  for (const name of ['Enter your details as the controller', 'Add the purposes you process personal data for', 'Add your first contact', 'Make your first encrypted backup']) {
    assert.match(await step(page, name).innerText(), /to do$/, name);
  }
  assert.equal(await page.locator('.home-summary').innerText(), '1 thing needs you today.');
  assert.match(await section(page, 'backup').innerText(), /No encrypted backup has been made on this device yet/);
  await screenshot(page, 'home-first-run');
  assert.deepEqual(await seriousViolations(page), [], 'Home of a new vault');

  // 1. Your details, from the checklist's link.
  await section(page, 'checklist').getByRole('link', { name: 'Enter your details as the controller' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Jana Nováková');
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByText('Your details were saved.').waitFor();
  await home(page);
  assert.match(await step(page, 'Enter your details as the controller').innerText(), /done$/);
  await section(page, 'checklist').getByRole('heading', { name: /1 of 4 done/ }).waitFor();

  // 2. A purpose resting on consent.
  await section(page, 'checklist').getByRole('link', { name: 'Add the purposes you process personal data for' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Newsletter');
  await page.getByLabel('Description').fill('A monthly e-mail about tax changes');
  await page.getByLabel('Lawful basis').selectOption('consent');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Categories of data subjects').fill('clients');
  await page.getByLabel('Retention period').fill('until consent is withdrawn');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Newsletter' }).waitFor();
  await home(page);
  assert.match(await step(page, 'Add the purposes you process personal data for').innerText(), /done$/);

  // 3. The first contact; on their page a consent for one month, a follow-up due today and a
  // request received 25 days ago (due within the week).
  await section(page, 'checklist').getByRole('link', { name: 'Add your first contact' }).click();
  await page.getByLabel('Given name').fill('Petr');
  await page.getByLabel('Family name').fill('Černý');
  await page.getByLabel('E-mail').fill('petr@example.cz');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Černý' }).waitFor();

  const consentPanel = page.getByRole('region', { name: 'Consent' });
  await consentPanel.getByRole('button', { name: 'Record consent' }).click();
  await consentPanel.getByLabel('Purpose', { exact: true }).selectOption({ label: 'Newsletter' });
  await page.getByLabel('Collection method').selectOption('web_form');
  await page.getByLabel('Privacy notice shown (title or URL)').fill('https://poradna.cz/privacy');
  await page.getByLabel('Valid for (months)').fill('1');
  await page.getByLabel('How it was expressed').fill('ticked the box');
  await page.locator('button[type=submit]', { hasText: 'Record consent' }).click();
  await page.getByTestId('consent').filter({ hasText: 'Newsletter' }).waitFor();

  const [today, received] = await page.evaluate(() => {
    const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const now = new Date();
    return [day(now), day(new Date(now.getTime() - 25 * 86_400_000))];
  });
  assert.equal(today, '2027-02-10', 'the page runs on the test’s day');
  await page.getByRole('button', { name: 'Add a follow-up' }).click();
  await page.getByLabel('Follow-up', { exact: true }).fill('Call about the tax return');
  await page.getByLabel('Due date', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await page.getByRole('checkbox', { name: 'Call about the tax return' }).waitFor();
  await page.getByRole('button', { name: 'Add a follow-up' }).click();
  await page.getByLabel('Follow-up', { exact: true }).fill('Send the signed contract');
  await page.getByLabel('Due date', { exact: true }).fill('2027-02-08');
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await page.getByRole('checkbox', { name: 'Send the signed contract' }).waitFor();

  // A document kept until the end of April: its hold ends within 90 days.
  const documents = page.locator('section[aria-labelledby="documents-heading"]');
  await documents.getByRole('button', { name: 'Add document' }).click();
  await documents.getByLabel('Kind').selectOption({ label: 'Other' });
  await documents.getByLabel('Number').fill('NDA-2017');
  await documents.getByLabel('Date', { exact: true }).fill('2017-01-02');
  await documents.getByLabel('Retain until').fill('2027-04-30');
  await documents.getByLabel('Reason for another date').fill('until the audit closes');
  await documents.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('document').waitFor();

  await page.getByRole('link', { name: 'New request' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data subject requests' }).waitFor();
  await page.getByLabel('Right').selectOption('access');
  await page.getByLabel('Received').fill(received);
  await page.getByLabel('What was asked').fill('E-mail: what do you hold about me?');
  await page.getByRole('button', { name: 'Register request' }).click();
  await page.getByTestId('request').waitFor();

  // Home: the day's work, each item linking to where it is dealt with.
  await home(page);
  assert.match(await step(page, 'Add your first contact').innerText(), /done$/);
  assert.match(await step(page, 'Make your first encrypted backup').innerText(), /to do$/);
  await section(page, 'checklist').getByRole('heading', { name: /3 of 4 done/ }).waitFor();

  const followUps = page.getByTestId('home-follow-up');
  assert.equal(await followUps.count(), 2);
  assert.match(await followUps.nth(0).innerText(), /Send the signed contract — Petr Černý[\s\S]*8 Feb 2027, 09:00[\s\S]*overdue/);
  const followUp = followUps.nth(1);
  assert.match(await followUp.innerText(), /Call about the tax return — Petr Černý/);
  assert.doesNotMatch(await followUp.innerText(), /overdue/);
  assert.match(await followUp.getByRole('link').getAttribute('href'), /^\/contacts\/[0-9a-f-]{36}$/);
  const request = page.getByTestId('home-request');
  assert.match(await request.innerText(), /Access \(Art\. 15\) · Petr Černý[\s\S]*Due 16 Feb 2027[\s\S]*due soon/);
  assert.equal(await request.getByRole('link').getAttribute('href'), '/requests');
  const consent = page.getByTestId('home-consent');
  assert.match(await consent.innerText(), /Petr Černý · Newsletter[\s\S]*valid until 10 Mar 2027/);
  assert.match(await section(page, 'requests').getByRole('heading').innerText(), /Data subject requests due within 7 days or overdue \(1\)/);
  assert.match(await section(page, 'consents').getByRole('heading').innerText(), /Consents expiring within 30 days \(1\)/);
  const hold = page.getByTestId('home-hold');
  assert.match(await hold.innerText(), /Other NDA-2017 · Petr Černý[\s\S]*kept until 30 Apr 2027/);
  assert.match(await section(page, 'holds').innerText(), /Listed from 90 days before/);
  assert.equal(await page.locator('.home-summary').innerText(), '6 things need you today.');
  assert.deepEqual(await seriousViolations(page), [], 'Home with the day’s work');

  await followUp.getByRole('link', { name: 'Call about the tax return — Petr Černý' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Černý' }).waitFor();
  await home(page);
  await consent.getByRole('link', { name: 'Petr Černý · Newsletter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Černý' }).waitFor();
  await home(page);
  await hold.getByRole('link', { name: 'Other NDA-2017 · Petr Černý' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Černý' }).waitFor();
  await home(page);
  await request.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Data subject requests' }).waitFor();

  // 4. The first encrypted backup: the checklist is complete and leaves Home.
  await home(page);
  await section(page, 'checklist').getByRole('link', { name: 'Make your first encrypted backup' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  await backup(page);
  await home(page);
  await section(page, 'follow-ups').waitFor();
  assert.equal(await section(page, 'checklist').count(), 0, 'the checklist is done and gone');
  assert.match(await page.getByTestId('home-backup-status').innerText(), /^Last encrypted backup: 10 Feb 2027 \(today\)$/);
  assert.equal(await page.locator('.home-summary').innerText(), '5 things need you today.');
  assert.equal(await section(page, 'backup').locator('.hint').count(), 0, 'the backup’s own export is not named again');

  await screenshot(page, 'home-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll at 390 px');
  await screenshot(page, 'home-390');
  assert.deepEqual(await seriousViolations(page), [], 'Home at 390 px');

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});

test('a dismissed checklist stays away; with nothing to do Home says so, in English and Czech', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await section(page, 'checklist').getByRole('button', { name: 'Hide this checklist' }).click();
  assert.equal(await section(page, 'checklist').count(), 0);
  await nav(page, 'Settings');
  await home(page);
  await section(page, 'backup').waitFor();
  assert.equal(await section(page, 'checklist').count(), 0, 'the dismissal is remembered');

  await backup(page);
  await home(page);
  assert.equal(
    await page.locator('.home-summary').innerText(),
    'Nothing to do today: no follow-up is due, no request, consent or retention hold needs you, and your backup is recent.',
  );
  assert.equal(await page.locator('section.panel').count(), 1, 'only the backup status');
  assert.deepEqual(await seriousViolations(page), []);

  await nav(page, 'Settings');
  await page.getByLabel('Language of the interface').selectOption('cs');
  await page.getByRole('heading', { level: 1, name: 'Nastavení' }).waitFor();
  await page.getByRole('navigation', { name: 'Hlavní' }).getByRole('link', { name: 'Přehled' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dnes' }).waitFor();
  assert.match(await page.locator('.home-summary').innerText(), /^Dnes není co dělat/);
  assert.match(await page.getByTestId('home-backup-status').innerText(), /^Poslední šifrovaná záloha: .* \(dnes\)$/);
  await screenshot(page, 'home-cs-nothing-to-do');
  assert.deepEqual(problems(), []);
  await context.close();
});
