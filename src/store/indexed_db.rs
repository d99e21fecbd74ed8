//! The IndexedDB `Repository` (through rexie). Every store is declared at every open, since the
//! builder under rexie deletes the stores an upgrade does not declare. Values are plain objects
//! `{ id, kind, rev, nonce, ciphertext }` with the bytes as `Uint8Array`; audit items are
//! `{ seq, last?, nonce, ciphertext }` (`last` only on a block of several events).

use super::{
    check_expectation, Batch, Expect, Listing, Malformed, PageKey, Repository, SealedAuditEvent,
    SealedRecord, StoreError, AUDIT, MAX_COUNTER, META, RECORDS,
};
use futures_util::future::{join, join_all};
use js_sys::{Object, Reflect, Uint8Array};
use rexie::{Index, KeyRange, ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// The name of Folio's database in this origin.
pub const DATABASE_NAME: &str = "folio";

/// The IndexedDB schema version. Each version's changes are applied in order by `upgrade_steps`;
/// a new version adds a step and keeps declaring every store.
pub const SCHEMA_VERSION: u32 = 1;

pub struct IdbRepository {
    db: Rexie,
}

fn failed(e: rexie::Error) -> StoreError {
    let text = e.to_string();
    let detail = format!("{e:?}");
    if detail.contains("QuotaExceeded") {
        StoreError::QuotaExceeded
    } else {
        StoreError::Refused(text)
    }
}

/// The stores of schema version `version` (every version declares all its stores).
fn declare_stores(builder: rexie::RexieBuilder, version: u32) -> rexie::RexieBuilder {
    // Version 1: meta (key → text), records (by id, indexed by kind), audit (by sequence number).
    let mut builder = builder
        .add_object_store(ObjectStore::new(META).key_path("key"))
        .add_object_store(
            ObjectStore::new(RECORDS)
                .key_path("id")
                .add_index(Index::new("kind", "kind")),
        )
        .add_object_store(ObjectStore::new(AUDIT).key_path("seq"));
    // Versions above 1 exist only in tests of the upgrade path until a release needs one.
    for v in 2..=version {
        builder = builder
            .add_object_store(ObjectStore::new(&format!("upgrade_probe_v{v}")).key_path("key"));
    }
    builder
}

impl IdbRepository {
    /// Opens (creating or upgrading) Folio's database.
    pub async fn open() -> Result<Self, StoreError> {
        Self::open_versioned(DATABASE_NAME, SCHEMA_VERSION).await
    }

    /// Opens a database by name at a schema version (tests use other names and versions).
    pub async fn open_versioned(name: &str, version: u32) -> Result<Self, StoreError> {
        let has_idb = web_sys::window()
            .map(|w| {
                Reflect::get(&w, &"indexedDB".into()).map(|v| !v.is_undefined() && !v.is_null())
            })
            .and_then(Result::ok)
            .unwrap_or(false);
        if !has_idb {
            return Err(StoreError::Unavailable(
                "IndexedDB is switched off (private mode or site data blocked)".into(),
            ));
        }
        let db = declare_stores(Rexie::builder(name).version(version), version)
            .build()
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let repo = Self { db };
        repo.record_schema_version(version).await?;
        Ok(repo)
    }

    async fn record_schema_version(&self, version: u32) -> Result<(), StoreError> {
        let stored = self.get_meta("schema_version").await?;
        if stored.as_deref() != Some(&version.to_string()) {
            self.commit(Batch {
                meta: vec![("schema_version".into(), version.to_string())],
                ..Batch::default()
            })
            .await?;
        }
        Ok(())
    }

    pub fn close(self) {
        self.db.close();
    }

    /// Deletes a whole database (tests).
    pub async fn delete_database(name: &str) -> Result<(), StoreError> {
        Rexie::delete(name).await.map_err(failed)
    }
}

/// The key `abort_quietly` adds twice; never stored (the transaction it is added in aborts).
const ABORT_KEY: &str = "folio-abort";

/// Aborts the transaction `meta` belongs to, undoing every write in it: a key added twice makes
/// the second request fail, and the browser aborts a transaction whose request failed. Not
/// rexie's `abort`: that waits for the transaction's events through callbacks it drops at the
/// first one (an error event of a request the abort cut short), so the abort's later events call
/// callbacks that are gone, and wasm-bindgen throws "closure invoked recursively or after being
/// dropped" into the page, once for each. A transaction already ending refuses the requests at
/// once, which is as good.
async fn abort_quietly(meta: &rexie::Store) {
    let entry = || {
        let obj = Object::new();
        set(&obj, "key", &ABORT_KEY.into());
        set(&obj, "value", &"".into());
        JsValue::from(obj)
    };
    let (first, second) = (entry(), entry());
    // Both issued at the first poll, in order; the second fails.
    let _ = futures_util::future::join(meta.add(&first, None), meta.add(&second, None)).await;
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &key.into(), value);
}

