//! Writing one record: its next revision with what changed field by field, saving and deleting
//! it (audited, in one transaction), and the checks every feature makes before a write (links
//! that resolve, a person whose processing is restricted).

use super::error::AppError;
use super::kinds::RecordKind;
use super::trail::{seal_record, Entry};
use super::types::{OpenRecord, Records, UnlockedVault};
use crate::domain::audit::{self, Action, FieldChange};
use crate::domain::Id;
use crate::store::{Batch, Deletion, Expect, Repository, SealedRecord};
use crate::vault::VaultError;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The next revision of every record of `map` that `change` changes (`Some(new data)`).
pub(super) fn next_revisions<T: Clone>(
    map: &Records<T>,
    now: DateTime<Utc>,
    change: impl Fn(&T) -> Option<T>,
) -> Vec<OpenRecord<T>> {
    map.values()
        .filter_map(|r| change(&r.data).map(|data| r.revised(data, now)))
        .collect()
}

/// The first revision of a new record of kind `K`, under a fresh random id, written at `now`.
pub(super) fn first_revision<K: RecordKind>(
    data: K,
    now: DateTime<Utc>,
) -> Result<OpenRecord<K>, VaultError> {
    Ok(OpenRecord {
        id: Id::new().map_err(|_| VaultError::NoRandomness)?.to_string(),
        kind: K::KIND.into(),
        rev: 1,
        created_at: now,
        updated_at: now,
        data,
    })
}

/// What deleting `record` writes: its audit entry (every field it had, gone) and its deletion,
/// expecting the revision it is at.
pub(super) fn deletion_of<K: RecordKind>(record: &OpenRecord<K>) -> (Entry, Deletion) {
    let entry = Entry::new(
        Action::Delete,
        K::KIND,
        &record.id,
        audit::diff(&record.data.audited(), &[]),
    );
    let deletion = Deletion::new(&record.id, K::KIND, Expect::Rev(record.rev));
    (entry, deletion)
}

/// A new record of kind `K` or the next revision of `previous`, with the write's expectation,
/// its action and what changed field by field.
pub(super) struct Revision<K> {
    pub record: OpenRecord<K>,
    pub expect: Expect,
    pub action: Action,
    pub changes: Vec<FieldChange>,
    /// The people the previous revision belonged to (a move from one person to another names
    /// both).
    pub before: Vec<String>,
}

impl<K: RecordKind> Revision<K> {
    pub fn of(
        previous: Option<&OpenRecord<K>>,
        data: K,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        Ok(match previous {
            None => Revision {
                before: Vec::new(),
                changes: audit::diff(&[], &data.audited()),
                record: first_revision(data, now)?,
                expect: Expect::Absent,
                action: Action::Create,
            },
            Some(p) => Revision {
                before: p.data.people(),
                changes: audit::diff(&p.data.audited(), &data.audited()),
                record: p.revised(data, now),
                expect: Expect::Rev(p.rev),
                action: Action::Update,
            },
        })
    }

    /// The audit entry of this write, about the people the record belongs to.
    pub fn entry(&self) -> Entry {
        Entry::new(
            self.action,
            &self.record.kind,
            &self.record.id,
            self.changes.clone(),
        )
        .about(self.record.data.people())
        .about(self.before.iter().cloned())
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// A record sealed with this vault's key.
    pub(super) fn seal<T: Serialize>(
        &self,
        record: &OpenRecord<T>,
    ) -> Result<SealedRecord, AppError> {
        seal_record(&self.sealer, record)
    }

    /// Seals next revisions made by `next_revisions`, each expecting the revision before it.
    pub(super) fn seal_revisions<T: Serialize>(
        &self,
        records: &[OpenRecord<T>],
    ) -> Result<Vec<(SealedRecord, Expect)>, AppError> {
        records
            .iter()
            .map(|r| Ok((self.seal(r)?, Expect::Rev(r.rev - 1))))
            .collect()
    }

    /// A copy of the record `id` of kind `K`, or NotFound.
    pub(super) fn record<K: RecordKind>(&self, id: &str) -> Result<OpenRecord<K>, AppError> {
        K::records(&self.inner.borrow().snapshot)
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(id.to_string()))
    }

