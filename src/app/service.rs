//! The vault service: creating, unlocking and writing to a vault, over any `Repository`.

pub mod contacts_import;
mod portable;
pub use portable::{Difference, ImportSummary, Kept, MergeReport, PROGRESS_CHUNK};

use crate::domain::activity::{Activity, ActivityDraft};
use crate::domain::audit::{self, Action, AuditEvent, ChainError, ChainHead};
use crate::domain::audit::{FieldChange, FieldValues};
use crate::domain::consent::{
    ConsentDraft, ConsentError, ConsentEvent, ConsentRecord, EventKind, Limit, LimitKind,
};
use crate::domain::contact::{self as contact_rules, Contact, ContactDraft, Side};
use crate::domain::deal::{Deal, DealDraft, DealError, Pipeline};
use crate::domain::document::{Document, DocumentDraft};
use crate::domain::erasure;
use crate::domain::organisation::{Organisation, OrganisationDraft};
use crate::domain::profile::{ControllerProfile, ProfileDraft};
use crate::domain::purpose::{Purpose, PurposeDraft};
use crate::domain::request::{
    RequestDraft, RequestError, RequestKind, RequestStatus, SubjectRequest,
};
use crate::domain::task::{Task, TaskDraft};
use crate::domain::FieldErrors;
use crate::domain::Id;
use crate::store::{
    Batch, Expect, Repository, SealedAuditEvent, SealedRecord, StoreError, AUDIT, RECORDS,
};
use crate::vault::{
    seal, Address, KdfParams, Key, Passphrase, Plaintext, Sealed, VaultError, VaultHeader,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Meta key of the vault header.
pub const HEADER_KEY: &str = "vault_header";
/// Record kinds.
pub const KIND_PROFILE: &str = "profile";
pub const KIND_AUDIT_HEAD: &str = "audit_head";
pub const KIND_CONTACT: &str = "contact";
pub const KIND_ACTIVITY: &str = "activity";
pub const KIND_ORGANISATION: &str = "organisation";
pub const KIND_PURPOSE: &str = "purpose";
pub const KIND_CONSENT: &str = "consent";
pub const KIND_LIMIT: &str = "limit";
pub const KIND_PIPELINE: &str = "pipeline";
pub const KIND_DEAL: &str = "deal";
pub const KIND_DOCUMENT: &str = "document";
pub const KIND_TASK: &str = "task";
pub const KIND_REQUEST: &str = "request";
const AUDIT_HEAD_ID: &str = "audit-head";
const AUDIT_KIND: &str = "audit_event";
/// What a block of consecutive audit events is sealed as (its address names the range).
const AUDIT_BLOCK_KIND: &str = "audit_block";
/// The most audit events one action seals together as one stored item: a write of many records
/// stores its events in blocks of this many, not one item per event (half the IndexedDB puts).
pub const AUDIT_BLOCK: usize = 1_000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no vault exists in this browser yet")]
    NoVault,
    #[error("a vault exists in this browser already")]
    VaultExists,
    #[error("some fields need attention")]
    Invalid(FieldErrors),
    #[error("record {0} does not exist (any more)")]
    NotFound(String),
    #[error("{0} other records still refer to this one")]
    InUse(usize),
    #[error(transparent)]
    Consent(#[from] ConsentError),
    #[error(transparent)]
    Deal(#[from] DealError),
    #[error("{0} documents still refer to this record and must be kept")]
    Documents(usize),
    #[error(transparent)]
    Import(#[from] crate::portability::ImportError),
    #[error("this vault has data already")]
    NotEmpty,
    #[error(
        "processing of this person is restricted (Art. 18): Folio only keeps what must be kept"
    )]
    Restricted,
    #[error(transparent)]
    Request(#[from] RequestError),
}

/// A record as sealed: its bookkeeping and its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredRecord<T> {
    pub id: String,
    pub kind: String,
    pub rev: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub data: T,
}

impl<T> StoredRecord<T> {
    /// The record's next revision, holding `data`, written at `now`.
    pub fn revised(&self, data: T, now: DateTime<Utc>) -> Self {
        StoredRecord {
            id: self.id.clone(),
            kind: self.kind.clone(),
            rev: self.rev + 1,
            created_at: self.created_at,
            updated_at: now,
            data,
        }
    }
}

/// A stored item that could not be decrypted or read: reported, never shown as if it were fine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub kind: String,
    pub id: String,
}

/// Everything decrypted after unlock: what the screens show. Dropped on lock.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VaultSnapshot {
    pub profile: Option<StoredRecord<ControllerProfile>>,
    pub contacts: BTreeMap<String, StoredRecord<Contact>>,
    pub activities: BTreeMap<String, StoredRecord<Activity>>,
    pub organisations: BTreeMap<String, StoredRecord<Organisation>>,
    pub purposes: BTreeMap<String, StoredRecord<Purpose>>,
    pub consents: BTreeMap<String, StoredRecord<ConsentRecord>>,
    pub limits: BTreeMap<String, StoredRecord<Limit>>,
    /// The user's pipeline; None until they change the default.
    pub pipeline: Option<StoredRecord<Pipeline>>,
    pub deals: BTreeMap<String, StoredRecord<Deal>>,
    pub documents: BTreeMap<String, StoredRecord<Document>>,
    pub tasks: BTreeMap<String, StoredRecord<Task>>,
    pub requests: BTreeMap<String, StoredRecord<SubjectRequest>>,
    pub audit: Vec<AuditEvent>,
    pub chain: Option<ChainError>,
    pub damaged: Vec<Damaged>,
    pub kdf: Option<KdfParams>,
    /// False between the first stage of loading (what the first screens need: profile,
    /// contacts, organisations) and the end of the second (activities, other kinds, the audit
    /// trail and its verification). Until then `chain` says nothing and nothing is written.
    pub complete: bool,
}

impl VaultSnapshot {
    /// The pipeline in use: the user's, or the default one.
    pub fn pipeline(&self) -> Pipeline {
        self.pipeline
            .as_ref()
            .map(|p| p.data.clone())
            .unwrap_or_default()
    }
}

/// The session of an unlocked vault: the data key (wiped on drop) and the decrypted state.
pub struct UnlockedVault<R: Repository> {
    repo: R,
    key: Key,
    inner: RefCell<Inner>,
}

struct Inner {
    header: VaultHeader,
    head: ChainHead,
    head_rev: u64,
    snapshot: VaultSnapshot,
    /// The stored blocks of several audit events, first sequence number → last (an event in
    /// none of them is stored alone): what must be sealed anew when one of their events is.
    blocks: BTreeMap<u64, u64>,
}

/// A sealed batch of records with their audit events, ready to commit (`chain_writes`).
struct Chained {
    batch: Batch,
    events: Vec<AuditEvent>,
    /// The chain head after these events, and the revision its record is written at.
    head: ChainHead,
    head_rev: u64,
}

/// What a committed `Chained` batch adds to the vault's trail.
struct Written {
    events: Vec<AuditEvent>,
    head: ChainHead,
    head_rev: u64,
    blocks: Vec<(u64, u64)>,
}

impl Chained {
    /// The batch to commit, and what it adds to the trail once committed.
    fn into_parts(self) -> (Batch, Written) {
        let written = Written {
            events: self.events,
            head: self.head,
            head_rev: self.head_rev,
            blocks: block_ranges(&self.batch.audit),
        };
        (self.batch, written)
    }
}

/// What an audit event says about one user action.
struct Entry<'a> {
    action: Action,
    kind: &'a str,
    id: &'a str,
    changes: Vec<FieldChange>,
}

/// The next revision of every record of `map` that `change` changes (`Some(new data)`).
fn next_revisions<T: Clone>(
    map: &BTreeMap<String, StoredRecord<T>>,
    now: DateTime<Utc>,
    change: impl Fn(&T) -> Option<T>,
) -> Vec<StoredRecord<T>> {
    map.values()
        .filter_map(|r| change(&r.data).map(|data| r.revised(data, now)))
        .collect()
}

/// What erasing contact `id` on `today` would do, worked out from the decrypted state (the
/// erasure page shows it; `erase_contact` carries it out).
pub fn plan_erasure(
    s: &VaultSnapshot,
    id: &str,
    today: NaiveDate,
) -> Result<erasure::Plan, AppError> {
    let contact = s
        .contacts
        .get(id)
        .ok_or_else(|| AppError::NotFound(id.to_string()))?;
    fn pairs<T>(map: &BTreeMap<String, StoredRecord<T>>) -> Vec<(&String, &T)> {
        map.iter().map(|(k, r)| (k, &r.data)).collect()
    }
    let records = erasure::Records {
        activities: pairs(&s.activities),
        consents: pairs(&s.consents),
        limits: pairs(&s.limits),
        tasks: pairs(&s.tasks),
        deals: pairs(&s.deals),
        documents: pairs(&s.documents),
        requests: pairs(&s.requests),
    };
    Ok(erasure::plan(id, &contact.data, &records, today))
}

/// Whether this repository holds a vault.
pub async fn vault_exists<R: Repository>(repo: &R) -> Result<bool, AppError> {
    Ok(repo.get_meta(HEADER_KEY).await?.is_some())
}

fn address<'a>(kind: &'a str, id: &'a str) -> Address<'a> {
    Address {
        store: RECORDS,
        kind,
        id,
    }
}

fn seal_record<T: Serialize>(
    key: &Key,
    record: &StoredRecord<T>,
) -> Result<SealedRecord, AppError> {
    let plain = Plaintext::from_json(record)?;
    let sealed = seal::seal(key, address(&record.kind, &record.id), &plain)?;
    Ok(SealedRecord {
        id: record.id.clone(),
        kind: record.kind.clone(),
        rev: record.rev,
        nonce: sealed.nonce,
        ciphertext: sealed.ciphertext,
    })
}

fn open_record<T: DeserializeOwned>(
    key: &Key,
    sealed: &SealedRecord,
) -> Result<StoredRecord<T>, VaultError> {
    let plain = seal::open(
        key,
        address(&sealed.kind, &sealed.id),
        &Sealed {
            nonce: sealed.nonce,
            ciphertext: sealed.ciphertext.clone(),
        },
    )?;
    let record: StoredRecord<T> = plain.to_json()?;
    // The clear bookkeeping must agree with the sealed copy.
    if record.id != sealed.id || record.kind != sealed.kind || record.rev != sealed.rev {
        return Err(VaultError::CouldNotDecrypt);
    }
    Ok(record)
}

fn audit_address(seq: &str) -> Address<'_> {
    Address {
        store: AUDIT,
        kind: AUDIT_KIND,
        id: seq,
    }
}

fn seal_audit(key: &Key, event: &AuditEvent) -> Result<SealedAuditEvent, AppError> {
    let seq = event.seq.to_string();
    let sealed = seal::seal(key, audit_address(&seq), &Plaintext::from_json(event)?)?;
    Ok(SealedAuditEvent {
        seq: event.seq,
        nonce: sealed.nonce,
        last: event.seq,
        ciphertext: sealed.ciphertext,
    })
}

/// The address a block of events `first` to `last` is sealed to (so no block can be moved).
fn block_range(first: u64, last: u64) -> String {
    format!("{first}-{last}")
}

/// Consecutive events sealed as stored items: one alone as itself, more in blocks of at most
/// `AUDIT_BLOCK`.
fn seal_audit_items(key: &Key, events: &[AuditEvent]) -> Result<Vec<SealedAuditEvent>, AppError> {
    events
        .chunks(AUDIT_BLOCK)
        .map(|chunk| seal_audit_block(key, chunk))
        .collect()
}

/// One stored item holding `events` (consecutive, at least one).
fn seal_audit_block(key: &Key, events: &[AuditEvent]) -> Result<SealedAuditEvent, AppError> {
    match events {
        [] => Err(AppError::Store(StoreError::AuditMissing(0))),
        [one] => seal_audit(key, one),
        [first, .., last] => {
            let range = block_range(first.seq, last.seq);
            let address = Address {
                store: AUDIT,
                kind: AUDIT_BLOCK_KIND,
                id: &range,
            };
            let sealed = seal::seal(key, address, &Plaintext::from_json(&events)?)?;
            Ok(SealedAuditEvent {
                seq: first.seq,
                last: last.seq,
                nonce: sealed.nonce,
                ciphertext: sealed.ciphertext,
            })
        }
    }
}

/// The events of one stored item (a single event or a block), checked to be the ones it is
/// stored as.
fn open_audit(key: &Key, sealed: &SealedAuditEvent) -> Result<Vec<AuditEvent>, VaultError> {
    let seq = sealed.seq.to_string();
    let range = block_range(sealed.seq, sealed.last);
    let single = sealed.last == sealed.seq;
    let address = if single {
        audit_address(&seq)
    } else {
        Address {
            store: AUDIT,
            kind: AUDIT_BLOCK_KIND,
            id: &range,
        }
    };
    let plain = seal::open(
        key,
        address,
        &Sealed {
            nonce: sealed.nonce,
            ciphertext: sealed.ciphertext.clone(),
        },
    )?;
    let events: Vec<AuditEvent> = if single {
        vec![plain.to_json()?]
    } else {
        plain.to_json()?
    };
    let consecutive = events.len() as u64 == sealed.last - sealed.seq + 1
        && events
            .iter()
            .zip(sealed.seq..)
            .all(|(event, seq)| event.seq == seq);
    if !consecutive {
        return Err(VaultError::CouldNotDecrypt);
    }
    Ok(events)
}

/// The stored item (first, last) that holds event `seq`.
fn item_of(blocks: &BTreeMap<u64, u64>, seq: u64) -> (u64, u64) {
    match blocks.range(..=seq).next_back() {
        Some((&first, &last)) if last >= seq => (first, last),
        _ => (seq, seq),
    }
}

