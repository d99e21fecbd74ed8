//! Storage: the `Repository` of sealed records, audit events and vault metadata, on IndexedDB
//! (rexie) in the browser and in memory for native tests; plus storage durability and the
//! one-writer lock. Must not import `vault`, `app` or `ui`: it stores bytes it cannot read.

pub mod durability;
pub mod indexed_db;
pub mod memory;
pub mod writer_lock;

pub use indexed_db::IdbRepository;
pub use memory::MemoryRepository;

/// Object store names. Every record, sealed, lives in `records`; audit events in `audit`;
/// the vault header (no secrets) and the schema version in `meta`.
pub const RECORDS: &str = "records";
pub const AUDIT: &str = "audit";
pub const META: &str = "meta";

/// A sealed record as stored. `kind` and `rev` are the only clear fields: they say what sort of
/// record it is and how often it was written, nothing personal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedRecord {
    pub id: String,
    pub kind: String,
    pub rev: u64,
    pub nonce: [u8; 12],
    pub ciphertext: Vec<u8>,
}

/// A sealed audit event, keyed by its sequence number; or a block of consecutive events sealed
/// together (`seq` to `last`), which a many-record action writes as one stored item instead of
/// one per event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedAuditEvent {
    pub seq: u64,
    /// The last sequence number it holds: `seq` for a single event.
    pub last: u64,
    /// How often the item was written: 1, and one more each time an erasure seals it anew.
    pub rev: u64,
    pub nonce: [u8; 12],
    pub ciphertext: Vec<u8>,
}

/// The largest revision or sequence number Folio stores: what a JavaScript number holds exactly
/// (2⁵³ − 1). A larger one read back is not in Folio's format.
pub const MAX_COUNTER: u64 = (1 << 53) - 1;

/// A stored value that is not in Folio's format: one damaged item, named as well as it can be
/// (its id or sequence number when it has a readable one), never a reason to refuse the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub store: &'static str,
    /// Its key as far as it can be read ("#3" for the fourth value read when it has none).
    pub key: String,
    /// Where an audit value sits in the trail (its sequence number), so reading goes on past it.
    pub position: Option<u64>,
}

/// What a read of many stored values found: those in Folio's format, and those not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub malformed: Vec<Malformed>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            items: Vec::new(),
            malformed: Vec::new(),
        }
    }
}

impl<T> Listing<T> {
    /// Every value was in Folio's format.
    pub fn whole(items: Vec<T>) -> Self {
        Listing {
            items,
            malformed: Vec::new(),
        }
    }
}

/// What a write expects to find, so that a write based on a stale copy is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The record must not exist yet.
    Absent,
    /// The stored record must be at this revision.
    Rev(u64),
    /// No check (only for repairs and tests).
    Any,
}

/// A record to delete: its id, its kind (what the vault's ledger counts it as) and what the
/// delete expects to find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion {
    pub id: String,
    pub kind: String,
    pub expect: Expect,
}

impl Deletion {
    pub fn new(id: &str, kind: &str, expect: Expect) -> Self {
        Deletion {
            id: id.to_string(),
            kind: kind.to_string(),
            expect,
        }
    }
}

/// Everything one user action writes: committed in one transaction, all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub puts: Vec<(SealedRecord, Expect)>,
    pub deletes: Vec<Deletion>,
    /// Appended, never overwritten: a sequence number that exists already fails the batch.
    pub audit: Vec<SealedAuditEvent>,
    /// Empties the audit trail first (restoring an export into an empty vault replaces its
    /// one-event trail with the exported one), in the same transaction.
    pub replace_audit: bool,
    /// Events written over the stored ones with the same sequence numbers: an erasure removes
    /// their values (their hashes, and so the chain, stay as they were). Each must exist.
    pub rewrite_audit: Vec<SealedAuditEvent>,
    pub meta: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("this browser's storage is not available: {0}")]
    Unavailable(String),
    #[error("the browser's storage for this site is full")]
    QuotaExceeded,
    #[error("record {id} was changed elsewhere since it was read")]
    Conflict { id: String },
    #[error("audit event {0} exists already")]
    AuditConflict(u64),
    #[error("audit event {0} does not exist")]
    AuditMissing(u64),
    /// The browser aborted the transaction (nothing of it was written).
    #[error("the browser aborted the write")]
    Aborted,
    #[error("a stored value in {store} is not in Folio's format: {detail}")]
    Malformed { store: String, detail: String },
    /// The browser's storage refused a request, with its own message.
    #[error("the browser's storage refused: {0}")]
    Refused(String),
}