// The stored values are built in JS, one call each (field by field through `Reflect.set` was
// seven calls a record, a measurable part of writing thousands). The byte arguments arrive as
// views of the wasm memory: `slice` copies them, so only their own bytes are stored.
// The stored values are built in JS, one call each (field by field through `Reflect.set` was
// seven calls a record, a measurable part of writing thousands). The byte arguments arrive as
// views of the wasm memory: `slice` copies them, so only their own bytes are stored. A value read
// back that is not in Folio's format is set aside with its key (when it has a readable one):
// one damaged item, never a refused list.
#[wasm_bindgen(inline_js = "
export function record_value(id, kind, rev, nonce, ciphertext) {
  return { id, kind, rev, nonce: nonce.slice(), ciphertext: ciphertext.slice() };
}
const MAX_COUNTER = 9007199254740991;
const text = (t) => typeof t === 'string' && !t.includes('\\u0000') && t.length <= 4096;
export function unpack_records(values) {
  const ok = (v) => v && typeof v === 'object' && text(v.id) && text(v.kind)
    && Number.isSafeInteger(v.rev) && v.rev >= 1 && v.rev <= MAX_COUNTER
    && v.nonce instanceof Uint8Array && v.nonce.length === 12 && v.ciphertext instanceof Uint8Array;
  const good = [];
  const bad = [];
  let total = 0;
  values.forEach((v, i) => {
    if (ok(v)) {
      good.push(v);
      total += 12 + v.ciphertext.length;
    } else {
      const key = v && typeof v === 'object' && typeof v.id === 'string'
        ? JSON.stringify(v.id.slice(0, 200)) : '#' + i;
      bad.push(key);
    }
  });
  const revs = new Float64Array(good.length);
  const lengths = new Uint32Array(good.length);
  const bytes = new Uint8Array(total);
  let at = 0;
  good.forEach((v, i) => {
    revs[i] = v.rev;
    lengths[i] = v.ciphertext.length;
    bytes.set(v.nonce, at);
    bytes.set(v.ciphertext, at + 12);
    at += 12 + v.ciphertext.length;
  });
  return [bad, good.map((v) => v.id).join('\\u0000'), good.map((v) => v.kind).join('\\u0000'),
    revs, lengths, bytes, good.length];
}
export function audit_value(seq, last, rev, nonce, ciphertext) {
  const value = { seq, nonce: nonce.slice(), ciphertext: ciphertext.slice() };
  if (last !== seq) value.last = last;
  if (rev !== 1) value.rev = rev;
  return value;
}")]
extern "C" {
    fn record_value(id: &str, kind: &str, rev: f64, nonce: &[u8], ciphertext: &[u8]) -> JsValue;
    fn audit_value(seq: f64, last: f64, rev: f64, nonce: &[u8], ciphertext: &[u8]) -> JsValue;
    fn unpack_records(values: Vec<JsValue>) -> js_sys::Array;
}

/// Many stored records at once: their fields are gathered in JS into a few strings and arrays
/// that cross to wasm together (field by field was about ten calls a record, for every record
/// read at unlock). A value not in Folio's format is listed as malformed, and the rest read.
/// How many bytes of a listing cross from JS to wasm at a time.
const PIECE_BYTES: usize = 4 << 20;

