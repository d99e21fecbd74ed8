// End to end, the phone layout (#20): at 390×844 no page scrolls sideways, the main navigation
// sits behind a Menu button (keyboard usable, closed again once a link is chosen), the deals board
// scrolls inside its own box and the list stacks a card per deal with every amount whole, the
// pipeline chart's labels stay readable, and axe finds nothing serious. The same pages are then
// visited at 1280×800, where the navigation is shown as before, and every page again in Czech at
// both widths. On each page the contrast of every badge, tag and count is computed (WCAG AA,
// 4.5:1). Every page is screenshotted (artifacts/phone-390-*.png, phone-1280-*.png,
// phone-390-cs-*.png, phone-1280-cs-*.png), and the test prints each page's scrollWidth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSiteAndBrowser, root, screenshot, createVault, seriousViolations, eventually } from './harness.mjs';

const site = useSiteAndBrowser({ before, after });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const fixture = join(root, 'tests', 'fixtures', 'folio-export-v3.json');

async function openAt(viewport) {
  const context = await site.browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { context, page, problems };
}

const menuButton = (page) => page.getByRole('button', { name: 'Menu', exact: true });
const mainNav = (page) => page.getByRole('navigation', { name: 'Main' });

/** Goes to a page of the main navigation by clicking: through the Menu button where there is one
 * (a phone), directly where the navigation is shown (a desktop). The menu closes behind the link. */
async function go(page, name) {
  const menu = menuButton(page);
  if (await menu.isVisible()) {
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await mainNav(page).getByRole('link', { name, exact: true }).click();
    await eventually(async () => assert.equal(await menu.getAttribute('aria-expanded'), 'false'));
    assert.equal(await mainNav(page).count(), 0, 'the navigation is hidden again after a link is chosen');
  } else {
    await mainNav(page).getByRole('link', { name, exact: true }).click();
  }
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

/** How wide the document is beside the window, and the outermost elements that stick out past its
 * right edge (those not inside a box that scrolls or clips on its own), to say where. */
function measure(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const offenders = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5 && !clipped(el)) {
        const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        offenders.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} (right ${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, offenders: offenders.slice(0, 6) };
  });
}

const figures = {};
const failures = [];
/** A check whose failure is collected (the test fails at its end), so one run reports them all. */
const expect = (holds, message) => {
  if (!holds) failures.push(message);
};

/** On the page shown: no sideways scroll, nothing serious for axe, and a screenshot. Failures are
 * collected so that one run reports every page. */
async function check(page, name) {
  await page.waitForTimeout(150);
  const m = await measure(page);
  const width = m.innerWidth;
  (figures[name] ??= {})[width] = m.scrollWidth;
  if (m.scrollWidth > m.innerWidth) {
    failures.push(`${name} at ${width}: scrollWidth ${m.scrollWidth} > ${m.innerWidth}: ${m.offenders.join('; ')}`);
  }
  const axe = await seriousViolations(page);
  if (axe.length) failures.push(`${name} at ${width}, axe: ${axe.join(' | ')}`);
  for (const bad of await badgeContrast(page)) failures.push(`${name} at ${width}, badge contrast: ${bad}`);
  await screenshot(page, `phone-${width}-${name}`);
}

/** Every badge, tag and count on the page whose text has less than 4.5:1 contrast with what is
 * behind it (WCAG AA), computed from the colours the browser resolved; the number checked is
 * added to `figures.badges`. */
async function badgeContrast(page) {
  const { checked, bad } = await page.evaluate(() => {
    const rgba = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const badges = [...document.querySelectorAll('.badge, .tag, .stag, .count, [class*="-badge"]')]
      .filter((el) => el.offsetParent !== null && el.innerText.trim() !== '');
    const bad = [];
    for (const el of badges) {
      const bg = background(el);
      const fg = over(rgba(getComputedStyle(el).color), bg);
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5) bad.push(`"${el.innerText.trim().slice(0, 40)}" (${el.className}) ${ratio.toFixed(2)}:1`);
    }
    return { checked: badges.length, bad };
  });
  figures.badges = { checked: (figures.badges?.checked ?? 0) + checked };
  return bad;
}

/** The smallest font size of the chart's text as drawn on screen (CSS px after the SVG's scaling). */
function smallestChartText(page) {
  return page.evaluate(() => Math.min(...Array.from(document.querySelectorAll('.chart svg text'), (t) =>
    parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)));
}

