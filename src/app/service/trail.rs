//! The audit trail as stored: events sealed alone or in blocks of consecutive events (each item
//! with its own revision, moved when an erasure seals it anew), the sealed chain head that says
//! where the trail ends and what the vault holds (its ledger), and the one commit path every
//! write takes (`chain` then `commit`): a user action's records and its audit events, with the
//! moved head and ledger, in one transaction.

use super::error::AppError;
use super::ledger::{Head, Ledger, AUDIT_ITEMS};
use super::types::{AuditItems, OpenRecord, UnlockedVault};
use crate::domain::audit::{Action, AuditEvent, ChainHead, FieldChange};
use crate::store::{Batch, Expect, Repository, SealedAuditEvent, SealedRecord, StoreError};
use crate::store::{AUDIT, MAX_COUNTER, RECORDS};
use crate::vault::{Address, Sealer, VaultError};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// The stored kind and id of the sealed chain head.
pub(super) const KIND_AUDIT_HEAD: &str = "audit_head";
const AUDIT_HEAD_ID: &str = "audit-head";
/// What a single audit event is sealed as.
pub(super) const AUDIT_KIND: &str = "audit_event";
/// What a block of consecutive audit events is sealed as (its address names the range).
const AUDIT_BLOCK_KIND: &str = "audit_block";
/// The most audit events one action seals together as one stored item: a write of many records
/// stores its events in blocks of this many, not one item per event (half the IndexedDB puts).
pub const AUDIT_BLOCK: usize = 1_000;

/// What an audit event says about one user action on one record.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub action: Action,
    pub kind: String,
    pub id: String,
    pub changes: Vec<FieldChange>,
    /// The people the record belongs to (see `domain::BelongsTo`).
    pub subjects: Vec<String>,
}

impl Entry {
    pub fn new(action: Action, kind: &str, id: &str, changes: Vec<FieldChange>) -> Self {
        Entry {
            action,
            kind: kind.to_string(),
            id: id.to_string(),
            changes,
            subjects: Vec::new(),
        }
    }

    /// The entry about a record that belongs to `people`.
    pub fn about(mut self, people: impl IntoIterator<Item = String>) -> Self {
        for p in people {
            if !self.subjects.contains(&p) {
                self.subjects.push(p);
            }
        }
        self
    }
}

/// A random salt for each of `n` events (8 bytes each, hex), drawn at once.
pub(super) fn salts(n: usize) -> Result<Vec<String>, AppError> {
    let mut bytes = vec![0u8; n * 8];
    getrandom::fill(&mut bytes).map_err(|_| VaultError::NoRandomness)?;
    Ok(bytes
        .chunks_exact(8)
        .map(crate::domain::hex::encode)
        .collect())
}

/// A sealed batch of records with its audit events, ready to commit.
pub(super) struct Chained {
    batch: Batch,
    written: Written,
}

/// What a committed `Chained` batch does to the vault's trail in memory.
pub(super) struct Written {
    /// The trail it replaces the stored one with (a restore), if it does.
    replaced: Option<Vec<AuditEvent>>,
    events: Vec<AuditEvent>,
    head: ChainHead,
    head_rev: u64,
    ledger: Ledger,
    /// The audit items it writes or seals anew: first → (last, revision).
    items: Vec<(u64, (u64, u64))>,
}

impl Chained {
    /// The batch to commit, and what it does to the trail once committed.
    pub fn into_parts(self) -> (Batch, Written) {
        (self.batch, self.written)
    }
}

#[cfg(any(test, feature = "bench"))]
impl Written {
    /// The head after this batch, the revision its sealed record is stored at, and the ledger.
    pub fn head(&self) -> (&ChainHead, u64, &Ledger) {
        (&self.head, self.head_rev, &self.ledger)
    }
}

/// Where revision `rev` of a record of `kind` and `id` is sealed to.
pub(super) fn address<'a>(kind: &'a str, id: &'a str, rev: u64) -> Address<'a> {
    Address {
        store: RECORDS,
        kind,
        id,
        rev,
    }
}

/// How a stored item was sealed: as today's format binds it (its revision included), or before
/// the format bound revisions (read once, to bring the vault up to date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Current,
    Legacy,
}

impl Format {
    /// The version of the sealed format, as the vault names it.
    fn version(self) -> u8 {
        match self {
            Format::Current => crate::vault::FORMAT_VERSION,
            Format::Legacy => crate::vault::LEGACY_FORMAT,
        }
    }
}

