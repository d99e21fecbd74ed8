//! One pulled document decided (#22): applied as it comes when this device has not changed the
//! record since the version it descends from; otherwise merged field by field with this
//! device's change and the document's other leaves against the version both started from
//! (fetched from the server while it still has it), the values not kept becoming Sync conflict
//! records; a deletion applied, or refused in favour of a change made here. Must not import `ui`.

use super::error::AppError;
use super::sync::{Plan, Report, Row, Rows};
use super::sync_doc::{self, Pulled, SyncConflict, CONFLICT_KIND};
use super::trail::{seal_record, Entry};
use super::types::{OpenRecord, UnlockedVault};
use crate::domain::audit::{self, Action};
use crate::domain::sync_merge::{self, Side};
use crate::store::{Deletion, Expect, Repository};
use crate::sync::revs::{self, RevId};
use crate::sync::wire::Doc;
use crate::sync::{protocol, Remote};
use crate::vault::VaultError;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// How far back a refused revision's history is searched for one that opens.
const MAX_BACK: usize = 20;

impl<R: Repository> UnlockedVault<R> {
    /// The pulled documents, each refused revision followed by the newest of its ancestors
    /// this device does not have yet that opens, while the server still has it: a revision
    /// someone altered and stacked on good ones hides none of them.
    pub(super) async fn with_good_ancestors<S: Remote>(
        &self,
        remote: &S,
        docs: Vec<Doc>,
        rows: &Rows,
    ) -> Result<Vec<Doc>, AppError> {
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            let history = (!d.deleted && !self.opens(&d))
                .then(|| d.revisions.clone())
                .flatten();
            let id = d.id.clone();
            out.push(d);
            let Some(history) = history else { continue };
            let known = rows.get(&id);
            for (back, hash) in history.ids.iter().enumerate().skip(1).take(MAX_BACK) {
                let Some(n) = history.start.checked_sub(back as u64).filter(|n| *n > 0) else {
                    break;
                };
                let rev = RevId {
                    n,
                    hash: hash.clone(),
                };
                if known.is_some_and(|r| r.knows(&rev)) {
                    break;
                }
                match protocol::fetch_revision(remote, &id, &rev.to_string()).await? {
                    Some(a) if a.rev == rev.to_string() && !a.deleted && self.opens(&a) => {
                        out.push(a);
                        break;
                    }
                    Some(_) => continue,
                    None => break,
                }
            }
        }
        Ok(out)
    }

    /// Whether a pulled document opens here as what it says it is (a piece of an audit chain
    /// is checked further when decided).
    fn opens(&self, d: &Doc) -> bool {
        match sync_doc::from_doc(&self.sealer, d) {
            Ok(p) => match &p.body {
                Some(s) if s.kind == super::sync_chains::CHAIN_KIND => true,
                Some(s) => matches!(sync_doc::check(&self.sealer, s), Ok(Some(_))),
                None => true,
            },
            Err(_) => false,
        }
    }

    /// Decides what one pulled document does here.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn plan_doc<S: Remote>(
        &self,
        remote: &S,
        doc: &str,
        pulled: Vec<Pulled>,
        rows: &mut Rows,
        plan: &mut Plan,
        report: &mut Report,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let row = rows.get(doc).cloned().unwrap_or_default();
        let mut live = Vec::new();
        let mut dead = Vec::new();
        for p in pulled {
            match &p.body {
                Some(sealed) => match sync_doc::check(&self.sealer, sealed) {
                    Ok(Some(c)) => live.push((p, c)),
                    _ => report.refused += 1,
                },
                None => dead.push(p),
            }
        }
        plan.rows.push(doc.to_string());
        let (kind, id) = match live.first() {
            Some((_, c)) => (c.record.kind.to_string(), c.record.id.clone()),
            None => (row.k.clone(), row.i.clone()),
        };
        let local = if kind.is_empty() {
            None
        } else {
            sync_doc::local(&self.inner.borrow().snapshot, &kind, &id)?
        };
        if local.is_none() {
            // A conflict this batch made as it merged another document, which arrives made by
            // the other device too (both name it by what it holds): the one pulled is kept.
            plan.puts.retain(|(s, _, _)| s.id != id);
        }
        let clean = local
            .as_ref()
            .is_some_and(|(l, _, _)| !row.d && !row.k.is_empty() && l.rev == row.h.start);
        let row_head = row.head();
        if live.is_empty() {
            // Deletions only.
            let Some(tomb) = dead
                .iter()
                .find(|t| row_head.as_ref().is_none_or(|h| t.history.contains(h)))
            else {
                let entry = rows.entry(doc.to_string()).or_default();
                entry.seen.extend(dead.iter().map(|t| t.rev.to_string()));
                entry.seen.truncate(50);
                return Ok(());
            };
            let next = Row {
                k: kind.clone(),
                i: id.clone(),
                h: tomb.history.clone(),
                d: true,
                ..Row::default()
            };
            match local {
                None => {}
                Some((l, _, people)) if clean => {
                    plan.deletes
                        .push((Deletion::new(&id, &kind, Expect::Rev(l.rev)), l.clone()));
                    plan.entries
                        .push(Entry::new(Action::Delete, &kind, &id, Vec::new()).about(people));
                }
                Some((l, _, people)) => {
                    // Changed here, deleted there: the change stays, and the user is told.
                    let rev = l.rev.max(tomb.rev.n) + 1;
                    let kept = OpenRecord { rev, ..l.clone() };
                    plan.puts.push((
                        seal_record(&self.sealer, &kept)?,
                        Expect::Rev(l.rev),
                        kept.clone(),
                    ));
                    let conflict = SyncConflict {
                        kind: kind.clone(),
                        record_id: id.clone(),
                        field: String::new(),
                        value: Value::Null,
                        taken: Value::Null,
                        written_at: now,
                        people: people.clone(),
                    };
                    self.plan_conflict(doc, &tomb.rev, conflict, plan, report, now)?;
                    plan.entries
                        .push(Entry::new(Action::Update, &kind, &id, Vec::new()).about(people));
                }
            }
            rows.insert(doc.to_string(), next);
            return Ok(());
        }
        // The winning leaf among those pulled, then everything else merged into it.
        let winner = {
            let leaves: Vec<(&RevId, bool)> = live.iter().map(|(p, _)| (&p.rev, false)).collect();
            revs::winner(leaves).cloned()
        };
        let Some(winner) = winner else { return Ok(()) };
        let w = live
            .iter()
            .position(|(p, _)| p.rev == winner)
            .unwrap_or_default();
        let (theirs, checked) = live.swap_remove(w);
        let descends = row_head
            .as_ref()
            .is_some_and(|h| theirs.history.contains(h));
        let mut next = Row {
            k: kind.clone(),
            i: id.clone(),
            h: theirs.history.clone(),
            ..Row::default()
        };
        let Some(sealed) = theirs.body.clone() else {
            return Ok(());
        };
        let simple = live.is_empty() && (local.is_none() || (clean && descends));
        let expect = local
            .as_ref()
            .map_or(Expect::Absent, |(l, _, _)| Expect::Rev(l.rev));
        if simple {
            let (action, before_fields, before_people) = match &local {
                None => (Action::Create, Vec::new(), Vec::new()),
                Some((_, f, p)) => (Action::Update, f.clone(), p.clone()),
            };
            if kind != CONFLICT_KIND {
                plan.entries.push(
                    Entry::new(
                        action,
                        &kind,
                        &id,
                        audit::diff(&before_fields, &checked.fields),
                    )
                    .about(checked.people.clone())
                    .about(before_people),
                );
            }
            plan.puts.push((sealed, expect, checked.record));
            rows.insert(doc.to_string(), next);
            return Ok(());
        }
        // A merge: the version both started from (when the server still has it), the winner,
        // the other leaves, and this device's own change when it has not gone yet.
        // The version both started from: the newest this device had that the winner descends
        // from (this device's own head when the winner builds on it; an older one when both
        // devices sent a revision on the same parent).
        let common = (!row.d).then(|| {
            row.h.ids.iter().enumerate().find_map(|(i, hash)| {
                let rev = RevId {
                    n: row.h.start.checked_sub(i as u64)?,
                    hash: hash.clone(),
                };
                theirs.history.contains(&rev).then_some(rev)
            })
        });
        let base = match common.flatten() {
            Some(rev) => self.fetch_base(remote, doc, &rev).await?,
            None => None,
        };
        let mut others: Vec<(OpenRecord<Value>, String)> = live
            .iter()
            .map(|(p, c)| (c.record.clone(), p.rev.to_string()))
            .collect();
        for (p, _) in &live {
            next.drop.push(p.history.clone());
        }
        let people = checked.people.clone();
        // This device's own leaf, when it is on the server, takes part in picking the winner,
        // by the rule every device applies (CouchDB's): were each device to build on the
        // other's leaf and delete its own, both leaves would go, and the record with them.
        let ours_on_server = clean && !descends;
        let ours_win = ours_on_server
            && row_head.as_ref().is_some_and(|h| {
                !dead.iter().any(|t| t.history.contains(h))
                    && revs::winner([(h, false), (&theirs.rev, false)]) == Some(h)
            });
        if let (true, Some((l, before, _))) = (ours_win, &local) {
            // Theirs merged into this device's leaf, which stays; theirs is deleted.
            let mut kept = Row {
                k: kind.clone(),
                i: id.clone(),
                ..row.clone()
            };
            kept.drop.append(&mut next.drop);
            kept.drop.push(theirs.history.clone());
            others.push((checked.record.clone(), theirs.rev.to_string()));
            let ours = row_head.as_ref().map(|h| h.to_string()).unwrap_or_default();
            let (merged, overlaps) = merge_leaves(&kind, l.clone(), &ours, &others, base.as_ref());
            if merged.data != l.data {
                let record = OpenRecord {
                    rev: l.rev + 1,
                    ..merged
                };
                let sealed = seal_record(&self.sealer, &record)?;
                let fields = sync_doc::check(&self.sealer, &sealed)?
                    .map(|c| c.fields)
                    .unwrap_or_default();
                plan.puts.push((sealed, Expect::Rev(l.rev), record));
                if kind != CONFLICT_KIND {
                    plan.entries.push(
                        Entry::new(Action::Merge, &kind, &id, audit::diff(before, &fields))
                            .about(people.clone()),
                    );
                }
            }
            self.plan_overlaps(doc, (&kind, &id), &people, overlaps, plan, report, now)?;
            rows.insert(doc.to_string(), kept);
            return Ok(());
        }
        if let Some((l, _, _)) = &local {
            if ours_on_server {
                next.drop.push(row.h.clone());
            }
            let rev = if clean {
                row_head.as_ref().map(|h| h.to_string()).unwrap_or_default()
            } else {
                format!("{}-local", l.rev)
            };
            others.push((l.clone(), rev));
        }
        let winner_rev = theirs.rev.to_string();
        let (merged, overlaps) = merge_leaves(
            &kind,
            checked.record.clone(),
            &winner_rev,
            &others,
            base.as_ref(),
        );
        let local_rev = local.as_ref().map_or(0, |(l, _, _)| l.rev);
        if merged.data == checked.record.data {
            plan.puts.push((sealed, expect, checked.record.clone()));
        } else {
            let record = OpenRecord {
                rev: local_rev.max(theirs.rev.n) + 1,
                ..merged
            };
            plan.puts
                .push((seal_record(&self.sealer, &record)?, expect, record));
        }
        let before = local
            .as_ref()
            .map(|(_, f, _)| f.clone())
            .unwrap_or_default();
        if kind != CONFLICT_KIND {
            plan.entries.push(
                Entry::new(
                    Action::Merge,
                    &kind,
                    &id,
                    audit::diff(&before, &checked.fields),
                )
                .about(people.clone()),
            );
        }
        self.plan_overlaps(doc, (&kind, &id), &people, overlaps, plan, report, now)?;
        rows.insert(doc.to_string(), next);
        Ok(())
    }

    /// The values not kept by a merge, each a Sync conflict record.
    #[allow(clippy::too_many_arguments)]
    fn plan_overlaps(
        &self,
        doc: &str,
        (kind, id): (&str, &str),
        people: &[String],
        overlaps: Vec<(sync_merge::Overlap, String)>,
        plan: &mut Plan,
        report: &mut Report,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        for (o, rev) in overlaps {
            let conflict = SyncConflict {
                kind: kind.to_string(),
                record_id: id.to_string(),
                field: o.field,
                value: o.other,
                taken: o.taken,
                written_at: o.other_at,
                people: people.to_vec(),
            };
            let losing = RevId { n: 0, hash: rev };
            self.plan_conflict(doc, &losing, conflict, plan, report, now)?;
        }
        Ok(())
    }

    /// A revision's data from the server (the version two changes started from), None when it
    /// is no longer there.
    async fn fetch_base<S: Remote>(
        &self,
        remote: &S,
        doc: &str,
        rev: &RevId,
    ) -> Result<Option<Value>, AppError> {
        let Some(d) = protocol::fetch_revision(remote, doc, &rev.to_string()).await? else {
            return Ok(None);
        };
        let Ok(p) = sync_doc::from_doc(&self.sealer, &d) else {
            return Ok(None);
        };
        let Some(sealed) = p.body else {
            return Ok(None);
        };
        Ok(sync_doc::check(&self.sealer, &sealed)?.map(|c| c.record.data))
    }

    fn plan_conflict(
        &self,
        doc: &str,
        losing: &RevId,
        mut conflict: SyncConflict,
        plan: &mut Plan,
        report: &mut Report,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        // A contact's conflict is about that person (an erasure takes it with them).
        if conflict.kind == "contact" && !conflict.people.contains(&conflict.record_id) {
            conflict.people.push(conflict.record_id.clone());
        }
        // Named by what it holds (the field, the value not kept, when that was written; for a
        // deletion, the deleting revision), so two devices merging the same change at once
        // make one conflict, not two.
        let value = conflict.value.to_string();
        let written = conflict.written_at.to_rfc3339();
        let deletion = if conflict.field.is_empty() {
            losing.to_string()
        } else {
            String::new()
        };
        let tag = self.sealer.tag(
            "sync-conflict",
            &[
                doc.as_bytes(),
                conflict.field.as_bytes(),
                value.as_bytes(),
                written.as_bytes(),
                deletion.as_bytes(),
            ],
        )?;
        let id = crate::domain::hex::encode(&tag[..16]);
        if self
            .inner
            .borrow()
            .snapshot
            .sync_conflicts
            .contains_key(&id)
            || plan.puts.iter().any(|(s, _, _)| s.id == id)
        {
            return Ok(());
        }
        let record = OpenRecord {
            id: id.clone(),
            kind: CONFLICT_KIND.into(),
            rev: 1,
            created_at: now,
            updated_at: now,
            data: conflict,
        };
        let json = OpenRecord {
            id: record.id.clone(),
            kind: record.kind.clone(),
            rev: 1,
            created_at: now,
            updated_at: now,
            data: serde_json::to_value(&record.data).map_err(|_| VaultError::CouldNotDecrypt)?,
        };
        plan.puts
            .push((seal_record(&self.sealer, &record)?, Expect::Absent, json));
        report.conflicts += 1;
        Ok(())
    }
}

