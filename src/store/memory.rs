//! An in-memory `Repository` with the same all-or-nothing batches as IndexedDB, for native tests
//! of the layers above.

use super::{
    check_expectation, Batch, Listing, Malformed, PageKey, Repository, SealedAuditEvent,
    SealedRecord, StoreError, AUDIT, RECORDS,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Default, Clone)]
struct State {
    meta: BTreeMap<String, String>,
    records: BTreeMap<String, SealedRecord>,
    audit: BTreeMap<u64, SealedAuditEvent>,
    /// Values stored around Folio that are not in its format (by key, and kind for records).
    foreign_records: BTreeMap<String, String>,
    foreign_audit: BTreeMap<u64, ()>,
}

/// Cloning shares the same storage (like two handles on one database).
#[derive(Default, Clone)]
pub struct MemoryRepository {
    state: Rc<RefCell<State>>,
    fail_next_commit: Rc<RefCell<bool>>,
}

impl MemoryRepository {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes the next commit fail as if the browser aborted it (for tests of atomicity).
    pub fn fail_next_commit(&self) {
        *self.fail_next_commit.borrow_mut() = true;
    }

    /// Direct access for tests that tamper with stored bytes.
    pub fn raw_records(&self) -> Vec<SealedRecord> {
        self.state.borrow().records.values().cloned().collect()
    }

    pub fn raw_put(&self, record: SealedRecord) {
        self.state
            .borrow_mut()
            .records
            .insert(record.id.clone(), record);
    }

    pub fn raw_remove_record(&self, id: &str) {
        self.state.borrow_mut().records.remove(id);
    }

    pub fn raw_audit(&self) -> Vec<SealedAuditEvent> {
        self.state.borrow().audit.values().cloned().collect()
    }

    /// How many audit events the stored items hold (a block holds several).
    pub fn raw_audit_event_count(&self) -> usize {
        self.raw_audit()
            .iter()
            .map(|i| (i.last - i.seq + 1) as usize)
            .sum()
    }

    pub fn raw_remove_audit(&self, seq: u64) {
        self.state.borrow_mut().audit.remove(&seq);
    }

    pub fn raw_put_audit(&self, event: SealedAuditEvent) {
        self.state.borrow_mut().audit.insert(event.seq, event);
    }

    /// Stores a value that is not in Folio's format under record `id` (listed with `kind`), as
    /// a program writing around Folio could.
    pub fn raw_put_foreign_record(&self, id: &str, kind: &str) {
        let mut state = self.state.borrow_mut();
        state.records.remove(id);
        state.foreign_records.insert(id.into(), kind.into());
    }

    /// Stores a value that is not in Folio's format at audit sequence number `seq`.
    pub fn raw_put_foreign_audit(&self, seq: u64) {
        let mut state = self.state.borrow_mut();
        state.audit.remove(&seq);
        state.foreign_audit.insert(seq, ());
    }

    fn foreign_records(&self, kind: Option<&str>) -> Vec<Malformed> {
        self.state
            .borrow()
            .foreign_records
            .iter()
            .filter(|(_, k)| kind.is_none_or(|kind| kind == k.as_str()))
            .map(|(id, _)| Malformed {
                store: RECORDS,
                key: id.clone(),
                position: None,
            })
            .collect()
    }
}

