// End to end: the encrypted vault as a person uses it, and what it leaves at rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSiteAndBrowser, openPage, screenshot, createVault, unlock, dumpIndexedDb, PASSPHRASE, eventually,
} from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

async function saveDetails(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByText('Your details were saved.').waitFor();
}

test('create, reload, wrong passphrase, unlock, lock; nothing readable at rest', async () => {
  const { page, context, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);

  // Field errors before anything is created.
  await page.getByRole('heading', { level: 1, name: 'Create your vault' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill('too short');
  await page.getByLabel('Confirm passphrase', { exact: true }).fill('too short');
  await page.getByRole('button', { name: 'Create vault' }).click();
  assert.match(await page.getByRole('alert').first().innerText(), /at least 12 characters/);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE + 'x');
  await page.getByRole('button', { name: 'Create vault' }).click();
  assert.match(await page.getByRole('alert').first().innerText(), /differ/);

  await createVault(page);
  const marker = `MARKER-${Date.now()}-Řeřicha`;
  await saveDetails(page, marker);
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), marker);

  // No plaintext at rest: the marker appears in no value of any store of any database.
  const dump = await dumpIndexedDb(page);
  assert.ok(dump.some((v) => v.startsWith('folio/records: ')), 'records were written');
  assert.ok(dump.some((v) => v.startsWith('folio/audit: ')), 'audit events were written');
  for (const value of dump) {
    assert.ok(!value.includes('MARKER-'), `plaintext found at rest: ${value.slice(0, 200)}`);
    assert.ok(!value.includes('Řeřicha'));
  }
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(!local.includes('MARKER-'));

  // Reload: the vault is there and locked.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  const before = await dumpIndexedDb(page);
  // The passphrase has the focus on load, and can be shown while typed.
  const field = page.getByLabel('Passphrase', { exact: true });
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'passphrase'));
  await field.fill('not the right passphrase');
  const show = page.getByRole('button', { name: 'Show passphrase' });
  assert.equal(await show.getAttribute('aria-pressed'), 'false');
  await show.click();
  assert.equal(await field.getAttribute('type'), 'text');
  assert.equal(await show.getAttribute('aria-pressed'), 'true');
  await show.click();
  assert.equal(await field.getAttribute('type'), 'password');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 30_000 });
  assert.match(await alert.innerText(), /wrong passphrase/);
  // After a wrong attempt the text is selected, to be typed again.
  await eventually(async () => assert.deepEqual(await page.evaluate(() => {
    const el = document.activeElement;
    return [el?.id, el?.selectionStart, el?.selectionEnd];
  }), ['passphrase', 0, 'not the right passphrase'.length]));
  await screenshot(page, 'wrong-passphrase');
  assert.deepEqual(await dumpIndexedDb(page), before, 'a wrong passphrase changes nothing');

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), marker);
  await screenshot(page, 'settings');

  // Unlock timing, for the record (printed, never asserted).
  await page.getByRole('link', { name: 'About this vault' }).click();
  console.log(`unlock timing (headless Chromium): ${await page.getByTestId('unlock-time').innerText()}`);
  assert.match(await page.getByTestId('audit').innerText(), /^2 events; the hash chain verifies\.$/);

  // Lock drops everything decrypted from the page.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  assert.ok(!(await page.content()).includes(marker));

  assert.deepEqual(foreignRequests(), []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a guessable passphrase is refused with its reason; the strength shows while typing', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await page.getByRole('heading', { level: 1, name: 'Create your vault' }).waitFor();
  const strength = page.locator('#passphrase-strength');
  assert.equal(await strength.getAttribute('aria-live'), 'polite');
  assert.equal(await strength.innerText(), '', 'nothing typed, nothing said');

  // Typed key by key: the text follows, and the focus stays in the field.
  const field = page.getByLabel('Passphrase', { exact: true });
  await field.pressSequentially('aaaaaaaaaaaa');
  await page.locator('#passphrase-strength', { hasText: 'Strength: weak' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'passphrase');
  await page.getByLabel('Confirm passphrase', { exact: true }).fill('aaaaaaaaaaaa');
  await page.getByRole('button', { name: 'Create vault' }).click();
  assert.match(await page.getByRole('alert').first().innerText(), /too easy to guess: it repeats/);
  await screenshot(page, 'create-weak-passphrase');

  for (const [weak, reason] of [['Password2024!', /common passwords/], ['qwertzuiopú)', /row of the keyboard/]]) {
    await field.fill(weak);
    await page.getByLabel('Confirm passphrase', { exact: true }).fill(weak);
    await page.getByRole('button', { name: 'Create vault' }).click();
    assert.match(await page.getByRole('alert').first().innerText(), reason, weak);
  }

  await field.fill('');
  await field.pressSequentially('correct horse battery staple');
  await page.locator('#passphrase-strength', { hasText: 'Strength: very strong' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'passphrase');
  await page.getByLabel('Confirm passphrase', { exact: true }).fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });

  // Settings → change passphrase says the same.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const fresh = page.getByLabel('New passphrase', { exact: true });
  await fresh.pressSequentially('monkeymonkey');
  await page.locator('#new-passphrase-strength', { hasText: 'Strength: weak' }).waitFor();
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByLabel('Confirm new passphrase').fill('monkeymonkey');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByText(/too easy to guess: it repeats/).waitFor();
  await fresh.fill('backup passphrase 2026');
  await page.locator('#new-passphrase-strength', { hasText: /Strength: (strong|very strong)$/ }).waitFor();
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a second tab says the vault is open elsewhere and can take over', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  const second = await context.newPage();
  await second.goto(site.url);
  await second.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  await second.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await second.getByRole('button', { name: 'Unlock', exact: true }).click();
  await second.getByText('Folio is open in another tab').waitFor();
  await second.getByRole('button', { name: 'Take over' }).click();
  await second.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });

  // The first tab let go: it locked itself and says why.
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  assert.match(await page.getByRole('status').first().innerText(), /opened in another tab/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the vault locks itself after the idle delay', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.clock.install();
  await page.goto(site.url);
  await createVault(page);
  await page.clock.fastForward('14:00');
  assert.ok(await page.getByRole('button', { name: 'Lock' }).isVisible(), 'still unlocked before 15 minutes');
  await page.clock.fastForward('01:30');
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  assert.match(await page.getByRole('status').first().innerText(), /locked itself after 15 minutes without activity/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('changing the passphrase retires the old one', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await saveDetails(page, 'Jana Nováková');
  const fresh = 'a completely new passphrase';
  await page.getByLabel('Current passphrase').fill('wrong current passphrase');
  await page.getByLabel('New passphrase', { exact: true }).fill(fresh);
  await page.getByLabel('Confirm new passphrase').fill(fresh);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByText('wrong passphrase: this is not your current passphrase').waitFor({ timeout: 30_000 });

  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByText('Your passphrase was changed.').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Lock' }).click();

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByText(/wrong passphrase/).waitFor({ timeout: 30_000 });
  await unlock(page, fresh);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Jana Nováková');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a tampered record is reported as damaged and the rest of the vault opens', async () => {
  const { page, context, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  await saveDetails(page, 'Jana Nováková');
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();

  // Flip one bit of the profile record's ciphertext, directly in IndexedDB.
  const id = await page.evaluate(async () => {
    const request = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const db = await request(indexedDB.open('folio'));
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    const all = await request(store.getAll());
    const profile = all.find((r) => r.kind === 'profile');
    profile.ciphertext[5] ^= 1;
    await request(store.put(profile));
    db.close();
    return profile.id;
  });

  await unlock(page);
  const banner = page.getByRole('alert').filter({ hasText: 'could not be decrypted' });
  await banner.waitFor();
  assert.match(await banner.innerText(), new RegExp(`profile ${id}: could not be decrypted`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), '', 'the damaged record is not shown');
  await screenshot(page, 'damaged');
  assert.deepEqual(problems(), []);
  await context.close();
});
