//! Export of the whole vault to the portability format, and its import into an empty vault
//! (everything restored as it was: ids, revisions, times and the audit trail, in one
//! transaction). Part of the service: every write still goes through it.

use super::*;
use crate::portability::{self, bridge, Export, ImportError, Record};

/// How many records of each kind an import wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub contacts: usize,
    pub organisations: usize,
    pub activities: usize,
    pub consents: usize,
    pub deals: usize,
    pub documents: usize,
    pub tasks: usize,
    pub audit_events: usize,
}

fn records<D: Serialize, E: DeserializeOwned>(
    map: &BTreeMap<String, StoredRecord<D>>,
) -> Result<Vec<Record<E>>, AppError> {
    map.values().map(record).collect()
}

fn record<D: Serialize, E: DeserializeOwned>(r: &StoredRecord<D>) -> Result<Record<E>, AppError> {
    Ok(Record {
        id: r.id.clone(),
        rev: r.rev,
        created_at: r.created_at,
        updated_at: r.updated_at,
        data: bridge(&r.data).map_err(export_failed)?,
    })
}

fn export_failed(why: String) -> AppError {
    AppError::Store(StoreError::Failed(format!("export: {why}")))
}

/// An export record back as a stored record of `kind` (the file was checked already).
fn stored<E: Serialize, D: DeserializeOwned>(
    kind: &str,
    r: &Record<E>,
    path: &str,
) -> Result<StoredRecord<D>, AppError> {
    Ok(StoredRecord {
        id: r.id.clone(),
        kind: kind.to_string(),
        rev: r.rev,
        created_at: r.created_at,
        updated_at: r.updated_at,
        data: bridge(&r.data).map_err(|why| {
            AppError::Import(ImportError {
                path: path.to_string(),
                problem: portability::Problem::WrongField(why),
            })
        })?,
    })
}

