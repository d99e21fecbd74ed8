// End to end: a security key as a second factor (#24), with Chromium's virtual authenticator
// (CDP WebAuthn, PRF on). A key is added in Settings → Security key and the recovery code is
// shown once; after Lock the passphrase alone opens nothing (the key request fails when no
// registered key answers), the passphrase with the key does; with the authenticator removed the
// passphrase and the recovery code open the vault, and a wrong code changes nothing. Nothing of
// the key or the code is readable in IndexedDB or LocalStorage. The site is opened as
// http://localhost (WebAuthn refuses an IP address as relying party). Screenshots:
// artifacts/security-key-{settings,recovery-code,unlock}-{1280,390}.png; nothing scrolls
// sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSiteAndBrowser, openPage, screenshot, createVault, dumpIndexedDb, PASSPHRASE, artifacts } from './harness.mjs';


const site = useSiteAndBrowser({ before, after });
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

/** Full-page screenshots at 1280 and 390 px (and of `part` alone, to be read at full size). */
async function atBothWidths(page, name, part) {
  await screenshot(page, `${name}-1280`);
  if (part) await part.screenshot({ path: join(artifacts, `${name}-part-1280.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `${name}: no sideways scroll at 390 px`);
  await screenshot(page, `${name}-390`);
  if (part) await part.screenshot({ path: join(artifacts, `${name}-part-390.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const authenticator = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  hasPrf: true,
  automaticPresenceSimulation: true,
};

/** Everything the origin stores that a script could read: IndexedDB and LocalStorage. */
async function storedText(page) {
  const idb = await dumpIndexedDb(page);
  const local = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  return idb.join('\n') + '\n' + local;
}

async function tryUnlock(page, { recovery } = {}) {
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  if (recovery !== undefined) {
    if (!(await page.getByLabel('Recovery code').isVisible())) {
      await page.getByRole('button', { name: 'Use a recovery code' }).click();
    }
    await page.getByLabel('Recovery code').fill(recovery);
  }
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

test('a security key and a recovery code protect the vault with the passphrase', async () => {
  const url = site.url.replace('127.0.0.1', 'localhost');
  const { page, context, problems, foreignRequests } = await openPage(site.browser, url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: authenticator });
  await page.goto(url);
  await createVault(page);
  await page.getByRole('link', { name: 'New contact' }).first().waitFor().catch(() => {});

  // Settings → Security key: none yet; add one (the name and the passphrase are asked).
  await nav(page, 'Settings');
  const section = page.getByRole('region', { name: 'Security key' });
  await section.getByText('No security key yet').waitFor();
  await section.getByRole('button', { name: 'Add a security key' }).click();
  await section.getByLabel('Key name').fill('Virtual key');
  // A wrong passphrase is refused before the browser is asked for anything.
  await section.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await section.getByRole('button', { name: 'Register the key' }).click();
  await section.getByRole('alert').filter({ hasText: 'wrong passphrase' }).waitFor({ timeout: 30_000 });
  assert.equal((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length, 0,
    'nothing registered on a wrong passphrase');
  await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Register the key' }).click();
  const shown = section.getByTestId('recovery-code');
  await shown.waitFor({ timeout: 60_000 });
  const code = (await shown.textContent()).trim();
  assert.match(code, /^([0-9A-HJKMNP-TV-Z]{4} ){7}[0-9A-HJKMNP-TV-Z]{4}$/, 'eight groups of four Crockford characters');
  await section.getByRole('button', { name: 'Remove Virtual key' }).waitFor();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1);
  const credentialId = credentials[0].credentialId;
  await section.getByRole('region', { name: 'Your recovery code' }).scrollIntoViewIfNeeded();
  await atBothWidths(page, 'security-key-recovery-code', section);
  await section.getByRole('button', { name: 'I have kept it' }).click();
  assert.equal(await section.getByTestId('recovery-code').count(), 0, 'the code is shown once');
  await section.scrollIntoViewIfNeeded();
  await atBothWidths(page, 'security-key-settings', section);

  // About says which factors protect the vault; the backup page says the backup is not tied.
  await nav(page, 'About this vault');
  const factors = await page.getByTestId('factors').textContent();
  assert.match(factors, /Two factors protect this vault: it opens with the passphrase and its security key \(Virtual key\), or the passphrase and the recovery code/);
  await nav(page, 'Data');
  await page.getByTestId('backup-not-tied').waitFor();

  // Nothing about the key or the code is readable in storage.
  const stored = await storedText(page);
  const b64url = credentialId.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  for (const secret of [code, code.replace(/ /g, ''), code.replace(/ /g, '-'), credentialId, b64url]) {
    assert.ok(!stored.includes(secret), `storage does not hold ${secret.slice(0, 6)}…`);
  }

  // Lock. The passphrase and the key open it.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByText('After the passphrase, your browser asks for your security key.').waitFor();
  await tryUnlock(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 60_000 });

  // Lock, and the authenticator is gone: the passphrase alone opens nothing.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  const other = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { ...authenticator, hasResidentKey: false } });
  await tryUnlock(page);
  const refused = page.locator('.form-error[role=alert]');
  await refused.waitFor({ timeout: 150_000 });
  await screenshot(page, 'security-key-no-key');
  assert.match(await refused.textContent(), /security key/i);
  assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 0, 'still locked');
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: other.authenticatorId });

  // A wrong recovery code changes nothing; the right one opens.
  const wrong = code.startsWith('0') ? '1' + code.slice(1) : '0' + code.slice(1);
  await tryUnlock(page, { recovery: wrong });
  await page.getByRole('alert').filter({ hasText: 'That recovery code does not open this vault' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 0, 'still locked');
  await atBothWidths(page, 'security-key-unlock');
  await tryUnlock(page, { recovery: code.toLowerCase() });
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 30_000 });

  assert.deepEqual(problems().filter((p) => !/NotAllowedError|security key/i.test(p)), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});

test('removing the last key needs the key again, and the passphrase alone opens once more', async () => {
  const url = site.url.replace('127.0.0.1', 'localhost');
  const { page, context, problems, foreignRequests } = await openPage(site.browser, url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', { options: authenticator });
  await page.goto(url);
  await createVault(page);
  await nav(page, 'Settings');
  const section = page.getByRole('region', { name: 'Security key' });
  await section.getByRole('button', { name: 'Add a security key' }).click();
  await section.getByLabel('Key name').fill('Laptop passkey');
  await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Register the key' }).click();
  await section.getByTestId('recovery-code').waitFor({ timeout: 60_000 });
  await section.getByRole('button', { name: 'I have kept it' }).click();

  // Lock; the passphrase and the key open it.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await tryUnlock(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 60_000 });
  await atBothWidths(page, 'security-key-unlocked');

  // Removing the key: the passphrase and the key; then the passphrase alone opens again.
  await nav(page, 'Settings');
  await section.getByRole('button', { name: 'Remove Laptop passkey' }).click();
  await section.getByText('This is the last key').waitFor();
  await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Remove the key' }).click();
  await section.getByText('The key was removed.').waitFor({ timeout: 60_000 });
  await section.getByText('No security key yet').waitFor();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Unlock your vault' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Use a recovery code' }).count(), 0);
  await tryUnlock(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 30_000 });

  assert.deepEqual(problems(), []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
