// End to end: whatever changes the stored data behind Folio's back shows at the next unlock, in
// an alert that names it, and the vault still opens. Each case changes IndexedDB directly (as an
// attacker or a broken program would), reloads, unlocks and checks what is said; the stored
// data is then put back and the next unlock says nothing. Then twenty rounds of normal use
// (edits, activities, imports, a merge, erasures) raise no false alarm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, createVault, unlock, artifacts, screenshot } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

function file(name, content) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, name);
  writeFileSync(path, content);
  return path;
}

// --- IndexedDB behind Folio's back: the app's database `folio`, copies kept in `tamper`. ---

/** Copies `folio/store[key]` to `tamper/saved[name]` (it survives reloads). */
function save(page, name, store, key) {
  return page.evaluate(async ([name, store, key]) => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const folio = await req(indexedDB.open('folio'));
    const value = await req(folio.transaction(store).objectStore(store).get(key));
    folio.close();
    const open = indexedDB.open('tamper', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('saved');
    const tamper = await req(open);
    await req(tamper.transaction('saved', 'readwrite').objectStore('saved').put(value, name));
    tamper.close();
    if (value === undefined) throw new Error(`nothing at ${store}/${key}`);
  }, [name, store, key]);
}

/** Puts `tamper/saved[name]` back into `folio/store`, or under another id when `as` is given. */
function putBack(page, name, store, as) {
  return page.evaluate(async ([name, store, as]) => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const tamper = await req(indexedDB.open('tamper', 1));
    const value = await req(tamper.transaction('saved').objectStore('saved').get(name));
    tamper.close();
    if (as) value.id = as;
    const folio = await req(indexedDB.open('folio'));
    await req(folio.transaction(store, 'readwrite').objectStore(store).put(value));
    folio.close();
  }, [name, store, as]);
}

/** Deletes `folio/store[key]`. */
function remove(page, store, key) {
  return page.evaluate(async ([store, key]) => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const folio = await req(indexedDB.open('folio'));
    await req(folio.transaction(store, 'readwrite').objectStore(store).delete(key));
    folio.close();
  }, [store, key]);
}

/** Flips one bit of the ciphertext of `folio/records[id]`. */
function flipBit(page, id) {
  return page.evaluate(async (id) => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const folio = await req(indexedDB.open('folio'));
    const store = folio.transaction('records', 'readwrite').objectStore('records');
    const value = await req(store.get(id));
    value.ciphertext[5] ^= 1;
    await req(store.put(value));
    folio.close();
  }, id);
}

/** Swaps the sealed bytes (nonce and ciphertext) of two records. */
function swap(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const folio = await req(indexedDB.open('folio'));
    const store = folio.transaction('records', 'readwrite').objectStore('records');
    const [x, y] = [await req(store.get(a)), await req(store.get(b))];
    [x.nonce, y.nonce, x.ciphertext, y.ciphertext] = [y.nonce, x.nonce, y.ciphertext, x.ciphertext];
    await req(store.put(x));
    await req(store.put(y));
    folio.close();
  }, [a, b]);
}

/** The stored records' ids of a kind, and the audit items' keys, in key order. */
function stored(page) {
  return page.evaluate(async () => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const folio = await req(indexedDB.open('folio'));
    const records = await req(folio.transaction('records').objectStore('records').getAll());
    const audit = await req(folio.transaction('audit').objectStore('audit').getAll());
    folio.close();
    return {
      contacts: records.filter((r) => r.kind === 'contact').map((r) => r.id),
      audit: audit.map((i) => ({ seq: i.seq, last: i.last ?? i.seq, rev: i.rev ?? 1 })),
    };
  });
}

/** Reloads, unlocks, and returns the text of every alert on the page once it has loaded. */
async function unlockAndRead(page) {
  await page.reload();
  await unlock(page);
  await nav(page, 'About this vault');
  await page.getByTestId('integrity').filter({ hasNotText: /Checking/ }).waitFor();
  return page.getByRole('alert').allInnerTexts();
}

async function assertQuiet(page, why) {
  const alerts = await unlockAndRead(page);
  assert.deepEqual(alerts, [], `no alarm ${why}`);
  assert.match(await page.getByTestId('integrity').innerText(), /Every stored record and audit item is where the vault recorded it/);
}

async function newContact(page, given, family, email) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}

/** Opens a contact's page by its name, as a user would (a page load would lock the vault). */
async function openContact(page, name) {
  await nav(page, 'Contacts');
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}

