// The JSON Schemas of the export format, shipped in public/, describe each version's fixture
// (tests/fixtures/) exactly: the file validates, and a file with a stray or mistyped field does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { root } from './harness.mjs';

const read = (...path) => JSON.parse(readFileSync(join(root, ...path), 'utf8'));

for (const version of [1, 2, 3]) {
  test(`the shipped schema accepts the version ${version} fixture and rejects a wrong field`, () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(read('public', `folio-export-v${version}.schema.json`));
    const fixture = read('tests', 'fixtures', `folio-export-v${version}.json`);
    assert.equal(fixture.version, version);
    assert.ok(validate(fixture), JSON.stringify(validate.errors, null, 2));
    for (const section of ['contacts', 'deals', 'documents', 'consents', 'tasks', 'limits', 'requests', 'audit_log']) {
      assert.ok(fixture[section].length > 0, `the fixture has ${section}`);
    }
    const stray = structuredClone(fixture);
    stray.contacts[0].data.nickname = 'Jája';
    assert.ok(!validate(stray));
    const mistyped = structuredClone(fixture);
    mistyped.deals[0].data.value = { minor: '12.50', currency: 'CZK' };
    assert.ok(!validate(mistyped));
    assert.match(JSON.stringify(validate.errors), /\/deals\/0\/data\/value/);
  });
}

test('the version 2 fixture holds an erased person: values gone, digests kept, restricted remainder', () => {
  const fixture = read('tests', 'fixtures', 'folio-export-v2.json');
  const erased = fixture.audit_log.flatMap((e) => e.changes).filter((c) => c.erased);
  assert.ok(erased.length > 0);
  for (const c of erased) assert.ok(c.before === undefined && c.after === undefined);
  assert.ok(fixture.audit_log.some((e) => e.action === 'erase'));
  assert.ok(fixture.contacts.some((c) => c.data.restricted && c.data.erased_on));
  // The v1 schema does not accept the v2 additions.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  assert.ok(!ajv.compile(read('public', 'folio-export-v1.schema.json'))(fixture));
});

test('the version 3 fixture has labelled addresses and birthdays, which the v2 schema does not accept', () => {
  const fixture = read('tests', 'fixtures', 'folio-export-v3.json');
  assert.ok(fixture.contacts.some((c) => c.data.addresses.length > 1 && c.data.addresses.every((a) => typeof a.label === 'string')));
  assert.ok(fixture.contacts.some((c) => /^--\d\d-\d\d$/.test(c.data.birthday ?? '')));
  assert.ok(fixture.contacts.some((c) => /^\d{4}-\d\d-\d\d$/.test(c.data.birthday ?? '')));
  // Salted digests, the people each event belongs to, the do-not-contact list as keyed digests,
  // and the erased people an import does not bring back.
  assert.ok(fixture.audit_log.some((e) => /^[0-9a-f]+$/.test(e.salt ?? '')));
  assert.ok(fixture.audit_log.some((e) => (e.subjects ?? []).length > 0));
  const entries = fixture.do_not_contact.data.lists.flatMap((l) => l.entries);
  assert.ok(entries.some((e) => e.reason === 'erased' && e.channel === 'email'));
  assert.ok(entries.every((e) => /^[0-9a-f]{64}$/.test(e.tag) && !JSON.stringify(e).includes('@')));
  assert.equal(Object.keys(fixture.erased_people.data.people).length, 1);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  assert.ok(!ajv.compile(read('public', 'folio-export-v2.schema.json'))(fixture));
});

test('the version 3 schema accepts what wave 2 added, as Folio writes it, and rejects a wrong field in it', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(read('public', 'folio-export-v3.schema.json'));
  const fixture = read('tests', 'fixtures', 'folio-export-v3-wave2.json');
  assert.ok(validate(fixture), JSON.stringify(validate.errors, null, 2));
  for (const section of ['notices', 'breaches', 'processors', 'disclosures']) {
    assert.equal(fixture[section].length, 1, `the fixture has ${section}`);
  }
  assert.ok(fixture.contacts[0].data.source && fixture.contacts[0].data.informed);
  assert.ok(fixture.purposes[0].data.lia && fixture.purposes[0].data.retention_rule);
  for (const [path, wrong] of [
    [['breaches', 0, 'data', 'authority'], 'maybe'],
    [['processors', 0, 'data', 'transfers_outside_eu'], 'no'],
    [['disclosures', 0, 'data', 'on'], 42],
    [['contacts', 0, 'data', 'source', 'kind'], 'fax'],
    [['notices', 0, 'data', 'sha256'], 'abc'],
  ]) {
    const bad = structuredClone(fixture);
    let at = bad;
    for (const key of path.slice(0, -1)) at = at[key];
    at[path.at(-1)] = wrong;
    assert.ok(!validate(bad), `${path.join('.')} = ${JSON.stringify(wrong)} is refused`);
  }
});
