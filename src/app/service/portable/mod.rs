//! Export of the whole vault to the portability format, and its import: into an empty vault
//! (everything restored as it was: ids, revisions, times and the audit trail), merged into one
//! with data (by id, the newer revision wins, differences listed) or replacing its data; each
//! in one transaction. Every kind is handled through the one list of kinds (`kinds`).

mod merge;
#[cfg(test)]
mod tests;

pub use merge::{Difference, Kept, MergeReport};

use super::error::AppError;
use super::kinds::{self, EachKind, EachKindAsync, Noun, RecordKind};
use super::trail::{seal_audit_block, Base, Entry, AUDIT_BLOCK};
use super::types::{OpenRecord, UnlockedVault, VaultSnapshot};
use crate::domain::audit::{Action, AuditEvent, ChainHead, FieldChange};
use crate::domain::do_not_contact::ErasedPeople;
use crate::portability::{self, bridge, Checked, Export, ImportError, Record};
use crate::store::{Batch, Deletion, Expect, Repository, SealedRecord};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// How many items an import seals between two reports of its progress.
pub const PROGRESS_CHUNK: usize = 2_000;

/// How many records of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindCount {
    pub kind: &'static str,
    pub noun: Noun,
    /// A kind the vault holds at most one of (worded only when present).
    pub single: bool,
    pub count: usize,
}

/// How many records of each kind an import wrote (or a file holds), in the order of the list
/// of kinds, and how many audit events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub kinds: Vec<KindCount>,
    pub audit_events: usize,
    /// Records of erased people the file held, not brought back.
    pub erased_skipped: usize,
}

impl Default for ImportSummary {
    /// Every kind, none of them counted yet.
    fn default() -> Self {
        struct Zero(Vec<KindCount>);
        impl EachKind for Zero {
            fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
                self.0.push(KindCount {
                    kind: K::KIND,
                    noun: K::NOUN,
                    single: K::SINGLE,
                    count: 0,
                });
                Ok(())
            }
        }
        let mut zero = Zero(Vec::new());
        let _ = kinds::each_kind(&mut zero);
        ImportSummary {
            kinds: zero.0,
            audit_events: 0,
            erased_skipped: 0,
        }
    }
}

impl ImportSummary {
    /// How many records of `kind` (its stored name).
    pub fn count(&self, kind: &str) -> usize {
        self.kinds
            .iter()
            .find(|k| k.kind == kind)
            .map_or(0, |k| k.count)
    }

    /// How many records of every kind together.
    pub fn records(&self) -> usize {
        self.kinds.iter().map(|k| k.count).sum()
    }

    pub(super) fn add(&mut self, kind: &str, n: usize) {
        if let Some(k) = self.kinds.iter_mut().find(|k| k.kind == kind) {
            k.count += n;
        }
    }

    /// What an export file holds.
    pub fn of_export(export: &Export) -> Self {
        let mut summary = Self::counted(Counted::Export(export));
        summary.audit_events = export.audit_log.len();
        summary
    }

    /// What the decrypted state holds.
    fn of_snapshot(s: &VaultSnapshot) -> Self {
        Self::counted(Counted::Snapshot(s))
    }

    /// The records of every kind `of` holds, counted.
    fn counted(of: Counted<'_>) -> Self {
        struct Count<'a>(Counted<'a>, ImportSummary);
        impl EachKind for Count<'_> {
            fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
                let n = match self.0 {
                    Counted::Export(e) => K::section(e).len(),
                    Counted::Snapshot(s) => K::records(s).len(),
                };
                self.1.add(K::KIND, n);
                Ok(())
            }
        }
        let mut count = Count(of, ImportSummary::default());
        let _ = kinds::each_kind(&mut count);
        count.1
    }
}

