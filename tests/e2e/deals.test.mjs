// End to end: a deal for a contact, moved across the board by keyboard (and its stage history),
// an invoice on it that places a retention hold on the contact, follow-ups on the Agenda, the
// list view with a filter, a renamed stage, and nothing readable at rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, unlock, dumpIndexedDb, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const column = (page, stage) => page.locator(`section[aria-labelledby="stage-${stage}"]`);

test('a deal moves across the board by keyboard; an invoice holds the contact; follow-ups reach the Agenda', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  await nav(page, 'Deals');
  await page.getByText('No deals yet.').waitFor();

  // A client, and a deal started from their page (the contact comes along).
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Jana');
  await page.getByLabel('Family name').fill('Dvořáková');
  await page.getByLabel('Tags').fill('client');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Jana Dvořáková' }).waitFor();
  await page.getByRole('link', { name: 'New deal' }).click();
  await page.getByRole('heading', { level: 1, name: 'New deal' }).waitFor();
  assert.match(await page.locator('.chosen').innerText(), /Jana Dvořáková/);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('this field is required').first().waitFor();
  await page.getByLabel('Title').fill('Tax audit 2027');
  await page.getByLabel('Value').fill('125,000.50');
  await page.getByLabel('Currency').fill('EUR');
  await page.getByLabel('Expected close').fill('2027-01-31');
  await page.getByLabel('Probability (%)').fill('40');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tax audit 2027' }).waitFor();
  const facts = await page.locator('.details').innerText();
  assert.match(facts, /EUR\s?125,000\.50/);
  assert.match(facts, /EUR\s?50,000\.20/, 'weighted value is 40 % exactly');

  // The board: the card starts in Lead and moves right twice by keyboard, keeping focus.
  await nav(page, 'Deals');
  const card = page.locator('.deal-card', { hasText: 'Tax audit 2027' });
  await column(page, 'lead').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await column(page, 'qualified').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('deal-card'));
  await page.keyboard.press('ArrowRight');
  await column(page, 'proposal').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  await page.getByText('Moved “Tax audit 2027” to Proposal.').waitFor();
  assert.equal(await column(page, 'lead').locator('.deal-card').count(), 0);
  assert.match(await column(page, 'proposal').innerText(), /EUR\s?125,000\.50/);
  assert.match(await page.locator('.totals').innerText(), /Open pipeline \(EUR\)\s+EUR\s?125,000\.50 · weighted EUR\s?50,000\.20/);
  await page.getByRole('img', { name: /Value per stage \(EUR\)/ }).waitFor();
  await screenshot(page, 'deals-board');
  assert.deepEqual(await seriousViolations(page), [], 'the board with a card');

  // The list: filtered by stage, sorted by value.
  await page.getByRole('button', { name: 'List' }).click();
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Negotiation' });
  await page.getByText('No deal matches these filters.').waitFor();
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Proposal' });
  await page.getByRole('cell', { name: 'Tax audit 2027' }).waitFor();
  await screenshot(page, 'deals-list');
  assert.deepEqual(await seriousViolations(page), [], 'the list');

  // The deal's page: its stage history, then an invoice with its default retention.
  await page.getByRole('link', { name: 'Tax audit 2027' }).click();
  const history = page.locator('section[aria-labelledby="stage-history-heading"]');
  assert.match(await history.innerText(), /Proposal[\s\S]*Qualified[\s\S]*Lead/);
  await page.getByRole('button', { name: 'Add document' }).click();
  await page.getByLabel('Kind').selectOption({ label: 'Invoice' });
  await page.getByLabel('Number').fill('FV-2026-015');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-15');
  await page.getByLabel('Amount').fill('3000');
  await page.getByLabel('Currency').fill('EUR');
  await page.getByRole('button', { name: 'Save' }).click();
  const invoice = page.getByTestId('document');
  await invoice.waitFor();
  assert.match(await invoice.innerText(), /Invoice FV-2026-015 · 15 Mar 2026 · EUR\s?3,000\.00 · keep until 31 Dec 2036/);
  await screenshot(page, 'deal-page');
  assert.deepEqual(await seriousViolations(page), [], 'the deal page');

  // The contact now carries the retention hold, and cannot simply be deleted.
  await page.getByRole('link', { name: 'Jana Dvořáková' }).click();
  const hold = page.getByTestId('retention-hold');
  await hold.waitFor();
  assert.match(await hold.innerText(), /Retention hold until 31 Dec 2036/);
  assert.match(await hold.innerText(), /Invoice FV-2026-015 — keep until 31 Dec 2036/);
  // The hold badge is readable (it was white on pale blue, 1.17:1).
  assert.deepEqual(await seriousViolations(page), [], 'the contact page with its hold badge');
  // Delete is an erasure: its plan says the invoice keeps what it needs; cancelled here.
  await page.getByRole('button', { name: 'Delete' }).first().click();
  const plan = page.getByRole('alertdialog').getByTestId('delete-plan');
  await plan.waitFor();
  assert.match(await plan.innerText(), /Invoice FV-2026-015: keep until 31 Dec 2036/);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByRole('alertdialog').count(), 0);

  // Follow-ups: one due today, one overdue; both on the Agenda; ticking one done moves it.
  const [today, yesterday] = await page.evaluate(() => {
    const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const now = new Date();
    return [day(now), day(new Date(now.getTime() - 86_400_000))];
  });
  await page.getByRole('button', { name: 'Add a follow-up' }).click();
  await page.getByLabel('Follow-up', { exact: true }).fill('Call about the audit offer');
  await page.getByLabel('Due date', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await page.getByRole('checkbox', { name: 'Call about the audit offer' }).waitFor();
  await page.getByRole('button', { name: 'Add a follow-up' }).click();
  await page.getByLabel('Follow-up', { exact: true }).fill('Send the engagement letter');
  await page.getByLabel('Due date', { exact: true }).fill(yesterday);
  await page.getByLabel('Time', { exact: true }).fill('08:30');
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await page.getByRole('checkbox', { name: 'Send the engagement letter' }).waitFor();
  await screenshot(page, 'contact-with-deal');

  await nav(page, 'Agenda');
  const section = (key) => page.locator(`section[aria-labelledby="agenda-${key}"]`);
  await section('today').getByRole('checkbox', { name: 'Call about the audit offer' }).waitFor();
  await section('overdue').getByRole('checkbox', { name: 'Send the engagement letter' }).waitFor();
  assert.match(await section('today').innerText(), /Jana Dvořáková/);
  // Losing touch: Jana (tag client) has no activity at all.
  assert.match(await page.locator('section[aria-labelledby="losing-touch-heading"]').innerText(), /Jana Dvořáková\s+never contacted/);
  // Ticked, the follow-up moves to Done (the box it was ticked in goes with it).
  await section('overdue').getByRole('checkbox', { name: 'Send the engagement letter' }).click();
  await section('done').getByRole('checkbox', { name: 'Send the engagement letter' }).waitFor();
  await section('overdue').getByText('Nothing here.').waitFor();
  await screenshot(page, 'agenda');
  assert.deepEqual(await seriousViolations(page), [], 'the Agenda');

  // A renamed stage shows on the board; the deal stays in it.
  await nav(page, 'Settings');
  await page.getByLabel('Stage 3').fill('Offer sent');
  await page.getByLabel('Stage 3').press('Tab');
  await page.locator('section[aria-labelledby="pipeline-heading"]').getByRole('button', { name: 'Save' }).click();
  await page.locator('section[aria-labelledby="pipeline-heading"]').getByText('Saved.').waitFor();
  await nav(page, 'Deals');
  assert.match(await column(page, 'proposal').locator('h2').innerText(), /Offer sent/);

  // After a reload all of it is back; at rest nothing is readable.
  await page.goto(site.url + 'deals');
  await unlock(page);
  await column(page, 'proposal').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  // Drag and drop moves it too; the stage menu on the card as well.
  await card.dragTo(column(page, 'negotiation'));
  await column(page, 'negotiation').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  await page.getByLabel('Stage: Tax audit 2027').selectOption({ label: 'Won' });
  await column(page, 'won').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  assert.match(await page.getByRole('img', { name: /Won and lost, last 12 months/ }).getAttribute('aria-label'), /Won 1, Lost 0$/);
  const stored = (await dumpIndexedDb(page)).join('\n');
  for (const secret of ['Tax audit', 'FV-2026-015', 'engagement letter', 'Offer sent', 'Dvořáková']) {
    assert.ok(!stored.includes(secret), `${secret} is not stored in plain text`);
  }
  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
