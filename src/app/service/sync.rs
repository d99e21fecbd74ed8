//! Sync of this vault with a CouchDB database (#22): the sealed settings, the bookkeeping of
//! what each document's history is here, and one round: the header, pull (changes since the
//! checkpoint, the revisions this device lacks, applied through the one commit path with the
//! checkpoint in the same transaction), then push (what changed here, `_revs_diff`, upload).
//! Two devices' changes to one record merge field by field (`domain::sync_merge`), the values
//! not kept become sync conflicts. Only sealed bytes leave; must not import `ui`.

use super::error::AppError;
use super::open::create_with;
use super::sync_doc::{self, Pulled, CONFLICT_KIND};
use super::trail::{open_record, seal_record, Entry, Format};
use super::types::{OpenRecord, UnlockedVault};
use crate::domain::audit::{self, Action};
use crate::store::{Batch, Deletion, Expect, Repository, SealedRecord};
use crate::sync::revs::{self, History, RevId};
use crate::sync::wire::{self, Doc, ReplicationLog, BATCH};
use crate::sync::{protocol, Remote, SyncError};
use crate::vault::{Factor, Passphrase, VaultError, VaultHeader};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The sealed record holding the sync settings (this device's only: never synced).
pub const SETTINGS_KIND: &str = "sync_settings";
const SETTINGS_ID: &str = "sync-settings";
/// The document holding the vault's header (no secret in it), which a joining device reads.
pub const HEADER_DOC: &str = "folio-vault";
const ROW: &str = "sync/doc/";
const LOG: &str = "sync/log/";
const STATUS: &str = "sync/status";

/// Where and as whom this device syncs. Sealed in the vault, never in LocalStorage.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncSettings {
    pub url: String,
    pub user: String,
    pub password: String,
    /// This device's random id (its checkpoints are its own).
    pub device_id: String,
    /// Whether sync runs while the vault is open.
    pub enabled: bool,
}

impl std::fmt::Debug for SyncSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SyncSettings({} as {})", self.url, self.user)
    }
}

/// A database address Folio will send a password to: https, or http on this machine.
pub fn check_address(url: &str) -> Result<String, SyncError> {
    let url = url.trim().trim_end_matches('/');
    let (scheme, rest) = url.split_once("://").ok_or(SyncError::BadAddress)?;
    let host = rest.split('/').next().unwrap_or_default();
    let host_only = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let loopback = matches!(host_only, "127.0.0.1" | "localhost" | "[::1]");
    let path = rest.split_once('/').map(|(_, p)| p).unwrap_or_default();
    let ok = match scheme.to_ascii_lowercase().as_str() {
        "https" => true,
        "http" => loopback,
        _ => false,
    };
    if !ok || host.is_empty() || host.contains('@') || path.is_empty() || url.len() > 500 {
        return Err(SyncError::BadAddress);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '?' || c == '#')
    {
        return Err(SyncError::BadAddress);
    }
    Ok(url.to_string())
}

/// What this device knows of one document: the history of the revision it last had in common
/// with the server, whether that is a deletion, the record it is, and leaves it must delete.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct Row {
    pub(super) k: String,
    pub(super) i: String,
    pub(super) h: History,
    #[serde(default)]
    pub(super) d: bool,
    /// Other leaves of the document this device merged and must delete on the server.
    #[serde(default)]
    pub(super) drop: Vec<History>,
    /// Other leaves already seen (deletions on other branches), not fetched again.
    #[serde(default)]
    pub(super) seen: Vec<String>,
    /// A deletion the server purged (see `sync_purge`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) purged: bool,
    /// The header's epoch (see `sync_header`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(super) e: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Row {
    pub(super) fn knows(&self, rev: &RevId) -> bool {
        self.h.contains(rev)
            || self.drop.iter().any(|h| h.contains(rev))
            || self.seen.contains(&rev.to_string())
    }

    pub(super) fn head(&self) -> Option<RevId> {
        self.h.head()
    }
}

pub(super) type Rows = BTreeMap<String, Row>;

/// What a round did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub pulled: usize,
    pub pushed: usize,
    pub conflicts: usize,
    /// Documents refused (not Folio's, or altered).
    pub refused: usize,
    /// Pieces of audit chains moved, either way (not counted in `pulled` or `pushed`).
    #[serde(default)]
    pub trail: usize,
    /// Deletions the server purged, every device having applied them.
    #[serde(default)]
    pub purged: usize,
    /// Where the pull got to (the changes feed's sequence), to wait on for the next change.
    #[serde(default)]
    pub since: String,
}

