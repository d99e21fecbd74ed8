// End to end: the small things a daily user trips over (#20 items 6, 7 and 9). Amounts with
// either decimal separator in either language, a field's error gone once it is corrected, a won
// deal that the arrow keys do not turn into a lost one, a reopened deal's probability, Czech
// citations and plurals, dates that never run into list numbers, and the defaults a consent
// takes from its purpose and from the person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: /^(Main|Hlavní)$/ }).getByRole('link', { name }).click();
const column = (page, stage) => page.locator(`section[aria-labelledby="stage-${stage}"]`);

/** Every numbered list whose entries start with a digit (a date) on the page: there must be none. */
async function numbersRunningIntoDates(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('ol')]
      .filter((ol) => getComputedStyle(ol).listStyleType !== 'none')
      .flatMap((ol) => [...ol.children].map((li) => li.innerText.trim()))
      .filter((text) => /^\d/.test(text)),
  );
}

test('amounts, field errors, arrow keys and a reopened deal', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // A field's error is gone as soon as the field is corrected, before the next Save.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Jana');
  await page.getByLabel('Family name').fill('Dvořáková');
  await page.getByLabel('E-mail').fill('jana@');
  await page.getByRole('button', { name: 'Save' }).click();
  const emailError = page.locator('#contact-emails-error, .field-error').first();
  await emailError.waitFor();
  await page.getByLabel('E-mail').fill('jana@firma.cz');
  await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 0);
  assert.equal(await page.getByLabel('E-mail').getAttribute('aria-invalid'), null);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Jana Dvořáková' }).waitFor();

  // "15 000,50" in English: fifteen thousand and a half, not a grouping error.
  await page.getByRole('link', { name: 'New deal' }).click();
  await page.getByLabel('Title').fill('Audit');
  await page.getByLabel('Value').fill('15 000,50');
  await page.getByLabel('Currency').fill('EUR');
  await page.getByLabel('Probability (%)').fill('40');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
  assert.match(await page.locator('.details').innerText(), /EUR\s?15,000\.50/);

  // Won by the stage menu; then ArrowRight on the Won card does not make it Lost, and says why.
  await nav(page, 'Deals');
  await page.getByLabel('Stage: Audit').selectOption({ label: 'Won' });
  await column(page, 'won').locator('.deal-card', { hasText: 'Audit' }).waitFor();
  await column(page, 'won').locator('.deal-card', { hasText: 'Audit' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByText('A closed deal is not moved to the other outcome with the arrow keys').waitFor();
  assert.equal(await column(page, 'lost').locator('.deal-card').count(), 0);
  assert.equal(await column(page, 'won').locator('.deal-card').count(), 1);
  // ArrowLeft reopens it, and the probability it had while open comes back.
  await column(page, 'won').locator('.deal-card', { hasText: 'Audit' }).focus();
  await page.keyboard.press('ArrowLeft');
  await column(page, 'negotiation').locator('.deal-card', { hasText: 'Audit' }).waitFor();
  await column(page, 'negotiation').getByRole('link', { name: 'Audit' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
  assert.match(await page.locator('.details').innerText(), /Probability \(%\)\s+40$/);
  assert.match(await page.locator('.details').innerText(), /Weighted\s+EUR\s?6,000\.20/);

  assert.deepEqual(problems(), []);
  await context.close();
});

test('a purpose notice and the person language become the consent defaults; Czech cites and counts as Czech does', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // A purpose with its privacy notice.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Newsletter');
  await page.getByLabel('Lawful basis').selectOption('consent');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Retention period').fill('until consent is withdrawn');
  await page.getByLabel('Title of the notice').fill('Privacy notice v3');
  await page.getByLabel('Where it is published (URL)').fill('poradna.cz/gdpr');
  await page.getByLabel('Text of the notice (optional: only its SHA-256 is kept)').fill('We send a monthly newsletter.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Newsletter' }).waitFor();
  // Opened again: the digest of the text is kept without the text.
  await page.getByRole('link', { name: 'Newsletter' }).click();
  assert.equal(await page.getByLabel('Where it is published (URL)').inputValue(), 'https://poradna.cz/gdpr');
  await page.locator('code.digest').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A person who prefers English, recorded in a Czech interface later: the consent form offers
  // the purpose's notice and the person's language.
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('John');
  await page.getByLabel('Family name').fill('Smith');
  await page.getByLabel('E-mail').fill('john@example.com');
  await page.getByLabel('Preferences').fill('language: English');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'John Smith' }).waitFor();

  await nav(page, 'Settings');
  await page.getByLabel('Language of the interface').selectOption({ label: 'Čeština' });
  await nav(page, 'Kontakty');
  await page.getByRole('link', { name: 'John Smith' }).click();
  await page.getByRole('heading', { level: 1, name: 'John Smith' }).waitFor();
  const open = page.getByRole('button', { name: 'Zaznamenat souhlas' });
  if (await open.count()) await open.first().click();
  else await page.getByText('Zaznamenat souhlas', { exact: true }).first().click();
  assert.equal(await page.locator('#consent-notice').inputValue(), 'Privacy notice v3 (https://poradna.cz/gdpr)');
  assert.equal(await page.locator('#consent-language').inputValue(), 'en');
  await page.getByText('Převzato z účelu').waitFor();
  await page.locator('form').filter({ has: page.locator('#consent-notice') }).getByRole('button', { name: 'Zaznamenat souhlas' }).click();
  await page.getByTestId('consent').filter({ hasText: 'Newsletter' }).waitFor();
  assert.deepEqual(await numbersRunningIntoDates(page), [], 'the consent events on the contact page');
  await screenshot(page, 'wording-contact-cs');

  // The receipt carries the purpose's notice and its digest.
  await page.getByRole('link', { name: 'Potvrzení' }).first().click();
  const receipt = await page.locator('main').innerText();
  assert.match(receipt, /Privacy notice v3/);
  assert.match(receipt, /[0-9a-f]{64}/);
  assert.match(receipt, /čl\. 6 odst\. 1 písm\. a\)/);
  assert.doesNotMatch(receipt, /Art\./);
  assert.deepEqual(await numbersRunningIntoDates(page), [], 'the receipt');

  // The purposes list, in Czech: the citation and a plural that agrees with its number.
  await nav(page, 'Souhlasy');
  await page.getByRole('link', { name: 'Účely zpracování' }).click();
  const purposes = await page.locator('main').innerText();
  assert.match(purposes, /Souhlas \(čl\. 6 odst\. 1 písm\. a\) GDPR\) · 1 souhlas\b/);
  assert.doesNotMatch(purposes, /Art\.|souhlasů/);
  await screenshot(page, 'wording-purposes-cs');
  assert.deepEqual(await seriousViolations(page), []);

  assert.deepEqual(problems(), []);
  await context.close();
});
