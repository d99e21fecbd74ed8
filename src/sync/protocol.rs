//! The replication protocol's steps a client needs, for pull and push, named as the CouchDB
//! specification names them ("Verify Peers", "Generate Replication ID", "Retrieve Replication
//! Logs", "Compare Replication Logs", "Read Batch of Changes", "Calculate Revision Difference",
//! "Fetch Changed Documents", "Upload Batch of Changed Documents", "Record Replication
//! Checkpoint"). The local side is Folio's own store, so its steps are function calls in `app`;
//! these are the server's. Must not import `app` or `ui`.

use super::error::SyncError;
use super::remote::{Method, Remote, Request, Response};
use super::wire::{self, Changes, DbInfo, Doc, LogEntry, Rejected, ReplicationLog, Seq};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// How long a live changes request is held before Folio asks again (the server may hold it
/// forever: PouchDB Server ignores `timeout`).
pub const LONGPOLL_MS: u32 = 25_000;

/// Sends a request; an answer that is not a success is the error it means.
async fn send<R: Remote>(remote: &R, request: Request) -> Result<Response, SyncError> {
    let answer = remote.send(request).await?;
    if (200..300).contains(&answer.status) {
        Ok(answer)
    } else {
        Err(SyncError::from_answer(answer.status, &answer.body))
    }
}

fn understood<T>(read: Result<T, &'static str>) -> Result<T, SyncError> {
    read.map_err(SyncError::BadAnswer)
}

/// Verify Peers: the database exists and answers.
pub async fn verify_peers<R: Remote>(remote: &R) -> Result<DbInfo, SyncError> {
    let answer = send(remote, Request::get("")).await?;
    understood(wire::db_info(&answer.body))
}