/// The last round as this device recorded it (shown under Settings → Sync).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub last_sync: Option<DateTime<Utc>>,
    pub report: Report,
}

fn random_hex(bytes: usize) -> Result<String, AppError> {
    let mut b = vec![0u8; bytes];
    getrandom::fill(&mut b).map_err(|_| VaultError::NoRandomness)?;
    Ok(crate::domain::hex::encode(&b))
}

/// A new device id.
pub fn new_device_id() -> Result<String, AppError> {
    random_hex(16)
}

/// The vault header the database `remote` reaches holds (no secret): a device about to join
/// reads it to know whether security keys protect the vault, and which.
pub async fn remote_header<S: Remote>(remote: &S) -> Result<VaultHeader, AppError> {
    protocol::verify_peers(remote).await?;
    let doc = protocol::get_document(remote, HEADER_DOC)
        .await?
        .ok_or(SyncError::NoVault)?;
    let header_json = doc.header.ok_or(SyncError::NoVault)?.to_string();
    Ok(VaultHeader::from_json(&header_json)?)
}

/// Joins the vault held by the database `remote` reaches: reads its header, opens it with the
/// passphrase (and, when security keys protect it, a key's answer or the recovery code),
/// creates this device's copy and pulls every record. Nothing is stored when the passphrase or
/// the second factor is wrong or missing.
pub async fn join_vault<R: Repository, S: Remote>(
    repo: R,
    remote: &S,
    passphrase: &Passphrase,
    second: Option<Factor<'_>>,
    mut settings: SyncSettings,
    now: DateTime<Utc>,
) -> Result<(UnlockedVault<R>, Report), AppError> {
    let header = remote_header(remote).await?;
    let sealer = match second {
        Some(factor) => header.unlock_with(passphrase, factor)?,
        None => header.unlock(passphrase)?,
    };
    let vault = create_with(repo, header, sealer, now).await?;
    settings.device_id = new_device_id()?;
    settings.enabled = true;
    vault.save_sync_settings(&settings, now).await?;
    let report = vault.sync_round(remote, &settings, now).await?;
    Ok((vault, report))
}

impl<R: Repository> UnlockedVault<R> {
    /// The sync settings, when sync was set up on this device.
    pub async fn sync_settings(&self) -> Result<Option<SyncSettings>, AppError> {
        let Some(sealed) = self.repo.get(SETTINGS_ID).await? else {
            return Ok(None);
        };
        let record: OpenRecord<SyncSettings> = open_record(&self.sealer, &sealed, Format::Current)?;
        Ok(Some(record.data))
    }

    /// Seals the sync settings (audited without the password).
    pub async fn save_sync_settings(
        &self,
        settings: &SyncSettings,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let stored = self.repo.get(SETTINGS_ID).await?;
        let (rev, expect, created_at) = match &stored {
            Some(s) => {
                let old: OpenRecord<SyncSettings> = open_record(&self.sealer, s, Format::Current)?;
                (s.rev + 1, Expect::Rev(s.rev), old.created_at)
            }
            None => (1, Expect::Absent, now),
        };
        let record = OpenRecord {
            id: SETTINGS_ID.to_string(),
            kind: SETTINGS_KIND.into(),
            rev,
            created_at,
            updated_at: now,
            data: settings.clone(),
        };
        let fields = |s: Option<&SyncSettings>| -> audit::FieldValues {
            vec![
                ("server", s.map(|s| s.url.clone())),
                ("user", s.map(|s| s.user.clone())),
                ("enabled", s.map(|s| s.enabled.to_string())),
            ]
        };
        let before = match &stored {
            Some(s) => Some(open_record::<SyncSettings>(&self.sealer, s, Format::Current)?.data),
            None => None,
        };
        let changes = audit::diff(&fields(before.as_ref()), &fields(Some(settings)));
        let action = if stored.is_some() {
            Action::Update
        } else {
            Action::Create
        };
        let batch = Batch {
            puts: vec![(seal_record(&self.sealer, &record)?, expect)],
            ..Batch::default()
        };
        let entry = Entry::new(action, SETTINGS_KIND, SETTINGS_ID, changes);
        self.commit(batch, vec![entry], now).await
    }