/// The stored items that hold the events of `changed` (by sequence number), sealed anew: each
/// whole, with `changed`'s events in place of the trail's.
fn resealed_items(
    key: &Key,
    trail: &[AuditEvent],
    blocks: &BTreeMap<u64, u64>,
    changed: &BTreeMap<u64, AuditEvent>,
) -> Result<Vec<SealedAuditEvent>, AppError> {
    let mut items = Vec::new();
    let mut covered = 0;
    for &seq in changed.keys() {
        if seq <= covered {
            continue;
        }
        let (first, last) = item_of(blocks, seq);
        let start = trail.partition_point(|e| e.seq < first);
        let end = trail.partition_point(|e| e.seq <= last);
        if (end - start) as u64 != last - first + 1 {
            return Err(AppError::Store(StoreError::AuditMissing(first)));
        }
        let events: Vec<AuditEvent> = trail[start..end]
            .iter()
            .map(|e| changed.get(&e.seq).unwrap_or(e).clone())
            .collect();
        items.push(seal_audit_block(key, &events)?);
        covered = last;
    }
    Ok(items)
}

/// The (first, last) of the blocks among stored items.
fn block_ranges(items: &[SealedAuditEvent]) -> Vec<(u64, u64)> {
    items
        .iter()
        .filter(|i| i.last > i.seq)
        .map(|i| (i.seq, i.last))
        .collect()
}

/// Builds the audit event that follows `head`, plus the sealed head record that moves with it.
/// The head record is written with `Expect::Rev`, so two writers can never fork the chain.
fn chain_step(
    key: &Key,
    head_rev: u64,
    event: AuditEvent,
    now: DateTime<Utc>,
) -> Result<(SealedAuditEvent, SealedRecord, Expect), AppError> {
    let sealed_event = seal_audit(key, &event)?;
    let (head_record, expect) = sealed_head(key, head_rev, event.head(), now)?;
    Ok((sealed_event, head_record, expect))
}

/// The sealed chain-head record that moves to `head`, written over revision `head_rev`
/// (`Expect::Rev`, or `Absent` for the first), so two writers can never fork the chain.
fn sealed_head(
    key: &Key,
    head_rev: u64,
    head: ChainHead,
    now: DateTime<Utc>,
) -> Result<(SealedRecord, Expect), AppError> {
    let record = StoredRecord {
        id: AUDIT_HEAD_ID.to_string(),
        kind: KIND_AUDIT_HEAD.to_string(),
        rev: head_rev + 1,
        created_at: now,
        updated_at: now,
        data: head,
    };
    let expect = if head_rev == 0 {
        Expect::Absent
    } else {
        Expect::Rev(head_rev)
    };
    Ok((seal_record(key, &record)?, expect))
}

/// Creates a new vault with its first audit event, all in one transaction.
pub async fn create_vault<R: Repository>(
    repo: R,
    passphrase: &Passphrase,
    kdf: KdfParams,
    now: DateTime<Utc>,
) -> Result<UnlockedVault<R>, AppError> {
    if vault_exists(&repo).await? {
        return Err(AppError::VaultExists);
    }
    let (header, key) = VaultHeader::create(passphrase, kdf)?;
    let vault_id = Id::new().map_err(|_| VaultError::NoRandomness)?.to_string();
    let event = AuditEvent::next(
        &ChainHead::genesis(),
        now,
        Action::VaultCreated,
        "vault",
        &vault_id,
        vec![],
    );
    let (sealed_event, head_record, expect) = chain_step(&key, 0, event.clone(), now)?;
    repo.commit(Batch {
        puts: vec![(head_record, expect)],
        audit: vec![sealed_event],
        meta: vec![(HEADER_KEY.to_string(), header.to_json())],
        ..Batch::default()
    })
    .await?;
    let kdf = header.kdf.clone();
    Ok(UnlockedVault {
        repo,
        key,
        inner: RefCell::new(Inner {
            header,
            head: event.head(),
            head_rev: 1,
            snapshot: VaultSnapshot {
                audit: vec![event],
                kdf: Some(kdf),
                complete: true,
                ..VaultSnapshot::default()
            },
            blocks: BTreeMap::new(),
        }),
    })
}

/// Reads the vault header (no secrets) of this repository.
pub async fn read_header<R: Repository>(repo: &R) -> Result<VaultHeader, AppError> {
    let text = repo.get_meta(HEADER_KEY).await?.ok_or(AppError::NoVault)?;
    Ok(VaultHeader::from_json(&text)?)
}

/// Unlocks a vault: derives the key, unwraps the data key, decrypts everything. Records that do
/// not open are listed as damaged; the rest of the vault opens regardless.
pub async fn unlock<R: Repository>(
    repo: R,
    passphrase: &Passphrase,
) -> Result<UnlockedVault<R>, AppError> {
    let header = read_header(&repo).await?;
    let key = header.unlock(passphrase)?;
    open_with_key(repo, header, key).await
}

/// The second half of `unlock`, once the data key is unwrapped (so callers can time the KDF
/// alone). Loads everything; the session instead calls `open_first` then `load_rest`.
pub async fn open_with_key<R: Repository>(
    repo: R,
    header: VaultHeader,
    key: Key,
) -> Result<UnlockedVault<R>, AppError> {
    let vault = open_first(repo, header, key).await?;
    vault.load_rest(|| async { true }).await?;
    Ok(vault)
}

/// Opens the vault with only what the first screens need decrypted (profile, contacts,
/// organisations and the chain head); `load_rest` must follow before any write.
pub async fn open_first<R: Repository>(
    repo: R,
    header: VaultHeader,
    key: Key,
) -> Result<UnlockedVault<R>, AppError> {
    let vault = UnlockedVault {
        repo,
        key,
        inner: RefCell::new(Inner {
            header,
            head: ChainHead::genesis(),
            head_rev: 0,
            snapshot: VaultSnapshot::default(),
            blocks: BTreeMap::new(),
        }),
    };
    vault.load_first().await?;
    Ok(vault)
}

/// Kinds the first stage of loading decrypts.
const FIRST_KINDS: [&str; 7] = [
    KIND_PROFILE,
    KIND_AUDIT_HEAD,
    KIND_CONTACT,
    KIND_ORGANISATION,
    KIND_PURPOSE,
    KIND_LIMIT,
    KIND_PIPELINE,
];

/// Records and events decrypted between two pauses of `load_rest`.
const LOAD_CHUNK: usize = 2_000;

impl<R: Repository> UnlockedVault<R> {
    /// Locks: drops the key and the decrypted data, and gives back the repository (to close it).
    pub fn into_repository(self) -> R {
        self.repo
    }

    /// Reads what the screens show, without copying it.
    pub fn with_snapshot<U>(&self, f: impl FnOnce(&VaultSnapshot) -> U) -> U {
        f(&self.inner.borrow().snapshot)
    }

    /// A copy of what the screens show.
    pub fn snapshot(&self) -> VaultSnapshot {
        self.inner.borrow().snapshot.clone()
    }

    /// Reads and decrypts everything again from storage.
    pub async fn reload(&self) -> Result<(), AppError> {
        self.load_first().await?;
        self.load_rest(|| async { true }).await
    }

    /// Whether both stages of loading are done (writes wait for it).
    pub fn is_complete(&self) -> bool {
        self.inner.borrow().snapshot.complete
    }

    /// Stage one: the profile, contacts, organisations and the sealed chain head.
    async fn load_first(&self) -> Result<(), AppError> {
        let mut snapshot = VaultSnapshot::default();
        let mut head: Option<StoredRecord<ChainHead>> = None;
        // The kinds are read together (the browser reads them side by side), then opened.
        let kinds = futures_util::future::try_join_all(FIRST_KINDS.map(|k| self.repo.list(k)));
        for sealed in kinds.await?.iter().flatten() {
            self.open_into(sealed, &mut snapshot, &mut head);
        }
        let mut inner = self.inner.borrow_mut();
        snapshot.kdf = Some(inner.header.kdf.clone());
        inner.head = head
            .as_ref()
            .map(|h| h.data.clone())
            .unwrap_or_else(ChainHead::genesis);
        inner.head_rev = head.map(|h| h.rev).unwrap_or(0);
        inner.snapshot = snapshot;
        Ok(())
    }

    /// Stage two: activities, records of other kinds, the audit trail and its verification,
    /// decrypted `LOAD_CHUNK` at a time with `pause` awaited between chunks (the page stays
    /// responsive). `pause` answering false stops loading (the vault was locked meanwhile).
    pub async fn load_rest<F, P>(&self, mut pause: P) -> Result<(), AppError>
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = bool>,
    {
        if self.is_complete() {
            return Ok(());
        }
        let cancelled = || AppError::Store(StoreError::Aborted);
        let records: Vec<SealedRecord> = self
            .repo
            .list_all()
            .await?
            .into_iter()
            .filter(|r| !FIRST_KINDS.contains(&r.kind.as_str()))
            .collect();
        let mut rest = VaultSnapshot::default();
        let mut no_head = None;
        for chunk in records.chunks(LOAD_CHUNK) {
            for sealed in chunk {
                self.open_into(sealed, &mut rest, &mut no_head);
            }
            if !pause().await {
                return Err(cancelled());
            }
        }
        drop(records);
        // The trail is read about `LOAD_CHUNK` events at a time, so its ciphertext never sits in
        // memory whole.
        let mut audit = Vec::new();
        let mut blocks = BTreeMap::new();
        let mut after = 0;
        loop {
            let chunk = self
                .repo
                .audit_items_after(after, LOAD_CHUNK as u32)
                .await?;
            let Some(last) = chunk.last() else { break };
            after = last.last;
            blocks.extend(block_ranges(&chunk));
            for sealed in &chunk {
                match open_audit(&self.key, sealed) {
                    Ok(events) => audit.extend(events),
                    Err(_) => rest.damaged.push(Damaged {
                        kind: AUDIT_KIND.to_string(),
                        id: if sealed.last == sealed.seq {
                            sealed.seq.to_string()
                        } else {
                            block_range(sealed.seq, sealed.last)
                        },
                    }),
                }
            }
            if !pause().await {
                return Err(cancelled());
            }
        }
        audit.sort_by_key(|e| e.seq);
        self.inner.borrow_mut().blocks = blocks;
        let mut chain = {
            let inner = self.inner.borrow();
            let sealed_head = (inner.head_rev > 0).then(|| inner.head.clone());
            audit::verify_chain(&audit, sealed_head.as_ref()).err()
        };
        if chain.is_some() && self.upgrade_trail(&mut audit).await {
            chain = None;
        }
        let mut inner = self.inner.borrow_mut();
        let sealed_head = (inner.head_rev > 0).then(|| inner.head.clone());
        // New events extend the newest head we know, whether or not the chain verified.
        if let Some(last) = audit.last().map(AuditEvent::head) {
            if sealed_head.as_ref().is_none_or(|h| last.seq > h.seq) {
                inner.head = last;
            }
        }
        let snapshot = &mut inner.snapshot;
        snapshot.activities = rest.activities;
        snapshot.consents = rest.consents;
        snapshot.deals = rest.deals;
        snapshot.documents = rest.documents;
        snapshot.tasks = rest.tasks;
        snapshot.requests = rest.requests;
        snapshot.damaged.extend(rest.damaged);
        snapshot.audit = audit;
        snapshot.chain = chain;
        snapshot.complete = true;
        Ok(())
    }

    /// A trail written before the audit hash covered each change's digest (what export format
    /// version 1 calls its hashing) is verified as it was hashed, up to the sealed head, then
    /// hashed anew and stored, once. A trail that verifies neither way is left as it is (and
    /// reported); so is one whose rewrite fails (it is tried again at the next unlock).
    /// Returns whether the trail was upgraded (and so verifies).
    async fn upgrade_trail(&self, audit: &mut Vec<AuditEvent>) -> bool {
        let (head, head_rev) = {
            let inner = self.inner.borrow();
            (
                (inner.head_rev > 0).then(|| inner.head.clone()),
                inner.head_rev,
            )
        };
        let mut upgraded = audit.clone();
        let Ok(new_head) = audit::rehash_v1(&mut upgraded) else {
            return false;
        };
        if audit.is_empty() || head.is_some_and(|h| audit.last().map(AuditEvent::head) != Some(h)) {
            return false;
        }
        let changed: BTreeMap<u64, AuditEvent> =
            upgraded.iter().map(|e| (e.seq, e.clone())).collect();
        let sealed = resealed_items(&self.key, audit, &self.inner.borrow().blocks, &changed);
        let Ok(rewrite_audit) = sealed else {
            return false;
        };
        let Ok((head_record, expect)) =
            sealed_head(&self.key, head_rev, new_head.clone(), Utc::now())
        else {
            return false;
        };
        let batch = Batch {
            puts: vec![(head_record, expect)],
            rewrite_audit,
            ..Batch::default()
        };
        if self.repo.commit(batch).await.is_err() {
            return false;
        }
        *audit = upgraded;
        let mut inner = self.inner.borrow_mut();
        inner.head = new_head;
        inner.head_rev = head_rev + 1;
        true
    }