/// What an import summary counts the records of.
#[derive(Clone, Copy)]
enum Counted<'a> {
    Export(&'a Export),
    Snapshot(&'a VaultSnapshot),
}

/// A record in the export format.
pub(super) fn exported<K: RecordKind>(r: &OpenRecord<K>) -> Result<Record<K::Exported>, AppError> {
    Ok(Record {
        id: r.id.clone(),
        rev: r.rev,
        created_at: r.created_at,
        updated_at: r.updated_at,
        data: bridge(&r.data).map_err(AppError::FileNotWritten)?,
    })
}

/// An export record back as an open record of kind `K` (the file was checked already).
pub(super) fn opened<K: RecordKind>(
    r: &Record<K::Exported>,
    path: &str,
) -> Result<OpenRecord<K>, AppError> {
    Ok(OpenRecord {
        id: r.id.clone(),
        kind: K::KIND.into(),
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

/// A record of a file that keeps its form's rules, or the import error that says which field
/// does not, where.
pub(super) fn revalidated<K: RecordKind>(
    record: &OpenRecord<K>,
    path: &str,
) -> Result<(), AppError> {
    crate::domain::Revalidate::revalidate(&record.data).map_err(|errors| {
        let (field, why) = errors
            .first()
            .map(|(f, e)| (f.to_string(), format!("{e:?}")))
            .unwrap_or_default();
        AppError::Import(ImportError {
            path: format!("{path}.{field}"),
            problem: portability::Problem::Rule(format!("does not keep the form's rules ({why})")),
        })
    })
}

/// The JSON path of the data of record `i` of kind `K`'s section.
pub(super) fn data_path<K: RecordKind>(i: usize) -> String {
    if K::SINGLE {
        format!("$.{}.data", K::SECTION)
    } else {
        format!("$.{}[{i}].data", K::SECTION)
    }
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
    pub(super) fn export_records(
        &self,
        now: DateTime<Utc>,
        app_version: &str,
    ) -> Result<Export, AppError> {
        struct Fill<'a>(&'a VaultSnapshot, Export);
        impl EachKind for Fill<'_> {
            fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
                let records = K::records(self.0)
                    .values()
                    .map(exported)
                    .collect::<Result<Vec<_>, _>>()?;
                K::section_mut(&mut self.1).extend(records);
                Ok(())
            }
        }
        // The export holds the whole trail: it waits for it (`ready`, in the session's path).
        if !self.is_complete() {
            return Err(AppError::NotLoaded);
        }
        let inner = self.inner.borrow();
        let mut fill = Fill(&inner.snapshot, Export::new(now, app_version));
        kinds::each_kind(&mut fill)?;
        Ok(fill.1)
    }

    /// Whether nothing but the vault itself exists yet (no record of any kind).
    pub fn is_empty(&self) -> bool {
        self.with_snapshot(ImportSummary::of_snapshot).records() == 0
    }

    /// Restores a checked export into this empty vault: every record with its id, revision and
    /// times, and the exported audit trail in place of this vault's own (one event of the
    /// file's import after it), in one transaction.
    pub async fn import_into_empty(
        &self,
        export: &Checked,
        now: DateTime<Utc>,
    ) -> Result<ImportSummary, AppError> {
        self.import_whole_with(export, Whole::IntoEmpty, now, |_, _| async { true })
            .await
    }

    /// Restores a checked export as the whole of this vault, `whole` saying in place of what:
    /// into an empty vault (refused when it holds anything), or in place of everything it
    /// holds (the file's trail replaces this vault's; the UI asks for a typed confirmation
    /// first). Awaits `progress(sealed, total)` every `PROGRESS_CHUNK` items sealed (the page
    /// shows it and stays responsive); `false` from it stops the import before anything is
    /// written.
    pub async fn import_whole_with<P, F>(
        &self,
        export: &Checked,
        whole: Whole,
        now: DateTime<Utc>,
        progress: P,
    ) -> Result<ImportSummary, AppError>
    where
        P: FnMut(usize, usize) -> F,
        F: std::future::Future<Output = bool>,
    {
        match whole {
            Whole::IntoEmpty => {
                if self.is_complete() && !self.is_empty() {
                    return Err(AppError::NotEmpty);
                }
                self.ready().await?;
                self.restore(export, Mode::Restore, now, &BTreeMap::new(), progress)
                    .await
            }
            Whole::Replace => {
                self.ready().await?;
                let existing = self.existing_records()?;
                self.restore(export, Mode::Replace, now, &existing, progress)
                    .await
            }
        }
    }

    /// Writes the export's records (overwriting those of `existing`, id → (kind, revision),
    /// that it holds, deleting the rest of them) and, in `Mode::Restore`, its trail in place of
    /// the vault's; then this vault's own account of the import (the file's SHA-256, the mode
    /// and the counts), in one transaction.
    async fn restore<P, F>(
        &self,
        file: &Checked,
        mode: Mode,
        now: DateTime<Utc>,
        existing: &BTreeMap<String, (&'static str, u64)>,
        progress: P,
    ) -> Result<ImportSummary, AppError>
    where
        P: FnMut(usize, usize) -> F,
        F: std::future::Future<Output = bool>,
    {
        let export: &Export = file;
        let counted = ImportSummary::of_export(export);
        let adopt_trail = mode == Mode::Restore && !export.audit_log.is_empty();
        let ours = (mode == Mode::Replace).then(|| self.snapshot());
        let file_erased = export
            .erased_people
            .as_ref()
            .and_then(|r| crate::portability::bridge::<_, ErasedPeople>(&r.data).ok())
            .unwrap_or_default();
        let erased = self
            .with_snapshot(|s| s.erased_people())
            .union(&file_erased);
        let mut sealing = Sealing {
            vault: self,
            export,
            existing,
            ours: ours.as_ref(),
            erased,
            now,
            skipped: 0,
            snapshot: VaultSnapshot::default(),
            puts: Vec::new(),
            progress,
            total: counted.records() + if adopt_trail { counted.audit_events } else { 0 },
            sealed: 0,
            reported: 0,
        };
        kinds::each_kind_async(&mut sealing).await?;
        let events: Vec<AuditEvent> = if adopt_trail {
            export
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
                .collect::<Result<_, _>>()?
        } else {
            Vec::new()
        };
        // The trail is stored in blocks of consecutive events (one item each, not one per
        // event).
        let mut sealed_events = Vec::with_capacity(events.len().div_ceil(AUDIT_BLOCK));
        for chunk in events.chunks(AUDIT_BLOCK) {
            sealed_events.push(seal_audit_block(&self.sealer, chunk, 1)?);
            sealing.tick(chunk.len()).await?;
        }
        // Everything is sealed: the page says so while the one transaction writes it.
        let total = sealing.total;
        if !(sealing.progress)(total, total).await {
            return Err(AppError::Cancelled);
        }
        let Sealing {
            mut snapshot,
            puts,
            skipped,
            ..
        } = sealing;
        let written: std::collections::HashSet<&str> =
            puts.iter().map(|(r, _)| r.id.as_str()).collect();
        let deletes: Vec<Deletion> = existing
            .iter()
            .filter(|(id, _)| !written.contains(id.as_str()))
            .map(|(id, (kind, rev))| Deletion::new(id, kind, Expect::Rev(*rev)))
            .collect();
        let summary = ImportSummary {
            audit_events: events.len(),
            erased_skipped: skipped,
            ..ImportSummary::of_snapshot(&snapshot)
        };
        let entry = import_entry(file.sha256(), mode, &counted);
        let batch = Batch {
            puts,
            deletes,
            ..Batch::default()
        };
        if adopt_trail {
            let head_rev = self.inner.borrow().head_rev;
            let ledger = self.inner.borrow().ledger.clone();
            let base_head = events
                .last()
                .map(AuditEvent::head)
                .unwrap_or_else(ChainHead::genesis);
            let batch = Batch {
                audit: sealed_events,
                replace_audit: true,
                ..batch
            };
            let base = Base {
                head: &base_head,
                head_rev,
                ledger: &ledger,
            };
            // A trail from an older file is brought under the erasure rules once restored.
            self.inner.borrow_mut().salted = !events.iter().any(crate::domain::audit::unsalted);
            let chained = self.chain(batch, Some(events), vec![entry], base, now)?;
            self.commit_chained(chained).await?;
        } else {
            self.commit(batch, vec![entry], now).await?;
        }
        {
            let mut inner = self.inner.borrow_mut();
            snapshot.audit = std::mem::take(&mut inner.snapshot.audit);
            snapshot.kdf = inner.snapshot.kdf.clone();
            snapshot.protection = inner.snapshot.protection.clone();
            snapshot.damaged = std::mem::take(&mut inner.snapshot.damaged);
            snapshot.findings = std::mem::take(&mut inner.snapshot.findings);
            snapshot.complete = true;
            inner.snapshot = snapshot;
        }
        // The restore is written: should bringing its trail under the erasure rules fail, it is
        // tried again at the next unlock.
        let _ = self.upgrade_erasure(now).await;
        Ok(summary)
    }
}

/// How a file is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Into an empty vault: everything as it was, the file's trail included.
    Restore,
    /// Merged by id into a vault with data.
    Merge,
    /// In place of everything the vault held (the vault's own trail stays).
    Replace,
}

impl Mode {
    fn code(self) -> &'static str {
        match self {
            Mode::Restore => "restore",
            Mode::Merge => "merge",
            Mode::Replace => "replace",
        }
    }
}