    /// The last round as recorded here.
    pub async fn sync_status(&self) -> Result<Status, AppError> {
        Ok(self
            .repo
            .get_meta(STATUS)
            .await?
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default())
    }

    /// Forgets the sync settings and this device's bookkeeping (Stop syncing): the vault stays.
    pub async fn stop_syncing(&self, now: DateTime<Utc>) -> Result<(), AppError> {
        if let Some(mut s) = self.sync_settings().await? {
            s.enabled = false;
            self.save_sync_settings(&s, now).await?;
        }
        Ok(())
    }

    async fn rows(&self) -> Result<Rows, AppError> {
        Ok(self
            .repo
            .meta_entries(ROW)
            .await?
            .into_iter()
            .filter_map(|(k, v)| {
                let id = k.strip_prefix(ROW)?.to_string();
                let row: Row = serde_json::from_str(&v).ok()?;
                Some((id, row))
            })
            .collect())
    }

    fn row_meta(id: &str, row: &Row) -> (String, String) {
        (
            format!("{ROW}{id}"),
            serde_json::to_string(row).unwrap_or_default(),
        )
    }

    /// The document id of a record of this vault.
    pub async fn doc_of(&self, kind: &str, id: &str) -> String {
        sync_doc::doc_id(&self.sealer, kind, id).unwrap_or_default()
    }

    /// How many of this device's changes are waiting to go.
    pub async fn sync_waiting(&self) -> Result<usize, AppError> {
        let rows = self.rows().await?;
        Ok(self.local_changes(&rows)?.len())
    }

    /// Records changed here since they last went (kind, id, revision), and documents deleted
    /// here or merged that must be deleted on the server.
    fn local_changes(&self, rows: &Rows) -> Result<Vec<Change>, AppError> {
        let inner = self.inner.borrow();
        if !inner.snapshot.complete {
            return Err(AppError::NotLoaded);
        }
        let mut out = Vec::new();
        let mut present = std::collections::BTreeSet::new();
        for kind in sync_doc::synced_kinds() {
            for (id, rev) in ids_of(&inner.snapshot, kind) {
                let doc = sync_doc::doc_id(&self.sealer, kind, &id)?;
                present.insert(doc.clone());
                let row = rows.get(&doc);
                if row.is_some_and(|r| !r.d && r.h.start == rev) {
                    continue;
                }
                out.push(Change::Put { doc, id, kind, rev });
            }
        }
        for (doc, row) in rows {
            if !row.drop.is_empty() {
                out.push(Change::Drop { doc: doc.clone() });
            }
            // Pieces of audit chains are never deleted from here (see `sync_chains`).
            let chain = row.k == super::sync_chains::CHAIN_KIND;
            if !row.d && !row.k.is_empty() && !chain && !present.contains(doc) {
                out.push(Change::Delete { doc: doc.clone() });
            }
        }
        Ok(out)
    }

    /// One round: the header, pull, push. Requires the vault loaded.
    pub async fn sync_round<S: Remote>(
        &self,
        remote: &S,
        settings: &SyncSettings,
        now: DateTime<Utc>,
    ) -> Result<Report, AppError> {
        if !self.inner.borrow().snapshot.complete {
            return Err(AppError::NotLoaded);
        }
        protocol::verify_peers(remote).await?;
        let mut rows = self.rows().await?;
        self.sync_header(remote, &mut rows, now).await?;
        let mut report = Report::default();
        self.pull(remote, settings, &mut rows, &mut report, now)
            .await?;
        self.push(remote, settings, &mut rows, &mut report).await?;
        self.purge_applied_deletions(remote, &settings.url, &mut rows, &mut report)
            .await?;
        let status = Status {
            last_sync: Some(now),
            report: report.clone(),
        };
        self.repo
            .commit(Batch {
                meta: vec![(
                    STATUS.to_string(),
                    serde_json::to_string(&status).unwrap_or_default(),
                )],
                ..Batch::default()
            })
            .await?;
        Ok(report)
    }

    pub(super) async fn save_rows(&self, rows: &Rows, ids: &[String]) -> Result<(), AppError> {
        let meta = ids
            .iter()
            .filter_map(|id| rows.get(id).map(|r| Self::row_meta(id, r)))
            .collect();
        self.repo
            .commit(Batch {
                meta,
                ..Batch::default()
            })
            .await?;
        Ok(())
    }