/// Where a paged listing goes on from: the key of the last value read, as the backend keeps it
/// (a key in IndexedDB need not be text when the value is not Folio's).
pub struct PageKey(Box<dyn std::any::Any>);

impl PageKey {
    pub(crate) fn new<T: 'static>(key: T) -> Self {
        PageKey(Box::new(key))
    }

    pub(crate) fn get<T: 'static>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }
}

/// Where sealed data is kept. Every method is one transaction.
#[allow(async_fn_in_trait)]
pub trait Repository {
    async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Every metadata entry whose key starts with `prefix` (`prefix` then text), in key order;
    /// an entry not in Folio's format is left out (what reads them treats a missing one as
    /// unknown).
    async fn meta_entries(&self, prefix: &str) -> Result<Vec<(String, String)>, StoreError>;
    async fn get(&self, id: &str) -> Result<Option<SealedRecord>, StoreError>;
    /// All records of one kind (and the values stored under it that are not in Folio's format).
    async fn list(&self, kind: &str) -> Result<Listing<SealedRecord>, StoreError>;
    /// Every record of every kind (and every value that is not in Folio's format).
    async fn list_all(&self) -> Result<Listing<SealedRecord>, StoreError>;
    /// `list_all` a page at a time, in key order: at most `limit` values after `after`, and
    /// where the next page starts (None: nothing follows).
    async fn list_page(
        &self,
        after: Option<&PageKey>,
        limit: u32,
    ) -> Result<(Listing<SealedRecord>, Option<PageKey>), StoreError>;
    /// Every audit item, in sequence order.
    async fn audit_events(&self) -> Result<Listing<SealedAuditEvent>, StoreError>;
    /// The stored audit items whose (first) sequence number is above `after` and at most
    /// `through`, in order, at most `limit` of them.
    async fn audit_items_in(
        &self,
        after: u64,
        through: u64,
        limit: Option<u32>,
    ) -> Result<Listing<SealedAuditEvent>, StoreError>;
    /// Writes a whole batch in one transaction, or nothing.
    async fn commit(&self, batch: Batch) -> Result<(), StoreError>;

    /// The audit items that follow sequence number `after`, about `events` events' worth (so a
    /// long trail is read a piece at a time): those that start within the next `events`
    /// sequence numbers (at most one block more), or if none does, the next item alone (a gap
    /// in the trail is not taken for its end). Empty only when nothing follows.
    async fn audit_items_after(
        &self,
        after: u64,
        events: u32,
    ) -> Result<Listing<SealedAuditEvent>, StoreError> {
        let span = self
            .audit_items_in(after, after.saturating_add(u64::from(events)), None)
            .await?;
        if !span.items.is_empty() || !span.malformed.is_empty() {
            return Ok(span);
        }
        self.audit_items_in(after, MAX_COUNTER, Some(1)).await
    }

    async fn put(&self, record: SealedRecord, expect: Expect) -> Result<(), StoreError> {
        self.commit(Batch {
            puts: vec![(record, expect)],
            ..Batch::default()
        })
        .await
    }

    async fn delete(&self, id: &str, kind: &str, expect: Expect) -> Result<(), StoreError> {
        self.commit(Batch {
            deletes: vec![Deletion::new(id, kind, expect)],
            ..Batch::default()
        })
        .await
    }
}

/// Checks an expectation against the stored revision (None: absent).
pub(crate) fn check_expectation(
    id: &str,
    stored_rev: Option<u64>,
    expect: Expect,
) -> Result<(), StoreError> {
    let ok = match (expect, stored_rev) {
        (Expect::Any, _) => true,
        (Expect::Absent, None) => true,
        (Expect::Rev(want), Some(have)) => want == have,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(StoreError::Conflict { id: id.to_string() })
    }
}