/// Generate Replication ID: stable for this device, direction and database, different for every
/// other (so two devices never share a checkpoint). The database's address without user or
/// query, lower-case scheme and host.
pub fn generate_replication_id(direction: &str, device_id: &str, db_url: &str) -> String {
    let canonical = canonical_url(db_url);
    let mut h = Sha256::new();
    for part in ["folio-sync/1", direction, device_id, &canonical] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A database address as one form: lower-case scheme and host, no user, query or last slash.
pub fn canonical_url(url: &str) -> String {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = authority.rsplit('@').next().unwrap_or_default();
    format!(
        "{}://{}{}",
        scheme.to_lowercase(),
        host.to_lowercase(),
        path.trim_end_matches('/')
    )
}

fn log_path(rep_id: &str) -> String {
    format!("/_local/{rep_id}")
}

/// Retrieve Replication Logs: the server's log for this replication, None when it has none
/// ("MUST run a Full Replication"). A log that does not read is treated as none.
pub async fn retrieve_replication_log<R: Remote>(
    remote: &R,
    rep_id: &str,
) -> Result<Option<ReplicationLog>, SyncError> {
    let answer = remote.send(Request::get(log_path(rep_id))).await?;
    match answer.status {
        200 => Ok(wire::replication_log(&answer.body).ok()),
        404 => Ok(None),
        status => Err(SyncError::from_answer(status, &answer.body)),
    }
}

/// Compare Replication Logs: where to start. The same session on both sides: this device's
/// log (written with what it covers, so exact); else the newest session both histories
/// name; else from the beginning (replicating again changes nothing already applied).
pub fn compare_replication_logs(
    local: Option<&ReplicationLog>,
    remote: Option<&ReplicationLog>,
) -> Seq {
    let (Some(local), Some(remote)) = (local, remote) else {
        return Seq::zero();
    };
    if local.session_id == remote.session_id {
        return local.last().unwrap_or_else(Seq::zero);
    }
    let theirs: Vec<&str> = std::iter::once(remote.session_id.as_str())
        .chain(remote.history.iter().map(|h| h.session_id.as_str()))
        .collect();
    std::iter::once(LogEntry {
        session_id: local.session_id.clone(),
        last_seq: local.last_seq.clone(),
    })
    .chain(local.history.iter().cloned())
    .find(|h| theirs.contains(&h.session_id.as_str()))
    .and_then(|h| Seq::of(&h.last_seq).ok())
    .unwrap_or_else(Seq::zero)
}

/// The log to record after a batch: this session at `last_seq`, the earlier ones after it.
pub fn next_log(
    rep_id: &str,
    session_id: &str,
    last_seq: &Seq,
    before: Option<&ReplicationLog>,
) -> ReplicationLog {
    let mut history = vec![LogEntry {
        session_id: session_id.to_string(),
        last_seq: last_seq.to_json(),
    }];
    if let Some(b) = before {
        history.extend(
            b.history
                .iter()
                .filter(|h| h.session_id != session_id)
                .cloned(),
        );
    }
    history.truncate(5);
    ReplicationLog {
        id: log_path(rep_id).trim_start_matches('/').to_string(),
        rev: before.and_then(|b| b.rev.clone()),
        replicator: "folio".into(),
        version: 1,
        session_id: session_id.to_string(),
        last_seq: last_seq.to_json(),
        history,
    }
}

/// Read Batch of Changes: up to `limit` documents changed since `since`, each with every leaf
/// revision it has (`style=all_docs`, so conflicts are seen).
pub async fn read_batch_of_changes<R: Remote>(
    remote: &R,
    since: &Seq,
    limit: usize,
) -> Result<Changes, SyncError> {
    let path = format!(
        "/_changes?style=all_docs&since={}&limit={limit}",
        since.query()
    );
    let answer = send(remote, Request::get(path)).await?;
    understood(wire::changes(&answer.body))
}

/// Waits for the next change after `since` (a live changes request, ended from here after
/// `LONGPOLL_MS`: no change then is an empty batch).
pub async fn wait_for_changes<R: Remote>(remote: &R, since: &Seq) -> Result<Changes, SyncError> {
    let path = format!(
        "/_changes?feed=longpoll&style=all_docs&since={}&limit={}&heartbeat=10000&timeout={LONGPOLL_MS}",
        since.query(),
        wire::BATCH
    );
    let mut request = Request::get(path);
    request.timeout_ms = LONGPOLL_MS + 5_000;
    match remote.send(request).await {
        Err(super::Transport::Timeout) => Ok(Changes {
            results: Vec::new(),
            last_seq: since.clone(),
            pending: None,
        }),
        Err(t) => Err(t.into()),
        Ok(a) if (200..300).contains(&a.status) => understood(wire::changes(&a.body)),
        Ok(a) => Err(SyncError::from_answer(a.status, &a.body)),
    }
}

/// Purges these revisions (deletions every device has applied) where the server can: the
/// documents it purged, or None when it does not purge (PouchDB Server, a server that forbids
/// it to members), which leaves old revisions to the admin's compaction.
pub async fn purge<R: Remote>(
    remote: &R,
    revs: &BTreeMap<String, Vec<String>>,
) -> Result<Option<BTreeSet<String>>, SyncError> {
    if revs.is_empty() {
        return Ok(Some(BTreeSet::new()));
    }
    let body = serde_json::to_string(revs).map_err(|_| SyncError::BadAnswer("request"))?;
    let answer = remote
        .send(Request::with_body(Method::Post, "/_purge", body))
        .await?;
    match answer.status {
        200..=202 => understood(wire::purged(&answer.body)).map(Some),
        400 | 401 | 403 | 404 | 405 | 501 => Ok(None),
        status => Err(SyncError::from_answer(status, &answer.body)),
    }
}

/// Calculate Revision Difference: of these revisions, the ones the server lacks.
pub async fn calculate_revision_difference<R: Remote>(
    remote: &R,
    revs: &BTreeMap<String, Vec<String>>,
) -> Result<BTreeMap<String, Vec<String>>, SyncError> {
    if revs.is_empty() {
        return Ok(BTreeMap::new());
    }
    let body = serde_json::to_string(revs).map_err(|_| SyncError::BadAnswer("request"))?;
    let answer = send(
        remote,
        Request::with_body(Method::Post, "/_revs_diff", body),
    )
    .await?;
    understood(wire::revs_diff(&answer.body))
}

/// Fetch Changed Documents: these revisions with their histories, by `_bulk_get`; a server
/// without it (CouchDB 1) is asked document by document with `open_revs`.
pub async fn fetch_changed_documents<R: Remote>(
    remote: &R,
    wanted: &[(String, String)],
) -> Result<Vec<Doc>, SyncError> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let docs: Vec<serde_json::Value> = wanted
        .iter()
        .map(|(id, rev)| serde_json::json!({"id": id, "rev": rev}))
        .collect();
    let body = serde_json::json!({ "docs": docs }).to_string();
    let answer = remote
        .send(Request::with_body(
            Method::Post,
            "/_bulk_get?revs=true&latest=true",
            body,
        ))
        .await?;
    match answer.status {
        200..=299 => understood(wire::bulk_get(&answer.body)),
        400 | 404 | 405 | 501 => {
            let mut by_id: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (id, rev) in wanted {
                by_id.entry(id).or_default().push(rev);
            }
            let mut out = Vec::new();
            for (id, revs) in by_id {
                let list = serde_json::to_string(&revs).unwrap_or_default();
                let path = format!(
                    "/{}?revs=true&latest=true&open_revs={}",
                    wire::percent_encode(id),
                    wire::percent_encode(&list)
                );
                let answer = send(remote, Request::get(path)).await?;
                out.extend(understood(wire::open_revs(&answer.body))?);
            }
            Ok(out)
        }
        status => Err(SyncError::from_answer(status, &answer.body)),
    }
}

