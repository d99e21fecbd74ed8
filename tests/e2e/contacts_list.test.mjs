// End to end: a long contact list draws only the rows in view, and those rows always fill the
// list: when it is first shown, after a scroll, after a search and when the window grows taller.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, screenshot, createVault, artifacts, eventually } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const COUNT = 300;
const name = (i) => `Kontakt ${String(i).padStart(3, '0')} Dlouhý`;


/** The drawn rows' names, and whether they cover the list's visible area from top to bottom. */
function drawn(page) {
  return page.evaluate(() => {
    const el = document.querySelector('.contact-list');
    const box = el.getBoundingClientRect();
    // The inside of the list, within its border.
    const list = { top: box.top + el.clientTop, bottom: box.top + el.clientTop + el.clientHeight };
    const rows = [...document.querySelectorAll('.contact-row')];
    const boxes = rows.map((r) => r.getBoundingClientRect());
    const visible = rows.filter((_, i) => boxes[i].bottom > list.top && boxes[i].top < list.bottom);
    return {
      names: rows.map((r) => r.querySelector('a').textContent),
      visible: visible.map((r) => r.querySelector('a').textContent),
      covered: boxes.length > 0
        && Math.min(...boxes.map((b) => b.top)) <= list.top + 1
        && Math.max(...boxes.map((b) => b.bottom)) >= list.bottom - 1
        && boxes.every((b, i) => i === 0 || Math.abs(b.top - boxes[i - 1].bottom) < 1),
    };
  });
}

test('a long contact list draws only the rows in view, and they always fill it', async () => {
  const { page, problems } = await openPage(site.browser, site.url);
  await page.goto(site.url);
  await createVault(page);

  // 300 contacts, by the contacts import.
  const csv = 'Jméno;Příjmení\r\n'
    + Array.from({ length: COUNT }, (_, i) => `Kontakt ${String(i).padStart(3, '0')};Dlouhý`).join('\r\n');
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, 'dlouhy-seznam.csv');
  writeFileSync(path, csv);
  await nav(page, 'Data');
  await page.getByLabel('Contacts file').setInputFiles(path);
  await page.getByRole('button', { name: 'Import contacts' }).click();
  await page.getByTestId('contacts-import-outcome').getByText(`Imported ${COUNT}.`).waitFor();

  await nav(page, 'Contacts');
  await page.getByText(`${COUNT} contacts`).waitFor();
  let now = await eventually(async () => {
    const d = await drawn(page);
    assert.ok(d.covered, 'the first rows fill the list');
    return d;
  });
  assert.equal(now.names[0], name(0));
  assert.ok(now.names.length < 30, `only the rows in view and a few more are drawn (${now.names.length})`);

  // Halfway down: the rows there, in order, and the list is still filled.
  await page.locator('.contact-list').evaluate((list) => { list.scrollTop = 150 * 64; });
  now = await eventually(async () => {
    const d = await drawn(page);
    assert.ok(d.covered, 'after a scroll the list is filled');
    assert.equal(d.visible[0], name(150));
    return d;
  });
  assert.deepEqual(now.visible, now.visible.map((_, i) => name(150 + i)));
  assert.ok(now.names.length < 30);

  // A taller window shows more rows, without a scroll.
  await page.setViewportSize({ width: 1280, height: 1600 });
  now = await eventually(async () => {
    const d = await drawn(page);
    assert.ok(d.covered, 'a taller window is filled too');
    return d;
  });
  assert.ok(now.visible.length >= 15, `${now.visible.length} rows visible in a 960 px list`);
  await screenshot(page, 'contacts-long-list');

  // A search while scrolled down starts from the top of what it found (the list scrolls up).
  await page.locator('.contact-list').evaluate((list) => { list.scrollTop = 150 * 64; });
  await eventually(async () => assert.equal((await drawn(page)).visible[0], name(150)));
  const withOne = Array.from({ length: COUNT }, (_, i) => i).filter((i) => String(i).padStart(3, '0').includes('1'));
  await page.getByLabel('Search').fill('kontakt 1');
  await page.getByText(`${withOne.length} contacts`).waitFor();
  await eventually(async () => {
    const d = await drawn(page);
    assert.ok(d.covered, 'after a search the list is filled');
    assert.deepEqual(d.visible, withOne.slice(0, d.visible.length).map(name));
  });

  await page.getByLabel('Search').fill('kontakt 29');
  await page.getByText('13 contacts').waitFor();
  await eventually(async () => {
    const d = await drawn(page);
    assert.deepEqual(d.names, [29, 129, 229, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299].map(name));
  });
  assert.deepEqual(problems(), []);
});
