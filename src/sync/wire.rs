//! The server's answers, read as hostile input: every reader checks the size first, parses into
//! types that take only what the protocol needs (extra fields are ignored, a missing one is an
//! error or a default), and caps every list. The only parser of server JSON. Must not import
//! `app` or `ui`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The largest answer Folio reads (16 MiB).
pub const MAX_BODY: usize = 16 << 20;
/// The most entries one answer may list (a batch asks for at most `BATCH`).
pub const MAX_ENTRIES: usize = 1_000;
/// How many documents one batch asks for or sends.
pub const BATCH: usize = 100;
/// The longest id or revision Folio accepts from a server.
pub const MAX_ID: usize = 200;
/// The most revisions of one document's history Folio keeps or reads.
pub const MAX_REVISIONS: usize = 1_000;

/// A CouchDB error body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub reason: String,
}

/// The error body of an answer, when it has one.
pub fn error_body(body: &str) -> Option<ErrorBody> {
    if body.len() > 64 * 1024 {
        return None;
    }
    serde_json::from_str(body).ok()
}

fn parse<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, &'static str> {
    if body.len() > MAX_BODY {
        return Err("too large");
    }
    serde_json::from_str(body).map_err(|_| "not JSON of the expected shape")
}

fn short(text: &str) -> bool {
    !text.is_empty() && text.len() <= MAX_ID && !text.chars().any(char::is_control)
}

/// `GET /{db}`: the database exists and answers as a CouchDB database.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DbInfo {
    pub db_name: String,
}

pub fn db_info(body: &str) -> Result<DbInfo, &'static str> {
    let info: DbInfo = parse(body)?;
    if info.db_name.len() > MAX_ID {
        return Err("database name");
    }
    Ok(info)
}

/// An update sequence as the server wrote it (a number on PouchDB Server, an opaque string on
/// CouchDB 2 and later): kept as its JSON text and sent back as it came.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Seq(pub String);

impl Seq {
    pub fn zero() -> Self {
        Seq("0".into())
    }

    pub fn of(value: &Value) -> Result<Seq, &'static str> {
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return Err("sequence"),
        };
        if text.is_empty() || text.len() > 4096 || text.chars().any(char::is_control) {
            return Err("sequence");
        }
        Ok(Seq(text))
    }

    /// The value of a `since=` query parameter.
    pub fn query(&self) -> String {
        percent_encode(&self.0)
    }

    /// The sequence as JSON (a number when it reads as one).
    pub fn to_json(&self) -> Value {
        match self.0.parse::<u64>() {
            Ok(n) => Value::from(n),
            Err(_) => Value::String(self.0.clone()),
        }
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One document's entry in `_changes?style=all_docs`: every leaf revision it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub revs: Vec<String>,
}

/// A batch of the changes feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    pub results: Vec<Change>,
    pub last_seq: Seq,
    /// How many changes are still waiting after this batch (CouchDB says; PouchDB does not).
    pub pending: Option<u64>,
}

#[derive(Deserialize)]
struct RawChanges {
    #[serde(default)]
    results: Vec<RawChange>,
    last_seq: Value,
    #[serde(default)]
    pending: Option<u64>,
}

#[derive(Deserialize)]
struct RawChange {
    id: String,
    #[serde(default)]
    changes: Vec<RawRev>,
}

#[derive(Deserialize)]
struct RawRev {
    rev: String,
}

/// `GET /{db}/_changes`. The body may hold heartbeat new lines around the JSON.
pub fn changes(body: &str) -> Result<Changes, &'static str> {
    let raw: RawChanges = parse(body.trim())?;
    if raw.results.len() > MAX_ENTRIES {
        return Err("too many changes");
    }
    let mut results = Vec::with_capacity(raw.results.len());
    for c in raw.results {
        if !short(&c.id) || c.changes.len() > MAX_ENTRIES {
            return Err("change");
        }
        let revs: Vec<String> = c.changes.into_iter().map(|r| r.rev).collect();
        if revs.iter().any(|r| !short(r)) {
            return Err("revision");
        }
        results.push(Change { id: c.id, revs });
    }
    Ok(Changes {
        results,
        last_seq: Seq::of(&raw.last_seq)?,
        pending: raw.pending,
    })
}

/// `POST /{db}/_revs_diff`: the revisions the server lacks, by document.
pub fn revs_diff(body: &str) -> Result<BTreeMap<String, Vec<String>>, &'static str> {
    #[derive(Deserialize)]
    struct Missing {
        #[serde(default)]
        missing: Vec<String>,
    }
    let raw: BTreeMap<String, Missing> = parse(body)?;
    if raw.len() > MAX_ENTRIES {
        return Err("too many documents");
    }
    let mut out = BTreeMap::new();
    for (id, m) in raw {
        if !short(&id) || m.missing.len() > MAX_ENTRIES || m.missing.iter().any(|r| !short(r)) {
            return Err("revision");
        }
        out.insert(id, m.missing);
    }
    Ok(out)
}