    async fn pull<S: Remote>(
        &self,
        remote: &S,
        settings: &SyncSettings,
        rows: &mut Rows,
        report: &mut Report,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let rep = protocol::generate_replication_id("pull", &settings.device_id, &settings.url);
        let key = format!("{LOG}{rep}");
        let local_log: Option<ReplicationLog> = self
            .repo
            .get_meta(&key)
            .await?
            .and_then(|t| wire::replication_log(&t).ok());
        let remote_log = protocol::retrieve_replication_log(remote, &rep).await?;
        let mut since = protocol::compare_replication_logs(local_log.as_ref(), remote_log.as_ref());
        let session = random_hex(16)?;
        let mut before = remote_log.or(local_log);
        loop {
            let changes = protocol::read_batch_of_changes(remote, &since, BATCH).await?;
            let mut wanted = Vec::new();
            for c in &changes.results {
                if c.id == HEADER_DOC || c.id.starts_with('_') {
                    continue;
                }
                for r in &c.revs {
                    let Some(rev) = RevId::parse(r) else { continue };
                    if !rows.get(&c.id).is_some_and(|row| row.knows(&rev)) {
                        wanted.push((c.id.clone(), r.clone()));
                    }
                }
            }
            let mut docs = Vec::new();
            docs.extend(fetch_in_parts(remote, &wanted).await?);
            let docs = self.with_good_ancestors(remote, docs, rows).await?;
            let mut log = protocol::next_log(&rep, &session, &changes.last_seq, before.as_ref());
            let log_meta = (key.clone(), serde_json::to_string(&log).unwrap_or_default());
            let own = super::sync_chains::chain_name(
                &settings.device_id,
                &self.inner.borrow().snapshot.audit,
            );
            self.apply_pulled(remote, docs, rows, (log_meta, &own), report, now)
                .await?;
            log = protocol::record_replication_checkpoint(remote, log).await?;
            before = Some(log);
            let done = changes.results.len() < BATCH || changes.last_seq == since;
            since = changes.last_seq;
            if done {
                report.since = since.0;
                return Ok(());
            }
        }
    }

    /// Applies a batch of pulled documents in one transaction with the pull checkpoint.
    async fn apply_pulled<S: Remote>(
        &self,
        remote: &S,
        docs: Vec<Doc>,
        rows: &mut Rows,
        (checkpoint, own_chain): ((String, String), &str),
        report: &mut Report,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut by_doc: BTreeMap<String, Vec<Pulled>> = BTreeMap::new();
        for d in &docs {
            match sync_doc::from_doc(&self.sealer, d) {
                Ok(p) => by_doc.entry(p.doc_id.clone()).or_default().push(p),
                Err(_) => report.refused += 1,
            }
        }
        let mut plan = Plan::default();
        for (doc, pulled) in by_doc {
            let chain = pulled.iter().any(|p| {
                p.body
                    .as_ref()
                    .is_some_and(|b| b.kind == super::sync_chains::CHAIN_KIND)
            }) || rows
                .get(&doc)
                .is_some_and(|r| r.k == super::sync_chains::CHAIN_KIND);
            if chain {
                self.plan_chain_doc(&doc, pulled, own_chain, rows, &mut plan, report)?;
            } else {
                self.plan_doc(remote, &doc, pulled, rows, &mut plan, report, now)
                    .await?;
            }
        }
        let scrubbed = self.received_erasures(&mut plan, now)?;
        let mut batch = Batch {
            puts: plan.puts.iter().map(|(s, e, _)| (s.clone(), *e)).collect(),
            deletes: plan.deletes.iter().map(|(d, _)| d.clone()).collect(),
            rewrite_audit: scrubbed.rewrite_audit,
            ..Batch::default()
        };
        batch.meta = plan
            .rows
            .iter()
            .filter_map(|id| rows.get(id).map(|r| Self::row_meta(id, r)))
            .collect();
        batch.meta.push(checkpoint);
        // Anything stored moves the ledger, so it goes through the commit path even without
        // an audit entry (a piece of another device's chain, a sync conflict).
        if plan.entries.is_empty() && batch.puts.is_empty() && batch.deletes.is_empty() {
            self.repo.commit(batch).await?;
        } else {
            self.commit(batch, plan.entries, now).await?;
        }
        let mut inner = self.inner.borrow_mut();
        for (i, e) in scrubbed.trail {
            if let Some(slot) = inner.snapshot.audit.get_mut(i) {
                *slot = e;
            }
        }
        for (_, _, record) in &plan.puts {
            sync_doc::install(&mut inner.snapshot, record, false)?;
        }
        for (_, record) in &plan.deletes {
            sync_doc::install(&mut inner.snapshot, record, true)?;
        }
        let pieces = plan
            .puts
            .iter()
            .map(|(_, _, r)| &r.kind)
            .chain(plan.deletes.iter().map(|(_, r)| &r.kind))
            .filter(|k| *k == super::sync_chains::CHAIN_KIND)
            .count();
        report.trail += pieces;
        report.pulled += plan.puts.len() + plan.deletes.len() - pieces;
        Ok(())
    }