/// A record sealed to its address, with its clear bookkeeping.
pub(super) fn seal_record<T: serde::Serialize>(
    sealer: &Sealer,
    record: &OpenRecord<T>,
) -> Result<SealedRecord, AppError> {
    if record.rev > MAX_COUNTER {
        return Err(AppError::Store(StoreError::Malformed {
            store: RECORDS.into(),
            detail: format!("record {} has reached the last revision", record.id),
        }));
    }
    let sealed = sealer.seal(address(&record.kind, &record.id, record.rev), record)?;
    Ok(SealedRecord {
        id: record.id.clone(),
        kind: record.kind.to_string(),
        rev: record.rev,
        nonce: sealed.nonce,
        ciphertext: sealed.ciphertext,
    })
}

/// A stored record opened, checked to be the record its clear bookkeeping says it is.
pub(super) fn open_record<T: serde::de::DeserializeOwned>(
    sealer: &Sealer,
    sealed: &SealedRecord,
    format: Format,
) -> Result<OpenRecord<T>, VaultError> {
    let at = address(&sealed.kind, &sealed.id, sealed.rev);
    let record: OpenRecord<T> =
        sealer.open_in(format.version(), at, &sealed.nonce, &sealed.ciphertext)?;
    if record.id != sealed.id || record.kind.as_str() != sealed.kind || record.rev != sealed.rev {
        return Err(VaultError::CouldNotDecrypt);
    }
    Ok(record)
}

/// The address of an audit item: one event by its sequence number, a block by its range.
fn audit_address(single: bool, id: &str, rev: u64) -> Address<'_> {
    Address {
        store: AUDIT,
        kind: if single { AUDIT_KIND } else { AUDIT_BLOCK_KIND },
        id,
        rev,
    }
}

/// The name of a block of events `first` to `last` (bound into its seal, so it cannot move).
pub(super) fn block_range(first: u64, last: u64) -> String {
    format!("{first}-{last}")
}

/// How a damaged audit item is named to the user.
pub(super) fn item_name(item: &SealedAuditEvent) -> String {
    if item.last == item.seq {
        item.seq.to_string()
    } else {
        block_range(item.seq, item.last)
    }
}

/// Consecutive events as new stored items: one alone as itself, more in blocks of at most
/// `AUDIT_BLOCK`.
pub(super) fn seal_audit_items(
    sealer: &Sealer,
    events: &[AuditEvent],
) -> Result<Vec<SealedAuditEvent>, AppError> {
    events
        .chunks(AUDIT_BLOCK)
        .map(|chunk| seal_audit_block(sealer, chunk, 1))
        .collect()
}

/// One stored item holding `events` (consecutive, at least one), at revision `rev`.
pub(super) fn seal_audit_block(
    sealer: &Sealer,
    events: &[AuditEvent],
    rev: u64,
) -> Result<SealedAuditEvent, AppError> {
    let (Some(first), Some(last)) = (events.first(), events.last()) else {
        return Err(AppError::Store(StoreError::AuditMissing(0)));
    };
    let single = events.len() == 1;
    let name = if single {
        first.seq.to_string()
    } else {
        block_range(first.seq, last.seq)
    };
    let sealed = if single {
        sealer.seal(audit_address(true, &name, rev), first)?
    } else {
        sealer.seal(audit_address(false, &name, rev), events)?
    };
    Ok(SealedAuditEvent {
        seq: first.seq,
        last: last.seq,
        rev,
        nonce: sealed.nonce,
        ciphertext: sealed.ciphertext,
    })
}

/// The events of one stored item (a single event or a block), checked to be the ones it is
/// stored as.
pub(super) fn open_audit(
    sealer: &Sealer,
    sealed: &SealedAuditEvent,
    format: Format,
) -> Result<Vec<AuditEvent>, VaultError> {
    let single = sealed.last == sealed.seq;
    let name = item_name(sealed);
    let address = audit_address(single, &name, sealed.rev);
    let (nonce, ciphertext) = (&sealed.nonce, sealed.ciphertext.as_slice());
    let version = format.version();
    let events: Vec<AuditEvent> = if single {
        vec![sealer.open_in(version, address, nonce, ciphertext)?]
    } else {
        sealer.open_in(version, address, nonce, ciphertext)?
    };
    let consecutive = sealed.last.checked_sub(sealed.seq).map(|n| n + 1)
        == Some(events.len() as u64)
        && events
            .iter()
            .zip(sealed.seq..)
            .all(|(event, seq)| event.seq == seq);
    if !consecutive {
        return Err(VaultError::CouldNotDecrypt);
    }
    Ok(events)
}