fn records_from_js(values: Vec<JsValue>) -> Result<Listing<SealedRecord>, StoreError> {
    let packed = unpack_records(values);
    let foreign: Vec<Malformed> = js_sys::Array::from(&packed.get(0))
        .iter()
        .map(|key| Malformed {
            store: RECORDS,
            key: key.as_string().unwrap_or_default(),
            position: None,
        })
        .collect();
    let count = packed.get(6).as_f64().unwrap_or(0.0) as usize;
    let text = |i| packed.get(i).as_string().unwrap_or_default();
    let (ids, kinds) = (text(1), text(2));
    let revs = js_sys::Float64Array::from(packed.get(3)).to_vec();
    let lengths = js_sys::Uint32Array::from(packed.get(4)).to_vec();
    let bytes = Uint8Array::from(packed.get(5));
    let split = |s: &str| -> Vec<String> {
        if count == 0 {
            Vec::new()
        } else {
            s.split('\0').map(str::to_string).collect()
        }
    };
    let (ids, kinds) = (split(&ids), split(&kinds));
    if ids.len() != count || kinds.len() != count || revs.len() != count {
        return Err(malformed(RECORDS, "the values did not read back whole"));
    }
    // The bytes cross to wasm a few MiB at a time, each piece cut into its records: never the
    // whole listing twice in wasm memory (at unlock that was its high-water mark).
    let total = bytes.length() as usize;
    let (mut piece, mut piece_at) = (Vec::new(), 0usize);
    let mut at = 0;
    let mut records = Vec::with_capacity(count);
    for (((id, kind), rev), length) in ids.into_iter().zip(kinds).zip(revs).zip(lengths) {
        let end = at + 12 + length as usize;
        if end > total {
            return Err(malformed(RECORDS, "the values did not read back whole"));
        }
        if end > piece_at + piece.len() {
            let piece_end = end.max(at.saturating_add(PIECE_BYTES)).min(total);
            piece = bytes.subarray(at as u32, piece_end as u32).to_vec();
            piece_at = at;
        }
        let (from, to) = (at - piece_at, end - piece_at);
        let (Some(nonce), Some(ciphertext)) =
            (piece.get(from..from + 12), piece.get(from + 12..to))
        else {
            return Err(malformed(RECORDS, "the values did not read back whole"));
        };
        records.push(SealedRecord {
            id,
            kind,
            rev: rev as u64,
            nonce: nonce.try_into().unwrap_or_default(),
            ciphertext: ciphertext.to_vec(),
        });
        at = end;
    }
    Ok(Listing {
        items: records,
        malformed: foreign,
    })
}

fn record_to_js(r: &SealedRecord) -> JsValue {
    record_value(&r.id, &r.kind, r.rev as f64, &r.nonce, &r.ciphertext)
}

fn malformed(store: &str, detail: &str) -> StoreError {
    StoreError::Malformed {
        store: store.to_string(),
        detail: detail.to_string(),
    }
}

fn field(value: &JsValue, store: &str, name: &str) -> Result<JsValue, StoreError> {
    Reflect::get(value, &name.into()).map_err(|_| malformed(store, name))
}

fn bytes(value: &JsValue, store: &str, name: &str) -> Result<Vec<u8>, StoreError> {
    let v = field(value, store, name)?;
    if !v.is_instance_of::<Uint8Array>() {
        return Err(malformed(store, &format!("{name} is not bytes")));
    }
    Ok(Uint8Array::from(v).to_vec())
}

fn nonce(value: &JsValue, store: &str) -> Result<[u8; 12], StoreError> {
    bytes(value, store, "nonce")?
        .try_into()
        .map_err(|_| malformed(store, "the nonce is not 12 bytes"))
}

/// One stored record, refused as `records_from_js` refuses one (the same check, one place).
fn record_from_js(value: &JsValue) -> Result<SealedRecord, StoreError> {
    let mut listing = records_from_js(vec![value.clone()])?;
    match listing.items.pop() {
        Some(record) => Ok(record),
        None => Err(malformed(RECORDS, "the value is not a sealed record")),
    }
}

