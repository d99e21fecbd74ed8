//! The vault's header on the sync server (#22, #24): the document every device reads to join
//! and to take over a header another device changed (a new passphrase, a security key added or
//! removed, a new recovery code). It holds no secret, and it is signed: a tag under a key only
//! the vault's devices hold covers the header and its epoch, which grows with each change. A
//! device takes over a header only when its own is unchanged since the last one it had, the tag
//! is right, and the epoch is later: a server can neither forge a header (one that would lock a
//! device out) nor roll one back (undoing a security key). Must not import `ui`.

use super::error::AppError;
use super::sync::{Row, Rows, HEADER_DOC};
use super::trail::Entry;
use super::types::UnlockedVault;
use super::HEADER_KEY;
use crate::domain::audit::Action;
use crate::store::{Batch, Repository};
use crate::sync::revs::{self, History, RevId};
use crate::sync::wire::Doc;
use crate::sync::{protocol, SyncError};
use crate::vault::VaultHeader;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The header as the document holds it: its JSON, compact and in a stable order.
fn canonical(header: &VaultHeader) -> String {
    serde_json::from_str::<Value>(&header.to_json())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// A short digest of a header, to tell whether this device's changed since it last synced.
fn digest(json: &str) -> String {
    revs::digest(b"folio-header", json.as_bytes())
}

impl<R: Repository> UnlockedVault<R> {
    /// The vault check: a digest of the data key's tag, the same on every device of the vault,
    /// so a database holding another vault is refused before anything moves.
    pub(super) fn vault_check(&self) -> Result<String, AppError> {
        let tag = self.sealer.tag("sync-vault", &[])?;
        Ok(crate::domain::hex::encode(&tag[..16]))
    }

    /// The tag a header at `epoch` carries: made with a key derived from the data key.
    fn header_tag(&self, json: &str, epoch: u64) -> Result<String, AppError> {
        let tag = self
            .sealer
            .tag("sync-header", &[&epoch.to_be_bytes(), json.as_bytes()])?;
        Ok(crate::domain::hex::encode(&tag))
    }

    /// The header document at `epoch`, after `parent` (the server's revision) when there is one.
    fn header_doc(
        &self,
        json: &str,
        epoch: u64,
        parent: Option<&History>,
    ) -> Result<Doc, AppError> {
        let rev = RevId {
            n: parent.map_or(1, |h| h.start + 1),
            hash: revs::digest(b"folio-vault", json.as_bytes()),
        };
        let history = parent.map_or_else(|| History::root(&rev), |h| h.child(&rev));
        Ok(Doc {
            id: HEADER_DOC.into(),
            rev: rev.to_string(),
            revisions: Some(history.revisions()),
            v: Some(1),
            header: serde_json::from_str(json).ok(),
            m: Some(self.vault_check()?),
            n: Some(epoch.to_string()),
            c: Some(self.header_tag(json, epoch)?),
            ..Doc::default()
        })
    }

    /// The server's header, when its tag is right: its JSON and epoch.
    fn signed(&self, doc: &Doc) -> Option<(String, u64)> {
        let json = doc.header.as_ref()?.to_string();
        let epoch: u64 = doc.n.as_deref()?.parse().ok()?;
        let tag = self.header_tag(&json, epoch).ok()?;
        (doc.c.as_deref() == Some(tag.as_str())).then_some((json, epoch))
    }

    /// Sends this device's header when it changed here, or takes over the server's when it
    /// changed on another device (see the module's note).
    pub(super) async fn sync_header<S: crate::sync::Remote>(
        &self,
        remote: &S,
        rows: &mut Rows,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let check = self.vault_check()?;
        let ours_json = canonical(&self.inner.borrow().header);
        let server = protocol::get_document(remote, HEADER_DOC).await?;
        let row = rows.get(HEADER_DOC).cloned();
        let Some(doc) = server else {
            let epoch = row.as_ref().map_or(0, |r| r.e) + 1;
            return self
                .send_header(remote, rows, &ours_json, epoch, None)
                .await;
        };
        if doc.m.as_deref() != Some(check.as_str()) {
            return Err(SyncError::NoVault.into());
        }
        let rev = RevId::parse(&doc.rev).ok_or(SyncError::BadAnswer("header"))?;
        let theirs = History::of(&rev, doc.revisions.as_ref());
        let signed = self.signed(&doc);
        let server_epoch = signed.as_ref().map_or(0, |(_, e)| *e);
        if doc.header.as_ref().map(Value::to_string).as_deref() == Some(ours_json.as_str()) {
            rows.insert(
                HEADER_DOC.into(),
                header_row(theirs, &ours_json, server_epoch),
            );
            return self.save_rows(rows, &[HEADER_DOC.to_string()]).await;
        }
        let Some(row) = row else {
            return Ok(());
        };
        let server_moved = row.h != theirs;
        // A row from before headers were signed knows no digest: what it had is unknown, so
        // only the old rule applies (send when the server has not moved).
        let changed_here = row.i.is_empty() || row.i != digest(&ours_json);
        match (changed_here, server_moved) {
            (true, false) => {
                let epoch = row.e.max(server_epoch) + 1;
                self.send_header(remote, rows, &ours_json, epoch, Some(&theirs))
                    .await
            }
            (false, true) => {
                let descends = row.head().is_some_and(|h| theirs.contains(&h));
                match signed {
                    Some((json, epoch)) if descends && epoch > row.e => {
                        self.take_header(&json, now).await?;
                        rows.insert(HEADER_DOC.into(), header_row(theirs, &json, epoch));
                        self.save_rows(rows, &[HEADER_DOC.to_string()]).await
                    }
                    // Unsigned, wrongly signed, older, or on another branch: not taken.
                    _ => Ok(()),
                }
            }
            // Changed on both: this device keeps its own until one of them changes again.
            _ => Ok(()),
        }
    }

    async fn send_header<S: crate::sync::Remote>(
        &self,
        remote: &S,
        rows: &mut Rows,
        json: &str,
        epoch: u64,
        parent: Option<&History>,
    ) -> Result<(), AppError> {
        let doc = self.header_doc(json, epoch, parent)?;
        protocol::upload_batch_of_changed_documents(remote, std::slice::from_ref(&doc)).await?;
        let rev = RevId::parse(&doc.rev).ok_or(SyncError::BadAnswer("header"))?;
        let history = History::of(&rev, doc.revisions.as_ref());
        rows.insert(HEADER_DOC.into(), header_row(history, json, epoch));
        self.save_rows(rows, &[HEADER_DOC.to_string()]).await
    }

    /// Makes another device's header this device's own, with its audit event.
    async fn take_header(&self, json: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let header = VaultHeader::from_json(json)?;
        let batch = Batch {
            meta: vec![(HEADER_KEY.to_string(), header.to_json())],
            ..Batch::default()
        };
        let entry = Entry::new(Action::Update, "vault", "header", Vec::new());
        self.commit(batch, vec![entry], now).await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.kdf = Some(header.kdf.clone());
        inner.snapshot.protection = header.protection(&self.sealer);
        inner.header = header;
        Ok(())
    }
}

fn header_row(h: History, json: &str, epoch: u64) -> Row {
    Row {
        h,
        i: digest(json),
        e: epoch,
        ..Row::default()
    }
}
