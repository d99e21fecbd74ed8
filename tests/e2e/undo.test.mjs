// End to end: feedback and undo (#20). Withdraw asks first (naming the purpose), then says so in
// the status message with Undo; Undo restores a withdrawn consent's state through a new event,
// and the contact's history shows both. An activity deleted at once comes back with Undo; a
// stage move is moved back; a deal an invoice refers to says why it cannot be deleted before
// any question. The status message passes axe, at 1280 and 390 wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, createVault, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const column = (page, stage) => page.locator(`section[aria-labelledby="stage-${stage}"]`);

test('Undo restores a withdrawn consent, a deleted activity and a stage move; a held deal says why first', async () => {
  const { page, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // A purpose that rests on consent, and a contact who gave it.
  await nav(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Newsletter');
  await page.getByLabel('Lawful basis').selectOption('consent');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Categories of data subjects').fill('clients');
  await page.getByLabel('Retention period').fill('until consent is withdrawn');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Newsletter' }).waitFor();
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Eva');
  await page.getByLabel('Family name').fill('Malá');
  await page.getByLabel('E-mail').fill('eva@firma.cz');
  await page.getByLabel('Newsletter').check();
  await page.getByLabel('Collection method').selectOption('web_form');
  await page.getByLabel('Privacy notice shown (title or URL)').fill('https://poradna.cz/privacy');
  await page.getByLabel('How it was expressed').fill('ticked the box');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Eva Malá' }).waitFor();
  const consent = page.getByTestId('consent');
  assert.match(await consent.innerText(), /Newsletter: given, until withdrawn/);

  // Withdraw asks first, naming the purpose; Cancel has the focus and Escape cancels.
  const withdraw = page.getByRole('button', { name: 'Withdraw', exact: true });
  await withdraw.click();
  const question = page.getByRole('alertdialog', { name: 'Withdraw consent to Newsletter?' });
  await question.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'withdraw-cancel');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Withdraw');
  assert.match(await consent.innerText(), /Newsletter: given/, 'nothing was written by asking');

  // Confirmed: withdrawn, and the status message says so (a live region), with Undo.
  await withdraw.click();
  await question.getByRole('button', { name: 'Yes, withdraw' }).click();
  const status = page.getByTestId('action-status');
  await status.getByText('Consent to Newsletter withdrawn.').waitFor();
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  await consent.getByText(/Newsletter: withdrawn/).waitFor();
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.waitFor();
  // The Withdraw button went with the state: the focus moved to Undo, not to nowhere (which
  // also keeps the message up while the screenshots and axe run).
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Undo');
  await page.screenshot({ path: new URL('./artifacts/undo-status-1280.png', import.meta.url).pathname });
  assert.deepEqual(await seriousViolations(page), [], 'the page with the status message');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: new URL('./artifacts/undo-status-390.png', import.meta.url).pathname });
  assert.deepEqual(await seriousViolations(page), [], 'the status message on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Undo: a new event gives the consent back; both events are in its history and the contact's.
  await undo.click();
  await status.getByText('Withdrawal undone: consent to Newsletter is given again.').waitFor();
  await consent.getByText(/Newsletter: given, until withdrawn/).waitFor();
  const events = await consent.locator('.consent-events').innerText();
  assert.match(events, /given — ticked the box[\s\S]*withdrawn — withdrawn in Folio[\s\S]*withdrawal undone, given again — undone in Folio: the withdrawal was recorded by mistake/);
  await page.getByRole('button', { name: 'Withdraw', exact: true }).waitFor();
  // The audit log: the withdrawal and, after it, its undo, as two events; the chain verifies.
  await nav(page, 'Audit log');
  await page.getByTestId('chain').getByText(/verifies/).waitFor();
  const log = await page.locator('main').innerText();
  assert.match(log, /withdrawn — withdrawn in Folio at the person's request/);
  assert.match(log, /given — undone in Folio: the withdrawal was recorded by mistake \(\d{1,2} \w+ 20\d\d, \d\d?:\d\d\)/);
  assert.doesNotMatch(log, /folio:/, 'no stored code shows');
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'Eva Malá' }).click();
  await page.getByRole('heading', { level: 1, name: 'Eva Malá' }).waitFor();

  // An activity deleted at once (no question), then brought back by Undo.
  await page.getByRole('button', { name: 'Log an activity' }).click();
  await page.getByLabel('Subject').fill('Call about the offer');
  await page.getByRole('button', { name: 'Add activity' }).click();
  const call = page.locator('.timeline-item', { hasText: 'Call about the offer' });
  await call.waitFor();
  await call.getByRole('button', { name: 'Delete' }).click();
  await call.waitFor({ state: 'detached' });
  await status.getByText('Activity deleted.').waitFor();
  await undo.click();
  await status.getByText('Activity restored.').waitFor();
  await call.waitFor();
  // Dismiss takes the message away.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal((await status.innerText()).trim(), '');

  // A deal moved on its page, and moved back by Undo (a new move in its stage history).
  await page.getByRole('link', { name: 'New deal' }).click();
  await page.getByLabel('Title').fill('Tax audit 2027');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tax audit 2027' }).waitFor();
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Qualified' });
  await status.getByText('Moved “Tax audit 2027” to Qualified.').waitFor();
  await undo.click();
  await status.getByText('Moved “Tax audit 2027” back to Lead.').waitFor();
  const stages = page.locator('section[aria-labelledby="stage-history-heading"]');
  await stages.getByText('Qualified').waitFor();
  assert.match(await stages.innerText(), /Lead[\s\S]*Qualified[\s\S]*Lead/);
  assert.equal(await page.getByLabel('Stage', { exact: true }).inputValue(), 'lead');

  // On the board too: moved right by keyboard, and back by Undo.
  await nav(page, 'Deals');
  const card = page.locator('.deal-card', { hasText: 'Tax audit 2027' });
  await column(page, 'lead').locator('.deal-card').waitFor();
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await column(page, 'qualified').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  await status.getByText('Moved “Tax audit 2027” to Qualified.').waitFor();
  await undo.click();
  await column(page, 'lead').locator('.deal-card', { hasText: 'Tax audit 2027' }).waitFor();
  await status.getByText('Moved “Tax audit 2027” back to Lead.').waitFor();

  // An invoice on the deal: Delete says why it cannot, before any question.
  await page.getByRole('link', { name: 'Tax audit 2027' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Tax audit 2027' }).waitFor();
  await page.getByRole('button', { name: 'Add document' }).click();
  await page.getByLabel('Kind').selectOption({ label: 'Invoice' });
  await page.getByLabel('Number').fill('FV-2026-015');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-15');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('document').waitFor();
  await page.locator('.page-head').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alert').getByText(/1 document still refers to this and must be kept/).waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no question is asked');
  assert.equal(await page.getByRole('button', { name: 'Yes, delete' }).count(), 0);
  await page.getByRole('heading', { level: 1, name: 'Tax audit 2027' }).waitFor();

  // The audit log keeps the deletion and the restoring of the activity, and both moves back.
  await nav(page, 'Audit log');
  await page.getByTestId('chain').getByText(/verifies/).waitFor();
  const trail = await page.locator('main').innerText();
  assert.match(trail, /restored/);
  assert.match(trail, /deleted/);

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
});