    async fn push<S: Remote>(
        &self,
        remote: &S,
        settings: &SyncSettings,
        rows: &mut Rows,
        report: &mut Report,
    ) -> Result<(), AppError> {
        let changes = self.local_changes(rows)?;
        let mut docs: Vec<(Doc, String, Row)> = Vec::new();
        // This device's audit chain, the pieces not yet there at their revision.
        for w in self.own_pieces_waiting(&settings.device_id, rows)? {
            if let Some((d, row)) = self.own_piece_doc(&w.doc, &w.id, w.range, rows.get(&w.doc))? {
                docs.push((d, w.doc, row));
            }
        }
        for change in changes {
            match change {
                Change::Put { doc, id, kind, rev } => {
                    let Some(sealed) = self.repo.get(&id).await? else {
                        continue;
                    };
                    if sealed.kind != kind || sealed.rev != rev {
                        continue;
                    }
                    let rev_id = sync_doc::rev_of(&sealed);
                    let old = rows.get(&doc);
                    let history = match old {
                        Some(r) if r.h.start < rev_id.n => r.h.child(&rev_id),
                        _ => History::root(&rev_id),
                    };
                    let d = sync_doc::to_doc(&self.sealer, &sealed, &doc, &history)?;
                    let mut row = old.cloned().unwrap_or_default();
                    row.k = kind.to_string();
                    row.i = id;
                    row.h = history;
                    row.d = false;
                    docs.push((d, doc, row));
                }
                Change::Delete { doc } => {
                    let Some(old) = rows.get(&doc) else { continue };
                    let Some((d, history)) = sync_doc::tombstone_doc(&doc, &old.h) else {
                        continue;
                    };
                    let row = Row {
                        h: history,
                        d: true,
                        ..old.clone()
                    };
                    docs.push((d, doc, row));
                }
                Change::Drop { doc } => {
                    let Some(old) = rows.get(&doc).cloned() else {
                        continue;
                    };
                    for h in &old.drop {
                        if let Some((d, _)) = sync_doc::tombstone_doc(&doc, h) {
                            let row = Row {
                                drop: Vec::new(),
                                ..rows.get(&doc).cloned().unwrap_or_default()
                            };
                            docs.push((d, doc.clone(), row));
                        }
                    }
                }
            }
        }
        let mut sent = 0;
        for chunk in by_size(&docs) {
            let mut asked: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (d, _, _) in chunk {
                asked.entry(d.id.clone()).or_default().push(d.rev.clone());
            }
            let missing = protocol::calculate_revision_difference(remote, &asked).await?;
            let send: Vec<Doc> = chunk
                .iter()
                .filter(|(d, _, _)| missing.get(&d.id).is_some_and(|m| m.contains(&d.rev)))
                .map(|(d, _, _)| d.clone())
                .collect();
            let refused = protocol::upload_batch_of_changed_documents(remote, &send).await?;
            if let Some(r) = refused.first() {
                return Err(match r.error.as_str() {
                    "forbidden" | "unauthorized" => SyncError::NoAccess,
                    _ => SyncError::Refused(400),
                }
                .into());
            }
            let pieces = chunk
                .iter()
                .filter(|(d, _, row)| {
                    row.k == super::sync_chains::CHAIN_KIND && send.iter().any(|s| s.id == d.id)
                })
                .count();
            sent += send.len();
            report.pushed += send.len() - pieces;
            report.trail += pieces;
            let mut ids = Vec::new();
            for (_, doc, row) in chunk {
                let mut row = row.clone();
                // Folded into the row: the deletions of merged leaves went with this batch.
                row.drop.retain(|h| {
                    !chunk.iter().any(|(d, id, _)| {
                        id == doc
                            && d.deleted
                            && h.head()
                                .is_some_and(|r| revs::tombstone(&r).to_string() == d.rev)
                    })
                });
                rows.insert(doc.clone(), row);
                ids.push(doc.clone());
            }
            self.save_rows(rows, &ids).await?;
        }
        let rep = protocol::generate_replication_id("push", &settings.device_id, &settings.url);
        let before = protocol::retrieve_replication_log(remote, &rep).await?;
        let sent = before
            .as_ref()
            .and_then(|l| l.last())
            .and_then(|s| s.0.parse::<u64>().ok())
            .unwrap_or(0)
            + sent as u64;
        let session = random_hex(16)?;
        let log = protocol::next_log(
            &rep,
            &session,
            &wire::Seq(sent.to_string()),
            before.as_ref(),
        );
        protocol::record_replication_checkpoint(remote, log).await?;
        Ok(())
    }
}

