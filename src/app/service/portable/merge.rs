//! Merging an export into a vault that has data: by id, a record the vault lacks is added; of
//! one both hold, the higher revision wins (equal revisions with different content keep the
//! vault's, listed as conflicts); the controller's details and the pipeline, the newer one.

use super::{after_erasure, data_path, import_entry, opened, revalidated, ImportSummary, Mode};
use crate::app::service::error::AppError;
use crate::app::service::kinds::{self, EachKind, RecordKind};
use crate::app::service::records::Revision;
use crate::app::service::trail::Entry;
use crate::app::service::types::{OpenRecord, UnlockedVault, VaultSnapshot};
use crate::domain::audit::{self, Action};
use crate::domain::do_not_contact::ErasedPeople;
use crate::portability::{self, Checked, Export, Record};
use crate::store::{Batch, Deletion, Expect, Repository, SealedRecord};
use chrono::{DateTime, Utc};

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
    /// Records of erased people the file held, not brought back.
    pub erased_skipped: usize,
}

impl MergeReport {
    /// The same-revision conflicts (the vault's copy was kept).
    pub fn conflicts(&self) -> impl Iterator<Item = &Difference> {
        self.differences
            .iter()
            .filter(|d| d.kept == Kept::YoursConflict)
    }
}

/// A merge, kind by kind: what it writes, and the vault and the export as they will be.
struct Merging<'a, R: Repository> {
    vault: &'a UnlockedVault<R>,
    export: &'a Export,
    now: DateTime<Utc>,
    /// Who was erased, in the vault or in the file: their records are not brought back.
    erased: ErasedPeople,
    report: MergeReport,
    /// The vault as it would be after the merge, to check the format's rules on.
    merged: Export,
    snapshot: VaultSnapshot,
    puts: Vec<(SealedRecord, Expect)>,
    deletes: Vec<Deletion>,
    entries: Vec<Entry>,
}

impl<R: Repository> Merging<'_, R> {
    /// Writes `revision` (expecting what it expects, deleting `deletes`) and puts it into the
    /// merged vault and state.
    fn write<K: RecordKind>(
        &mut self,
        revision: Revision<K>,
        exported: &Record<K::Exported>,
        deletes: Vec<Deletion>,
    ) -> Result<(), AppError> {
        self.puts
            .push((self.vault.seal(&revision.record)?, revision.expect));
        self.deletes.extend(deletes);
        self.entries.push(revision.entry());
        K::section_mut(&mut self.merged).put(exported.clone());
        let map = K::records_mut(&mut self.snapshot);
        if K::SINGLE {
            map.clear();
        }
        map.insert(revision.record.id.clone(), revision.record);
        Ok(())
    }

    /// A kind the vault holds at most one of (the controller's details, the pipeline): the
    /// file's replaces the vault's when it is the newer revision and differs. A list that only
    /// grows (the do-not-contact list, the erased people) takes the file's entries in instead.
    fn single<K: RecordKind>(
        &mut self,
        theirs: OpenRecord<K>,
        exported: &Record<K::Exported>,
    ) -> Result<(), AppError> {
        let ours = K::records(&self.snapshot).values().next().cloned();
        if let Some(o) = &ours {
            if let Some(both) = o.data.grown(&theirs.data) {
                if both == o.data {
                    self.report.unchanged += 1;
                    return Ok(());
                }
                let revision = Revision::of(Some(o), both, self.now)?;
                let exported_both = super::exported(&revision.record)?;
                self.report.updated += 1;
                return self.write(revision, &exported_both, vec![]);
            }
        }
        let newer = ours.as_ref().is_none_or(|o| theirs.rev > o.rev);
        if !newer || ours.as_ref().is_some_and(|o| o.data == theirs.data) {
            return Ok(());
        }
        // Another vault's record has another id: it is written anew and the vault's deleted.
        let (expect, deletes) = match &ours {
            Some(o) if o.id == theirs.id => (Expect::Rev(o.rev), vec![]),
            Some(o) => (
                Expect::Absent,
                vec![Deletion::new(&o.id, K::KIND, Expect::Rev(o.rev))],
            ),
            None => (Expect::Absent, vec![]),
        };
        let revision = Revision {
            expect,
            action: if ours.is_some() {
                Action::Update
            } else {
                Action::Create
            },
            changes: audit::diff(
                &ours.as_ref().map(|o| o.data.audited()).unwrap_or_default(),
                &theirs.data.audited(),
            ),
            before: Vec::new(),
            record: theirs,
        };
        self.report.updated += 1;
        self.write(revision, exported, deletes)
    }
}

