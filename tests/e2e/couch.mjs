// A sync server for the end-to-end tests: PouchDB Server (pinned in package.json, installed with
// --ignore-scripts) in memory on 127.0.0.1, in its own temporary folder (it writes config.json
// and log.txt where it runs), with an admin, a user `jana` and a database only she may use,
// CORS limited to the app's origin. Stopped by `stop()`.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ADMIN = 'Basic ' + Buffer.from('root:root-pw').toString('base64');
export const USER = { name: 'jana', password: 'jana-sync-pw' };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Sends a request to the server as the admin (or `auth`); resolves to { status, body }. */
export async function couch(url, { method = 'GET', body, auth = ADMIN } = {}) {
  const res = await fetch(url, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, body: json };
}

/** A further members-only database `name` on the server at `base`; resolves to its address. */
export async function createDatabase(base, name) {
  const db = `${base}/${name}`;
  const made = await couch(db, { method: 'PUT' });
  if (made.status >= 300) throw new Error(`database ${name}: ${made.status}`);
  const secured = await couch(`${db}/_security`, { method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: [USER.name], roles: [] } } });
  if (secured.status >= 300) throw new Error(`security of ${name}: ${secured.status}`);
  return db;
}

/** Starts the server for the app at `appOrigin`; resolves to { base, db, stop }. */
export async function startCouch(appOrigin, dbName = 'folio-e2e') {
  const port = await freePort();
  const cwd = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'pouchdb-'));
  const bin = join(here, 'node_modules', '.bin', 'pouchdb-server');
  const child = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(base + '/')).ok) break;
    } catch { /* not yet */ }
    if (Date.now() - started > 30_000) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const ok = (r, what) => { if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`); };
  ok(await couch(`${base}/_config/admins/root`, { method: 'PUT', body: 'root-pw', auth: '' }), 'admin');
  ok(await couch(`${base}/_users/org.couchdb.user:${USER.name}`, {
    method: 'PUT', body: { name: USER.name, password: USER.password, roles: [], type: 'user' },
  }), 'user');
  ok(await couch(`${base}/${dbName}`, { method: 'PUT' }), 'database');
  ok(await couch(`${base}/${dbName}/_security`, { method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: [USER.name], roles: [] } } }), 'security');
  ok(await couch(`${base}/_config/cors/origins`, { method: 'PUT', body: appOrigin }), 'cors');
  return { base, db: `${base}/${dbName}`, stop: () => child.kill() };
}

/** Every document of the database, every revision the server keeps of it, and its _local docs, as text. */
export async function everythingStored(db) {
  const all = (await couch(`${db}/_all_docs`)).body.rows ?? [];
  const texts = [];
  for (const row of all) {
    const revs = await couch(`${db}/${encodeURIComponent(row.id)}?open_revs=all&revs=true`);
    texts.push(JSON.stringify(revs.body));
    const info = await couch(`${db}/${encodeURIComponent(row.id)}?revs_info=true`);
    for (const r of info.body._revs_info ?? []) {
      if (r.status === 'available') texts.push(JSON.stringify((await couch(`${db}/${encodeURIComponent(row.id)}?rev=${r.rev}`)).body));
    }
  }
  const changes = (await couch(`${db}/_changes?style=all_docs`)).body.results ?? [];
  texts.push(JSON.stringify(changes));
  return texts;
}
