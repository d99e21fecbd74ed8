//! A stored item as a CouchDB document and back: an opaque id (a keyed digest of its kind and
//! id, so the server learns neither), its sealed address (`m`, sealed to the document's id), its
//! nonce and ciphertext exactly as stored, and the revision id that is the digest of them. A
//! document that was moved, altered, replayed at another revision or not made by Folio is
//! refused by name, never applied. Also the per-kind steps sync needs over the one list of
//! kinds: a record as JSON, a pulled one checked, one put into or taken out of the state.

use super::error::AppError;
use super::kinds::{self, OpenAs, RecordKind};
use super::trail::{open_record, Format};
use super::types::{OpenRecord, VaultSnapshot};
use crate::domain::audit::FieldValues;
use crate::store::SealedRecord;
use crate::sync::revs::{self, History, RevId};
use crate::sync::wire::Doc;
use crate::vault::{Address, Sealer, VaultError};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The kind of a sync conflict's record: synced like the list's kinds, kept outside the export.
pub const CONFLICT_KIND: &str = "sync_conflict";
/// The largest sealed item a document may carry (8 MiB).
const MAX_ITEM: usize = 8 << 20;

/// The document id of a record: the same on every device of the vault, opaque to the server.
pub fn doc_id(sealer: &Sealer, kind: &str, id: &str) -> Result<String, AppError> {
    let tag = sealer.tag("sync-doc", &[kind.as_bytes(), id.as_bytes()])?;
    Ok(crate::domain::hex::encode(&tag[..16]))
}

#[derive(Serialize, Deserialize)]
struct Meta {
    k: String,
    i: String,
}

fn meta_address(doc_id: &str) -> Address<'_> {
    Address {
        store: "sync",
        kind: "doc",
        id: doc_id,
        rev: 1,
    }
}

/// The revision id of a stored record.
pub fn rev_of(sealed: &SealedRecord) -> RevId {
    RevId {
        n: sealed.rev,
        hash: revs::digest(&sealed.nonce, &sealed.ciphertext),
    }
}

/// A stored record as a document at `history`'s head.
pub fn to_doc(
    sealer: &Sealer,
    sealed: &SealedRecord,
    doc_id: &str,
    history: &History,
) -> Result<Doc, AppError> {
    to_doc_at(sealer, sealed, doc_id, &rev_of(sealed), history)
}

/// A sealed item as a document at revision `rev`, the head of `history`.
pub fn to_doc_at(
    sealer: &Sealer,
    sealed: &SealedRecord,
    doc_id: &str,
    rev: &RevId,
    history: &History,
) -> Result<Doc, AppError> {
    let meta = sealer.seal(
        meta_address(doc_id),
        &Meta {
            k: sealed.kind.clone(),
            i: sealed.id.clone(),
        },
    )?;
    let mut m = meta.nonce.to_vec();
    m.extend_from_slice(&meta.ciphertext);
    Ok(Doc {
        id: doc_id.to_string(),
        rev: rev.to_string(),
        revisions: Some(history.revisions()),
        v: Some(1),
        m: Some(B64.encode(m)),
        n: Some(B64.encode(sealed.nonce)),
        c: Some(B64.encode(&sealed.ciphertext)),
        ..Doc::default()
    })
}

/// The deletion of a document: no content, the revision every device computes the same way.
pub fn tombstone_doc(doc_id: &str, of: &History) -> Option<(Doc, History)> {
    let dead = revs::tombstone(&of.head()?);
    let history = of.child(&dead);
    Some((
        Doc {
            id: doc_id.to_string(),
            rev: dead.to_string(),
            revisions: Some(history.revisions()),
            deleted: true,
            ..Doc::default()
        },
        history,
    ))
}

/// A document read from the server: its revision and history, and the sealed record it holds
/// (None: a deletion).
#[derive(Debug, Clone)]
pub struct Pulled {
    pub doc_id: String,
    pub rev: RevId,
    pub history: History,
    pub body: Option<SealedRecord>,
}

/// Why a document was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not in Folio's layout (someone else writes to the database, or it is damaged).
    NotFolios,
    /// It does not open under this vault's key where it stands (moved, altered, replayed).
    Altered,
}