/// `others` merged one by one into `winner` (at revision `winner_rev`) against `base`, the
/// version they started from: the merged record, and each value not kept with the revision
/// it came from.
fn merge_leaves(
    kind: &str,
    winner: OpenRecord<Value>,
    winner_rev: &str,
    others: &[(OpenRecord<Value>, String)],
    base: Option<&Value>,
) -> (OpenRecord<Value>, Vec<(sync_merge::Overlap, String)>) {
    let mut merged = winner;
    let mut overlaps = Vec::new();
    let base_map = base.and_then(Value::as_object);
    for (other, rev) in others {
        let (Value::Object(a), Value::Object(b)) = (&merged.data, &other.data) else {
            continue;
        };
        let (data, o) = sync_merge::merge(
            base_map,
            &Side {
                data: a,
                updated_at: merged.updated_at,
                rev: winner_rev,
            },
            &Side {
                data: b,
                updated_at: other.updated_at,
                rev,
            },
        );
        let candidate = OpenRecord {
            data: Value::Object(data),
            updated_at: merged.updated_at.max(other.updated_at),
            ..merged.clone()
        };
        if sync_doc::fits(kind, &candidate) {
            merged = candidate;
            overlaps.extend(o.into_iter().map(|o| (o, rev.clone())));
        } else {
            // The fields together break the kind's rules: the winner stays whole and each of
            // the other's differing fields is offered instead.
            for (field, value) in b {
                if a.get(field) != Some(value) {
                    overlaps.push((
                        sync_merge::Overlap {
                            field: field.clone(),
                            taken: a.get(field).cloned().unwrap_or(Value::Null),
                            other: value.clone(),
                            other_at: other.updated_at,
                        },
                        rev.clone(),
                    ));
                }
            }
        }
    }
    (merged, overlaps)
}