/// One revision of one document with its history, None when the server does not have it (a
/// revision compacted away).
pub async fn fetch_revision<R: Remote>(
    remote: &R,
    id: &str,
    rev: &str,
) -> Result<Option<Doc>, SyncError> {
    let path = format!(
        "/{}?rev={}&revs=true",
        wire::percent_encode(id),
        wire::percent_encode(rev)
    );
    let answer = remote.send(Request::get(path)).await?;
    match answer.status {
        200 => Ok(wire::doc(&answer.body).ok()),
        404 => Ok(None),
        status => Err(SyncError::from_answer(status, &answer.body)),
    }
}

/// The current revision of a document by its id, None when it has none.
pub async fn get_document<R: Remote>(remote: &R, id: &str) -> Result<Option<Doc>, SyncError> {
    let answer = remote
        .send(Request::get(format!("/{}", wire::percent_encode(id))))
        .await?;
    match answer.status {
        200 => understood(wire::doc(&answer.body)).map(Some),
        404 => Ok(None),
        status => Err(SyncError::from_answer(status, &answer.body)),
    }
}

/// Upload Batch of Changed Documents: the revisions as they are, with their histories
/// (`new_edits: false`), so the server grafts them onto what it has. Returns the documents it
/// refused.
pub async fn upload_batch_of_changed_documents<R: Remote>(
    remote: &R,
    docs: &[Doc],
) -> Result<Vec<Rejected>, SyncError> {
    if docs.is_empty() {
        return Ok(Vec::new());
    }
    let body = serde_json::json!({ "new_edits": false, "docs": docs }).to_string();
    let answer = send(
        remote,
        Request::with_body(Method::Post, "/_bulk_docs", body),
    )
    .await?;
    understood(wire::bulk_docs(&answer.body))
}

/// Record Replication Checkpoint: writes the log; a stale revision (409) is read again and
/// written once more. A server that refuses the write (401, 403) leaves this device's own
/// checkpoint to do the work. Returns the log as stored.
pub async fn record_replication_checkpoint<R: Remote>(
    remote: &R,
    mut log: ReplicationLog,
) -> Result<ReplicationLog, SyncError> {
    for _ in 0..2 {
        let body = serde_json::to_string(&log).map_err(|_| SyncError::BadAnswer("request"))?;
        let path = format!("/{}", log.id);
        let answer = remote
            .send(Request::with_body(Method::Put, path, body))
            .await?;
        match answer.status {
            200..=299 => {
                log.rev = wire::put_answer(&answer.body).ok();
                return Ok(log);
            }
            409 => {
                let rep_id = log.id.trim_start_matches("_local/").to_string();
                log.rev = retrieve_replication_log(remote, &rep_id)
                    .await?
                    .and_then(|l| l.rev);
            }
            401 | 403 => return Ok(log),
            status => return Err(SyncError::from_answer(status, &answer.body)),
        }
    }
    Err(SyncError::Refused(409))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replication_ids_are_stable_per_device_direction_and_database() {
        let a = generate_replication_id("pull", "dev1", "https://Couch.example.com/folio/");
        assert_eq!(
            a,
            generate_replication_id("pull", "dev1", "https://jana:pw@couch.example.com/folio")
        );
        assert_ne!(
            a,
            generate_replication_id("push", "dev1", "https://couch.example.com/folio")
        );
        assert_ne!(
            a,
            generate_replication_id("pull", "dev2", "https://couch.example.com/folio")
        );
        assert_ne!(
            a,
            generate_replication_id("pull", "dev1", "https://couch.example.com/other")
        );
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn logs_compare_by_session() {
        let log = |session: &str, seq: u64, history: Vec<(&str, u64)>| ReplicationLog {
            id: "_local/x".into(),
            rev: None,
            replicator: "folio".into(),
            version: 1,
            session_id: session.into(),
            last_seq: seq.into(),
            history: history
                .into_iter()
                .map(|(s, q)| LogEntry {
                    session_id: s.into(),
                    last_seq: q.into(),
                })
                .collect(),
        };
        let mine = log("s2", 50, vec![("s2", 50), ("s1", 20)]);
        assert_eq!(compare_replication_logs(Some(&mine), None), Seq::zero());
        assert_eq!(
            compare_replication_logs(Some(&mine), Some(&log("s2", 40, vec![]))),
            Seq("50".into())
        );
        assert_eq!(
            compare_replication_logs(Some(&mine), Some(&log("s9", 70, vec![("s1", 20)]))),
            Seq("20".into())
        );
        assert_eq!(
            compare_replication_logs(Some(&mine), Some(&log("s9", 70, vec![]))),
            Seq::zero(),
            "a database replaced or restored: everything again"
        );
        let next = next_log("x", "s3", &Seq("60".into()), Some(&mine));
        assert_eq!(next.history[0].session_id, "s3");
        assert_eq!(next.id, "_local/x");
    }
}
