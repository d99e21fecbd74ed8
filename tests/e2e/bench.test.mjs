// Smoke run of the benchmark at a tiny scale: it must run through and report every figure (never
// asserting a time). Needs the benchmark build in target/bench-dist (test.sh builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBenchmark, table, SCALES } from './bench.mjs';

test('the benchmark runs at a tiny scale and reports every figure', async () => {
  const results = await runBenchmark({ scale: 'tiny', log: () => {} });
  const s = results.summary;
  for (const [name, value] of Object.entries(s)) {
    assert.ok(Number.isFinite(value) && value >= 0, `${name} = ${value}`);
  }
  assert.equal(results.L.export.contacts, SCALES.tiny.L.contacts, 'the export holds every contact');
  assert.equal(results.L.import.contacts, SCALES.tiny.L.contacts, 'the import restored every contact');
  const plan = SCALES.tiny;
  // What was written and measured is what the plan asked for.
  assert.equal(results.S.populated.contacts, plan.S.contacts);
  assert.equal(results.L.populated.activities, plan.L.activities);
  assert.equal(results.L.populated.consents, plan.L.consents);
  assert.equal(results.L.populated.deals, plan.L.deals);
  assert.equal(results.L.populated.documents, plan.L.deals, 'one document per deal');
  assert.equal(results.L.populated.audit_events,
    1 + plan.L.organisations + plan.L.contacts + plan.L.activities + results.L.populated.purposes + plan.L.consents
      + 2 * plan.L.deals);
  // The import stored every record of the file, and its trail in blocks, not an item per event.
  assert.ok(results.L.import.records >= plan.L.organisations + plan.L.contacts + plan.L.activities
    + plan.L.consents + 2 * plan.L.deals);
  assert.ok(results.L.import.audit_items < results.L.populated.audit_events);
  assert.equal(results.L.import_bare.length, plan.bulkRuns);
  // The preview read the generated files whole, to rows.
  for (const kind of ['csv', 'vcard']) {
    const bytes = results.preview[kind].bytes;
    assert.ok(bytes <= plan.previewBytes && bytes > 0.99 * plan.previewBytes, `${kind} file of ${bytes} bytes`);
    assert.ok(results.preview[kind].rows > 100, `${kind} rows`);
    assert.equal(results.preview[kind].samples.length, plan.bulkRuns);
  }
  // The sync row: every document the first push stored reached the new device and PouchDB.
  assert.ok(results.L.sync.docs > plan.L.contacts + plan.L.activities, `${results.L.sync.docs} documents synced`);
  assert.ok(results.L.sync.pouch_docs >= results.L.sync.docs, 'PouchDB got the same database');
  assert.equal(results.bulk.folio[0].stored, plan.bulk);
  assert.equal(results.saves.samples.length, plan.saves);
  assert.equal(results.L.search.samples.length, 'dvorakova praha'.length);
  assert.equal(results.L.first_render.length, plan.runs);
  assert.ok(results.L.memory.wasm_bytes > 0 && results.L.memory.js_heap_used_bytes > 0);
  // Folio records are sealed (ciphertext + tag), so they are larger than nothing.
  assert.ok(results.bulk.folio[0].record_bytes > 16);
  // The table has a row per figure and says where each target stands.
  const lines = table(results).join('\n');
  assert.equal(results.cold_load.folio.length, plan.coldRuns, 'one cold load a run');
  assert.ok(results.cold_load.folio.every((ms) => ms > 0));
  for (const label of ['shipped size', 'cold load → Passphrase field', 'Argon2id', 'key → first list, S', 'key → first list, L',
    'bare IndexedDB loop', 'Folio throughput ÷ bare loop', 'single save', 'search per keystroke',
    'first render', 'scroll step', 'full export', 'full import', 'memory after loading L',
    'of which reading + decrypting', 'bare IndexedDB loop putting as many values', 'writes may start',
    'audit trail read and checked', 'Folio import ÷ bare loop',
    'contacts import preview, CSV', 'contacts import preview, vCard']) {
    assert.ok(lines.includes(label), `table row ${label}`);
  }
});
