//! Purging deletions from the sync server (#22): a record deleted here (an erasure's, or any
//! deletion) stays on the server as a deletion without content, and its old revisions stay
//! until the server compacts. Where the server purges, Folio purges a deletion once every other
//! device that ever held the record has applied it, as their audit chains received here show:
//! a device that has not would never learn of it, and could send the record back. A device that
//! never held it needs nothing. Must not import `ui`.

use super::error::AppError;
use super::sync::{Report, Rows};
use super::sync_chains::parse_item_id;
use super::types::UnlockedVault;
use crate::domain::audit::Action;
use crate::store::Repository;
use crate::sync::{protocol, Remote};
use std::collections::BTreeMap;

/// The most deletions purged in one request.
const BATCH: usize = 100;
/// Where this device notes the server that does not purge (its address): not asked again.
const NO_PURGE: &str = "sync/no-purge";

impl<R: Repository> UnlockedVault<R> {
    /// Whether every other device whose chain is held here, and that ever recorded the record
    /// of `kind` and `id`, last recorded its deletion (or its person's erasure).
    fn every_device_deleted(&self, kind: &str, id: &str) -> bool {
        let inner = self.inner.borrow();
        // Each device's last event about the record, by its chain's name and its place.
        let mut last: BTreeMap<&str, (u64, Action)> = BTreeMap::new();
        for piece in inner.snapshot.peer_audit.values() {
            let Some((chain, _, _)) = parse_item_id(&piece.id) else {
                continue;
            };
            for e in piece.data.iter().filter(|e| e.entity_id == id) {
                let about = e.entity_kind == kind || e.action == Action::Erase;
                let newer = last.get(chain).is_none_or(|(seq, _)| *seq < e.seq);
                if about && newer {
                    last.insert(chain, (e.seq, e.action));
                }
            }
        }
        last.values()
            .all(|(_, action)| matches!(action, Action::Delete | Action::Erase))
    }

    /// Purges, where the server can, the deletions every device has applied.
    pub(super) async fn purge_applied_deletions<S: Remote>(
        &self,
        remote: &S,
        url: &str,
        rows: &mut Rows,
        report: &mut Report,
    ) -> Result<(), AppError> {
        let server = protocol::canonical_url(url);
        if self.repo.get_meta(NO_PURGE).await?.as_deref() == Some(server.as_str()) {
            return Ok(());
        }
        let mut asked: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (doc, row) in rows.iter() {
            if !row.d || row.purged || row.k.is_empty() {
                continue;
            }
            let Some(head) = row.head() else { continue };
            if self.every_device_deleted(&row.k, &row.i) {
                asked.insert(doc.clone(), vec![head.to_string()]);
                if asked.len() == BATCH {
                    break;
                }
            }
        }
        if asked.is_empty() {
            return Ok(());
        }
        // A server that does not purge (PouchDB Server; CouchDB to a user who is not the
        // database's admin) leaves old revisions to compaction; it is not asked again.
        let Some(purged) = protocol::purge(remote, &asked).await? else {
            let noted = crate::store::Batch {
                meta: vec![(NO_PURGE.to_string(), server)],
                ..crate::store::Batch::default()
            };
            return Ok(self.repo.commit(noted).await?);
        };
        let mut ids = Vec::new();
        for doc in purged.into_iter().filter(|d| asked.contains_key(d)) {
            if let Some(row) = rows.get_mut(&doc) {
                row.purged = true;
                ids.push(doc);
            }
        }
        report.purged += ids.len();
        self.save_rows(rows, &ids).await
    }
}
