//! Export of the whole vault to the portability format, and its import: into an empty vault
//! (everything restored as it was: ids, revisions, times and the audit trail), merged into one
//! with data (by id, the newer revision wins, differences listed) or replacing its data; each
//! in one transaction. Part of the service: every write still goes through it.

use super::*;
use crate::portability::{self, bridge, Checked, Export, ImportError, Record};

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
    pub purposes: usize,
    pub limits: usize,
    pub requests: usize,
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
        let mut export = self.export_records(now, app_version)?;
        export.audit_log = self
            .inner
            .borrow()
            .snapshot
            .audit
            .iter()
            .map(portability::AuditEvent::from_domain)
            .collect();
        Ok(export)
    }

    /// The export without the audit log: every record, in the portability format.
    fn export_records(&self, now: DateTime<Utc>, app_version: &str) -> Result<Export, AppError> {
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
            audit_log: Vec::new(),
        })
    }

    /// An import needs the whole vault loaded (the file kept the format's rules: `Checked`).
    fn ready(&self) -> Result<(), AppError> {
        if !self.is_complete() {
            return Err(AppError::Store(StoreError::Aborted));
        }
        Ok(())
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
        export: &Checked,
        now: DateTime<Utc>,
    ) -> Result<ImportSummary, AppError> {
        self.import_into_empty_with(export, now, |_, _| async { true })
            .await
    }

    /// `import_into_empty`, awaiting `progress(sealed, total)` every `PROGRESS_CHUNK` items
    /// sealed (the page shows it and stays responsive); `false` from it stops the import
    /// before anything is written.
    pub async fn import_into_empty_with<P, F>(
        &self,
        export: &Checked,
        now: DateTime<Utc>,
        progress: P,
    ) -> Result<ImportSummary, AppError>
    where
        P: FnMut(usize, usize) -> F,
        F: std::future::Future<Output = bool>,
    {
        if self.is_complete() && !self.is_empty() {
            return Err(AppError::NotEmpty);
        }
        self.ready()?;
        self.restore(export, now, &BTreeMap::new(), progress).await
    }

    /// Writes the export's records (overwriting those of `existing`, id → revision, that it
    /// holds, deleting the rest of them) and its trail, in one transaction.
    async fn restore<P, F>(
        &self,
        export: &Export,
        now: DateTime<Utc>,
        existing: &BTreeMap<String, u64>,
        mut progress: P,
    ) -> Result<ImportSummary, AppError>
    where
        P: FnMut(usize, usize) -> F,
        F: std::future::Future<Output = bool>,
    {
        let mut snapshot = VaultSnapshot::default();
        let mut puts = Vec::new();
        let total = export.items();
        let mut sealed = 0;
        // Progress is reported each time another `PROGRESS_CHUNK` items are sealed.
        let mut reported = 0;
        let mut tick = async |sealed: usize| {
            if sealed / PROGRESS_CHUNK > reported / PROGRESS_CHUNK {
                reported = sealed;
                if !progress(sealed, total).await {
                    return Err(AppError::Store(StoreError::Aborted));
                }
            }
            Ok(())
        };
        let expect = |id: &str| {
            existing
                .get(id)
                .map_or(Expect::Absent, |rev| Expect::Rev(*rev))
        };
        macro_rules! restore {
            ($section:ident, $kind:expr, $target:ident) => {
                for (i, r) in export.$section.iter().enumerate() {
                    let path = format!("$.{}[{i}].data", stringify!($section));
                    let record = stored($kind, r, &path)?;
                    puts.push((seal_record(&self.key, &record)?, expect(&record.id)));
                    snapshot.$target.insert(record.id.clone(), record);
                    sealed += 1;
                    tick(sealed).await?;
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
            puts.push((seal_record(&self.key, &record)?, expect(&record.id)));
            snapshot.profile = Some(record);
        }
        if let Some(r) = &export.pipeline {
            let record = stored(KIND_PIPELINE, r, "$.pipeline.data")?;
            puts.push((seal_record(&self.key, &record)?, expect(&record.id)));
            snapshot.pipeline = Some(record);
        }
        let events: Vec<AuditEvent> = export
            .audit_log
            .iter()
            .enumerate()
            .map(|(i, e)| {
                e.to_domain().map_err(|why| {
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
            // The trail is stored in blocks of consecutive events (one item each, not one per
            // event).
            for chunk in events.chunks(AUDIT_BLOCK) {
                sealed_events.push(seal_audit_block(&self.key, chunk)?);
                sealed += chunk.len();
                tick(sealed).await?;
            }
            if let Some(last) = events.last() {
                new_head = last.head();
            }
            let (head_record, expect) = sealed_head(&self.key, head_rev, new_head.clone(), now)?;
            puts.push((head_record, expect));
        }
        // Everything is sealed: the page says so while the one transaction writes it.
        if !progress(total, total).await {
            return Err(AppError::Store(StoreError::Aborted));
        }
        let written: std::collections::HashSet<&str> =
            puts.iter().map(|(r, _)| r.id.as_str()).collect();
        let deletes: Vec<(String, Expect)> = existing
            .iter()
            .filter(|(id, _)| !written.contains(id.as_str()))
            .map(|(id, rev)| (id.clone(), Expect::Rev(*rev)))
            .collect();
        let blocks = block_ranges(&sealed_events);
        self.repo
            .commit(Batch {
                puts,
                deletes,
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
            purposes: snapshot.purposes.len(),
            limits: snapshot.limits.len(),
            requests: snapshot.requests.len(),
        };
        let mut inner = self.inner.borrow_mut();
        if replace {
            inner.head = new_head;
            inner.head_rev = head_rev + 1;
            inner.blocks = blocks.into_iter().collect();
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

/// How many items an import seals between two reports of its progress.
pub const PROGRESS_CHUNK: usize = 2_000;

/// What a merge did with one record of the file that differs from the vault's copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The file's revision was newer: it replaced the vault's.
    Theirs,
    /// The vault's revision was newer: it stayed.
    YoursNewer,
    /// Same revision, different content (edited in two places): the vault's stayed.
    YoursConflict,
}

/// One record that exists on both sides with different content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: &'static str,
    pub id: String,
    pub kept: Kept,
}

/// What a merge wrote: new records, updated ones, and every difference with how it was settled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: ImportSummary,
    pub updated: usize,
    pub unchanged: usize,
    pub differences: Vec<Difference>,
}

impl MergeReport {
    /// The same-revision conflicts (the vault's copy was kept).
    pub fn conflicts(&self) -> impl Iterator<Item = &Difference> {
        self.differences
            .iter()
            .filter(|d| d.kept == Kept::YoursConflict)
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Merges a checked export into this vault by id: a record the vault lacks is added; of one
    /// both hold, the higher revision wins (equal revisions with different content keep the
    /// vault's, listed as conflicts). The result must keep the format's rules (references that
    /// resolve…) or nothing is written. Each added or updated record gets its own audit event in
    /// this vault's trail (the file's trail is not merged: it is another vault's history). One
    /// transaction.
    pub async fn import_merge(
        &self,
        export: &Checked,
        now: DateTime<Utc>,
    ) -> Result<MergeReport, AppError> {
        self.ready()?;
        let mut report = MergeReport::default();
        // The vault as it would be after the merge, to check the format's rules on. Its own trail
        // verified when the vault was opened and is not part of what the merge changes.
        let mut merged = self.export_records(now, "merge")?;
        let mut writes: Vec<(SealedRecord, Expect, Action, Vec<FieldChange>)> = Vec::new();
        let mut snapshot = self.snapshot();
        macro_rules! merge {
            ($section:ident, $kind:expr, $target:ident, $ty:ty, $count:ident) => {
                for (i, r) in export.$section.iter().enumerate() {
                    let path = format!("$.{}[{i}].data", stringify!($section));
                    let theirs: StoredRecord<$ty> = stored($kind, r, &path)?;
                    let ours = snapshot.$target.get(&r.id).cloned();
                    let (expect, action, changes) = match &ours {
                        None => {
                            report.added.$count += 1;
                            (
                                Expect::Absent,
                                Action::Create,
                                audit::diff(&[], &theirs.data.fields()),
                            )
                        }
                        Some(o) if o.data == theirs.data && o.rev == theirs.rev => {
                            report.unchanged += 1;
                            continue;
                        }
                        Some(o) if theirs.rev > o.rev => {
                            report.updated += 1;
                            report.differences.push(Difference {
                                kind: $kind,
                                id: r.id.clone(),
                                kept: Kept::Theirs,
                            });
                            (
                                Expect::Rev(o.rev),
                                Action::Update,
                                audit::diff(&o.data.fields(), &theirs.data.fields()),
                            )
                        }
                        Some(o) => {
                            let kept = if o.rev > theirs.rev {
                                Kept::YoursNewer
                            } else {
                                Kept::YoursConflict
                            };
                            if o.data == theirs.data {
                                report.unchanged += 1;
                            } else {
                                report.differences.push(Difference {
                                    kind: $kind,
                                    id: r.id.clone(),
                                    kept,
                                });
                            }
                            continue;
                        }
                    };
                    writes.push((seal_record(&self.key, &theirs)?, expect, action, changes));
                    match merged.$section.iter_mut().find(|m| m.id == r.id) {
                        Some(m) => *m = r.clone(),
                        None => merged.$section.push(r.clone()),
                    }
                    snapshot.$target.insert(theirs.id.clone(), theirs);
                }
            };
        }
        merge!(
            organisations,
            KIND_ORGANISATION,
            organisations,
            Organisation,
            organisations
        );
        merge!(contacts, KIND_CONTACT, contacts, Contact, contacts);
        merge!(activities, KIND_ACTIVITY, activities, Activity, activities);
        merge!(purposes, KIND_PURPOSE, purposes, Purpose, purposes);
        merge!(consents, KIND_CONSENT, consents, ConsentRecord, consents);
        merge!(limits, KIND_LIMIT, limits, Limit, limits);
        merge!(deals, KIND_DEAL, deals, Deal, deals);
        merge!(documents, KIND_DOCUMENT, documents, Document, documents);
        merge!(tasks, KIND_TASK, tasks, Task, tasks);
        merge!(requests, KIND_REQUEST, requests, SubjectRequest, requests);
        // The controller's details and the pipeline: the newer revision wins as well.
        macro_rules! single {
            ($field:ident, $kind:expr, $target:ident, $path:expr) => {
                if let Some(r) = &export.$field {
                    let theirs = stored($kind, r, $path)?;
                    let ours = snapshot.$target.clone();
                    let newer = ours.as_ref().is_none_or(|o| theirs.rev > o.rev);
                    if newer && ours.as_ref().is_none_or(|o| o.data != theirs.data) {
                        let expect = ours.as_ref().map_or(Expect::Absent, |o| Expect::Rev(o.rev));
                        let before = ours.as_ref().map(|o| o.data.fields()).unwrap_or_default();
                        let action = if ours.is_some() {
                            Action::Update
                        } else {
                            Action::Create
                        };
                        let changes = audit::diff(&before, &theirs.data.fields());
                        writes.push((seal_record(&self.key, &theirs)?, expect, action, changes));
                        merged.$field = Some(r.clone());
                        snapshot.$target = Some(theirs);
                        report.updated += 1;
                    }
                }
            };
        }
        single!(controller, KIND_PROFILE, profile, "$.controller.data");
        single!(pipeline, KIND_PIPELINE, pipeline, "$.pipeline.data");
        // The merged vault must keep the format's rules (a deal of the file naming a contact the
        // vault deleted is refused here, before anything is written).
        portability::check(&merged).map_err(AppError::Import)?;
        if writes.is_empty() {
            return Ok(report);
        }
        self.commit_writes(writes, now).await?;
        // The records the merge wrote, with the trail as it now is.
        let mut inner = self.inner.borrow_mut();
        snapshot.audit = std::mem::take(&mut inner.snapshot.audit);
        inner.snapshot = snapshot;
        Ok(report)
    }

    /// Replaces everything this vault holds by a checked export, as `import_into_empty` restores
    /// it (the file's trail replaces this vault's). One transaction; the UI asks for a typed
    /// confirmation first.
    pub async fn import_replace(
        &self,
        export: &Checked,
        now: DateTime<Utc>,
    ) -> Result<ImportSummary, AppError> {
        self.import_replace_with(export, now, |_, _| async { true })
            .await
    }

    /// `import_replace` with progress, as `import_into_empty_with`.
    pub async fn import_replace_with<P, F>(
        &self,
        export: &Checked,
        now: DateTime<Utc>,
        progress: P,
    ) -> Result<ImportSummary, AppError>
    where
        P: FnMut(usize, usize) -> F,
        F: std::future::Future<Output = bool>,
    {
        self.ready()?;
        // Every record of the vault is deleted in the same transaction, unless the file has a
        // record with the same id: that one is overwritten (expecting the vault's revision).
        let existing: BTreeMap<String, u64> = {
            let inner = self.inner.borrow();
            let s = &inner.snapshot;
            let mut all = BTreeMap::new();
            fn ids<T>(all: &mut BTreeMap<String, u64>, map: &BTreeMap<String, StoredRecord<T>>) {
                all.extend(map.values().map(|r| (r.id.clone(), r.rev)));
            }
            ids(&mut all, &s.contacts);
            ids(&mut all, &s.organisations);
            ids(&mut all, &s.activities);
            ids(&mut all, &s.purposes);
            ids(&mut all, &s.consents);
            ids(&mut all, &s.limits);
            ids(&mut all, &s.deals);
            ids(&mut all, &s.documents);
            ids(&mut all, &s.tasks);
            ids(&mut all, &s.requests);
            all.extend(s.profile.iter().map(|r| (r.id.clone(), r.rev)));
            all.extend(s.pipeline.iter().map(|r| (r.id.clone(), r.rev)));
            all
        };
        self.restore(export, now, &existing, progress).await
    }
}