/// The stored item (first, last, revision) that holds event `seq`.
fn item_of(items: &AuditItems, seq: u64) -> (u64, u64, u64) {
    match items.range(..=seq).next_back() {
        Some((&first, &(last, rev))) if last >= seq => (first, last, rev),
        _ => (seq, seq, 1),
    }
}

/// How the items that hold the events of `changed` are sealed anew: at their next revision
/// (an erasure's), or at the same one (bringing an old vault's items to today's format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reseal {
    NextRevision,
    SameRevision,
}

/// The stored items that hold the events of `changed` (by sequence number), sealed anew: each
/// whole, with `changed`'s events in place of the trail's.
pub(super) fn resealed_items(
    sealer: &Sealer,
    trail: &[AuditEvent],
    items: &AuditItems,
    changed: &BTreeMap<u64, AuditEvent>,
    how: Reseal,
) -> Result<Vec<SealedAuditEvent>, AppError> {
    let mut resealed = Vec::new();
    let mut covered = 0;
    for &seq in changed.keys() {
        if seq <= covered {
            continue;
        }
        let (first, last, rev) = item_of(items, seq);
        let start = trail.partition_point(|e| e.seq < first);
        let end = trail.partition_point(|e| e.seq <= last);
        if (end - start) as u64 != last - first + 1 {
            return Err(AppError::Store(StoreError::AuditMissing(first)));
        }
        let events: Vec<AuditEvent> = trail[start..end]
            .iter()
            .map(|e| changed.get(&e.seq).unwrap_or(e).clone())
            .collect();
        let rev = match how {
            Reseal::NextRevision => rev + 1,
            Reseal::SameRevision => rev,
        };
        resealed.push(seal_audit_block(sealer, &events, rev)?);
        covered = last;
    }
    Ok(resealed)
}

/// The stored items as the trail's map of them: first → (last, revision).
pub(super) fn item_entries(items: &[SealedAuditEvent]) -> Vec<(u64, (u64, u64))> {
    items.iter().map(|i| (i.seq, (i.last, i.rev))).collect()
}

/// The sealed chain-head record that moves to `head` with `ledger`, written over revision
/// `head_rev` (`Expect::Rev`, or `Absent` for the first), so two writers can never fork the chain.
pub(super) fn sealed_head(
    sealer: &Sealer,
    head_rev: u64,
    head: ChainHead,
    ledger: Ledger,
    salted: bool,
    now: DateTime<Utc>,
) -> Result<(SealedRecord, Expect), AppError> {
    let record = OpenRecord {
        id: AUDIT_HEAD_ID.to_string(),
        kind: KIND_AUDIT_HEAD.into(),
        rev: head_rev + 1,
        created_at: now,
        updated_at: now,
        data: Head {
            seq: head.seq,
            hash: head.hash,
            ledger: Some(ledger),
            salted,
        },
    };
    let expect = if head_rev == 0 {
        Expect::Absent
    } else {
        Expect::Rev(head_rev)
    };
    Ok((seal_record(sealer, &record)?, expect))
}

/// Where a batch is chained from: the trail's head, the revision of its sealed record, and the
/// ledger of what the vault holds.
pub(super) struct Base<'a> {
    pub head: &'a ChainHead,
    pub head_rev: u64,
    pub ledger: &'a Ledger,
}

/// The ledger after `batch` is written over `before` (whose audit items are `items`): each put
/// replaces the revision it expects, each delete removes one, each new or resealed audit item
/// moves the trail's count.
fn ledger_after(
    sealer: &Sealer,
    before: &Ledger,
    items: &AuditItems,
    batch: &Batch,
) -> Result<Ledger, AppError> {
    // (kind, id, revision, added) for every stored item the batch moves.
    let mut moves: Vec<(&str, String, u64, bool)> = Vec::new();
    for (record, expect) in &batch.puts {
        if let Expect::Rev(old) = expect {
            moves.push((&record.kind, record.id.clone(), *old, false));
        }
        moves.push((&record.kind, record.id.clone(), record.rev, true));
    }
    for d in &batch.deletes {
        if let Expect::Rev(old) = d.expect {
            moves.push((&d.kind, d.id.clone(), old, false));
        }
    }
    if batch.replace_audit {
        for (&first, &(last, rev)) in items {
            moves.push((AUDIT_ITEMS, block_name(first, last), rev, false));
        }
    }
    for item in &batch.rewrite_audit {
        let (first, last, old) = item_of(items, item.seq);
        moves.push((AUDIT_ITEMS, block_name(first, last), old, false));
        moves.push((AUDIT_ITEMS, item_name(item), item.rev, true));
    }
    for item in &batch.audit {
        moves.push((AUDIT_ITEMS, item_name(item), item.rev, true));
    }
    let mut ledger = before.clone();
    ledger.apply_all(sealer, moves)?;
    Ok(ledger)
}