    /// Decrypts one record into the snapshot (or lists it as damaged).
    fn open_into(
        &self,
        sealed: &SealedRecord,
        snapshot: &mut VaultSnapshot,
        head: &mut Option<StoredRecord<ChainHead>>,
    ) {
        let damaged = || Damaged {
            kind: sealed.kind.clone(),
            id: sealed.id.clone(),
        };
        let opened = match sealed.kind.as_str() {
            KIND_PROFILE => open_record(&self.key, sealed).map(|r| snapshot.profile = Some(r)),
            KIND_CONTACT => open_record::<Contact>(&self.key, sealed).map(|r| {
                snapshot.contacts.insert(r.id.clone(), r);
            }),
            KIND_ACTIVITY => open_record::<Activity>(&self.key, sealed).map(|r| {
                snapshot.activities.insert(r.id.clone(), r);
            }),
            KIND_ORGANISATION => open_record::<Organisation>(&self.key, sealed).map(|r| {
                snapshot.organisations.insert(r.id.clone(), r);
            }),
            KIND_PURPOSE => open_record::<Purpose>(&self.key, sealed).map(|r| {
                snapshot.purposes.insert(r.id.clone(), r);
            }),
            KIND_CONSENT => open_record::<ConsentRecord>(&self.key, sealed).map(|r| {
                snapshot.consents.insert(r.id.clone(), r);
            }),
            KIND_LIMIT => open_record::<Limit>(&self.key, sealed).map(|r| {
                snapshot.limits.insert(r.id.clone(), r);
            }),
            KIND_PIPELINE => open_record(&self.key, sealed).map(|r| snapshot.pipeline = Some(r)),
            KIND_DEAL => open_record::<Deal>(&self.key, sealed).map(|r| {
                snapshot.deals.insert(r.id.clone(), r);
            }),
            KIND_DOCUMENT => open_record::<Document>(&self.key, sealed).map(|r| {
                snapshot.documents.insert(r.id.clone(), r);
            }),
            KIND_TASK => open_record::<Task>(&self.key, sealed).map(|r| {
                snapshot.tasks.insert(r.id.clone(), r);
            }),
            KIND_REQUEST => open_record::<SubjectRequest>(&self.key, sealed).map(|r| {
                snapshot.requests.insert(r.id.clone(), r);
            }),
            KIND_AUDIT_HEAD => open_record(&self.key, sealed).map(|r| *head = Some(r)),
            // Kinds of a newer Folio: kept untouched, but checked to open.
            _ => open_record::<serde_json::Value>(&self.key, sealed).map(|_| ()),
        };
        if opened.is_err() {
            snapshot.damaged.push(damaged());
        }
    }

    /// Saves the controller's details: validate → audit event → seal → one transaction → state.
    pub async fn save_profile(
        &self,
        draft: &ProfileDraft,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let profile = draft.validate().map_err(AppError::Invalid)?;
        let previous = self.inner.borrow().snapshot.profile.clone();
        let (record, expect, action, changes) = Self::next_revision(
            previous.as_ref(),
            KIND_PROFILE,
            profile,
            ControllerProfile::fields,
            now,
        )?;
        let sealed = seal_record(&self.key, &record)?;
        self.commit_action(
            vec![(sealed, expect)],
            vec![],
            Entry {
                action,
                kind: KIND_PROFILE,
                id: &record.id,
                changes,
            },
            now,
        )
        .await?;
        self.inner.borrow_mut().snapshot.profile = Some(record);
        Ok(())
    }

    /// Commits one user action: the records it writes and deletes, plus its audit event (and the
    /// moved chain head), in one transaction. Everything is sealed before the transaction opens.
    async fn commit_action(
        &self,
        puts: Vec<(SealedRecord, Expect)>,
        deletes: Vec<(String, Expect)>,
        entry: Entry<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        self.commit_batch(
            Batch {
                puts,
                deletes,
                ..Batch::default()
            },
            entry,
            now,
        )
        .await
    }

    /// `commit_action` for a batch that also rewrites audit events (an erasure).
    async fn commit_batch(
        &self,
        batch: Batch,
        entry: Entry<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let (sealed_event, head_record, head_expect, event) = {
            let inner = self.inner.borrow();
            let event = AuditEvent::next(
                &inner.head,
                now,
                entry.action,
                entry.kind,
                entry.id,
                entry.changes,
            );
            let (sealed_event, head_record, head_expect) =
                chain_step(&self.key, inner.head_rev, event.clone(), now)?;
            (sealed_event, head_record, head_expect, event)
        };
        let mut batch = batch;
        batch.puts.push((head_record, head_expect));
        batch.audit = vec![sealed_event];
        self.repo.commit(batch).await?;
        let mut inner = self.inner.borrow_mut();
        inner.head = event.head();
        inner.head_rev += 1;
        inner.snapshot.audit.push(event);
        Ok(())
    }

    /// Builds the next revision of a record (or its first), with what changed field by field.
    fn next_revision<T: Clone>(
        previous: Option<&StoredRecord<T>>,
        kind: &str,
        data: T,
        fields: fn(&T) -> FieldValues,
        now: DateTime<Utc>,
    ) -> Result<(StoredRecord<T>, Expect, Action, Vec<FieldChange>), AppError> {
        Ok(match previous {
            None => {
                let id = Id::new().map_err(|_| VaultError::NoRandomness)?.to_string();
                let changes = audit::diff(&[], &fields(&data));
                let record = StoredRecord {
                    id,
                    kind: kind.to_string(),
                    rev: 1,
                    created_at: now,
                    updated_at: now,
                    data,
                };
                (record, Expect::Absent, Action::Create, changes)
            }
            Some(p) => {
                let changes = audit::diff(&fields(&p.data), &fields(&data));
                (
                    p.revised(data, now),
                    Expect::Rev(p.rev),
                    Action::Update,
                    changes,
                )
            }
        })
    }

    /// Creates (`id` None) or updates one record of the snapshot's `map`, audited. Returns its id.
    async fn save_record<T: Clone + Serialize>(
        &self,
        map: fn(&mut VaultSnapshot) -> &mut BTreeMap<String, StoredRecord<T>>,
        kind: &str,
        id: Option<&str>,
        data: T,
        fields: fn(&T) -> FieldValues,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let previous = match id {
            None => None,
            Some(id) => Some(
                map(&mut self.inner.borrow_mut().snapshot)
                    .get(id)
                    .cloned()
                    .ok_or_else(|| AppError::NotFound(id.to_string()))?,
            ),
        };
        let (record, expect, action, changes) =
            Self::next_revision(previous.as_ref(), kind, data, fields, now)?;
        if action == Action::Update && changes.is_empty() {
            return Ok(record.id);
        }
        let sealed = seal_record(&self.key, &record)?;
        let entry = Entry {
            action,
            kind,
            id: &record.id,
            changes,
        };
        self.commit_action(vec![(sealed, expect)], vec![], entry, now)
            .await?;
        let id = record.id.clone();
        map(&mut self.inner.borrow_mut().snapshot).insert(id.clone(), record);
        Ok(id)
    }

    /// Creates (`id` None) or updates a contact. Returns its id.
    pub async fn save_contact(
        &self,
        id: Option<&str>,
        draft: &ContactDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let mut contact = draft.validate().map_err(AppError::Invalid)?;
        // What the form does not show stays as it was: the restriction, the merge links and the
        // erasure mark.
        if let Some(stored) =
            id.and_then(|id| self.inner.borrow().snapshot.contacts.get(id).cloned())
        {
            contact.restricted = stored.data.restricted;
            contact.merged_from = stored.data.merged_from;
            contact.erased_on = stored.data.erased_on;
        }
        if let Some(org) = &contact.organisation_id {
            if !self.inner.borrow().snapshot.organisations.contains_key(org) {
                return Err(AppError::NotFound(org.clone()));
            }
        }
        self.save_record(
            |s| &mut s.contacts,
            KIND_CONTACT,
            id,
            contact,
            Contact::fields,
            now,
        )
        .await
    }

    /// Creates (`id` None) or updates an organisation. Returns its id.
    pub async fn save_organisation(
        &self,
        id: Option<&str>,
        draft: &OrganisationDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let organisation = draft.validate().map_err(AppError::Invalid)?;
        self.save_record(
            |s| &mut s.organisations,
            KIND_ORGANISATION,
            id,
            organisation,
            Organisation::fields,
            now,
        )
        .await
    }

    /// Deletes an organisation that no contact belongs to any more.
    pub async fn delete_organisation(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let (organisation, people) = {
            let inner = self.inner.borrow();
            let organisation = inner
                .snapshot
                .organisations
                .get(id)
                .cloned()
                .ok_or_else(|| AppError::NotFound(id.to_string()))?;
            let people = inner
                .snapshot
                .contacts
                .values()
                .filter(|c| c.data.organisation_id.as_deref() == Some(id))
                .count();
            (organisation, people)
        };
        if people > 0 {
            return Err(AppError::InUse(people));
        }
        let (documents, deals) = {
            let inner = self.inner.borrow();
            let documents = inner
                .snapshot
                .documents
                .values()
                .filter(|d| d.data.organisation_id.as_deref() == Some(id))
                .count();
            // Deals stay, without the organisation.
            let deals = next_revisions(&inner.snapshot.deals, now, |d| {
                (d.organisation_id.as_deref() == Some(id)).then(|| {
                    let mut d = d.clone();
                    d.organisation_id = None;
                    d
                })
            });
            (documents, deals)
        };
        if documents > 0 {
            return Err(AppError::Documents(documents));
        }
        let entry = Entry {
            action: Action::Delete,
            kind: KIND_ORGANISATION,
            id,
            changes: audit::diff(&organisation.data.fields(), &[]),
        };
        self.commit_action(
            self.seal_revisions(&deals)?,
            vec![(id.to_string(), Expect::Rev(organisation.rev))],
            entry,
            now,
        )
        .await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.organisations.remove(id);
        for d in deals {
            inner.snapshot.deals.insert(d.id.clone(), d);
        }
        Ok(())
    }

    /// Merges contact `other_id` into `keep_id`: the chosen value per field, combined lists, the
    /// other's activities moved over, the other deleted; one transaction and one audit event.
    /// The history of both stays in the audit log (the kept contact lists the merged id).
    pub async fn merge_contacts(
        &self,
        keep_id: &str,
        other_id: &str,
        choose: impl Fn(&str) -> Side,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let (keep, other, moved, consents, limits) = {
            let inner = self.inner.borrow();
            let find = |id: &str| {
                inner
                    .snapshot
                    .contacts
                    .get(id)
                    .cloned()
                    .ok_or_else(|| AppError::NotFound(id.to_string()))
            };
            let keep = find(keep_id)?;
            let other = find(other_id)?;
            if keep_id == other_id {
                return Err(AppError::NotFound(other_id.to_string()));
            }
            let moved: Vec<StoredRecord<Activity>> = inner
                .snapshot
                .activities
                .values()
                .filter(|a| a.data.contact_id == other_id)
                .cloned()
                .collect();
            let consents: Vec<StoredRecord<ConsentRecord>> = inner
                .snapshot
                .consents
                .values()
                .filter(|c| c.data.contact_id == other_id)
                .cloned()
                .collect();
            let limits: Vec<StoredRecord<Limit>> = inner
                .snapshot
                .limits
                .values()
                .filter(|l| l.data.contact_id == other_id)
                .cloned()
                .collect();
            (keep, other, moved, consents, limits)
        };
        let merged = contact_rules::merge(&keep.data, keep_id, &other.data, other_id, choose);
        let mut changes = audit::diff(&keep.data.fields(), &merged.fields());
        changes.push(FieldChange::new(
            "merged_from",
            None,
            Some(format!("{other_id} ({})", other.data.display_name())),
        ));
        let kept = StoredRecord {
            rev: keep.rev + 1,
            updated_at: now,
            data: merged,
            ..keep.clone()
        };
        let moved: Vec<StoredRecord<Activity>> = moved
            .into_iter()
            .map(|a| StoredRecord {
                rev: a.rev + 1,
                updated_at: now,
                data: Activity {
                    contact_id: keep_id.to_string(),
                    ..a.data.clone()
                },
                ..a
            })
            .collect();
        let consents: Vec<StoredRecord<ConsentRecord>> = consents
            .into_iter()
            .map(|c| StoredRecord {
                rev: c.rev + 1,
                updated_at: now,
                data: c.data.moved_to(keep_id),
                ..c
            })
            .collect();
        let limits: Vec<StoredRecord<Limit>> = limits
            .into_iter()
            .map(|l| StoredRecord {
                rev: l.rev + 1,
                updated_at: now,
                data: Limit {
                    contact_id: keep_id.to_string(),
                    ..l.data.clone()
                },
                ..l
            })
            .collect();
        let (deals, documents, tasks, requests) = {
            let inner = self.inner.borrow();
            let s = &inner.snapshot;
            let relink = |ids: &Vec<String>| {
                let mut seen = std::collections::HashSet::new();
                ids.iter()
                    .map(|c| {
                        if c == other_id {
                            keep_id.to_string()
                        } else {
                            c.clone()
                        }
                    })
                    .filter(|c| seen.insert(c.clone()))
                    .collect::<Vec<_>>()
            };
            let deals = next_revisions(&s.deals, now, |d| {
                d.contact_ids
                    .iter()
                    .any(|c| c == other_id)
                    .then(|| d.relinked(other_id, keep_id))
            });
            let documents = next_revisions(&s.documents, now, |d| {
                d.contact_ids
                    .iter()
                    .any(|c| c == other_id)
                    .then(|| Document {
                        contact_ids: relink(&d.contact_ids),
                        ..d.clone()
                    })
            });
            let tasks = next_revisions(&s.tasks, now, |t| {
                (t.contact_id.as_deref() == Some(other_id)).then(|| Task {
                    contact_id: Some(keep_id.to_string()),
                    ..t.clone()
                })
            });
            let requests = next_revisions(&s.requests, now, |r| {
                (r.contact_id.as_deref() == Some(other_id)).then(|| SubjectRequest {
                    contact_id: Some(keep_id.to_string()),
                    ..r.clone()
                })
            });
            (deals, documents, tasks, requests)
        };
        let mut puts = vec![(seal_record(&self.key, &kept)?, Expect::Rev(keep.rev))];
        puts.extend(self.seal_revisions(&deals)?);
        puts.extend(self.seal_revisions(&documents)?);
        puts.extend(self.seal_revisions(&tasks)?);
        puts.extend(self.seal_revisions(&requests)?);
        for a in &moved {
            puts.push((seal_record(&self.key, a)?, Expect::Rev(a.rev - 1)));
        }
        for c in &consents {
            puts.push((seal_record(&self.key, c)?, Expect::Rev(c.rev - 1)));
        }
        for l in &limits {
            puts.push((seal_record(&self.key, l)?, Expect::Rev(l.rev - 1)));
        }
        let entry = Entry {
            action: Action::Merge,
            kind: KIND_CONTACT,
            id: keep_id,
            changes,
        };
        self.commit_action(
            puts,
            vec![(other_id.to_string(), Expect::Rev(other.rev))],
            entry,
            now,
        )
        .await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.contacts.remove(other_id);
        inner.snapshot.contacts.insert(keep_id.to_string(), kept);
        for a in moved {
            inner.snapshot.activities.insert(a.id.clone(), a);
        }
        for c in consents {
            inner.snapshot.consents.insert(c.id.clone(), c);
        }
        for l in limits {
            inner.snapshot.limits.insert(l.id.clone(), l);
        }
        for d in deals {
            inner.snapshot.deals.insert(d.id.clone(), d);
        }
        for d in documents {
            inner.snapshot.documents.insert(d.id.clone(), d);
        }
        for t in tasks {
            inner.snapshot.tasks.insert(t.id.clone(), t);
        }
        for r in requests {
            inner.snapshot.requests.insert(r.id.clone(), r);
        }
        Ok(())
    }