/** The amounts on the board's cards that are not drawn whole inside their card. */
function cutAmounts(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('.deal-card .deal-value'))
    .filter((el) => el.scrollWidth > el.clientWidth + 1
      || el.getBoundingClientRect().right > el.closest('.deal-card').getBoundingClientRect().right + 0.5)
    .map((el) => el.textContent));
}

test('at 390 px the main navigation sits behind a Menu button, by mouse and by keyboard', async () => {
  const { context, page, problems } = await openAt(PHONE);
  await page.goto(site.url);
  await createVault(page);
  await heading(page, 'Today');
  const menu = menuButton(page);
  assert.ok(await menu.isVisible(), 'a Menu button on a phone');
  assert.equal(await menu.evaluate((el) => el.tagName), 'BUTTON');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  const controls = await menu.getAttribute('aria-controls');
  assert.ok(controls, 'the button names what it opens');
  const nav = page.locator(`#${controls}`);
  assert.equal(await nav.evaluate((el) => el.tagName), 'NAV');
  assert.ok(!(await nav.isVisible()), 'the navigation is closed at first');
  const header = await page.locator('.app-header').boundingBox();
  assert.ok(header.height <= 72, `the closed header is one row (${header.height} px)`);

  // By mouse: opens and closes.
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  assert.ok(await mainNav(page).isVisible());
  assert.equal(await mainNav(page).getByRole('link').count(), 11);
  await screenshot(page, 'phone-390-menu-open');
  assert.deepEqual(await seriousViolations(page), [], 'the open menu');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await nav.isVisible()));

  // By keyboard: Enter opens, Tab reaches the first link, Escape closes and gives focus back.
  await menu.focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Home');
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await nav.isVisible()));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Menu');

  // Choosing a link by keyboard goes there and closes the menu.
  await page.keyboard.press('Space');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Organisations');
  await page.keyboard.press('Enter');
  await heading(page, 'Organisations');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await nav.isVisible()));

  // At a desktop width the navigation is shown as before, and there is no Menu button.
  await page.setViewportSize(DESKTOP);
  assert.ok(await mainNav(page).isVisible());
  assert.ok(!(await menu.isVisible()));
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await heading(page, 'Settings');
  const desktopHeader = await page.locator('.app-header').boundingBox();
  assert.ok(desktopHeader.height <= 72, `the desktop header is one row (${desktopHeader.height} px)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 390 px no page scrolls sideways, with data on every page; then the same pages at 1280 px', async () => {
  const { context, page, problems } = await openAt(PHONE);
  await page.goto(site.url);
  await createVault(page);
  await heading(page, 'Today');
  await check(page, 'home');

  // A whole vault's worth of records: the version 3 fixture (25 contacts with activities and
  // history, organisations, deals in every stage, purposes, consents, documents with holds, a
  // follow-up, requests, an audit trail of 133 events).
  await go(page, 'Data');
  await heading(page, 'Data');
  await check(page, 'data');
  await page.getByLabel('Folio export or encrypted backup file').setInputFiles(fixture);
  await page.getByTestId('import-preview').waitFor();
  await check(page, 'data-import-preview');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/Saved\. 25 contacts/).waitFor({ timeout: 30_000 });
  await check(page, 'data-imported');

  // Added on the phone: a contact with long unbroken values, edited (history) and with an
  // activity; an organisation; a deal; a purpose; a request.
  const email = 'bohumila.novakova-precechtelova.fakturace@velmi-dlouha-domena-spolecnosti.cz';
  const url = 'https://www.example-consulting-company.cz/documents/2026/engagement-letter-final-signed-version.pdf';
  await go(page, 'Contacts');
  await heading(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await heading(page, 'New contact');
  await check(page, 'contact-new');
  await page.getByLabel('Given name').fill('Bohumila');
  await page.getByLabel('Family name').fill('Nováková-Přecechtělová');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Notes').fill(`Signed: ${url}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Bohumila Nováková-Přecechtělová');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await heading(page, 'Edit contact');
  await check(page, 'contact-edit');
  await page.getByLabel('Role or title').fill('Vedoucí oddělení fakturace a správy pohledávek');
  await page.getByLabel('Notes').fill(`Signed again: ${url}?version=2&checksum=5f2c8a9e0b7d4c1f`);
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Bohumila Nováková-Přecechtělová');
  await page.getByRole('button', { name: 'Log an activity' }).click();
  await page.getByLabel('Kind').selectOption('meeting');
  await page.getByLabel('Subject').fill('Kick-off meeting');
  await page.getByLabel('Details').fill(`Agenda: ${url}`);
  await page.getByRole('button', { name: 'Add activity' }).click();
  await page.locator('.timeline-item', { hasText: 'Kick-off meeting' }).waitFor();
  await page.locator('.changes').first().waitFor();
  await check(page, 'contact-added');
  await page.getByRole('link', { name: 'Merge with another contact' }).click();
  await heading(page, 'Merge contacts');
  await check(page, 'contact-merge');

  await go(page, 'Organisations');
  await heading(page, 'Organisations');
  await page.getByRole('link', { name: 'New organisation' }).click();
  await heading(page, 'New organisation');
  await check(page, 'organisation-new');
  await page.getByLabel('Name of the organisation').fill('Mezinárodní poradenská společnost pro daně a účetnictví s.r.o.');
  await page.getByLabel('Website').fill(url);
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Mezinárodní poradenská společnost pro daně a účetnictví s.r.o.');
  await check(page, 'organisation-added');

  await go(page, 'Deals');
  await heading(page, 'Deals');
  await page.getByRole('link', { name: 'New deal' }).click();
  await heading(page, 'New deal');
  await check(page, 'deal-new');
  await page.getByLabel('Title').fill('Roční uzávěrka a daňové přiznání');
  await page.getByLabel('Value').fill('12,345,678.90');
  await page.getByLabel('Currency').fill('CZK');
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Roční uzávěrka a daňové přiznání');

  await go(page, 'Consent');
  await heading(page, 'Consent');
  await page.getByRole('link', { name: 'Purposes of processing' }).click();
  await page.getByRole('link', { name: 'New purpose' }).click();
  await page.getByLabel('Name of the purpose').fill('Webináře o daňových změnách');
  await page.getByLabel('Description').fill(`Invitations to webinars, registered at ${url}`);
  await page.getByLabel('Lawful basis').selectOption('consent');
  await page.getByLabel('Categories of personal data').fill('name, e-mail');
  await page.getByLabel('Categories of data subjects').fill('clients');
  await page.getByLabel('Retention period').fill('until consent is withdrawn');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Webináře o daňových změnách' }).waitFor();

  await go(page, 'Requests');
  await heading(page, 'Data subject requests');
  await page.getByLabel('Right').selectOption('portability');
  await page.getByLabel('Contact (if in Folio)').selectOption({ label: 'Bohumila Nováková-Přecechtělová' });
  await page.getByLabel('Received').fill(await page.evaluate(() => new Date().toISOString().slice(0, 10)));
  await page.getByLabel('What was asked').fill(`E-mail from ${email}: please send my data`);
  await page.getByRole('button', { name: 'Register request' }).click();
  await page.getByTestId('request').filter({ hasText: 'please send my data' }).waitFor();

  // Every page, visited by clicking, at 390 px and then at 1280 px.
  const visits = [
    ['home', async () => { await go(page, 'Home'); await heading(page, 'Today'); }],
    ['contacts', async () => { await go(page, 'Contacts'); await page.locator('.contact-row a').first().waitFor(); }],
    ['contact-history', async () => {
      await go(page, 'Contacts');
      await page.getByLabel('Search').fill('Horváth');
      await page.getByRole('link', { name: 'Kateřina Horváth' }).click();
      await heading(page, 'Kateřina Horváth');
      await page.locator('.changes').first().waitFor();
    }],
    ['contact-long', async () => {
      await go(page, 'Contacts');
      await page.getByLabel('Search').fill('Bohumila');
      await page.getByRole('link', { name: 'Bohumila Nováková-Přecechtělová' }).click();
      await heading(page, 'Bohumila Nováková-Přecechtělová');
    }],
    ['contact-held', async () => {
      await go(page, 'Contacts');
      await page.getByLabel('Search').fill('Alžběta');
      await page.getByRole('link', { name: 'Alžběta Kováčová' }).click();
      await heading(page, 'Alžběta Kováčová');
    }],
    ['contact-access', async () => {
      await page.getByRole('link', { name: 'Access report (Art. 15)' }).click();
      await heading(page, 'What we hold about you');
    }],
    ['contact-erase', async () => {
      await go(page, 'Contacts');
      await page.getByLabel('Search').fill('Alžběta');
      await page.getByRole('link', { name: 'Alžběta Kováčová' }).click();
      await page.getByRole('link', { name: 'Erase (Art. 17)…' }).click();
      await heading(page, 'Erase this person (Art. 17)');
    }],
    ['consent-receipt', async () => {
      await go(page, 'Contacts');
      await page.getByLabel('Search').fill('Emma');
      await page.getByRole('link', { name: 'Emma Marek' }).click();
      await heading(page, 'Emma Marek');
      await check(page, 'contact-consents');
      await page.getByRole('link', { name: 'Receipt' }).first().click();
      await page.locator('h1').waitFor();
    }],
    ['organisations', async () => { await go(page, 'Organisations'); await heading(page, 'Organisations'); }],
    ['organisation', async () => {
      await go(page, 'Organisations');
      await page.getByRole('link', { name: 'Tisk Svoboda 3 s.r.o.' }).click();
      await heading(page, 'Tisk Svoboda 3 s.r.o.');
    }],
    ['deals-board', async () => {
      await go(page, 'Deals');
      await page.locator('.deal-card').first().waitFor();
      await page.getByRole('img', { name: /Value per stage \(CZK\)/ }).waitFor();
    }],
    ['deals-list', async () => {
      await go(page, 'Deals');
      await page.getByRole('button', { name: 'List' }).click();
      await page.locator('.data-table tbody tr').first().waitFor();
    }],
    ['deal', async () => {
      await go(page, 'Deals');
      await page.getByRole('link', { name: 'Tax return #6' }).first().click();
      await heading(page, 'Tax return #6');
    }],
    ['deal-edit', async () => {
      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await page.getByLabel('Title').waitFor();
    }],
    ['agenda', async () => { await go(page, 'Agenda'); await heading(page, 'Agenda'); }],
    ['consents', async () => { await go(page, 'Consent'); await heading(page, 'Consent'); }],
    ['purposes', async () => {
      await go(page, 'Consent');
      await page.getByRole('link', { name: 'Purposes of processing' }).click();
      await heading(page, 'Purposes of processing');
    }],
    ['purpose', async () => {
      await page.getByRole('link', { name: 'Webináře o daňových změnách' }).click();
      await page.getByLabel('Name of the purpose').waitFor();
    }],
    ['processing-record', async () => {
      await go(page, 'Consent');
      await page.getByRole('link', { name: 'Record of processing activities' }).click();
      await heading(page, 'Record of processing activities');
    }],
    ['may-contact', async () => {
      await go(page, 'Consent');
      await page.getByRole('link', { name: 'May I contact?' }).click();
      await heading(page, 'May I contact?');
    }],
    ['requests', async () => { await go(page, 'Requests'); await heading(page, 'Data subject requests'); }],
    ['audit', async () => { await go(page, 'Audit log'); await heading(page, 'Audit log'); await page.locator('.changes').first().waitFor(); }],
    ['data', async () => { await go(page, 'Data'); await heading(page, 'Data'); }],
    ['settings', async () => { await go(page, 'Settings'); await heading(page, 'Settings'); }],
    ['about', async () => {
      await go(page, 'About this vault');
      await heading(page, 'About this vault');
      await page.waitForFunction(() => !document.body.innerText.includes('Asking the browser'));
    }],
  ];

  const urls = [];
  for (const [name, visit] of visits) {
    await visit();
    await check(page, name);
    urls.push([name, new URL(page.url()).pathname]);
    if (name === 'deals-board') {
      // The board scrolls inside its own box; the chart's text is drawn at a readable size.
      const board = await page.locator('.board').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(board.scroll > board.client, `the board scrolls in its box (${board.scroll} in ${board.client})`);
      const smallest = await smallestChartText(page);
      figures.chartText = { ...figures.chartText, 390: Math.round(smallest * 10) / 10 };
      expect(smallest >= 11, `chart text is at least 11 px on screen (${smallest})`);
      expect((await cutAmounts(page)).length === 0, `amounts cut off on the board: ${await cutAmounts(page)}`);
    }
    if (name === 'deals-list') {
      // A card per deal: the rows stack, and every amount lies wholly inside the window.
      const rows = await page.locator('.data-table tbody tr').evaluateAll((trs) => trs.map((tr) => getComputedStyle(tr).display));
      expect(rows.every((d) => d !== 'table-row'), `the rows stack (${rows[0]})`);
      const amounts = await page.locator('.data-table td.number').evaluateAll((tds) => tds
        .filter((td) => td.getBoundingClientRect().right > window.innerWidth || td.scrollWidth > td.clientWidth + 1)
        .map((td) => td.textContent));
      expect(amounts.length === 0, `amounts cut off in the list: ${amounts}`);
    }
  }

  await page.setViewportSize(DESKTOP);
  expect(await mainNav(page).isVisible(), 'the navigation is shown at 1280 px');
  for (const [name, visit] of visits) {
    await visit();
    await check(page, name);
    if (name === 'deals-board') {
      const smallest = await smallestChartText(page);
      figures.chartText = { ...figures.chartText, 1280: Math.round(smallest * 10) / 10 };
      expect(smallest >= 11, `chart text is at least 11 px on screen at 1280 (${smallest})`);
    }
    if (name === 'deals-list') {
      const rows = await page.locator('.data-table tbody tr').evaluateAll((trs) => trs.map((tr) => getComputedStyle(tr).display));
      expect(rows.every((d) => d === 'table-row'), 'a table at 1280 px');
    }
  }

  // In Czech, whose words run longer: every page of the main navigation at 390 px, through the
  // Menu button, which is named "Nabídka".
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language of the interface').selectOption('cs');
  await heading(page, 'Nastavení');
  await page.setViewportSize(PHONE);
  const nabidka = page.getByRole('button', { name: 'Nabídka', exact: true });
  for (const [name, link] of [
    ['cs-home', 'Přehled'], ['cs-contacts', 'Kontakty'], ['cs-organisations', 'Firmy'], ['cs-deals', 'Obchody'],
    ['cs-agenda', 'Diář'], ['cs-consents', 'Souhlasy'], ['cs-requests', 'Žádosti'], ['cs-audit', 'Auditní stopa'],
    ['cs-data', 'Data'], ['cs-settings', 'Nastavení'], ['cs-about', 'O trezoru'],
  ]) {
    await nabidka.click();
    await page.getByRole('navigation', { name: 'Hlavní' }).getByRole('link', { name: link, exact: true }).click();
    await eventually(async () => assert.equal(await nabidka.getAttribute('aria-expanded'), 'false'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (name === 'cs-deals') await page.locator('.deal-card').first().waitFor();
    await check(page, name);
    const header = await page.locator('.app-header').boundingBox();
    expect(header.height <= 72, `${name}: the closed header is one row (${header.height} px)`);
  }

  // And the same pages in Czech at 1280 px.
  await page.setViewportSize(DESKTOP);
  for (const [name, link] of [
    ['cs-home', 'Přehled'], ['cs-contacts', 'Kontakty'], ['cs-organisations', 'Firmy'], ['cs-deals', 'Obchody'],
    ['cs-agenda', 'Diář'], ['cs-consents', 'Souhlasy'], ['cs-requests', 'Žádosti'], ['cs-audit', 'Auditní stopa'],
    ['cs-data', 'Data'], ['cs-settings', 'Nastavení'], ['cs-about', 'O trezoru'],
  ]) {
    await page.getByRole('navigation', { name: 'Hlavní' }).getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (name === 'cs-deals') await page.locator('.deal-card').first().waitFor();
    await check(page, name);
  }
  // Every page visited in English, again in Czech at both widths: reached by the router's own
  // navigation (a reload would lock the vault), at the address each had.
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    for (const [name, path] of urls) {
      await page.evaluate((to) => {
        history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.waitForFunction((to) => location.pathname === to, path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(200);
      expect(await page.locator('#not-found-heading').count() === 0, `cs-${name}: ${path} opens`);
      expect(!/\b(Contacts|Deals|Settings|Purposes of processing|Save)\b/.test(await page.locator('h1').first().innerText()), `cs-${name}: the heading is Czech`);
      await check(page, `cs-${name}`);
    }
  }

  console.log(`badges checked for contrast: ${figures.badges?.checked ?? 0}`);
  delete figures.badges;
  console.log('scrollWidth per page (390 | 1280):');
  for (const [name, f] of Object.entries(figures)) console.log(`  ${name.padEnd(22)} ${f[390] ?? '-'} | ${f[1280] ?? '-'}`);
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
  await context.close();
});
