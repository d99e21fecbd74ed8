//! The open vault and its decrypted state: a record with its bookkeeping (`OpenRecord`), the
//! snapshot the screens read, and the unlocked vault that owns the sealer and the trail's head.

use super::kinds::RecordKind;
use super::ledger::{Finding, Ledger};
use crate::domain::activity::Activity;
use crate::domain::audit::{AuditEvent, ChainError, ChainHead, FieldName};
use crate::domain::consent::{ConsentRecord, Limit};
use crate::domain::contact::Contact;
use crate::domain::deal::{Deal, Pipeline};
use crate::domain::document::Document;
use crate::domain::organisation::Organisation;
use crate::domain::profile::ControllerProfile;
use crate::domain::purpose::Purpose;
use crate::domain::request::SubjectRequest;
use crate::domain::task::Task;
use crate::store::Repository;
use crate::vault::{KdfParams, Sealer, VaultHeader};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A record opened from its sealed form: its bookkeeping and its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenRecord<T> {
    pub id: String,
    /// The kind's name, one shared text (a vault holds some hundred thousand records).
    pub kind: FieldName,
    pub rev: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub data: T,
}

impl<T> OpenRecord<T> {
    /// The record's next revision, holding `data`, written at `now`.
    pub fn revised(&self, data: T, now: DateTime<Utc>) -> Self {
        OpenRecord {
            id: self.id.clone(),
            kind: self.kind.clone(),
            rev: self.rev + 1,
            created_at: self.created_at,
            updated_at: now,
            data,
        }
    }

    /// The same record (id, kind, revision, times) holding `data` instead.
    pub fn holding<U>(&self, data: U) -> OpenRecord<U> {
        OpenRecord {
            id: self.id.clone(),
            kind: self.kind.clone(),
            rev: self.rev,
            created_at: self.created_at,
            updated_at: self.updated_at,
            data,
        }
    }
}

/// The records of one kind, by id.
pub type Records<T> = BTreeMap<String, OpenRecord<T>>;

/// The data of the records of `map` with their ids, in id order (a page's list, before it is
/// sorted its own way).
pub fn listed<T: Clone>(map: &Records<T>) -> Vec<(String, T)> {
    map.iter()
        .map(|(id, r)| (id.clone(), r.data.clone()))
        .collect()
}

/// A stored item that could not be decrypted or read: reported, never shown as if it were fine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub kind: String,
    pub id: String,
}

/// Everything decrypted after unlock: what the screens show. Dropped on lock. Each record kind
/// has its map here (named by `kinds`); the controller's details and the pipeline are kinds
/// with at most one record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VaultSnapshot {
    pub profiles: Records<ControllerProfile>,
    pub contacts: Records<Contact>,
    pub activities: Records<Activity>,
    pub organisations: Records<Organisation>,
    pub purposes: Records<Purpose>,
    pub consents: Records<ConsentRecord>,
    pub limits: Records<Limit>,
    /// The user's pipeline; empty until they change the default.
    pub pipelines: Records<Pipeline>,
    pub deals: Records<Deal>,
    pub documents: Records<Document>,
    pub tasks: Records<Task>,
    pub requests: Records<SubjectRequest>,
    /// The do-not-contact list (at most one record).
    pub do_not_contact: Records<crate::domain::do_not_contact::DoNotContact>,
    /// The ids of erased people (at most one record).
    pub erased: Records<crate::domain::do_not_contact::ErasedPeople>,
    /// Published versions of the privacy notice.
    pub notices: Records<crate::domain::notice::NoticeVersion>,
    /// The breach register (Art. 33(5)).
    pub breaches: Records<crate::domain::breach::Breach>,
    /// The register of processors (#21).
    pub processors: Records<crate::domain::processor::Processor>,
    /// The "Shared with" log (#21).
    pub disclosures: Records<crate::domain::disclosure::Disclosure>,
    #[cfg(test)]
    pub probes: Records<super::kinds::probe::Probe>,
    /// Values two devices wrote differently, the ones not kept (#22; outside the list of kinds:
    /// sync's own, never exported).
    pub sync_conflicts: Records<super::sync_doc::SyncConflict>,
    /// The other devices' audit chains as received, piece by piece (#22; sync's own, never
    /// exported; this device's own trail is `audit`).
    pub peer_audit: Records<Vec<AuditEvent>>,
    pub audit: Vec<AuditEvent>,
    pub chain: Option<ChainError>,
    pub damaged: Vec<Damaged>,
    /// What unlocking found that storage does not hold as the vault recorded it (records
    /// deleted, rolled back, added…); empty when everything is accounted for.
    pub findings: Vec<Finding>,
    pub kdf: Option<KdfParams>,
    /// Which second factors protect the vault (security keys, the recovery code).
    pub protection: crate::vault::Protection,
    /// False between the first stage of loading (what the first screens need: profile,
    /// contacts, organisations) and the end of the second (activities, other kinds, the audit
    /// trail and its verification). Until then `chain` says nothing, and only writes that
    /// need no more than the records start (see `records_loaded`).
    pub complete: bool,
    /// True once every record is decrypted (the second stage's first half); the audit trail
    /// may still be being read and checked.
    pub records_loaded: bool,
}

impl VaultSnapshot {
    /// The pipeline in use: the user's, or the default one.
    pub fn pipeline(&self) -> Pipeline {
        self.pipelines
            .values()
            .next()
            .map(|p| p.data.clone())
            .unwrap_or_default()
    }