/// The most bytes of sealed items one upload carries (pieces of audit trails are large).
const UPLOAD_BYTES: usize = 8 << 20;

/// `docs` in consecutive batches of at most `BATCH` documents and about `UPLOAD_BYTES` (a
/// larger document goes alone).
fn by_size<T>(docs: &[(Doc, String, T)]) -> Vec<&[(Doc, String, T)]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (d, _, _)) in docs.iter().enumerate() {
        let size = d.c.as_ref().map_or(0, String::len) + d.m.as_ref().map_or(0, String::len);
        if i > start && (i - start == BATCH || bytes + size > UPLOAD_BYTES) {
            out.push(&docs[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < docs.len() {
        out.push(&docs[start..]);
    }
    out
}

/// Fetches `wanted` in batches, halving a batch whose answer is too large to read (pieces of
/// audit trails are large) down to one document.
async fn fetch_in_parts<S: Remote>(
    remote: &S,
    wanted: &[(String, String)],
) -> Result<Vec<Doc>, SyncError> {
    let mut out = Vec::new();
    let mut queue: Vec<&[(String, String)]> = wanted.chunks(BATCH).rev().collect();
    while let Some(part) = queue.pop() {
        match protocol::fetch_changed_documents(remote, part).await {
            Err(SyncError::BadAnswer("too large")) if part.len() > 1 => {
                let (first, rest) = part.split_at(part.len() / 2);
                queue.push(rest);
                queue.push(first);
            }
            answer => out.extend(answer?),
        }
    }
    Ok(out)
}

/// What one pulled batch writes.
#[derive(Default)]
pub(super) struct Plan {
    pub(super) puts: Vec<(SealedRecord, Expect, OpenRecord<Value>)>,
    pub(super) deletes: Vec<(Deletion, OpenRecord<Value>)>,
    pub(super) entries: Vec<Entry>,
    pub(super) rows: Vec<String>,
}

/// One change of this device waiting to go.
enum Change {
    Put {
        doc: String,
        id: String,
        kind: &'static str,
        rev: u64,
    },
    Delete {
        doc: String,
    },
    Drop {
        doc: String,
    },
}

/// The ids and revisions of the records of `kind` in the state.
fn ids_of(s: &super::types::VaultSnapshot, kind: &str) -> Vec<(String, u64)> {
    if kind == CONFLICT_KIND {
        return s
            .sync_conflicts
            .values()
            .map(|r| (r.id.clone(), r.rev))
            .collect();
    }
    struct Ids<'a> {
        s: &'a super::types::VaultSnapshot,
        out: Vec<(String, u64)>,
    }
    impl super::kinds::OpenAs for Ids<'_> {
        fn open<K: super::kinds::RecordKind>(&mut self) -> Result<(), AppError> {
            self.out = K::records(self.s)
                .values()
                .map(|r| (r.id.clone(), r.rev))
                .collect();
            Ok(())
        }
    }
    let mut ids = Ids { s, out: Vec::new() };
    let _ = super::kinds::open_as(kind, &mut ids);
    ids.out
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;