    /// Creates (`id` None) or updates a purpose of the register; retiring is an update.
    pub async fn save_purpose(
        &self,
        id: Option<&str>,
        draft: &PurposeDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let purpose = draft.validate().map_err(AppError::Invalid)?;
        self.save_record(
            |s| &mut s.purposes,
            KIND_PURPOSE,
            id,
            purpose,
            Purpose::fields,
            now,
        )
        .await
    }

    /// Deletes a purpose no consent refers to (otherwise it can only be retired).
    pub async fn delete_purpose(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let (purpose, used) = {
            let inner = self.inner.borrow();
            let purpose = inner
                .snapshot
                .purposes
                .get(id)
                .cloned()
                .ok_or_else(|| AppError::NotFound(id.to_string()))?;
            let used = inner
                .snapshot
                .consents
                .values()
                .filter(|c| c.data.purpose_id == id)
                .count();
            (purpose, used)
        };
        if used > 0 {
            return Err(AppError::InUse(used));
        }
        let entry = Entry {
            action: Action::Delete,
            kind: KIND_PURPOSE,
            id,
            changes: audit::diff(&purpose.data.fields(), &[]),
        };
        self.commit_action(
            vec![],
            vec![(id.to_string(), Expect::Rev(purpose.rev))],
            entry,
            now,
        )
        .await?;
        self.inner.borrow_mut().snapshot.purposes.remove(id);
        Ok(())
    }

    /// Saves the pipeline (renamed or reordered stages); every stage a deal is in must remain.
    pub async fn save_pipeline(
        &self,
        pipeline: Pipeline,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        pipeline.check()?;
        let mut names = std::collections::HashSet::new();
        if pipeline
            .stages
            .iter()
            .any(|s| s.name.trim().is_empty() || !names.insert(s.name.trim().to_lowercase()))
        {
            return Err(DealError::BadName.into());
        }
        let previous = {
            let inner = self.inner.borrow();
            if let Some(d) = inner
                .snapshot
                .deals
                .values()
                .find(|d| pipeline.stage(d.data.stage_id()).is_none())
            {
                return Err(DealError::NoSuchStage(d.data.stage_id().to_string()).into());
            }
            inner.snapshot.pipeline.clone()
        };
        let (record, expect, action, changes) = Self::next_revision(
            previous.as_ref(),
            KIND_PIPELINE,
            pipeline,
            Pipeline::fields,
            now,
        )?;
        if action == Action::Update && changes.is_empty() {
            return Ok(());
        }
        let sealed = seal_record(&self.key, &record)?;
        let entry = Entry {
            action,
            kind: KIND_PIPELINE,
            id: &record.id,
            changes,
        };
        self.commit_action(vec![(sealed, expect)], vec![], entry, now)
            .await?;
        self.inner.borrow_mut().snapshot.pipeline = Some(record);
        Ok(())
    }

    /// Checks that the contacts, organisation and deal a record points at exist.
    fn check_links<'a>(
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

    /// Creates (`id` None) or updates a deal; a changed stage is a move kept in its history.
    pub async fn save_deal(
        &self,
        id: Option<&str>,
        draft: &DealDraft,
        decimal_separator: char,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let (pipeline, previous) = {
            let inner = self.inner.borrow();
            let previous = match id {
                None => None,
                Some(id) => Some(
                    inner
                        .snapshot
                        .deals
                        .get(id)
                        .map(|d| d.data.clone())
                        .ok_or_else(|| AppError::NotFound(id.to_string()))?,
                ),
            };
            (inner.snapshot.pipeline(), previous)
        };
        let deal = draft
            .validate(&pipeline, previous.as_ref(), decimal_separator, now)
            .map_err(AppError::Invalid)?;
        self.check_links(&deal.contact_ids, deal.organisation_id.as_ref(), None)?;
        self.save_record(|s| &mut s.deals, KIND_DEAL, id, deal, Deal::fields, now)
            .await
    }

    /// Moves a deal to another stage (the board's drag, keyboard and stage menu).
    pub async fn move_deal(
        &self,
        id: &str,
        stage: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let (pipeline, mut deal) = {
            let inner = self.inner.borrow();
            let deal = inner
                .snapshot
                .deals
                .get(id)
                .map(|d| d.data.clone())
                .ok_or_else(|| AppError::NotFound(id.to_string()))?;
            (inner.snapshot.pipeline(), deal)
        };
        deal.move_to(&pipeline, stage, now)?;
        self.save_record(
            |s| &mut s.deals,
            KIND_DEAL,
            Some(id),
            deal,
            Deal::fields,
            now,
        )
        .await
        .map(|_| ())
    }

    /// Deletes a deal no document refers to (documents must be kept), with its follow-ups; its
    /// activities stay on their contacts' timelines, unlinked.
    pub async fn delete_deal(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let (deal, documents, tasks, activities) = {
            let inner = self.inner.borrow();
            let s = &inner.snapshot;
            let deal = s
                .deals
                .get(id)
                .cloned()
                .ok_or_else(|| AppError::NotFound(id.to_string()))?;
            let documents = s
                .documents
                .values()
                .filter(|d| d.data.deal_id.as_deref() == Some(id))
                .count();
            let tasks: Vec<(String, u64)> = s
                .tasks
                .values()
                .filter(|t| t.data.deal_id.as_deref() == Some(id))
                .map(|t| (t.id.clone(), t.rev))
                .collect();
            let activities = next_revisions(&s.activities, now, |a| {
                (a.deal_id.as_deref() == Some(id)).then(|| Activity {
                    deal_id: None,
                    ..a.clone()
                })
            });
            (deal, documents, tasks, activities)
        };
        if documents > 0 {
            return Err(AppError::Documents(documents));
        }
        let mut deletes = vec![(id.to_string(), Expect::Rev(deal.rev))];
        deletes.extend(tasks.iter().map(|(t, rev)| (t.clone(), Expect::Rev(*rev))));
        let puts = self.seal_revisions(&activities)?;
        let entry = Entry {
            action: Action::Delete,
            kind: KIND_DEAL,
            id,
            changes: audit::diff(&deal.data.fields(), &[]),
        };
        self.commit_action(puts, deletes, entry, now).await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.deals.remove(id);
        for (t, _) in tasks {
            inner.snapshot.tasks.remove(&t);
        }
        for a in activities {
            inner.snapshot.activities.insert(a.id.clone(), a);
        }
        Ok(())
    }

    /// Creates (`id` None) or updates a document reference. On a deal with no contacts or
    /// organisation of its own, it concerns the deal's.
    pub async fn save_document(
        &self,
        id: Option<&str>,
        draft: &DocumentDraft,
        decimal_separator: char,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let mut document = draft
            .validate(decimal_separator)
            .map_err(AppError::Invalid)?;
        self.check_links(
            &document.contact_ids,
            document.organisation_id.as_ref(),
            document.deal_id.as_ref(),
        )?;
        if let Some(deal) = document
            .deal_id
            .as_ref()
            .and_then(|d| self.inner.borrow().snapshot.deals.get(d).cloned())
        {
            if document.contact_ids.is_empty() && document.organisation_id.is_none() {
                document.contact_ids = deal.data.contact_ids.clone();
                document.organisation_id = deal.data.organisation_id.clone();
            }
        }
        self.save_record(
            |s| &mut s.documents,
            KIND_DOCUMENT,
            id,
            document,
            Document::fields,
            now,
        )
        .await
    }

    pub async fn delete_document(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        self.delete_record(
            |s| &mut s.documents,
            KIND_DOCUMENT,
            id,
            Document::fields,
            now,
        )
        .await
    }

    /// Creates (`id` None) or updates a follow-up; `to_utc` reads the local due time.
    pub async fn save_task(
        &self,
        id: Option<&str>,
        draft: &TaskDraft,
        to_utc: impl Fn(chrono::NaiveDateTime) -> Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let done = id
            .and_then(|id| {
                self.inner
                    .borrow()
                    .snapshot
                    .tasks
                    .get(id)
                    .map(|t| t.data.done)
            })
            .unwrap_or(false);
        let task = draft.validate(done, to_utc).map_err(AppError::Invalid)?;
        self.check_links(&task.contact_id, None, task.deal_id.as_ref())?;
        self.check_not_restricted(task.contact_id.as_ref())?;
        self.save_record(|s| &mut s.tasks, KIND_TASK, id, task, Task::fields, now)
            .await
    }

    /// Marks a follow-up done or not done.
    pub async fn set_task_done(
        &self,
        id: &str,
        done: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut task = self
            .inner
            .borrow()
            .snapshot
            .tasks
            .get(id)
            .map(|t| t.data.clone())
            .ok_or_else(|| AppError::NotFound(id.to_string()))?;
        task.done = done;
        self.save_record(
            |s| &mut s.tasks,
            KIND_TASK,
            Some(id),
            task,
            Task::fields,
            now,
        )
        .await
        .map(|_| ())
    }

    pub async fn delete_task(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        self.delete_record(|s| &mut s.tasks, KIND_TASK, id, Task::fields, now)
            .await
    }

    /// Registers a data subject request (received on a date, due a month later).
    pub async fn create_request(
        &self,
        draft: &RequestDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let mut request = draft.validate(now).map_err(AppError::Invalid)?;
        self.check_links(&request.contact_id, None, None)?;
        if request.subject.is_empty() {
            // The register keeps who asked even if the contact is deleted later.
            if let Some(c) = request
                .contact_id
                .as_ref()
                .and_then(|c| self.inner.borrow().snapshot.contacts.get(c).cloned())
            {
                request.subject = c.data.display_name();
            }
        }
        self.save_record(
            |s| &mut s.requests,
            KIND_REQUEST,
            None,
            request,
            SubjectRequest::fields,
            now,
        )
        .await
    }

    /// Changes a request by one of its rules (extend, add a step, close), audited.
    pub async fn change_request(
        &self,
        id: &str,
        change: impl FnOnce(&mut SubjectRequest) -> Result<(), RequestError>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut request = self
            .inner
            .borrow()
            .snapshot
            .requests
            .get(id)
            .map(|r| r.data.clone())
            .ok_or_else(|| AppError::NotFound(id.to_string()))?;
        change(&mut request)?;
        self.save_record(
            |s| &mut s.requests,
            KIND_REQUEST,
            Some(id),
            request,
            SubjectRequest::fields,
            now,
        )
        .await
        .map(|_| ())
    }