fn audit_to_js(e: &SealedAuditEvent) -> JsValue {
    audit_value(
        e.seq as f64,
        e.last as f64,
        e.rev as f64,
        &e.nonce,
        &e.ciphertext,
    )
}

/// A counter read back: a whole number from 0 (1 for a revision) to `MAX_COUNTER`.
fn counter(value: &JsValue, least: u64) -> Option<u64> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= least as f64 && *n <= MAX_COUNTER as f64)
        .map(|n| n as u64)
}

fn audit_from_js(value: &JsValue) -> Result<SealedAuditEvent, StoreError> {
    let seq = counter(&field(value, AUDIT, "seq")?, 1).ok_or_else(|| malformed(AUDIT, "seq"))?;
    // A single event has no `last` (every event stored before blocks existed is one), and an
    // item never sealed anew no `rev`.
    let optional = |name: &str, least: u64, absent: u64| {
        let v = field(value, AUDIT, name)?;
        if v.is_undefined() {
            Ok(absent)
        } else {
            counter(&v, least).ok_or_else(|| malformed(AUDIT, name))
        }
    };
    Ok(SealedAuditEvent {
        seq,
        last: optional("last", seq, seq)?,
        rev: optional("rev", 1, 1)?,
        nonce: nonce(value, AUDIT)?,
        ciphertext: bytes(value, AUDIT, "ciphertext")?,
    })
}

/// Audit values read back: those in Folio's format, and the others by their sequence number.
fn audit_listing(values: Vec<JsValue>) -> Listing<SealedAuditEvent> {
    let mut listing = Listing::default();
    for (i, value) in values.iter().enumerate() {
        match audit_from_js(value) {
            Ok(item) => listing.items.push(item),
            Err(_) => {
                let position = Reflect::get(value, &"seq".into())
                    .ok()
                    .and_then(|s| s.as_f64())
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .map(|s| (s.min(MAX_COUNTER as f64)) as u64);
                listing.malformed.push(Malformed {
                    store: AUDIT,
                    key: position.map_or_else(|| format!("#{i}"), |p| p.to_string()),
                    position,
                });
            }
        }
    }
    listing
}

impl IdbRepository {
    async fn read_one(&self, store: &str, key: &str) -> Result<Option<JsValue>, StoreError> {
        self.read_key(store, key.into()).await
    }

    async fn read_key(&self, store: &str, key: JsValue) -> Result<Option<JsValue>, StoreError> {
        let tx = self
            .db
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(failed)?;
        let value = tx
            .store(store)
            .map_err(failed)?
            .get(key)
            .await
            .map_err(failed)?;
        tx.done().await.map_err(failed)?;
        Ok(value)
    }

    async fn read_all(
        &self,
        store: &str,
        range: Option<(&str, KeyRange)>,
    ) -> Result<Vec<JsValue>, StoreError> {
        self.read_some(store, range, None).await
    }

    /// Values of a store (or of one of its indexes, over a key range), at most `limit`.
    async fn read_some(
        &self,
        store: &str,
        range: Option<(&str, KeyRange)>,
        limit: Option<u32>,
    ) -> Result<Vec<JsValue>, StoreError> {
        let tx = self
            .db
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(failed)?;
        let s = tx.store(store).map_err(failed)?;
        let values = match range {
            None => s.get_all(None, limit).await.map_err(failed)?,
            // The empty index name means the store's own keys.
            Some(("", range)) => s.get_all(Some(range), limit).await.map_err(failed)?,
            Some((index, range)) => s
                .index(index)
                .map_err(failed)?
                .get_all(Some(range), limit)
                .await
                .map_err(failed)?,
        };
        tx.done().await.map_err(failed)?;
        Ok(values)
    }

