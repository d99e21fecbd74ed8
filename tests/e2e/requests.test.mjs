// End to end: a data subject request registered from a contact's page, due a month after receipt;
// due soon on the Requests page and the Agenda; a step, one extension with its reason, and
// closing as done; the register keeps it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteAndBrowser, openPage, screenshot, createVault, seriousViolations } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

test('a request is registered, shows when due, is extended once and closed', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill('Petr');
  await page.getByLabel('Family name').fill('Černý');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Petr Černý' }).waitFor();

  // Received 25 days ago: due in about a week.
  const received = await page.evaluate(() => {
    const d = new Date(Date.now() - 25 * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByRole('link', { name: 'New request' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data subject requests' }).waitFor();
  assert.equal(await page.getByLabel('Contact (if in Folio)').locator('option:checked').innerText(), 'Petr Černý');
  await page.getByLabel('Right').selectOption('erasure');
  await page.getByLabel('Received').fill(received);
  await page.getByLabel('What was asked').fill('Letter: please erase my data');
  await page.getByRole('button', { name: 'Register request' }).click();
  const item = page.getByTestId('request');
  await item.waitFor();
  assert.match(await item.innerText(), /Erasure \(Art\. 17\) · Petr Černý · Received .* · Due .* due soon/);
  assert.match(await item.innerText(), /Letter: please erase my data/);
  assert.deepEqual(await seriousViolations(page), []);

  await nav(page, 'Agenda');
  assert.match(await page.locator('section[aria-labelledby="agenda-requests"]').innerText(), /Erasure \(Art\. 17\) · Petr Černý[\s\S]*due soon/);

  await nav(page, 'Requests');
  await item.locator('summary').click();
  await item.getByLabel('Step taken').fill('Identity confirmed by phone');
  await item.getByRole('button', { name: 'Add step' }).click();
  await item.getByText(/Identity confirmed by phone/).waitFor();
  // The actions stay open while the list redraws.
  await item.getByRole('button', { name: 'Extend by two months' }).click();
  await page.getByText('An extension, a refusal and a step each need a reason or a note. Nothing was changed.').waitFor();
  await item.getByLabel('Reason for the extension').fill('Records span ten years');
  await item.getByRole('button', { name: 'Extend by two months' }).click();
  await item.getByText(/extended: Records span ten years/).waitFor();
  assert.doesNotMatch(await item.innerText(), /due soon/);
  await screenshot(page, 'requests');
  await item.getByLabel('Outcome or reason').fill('Erased; nothing kept');
  await item.getByRole('button', { name: 'Close as done' }).click();
  const closed = page.locator('section[aria-labelledby="closed-requests-heading"]').getByTestId('request');
  await closed.waitFor();
  assert.match(await closed.innerText(), /done[\s\S]*Outcome: Erased; nothing kept/);
  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