/// `POST /{db}/_purge`: the documents whose revisions the server purged.
pub fn purged(body: &str) -> Result<BTreeSet<String>, &'static str> {
    #[derive(Deserialize)]
    struct Purged {
        #[serde(default)]
        purged: BTreeMap<String, Vec<String>>,
    }
    let raw: Purged = parse(body)?;
    if raw.purged.len() > MAX_ENTRIES {
        return Err("too many documents");
    }
    let mut out = BTreeSet::new();
    for (id, revs) in raw.purged {
        if !short(&id) || revs.len() > MAX_ENTRIES || revs.iter().any(|r| !short(r)) {
            return Err("revision");
        }
        if !revs.is_empty() {
            out.insert(id);
        }
    }
    Ok(out)
}

/// A revision's ancestry: `start` is the revision's number, `ids` the hashes from it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub start: u64,
    pub ids: Vec<String>,
}

/// A document as Folio writes it: the protocol's fields, and the sealed item as base64 text
/// (`v` says which layout; `m` the sealed address, `n` the nonce, `c` the ciphertext), or the
/// vault's header. Fields Folio does not write are ignored when read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Doc {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev")]
    pub rev: String,
    #[serde(
        rename = "_revisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub revisions: Option<Revisions>,
    #[serde(rename = "_deleted", default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub v: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub c: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<Value>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Doc {
    fn checked(self) -> Result<Doc, &'static str> {
        if !short(&self.id) || !short(&self.rev) {
            return Err("document id");
        }
        if let Some(r) = &self.revisions {
            if r.ids.len() > MAX_REVISIONS || r.ids.iter().any(|h| !short(h)) {
                return Err("revisions");
            }
        }
        Ok(self)
    }
}

/// `GET /{db}/{id}`: one document.
pub fn doc(body: &str) -> Result<Doc, &'static str> {
    parse::<Doc>(body)?.checked()
}

/// `POST /{db}/_bulk_get` (and `open_revs` as JSON): the documents found; a revision the
/// server no longer has, or an entry it names as an error, is left out (it comes again through
/// the changes feed if it matters).
pub fn bulk_get(body: &str) -> Result<Vec<Doc>, &'static str> {
    #[derive(Deserialize)]
    struct Raw {
        results: Vec<RawResult>,
    }
    #[derive(Deserialize)]
    struct RawResult {
        #[serde(default)]
        docs: Vec<Value>,
    }
    let raw: Raw = parse(body)?;
    let mut out = Vec::new();
    for r in raw.results {
        entries(r.docs, &mut out)?;
    }
    Ok(out)
}

/// `GET /{db}/{id}?open_revs=[…]` with JSON: the same entries as one list.
pub fn open_revs(body: &str) -> Result<Vec<Doc>, &'static str> {
    let raw: Vec<Value> = parse(body)?;
    let mut out = Vec::new();
    entries(raw, &mut out)?;
    Ok(out)
}

fn entries(list: Vec<Value>, out: &mut Vec<Doc>) -> Result<(), &'static str> {
    for entry in list {
        if out.len() >= MAX_ENTRIES {
            return Err("too many documents");
        }
        if let Value::Object(mut map) = entry {
            if let Some(ok) = map.remove("ok") {
                let doc: Doc = serde_json::from_value(ok).map_err(|_| "document")?;
                out.push(doc.checked()?);
            }
        }
    }
    Ok(())
}

/// One document the server refused in `_bulk_docs`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Rejected {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub error: String,
}

/// `POST /{db}/_bulk_docs` with `new_edits: false`: the refused documents (an entry without an
/// error was stored).
pub fn bulk_docs(body: &str) -> Result<Vec<Rejected>, &'static str> {
    let raw: Vec<Rejected> = parse(body)?;
    if raw.len() > MAX_ENTRIES {
        return Err("too many documents");
    }
    Ok(raw.into_iter().filter(|r| !r.error.is_empty()).collect())
}

/// A replication log, kept in `_local/<replication id>` (PouchDB's shape, which CouchDB's tools
/// read too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicationLog {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    #[serde(default)]
    pub replicator: String,
    #[serde(default)]
    pub version: u32,
    pub session_id: String,
    pub last_seq: Value,
    #[serde(default)]
    pub history: Vec<LogEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub session_id: String,
    pub last_seq: Value,
}

impl ReplicationLog {
    pub fn last(&self) -> Option<Seq> {
        Seq::of(&self.last_seq).ok()
    }
}

pub fn replication_log(body: &str) -> Result<ReplicationLog, &'static str> {
    let log: ReplicationLog = parse(body)?;
    if log.history.len() > 50 || log.session_id.len() > MAX_ID {
        return Err("replication log");
    }
    Ok(log)
}

