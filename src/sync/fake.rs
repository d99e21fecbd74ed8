//! A little CouchDB in memory for native tests: revision trees, the winning leaf, an update
//! sequence, `_local` documents, the changes feed, `_revs_diff`, `_bulk_get` (or not, to test
//! the `open_revs` way), `_bulk_docs` with `new_edits: false`, and faults on demand. Test only.

use super::remote::{Method, Remote, Request, Response, Transport};
use super::revs::{self, RevId};
use super::wire::Doc;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Default, Clone)]
struct Tree {
    /// Revision → (parent, body if the server still has it).
    revs: BTreeMap<String, (Option<String>, Option<Doc>)>,
    seq: u64,
}

impl Tree {
    fn leaves(&self) -> Vec<String> {
        let parents: Vec<&String> = self.revs.values().filter_map(|(p, _)| p.as_ref()).collect();
        self.revs
            .keys()
            .filter(|r| !parents.contains(r))
            .cloned()
            .collect()
    }

    fn path(&self, rev: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = Some(rev.to_string());
        while let Some(r) = at {
            let Some(id) = RevId::parse(&r) else { break };
            out.push(id.hash);
            at = self.revs.get(&r).and_then(|(p, _)| p.clone());
        }
        out
    }

    fn with_revisions(&self, rev: &str) -> Option<Doc> {
        let mut doc = self.revs.get(rev)?.1.clone()?;
        let id = RevId::parse(rev)?;
        doc.revisions = Some(super::wire::Revisions {
            start: id.n,
            ids: self.path(rev),
        });
        Some(doc)
    }

    fn winner(&self) -> Option<String> {
        let leaves: Vec<(RevId, bool)> = self
            .leaves()
            .iter()
            .filter_map(|r| {
                let deleted = self.revs.get(r)?.1.as_ref().is_none_or(|d| d.deleted);
                Some((RevId::parse(r)?, deleted))
            })
            .collect();
        revs::winner(leaves.iter().map(|(r, d)| (r, *d))).map(|r| r.to_string())
    }
}

#[derive(Default)]
pub struct State {
    docs: BTreeMap<String, Tree>,
    local: BTreeMap<String, (u64, Value)>,
    seq: u64,
    pub requests: Vec<String>,
    /// The next this many requests fail as offline.
    pub offline: usize,
    /// After this many more requests, every request fails (a tab killed mid-sync).
    pub die_after: Option<usize>,
    pub wrong_password: bool,
    pub no_bulk_get: bool,
    /// Answers longer than this many bytes are too large to read (as the browser's cap).
    pub max_answer: Option<usize>,
    /// Purges as CouchDB does (PouchDB Server answers 400, as the fake does without it).
    pub purges: bool,
    /// The next this many changes requests answer that nothing changed (a device that pushes
    /// before it has seen another's revision).
    pub hide_changes: usize,
}

/// The fake server; clones share one database.
#[derive(Clone, Default)]
pub struct FakeCouch {
    pub state: Rc<RefCell<State>>,
}

fn ok(status: u16, body: Value) -> Result<Response, Transport> {
    Ok(Response {
        status,
        body: body.to_string(),
    })
}

impl FakeCouch {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every stored revision body as JSON text, for scanning what the server holds.
    pub fn all_bodies(&self) -> Vec<String> {
        let s = self.state.borrow();
        let mut out: Vec<String> = s
            .docs
            .values()
            .flat_map(|t| t.revs.values().filter_map(|(_, d)| d.as_ref()))
            .map(|d| serde_json::to_string(d).unwrap())
            .collect();
        out.extend(s.local.values().map(|(_, v)| v.to_string()));
        out
    }

    /// The live documents (winner not deleted) and the number of revisions stored.
    pub fn counts(&self) -> (usize, usize) {
        let s = self.state.borrow();
        let live = s
            .docs
            .values()
            .filter(|t| {
                t.winner()
                    .and_then(|w| t.revs.get(&w).and_then(|(_, d)| d.clone()))
                    .is_some_and(|d| !d.deleted)
            })
            .count();
        (live, s.docs.values().map(|t| t.revs.len()).sum())
    }

    /// The leaves of a document.
    pub fn leaves(&self, id: &str) -> Vec<String> {
        self.state
            .borrow()
            .docs
            .get(id)
            .map(Tree::leaves)
            .unwrap_or_default()
    }