impl Repository for MemoryRepository {
    async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.state.borrow().meta.get(key).cloned())
    }

    async fn meta_entries(&self, prefix: &str) -> Result<Vec<(String, String)>, StoreError> {
        Ok(self
            .state
            .borrow()
            .meta
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    async fn get(&self, id: &str) -> Result<Option<SealedRecord>, StoreError> {
        Ok(self.state.borrow().records.get(id).cloned())
    }

    async fn list(&self, kind: &str) -> Result<Listing<SealedRecord>, StoreError> {
        let items = self
            .state
            .borrow()
            .records
            .values()
            .filter(|r| r.kind == kind)
            .cloned()
            .collect();
        Ok(Listing {
            items,
            malformed: self.foreign_records(Some(kind)),
        })
    }

    async fn list_all(&self) -> Result<Listing<SealedRecord>, StoreError> {
        Ok(Listing {
            items: self.raw_records(),
            malformed: self.foreign_records(None),
        })
    }

    async fn list_page(
        &self,
        after: Option<&PageKey>,
        limit: u32,
    ) -> Result<(Listing<SealedRecord>, Option<PageKey>), StoreError> {
        let after = match after {
            None => None,
            Some(key) => {
                Some(
                    key.get::<String>()
                        .cloned()
                        .ok_or_else(|| StoreError::Malformed {
                            store: RECORDS.into(),
                            detail: "a page key of another store".into(),
                        })?,
                )
            }
        };
        let state = self.state.borrow();
        // Records and foreign values in key order, as IndexedDB would give them.
        let mut keys: Vec<&String> = state
            .records
            .keys()
            .chain(state.foreign_records.keys())
            .filter(|k| after.as_ref().is_none_or(|a| k.as_str() > a.as_str()))
            .collect();
        keys.sort();
        keys.truncate(limit as usize);
        let mut listing = Listing::default();
        for key in &keys {
            match state.records.get(*key) {
                Some(r) => listing.items.push(r.clone()),
                None => listing.malformed.push(Malformed {
                    store: RECORDS,
                    key: (*key).clone(),
                    position: None,
                }),
            }
        }
        let next = (keys.len() >= limit as usize)
            .then(|| keys.last().map(|k| PageKey::new((*k).clone())))
            .flatten();
        Ok((listing, next))
    }

    async fn audit_events(&self) -> Result<Listing<SealedAuditEvent>, StoreError> {
        self.audit_items_in(0, u64::MAX, None).await
    }

    async fn audit_items_in(
        &self,
        after: u64,
        through: u64,
        limit: Option<u32>,
    ) -> Result<Listing<SealedAuditEvent>, StoreError> {
        let state = self.state.borrow();
        let range = after.saturating_add(1)..=through;
        // Stored and foreign values in key order, as IndexedDB would give them.
        let mut keys: Vec<u64> = state.audit.range(range.clone()).map(|(k, _)| *k).collect();
        keys.extend(state.foreign_audit.range(range).map(|(k, _)| *k));
        keys.sort_unstable();
        keys.truncate(limit.map_or(usize::MAX, |l| l as usize));
        let mut listing = Listing::default();
        for key in keys {
            match state.audit.get(&key) {
                Some(item) => listing.items.push(item.clone()),
                None => listing.malformed.push(Malformed {
                    store: AUDIT,
                    key: key.to_string(),
                    position: Some(key),
                }),
            }
        }
        Ok(listing)
    }

    async fn commit(&self, batch: Batch) -> Result<(), StoreError> {
        if std::mem::take(&mut *self.fail_next_commit.borrow_mut()) {
            return Err(StoreError::Aborted);
        }
        // Work on a copy and swap it in only when every step succeeded: all or nothing.
        let mut next = self.state.borrow().clone();
        for (record, expect) in batch.puts {
            check_expectation(
                &record.id,
                next.records.get(&record.id).map(|r| r.rev),
                expect,
            )?;
            next.records.insert(record.id.clone(), record);
        }
        for d in batch.deletes {
            check_expectation(&d.id, next.records.get(&d.id).map(|r| r.rev), d.expect)?;
            next.records.remove(&d.id);
            next.foreign_records.remove(&d.id);
        }
        if batch.replace_audit {
            next.audit.clear();
            next.foreign_audit.clear();
        }
        for event in batch.audit {
            if next.audit.contains_key(&event.seq) {
                return Err(StoreError::AuditConflict(event.seq));
            }
            next.audit.insert(event.seq, event);
        }
        for event in batch.rewrite_audit {
            if !next.audit.contains_key(&event.seq) {
                return Err(StoreError::AuditMissing(event.seq));
            }
            next.audit.insert(event.seq, event);
        }
        for (key, value) in batch.meta {
            next.meta.insert(key, value);
        }
        *self.state.borrow_mut() = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::Expect;
    use super::*;
    use futures_executor::block_on;

    fn rec(id: &str, rev: u64) -> SealedRecord {
        SealedRecord {
            id: id.into(),
            kind: "contact".into(),
            rev,
            nonce: [0; 12],
            ciphertext: vec![1, 2, 3],
        }
    }

    #[test]
    fn stale_revisions_are_refused() {
        let repo = MemoryRepository::new();
        block_on(repo.put(rec("a", 1), Expect::Absent)).unwrap();
        assert_eq!(
            block_on(repo.put(rec("a", 1), Expect::Absent)),
            Err(StoreError::Conflict { id: "a".into() })
        );
        block_on(repo.put(rec("a", 2), Expect::Rev(1))).unwrap();
        assert_eq!(
            block_on(repo.put(rec("a", 3), Expect::Rev(1))),
            Err(StoreError::Conflict { id: "a".into() })
        );
        assert_eq!(block_on(repo.get("a")).unwrap().unwrap().rev, 2);
    }

    #[test]
    fn a_failing_batch_writes_nothing() {
        let repo = MemoryRepository::new();
        let batch = Batch {
            puts: vec![(rec("a", 1), Expect::Absent), (rec("b", 1), Expect::Rev(7))],
            audit: vec![SealedAuditEvent {
                seq: 1,
                last: 1,
                rev: 1,
                nonce: [0; 12],
                ciphertext: vec![],
            }],
            ..Batch::default()
        };
        assert!(block_on(repo.commit(batch)).is_err());
        assert!(block_on(repo.list_all()).unwrap().items.is_empty());
        assert!(block_on(repo.audit_events()).unwrap().items.is_empty());
    }

    #[test]
    fn audit_events_are_append_only() {
        let repo = MemoryRepository::new();
        let event = SealedAuditEvent {
            seq: 1,
            last: 1,
            rev: 1,
            nonce: [0; 12],
            ciphertext: vec![],
        };
        let batch = Batch {
            audit: vec![event.clone()],
            ..Batch::default()
        };
        block_on(repo.commit(batch.clone())).unwrap();
        assert_eq!(
            block_on(repo.commit(batch)),
            Err(StoreError::AuditConflict(1))
        );
    }

    #[test]
    fn list_filters_by_kind() {
        let repo = MemoryRepository::new();
        block_on(repo.put(rec("a", 1), Expect::Absent)).unwrap();
        let mut org = rec("b", 1);
        org.kind = "organisation".into();
        block_on(repo.put(org, Expect::Absent)).unwrap();
        assert_eq!(block_on(repo.list("contact")).unwrap().items.len(), 1);
        assert_eq!(block_on(repo.list_all()).unwrap().items.len(), 2);
        block_on(repo.delete("a", "contact", Expect::Rev(1))).unwrap();
        assert_eq!(block_on(repo.list("contact")).unwrap().items.len(), 0);
        // A value stored around Folio is one malformed item; the rest still read.
        repo.raw_put_foreign_record("x", "organisation");
        let listing = block_on(repo.list_all()).unwrap();
        assert_eq!((listing.items.len(), listing.malformed.len()), (1, 1));
        assert_eq!(listing.malformed[0].key, "x");
    }
}