/// `PUT /{db}/_local/…`: the revision the server gave the log.
pub fn put_answer(body: &str) -> Result<String, &'static str> {
    #[derive(Deserialize)]
    struct Put {
        rev: String,
    }
    let put: Put = parse(body)?;
    if !short(&put.rev) {
        return Err("revision");
    }
    Ok(put.rev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pouchdb_servers_answers_read() {
        let c = changes("\n\n{\"results\":[{\"seq\":2,\"id\":\"d1\",\"changes\":[{\"rev\":\"2-bbb\"},{\"rev\":\"2-ccc\"}]},{\"seq\":3,\"id\":\"d2\",\"changes\":[{\"rev\":\"1-ddd\"}],\"deleted\":true}],\"last_seq\":3}\n").unwrap();
        assert_eq!(c.results.len(), 2);
        assert_eq!(c.results[0].revs, ["2-bbb", "2-ccc"]);
        assert_eq!(c.last_seq, Seq("3".into()));
        let couch = changes(r#"{"results":[],"last_seq":"12-g1AAAA","pending":4}"#).unwrap();
        assert_eq!(couch.last_seq.query(), "12-g1AAAA");
        assert_eq!(couch.pending, Some(4));
        let got = bulk_get(r#"{"results":[{"id":"d1","docs":[{"ok":{"_id":"d1","_rev":"2-ccc","_revisions":{"start":2,"ids":["ccc","aaa"]},"v":1,"m":"x","n":"y","c":"z"}}]},{"id":"x","docs":[{"missing":"9-zzz"}]},{"id":"y","docs":[{"error":{"id":"y","rev":"1-a","error":"not_found","reason":"missing"}}]}]}"#).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].revisions.as_ref().unwrap().ids, ["ccc", "aaa"]);
        assert_eq!(bulk_docs("[]").unwrap(), []);
        let refused =
            bulk_docs(r#"[{"id":"a","error":"forbidden","reason":"no"},{"id":"b","rev":"1-x"}]"#)
                .unwrap();
        assert_eq!(refused.len(), 1);
        let diff = revs_diff(r#"{"a":{"missing":["3-x"],"possible_ancestors":["2-y"]}}"#).unwrap();
        assert_eq!(diff["a"], ["3-x"]);
        assert!(db_info(r#"{"db_name":"folio","update_seq":0}"#).is_ok());
    }

    #[test]
    fn hostile_answers_are_refused_not_trusted() {
        assert!(changes(r#"{"results":[{"id":"","changes":[]}],"last_seq":1}"#).is_err());
        assert!(changes(r#"{"results":[],"last_seq":{"x":1}}"#).is_err());
        assert!(changes(r#"{"results":[{"id":"a\u0000","changes":[]}],"last_seq":1}"#).is_err());
        let long = "a".repeat(MAX_ID + 1);
        assert!(revs_diff(&format!(r#"{{"{long}":{{"missing":[]}}}}"#)).is_err());
        assert!(bulk_get(r#"{"results":[{"docs":[{"ok":{"_id":"a"}}]}]}"#).is_err());
        assert!(db_info("[]").is_err());
        let huge = format!("[{}]", "0,".repeat(MAX_BODY / 2));
        assert_eq!(bulk_docs(&huge), Err("too large"));
        assert!(purged(r#"{"purged":{"a\u0000":["1-a"]}}"#).is_err());
        assert!(purged(&format!(r#"{{"purged":{{"{long}":["1-a"]}}}}"#)).is_err());
        assert_eq!(
            purged(r#"{"purge_seq":null,"purged":{"a":["2-b"],"c":[]}}"#),
            Ok(["a".to_string()].into())
        );
    }

    proptest! {
        #[test]
        fn no_reader_panics_on_any_text(text in ".{0,400}") {
            let _ = changes(&text);
            let _ = revs_diff(&text);
            let _ = bulk_get(&text);
            let _ = open_revs(&text);
            let _ = bulk_docs(&text);
            let _ = replication_log(&text);
            let _ = put_answer(&text);
            let _ = db_info(&text);
            let _ = doc(&text);
            let _ = error_body(&text);
            let _ = purged(&text);
        }

        #[test]
        fn no_reader_panics_on_json_of_the_right_outline(
            id in "\\PC{0,30}", rev in "\\PC{0,30}", seq in any::<i64>(), n in 0usize..5
        ) {
            let change = format!(r#"{{"id":{id:?},"changes":[{{"rev":{rev:?}}}]}}"#);
            let body = format!(r#"{{"results":[{}],"last_seq":{seq}}}"#, vec![change; n].join(","));
            if let Ok(c) = changes(&body) {
                prop_assert!(c.results.iter().all(|r| short(&r.id)));
            }
            let doc = format!(r#"{{"results":[{{"docs":[{{"ok":{{"_id":{id:?},"_rev":{rev:?},"_revisions":{{"start":{seq},"ids":[{rev:?}]}}}}}}]}}]}}"#);
            let _ = bulk_get(&doc);
        }
    }
}