impl<R: Repository> EachKind for Merging<'_, R> {
    fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
        for (i, r) in K::section(self.export).iter().enumerate() {
            let path = data_path::<K>(i);
            let theirs: OpenRecord<K> = opened(r, &path)?;
            revalidated(&theirs, &path)?;
            let Some(theirs) = after_erasure(theirs, &self.erased, self.now) else {
                self.report.erased_skipped += 1;
                continue;
            };
            if K::SINGLE {
                self.single(theirs, r)?;
                continue;
            }
            let ours = K::records(&self.snapshot).get(&r.id).cloned();
            let revision = match &ours {
                None => {
                    self.report.added.add(K::KIND, 1);
                    Revision {
                        expect: Expect::Absent,
                        action: Action::Create,
                        changes: audit::diff(&[], &theirs.data.audited()),
                        before: Vec::new(),
                        record: theirs,
                    }
                }
                Some(o) if o.data == theirs.data && o.rev == theirs.rev => {
                    self.report.unchanged += 1;
                    continue;
                }
                Some(o) if theirs.rev > o.rev => {
                    self.report.updated += 1;
                    self.report.differences.push(Difference {
                        kind: K::KIND,
                        id: r.id.clone(),
                        kept: Kept::Theirs,
                    });
                    Revision {
                        expect: Expect::Rev(o.rev),
                        action: Action::Update,
                        changes: audit::diff(&o.data.audited(), &theirs.data.audited()),
                        before: crate::domain::BelongsTo::people(&o.data),
                        record: theirs,
                    }
                }
                Some(o) => {
                    if o.data == theirs.data {
                        self.report.unchanged += 1;
                    } else {
                        self.report.differences.push(Difference {
                            kind: K::KIND,
                            id: r.id.clone(),
                            kept: if o.rev > theirs.rev {
                                Kept::YoursNewer
                            } else {
                                Kept::YoursConflict
                            },
                        });
                    }
                    continue;
                }
            };
            self.write(revision, r, vec![])?;
        }
        Ok(())
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
        self.ready().await?;
        let file_erased = export
            .erased_people
            .as_ref()
            .and_then(|r| portability::bridge::<_, ErasedPeople>(&r.data).ok())
            .unwrap_or_default();
        let mut merging = Merging {
            vault: self,
            export,
            now,
            erased: self
                .with_snapshot(|s| s.erased_people())
                .union(&file_erased),
            report: MergeReport::default(),
            // Its own trail verified when the vault was opened and is not part of what the
            // merge changes.
            merged: self.export_records(now, "merge")?,
            snapshot: self.snapshot(),
            puts: Vec::new(),
            deletes: Vec::new(),
            entries: Vec::new(),
        };
        kinds::each_kind(&mut merging)?;
        let Merging {
            report,
            merged,
            mut snapshot,
            puts,
            deletes,
            entries,
            ..
        } = merging;
        // The merged vault must keep the format's rules (a deal of the file naming a contact the
        // vault deleted is refused here, before anything is written).
        portability::check(&merged).map_err(AppError::Import)?;
        if entries.is_empty() {
            return Ok(report);
        }
        let mut entries = entries;
        entries.push(import_entry(
            export.sha256(),
            Mode::Merge,
            &ImportSummary::of_export(export),
        ));
        let batch = Batch {
            puts,
            deletes,
            ..Batch::default()
        };
        self.commit(batch, entries, now).await?;
        // The records the merge wrote, with the trail as it now is.
        let mut inner = self.inner.borrow_mut();
        snapshot.audit = std::mem::take(&mut inner.snapshot.audit);
        inner.snapshot = snapshot;
        Ok(report)
    }
}