    /// The controller's details, once entered.
    pub fn profile(&self) -> Option<&OpenRecord<ControllerProfile>> {
        self.profiles.values().next()
    }

    /// The do-not-contact list (empty until something is put on it).
    pub fn do_not_contact_list(&self) -> crate::domain::do_not_contact::DoNotContact {
        self.do_not_contact
            .values()
            .next()
            .map(|r| r.data.clone())
            .unwrap_or_default()
    }

    /// What a contact objects to now, for exports that must mark them: "all purposes", or the
    /// purposes' names joined by " | " (empty: no objection).
    pub fn objections_text(&self, contact_id: &str, at: chrono::DateTime<chrono::Utc>) -> String {
        let mut names: Vec<String> = crate::domain::consent::objections(
            contact_id,
            self.limits.values().map(|l| &l.data),
            at,
        )
        .into_iter()
        .map(|p| match p {
            None => "all purposes".to_string(),
            Some(id) => self
                .purposes
                .get(id)
                .map_or_else(|| id.to_string(), |p| p.data.name.clone()),
        })
        .collect();
        names.sort();
        names.dedup();
        names.join(" | ")
    }

    /// The ids of the people erased in this vault.
    pub fn erased_people(&self) -> crate::domain::do_not_contact::ErasedPeople {
        self.erased
            .values()
            .next()
            .map(|r| r.data.clone())
            .unwrap_or_default()
    }

    /// The records of kind `K`.
    pub fn records<K: RecordKind>(&self) -> &Records<K> {
        K::records(self)
    }
}

/// The session of an unlocked vault: the sealer (its data key is wiped on drop) and the
/// decrypted state.
pub struct UnlockedVault<R: Repository> {
    pub(super) repo: R,
    pub(super) sealer: Sealer,
    pub(super) inner: RefCell<Inner>,
}

/// The stored items of the audit trail: first sequence number → (last, revision). An item
/// holds one event, or a block of consecutive ones.
pub(super) type AuditItems = BTreeMap<u64, (u64, u64)>;

/// A stored record as read, before it is opened: what the check after loading counts.
pub(super) struct Seen {
    pub kind: String,
    pub id: String,
    pub rev: u64,
    pub nonce: [u8; 12],
}

/// What an unlocked vault keeps beside its repository and sealer.
pub(super) struct Inner {
    pub(super) header: VaultHeader,
    /// The trail's newest event, and the revision its sealed record is stored at (0: none).
    pub(super) head: ChainHead,
    pub(super) head_rev: u64,
    /// What the vault holds as its sealed head recorded it, moved by every commit since.
    pub(super) ledger: Ledger,
    pub(super) snapshot: VaultSnapshot,
    /// Every stored item of the trail: what must be sealed anew when one of its events is.
    pub(super) items: AuditItems,
    /// How the head was found at unlock (the check after loading needs it).
    pub(super) head_state: HeadState,
    /// The records the first stage of loading read, for the check after loading.
    pub(super) first_seen: Vec<Seen>,
    /// A header sealed under stronger key-derivation parameters, to be written once loading is
    /// done (the vault's were below today's recommendation).
    pub(super) stronger_header: Option<VaultHeader>,
    /// Whether the trail is under today's erasure rules (what the sealed head says; see
    /// `Head::salted`).
    pub(super) salted: bool,
    /// What loading the records found, kept for the check once the trail is read.
    pub(super) loaded: Option<super::open::Loaded>,
    /// Whether writes may start once the records are loaded, before the trail is read (the
    /// stored trail ends at the sealed head and nothing is left to bring up to date).
    pub(super) early_writes: bool,
    /// The trail is being read and checked (after the records, before `complete`).
    pub(super) trail_loading: bool,
    /// Operations that need the whole trail, waiting for it.
    pub(super) trail_waiters: Vec<std::task::Waker>,
}

/// The sealed chain head as unlocking found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadState {
    /// It opens, with its ledger: the vault is checked against it.
    Current,
    /// It opens as a vault sealed before the ledger existed: brought up to date after loading.
    Legacy,
    Missing,
    Damaged,
}

impl Inner {
    pub(super) fn new(header: VaultHeader) -> Self {
        Inner {
            header,
            head: ChainHead::genesis(),
            head_rev: 0,
            ledger: Ledger::default(),
            snapshot: VaultSnapshot::default(),
            items: AuditItems::new(),
            head_state: HeadState::Current,
            first_seen: Vec::new(),
            stronger_header: None,
            salted: true,
            loaded: None,
            early_writes: false,
            trail_loading: false,
            trail_waiters: Vec::new(),
        }
    }
}

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

    /// Locks this vault: its key is wiped at once, so nothing under way can seal, open or
    /// commit any more (a write or import in progress stops before its transaction).
    pub fn close(&self) {
        self.sealer.close();
    }

    /// Whether both stages of loading are done (writes wait for it).
    pub fn is_complete(&self) -> bool {
        self.inner.borrow().snapshot.complete
    }

    /// Whether a write may start: everything is loaded, or the records are and the trail is
    /// still being read (writes append to it; what needs the whole trail waits for it).
    pub fn may_write(&self) -> bool {
        let inner = self.inner.borrow();
        inner.snapshot.complete || (inner.snapshot.records_loaded && inner.early_writes)
    }
}
