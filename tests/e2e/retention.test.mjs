// End to end: the retention schedule (issue 21, item 2; GDPR Art. 5(1)(e)). The contact record's
// rule is set in Settings (12 months after the last activity) and a purpose gets its own rule in
// the purpose form. Two contacts whose last activity was long ago appear under Due for review on
// the Agenda, with why and since when, and Home counts them; one created today does not. Erase all
// asks first, naming how many; one is erased from its own Erase, the other with Erase all. They
// are gone, the other contact stays, and the audit log records each erasure and still verifies.
// Screenshots: artifacts/retention-agenda-{1280,390}.png, retention-{purpose-form,settings}-390.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

async function newContact(page, given, family, email, lastActivity) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
  if (lastActivity) {
    await page.getByRole('button', { name: 'Log an activity' }).click();
    await page.getByLabel('Subject').fill(`Call with ${given}`);
    await page.getByLabel('When').fill(lastActivity);
    await page.getByRole('button', { name: 'Add activity' }).click();
    await page.locator('.timeline-item', { hasText: `Call with ${given}` }).waitFor();
  }
}

const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('a contact due for review appears under Due for review and can be erased from there', async () => {
  const { page, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // The contact record's rule, in Settings: 12 months after the last activity (36 by default).
  await nav(page, 'Settings');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const months = page.getByLabel("Keep a contact's record for (months)");
  assert.equal(await months.inputValue(), '36');
  assert.equal(await page.locator('#profile-keep-after').inputValue(), 'last_activity');
  await page.getByLabel('Name', { exact: true }).fill('Jana Poradkyně');
  await months.fill('601');
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByText('enter a number of months from 1 to 600, or leave it empty').waitFor();
  await months.fill('12');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await noSidewaysScroll(page), 'Settings fit 390 px');
  await screenshot(page, 'retention-settings-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByText('Your details were saved.').waitFor();

  // A purpose with its structured rule beside the retention text; it is kept when edited.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Newsletter');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Retention period').fill('six months after the consent ends');
  await page.getByLabel('Keep for (months)').fill('6');
  await page.getByLabel('after', { exact: true }).selectOption('consent_ended');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await noSidewaysScroll(page), 'the purpose form fits 390 px');
  await screenshot(page, 'retention-purpose-form-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Newsletter' }).click();
  assert.equal(await page.getByLabel('Keep for (months)').inputValue(), '6');
  assert.equal(await page.getByLabel('after', { exact: true }).inputValue(), 'consent_ended');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Two people last contacted long ago, one met today.
  await newContact(page, 'Petr', 'Černý', 'petr@cerny.cz', '2024-01-15T10:00');
  await newContact(page, 'Karel', 'Starý', 'karel@stary.cz', '2023-06-30T09:00');
  await newContact(page, 'Eva', 'Malá', 'eva@mala.cz');

  // Home counts them and leads to the Agenda.
  await nav(page, 'Home');
  assert.equal(await page.getByTestId('home-review').innerText(), '2 people due for review');
  await page.getByTestId('home-review').getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();

  // The Agenda lists them with why and since when, the longest due first; Eva is not listed.
  const review = page.locator('section[aria-labelledby="agenda-review"]');
  await review.getByRole('heading', { name: /Due for review/ }).waitFor();
  const rows = review.getByTestId('due-review');
  assert.equal(await rows.count(), 2);
  const karel = rows.filter({ hasText: 'Karel Starý' });
  const petr = rows.filter({ hasText: 'Petr Černý' });
  assert.match(await rows.first().innerText(), /Karel Starý/);
  assert.match(await petr.innerText(), /due since 15 Jan 2025/);
  assert.match(await petr.innerText(), /Contact record: 12 months after the last activity \(15 Jan 2024\), ended 15 Jan 2025/);
  assert.match(await karel.innerText(), /due since 30 Jun 2024/);
  assert.doesNotMatch(await review.innerText(), /Eva Malá/);
  assert.deepEqual(await seriousViolations(page), [], 'the Agenda with people due for review');
  await screenshot(page, 'retention-agenda-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await noSidewaysScroll(page), 'the Agenda fits 390 px');
  await screenshot(page, 'retention-agenda-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Erase all asks first, naming how many; Cancel changes nothing.
  await review.getByRole('button', { name: 'Erase all' }).click();
  await review.getByText('Erase all 2 people due for review? This cannot be undone.').waitFor();
  await review.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await rows.count(), 2);

  // One by one: Petr, after his own confirmation.
  await petr.getByRole('button', { name: 'Erase', exact: true }).click();
  await petr.getByText('Erase Petr Černý? This cannot be undone.').waitFor();
  await petr.getByRole('button', { name: 'Yes, erase' }).click();
  assert.equal(await review.getByTestId('review-erased').innerText(), 'Erased 1 person.');
  assert.equal(await rows.count(), 1);

  // Together: the rest (Karel).
  await review.getByRole('button', { name: 'Erase all' }).click();
  await review.getByText('Erase all 1 person due for review? This cannot be undone.').waitFor();
  await review.getByRole('button', { name: 'Yes, erase' }).click();
  await review.getByText('Nobody is due for review.').waitFor();
  assert.equal(await review.getByTestId('review-erased').innerText(), 'Erased 1 person.');
  await screenshot(page, 'retention-agenda-empty');

  // They are gone, with their activities; Eva stays; Home no longer counts anyone.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Eva Malá' }).waitFor();
  for (const gone of ['Petr Černý', 'Karel Starý']) {
    assert.equal(await page.getByRole('link', { name: gone }).count(), 0, `${gone} is gone`);
  }
  await nav(page, 'Home');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(await page.getByTestId('home-review').count(), 0);

  // The audit log records each erasure, under a reference and without their names; it verifies.
  await nav(page, 'Audit log');
  await page.getByTestId('chain').filter({ hasText: 'The hash chain verifies.' }).waitFor();
  const log = await page.locator('main').innerText();
  assert.equal((log.match(/Erased person \([0-9a-f]{8}\)/g) || []).length >= 2, true, log);
  for (const gone of ['Petr', 'Černý', 'Karel', 'Starý', 'petr@cerny.cz']) {
    assert.doesNotMatch(log, new RegExp(gone), `${gone} is not in the audit log`);
  }
  await nav(page, 'Requests');
  await page.getByText('No requests registered.').waitFor();

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
});