/// The name of the item holding events `first` to `last`.
fn block_name(first: u64, last: u64) -> String {
    if first == last {
        first.to_string()
    } else {
        block_range(first, last)
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Chains `entries` after the trail's head, seals them with the moved head and ledger into
    /// `batch`, commits it all in one transaction, then extends the trail in memory. The one
    /// commit path.
    pub(super) async fn commit(
        &self,
        batch: Batch,
        entries: Vec<Entry>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let chained = {
            let inner = self.inner.borrow();
            let base = Base {
                head: &inner.head,
                head_rev: inner.head_rev,
                ledger: &inner.ledger,
            };
            self.chain(batch, None, entries, base, now)?
        };
        self.commit_chained(chained).await
    }

    /// Commits a chained batch, then extends (or replaces) the trail in memory. Once the vault
    /// is locked nothing commits, whatever was under way.
    pub(super) async fn commit_chained(&self, chained: Chained) -> Result<(), AppError> {
        let (batch, written) = chained.into_parts();
        if !self.sealer.is_open() {
            return Err(AppError::Cancelled);
        }
        self.repo.commit(batch).await?;
        self.extend_trail(written);
        Ok(())
    }

    /// `batch` with the audit events of `entries` after `base`, and the sealed moved head with
    /// the ledger of what the vault holds once it is written, ready to commit. `replaced`: the
    /// trail the batch stores instead of the vault's own (sealed into it already), which
    /// `base.head` ends.
    pub(super) fn chain(
        &self,
        mut batch: Batch,
        replaced: Option<Vec<AuditEvent>>,
        entries: Vec<Entry>,
        base: Base<'_>,
        now: DateTime<Utc>,
    ) -> Result<Chained, AppError> {
        let entries_len = entries.len();
        let (mut head, head_rev) = (base.head.clone(), base.head_rev);
        let mut events = Vec::with_capacity(entries.len());
        for (e, salt) in entries.into_iter().zip(salts(entries_len)?) {
            let event = AuditEvent::next_salted(
                &head, now, e.action, &e.kind, &e.id, e.changes, salt, e.subjects,
            );
            head = event.head();
            events.push(event);
        }
        batch.audit.extend(seal_audit_items(&self.sealer, &events)?);
        let (ledger, salted) = {
            let inner = self.inner.borrow();
            let ledger = ledger_after(&self.sealer, base.ledger, &inner.items, &batch)?;
            (ledger, inner.salted)
        };
        batch.puts.push(sealed_head(
            &self.sealer,
            head_rev,
            head.clone(),
            ledger.clone(),
            salted,
            now,
        )?);
        let mut items = item_entries(&batch.audit);
        items.extend(item_entries(&batch.rewrite_audit));
        Ok(Chained {
            batch,
            written: Written {
                replaced,
                events,
                head,
                head_rev: head_rev + 1,
                ledger,
                items,
            },
        })
    }

    /// After a chained batch is committed: the trail, its head, its items and the ledger as
    /// stored now.
    pub(super) fn extend_trail(&self, written: Written) {
        let mut inner = self.inner.borrow_mut();
        if let Some(trail) = written.replaced {
            inner.snapshot.audit = trail;
            inner.items.clear();
        }
        inner.head = written.head;
        inner.head_rev = written.head_rev;
        inner.ledger = written.ledger;
        inner.items.extend(written.items);
        inner.snapshot.audit.extend(written.events);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    /// The name in the controller's details `vault` holds.
    fn profile_name(vault: &UnlockedVault<MemoryRepository>) -> String {
        vault.snapshot().profile().unwrap().data.name.clone()
    }

    #[test]
    fn the_kind_of_records_read_is_one_shared_text_written_as_before() {
        let text = |id: &str| {
            format!(
                r#"{{"id":"{id}","kind":"contact","rev":1,"created_at":"2026-11-01T00:00:00Z","updated_at":"2026-11-01T00:00:00Z","data":null}}"#
            )
        };
        let a: OpenRecord<()> = serde_json::from_str(&text("a")).unwrap();
        let b: OpenRecord<()> = serde_json::from_str(&text("b")).unwrap();
        assert!(std::ptr::eq(a.kind.as_str(), b.kind.as_str()));
        assert_eq!(serde_json::to_string(&a).unwrap(), text("a"));
    }

    #[test]
    fn record_and_audit_event_are_written_together() {
        let (repo, vault) = vault_with_profile();
        assert_eq!(repo.raw_audit_event_count(), 2);
        assert_eq!(
            repo.raw_records()
                .iter()
                .filter(|r| r.kind == KIND_PROFILE)
                .count(),
            1
        );
        // A failed transaction leaves neither the record nor its event, and memory unchanged.
        repo.fail_next_commit();
        assert!(block_on(vault.save_profile(&draft("Petra"), t(2))).is_err());
        assert_eq!(repo.raw_audit_event_count(), 2);
        assert_eq!(profile_name(&vault), "Jana");
        let reopened = block_on(unlock(repo, &pass())).unwrap();
        assert_eq!(profile_name(&reopened), "Jana");
        assert_eq!(reopened.snapshot().chain, None);
    }

    #[test]
    fn a_stale_write_from_another_session_is_refused() {
        let (repo, a) = new_vault();
        block_on(a.save_profile(&draft("Jana"), t(1))).unwrap();
        let b = block_on(unlock(repo.clone(), &pass())).unwrap();
        block_on(b.save_profile(&draft("From tab B"), t(2))).unwrap();
        // Tab A still has rev 1 in memory: its write must not silently overwrite B's.
        let err = block_on(a.save_profile(&draft("From tab A"), t(3))).unwrap_err();
        assert!(
            matches!(err, AppError::Store(StoreError::Conflict { .. })),
            "{err:?}"
        );
        let fresh = block_on(unlock(repo, &pass())).unwrap();
        assert_eq!(profile_name(&fresh), "From tab B");
        assert_eq!(fresh.snapshot().chain, None);
    }

    #[test]
    fn a_block_of_events_opens_only_as_stored() {
        let (repo, vault, drafts) = vault_and_drafts(2, 5);
        block_on(vault.create_contacts_in_bulk(&drafts, 5, t(1))).unwrap();
        let block = repo
            .raw_audit()
            .into_iter()
            .find(|i| i.last > i.seq)
            .unwrap();
        assert_eq!((block.seq, block.last), (2, 6));
        // Claiming it holds fewer events (hiding the last ones) does not open.
        repo.raw_remove_audit(2);
        repo.raw_put_audit(SealedAuditEvent { last: 5, ..block });
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert!(s.damaged.iter().any(|d| d.id == "2-5"));
        assert!(s.chain.is_some());
        assert_eq!(s.audit.len(), 1);
    }

    #[test]
    fn a_removed_audit_event_is_detected_on_unlock() {
        let (repo, vault) = vault_with_profile();
        block_on(vault.save_profile(&draft("Jana N."), t(2))).unwrap();
        repo.raw_remove_audit(2);
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(
            s.chain,
            Some(ChainError::Missing {
                expected: 2,
                found: 3
            })
        );
        // Cutting off the newest event is caught by the sealed head.
        let repo2 = MemoryRepository::new();
        let v2 = vault_over(&repo2);
        block_on(v2.save_profile(&draft("Jana"), t(1))).unwrap();
        repo2.raw_remove_audit(2);
        let s2 = block_on(unlock(repo2, &pass())).unwrap().snapshot();
        assert_eq!(
            s2.chain,
            Some(ChainError::Truncated {
                expected: 2,
                found: 1
            })
        );
    }
}

/// How stored items are opened, by what the head said: today's format, the format before it, or
/// (without a head to say) whichever opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Formats {
    Only(Format),
    Either,
}

impl Formats {
    pub(super) fn of(state: super::types::HeadState) -> Self {
        match state {
            super::types::HeadState::Current => Formats::Only(Format::Current),
            super::types::HeadState::Legacy => Formats::Only(Format::Legacy),
            super::types::HeadState::Missing | super::types::HeadState::Damaged => Formats::Either,
        }
    }

    /// `open` in the format(s) allowed.
    pub(super) fn open<T>(
        self,
        open: impl Fn(Format) -> Result<T, VaultError>,
    ) -> Result<T, VaultError> {
        match self {
            Formats::Only(f) => open(f),
            Formats::Either => open(Format::Current).or_else(|_| open(Format::Legacy)),
        }
    }
}