    /// Deletes one record of the snapshot's `map` on its own, audited.
    async fn delete_record<T: Clone>(
        &self,
        map: fn(&mut VaultSnapshot) -> &mut BTreeMap<String, StoredRecord<T>>,
        kind: &str,
        id: &str,
        fields: fn(&T) -> FieldValues,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let record = map(&mut self.inner.borrow_mut().snapshot)
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(id.to_string()))?;
        let entry = Entry {
            action: Action::Delete,
            kind,
            id,
            changes: audit::diff(&fields(&record.data), &[]),
        };
        self.commit_action(
            vec![],
            vec![(id.to_string(), Expect::Rev(record.rev))],
            entry,
            now,
        )
        .await?;
        map(&mut self.inner.borrow_mut().snapshot).remove(id);
        Ok(())
    }

    /// Seals next revisions made by `next_revisions`, each expecting the revision before it.
    fn seal_revisions<T: Serialize>(
        &self,
        records: &[StoredRecord<T>],
    ) -> Result<Vec<(SealedRecord, Expect)>, AppError> {
        records
            .iter()
            .map(|r| Ok((seal_record(&self.key, r)?, Expect::Rev(r.rev - 1))))
            .collect()
    }

    /// Records a consent (given or refused) of an existing contact to an active purpose.
    pub async fn create_consent(
        &self,
        draft: &ConsentDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let record = draft.validate(now).map_err(AppError::Invalid)?;
        self.check_not_restricted(Some(&record.contact_id))?;
        {
            let inner = self.inner.borrow();
            if !inner.snapshot.contacts.contains_key(&record.contact_id) {
                return Err(AppError::NotFound(record.contact_id.clone()));
            }
            match inner.snapshot.purposes.get(&record.purpose_id) {
                Some(p) if !p.data.retired => {}
                _ => return Err(AppError::NotFound(record.purpose_id.clone())),
            }
        }
        self.save_record(
            |s| &mut s.consents,
            KIND_CONSENT,
            None,
            record,
            ConsentRecord::fields,
            now,
        )
        .await
    }

    /// Appends an event (withdrawn, renewed, given again…) to a consent. The only way a consent
    /// changes; the stored record must extend the previous one.
    pub async fn append_consent_event(
        &self,
        id: &str,
        kind: EventKind,
        how: &str,
        now: DateTime<Utc>,
        local_day: impl Fn(DateTime<Utc>) -> chrono::NaiveDate,
    ) -> Result<(), AppError> {
        let previous = self
            .inner
            .borrow()
            .snapshot
            .consents
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(id.to_string()))?;
        let mut record = previous.data.clone();
        record.append(
            ConsentEvent {
                kind,
                at: now,
                how: how.trim().to_string(),
            },
            local_day,
        )?;
        record.extends(&previous.data)?;
        self.save_record(
            |s| &mut s.consents,
            KIND_CONSENT,
            Some(id),
            record,
            ConsentRecord::fields,
            now,
        )
        .await
        .map(|_| ())
    }

    /// Records an objection (Art. 21, to one purpose or all) or a restriction (Art. 18).
    pub async fn add_limit(
        &self,
        contact_id: &str,
        kind: LimitKind,
        purpose_id: Option<String>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        if !self
            .inner
            .borrow()
            .snapshot
            .contacts
            .contains_key(contact_id)
        {
            return Err(AppError::NotFound(contact_id.to_string()));
        }
        let limit =
            Limit::new(contact_id, kind, purpose_id, now, reason).map_err(AppError::Invalid)?;
        self.save_record(
            |s| &mut s.limits,
            KIND_LIMIT,
            None,
            limit,
            Limit::fields,
            now,
        )
        .await
    }

    /// Ends an objection or a restriction (kept, with when it ended).
    pub async fn lift_limit(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let mut limit = self
            .inner
            .borrow()
            .snapshot
            .limits
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(id.to_string()))?
            .data;
        limit.lifted = Some(now);
        self.save_record(
            |s| &mut s.limits,
            KIND_LIMIT,
            Some(id),
            limit,
            Limit::fields,
            now,
        )
        .await
        .map(|_| ())
    }

    /// Creates many contacts at once (an import or generated sample data): validated like any
    /// other, each with its own audit event, `per_transaction` records and events per IndexedDB
    /// transaction (never one transaction per record). Returns the new ids in order.
    pub async fn create_contacts_in_bulk(
        &self,
        drafts: &[ContactDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let mut contacts = Vec::with_capacity(drafts.len());
        {
            let inner = self.inner.borrow();
            for draft in drafts {
                let contact = draft.validate().map_err(AppError::Invalid)?;
                if let Some(org) = &contact.organisation_id {
                    if !inner.snapshot.organisations.contains_key(org) {
                        return Err(AppError::NotFound(org.clone()));
                    }
                }
                contacts.push(contact);
            }
        }
        self.create_in_bulk(
            |s| &mut s.contacts,
            KIND_CONTACT,
            contacts,
            Contact::fields,
            per_transaction,
            now,
        )
        .await
    }

    /// Creates many organisations at once, like `create_contacts_in_bulk`.
    pub async fn create_organisations_in_bulk(
        &self,
        drafts: &[OrganisationDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let organisations = drafts
            .iter()
            .map(|d| d.validate().map_err(AppError::Invalid))
            .collect::<Result<Vec<_>, _>>()?;
        self.create_in_bulk(
            |s| &mut s.organisations,
            KIND_ORGANISATION,
            organisations,
            Organisation::fields,
            per_transaction,
            now,
        )
        .await
    }

    /// Creates many activities at once, like `create_contacts_in_bulk`; each contact must exist.
    pub async fn create_activities_in_bulk(
        &self,
        drafts: &[ActivityDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let mut activities = Vec::with_capacity(drafts.len());
        {
            let inner = self.inner.borrow();
            for draft in drafts {
                let activity = draft.validate().map_err(AppError::Invalid)?;
                if !inner.snapshot.contacts.contains_key(&activity.contact_id) {
                    return Err(AppError::NotFound(activity.contact_id.clone()));
                }
                activities.push(activity);
            }
        }
        self.create_in_bulk(
            |s| &mut s.activities,
            KIND_ACTIVITY,
            activities,
            Activity::fields,
            per_transaction,
            now,
        )
        .await
    }

    /// Creates many purposes at once, like `create_contacts_in_bulk`.
    pub async fn create_purposes_in_bulk(
        &self,
        drafts: &[PurposeDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let purposes = drafts
            .iter()
            .map(|d| d.validate().map_err(AppError::Invalid))
            .collect::<Result<Vec<_>, _>>()?;
        self.create_in_bulk(
            |s| &mut s.purposes,
            KIND_PURPOSE,
            purposes,
            Purpose::fields,
            per_transaction,
            now,
        )
        .await
    }

    /// Records many consents at once (each given or refused at `at`), like
    /// `create_contacts_in_bulk`; each contact and active purpose must exist.
    /// Creates many deals at once (generated sample data), each audited, in batches; the
    /// contacts and organisation each points at must exist. Returns the new ids in order.
    pub async fn create_deals_in_bulk(
        &self,
        deals: Vec<Deal>,
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        for d in &deals {
            self.check_links(&d.contact_ids, d.organisation_id.as_ref(), None)?;
        }
        self.create_in_bulk(
            |s| &mut s.deals,
            KIND_DEAL,
            deals,
            Deal::fields,
            per_transaction,
            now,
        )
        .await
    }

    /// Creates many document references at once, validated like the form's.
    pub async fn create_documents_in_bulk(
        &self,
        drafts: &[DocumentDraft],
        decimal_separator: char,
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let mut documents = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let d = draft
                .validate(decimal_separator)
                .map_err(AppError::Invalid)?;
            self.check_links(
                &d.contact_ids,
                d.organisation_id.as_ref(),
                d.deal_id.as_ref(),
            )?;
            documents.push(d);
        }
        self.create_in_bulk(
            |s| &mut s.documents,
            KIND_DOCUMENT,
            documents,
            Document::fields,
            per_transaction,
            now,
        )
        .await
    }

    pub async fn create_consents_in_bulk(
        &self,
        drafts: &[(ConsentDraft, DateTime<Utc>)],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let mut consents = Vec::with_capacity(drafts.len());
        {
            let inner = self.inner.borrow();
            for (draft, at) in drafts {
                let c = draft.validate(*at).map_err(AppError::Invalid)?;
                if !inner.snapshot.contacts.contains_key(&c.contact_id) {
                    return Err(AppError::NotFound(c.contact_id.clone()));
                }
                let active = inner.snapshot.purposes.get(&c.purpose_id);
                if active.is_none_or(|p| p.data.retired) {
                    return Err(AppError::NotFound(c.purpose_id.clone()));
                }
                consents.push(c);
            }
        }
        self.create_in_bulk(
            |s| &mut s.consents,
            KIND_CONSENT,
            consents,
            ConsentRecord::fields,
            per_transaction,
            now,
        )
        .await
    }

    /// The bulk path: each new record gets its own audit event; `per_transaction` of them and
    /// the moved chain head are committed together.
    async fn create_in_bulk<T: Clone + Serialize>(
        &self,
        map: fn(&mut VaultSnapshot) -> &mut BTreeMap<String, StoredRecord<T>>,
        kind: &str,
        items: Vec<T>,
        fields: fn(&T) -> FieldValues,
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        // One chunk's records, sealed with their events after `head`.
        let seal = |chunk: &[T], head: &ChainHead, head_rev: u64| {
            let mut records = Vec::with_capacity(chunk.len());
            let mut writes = Vec::with_capacity(chunk.len());
            for item in chunk {
                let (record, expect, action, changes) =
                    Self::next_revision(None, kind, item.clone(), fields, now)?;
                writes.push((seal_record(&self.key, &record)?, expect, action, changes));
                records.push(record);
            }
            let chained = self.chain_writes(writes, head, head_rev, now)?;
            Ok::<_, AppError>((chained, records))
        };
        let mut ids = Vec::with_capacity(items.len());
        let mut chunks = items.chunks(per_transaction.max(1));
        let mut next = {
            let inner = self.inner.borrow();
            chunks
                .next()
                .map(|chunk| seal(chunk, &inner.head, inner.head_rev))
                .transpose()?
        };
        while let Some((chained, records)) = next.take() {
            let (batch, written) = chained.into_parts();
            let following = chunks.next();
            // While the browser writes this chunk, the next one is sealed (its events follow
            // this chunk's): the two overlap instead of taking turns.
            let commit = self.repo.commit(batch);
            let seal_next = async {
                following
                    .map(|chunk| seal(chunk, &written.head, written.head_rev))
                    .transpose()
            };
            let (committed, sealed) = futures_util::future::join(commit, seal_next).await;
            committed?;
            self.extend_trail(written);
            {
                let mut inner = self.inner.borrow_mut();
                let map = map(&mut inner.snapshot);
                for record in records {
                    ids.push(record.id.clone());
                    map.insert(record.id.clone(), record);
                }
            }
            next = sealed?;
        }
        Ok(ids)
    }

    /// Commits new records, each with its own "create" audit event, and the moved chain head,
    /// in one transaction. The caller puts the records into the snapshot afterwards.
    async fn commit_creations(
        &self,
        creations: Vec<(SealedRecord, Vec<FieldChange>)>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let writes = creations
            .into_iter()
            .map(|(sealed, changes)| (sealed, Expect::Absent, Action::Create, changes))
            .collect();
        self.commit_writes(writes, now).await
    }

    /// Commits records written as `Expect` says, each with its own audit event (`Action` and
    /// changes), and the moved chain head, in one transaction. The caller puts the records
    /// into the snapshot afterwards.
    async fn commit_writes(
        &self,
        writes: Vec<(SealedRecord, Expect, Action, Vec<FieldChange>)>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let (batch, written) = {
            let inner = self.inner.borrow();
            self.chain_writes(writes, &inner.head, inner.head_rev, now)?
        }
        .into_parts();
        self.repo.commit(batch).await?;
        self.extend_trail(written);
        Ok(())
    }

    /// The batch that writes records as `Expect` says, each with its own audit event, after the
    /// chain head `head` (stored at revision `head_rev`), sealed and ready to commit.
    fn chain_writes(
        &self,
        writes: Vec<(SealedRecord, Expect, Action, Vec<FieldChange>)>,
        head: &ChainHead,
        head_rev: u64,
        now: DateTime<Utc>,
    ) -> Result<Chained, AppError> {
        let mut head = head.clone();
        let mut puts = Vec::with_capacity(writes.len() + 1);
        let mut events = Vec::with_capacity(writes.len());
        for (sealed, expect, action, changes) in writes {
            let event = AuditEvent::next(&head, now, action, &sealed.kind, &sealed.id, changes);
            head = event.head();
            events.push(event);
            puts.push((sealed, expect));
        }
        puts.push(sealed_head(&self.key, head_rev, head.clone(), now)?);
        let batch = Batch {
            puts,
            audit: seal_audit_items(&self.key, &events)?,
            ..Batch::default()
        };
        Ok(Chained {
            batch,
            events,
            head,
            head_rev: head_rev + 1,
        })
    }

    /// After a chained batch is committed: the trail, its head and its blocks as stored now.
    fn extend_trail(&self, written: Written) {
        let mut inner = self.inner.borrow_mut();
        inner.head = written.head;
        inner.head_rev = written.head_rev;
        inner.blocks.extend(written.blocks);
        inner.snapshot.audit.extend(written.events);
    }

    /// Creates a contact and records its consents (each to an active purpose) in one
    /// transaction: the "new inquiry" flow. Everything is checked before anything is written.
    pub async fn create_contact_with_consents(
        &self,
        draft: &ContactDraft,
        consents: &[ConsentDraft],
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let contact = draft.validate().map_err(AppError::Invalid)?;
        let (contact, _, _, contact_changes) =
            Self::next_revision(None, KIND_CONTACT, contact, Contact::fields, now)?;
        let mut records = Vec::with_capacity(consents.len());
        {
            let inner = self.inner.borrow();
            if let Some(org) = &contact.data.organisation_id {
                if !inner.snapshot.organisations.contains_key(org) {
                    return Err(AppError::NotFound(org.clone()));
                }
            }
            for c in consents {
                let c = ConsentDraft {
                    contact_id: contact.id.clone(),
                    ..c.clone()
                };
                let record = c.validate(now).map_err(AppError::Invalid)?;
                let active = inner.snapshot.purposes.get(&record.purpose_id);
                if active.is_none_or(|p| p.data.retired) {
                    return Err(AppError::NotFound(record.purpose_id.clone()));
                }
                records.push(Self::next_revision(
                    None,
                    KIND_CONSENT,
                    record,
                    ConsentRecord::fields,
                    now,
                )?);
            }
        }
        let mut creations = vec![(seal_record(&self.key, &contact)?, contact_changes)];
        for (record, _, _, changes) in &records {
            creations.push((seal_record(&self.key, record)?, changes.clone()));
        }
        self.commit_creations(creations, now).await?;
        let mut inner = self.inner.borrow_mut();
        let id = contact.id.clone();
        inner.snapshot.contacts.insert(id.clone(), contact);
        for (record, ..) in records {
            inner.snapshot.consents.insert(record.id.clone(), record);
        }
        Ok(id)
    }

    /// Deletes a contact with its activities, consents, limits and follow-ups in one
    /// transaction, audited; its deals stay without it. Refused while documents concern it.
    pub async fn delete_contact(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let (contact, activities) = {
            let inner = self.inner.borrow();
            let contact = inner
                .snapshot
                .contacts
                .get(id)
                .cloned()
                .ok_or_else(|| AppError::NotFound(id.to_string()))?;
            // Its activities, consents and objections or restrictions go with it.
            let activities: Vec<(String, u64)> = inner
                .snapshot
                .activities
                .values()
                .filter(|a| a.data.contact_id == id)
                .map(|a| (a.id.clone(), a.rev))
                .chain(
                    inner
                        .snapshot
                        .consents
                        .values()
                        .filter(|c| c.data.contact_id == id)
                        .map(|c| (c.id.clone(), c.rev)),
                )
                .chain(
                    inner
                        .snapshot
                        .limits
                        .values()
                        .filter(|l| l.data.contact_id == id)
                        .map(|l| (l.id.clone(), l.rev)),
                )
                .chain(
                    inner
                        .snapshot
                        .tasks
                        .values()
                        .filter(|t| t.data.contact_id.as_deref() == Some(id))
                        .map(|t| (t.id.clone(), t.rev)),
                )
                .collect();
            // Documents must be kept (erasure decides what happens then): they block deletion.
            let documents = inner
                .snapshot
                .documents
                .values()
                .filter(|d| d.data.contact_ids.iter().any(|c| c == id))
                .count();
            if documents > 0 {
                return Err(AppError::Documents(documents));
            }
            (contact, activities)
        };
        // Deals stay, without this contact; the requests register keeps who asked, by name.
        let (deals, requests) = {
            let inner = self.inner.borrow();
            let deals = next_revisions(&inner.snapshot.deals, now, |d| {
                d.contact_ids.iter().any(|c| c == id).then(|| {
                    let mut d = d.clone();
                    d.contact_ids.retain(|c| c != id);
                    d
                })
            });
            let requests = next_revisions(&inner.snapshot.requests, now, |r| {
                (r.contact_id.as_deref() == Some(id)).then(|| SubjectRequest {
                    contact_id: None,
                    ..r.clone()
                })
            });
            (deals, requests)
        };
        let mut puts = self.seal_revisions(&deals)?;
        puts.extend(self.seal_revisions(&requests)?);
        let mut deletes = vec![(id.to_string(), Expect::Rev(contact.rev))];
        deletes.extend(
            activities
                .iter()
                .map(|(a, rev)| (a.clone(), Expect::Rev(*rev))),
        );
        let changes = audit::diff(&contact.data.fields(), &[]);
        let entry = Entry {
            action: Action::Delete,
            kind: KIND_CONTACT,
            id,
            changes,
        };
        self.commit_action(puts, deletes, entry, now).await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.contacts.remove(id);
        for (a, _) in activities {
            inner.snapshot.activities.remove(&a);
            inner.snapshot.consents.remove(&a);
            inner.snapshot.limits.remove(&a);
            inner.snapshot.tasks.remove(&a);
        }
        for d in deals {
            inner.snapshot.deals.insert(d.id.clone(), d);
        }
        for r in requests {
            inner.snapshot.requests.insert(r.id.clone(), r);
        }
        Ok(())
    }

    /// Refuses new processing of a person whose processing is restricted (Art. 18): no new
    /// activities, consents or follow-ups (storage of what exists, and erasure, stay possible).
    fn check_not_restricted(&self, contact_id: Option<&String>) -> Result<(), AppError> {
        let inner = self.inner.borrow();
        match contact_id.and_then(|c| inner.snapshot.contacts.get(c)) {
            Some(c) if c.data.restricted => Err(AppError::Restricted),
            _ => Ok(()),
        }
    }

    /// What erasing a contact on `today` would delete, keep and why (nothing is changed).
    pub fn erasure_plan(&self, id: &str, today: NaiveDate) -> Result<erasure::Plan, AppError> {
        plan_erasure(&self.inner.borrow().snapshot, id, today)
    }

    /// Erases a contact (Art. 17) in one transaction, as `erasure_plan` said: deletes what may
    /// go; while documents must be kept, leaves only what they need, restricted (Art. 18); takes
    /// the values out of the history of everything erased (the audit chain still verifies);
    /// logs the erasure in the requests register with `outcome`. Returns the plan carried out.
    pub async fn erase_contact(
        &self,
        id: &str,
        outcome: &str,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<erasure::Plan, AppError> {
        let plan = self.erasure_plan(id, today)?;
        let fresh_id = Id::new().map_err(|_| VaultError::NoRandomness)?.to_string();
        let (batch, changes, update) = {
            let inner = self.inner.borrow();
            let s = &inner.snapshot;
            let contact = s.contacts[id].clone();
            fn revise<T: Clone>(
                map: &BTreeMap<String, StoredRecord<T>>,
                ids: &[String],
                now: DateTime<Utc>,
                change: impl Fn(&T) -> T,
            ) -> Vec<StoredRecord<T>> {
                ids.iter()
                    .filter_map(|id| map.get(id))
                    .map(|r| r.revised(change(&r.data), now))
                    .collect()
            }
            fn gone<T>(
                map: &BTreeMap<String, StoredRecord<T>>,
                ids: &[String],
            ) -> Vec<(String, Expect)> {
                ids.iter()
                    .filter_map(|id| map.get(id))
                    .map(|r| (r.id.clone(), Expect::Rev(r.rev)))
                    .collect()
            }
            let unlink = |ids: &mut Vec<String>| ids.retain(|c| c != id);
            let deals = revise(&s.deals, &plan.deals, now, |d| {
                let mut d = d.clone();
                unlink(&mut d.contact_ids);
                d
            });
            let documents = revise(&s.documents, &plan.documents_unlinked, now, |d| {
                let mut d = d.clone();
                unlink(&mut d.contact_ids);
                d
            });
            // The register: the person's open erasure request is closed by this erasure; any
            // other entry about them keeps only a reference unless the contact stays.
            let open = plan.requests.iter().find_map(|r| {
                s.requests.get(r).filter(|r| {
                    r.data.kind == RequestKind::Erasure && r.data.status == RequestStatus::Open
                })
            });
            let name = contact.data.display_name();
            let mut requests = revise(&s.requests, &plan.requests, now, |r| {
                erasure::pseudonymised_request(r, &plan)
            });
            let logged = match open {
                Some(r) => {
                    let logged =
                        erasure::logged_request(Some(&r.data), &plan, &name, outcome, today);
                    let record = r.revised(logged, now);
                    requests.retain(|x| x.id != record.id);
                    (record, Expect::Rev(r.rev))
                }
                None => (
                    StoredRecord {
                        id: fresh_id,
                        kind: KIND_REQUEST.to_string(),
                        rev: 1,
                        created_at: now,
                        updated_at: now,
                        data: erasure::logged_request(None, &plan, &name, outcome, today),
                    },
                    Expect::Absent,
                ),
            };
            let kept = plan
                .keeps_contact()
                .then(|| contact.revised(erasure::remainder(&contact.data, today), now));
            let mut puts = self.seal_revisions(&deals)?;
            puts.extend(self.seal_revisions(&documents)?);
            puts.extend(self.seal_revisions(&requests)?);
            puts.push((seal_record(&self.key, &logged.0)?, logged.1));
            if let Some(kept) = &kept {
                puts.push((seal_record(&self.key, kept)?, Expect::Rev(contact.rev)));
            }
            let mut deletes = gone(&s.activities, &plan.activities);
            deletes.extend(gone(&s.consents, &plan.consents));
            deletes.extend(gone(&s.limits, &plan.limits));
            deletes.extend(gone(&s.tasks, &plan.tasks));
            deletes.extend(gone(&s.documents, &plan.documents_deleted));
            if kept.is_none() {
                deletes.push((id.to_string(), Expect::Rev(contact.rev)));
            }
            // The history of everything erased keeps who/what/when, not the values.
            let erased: Vec<(usize, AuditEvent)> = s
                .audit
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.action != Action::Erase
                        && e.has_values()
                        && plan.history.contains(&e.entity_id)
                })
                .map(|(i, e)| {
                    let mut e = e.clone();
                    e.erase_values();
                    (i, e)
                })
                .collect();
            let changed: BTreeMap<u64, AuditEvent> =
                erased.iter().map(|(_, e)| (e.seq, e.clone())).collect();
            let rewrite_audit = resealed_items(&self.key, &s.audit, &inner.blocks, &changed)?;
            // The erasure's own event: counts and dates, nothing about the person.
            let count = |field: &str, n: usize| {
                (n > 0).then(|| FieldChange::new(field, None, Some(n.to_string())))
            };
            let changes: Vec<FieldChange> = [
                count("deleted_activities", plan.activities.len()),
                count("deleted_consents", plan.consents.len()),
                count("deleted_limits", plan.limits.len()),
                count("deleted_tasks", plan.tasks.len()),
                count("deleted_documents", plan.documents_deleted.len()),
                count("unlinked_documents", plan.documents_unlinked.len()),
                count("unlinked_deals", plan.deals.len()),
                count("erased_history_events", erased.len()),
                plan.keep_until()
                    .map(|d| FieldChange::new("restricted_until", None, Some(d.to_string()))),
                Some(FieldChange::new("request", None, Some(logged.0.id.clone()))),
            ]
            .into_iter()
            .flatten()
            .collect();
            let batch = Batch {
                puts,
                deletes,
                rewrite_audit,
                ..Batch::default()
            };
            (
                batch,
                changes,
                (deals, documents, requests, logged.0, kept, erased),
            )
        };
        let entry = Entry {
            action: Action::Erase,
            kind: KIND_CONTACT,
            id,
            changes,
        };
        self.commit_batch(batch, entry, now).await?;
        let (deals, documents, requests, logged, kept, erased) = update;
        let mut inner = self.inner.borrow_mut();
        let s = &mut inner.snapshot;
        plan.activities
            .iter()
            .for_each(|g| _ = s.activities.remove(g));
        plan.consents.iter().for_each(|g| _ = s.consents.remove(g));
        plan.limits.iter().for_each(|g| _ = s.limits.remove(g));
        plan.tasks.iter().for_each(|g| _ = s.tasks.remove(g));
        plan.documents_deleted
            .iter()
            .for_each(|g| _ = s.documents.remove(g));
        for d in deals {
            s.deals.insert(d.id.clone(), d);
        }
        for d in documents {
            s.documents.insert(d.id.clone(), d);
        }
        for r in requests.into_iter().chain([logged]) {
            s.requests.insert(r.id.clone(), r);
        }
        match kept {
            Some(c) => {
                s.contacts.insert(c.id.clone(), c);
            }
            None => {
                s.contacts.remove(id);
            }
        }
        for (i, e) in erased {
            s.audit[i] = e;
        }
        Ok(plan)
    }

    /// Creates (`id` None) or updates an activity on a contact's timeline. Returns its id.
    pub async fn save_activity(
        &self,
        id: Option<&str>,
        draft: &ActivityDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let activity = draft.validate().map_err(AppError::Invalid)?;
        self.check_links(None, None, activity.deal_id.as_ref())?;
        self.check_not_restricted(Some(&activity.contact_id))?;
        if !self
            .inner
            .borrow()
            .snapshot
            .contacts
            .contains_key(&activity.contact_id)
        {
            return Err(AppError::NotFound(activity.contact_id.clone()));
        }
        self.save_record(
            |s| &mut s.activities,
            KIND_ACTIVITY,
            id,
            activity,
            Activity::fields,
            now,
        )
        .await
    }

    pub async fn delete_activity(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let activity = self
            .inner
            .borrow()
            .snapshot
            .activities
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(id.to_string()))?;
        let changes = audit::diff(&activity.data.fields(), &[]);
        let entry = Entry {
            action: Action::Delete,
            kind: KIND_ACTIVITY,
            id,
            changes,
        };
        self.commit_action(
            vec![],
            vec![(id.to_string(), Expect::Rev(activity.rev))],
            entry,
            now,
        )
        .await?;
        self.inner.borrow_mut().snapshot.activities.remove(id);
        Ok(())
    }

    /// Re-wraps the data key under a new passphrase; the header and its audit event commit together.
    pub async fn change_passphrase(
        &self,
        current: &Passphrase,
        new: &Passphrase,
        kdf: KdfParams,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let (header, sealed_event, head_record, head_expect, event) = {
            let inner = self.inner.borrow();
            // The current passphrase must be right, even though the vault is unlocked.
            inner.header.unlock(current)?;
            let header = inner.header.rewrap(&self.key, new, kdf)?;
            let event = AuditEvent::next(
                &inner.head,
                now,
                Action::PassphraseChanged,
                "vault",
                "passphrase",
                vec![],
            );
            let (sealed_event, head_record, head_expect) =
                chain_step(&self.key, inner.head_rev, event.clone(), now)?;
            (header, sealed_event, head_record, head_expect, event)
        };
        self.repo
            .commit(Batch {
                puts: vec![(head_record, head_expect)],
                audit: vec![sealed_event],
                meta: vec![(HEADER_KEY.to_string(), header.to_json())],
                ..Batch::default()
            })
            .await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.kdf = Some(header.kdf.clone());
        inner.header = header;
        inner.head = event.head();
        inner.head_rev += 1;
        inner.snapshot.audit.push(event);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryRepository;
    use chrono::TimeZone;
    use futures_executor::block_on;

    fn fast() -> KdfParams {
        KdfParams::with_cost(256, 1, 1).unwrap()
    }

    /// A new vault and `n` generated contact drafts (seeded) to write into it.
    fn vault_and_drafts(
        seed: u64,
        n: usize,
    ) -> (
        MemoryRepository,
        UnlockedVault<MemoryRepository>,
        Vec<ContactDraft>,
    ) {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let mut generator = crate::app::generator::Generator::new(seed, t(0));
        let drafts = (0..n).map(|i| generator.contact(i, None)).collect();
        (repo, vault, drafts)
    }

    fn t(n: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_790_000_000 + n, 0).unwrap()
    }

    fn pass() -> Passphrase {
        Passphrase::new("correct horse battery staple")
    }

    fn draft(name: &str) -> ProfileDraft {
        ProfileDraft {
            name: name.into(),
            email: "jana@novakova.cz".into(),
            ..ProfileDraft::default()
        }
    }

    #[test]
    fn create_then_unlock_restores_everything() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana Nováková"), t(1))).unwrap();
        drop(vault);
        let vault = block_on(unlock(repo.clone(), &pass())).unwrap();
        let s = vault.snapshot();
        assert_eq!(s.profile.unwrap().data.name, "Jana Nováková");
        assert_eq!(s.audit.len(), 2);
        assert_eq!(s.chain, None);
        assert!(s.damaged.is_empty());
    }

    #[test]
    fn a_second_vault_is_refused() {
        let repo = MemoryRepository::new();
        block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        assert!(matches!(
            block_on(create_vault(repo, &pass(), fast(), t(0))),
            Err(AppError::VaultExists)
        ));
    }

    #[test]
    fn wrong_passphrase_changes_nothing() {
        let repo = MemoryRepository::new();
        block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let before = (repo.raw_records(), repo.raw_audit());
        assert!(matches!(
            block_on(unlock(repo.clone(), &Passphrase::new("not the passphrase"))),
            Err(AppError::Vault(VaultError::WrongPassphrase))
        ));
        assert_eq!((repo.raw_records(), repo.raw_audit()), before);
    }

    #[test]
    fn record_and_audit_event_are_written_together() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
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
        assert_eq!(vault.snapshot().profile.unwrap().data.name, "Jana");
        let reopened = block_on(unlock(repo, &pass())).unwrap();
        assert_eq!(reopened.snapshot().profile.unwrap().data.name, "Jana");
        assert_eq!(reopened.snapshot().chain, None);
    }

    #[test]
    fn updates_are_audited_field_by_field() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        block_on(vault.save_profile(&draft("Jana Nováková"), t(2))).unwrap();
        let s = vault.snapshot();
        let last = s.audit.last().unwrap();
        assert_eq!(last.action, Action::Update);
        assert_eq!(last.changes.len(), 1);
        assert_eq!(last.changes[0].field, "name");
        assert_eq!(last.changes[0].before.as_deref(), Some("Jana"));
        assert_eq!(last.changes[0].after.as_deref(), Some("Jana Nováková"));
        assert_eq!(s.profile.unwrap().rev, 2);
    }

    #[test]
    fn invalid_input_is_refused_before_anything_is_written() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let bad = ProfileDraft {
            name: "".into(),
            ..ProfileDraft::default()
        };
        assert!(matches!(
            block_on(vault.save_profile(&bad, t(1))),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(repo.raw_audit_event_count(), 1);
    }

    #[test]
    fn a_stale_write_from_another_session_is_refused() {
        let repo = MemoryRepository::new();
        let a = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
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
        assert_eq!(fresh.snapshot().profile.unwrap().data.name, "From tab B");
        assert_eq!(fresh.snapshot().chain, None);
    }

    #[test]
    fn damaged_records_are_reported_and_the_rest_opens() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        let mut profile = repo
            .raw_records()
            .into_iter()
            .find(|r| r.kind == KIND_PROFILE)
            .unwrap();
        profile.ciphertext[3] ^= 0x01;
        repo.raw_put(profile.clone());
        let reopened = block_on(unlock(repo.clone(), &pass())).unwrap();
        let s = reopened.snapshot();
        assert_eq!(s.profile, None, "a damaged record is never shown");
        assert_eq!(
            s.damaged,
            vec![Damaged {
                kind: KIND_PROFILE.into(),
                id: profile.id.clone()
            }]
        );
        assert_eq!(s.audit.len(), 2, "the rest of the vault opened");
    }

    #[test]
    fn a_record_moved_onto_another_id_does_not_open() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        let mut copy = repo
            .raw_records()
            .into_iter()
            .find(|r| r.kind == KIND_PROFILE)
            .unwrap();
        copy.id = "00000000-0000-4000-8000-000000000000".into();
        repo.raw_put(copy.clone());
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.damaged.iter().any(|d| d.id == copy.id));
    }

    #[test]
    fn a_trail_hashed_the_old_way_is_upgraded_once_on_unlock() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        block_on(vault.save_profile(&draft("Jana N."), t(2))).unwrap();
        // Re-seal the stored trail and head as builds before the digest hashing wrote them.
        let mut head = ChainHead::genesis();
        for sealed in repo.raw_audit() {
            let [mut e] = open_audit(&vault.key, &sealed).unwrap().try_into().unwrap();
            e.prev_hash = head.hash.clone();
            e.hash = e.compute_hash_v1();
            head = e.head();
            repo.raw_put_audit(seal_audit(&vault.key, &e).unwrap());
        }
        let head_rev = vault.inner.borrow().head_rev;
        let (record, _) = sealed_head(&vault.key, head_rev - 1, head, t(2)).unwrap();
        repo.raw_put(record);
        let reopened = block_on(unlock(repo.clone(), &pass())).unwrap();
        let s = reopened.snapshot();
        assert_eq!(s.chain, None, "upgraded, and it verifies");
        assert_eq!(s.audit.len(), 3);
        block_on(reopened.save_profile(&draft("Jana Nováková"), t(3))).unwrap();
        let again = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(again.chain, None);
        assert_eq!(again.audit.len(), 4);
        // An old-style trail that was tampered with is not upgraded: it still fails.
        let mut events: Vec<AuditEvent> = repo
            .raw_audit()
            .iter()
            .flat_map(|e| open_audit(&vault.key, e).unwrap())
            .collect();
        events[1].changes[0].after = Some("forged".into());
        repo.raw_put_audit(seal_audit(&vault.key, &events[1]).unwrap());
        let forged = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(forged.chain, Some(ChainError::Altered(2)));
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
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
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
        let v2 = block_on(create_vault(repo2.clone(), &pass(), fast(), t(0))).unwrap();
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

    fn contact(given: &str, family: &str) -> ContactDraft {
        ContactDraft {
            given_name: given.into(),
            family_name: family.into(),
            emails: "work: jana@firma.cz".into(),
            tags: "klient".into(),
            ..ContactDraft::default()
        }
    }

    #[test]
    fn contacts_and_activities_round_trip_with_their_history() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let id = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let mut edited = contact("Jana", "Nováková");
        edited.phones = "601 234 567".into();
        block_on(vault.save_contact(Some(&id), &edited, t(2))).unwrap();
        // Saving without a change writes nothing.
        block_on(vault.save_contact(Some(&id), &edited, t(3))).unwrap();
        let activity = ActivityDraft {
            contact_id: id.clone(),
            kind: crate::domain::activity::ActivityKind::Call,
            at: Some(t(4)),
            subject: "Offer".into(),
            body: String::new(),
            deal_id: None,
        };
        let activity_id = block_on(vault.save_activity(None, &activity, t(4))).unwrap();

        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(s.contacts[&id].data.phones[0].value, "601 234 567");
        assert_eq!(s.contacts[&id].rev, 2);
        assert_eq!(s.activities[&activity_id].data.subject, "Offer");
        assert_eq!(s.chain, None);
        let history: Vec<&AuditEvent> = s.audit.iter().filter(|e| e.entity_id == id).collect();
        assert_eq!(history.len(), 2);
        assert_eq!(history[1].action, Action::Update);
        assert_eq!(
            history[1].changes.len(),
            1,
            "only the changed field: {:?}",
            history[1].changes
        );
        assert_eq!(history[1].changes[0].field, "phone");
    }

    #[test]
    fn unlock_shows_contacts_first_and_the_rest_after_pauses() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let counts = crate::app::generator::Counts {
            organisations: 3,
            contacts: 30,
            activities: 4_500,
            consents: 0,
            deals: 0,
        };
        block_on(crate::app::generator::populate(&vault, 1, counts, t(1))).unwrap();
        let full = vault.snapshot();
        drop(vault);

        let header = block_on(read_header(&repo)).unwrap();
        let key = header.unlock(&pass()).unwrap();
        let vault = block_on(open_first(repo.clone(), header, key)).unwrap();
        let first = vault.snapshot();
        assert!(!first.complete && !vault.is_complete());
        assert_eq!(first.contacts, full.contacts);
        assert_eq!(first.organisations, full.organisations);
        assert!(first.activities.is_empty() && first.audit.is_empty());

        // A pause that says "locked" stops loading; nothing half-loaded is shown as complete.
        let stopped = block_on(vault.load_rest(|| async { false }));
        assert!(stopped.is_err());
        assert!(!vault.is_complete());

        let mut pauses = 0;
        block_on(vault.load_rest(|| {
            pauses += 1;
            async { true }
        }))
        .unwrap();
        // 4,500 activities and 4,534 audit events, 2,000 per chunk: 3 + 3 pauses.
        assert_eq!(pauses, 6);
        let rest = vault.snapshot();
        assert!(rest.complete);
        assert_eq!(rest.activities, full.activities);
        assert_eq!(rest.audit, full.audit);
        assert_eq!(rest.chain, None);
        // Writes after loading extend the chain that was read.
        let id = block_on(vault.save_contact(None, &contact("Eva", "Nová"), t(2))).unwrap();
        let again = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(again.chain, None);
        assert!(again.contacts.contains_key(&id));
        assert_eq!(again.audit.len(), full.audit.len() + 1);
    }

    #[test]
    fn consents_only_grow_and_purposes_in_use_are_kept() {
        use crate::domain::consent::State;
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let contact_id =
            block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let purpose = PurposeDraft {
            name: "Newsletter".into(),
            basis: "consent".into(),
            data_categories: "name, e-mail".into(),
            retention: "until withdrawn".into(),
            ..PurposeDraft::default()
        };
        let purpose_id = block_on(vault.save_purpose(None, &purpose, t(2))).unwrap();
        let draft = ConsentDraft {
            contact_id: contact_id.clone(),
            purpose_id: purpose_id.clone(),
            notice: "Privacy notice 2026".into(),
            method: "email".into(),
            answer: "given".into(),
            how: "replied yes".into(),
            ..ConsentDraft::default()
        };
        let consent_id = block_on(vault.create_consent(&draft, t(3))).unwrap();
        let day = |at: DateTime<Utc>| at.date_naive();
        block_on(vault.append_consent_event(
            &consent_id,
            EventKind::Withdrawn,
            "by phone",
            t(4),
            day,
        ))
        .unwrap();
        // Withdrawing twice is refused and changes nothing.
        assert!(matches!(
            block_on(vault.append_consent_event(&consent_id, EventKind::Withdrawn, "", t(5), day)),
            Err(AppError::Consent(_))
        ));
        assert_eq!(
            block_on(vault.delete_purpose(&purpose_id, t(6))),
            Err(AppError::InUse(1))
        );
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(s.purposes[&purpose_id].data.name, "Newsletter");
        let c = &s.consents[&consent_id];
        assert_eq!(c.rev, 2);
        assert_eq!(c.data.events().len(), 2);
        assert!(matches!(
            c.data.state(t(5).date_naive(), day),
            State::Withdrawn { .. }
        ));
        // A retired purpose takes no new consent.
        let mut retired = purpose.clone();
        retired.retired = true;
        block_on(vault.save_purpose(Some(&purpose_id), &retired, t(7))).unwrap();
        assert!(matches!(
            block_on(vault.create_consent(&draft, t(8))),
            Err(AppError::NotFound(_))
        ));
        // Objection, lifted; the contact's deletion takes its consents and limits along.
        let limit_id = block_on(vault.add_limit(
            &contact_id,
            LimitKind::Objection,
            None,
            "no more mail",
            t(9),
        ))
        .unwrap();
        block_on(vault.lift_limit(&limit_id, t(10))).unwrap();
        assert_eq!(vault.snapshot().limits[&limit_id].data.lifted, Some(t(10)));
        block_on(vault.delete_contact(&contact_id, t(11))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.consents.is_empty() && s.limits.is_empty());
        assert_eq!(s.chain, None);
    }

    #[test]
    fn a_contact_and_its_consents_are_created_in_one_step() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let purpose = PurposeDraft {
            name: "Newsletter".into(),
            basis: "consent".into(),
            data_categories: "name, e-mail".into(),
            retention: "until withdrawn".into(),
            ..PurposeDraft::default()
        };
        let purpose_id = block_on(vault.save_purpose(None, &purpose, t(1))).unwrap();
        let draft = ConsentDraft {
            purpose_id,
            notice: "Privacy notice 2026".into(),
            method: "web_form".into(),
            answer: "given".into(),
            ..ConsentDraft::default()
        };
        // Together, or not at all.
        let bad = ConsentDraft {
            notice: String::new(),
            ..draft.clone()
        };
        let before = vault.snapshot();
        assert!(matches!(
            block_on(vault.create_contact_with_consents(
                &contact("Eva", "Malá"),
                &[draft.clone(), bad],
                t(6)
            )),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(vault.snapshot(), before);
        assert_eq!(repo.raw_audit_event_count(), before.audit.len());
        let eva = block_on(vault.create_contact_with_consents(
            &contact("Eva", "Malá"),
            std::slice::from_ref(&draft),
            t(6),
        ))
        .unwrap();
        let s = vault.snapshot();
        assert!(s.consents.values().any(|c| c.data.contact_id == eva));
        assert_eq!(s.audit.len(), before.audit.len() + 2);
        assert_eq!(repo.raw_audit_event_count(), s.audit.len());
        assert_eq!(
            block_on(unlock(repo, &pass())).unwrap().snapshot().chain,
            None
        );
    }

    #[test]
    fn deleting_a_contact_takes_its_activities_in_one_step() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let id = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let other = block_on(vault.save_contact(None, &contact("Petr", "Svoboda"), t(1))).unwrap();
        for (who, n) in [(&id, 1), (&other, 2)] {
            let draft = ActivityDraft {
                contact_id: who.to_string(),
                kind: crate::domain::activity::ActivityKind::Note,
                at: Some(t(n)),
                subject: format!("note {n}"),
                body: String::new(),
                deal_id: None,
            };
            block_on(vault.save_activity(None, &draft, t(n))).unwrap();
        }
        block_on(vault.delete_contact(&id, t(5))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(!s.contacts.contains_key(&id));
        assert_eq!(s.activities.len(), 1);
        assert!(s.activities.values().all(|a| a.data.contact_id == other));
        assert_eq!(s.audit.last().unwrap().action, Action::Delete);
        assert_eq!(s.chain, None);
        assert!(matches!(
            block_on(vault.delete_contact(&id, t(6))),
            Err(AppError::NotFound(_))
        ));
    }

    #[test]
    fn merging_keeps_both_histories_and_all_activities() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let keep = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let other_draft = ContactDraft {
            role: "CEO".into(),
            emails: "jana@jinde.cz".into(),
            ..contact("Jana", "Novákova")
        };
        let other = block_on(vault.save_contact(None, &other_draft, t(2))).unwrap();
        for (who, n) in [(&keep, 3), (&other, 4)] {
            let draft = ActivityDraft {
                contact_id: who.to_string(),
                kind: crate::domain::activity::ActivityKind::Call,
                at: Some(t(n)),
                subject: format!("call {n}"),
                body: String::new(),
                deal_id: None,
            };
            block_on(vault.save_activity(None, &draft, t(n))).unwrap();
        }
        block_on(vault.merge_contacts(
            &keep,
            &other,
            |f| if f == "role" { Side::Other } else { Side::Keep },
            t(5),
        ))
        .unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(s.contacts.len(), 1);
        let kept = &s.contacts[&keep];
        assert_eq!(kept.data.family_name, "Nováková");
        assert_eq!(kept.data.role, "CEO");
        assert_eq!(kept.data.emails.len(), 2);
        assert_eq!(kept.data.merged_from, vec![other.clone()]);
        assert_eq!(s.activities.len(), 2);
        assert!(s.activities.values().all(|a| a.data.contact_id == keep));
        let last = s.audit.last().unwrap();
        assert_eq!(last.action, Action::Merge);
        assert!(last.changes.iter().any(|c| c.field == "merged_from"));
        // Both contacts' earlier history is still there.
        assert!(s
            .audit
            .iter()
            .any(|e| e.entity_id == other && e.action == Action::Create));
        assert!(s
            .audit
            .iter()
            .any(|e| e.entity_id == keep && e.action == Action::Create));
        assert_eq!(s.chain, None);
    }

    #[test]
    fn bulk_creation_batches_records_and_keeps_the_chain() {
        let (repo, vault, drafts) = vault_and_drafts(1, 250);
        let ids = block_on(vault.create_contacts_in_bulk(&drafts, 100, t(1))).unwrap();
        assert_eq!(ids.len(), 250);
        // One more save after the bulk path still extends the same chain.
        block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(2))).unwrap();
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(s.contacts.len(), 251);
        assert_eq!(s.audit.len(), 1 + 250 + 1);
        assert_eq!(s.chain, None);
        // An invalid draft anywhere stops the whole import before anything is written.
        let mut bad = drafts.clone();
        bad[10].emails = "broken@".into();
        assert!(matches!(
            block_on(vault.create_contacts_in_bulk(&bad, 100, t(3))),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(repo.raw_audit_event_count(), 252);
        // The 250 creations' events are stored as 3 blocks (100, 100, 50), not 250 items; the
        // vault's first event and the single save's are stored alone.
        let items: Vec<(u64, u64)> = repo.raw_audit().iter().map(|i| (i.seq, i.last)).collect();
        assert_eq!(
            items,
            [(1, 1), (2, 101), (102, 201), (202, 251), (252, 252)]
        );
    }

    #[test]
    fn an_organisation_with_people_is_not_deleted() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let org = OrganisationDraft {
            name: "Firma s.r.o.".into(),
            ico: "27082440".into(),
            ..OrganisationDraft::default()
        };
        let org_id = block_on(vault.save_organisation(None, &org, t(1))).unwrap();
        let person = ContactDraft {
            organisation_id: Some(org_id.clone()),
            ..contact("Jana", "Nováková")
        };
        let person_id = block_on(vault.save_contact(None, &person, t(2))).unwrap();
        assert!(matches!(
            block_on(vault.delete_organisation(&org_id, t(3))),
            Err(AppError::InUse(1))
        ));
        // A contact cannot point at an organisation that does not exist.
        let stray = ContactDraft {
            organisation_id: Some("no-such-organisation".into()),
            ..contact("Petr", "Svoboda")
        };
        assert!(matches!(
            block_on(vault.save_contact(None, &stray, t(4))),
            Err(AppError::NotFound(_))
        ));
        let unlinked = ContactDraft {
            organisation_id: None,
            ..person
        };
        block_on(vault.save_contact(Some(&person_id), &unlinked, t(5))).unwrap();
        block_on(vault.delete_organisation(&org_id, t(6))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.organisations.is_empty());
        assert_eq!(s.contacts[&person_id].data.organisation_id, None);
        assert_eq!(s.chain, None);
    }

    #[test]
    fn an_invalid_contact_is_not_saved() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let bad = ContactDraft {
            emails: "jana@".into(),
            ..contact("Jana", "")
        };
        assert!(matches!(
            block_on(vault.save_contact(None, &bad, t(1))),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(repo.raw_audit_event_count(), 1);
        assert!(vault.snapshot().contacts.is_empty());
    }

    #[test]
    fn change_passphrase_rewraps_in_one_step() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        let new = Passphrase::new("another long passphrase");
        assert!(matches!(
            block_on(vault.change_passphrase(
                &Passphrase::new("wrong one entirely"),
                &new,
                fast(),
                t(2)
            )),
            Err(AppError::Vault(VaultError::WrongPassphrase))
        ));
        block_on(vault.change_passphrase(&pass(), &new, fast(), t(3))).unwrap();
        assert!(block_on(unlock(repo.clone(), &pass())).is_err());
        let reopened = block_on(unlock(repo, &new)).unwrap();
        let s = reopened.snapshot();
        assert_eq!(s.profile.unwrap().data.name, "Jana");
        assert_eq!(s.audit.last().unwrap().action, Action::PassphraseChanged);
        assert_eq!(s.chain, None);
    }

    fn utc_of(n: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
        Some(n.and_utc())
    }

    #[test]
    fn deals_move_with_history_and_documents_hold_their_contacts() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let jana = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let draft = DealDraft {
            title: "Tax audit".into(),
            stage: "lead".into(),
            value: "50 000".into(),
            currency: "CZK".into(),
            contact_ids: vec![jana.clone()],
            ..DealDraft::default()
        };
        let deal = block_on(vault.save_deal(None, &draft, ',', t(2))).unwrap();
        block_on(vault.move_deal(&deal, "proposal", t(3))).unwrap();
        assert!(matches!(
            block_on(vault.move_deal(&deal, "proposal", t(4))),
            Err(AppError::Deal(DealError::SameStage))
        ));
        // An invoice on the deal concerns the deal's contact: a hold that blocks deletion.
        let invoice = DocumentDraft {
            kind: "invoice".into(),
            number: "FV-1".into(),
            date: "2026-03-15".into(),
            deal_id: Some(deal.clone()),
            ..DocumentDraft::default()
        };
        let doc = block_on(vault.save_document(None, &invoice, ',', t(5))).unwrap();
        let follow_up = TaskDraft {
            title: "Send the offer".into(),
            due_date: "2026-12-01".into(),
            deal_id: Some(deal.clone()),
            contact_id: Some(jana.clone()),
            ..TaskDraft::default()
        };
        let task = block_on(vault.save_task(None, &follow_up, utc_of, t(6))).unwrap();
        block_on(vault.set_task_done(&task, true, t(7))).unwrap();
        assert!(matches!(
            block_on(vault.delete_contact(&jana, t(8))),
            Err(AppError::Documents(1))
        ));
        assert!(matches!(
            block_on(vault.delete_deal(&deal, t(8))),
            Err(AppError::Documents(1))
        ));

        // All of it survives a reload, and the audit trail holds the move.
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        let stored = &s.deals[&deal].data;
        let stages: Vec<&str> = stored
            .history()
            .iter()
            .map(|c| c.stage_id.as_str())
            .collect();
        assert_eq!(stages, vec!["lead", "proposal"]);
        assert_eq!(stored.value.as_ref().unwrap().minor, 5_000_000);
        assert_eq!(s.documents[&doc].data.contact_ids, vec![jana.clone()]);
        assert_eq!(
            s.documents[&doc].data.retain_until,
            chrono::NaiveDate::from_ymd_opt(2036, 12, 31)
        );
        assert!(s.tasks[&task].data.done);
        let moved = s
            .audit
            .iter()
            .find(|e| e.entity_id == deal && e.action == Action::Update)
            .unwrap();
        assert!(moved
            .changes
            .iter()
            .any(|c| c.field == "stage" && c.after.as_deref() == Some("proposal")));
        assert_eq!(s.chain, None);

        // Without the document, the deal goes with its follow-ups; the contact then too.
        block_on(vault.delete_document(&doc, t(9))).unwrap();
        block_on(vault.delete_deal(&deal, t(10))).unwrap();
        block_on(vault.delete_contact(&jana, t(11))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.deals.is_empty() && s.tasks.is_empty() && s.documents.is_empty());
        assert_eq!(s.chain, None);
    }

    #[test]
    fn merging_moves_deals_documents_and_follow_ups() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let keep = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let other = block_on(vault.save_contact(None, &contact("Jana", "Novákova"), t(1))).unwrap();
        let deal = DealDraft {
            title: "Payroll".into(),
            stage: "lead".into(),
            contact_ids: vec![keep.clone(), other.clone()],
            ..DealDraft::default()
        };
        let deal = block_on(vault.save_deal(None, &deal, ',', t(2))).unwrap();
        let contract = DocumentDraft {
            kind: "contract".into(),
            number: "SML-7".into(),
            date: "2026-01-01".into(),
            contact_ids: vec![other.clone()],
            ..DocumentDraft::default()
        };
        let doc = block_on(vault.save_document(None, &contract, ',', t(3))).unwrap();
        let call = TaskDraft {
            title: "Call".into(),
            due_date: "2026-12-01".into(),
            contact_id: Some(other.clone()),
            ..TaskDraft::default()
        };
        let task = block_on(vault.save_task(None, &call, utc_of, t(4))).unwrap();
        block_on(vault.merge_contacts(&keep, &other, |_| Side::Keep, t(5))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(s.deals[&deal].data.contact_ids, vec![keep.clone()]);
        assert_eq!(s.documents[&doc].data.contact_ids, vec![keep.clone()]);
        assert_eq!(
            s.tasks[&task].data.contact_id.as_deref(),
            Some(keep.as_str())
        );
        assert_eq!(s.chain, None);
    }

    #[test]
    fn a_renamed_pipeline_is_kept_and_must_stay_usable() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let mut pipeline = Pipeline::default();
        pipeline.rename("lead", "Poptávka").unwrap();
        pipeline.reorder("qualified", 1).unwrap();
        block_on(vault.save_pipeline(pipeline.clone(), t(1))).unwrap();
        let mut broken = pipeline.clone();
        broken.stages.retain(|s| s.id != "won");
        assert!(matches!(
            block_on(vault.save_pipeline(broken, t(2))),
            Err(AppError::Deal(DealError::Incomplete))
        ));
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(s.pipeline(), pipeline);
        assert_eq!(s.pipeline().stages[0].name, "Poptávka");
        assert_eq!(s.pipeline().stages[2].id, "qualified");
    }

    #[test]
    fn requests_are_registered_changed_by_their_rules_and_outlive_their_contact() {
        use crate::domain::request::{RequestDraft, RequestStatus};
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let jana = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let draft = RequestDraft {
            kind: "erasure".into(),
            contact_id: Some(jana.clone()),
            received: "2026-03-01".into(),
            ..RequestDraft::default()
        };
        let id = block_on(vault.create_request(&draft, t(2))).unwrap();
        assert_eq!(vault.snapshot().requests[&id].data.subject, "Jana Nováková");
        block_on(vault.change_request(&id, |r| r.extend("complex case"), t(3))).unwrap();
        assert!(matches!(
            block_on(vault.change_request(&id, |r| r.extend("again"), t(4))),
            Err(AppError::Request(RequestError::ExtendedAlready))
        ));
        block_on(vault.delete_contact(&jana, t(5))).unwrap();
        block_on(vault.change_request(
            &id,
            |r| {
                r.close(
                    RequestStatus::Done,
                    "erased",
                    chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
                )
            },
            t(6),
        ))
        .unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        let r = &s.requests[&id].data;
        assert_eq!(
            (r.contact_id.as_deref(), r.subject.as_str()),
            (None, "Jana Nováková")
        );
        assert_eq!(r.status, RequestStatus::Done);
        assert_eq!(
            r.due(),
            chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
        );
        assert_eq!(s.chain, None);
    }
}