impl<R: Repository> UnlockedVault<R> {
    /// Everything the vault holds, in the portability format. Needs the whole vault loaded.
    pub fn export(&self, now: DateTime<Utc>, app_version: &str) -> Result<Export, AppError> {
        let inner = self.inner.borrow();
        let s = &inner.snapshot;
        if !s.complete {
            return Err(AppError::Store(StoreError::Aborted));
        }
        Ok(Export {
            format: portability::FORMAT.to_string(),
            version: portability::VERSION,
            exported_at: now,
            app_version: app_version.to_string(),
            controller: s.profile.as_ref().map(record).transpose()?,
            pipeline: s.pipeline.as_ref().map(record).transpose()?,
            organisations: records(&s.organisations)?,
            contacts: records(&s.contacts)?,
            activities: records(&s.activities)?,
            purposes: records(&s.purposes)?,
            consents: records(&s.consents)?,
            limits: records(&s.limits)?,
            deals: records(&s.deals)?,
            documents: records(&s.documents)?,
            tasks: records(&s.tasks)?,
            requests: records(&s.requests)?,
            audit_log: s
                .audit
                .iter()
                .map(|e| bridge(e).map_err(export_failed))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Whether nothing but the vault itself exists yet (no record of any kind).
    pub fn is_empty(&self) -> bool {
        let inner = self.inner.borrow();
        let s = &inner.snapshot;
        s.profile.is_none()
            && s.pipeline.is_none()
            && s.contacts.is_empty()
            && s.organisations.is_empty()
            && s.activities.is_empty()
            && s.purposes.is_empty()
            && s.consents.is_empty()
            && s.limits.is_empty()
            && s.deals.is_empty()
            && s.documents.is_empty()
            && s.tasks.is_empty()
            && s.requests.is_empty()
    }

    /// Restores a checked export into this empty vault: every record with its id, revision and
    /// times, and the exported audit trail in place of this vault's own, in one transaction.
    pub async fn import_into_empty(
        &self,
        export: &Export,
        now: DateTime<Utc>,
    ) -> Result<ImportSummary, AppError> {
        if !self.is_complete() {
            return Err(AppError::Store(StoreError::Aborted));
        }
        if !self.is_empty() {
            return Err(AppError::NotEmpty);
        }
        portability::check(export).map_err(AppError::Import)?;
        let mut snapshot = VaultSnapshot::default();
        let mut puts = Vec::new();
        macro_rules! restore {
            ($section:ident, $kind:expr, $target:ident) => {
                for (i, r) in export.$section.iter().enumerate() {
                    let path = format!("$.{}[{i}].data", stringify!($section));
                    let record = stored($kind, r, &path)?;
                    puts.push((seal_record(&self.key, &record)?, Expect::Absent));
                    snapshot.$target.insert(record.id.clone(), record);
                }
            };
        }
        restore!(organisations, KIND_ORGANISATION, organisations);
        restore!(contacts, KIND_CONTACT, contacts);
        restore!(activities, KIND_ACTIVITY, activities);
        restore!(purposes, KIND_PURPOSE, purposes);
        restore!(consents, KIND_CONSENT, consents);
        restore!(limits, KIND_LIMIT, limits);
        restore!(deals, KIND_DEAL, deals);
        restore!(documents, KIND_DOCUMENT, documents);
        restore!(tasks, KIND_TASK, tasks);
        restore!(requests, KIND_REQUEST, requests);
        if let Some(r) = &export.controller {
            let record = stored(KIND_PROFILE, r, "$.controller.data")?;
            puts.push((seal_record(&self.key, &record)?, Expect::Absent));
            snapshot.profile = Some(record);
        }
        if let Some(r) = &export.pipeline {
            let record = stored(KIND_PIPELINE, r, "$.pipeline.data")?;
            puts.push((seal_record(&self.key, &record)?, Expect::Absent));
            snapshot.pipeline = Some(record);
        }
        let events: Vec<AuditEvent> = export
            .audit_log
            .iter()
            .enumerate()
            .map(|(i, e)| {
                bridge(e).map_err(|why| {
                    AppError::Import(ImportError {
                        path: format!("$.audit_log[{i}]"),
                        problem: portability::Problem::WrongField(why),
                    })
                })
            })
            .collect::<Result<_, _>>()?;
        // An export with no trail keeps this vault's own; otherwise the exported one replaces it.
        let replace = !events.is_empty();
        let (head, head_rev) = {
            let inner = self.inner.borrow();
            (inner.head.clone(), inner.head_rev)
        };
        let mut sealed_events = Vec::with_capacity(events.len());
        let mut new_head = head;
        if replace {
            for e in &events {
                sealed_events.push(seal_audit(&self.key, e)?);
            }
            if let Some(last) = events.last() {
                new_head = last.head();
            }
            let (head_record, expect) = sealed_head(&self.key, head_rev, new_head.clone(), now)?;
            puts.push((head_record, expect));
        }
        self.repo
            .commit(Batch {
                puts,
                audit: sealed_events,
                replace_audit: replace,
                ..Batch::default()
            })
            .await?;
        let summary = ImportSummary {
            contacts: snapshot.contacts.len(),
            organisations: snapshot.organisations.len(),
            activities: snapshot.activities.len(),
            consents: snapshot.consents.len(),
            deals: snapshot.deals.len(),
            documents: snapshot.documents.len(),
            tasks: snapshot.tasks.len(),
            audit_events: events.len(),
        };
        let mut inner = self.inner.borrow_mut();
        if replace {
            inner.head = new_head;
            inner.head_rev = head_rev + 1;
            snapshot.audit = events;
        } else {
            snapshot.audit = std::mem::take(&mut inner.snapshot.audit);
        }
        snapshot.kdf = inner.snapshot.kdf.clone();
        snapshot.damaged = std::mem::take(&mut inner.snapshot.damaged);
        snapshot.complete = true;
        inner.snapshot = snapshot;
        Ok(summary)
    }
}