/// This vault's own account of an import: the file's SHA-256, the mode, and what the file held
/// (counts only: nothing about anyone).
pub(super) fn import_entry(sha256: &str, mode: Mode, counted: &ImportSummary) -> Entry {
    let mut changes = vec![
        FieldChange::new("file_sha256", None, Some(sha256.to_string())),
        FieldChange::new("mode", None, Some(mode.code().to_string())),
    ];
    changes.extend(
        counted
            .kinds
            .iter()
            .filter(|k| k.count > 0)
            .map(|k| FieldChange::new(k.kind, None, Some(k.count.to_string()))),
    );
    changes.push(FieldChange::new(
        "audit_events",
        None,
        Some(counted.audit_events.to_string()),
    ));
    Entry::new(Action::Import, "vault", "import", changes)
}

/// `record` as it may come back into a vault that erased `erased` (None: not at all), judged
/// on the local day of `now` (a document's retention hold).
pub(super) fn after_erasure<K: RecordKind>(
    record: OpenRecord<K>,
    erased: &ErasedPeople,
    now: DateTime<Utc>,
) -> Option<OpenRecord<K>> {
    let day = crate::app::clock::local_day(now);
    let data = record.data.after_erasure(&record.id, erased, day)?;
    Some(OpenRecord { data, ..record })
}