    /// Puts written records of kind `K` into the decrypted state.
    pub(super) fn keep_all<K: RecordKind>(&self, records: Vec<OpenRecord<K>>) {
        let mut inner = self.inner.borrow_mut();
        let map = K::records_mut(&mut inner.snapshot);
        for r in records {
            map.insert(r.id.clone(), r);
        }
    }

    /// Takes deleted records of kind `K` out of the decrypted state.
    pub(super) fn forget_all<'a, K: RecordKind>(&self, ids: impl IntoIterator<Item = &'a String>) {
        let mut inner = self.inner.borrow_mut();
        let map = K::records_mut(&mut inner.snapshot);
        for id in ids {
            map.remove(id);
        }
    }

    /// The deletion of each record of kind `K` that `belongs` says is wanted, expecting its
    /// revision.
    pub(super) fn revisions_of<K: RecordKind>(
        &self,
        belongs: impl Fn(&K) -> bool,
    ) -> Vec<Deletion> {
        K::records(&self.inner.borrow().snapshot)
            .values()
            .filter(|r| belongs(&r.data))
            .map(|r| Deletion::new(&r.id, K::KIND, Expect::Rev(r.rev)))
            .collect()
    }

    /// The next revisions of the records of kind `K` that `change` changes.
    pub(super) fn revise_all<K: RecordKind>(
        &self,
        now: DateTime<Utc>,
        change: impl Fn(&K) -> Option<K>,
    ) -> Vec<OpenRecord<K>> {
        next_revisions(K::records(&self.inner.borrow().snapshot), now, change)
    }

    /// Creates (`id` None) or updates one record of kind `K`, audited. Returns its id; an
    /// update that changes nothing writes nothing.
    pub(super) async fn save_record<K: RecordKind>(
        &self,
        id: Option<&str>,
        data: K,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let previous = id.map(|id| self.record::<K>(id)).transpose()?;
        let revision = Revision::of(previous.as_ref(), data, now)?;
        if revision.action == Action::Update && revision.changes.is_empty() {
            return Ok(revision.record.id);
        }
        let batch = Batch {
            puts: vec![(self.seal(&revision.record)?, revision.expect)],
            ..Batch::default()
        };
        self.commit(batch, vec![revision.entry()], now).await?;
        let id = revision.record.id.clone();
        K::records_mut(&mut self.inner.borrow_mut().snapshot).insert(id.clone(), revision.record);
        Ok(id)
    }

    /// Deletes one record of kind `K` on its own, audited. Returns what it deleted (what an
    /// Undo writes back).
    pub(super) async fn delete_record<K: RecordKind>(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<OpenRecord<K>, AppError> {
        let record = self.record::<K>(id)?;
        let (entry, deletion) = deletion_of(&record);
        let entry = entry.about(record.data.people());
        let batch = Batch {
            deletes: vec![deletion],
            ..Batch::default()
        };
        self.commit(batch, vec![entry], now).await?;
        K::records_mut(&mut self.inner.borrow_mut().snapshot).remove(id);
        Ok(record)
    }

    /// Checks that the contacts, organisation and deal a record points at exist.
    pub(super) fn check_links<'a>(
        &self,
        contacts: impl IntoIterator<Item = &'a String>,
        organisation: Option<&String>,
        deal: Option<&String>,
    ) -> Result<(), AppError> {
        let inner = self.inner.borrow();
        let s = &inner.snapshot;
        for c in contacts {
            if !s.contacts.contains_key(c) {
                return Err(AppError::NotFound(c.clone()));
            }
        }
        if let Some(o) = organisation.filter(|o| !s.organisations.contains_key(*o)) {
            return Err(AppError::NotFound(o.clone()));
        }
        if let Some(d) = deal.filter(|d| !s.deals.contains_key(*d)) {
            return Err(AppError::NotFound(d.clone()));
        }
        Ok(())
    }

    /// Refuses new processing of a person whose processing is restricted (Art. 18): no new
    /// activities, consents or follow-ups (storage of what exists, and erasure, stay possible).
    pub(super) fn check_not_restricted(&self, contact_id: Option<&String>) -> Result<(), AppError> {
        let inner = self.inner.borrow();
        match contact_id.and_then(|c| inner.snapshot.contacts.get(c)) {
            Some(c) if c.data.restricted => Err(AppError::Restricted),
            _ => Ok(()),
        }
    }
}