fn b64(text: Option<&String>) -> Result<Vec<u8>, Refused> {
    let text = text.ok_or(Refused::NotFolios)?;
    if text.len() > MAX_ITEM * 4 / 3 + 4 {
        return Err(Refused::NotFolios);
    }
    B64.decode(text).map_err(|_| Refused::NotFolios)
}

/// Reads a document: its address opens under the vault's key bound to its id, its id is the
/// digest of that address, and its revision is the digest of what it holds.
pub fn from_doc(sealer: &Sealer, doc: &Doc) -> Result<Pulled, Refused> {
    let rev = RevId::parse(&doc.rev).ok_or(Refused::NotFolios)?;
    let history = History::of(&rev, doc.revisions.as_ref());
    if doc.deleted {
        return Ok(Pulled {
            doc_id: doc.id.clone(),
            rev,
            history,
            body: None,
        });
    }
    if doc.v != Some(1) {
        return Err(Refused::NotFolios);
    }
    let m = b64(doc.m.as_ref())?;
    let (nonce, sealed_meta) = m.split_at_checked(12).ok_or(Refused::NotFolios)?;
    let nonce: [u8; 12] = nonce.try_into().map_err(|_| Refused::NotFolios)?;
    let meta: Meta = sealer
        .open(meta_address(&doc.id), &nonce, sealed_meta)
        .map_err(|_| Refused::Altered)?;
    if doc_id(sealer, &meta.k, &meta.i).ok().as_deref() != Some(doc.id.as_str()) {
        return Err(Refused::Altered);
    }
    let item_nonce: [u8; 12] = b64(doc.n.as_ref())?
        .try_into()
        .map_err(|_| Refused::NotFolios)?;
    let ciphertext = b64(doc.c.as_ref())?;
    // A piece of an audit chain is named by the events it holds, checked once opened.
    let chain = meta.k == super::sync_chains::CHAIN_KIND;
    if !chain && revs::digest(&item_nonce, &ciphertext) != rev.hash {
        return Err(Refused::Altered);
    }
    Ok(Pulled {
        doc_id: doc.id.clone(),
        rev: rev.clone(),
        history,
        body: Some(SealedRecord {
            id: meta.i,
            kind: meta.k,
            rev: rev.n,
            nonce: item_nonce,
            ciphertext,
        }),
    })
}

/// A pulled record opened and checked as its kind: its data as JSON, what the audit trail
/// compares and the people it belongs to. None for a kind this build does not sync.
pub struct Checked {
    pub record: OpenRecord<Value>,
    pub fields: FieldValues,
    pub people: Vec<String>,
}

struct Check<'a> {
    sealer: &'a Sealer,
    sealed: &'a SealedRecord,
    out: Option<Checked>,
}

impl OpenAs for Check<'_> {
    fn open<K: RecordKind>(&mut self) -> Result<(), AppError> {
        let record: OpenRecord<K> = open_record(self.sealer, self.sealed, Format::Current)?;
        record
            .data
            .revalidate()
            .map_err(|_| VaultError::CouldNotDecrypt)?;
        self.out = Some(Checked {
            fields: record.data.audited(),
            people: crate::domain::BelongsTo::people(&record.data),
            record: as_json(&record)?,
        });
        Ok(())
    }
}

/// A record with its data as JSON.
pub(super) fn as_json<T: Serialize>(record: &OpenRecord<T>) -> Result<OpenRecord<Value>, AppError> {
    Ok(
        record
            .holding(serde_json::to_value(&record.data).map_err(|_| VaultError::CouldNotDecrypt)?),
    )
}

/// Opens a pulled record of a synced kind (its seal, its bookkeeping and its kind's rules).
pub fn check(sealer: &Sealer, sealed: &SealedRecord) -> Result<Option<Checked>, AppError> {
    if sealed.kind == CONFLICT_KIND {
        let record: OpenRecord<SyncConflict> = open_record(sealer, sealed, Format::Current)?;
        return Ok(Some(Checked {
            fields: Vec::new(),
            people: record.data.people.clone(),
            record: as_json(&record)?,
        }));
    }
    let mut check = Check {
        sealer,
        sealed,
        out: None,
    };
    kinds::open_as(&sealed.kind, &mut check)?;
    Ok(check.out)
}

/// A record of this device as JSON, with its audited fields and the people it belongs to.
pub type LocalRecord = (OpenRecord<Value>, FieldValues, Vec<String>);