/// A restore's sealing of every record of a file, kind by kind, with its progress.
struct Sealing<'a, R: Repository, P> {
    vault: &'a UnlockedVault<R>,
    export: &'a Export,
    /// The vault's records (id → kind and revision): a record of the file with one of these
    /// ids overwrites it.
    existing: &'a BTreeMap<String, (&'static str, u64)>,
    /// The vault as it was (a replace): its lists that only grow (the do-not-contact list, the
    /// erased people) take the file's in, instead of being replaced.
    ours: Option<&'a VaultSnapshot>,
    /// Who was erased, in the vault or in the file: their records are not brought back.
    erased: ErasedPeople,
    now: DateTime<Utc>,
    /// How many records of erased people the file held (not written).
    skipped: usize,
    snapshot: VaultSnapshot,
    puts: Vec<(SealedRecord, Expect)>,
    progress: P,
    total: usize,
    sealed: usize,
    reported: usize,
}

impl<R: Repository, P, F> Sealing<'_, R, P>
where
    P: FnMut(usize, usize) -> F,
    F: std::future::Future<Output = bool>,
{
    /// Counts `n` more items sealed; each `PROGRESS_CHUNK` of them, reports and lets the page
    /// draw (or stops, when told to).
    async fn tick(&mut self, n: usize) -> Result<(), AppError> {
        self.sealed += n;
        if self.sealed / PROGRESS_CHUNK > self.reported / PROGRESS_CHUNK {
            self.reported = self.sealed;
            if !(self.progress)(self.sealed, self.total).await {
                return Err(AppError::Cancelled);
            }
        }
        Ok(())
    }
}

impl<R: Repository, P, F> EachKindAsync for Sealing<'_, R, P>
where
    P: FnMut(usize, usize) -> F,
    F: std::future::Future<Output = bool>,
{
    async fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
        // A list that only grows keeps the vault's own entries, with the file's added.
        let ours = self
            .ours
            .and_then(|s| K::records(s).values().next().cloned());
        let mut grew = false;
        for (i, r) in K::section(self.export).iter().enumerate() {
            let path = data_path::<K>(i);
            let record: OpenRecord<K> = opened(r, &path)?;
            revalidated(&record, &path)?;
            let Some(mut record) = after_erasure(record, &self.erased, self.now) else {
                self.skipped += 1;
                continue;
            };
            if let Some(o) = ours.as_ref().filter(|_| K::SINGLE) {
                if let Some(both) = o.data.grown(&record.data) {
                    record = o.revised(both, record.updated_at.max(o.updated_at));
                    grew = true;
                }
            }
            let expect = self
                .existing
                .get(&record.id)
                .map_or(Expect::Absent, |(_, rev)| Expect::Rev(*rev));
            self.puts.push((self.vault.seal(&record)?, expect));
            K::records_mut(&mut self.snapshot).insert(record.id.clone(), record);
            self.tick(1).await?;
        }
        if let Some(o) = ours.filter(|o| !grew && o.data.grown(&o.data).is_some()) {
            // The file has none: the vault's own list stays as it is.
            self.puts.push((self.vault.seal(&o)?, Expect::Rev(o.rev)));
            K::records_mut(&mut self.snapshot).insert(o.id.clone(), o);
        }
        Ok(())
    }
}

/// What a file imported as the whole vault takes the place of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    /// Nothing: the vault is empty.
    IntoEmpty,
    /// Everything the vault holds.
    Replace,
}

impl<R: Repository> UnlockedVault<R> {
    /// Every record of the vault, id → (kind, revision): what a replacing import deletes in
    /// its transaction, unless the file has a record with the same id (that one is overwritten,
    /// expecting the vault's revision).
    fn existing_records(&self) -> Result<BTreeMap<String, (&'static str, u64)>, AppError> {
        struct Existing<'a>(&'a VaultSnapshot, BTreeMap<String, (&'static str, u64)>);
        impl EachKind for Existing<'_> {
            fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
                self.1.extend(
                    K::records(self.0)
                        .values()
                        .map(|r| (r.id.clone(), (K::KIND, r.rev))),
                );
                Ok(())
            }
        }
        let inner = self.inner.borrow();
        let mut existing = Existing(&inner.snapshot, BTreeMap::new());
        kinds::each_kind(&mut existing)?;
        Ok(existing.1)
    }
}
