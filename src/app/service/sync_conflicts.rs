//! The Sync conflicts list's two writes: take the value not kept instead (an ordinary, audited
//! update of the record, checked by its kind's rules) or dismiss it; either removes the entry,
//! and both sync like any other change. Must not import `ui`.

use super::error::AppError;
use super::sync_doc::{self, CONFLICT_KIND};
use super::trail::{seal_record, Entry};
use super::types::{OpenRecord, UnlockedVault};
use crate::domain::audit::{self, Action};
use crate::store::{Batch, Deletion, Expect, Repository};
use chrono::{DateTime, Utc};
use serde_json::Value;

impl<R: Repository> UnlockedVault<R> {
    /// The sync conflicts about person `id` (their id and revision): an erasure deletes them.
    pub(super) fn conflicts_of(&self, id: &str) -> Vec<(String, u64)> {
        self.inner
            .borrow()
            .snapshot
            .sync_conflicts
            .values()
            .filter(|c| c.data.people.iter().any(|p| p == id) || c.data.record_id == id)
            .map(|c| (c.id.clone(), c.rev))
            .collect()
    }

    /// Dismisses a sync conflict: the record keeps the value it has.
    pub async fn dismiss_conflict(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let conflict = self
            .inner
            .borrow()
            .snapshot
            .sync_conflicts
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(id.to_string()))?;
        let batch = Batch {
            deletes: vec![Deletion::new(id, CONFLICT_KIND, Expect::Rev(conflict.rev))],
            ..Batch::default()
        };
        let entry = Entry::new(Action::Delete, CONFLICT_KIND, id, Vec::new())
            .about(conflict.data.people.clone());
        self.commit(batch, vec![entry], now).await?;
        self.inner.borrow_mut().snapshot.sync_conflicts.remove(id);
        Ok(())
    }

    /// Takes the conflict's value instead of the one kept, and removes the conflict.
    pub async fn take_conflict(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let (conflict, record, fields) = {
            let inner = self.inner.borrow();
            let conflict = inner
                .snapshot
                .sync_conflicts
                .get(id)
                .cloned()
                .ok_or_else(|| AppError::NotFound(id.to_string()))?;
            let c = &conflict.data;
            let (record, fields, _) = sync_doc::local(&inner.snapshot, &c.kind, &c.record_id)?
                .ok_or_else(|| AppError::NotFound(c.record_id.clone()))?;
            (conflict, record, fields)
        };
        let c = &conflict.data;
        let mut data = record.data.clone();
        let Value::Object(map) = &mut data else {
            return Err(AppError::NotFound(c.record_id.clone()));
        };
        if c.field.is_empty() {
            return self.dismiss_conflict(id, now).await;
        }
        map.insert(c.field.clone(), c.value.clone());
        let next = OpenRecord {
            rev: record.rev + 1,
            updated_at: now,
            data,
            ..record.clone()
        };
        if !sync_doc::fits(&c.kind, &next) {
            return Err(AppError::Invalid(vec![(
                "value",
                crate::domain::FieldError::Choice,
            )]));
        }
        let mut snapshot_probe = crate::app::service::VaultSnapshot::default();
        sync_doc::install(&mut snapshot_probe, &next, false)?;
        let after = sync_doc::local(&snapshot_probe, &c.kind, &c.record_id)?
            .map(|(_, f, _)| f)
            .unwrap_or_default();
        let batch = Batch {
            puts: vec![(seal_record(&self.sealer, &next)?, Expect::Rev(record.rev))],
            deletes: vec![Deletion::new(id, CONFLICT_KIND, Expect::Rev(conflict.rev))],
            ..Batch::default()
        };
        let entries = vec![
            Entry::new(
                Action::Update,
                &c.kind,
                &c.record_id,
                audit::diff(&fields, &after),
            )
            .about(c.people.clone()),
            Entry::new(Action::Delete, CONFLICT_KIND, id, Vec::new()).about(c.people.clone()),
        ];
        self.commit(batch, entries, now).await?;
        let mut inner = self.inner.borrow_mut();
        sync_doc::install(&mut inner.snapshot, &next, false)?;
        inner.snapshot.sync_conflicts.remove(id);
        Ok(())
    }
}