async function editNotes(page, name, notes) {
  await openContact(page, name);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function importCsv(page, name, rows) {
  await nav(page, 'Data');
  await page.getByLabel('Contacts file').setInputFiles(file(name, 'Given name,Family name,E-mail\r\n' + rows.join('\r\n') + '\r\n'));
  await page.getByRole('button', { name: 'Import contacts' }).click();
  await page.getByTestId('contacts-import-outcome').waitFor();
}

async function erase(page, name) {
  await openContact(page, name);
  await page.getByRole('link', { name: 'Erase (Art. 17)…' }).click();
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await page.getByRole('button', { name: 'Erase', exact: true }).click();
  await page.getByTestId('erase-done').waitFor();
}

test('every change made behind Folio\'s back is named at unlock, and normal use raises no alarm', async () => {
  const { page, problems, foreignRequests } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);
  const a = await newContact(page, 'Alena', 'Adamová', 'alena@adamova.cz');
  const b = await newContact(page, 'Bořek', 'Beneš', 'borek@benes.cz');
  const c = await newContact(page, 'Cyril', 'Cibulka', 'cyril@cibulka.cz');
  await save(page, 'a-rev1', 'records', a);
  await editNotes(page, 'Alena Adamová', 'Prefers mornings');
  // Three contacts in one transaction: their events are one stored block of the trail.
  await importCsv(page, 'three.csv', ['Dana,Dostálová,dana@dostalova.cz', 'Emil,Erben,emil@erben.cz', 'Filip,Fiala,filip@fiala.cz']);
  const block = (await stored(page)).audit.find((i) => i.last > i.seq);
  assert.ok(block, 'the import stored a block of events');
  await save(page, 'block-rev1', 'audit', block.seq);
  await erase(page, 'Dana Dostálová');
  assert.equal((await stored(page)).audit.find((i) => i.seq === block.seq).rev, 2, 'the erasure sealed the block anew');
  await save(page, 'block-rev2', 'audit', block.seq);
  for (const id of [a, b, c]) await save(page, id, 'records', id);
  await assertQuiet(page, 'after setting up');

  const cases = [];
  const expectAlert = async (name, pattern) => {
    const alerts = (await unlockAndRead(page)).join('\n');
    assert.match(alerts, pattern, `${name}: ${alerts}`);
    assert.match(await page.getByTestId('integrity').innerText(), /does NOT verify/, name);
    cases.push(name);
  };

  // 1. A bit flip.
  await flipBit(page, b);
  await expectAlert('a bit flip', /could not be decrypted[\s\S]*contact/);
  await screenshot(page, 'tamper-bit-flip');
  await putBack(page, b, 'records');
  await assertQuiet(page, 'once the record is put back');

  // 2. Two records' sealed bytes swapped.
  await swap(page, a, c);
  await expectAlert('a swap of two records', /could not be decrypted/);
  await putBack(page, a, 'records');
  await putBack(page, c, 'records');
  await assertQuiet(page, 'once both are put back');

  // 3. A record deleted.
  await remove(page, 'records', c);
  await expectAlert('a deleted record', /Deleted: 1 contact missing/);
  await screenshot(page, 'tamper-deleted');
  await putBack(page, c, 'records');
  await assertQuiet(page, 'once it is put back');

  // 4. A record put back as it was stored before its last edit.
  await putBack(page, 'a-rev1', 'records');
  await expectAlert('a record rolled back to an older revision', /Rolled back: some contacts/);
  await putBack(page, a, 'records');
  await assertQuiet(page, 'once the newest revision is back');

  // 5. A record copied under a new id.
  const copy = '0f8fad5b-d9cb-469f-a165-70867728950e';
  await putBack(page, b, 'records', copy);
  await expectAlert('a duplicated record under a new id', /Duplicated: 1 contact stored twice/);
  await remove(page, 'records', copy);
  await assertQuiet(page, 'once the copy is gone');

  // 6. The trail's newest item deleted (the head left).
  const items = (await stored(page)).audit;
  const last = items[items.length - 1];
  await save(page, 'last-item', 'audit', last.seq);
  await save(page, 'head', 'records', 'audit-head');
  await remove(page, 'audit', last.seq);
  await expectAlert('the trail\'s tail deleted', /audit trail does not verify[\s\S]*newest events are missing|Deleted: 1 audit trail item missing/);
  await putBack(page, 'last-item', 'audit');
  await assertQuiet(page, 'once the item is back');

  // 7. The same, with the head deleted too.
  await remove(page, 'audit', last.seq);
  await remove(page, 'records', 'audit-head');
  await expectAlert('the trail\'s tail deleted with the head', /where the audit trail ends and what the vault holds is missing/);
  await putBack(page, 'last-item', 'audit');
  await putBack(page, 'head', 'records');
  await assertQuiet(page, 'once both are back');

  // 8. An audit block put back as it was before the erasure sealed it anew (undoing it).
  await putBack(page, 'block-rev1', 'audit');
  await expectAlert('an audit block replaced by an older copy', /Rolled back: some audit trail items/);
  await putBack(page, 'block-rev2', 'audit');
  await assertQuiet(page, 'once the newer block is back');

  assert.equal(cases.length, 8, 'every case was reported');

  // Twenty rounds of normal use: each unlock afterwards says nothing.
  for (let round = 0; round < 20; round += 1) {
    switch (round % 5) {
      case 0:
        await editNotes(page, 'Bořek Beneš', `round ${round}`);
        break;
      case 1:
        await openContact(page, 'Cyril Cibulka');
        await page.getByRole('button', { name: 'Log an activity' }).click();
        await page.getByLabel('Subject').fill(`Call ${round}`);
        await page.getByRole('button', { name: 'Add activity' }).click();
        await page.locator('.timeline-item', { hasText: `Call ${round}` }).waitFor();
        break;
      case 2:
        await importCsv(page, `round-${round}.csv`, [`Gita${round},Grossová,gita${round}@gross.cz`, `Hana${round},Horká,hana${round}@horka.cz`]);
        break;
      case 3:
        await erase(page, `Hana${round - 1} Horká`);
        break;
      default: {
        // An export of everything, merged back after an edit (the edit is the newer revision).
        await nav(page, 'Data');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Export all data (JSON)' }).click(),
        ]);
        const exported = await download.path();
        await newContact(page, `Ivan${round}`, 'Ivanov', `ivan${round}@ivanov.cz`);
        await nav(page, 'Data');
        await page.getByLabel('Folio export or encrypted backup file').setInputFiles(exported);
        await page.getByTestId('import-preview').waitFor();
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        await page.getByTestId('import-outcome').waitFor();
      }
    }
    await assertQuiet(page, `after round ${round}`);
  }
  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
});
