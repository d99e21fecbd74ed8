//! An in-memory `Repository` with the same all-or-nothing batches as IndexedDB, for native tests
//! of the layers above.

use super::{check_expectation, Batch, Repository, SealedAuditEvent, SealedRecord, StoreError};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Default, Clone)]
struct State {
    meta: BTreeMap<String, String>,
    records: BTreeMap<String, SealedRecord>,
    audit: BTreeMap<u64, SealedAuditEvent>,
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
}

impl Repository for MemoryRepository {
    async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.state.borrow().meta.get(key).cloned())
    }

    async fn get(&self, id: &str) -> Result<Option<SealedRecord>, StoreError> {
        Ok(self.state.borrow().records.get(id).cloned())
    }

    async fn list(&self, kind: &str) -> Result<Vec<SealedRecord>, StoreError> {
        Ok(self
            .state
            .borrow()
            .records
            .values()
            .filter(|r| r.kind == kind)
            .cloned()
            .collect())
    }

    async fn list_all(&self) -> Result<Vec<SealedRecord>, StoreError> {
        Ok(self.raw_records())
    }

    async fn audit_events(&self) -> Result<Vec<SealedAuditEvent>, StoreError> {
        Ok(self.raw_audit())
    }

    async fn audit_items_in(
        &self,
        after: u64,
        through: u64,
        limit: Option<u32>,
    ) -> Result<Vec<SealedAuditEvent>, StoreError> {
        let state = self.state.borrow();
        let items = state
            .audit
            .range(after.saturating_add(1)..=through)
            .map(|(_, item)| item.clone());
        Ok(match limit {
            Some(limit) => items.take(limit as usize).collect(),
            None => items.collect(),
        })
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
        for (id, expect) in batch.deletes {
            check_expectation(&id, next.records.get(&id).map(|r| r.rev), expect)?;
            next.records.remove(&id);
        }
        if batch.replace_audit {
            next.audit.clear();
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
                nonce: [0; 12],
                ciphertext: vec![],
            }],
            ..Batch::default()
        };
        assert!(block_on(repo.commit(batch)).is_err());
        assert!(block_on(repo.list_all()).unwrap().is_empty());
        assert!(block_on(repo.audit_events()).unwrap().is_empty());
    }

    #[test]
    fn audit_events_are_append_only() {
        let repo = MemoryRepository::new();
        let event = SealedAuditEvent {
            seq: 1,
            last: 1,
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
        assert_eq!(block_on(repo.list("contact")).unwrap().len(), 1);
        assert_eq!(block_on(repo.list_all()).unwrap().len(), 2);
        block_on(repo.delete("a", Expect::Rev(1))).unwrap();
        assert_eq!(block_on(repo.list("contact")).unwrap().len(), 0);
    }
}