    fn bulk_docs(&self, body: &Value) -> Result<Response, Transport> {
        let mut s = self.state.borrow_mut();
        let docs = body["docs"].as_array().cloned().unwrap_or_default();
        for d in docs {
            let doc: Doc = match serde_json::from_value(d) {
                Ok(d) => d,
                Err(_) => return ok(400, json!({"error":"bad_request","reason":"doc"})),
            };
            let Some(rev) = RevId::parse(&doc.rev) else {
                return ok(400, json!({"error":"bad_request","reason":"rev"}));
            };
            let ids = doc
                .revisions
                .as_ref()
                .map(|r| r.ids.clone())
                .unwrap_or_else(|| vec![rev.hash.clone()]);
            s.seq += 1;
            let seq = s.seq;
            let tree = s.docs.entry(doc.id.clone()).or_default();
            tree.seq = seq;
            for (i, hash) in ids.iter().enumerate() {
                let n = rev.n - i as u64;
                let key = format!("{n}-{hash}");
                let parent = ids.get(i + 1).map(|h| format!("{}-{h}", n - 1));
                let entry = tree.revs.entry(key).or_insert((None, None));
                if entry.0.is_none() {
                    entry.0 = parent;
                }
                if i == 0 {
                    let mut body = doc.clone();
                    body.revisions = None;
                    entry.1 = Some(body);
                }
            }
        }
        ok(201, json!([]))
    }