    async fn write(&self, batch: &Batch) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(&[META, RECORDS, AUDIT], TransactionMode::ReadWrite)
            .map_err(failed)?;
        let records = tx.store(RECORDS).map_err(failed)?;
        let audit = tx.store(AUDIT).map_err(failed)?;
        let meta = tx.store(META).map_err(failed)?;
        // Only IndexedDB requests are awaited from here on, so the transaction stays open.
        // The stored revision of a record, read inside this transaction.
        let stored_rev = |id: &str| {
            let request = records.get(id.into());
            async move {
                request
                    .await
                    .map_err(failed)?
                    .map(|v| record_from_js(&v).map(|r| r.rev))
                    .transpose()
            }
        };
        // The revision checks are issued first, then every write without waiting for them (or
        // for the write before: only the last request of each kind is awaited, since a callback
        // per request costs more than the write itself). So the browser starts writing at once,
        // and a caller can seal its next batch meanwhile. Requests run in the order they are
        // issued, so each check reads what was stored before this batch; a failed check aborts
        // the transaction, which undoes every write. `add` refuses a key that exists, which
        // aborts the transaction; `diagnose` then names it.
        let checks = batch
            .puts
            .iter()
            .map(|(r, e)| (r.id.as_str(), *e))
            .chain(batch.deletes.iter().map(|d| (d.id.as_str(), d.expect)))
            .filter(|(_, e)| matches!(e, Expect::Rev(_)))
            .map(|(id, expect)| {
                let stored = stored_rev(id);
                async move { check_expectation(id, stored.await?, expect) }
            });
        // An event to rewrite must exist (an erasure never adds events this way).
        let existing = batch.rewrite_audit.iter().map(|e| {
            let seq = e.seq;
            let request = audit.get(JsValue::from_f64(seq as f64));
            async move {
                match request.await.map_err(failed)? {
                    Some(_) => Ok(()),
                    None => Err(StoreError::AuditMissing(seq)),
                }
            }
        });
        // Every request is waited for, even after one failed: a request's future dropped before
        // its event leaves the browser a callback that is gone (wasm-bindgen then throws "closure
        // invoked recursively or after being dropped" into the page). A failed check aborts the
        // transaction at once, while the writes issued after the checks are still pending.
        let checked = async {
            let (checks, existing) = join(join_all(checks), join_all(existing)).await;
            let failed = checks.into_iter().chain(existing).find_map(Result::err);
            if failed.is_some() {
                abort_quietly(&meta).await;
            }
            failed.map_or(Ok(()), Err)
        };
        let (new, replaced): (Vec<_>, Vec<_>) =
            batch.puts.iter().partition(|(_, e)| *e == Expect::Absent);
        let writes = async {
            if !new.is_empty() {
                records
                    .add_all(new.iter().map(|(r, _)| (record_to_js(r), None)))
                    .await?;
            }
            if !replaced.is_empty() {
                records
                    .put_all(replaced.iter().map(|(r, _)| (record_to_js(r), None)))
                    .await?;
            }
            for d in &batch.deletes {
                records.delete(d.id.as_str().into()).await?;
            }
            if batch.replace_audit {
                audit.clear().await?;
            }
            if !batch.audit.is_empty() {
                audit
                    .add_all(batch.audit.iter().map(|e| (audit_to_js(e), None)))
                    .await?;
            }
            if !batch.rewrite_audit.is_empty() {
                audit
                    .put_all(batch.rewrite_audit.iter().map(|e| (audit_to_js(e), None)))
                    .await?;
            }
            for (key, value) in &batch.meta {
                let obj = Object::new();
                set(&obj, "key", &key.as_str().into());
                set(&obj, "value", &value.as_str().into());
                meta.put(&obj.into(), None).await?;
            }
            Ok::<(), rexie::Error>(())
        };
        // The first poll issues the checks, then the writes.
        match join(checked, writes).await {
            (Ok(()), Ok(())) => match tx.done().await.map_err(failed)? {
                r if r.is_committed() => Ok(()),
                _ => Err(StoreError::Aborted),
            },
            (Err(e), _) => Err(e),
            (Ok(()), Err(e)) => {
                // The browser aborts the transaction itself (the request's error is not
                // prevented); this only makes sure.
                abort_quietly(&meta).await;
                Err(self.diagnose(batch, e).await)
            }
        }
    }

    /// Why a write transaction failed: a record it meant to create, or an audit event it meant
    /// to append, exists already; otherwise the browser's own error.
    async fn diagnose(&self, batch: &Batch, error: rexie::Error) -> StoreError {
        for (record, expect) in &batch.puts {
            if *expect == Expect::Absent && matches!(self.get(&record.id).await, Ok(Some(_))) {
                return StoreError::Conflict {
                    id: record.id.clone(),
                };
            }
        }
        for event in &batch.audit {
            let key = JsValue::from_f64(event.seq as f64);
            if matches!(self.read_key(AUDIT, key).await, Ok(Some(_))) {
                return StoreError::AuditConflict(event.seq);
            }
        }
        failed(error)
    }
}