struct Local<'a> {
    snapshot: &'a VaultSnapshot,
    id: &'a str,
    out: Option<LocalRecord>,
}

impl OpenAs for Local<'_> {
    fn open<K: RecordKind>(&mut self) -> Result<(), AppError> {
        if let Some(r) = K::records(self.snapshot).get(self.id) {
            self.out = Some((
                as_json(r)?,
                r.data.audited(),
                crate::domain::BelongsTo::people(&r.data),
            ));
        }
        Ok(())
    }
}

/// This device's record of `kind` and `id` as JSON, with its audited fields and people.
pub fn local(
    snapshot: &VaultSnapshot,
    kind: &str,
    id: &str,
) -> Result<Option<LocalRecord>, AppError> {
    if kind == CONFLICT_KIND {
        return snapshot
            .sync_conflicts
            .get(id)
            .map(|r| as_json(r).map(|j| (j, Vec::new(), r.data.people.clone())))
            .transpose();
    }
    let mut local = Local {
        snapshot,
        id,
        out: None,
    };
    kinds::open_as(kind, &mut local)?;
    Ok(local.out)
}

struct Install<'a> {
    snapshot: &'a mut VaultSnapshot,
    record: &'a OpenRecord<Value>,
    remove: bool,
    /// Whether the merged data keeps its kind's rules (for `fits`).
    fits: bool,
}

impl OpenAs for Install<'_> {
    fn open<K: RecordKind>(&mut self) -> Result<(), AppError> {
        let r = self.record;
        if self.remove {
            K::records_mut(self.snapshot).remove(&r.id);
            return Ok(());
        }
        let data: K = match serde_json::from_value(r.data.clone()) {
            Ok(d) => d,
            Err(_) => {
                self.fits = false;
                return Ok(());
            }
        };
        self.fits = data.revalidate().is_ok();
        K::records_mut(self.snapshot).insert(r.id.clone(), r.holding(data));
        Ok(())
    }
}

/// Puts a record into the state (or takes it out).
pub fn install(
    snapshot: &mut VaultSnapshot,
    record: &OpenRecord<Value>,
    remove: bool,
) -> Result<(), AppError> {
    if record.kind == super::sync_chains::CHAIN_KIND {
        super::sync_chains::install(snapshot, record, remove);
        return Ok(());
    }
    if record.kind == CONFLICT_KIND {
        if remove {
            snapshot.sync_conflicts.remove(&record.id);
        } else if let Ok(data) = serde_json::from_value(record.data.clone()) {
            snapshot
                .sync_conflicts
                .insert(record.id.clone(), record.holding(data));
        }
        return Ok(());
    }
    let mut install = Install {
        snapshot,
        record,
        remove,
        fits: true,
    };
    kinds::open_as(&record.kind, &mut install)?;
    Ok(())
}

/// Whether `data` is a valid record of `kind` (merged data must keep its kind's rules).
pub fn fits(kind: &str, record: &OpenRecord<Value>) -> bool {
    let mut scratch = VaultSnapshot::default();
    let mut install = Install {
        snapshot: &mut scratch,
        record,
        remove: false,
        fits: false,
    };
    kind == CONFLICT_KIND || (kinds::open_as(kind, &mut install).is_ok() && install.fits)
}

/// A value two devices wrote differently to one field, the one not kept: listed under Sync
/// conflicts until the user takes it or dismisses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncConflict {
    /// The record's kind and id.
    pub kind: String,
    pub record_id: String,
    /// The field, or "" when the whole record was deleted on another device while it was
    /// changed here (the change was kept).
    pub field: String,
    /// The value not kept.
    pub value: Value,
    /// The value kept.
    pub taken: Value,
    /// When the version holding `value` was written.
    pub written_at: chrono::DateTime<chrono::Utc>,
    /// The people the record belongs to (an erasure removes the conflict with them).
    #[serde(default)]
    pub people: Vec<String>,
}

/// The kinds sync carries: the list's, and the sync conflicts.
pub fn synced_kinds() -> Vec<&'static str> {
    struct Names(Vec<&'static str>);
    impl kinds::EachKind for Names {
        fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
            self.0.push(K::KIND);
            Ok(())
        }
    }
    let mut names = Names(vec![CONFLICT_KIND]);
    let _ = kinds::each_kind(&mut names);
    names.0
}