    fn changes(&self, query: &BTreeMap<String, String>) -> Result<Response, Transport> {
        if self.state.borrow().hide_changes > 0 {
            self.state.borrow_mut().hide_changes -= 1;
            let since = query.get("since").cloned().unwrap_or_else(|| "0".into());
            return ok(
                200,
                json!({"results": [], "last_seq": since.parse::<u64>().unwrap_or(0)}),
            );
        }
        let s = self.state.borrow();
        let since: u64 = query.get("since").and_then(|v| v.parse().ok()).unwrap_or(0);
        let limit: usize = query
            .get("limit")
            .and_then(|v| v.parse().ok())
            .unwrap_or(usize::MAX);
        let mut changed: Vec<(&String, &Tree)> =
            s.docs.iter().filter(|(_, t)| t.seq > since).collect();
        changed.sort_by_key(|(_, t)| t.seq);
        let results: Vec<Value> = changed
            .iter()
            .take(limit)
            .map(|(id, t)| {
                let changes: Vec<Value> = t.leaves().iter().map(|r| json!({"rev": r})).collect();
                json!({"seq": t.seq, "id": id, "changes": changes})
            })
            .collect();
        let last = changed
            .get(limit.min(changed.len()).saturating_sub(1))
            .map(|(_, t)| t.seq)
            .unwrap_or(s.seq.max(since));
        ok(200, json!({"results": results, "last_seq": last}))
    }
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Remote for FakeCouch {
    async fn send(&self, request: Request) -> Result<Response, Transport> {
        let answer = self.answer(request).await?;
        match self.state.borrow().max_answer {
            Some(max) if answer.body.len() > max => Err(Transport::TooLarge),
            _ => Ok(answer),
        }
    }
}

impl FakeCouch {
    async fn answer(&self, request: Request) -> Result<Response, Transport> {
        {
            let mut s = self.state.borrow_mut();
            s.requests
                .push(format!("{} {}", request.method.as_str(), request.path));
            if let Some(left) = s.die_after {
                if left == 0 {
                    return Err(Transport::Offline);
                }
                s.die_after = Some(left - 1);
            }
            if s.offline > 0 {
                s.offline -= 1;
                return Err(Transport::Offline);
            }
            if s.wrong_password {
                return ok(
                    401,
                    json!({"error":"unauthorized","reason":"Name or password is incorrect."}),
                );
            }
        }
        let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
        let query: BTreeMap<String, String> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), decode(v)))
            .collect();
        let body: Value = request
            .body
            .as_deref()
            .and_then(|b| serde_json::from_str(b).ok())
            .unwrap_or(Value::Null);
        match (request.method, path) {
            (Method::Get, "") => ok(
                200,
                json!({"db_name": "fake", "update_seq": self.state.borrow().seq}),
            ),
            (Method::Get, "/_changes") => self.changes(&query),
            (Method::Post, "/_purge") => {
                let mut s = self.state.borrow_mut();
                if !s.purges {
                    return ok(400, json!({"error":"bad_request","reason":"purge"}));
                }
                let mut purged = serde_json::Map::new();
                for (id, revs) in body.as_object().cloned().unwrap_or_default() {
                    let revs: Vec<String> = serde_json::from_value(revs).unwrap_or_default();
                    // A document whose every leaf is purged goes whole, history and all.
                    let gone = s
                        .docs
                        .get(&id)
                        .is_some_and(|t| t.leaves().iter().all(|l| revs.contains(l)));
                    if gone {
                        s.docs.remove(&id);
                        purged.insert(id, json!(revs));
                    }
                }
                ok(201, json!({"purge_seq": null, "purged": purged}))
            }
            (Method::Post, "/_revs_diff") => {
                let s = self.state.borrow();
                let mut out = serde_json::Map::new();
                for (id, revs) in body.as_object().cloned().unwrap_or_default() {
                    let missing: Vec<Value> = revs
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|r| {
                            let r = r.as_str().unwrap_or_default();
                            !s.docs.get(&id).is_some_and(|t| {
                                t.revs.get(r).is_some_and(|(_, body)| body.is_some())
                            })
                        })
                        .collect();
                    if !missing.is_empty() {
                        out.insert(id, json!({ "missing": missing }));
                    }
                }
                ok(200, Value::Object(out))
            }
            (Method::Post, "/_bulk_get") => {
                if self.state.borrow().no_bulk_get {
                    return ok(404, json!({"error":"not_found","reason":"missing"}));
                }
                let s = self.state.borrow();
                let results: Vec<Value> = body["docs"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .map(|w| {
                        let id = w["id"].as_str().unwrap_or_default();
                        let rev = w["rev"].as_str().unwrap_or_default();
                        let found = s.docs.get(id).and_then(|t| t.with_revisions(rev));
                        let entry = match found {
                            Some(d) => json!({ "ok": d }),
                            None => json!({ "missing": rev }),
                        };
                        json!({"id": id, "docs": [entry]})
                    })
                    .collect();
                ok(200, json!({ "results": results }))
            }
            (Method::Post, "/_bulk_docs") => self.bulk_docs(&body),
            (Method::Get, p) if p.starts_with("/_local/") => {
                match self.state.borrow().local.get(&p[1..]) {
                    Some((_, v)) => ok(200, v.clone()),
                    None => ok(404, json!({"error":"not_found","reason":"missing"})),
                }
            }
            (Method::Put, p) if p.starts_with("/_local/") => {
                let mut s = self.state.borrow_mut();
                let key = p[1..].to_string();
                let current = s.local.get(&key).map(|(n, _)| *n).unwrap_or(0);
                let sent = body["_rev"].as_str().map(str::to_string);
                if current > 0 && sent != Some(format!("0-{current}")) {
                    return ok(
                        409,
                        json!({"error":"conflict","reason":"Document update conflict."}),
                    );
                }
                let mut stored = body.clone();
                stored["_rev"] = json!(format!("0-{}", current + 1));
                s.local.insert(key.clone(), (current + 1, stored));
                ok(
                    201,
                    json!({"ok": true, "id": key, "rev": format!("0-{}", current + 1)}),
                )
            }
            (Method::Get, p) => {
                let id = decode(&p[1..]);
                let s = self.state.borrow();
                let Some(tree) = s.docs.get(&id) else {
                    return ok(404, json!({"error":"not_found","reason":"missing"}));
                };
                if let Some(list) = query.get("open_revs") {
                    let wanted: Vec<String> = serde_json::from_str(list).unwrap_or_default();
                    let entries: Vec<Value> = wanted
                        .iter()
                        .map(|r| match tree.with_revisions(r) {
                            Some(d) => json!({ "ok": d }),
                            None => json!({ "missing": r }),
                        })
                        .collect();
                    return ok(200, Value::Array(entries));
                }
                let rev = query.get("rev").cloned().or_else(|| tree.winner());
                match rev.and_then(|r| tree.with_revisions(&r)) {
                    Some(d) if !d.deleted || query.contains_key("rev") => {
                        ok(200, serde_json::to_value(d).unwrap_or_default())
                    }
                    _ => ok(404, json!({"error":"not_found","reason":"deleted"})),
                }
            }
            _ => ok(405, json!({"error":"method_not_allowed","reason":"fake"})),
        }
    }
}