impl Repository for IdbRepository {
    async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self.read_one(META, key).await? {
            None => Ok(None),
            Some(v) => field(&v, META, "value")?
                .as_string()
                .map(Some)
                .ok_or_else(|| malformed(META, key)),
        }
    }

    async fn meta_entries(&self, prefix: &str) -> Result<Vec<(String, String)>, StoreError> {
        // Keys from `prefix` up to `prefix` followed by the last code unit.
        let range = KeyRange::bound(
            &prefix.into(),
            &format!("{prefix}\u{ffff}").into(),
            Some(false),
            Some(false),
        )
        .map_err(|e| failed(e.into()))?;
        let values = self.read_all(META, Some(("", range))).await?;
        Ok(values
            .iter()
            .filter_map(|v| {
                let key = field(v, META, "key").ok()?.as_string()?;
                let value = field(v, META, "value").ok()?.as_string()?;
                key.starts_with(prefix).then_some((key, value))
            })
            .collect())
    }

    async fn get(&self, id: &str) -> Result<Option<SealedRecord>, StoreError> {
        self.read_one(RECORDS, id)
            .await?
            .map(|v| record_from_js(&v))
            .transpose()
    }

    async fn list(&self, kind: &str) -> Result<Listing<SealedRecord>, StoreError> {
        let range = KeyRange::only(&kind.into()).map_err(|e| failed(e.into()))?;
        records_from_js(self.read_all(RECORDS, Some(("kind", range))).await?)
    }

    async fn list_all(&self) -> Result<Listing<SealedRecord>, StoreError> {
        records_from_js(self.read_all(RECORDS, None).await?)
    }

    async fn list_page(
        &self,
        after: Option<&PageKey>,
        limit: u32,
    ) -> Result<(Listing<SealedRecord>, Option<PageKey>), StoreError> {
        let range = match after {
            None => None,
            Some(key) => {
                let key = key
                    .get::<JsValue>()
                    .ok_or_else(|| malformed(RECORDS, "a page key of another store"))?;
                let range = KeyRange::lower_bound(key, Some(true)).map_err(|e| failed(e.into()))?;
                Some(("", range))
            }
        };
        let values = self.read_some(RECORDS, range, Some(limit)).await?;
        // The store's key path is `id`: every stored value has its key there, text or not.
        let next = match values.last() {
            Some(last) if values.len() >= limit as usize => {
                let key = Reflect::get(last, &"id".into()).map_err(|_| malformed(RECORDS, "id"))?;
                Some(PageKey::new(key))
            }
            _ => None,
        };
        Ok((records_from_js(values)?, next))
    }

    async fn audit_events(&self) -> Result<Listing<SealedAuditEvent>, StoreError> {
        Ok(audit_listing(self.read_all(AUDIT, None).await?))
    }

    async fn audit_items_in(
        &self,
        after: u64,
        through: u64,
        limit: Option<u32>,
    ) -> Result<Listing<SealedAuditEvent>, StoreError> {
        let range = KeyRange::bound(
            &JsValue::from_f64(after as f64),
            &JsValue::from_f64(through as f64),
            Some(true),
            Some(false),
        )
        .map_err(|e| failed(e.into()))?;
        Ok(audit_listing(
            self.read_some(AUDIT, Some(("", range)), limit).await?,
        ))
    }

    async fn commit(&self, batch: Batch) -> Result<(), StoreError> {
        self.write(&batch).await
    }
}
