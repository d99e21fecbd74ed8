//! Each device's audit trail on the others (#22): this device publishes its own stored audit
//! items as documents named by its chain (its device id and its first event), and keeps the
//! other devices' items as it receives them, each checked to be a consecutive piece of a chain
//! whose every event verifies. A device never takes its own chain back, and never lets another
//! replace an event it already holds by a different one: a later revision of an item may only
//! take values out (an erasure). An erasure here takes the values out of the copies too. Must
//! not import `ui`.

use super::error::AppError;
use super::sync::{Plan, Report, Row, Rows};
use super::sync_doc::{self, as_json, Pulled};
use super::trail::{open_record, seal_record, Format};
use super::types::{OpenRecord, UnlockedVault, VaultSnapshot};
use crate::domain::audit::{self, AuditEvent, ChainError, ChainHead};
use crate::domain::contact::Contact;
use crate::store::{Expect, Repository, SealedRecord};
use crate::sync::revs::{self, History, RevId};
use crate::sync::wire::Doc;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// The kind a piece of a device's audit chain is sealed and synced as (outside the list of
/// kinds: sync's own, never exported; each device's own trail stays in the audit store).
pub const CHAIN_KIND: &str = "audit_chain";
/// The most characters a chain's name may have (a device id, a dot, eight hex digits).
const MAX_CHAIN: usize = 80;

/// The name of this device's chain: its device id and the start of its first event's hash, so
/// a trail replaced by a restore is a new chain, not a rewrite of the old one.
pub fn chain_name(device: &str, trail: &[AuditEvent]) -> String {
    let start = trail
        .first()
        .and_then(|e| e.hash.with_str(|h| h.get(..8).map(str::to_string)))
        .unwrap_or_else(|| "00000000".to_string());
    format!("{device}.{start}")
}

/// The record id of the piece of chain `chain` holding events `first` to `last`.
pub fn item_id(chain: &str, first: u64, last: u64) -> String {
    format!("{chain}:{first}-{last}")
}

/// A piece's chain and range, read back from its record id.
pub fn parse_item_id(id: &str) -> Option<(&str, u64, u64)> {
    let (chain, range) = id.rsplit_once(':')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (first.parse().ok()?, last.parse().ok()?);
    let named = !chain.is_empty()
        && chain.len() <= MAX_CHAIN
        && chain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    // Written as `item_id` writes it (no sign, no leading zero).
    let canonical = range == format!("{first}-{last}");
    (named && canonical && first >= 1 && first <= last).then_some((chain, first, last))
}

/// The revision of a piece: its number, and a digest of the events it holds (not of their
/// sealing, which differs each time), so a piece sent again after a round was cut off is the
/// same revision, not a second branch.
fn piece_rev(record: &OpenRecord<Vec<AuditEvent>>) -> RevId {
    let json = serde_json::to_vec(&(&record.id, &record.data)).unwrap_or_default();
    RevId {
        n: record.rev,
        hash: revs::digest(b"folio-chain", &json),
    }
}

/// Whether `events` are what the piece named `id` must hold: consecutive from its first to its
/// last, each hash as its content computes it, each linked to the one before (the first of a
/// chain to its start, and named by its hash).
fn well_formed(id: &str, events: &[AuditEvent]) -> bool {
    let Some((chain, first, last)) = parse_item_id(id) else {
        return false;
    };
    let count_ok = last
        .checked_sub(first)
        .and_then(|n| n.checked_add(1))
        .is_some_and(|n| n == events.len() as u64);
    if !count_ok {
        return false;
    }
    let mut prev: Option<&AuditEvent> = None;
    for (event, seq) in events.iter().zip(first..) {
        let linked = match prev {
            Some(p) => event.prev_hash == p.hash,
            None if seq == 1 => {
                event.prev_hash == ChainHead::genesis().hash
                    && chain.rsplit_once('.').is_some_and(|(_, start)| {
                        event.hash.with_str(|h| h.get(..8) == Some(start))
                    })
            }
            None => true,
        };
        if event.seq != seq || !linked || event.compute_hash() != event.hash {
            return false;
        }
        prev = Some(event);
    }
    true
}

/// Whether `new` holds the same events as `old` (the same hashes, in the same places): values
/// taken out by an erasure, nothing else changed.
fn same_events(old: &[AuditEvent], new: &[AuditEvent]) -> bool {
    old.len() == new.len()
        && old
            .iter()
            .zip(new)
            .all(|(a, b)| a.seq == b.seq && a.hash == b.hash)
}

/// A piece of this device's chain not yet on the server at its revision: its document, its
/// record id, and (first, last, revision).
pub(super) struct Waiting {
    pub doc: String,
    pub id: String,
    pub range: (u64, u64, u64),
}

/// A piece of another device's chain sealed anew here, with the revision it replaces.
pub(super) type Resealed = (SealedRecord, Expect, OpenRecord<Vec<AuditEvent>>);

/// How one device's chain stands on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerChain {
    pub chain: String,
    pub events: usize,
    pub last_at: Option<DateTime<Utc>>,
    /// None: it verifies from its first event to the last one received.
    pub problem: Option<ChainError>,
}

impl VaultSnapshot {
    /// The other devices' chains as received, each verified on its own.
    pub fn peer_chains(&self) -> Vec<PeerChain> {
        let mut by_chain: BTreeMap<&str, Vec<(u64, &Vec<AuditEvent>)>> = BTreeMap::new();
        for r in self.peer_audit.values() {
            if let Some((chain, first, _)) = parse_item_id(&r.id) {
                by_chain.entry(chain).or_default().push((first, &r.data));
            }
        }
        by_chain
            .into_iter()
            .map(|(chain, mut pieces)| {
                pieces.sort_by_key(|(first, _)| *first);
                let events: Vec<AuditEvent> = pieces
                    .into_iter()
                    .flat_map(|(_, e)| e.iter().cloned())
                    .collect();
                PeerChain {
                    chain: chain.to_string(),
                    events: events.len(),
                    last_at: events.last().map(|e| e.at),
                    problem: audit::verify_chain(&events, None).err(),
                }
            })
            .collect()
    }

    /// The chain of another device that event `e` belongs to (None: this device's own).
    pub fn device_of(&self, e: &AuditEvent) -> Option<&str> {
        let own = usize::try_from(e.seq)
            .ok()
            .and_then(|seq| seq.checked_sub(1))
            .and_then(|i| self.audit.get(i));
        if own.is_some_and(|o| o.seq == e.seq && o.hash == e.hash) {
            return None;
        }
        self.peer_audit.values().find_map(|p| {
            let (chain, first, last) = parse_item_id(&p.id)?;
            let i = usize::try_from(e.seq.checked_sub(first)?).ok()?;
            (e.seq <= last && p.data.get(i).is_some_and(|x| x.hash == e.hash)).then_some(chain)
        })
    }

    /// Every device's events, this device's and the others' as received, in order of time.
    pub fn merged_audit(&self) -> Vec<AuditEvent> {
        if self.peer_audit.is_empty() {
            return self.audit.clone();
        }
        let mut all: Vec<AuditEvent> = self.audit.clone();
        all.extend(
            self.peer_audit
                .values()
                .flat_map(|r| r.data.iter().cloned()),
        );
        all.sort_by_key(|e| e.at);
        all
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// This device's stored audit items not yet on the server at their revision.
    pub(super) fn own_pieces_waiting(
        &self,
        device: &str,
        rows: &Rows,
    ) -> Result<Vec<Waiting>, AppError> {
        let inner = self.inner.borrow();
        let chain = chain_name(device, &inner.snapshot.audit);
        let mut out = Vec::new();
        for (&first, &(last, rev)) in &inner.items {
            let id = item_id(&chain, first, last);
            let doc = sync_doc::doc_id(&self.sealer, CHAIN_KIND, &id)?;
            if rows.get(&doc).is_some_and(|r| !r.d && r.h.start >= rev) {
                continue;
            }
            out.push(Waiting {
                doc,
                id,
                range: (first, last, rev),
            });
        }
        Ok(out)
    }

    /// A piece of this device's chain as a document at revision `rev`, after `old` (the row of
    /// what the server had of it), with the row it leaves. None when the trail no longer holds
    /// those events.
    pub(super) fn own_piece_doc(
        &self,
        doc: &str,
        id: &str,
        (first, last, rev): (u64, u64, u64),
        old: Option<&Row>,
    ) -> Result<Option<(Doc, Row)>, AppError> {
        let record = {
            let inner = self.inner.borrow();
            let trail = &inner.snapshot.audit;
            let start = trail.partition_point(|e| e.seq < first);
            let end = trail.partition_point(|e| e.seq <= last);
            let events = trail.get(start..end).unwrap_or_default();
            let (Some(a), Some(b)) = (events.first(), events.last()) else {
                return Ok(None);
            };
            if (events.len() as u64) != last - first + 1 {
                return Ok(None);
            }
            OpenRecord {
                id: id.to_string(),
                kind: CHAIN_KIND.into(),
                rev,
                created_at: a.at,
                updated_at: b.at,
                data: events.to_vec(),
            }
        };
        let sealed = seal_record(&self.sealer, &record)?;
        let rev_id = piece_rev(&record);
        let history = match old {
            Some(r) if r.h.start < rev_id.n => r.h.child(&rev_id),
            _ => History::root(&rev_id),
        };
        let d = sync_doc::to_doc_at(&self.sealer, &sealed, doc, &rev_id, &history)?;
        let row = Row {
            k: CHAIN_KIND.to_string(),
            i: id.to_string(),
            h: history,
            ..old.cloned().unwrap_or_default()
        };
        Ok(Some((d, row)))
    }

    /// Decides a pulled piece of another device's chain: kept when it is well formed, not this
    /// device's own, and (when a piece of that name is here already) a later revision holding
    /// the same events; a deletion applied; anything else refused, counted, and not fetched
    /// again.
    pub(super) fn plan_chain_doc(
        &self,
        doc: &str,
        pulled: Vec<Pulled>,
        own_chain: &str,
        rows: &mut Rows,
        plan: &mut Plan,
        report: &mut Report,
    ) -> Result<(), AppError> {
        plan.rows.push(doc.to_string());
        let row = rows.get(doc).cloned().unwrap_or_default();
        let mut refused: Vec<String> = Vec::new();
        let mut best: Option<(Pulled, OpenRecord<Vec<AuditEvent>>)> = None;
        let mut dead = Vec::new();
        for p in pulled {
            let Some(sealed) = &p.body else {
                dead.push(p);
                continue;
            };
            let opened: Option<OpenRecord<Vec<AuditEvent>>> =
                open_record(&self.sealer, sealed, Format::Current).ok();
            match opened.filter(|r| {
                piece_rev(r) == p.rev
                    && well_formed(&r.id, &r.data)
                    && parse_item_id(&r.id).is_some_and(|(c, _, _)| c != own_chain)
            }) {
                Some(record) if best.as_ref().is_none_or(|(b, _)| b.rev.n < p.rev.n) => {
                    best = Some((p, record));
                }
                Some(_) => {}
                None => refused.push(p.rev.to_string()),
            }
        }
        let id = best.as_ref().map_or(row.i.clone(), |(_, r)| r.id.clone());
        let local = self.inner.borrow().snapshot.peer_audit.get(&id).cloned();
        let next = match (best, &local) {
            // Another piece under this name, or other events than those held: a rewrite.
            (Some((p, record)), Some(l))
                if l.id != record.id || !same_events(&l.data, &record.data) =>
            {
                refused.push(p.rev.to_string());
                None
            }
            (Some((p, record)), _) => {
                if local.as_ref().is_none_or(|l| l.rev < record.rev) {
                    let expect = local
                        .as_ref()
                        .map_or(Expect::Absent, |l| Expect::Rev(l.rev));
                    if let Some(sealed) = p.body.clone() {
                        plan.puts.push((sealed, expect, as_json(&record)?));
                    }
                }
                Some(Row {
                    k: CHAIN_KIND.to_string(),
                    i: record.id.clone(),
                    h: p.history,
                    ..Row::default()
                })
            }
            (None, Some(l)) if !dead.is_empty() => {
                plan.deletes.push((
                    crate::store::Deletion::new(&l.id, CHAIN_KIND, Expect::Rev(l.rev)),
                    as_json(l)?,
                ));
                dead.first().map(|tomb| Row {
                    k: CHAIN_KIND.to_string(),
                    i: l.id.clone(),
                    h: tomb.history.clone(),
                    d: true,
                    ..Row::default()
                })
            }
            (None, _) => None,
        };
        report.refused += refused.len();
        let entry = rows.entry(doc.to_string()).or_default();
        if let Some(next) = next {
            *entry = Row {
                seen: std::mem::take(&mut entry.seen),
                ..next
            };
        }
        entry.seen.extend(refused);
        let over = entry.seen.len().saturating_sub(50);
        entry.seen.drain(..over);
        Ok(())
    }

    /// The other devices' pieces holding values that erasures (of each person, with what their
    /// history is) take out, sealed anew at their revision with those values gone (the events
    /// still verify; the device that wrote them sends its own erased revision in time, which
    /// replaces these).
    pub(super) fn scrubbed_copies(
        &self,
        erasures: &[(&str, &Contact, &BTreeSet<String>)],
    ) -> Result<Vec<Resealed>, AppError> {
        let inner = self.inner.borrow();
        let mut out = Vec::new();
        for piece in inner.snapshot.peer_audit.values() {
            let Some(events) = scrub_events(&piece.data, erasures) else {
                continue;
            };
            let record = OpenRecord {
                data: events,
                ..piece.clone()
            };
            out.push((
                seal_record(&self.sealer, &record)?,
                Expect::Rev(piece.rev),
                record,
            ));
        }
        Ok(out)
    }

    /// A piece arriving from the server with the values erasures take out gone, sealed anew
    /// at its revision (None: it holds none of them, or is not a piece).
    pub(super) fn scrubbed_piece(
        &self,
        record: &OpenRecord<serde_json::Value>,
        erasures: &[(&str, &Contact, &BTreeSet<String>)],
    ) -> Result<Option<(SealedRecord, OpenRecord<serde_json::Value>)>, AppError> {
        let Ok(data) = serde_json::from_value::<Vec<AuditEvent>>(record.data.clone()) else {
            return Ok(None);
        };
        let Some(events) = scrub_events(&data, erasures) else {
            return Ok(None);
        };
        let piece = record.holding(events);
        Ok(Some((seal_record(&self.sealer, &piece)?, as_json(&piece)?)))
    }

    /// Puts pieces of other devices' chains into memory once written.
    pub(super) fn keep_copies(&self, pieces: Vec<OpenRecord<Vec<AuditEvent>>>) {
        let mut inner = self.inner.borrow_mut();
        for p in pieces {
            inner.snapshot.peer_audit.insert(p.id.clone(), p);
        }
    }
}

/// `events` with the values erasures take out gone (None: they hold none).
fn scrub_events(
    events: &[AuditEvent],
    erasures: &[(&str, &Contact, &BTreeSet<String>)],
) -> Option<Vec<AuditEvent>> {
    let mut events = events.to_vec();
    let mut changed = false;
    for (who, person, history) in erasures {
        for (i, e) in super::rights::scrubbed(&events, who, person, history) {
            if let Some(slot) = events.get_mut(i) {
                *slot = e;
                changed = true;
            }
        }
    }
    changed.then_some(events)
}

/// Puts a received piece into the state (or takes it out).
pub(super) fn install(
    snapshot: &mut VaultSnapshot,
    record: &OpenRecord<serde_json::Value>,
    remove: bool,
) {
    if remove {
        snapshot.peer_audit.remove(&record.id);
    } else if let Ok(data) = serde_json::from_value::<Vec<AuditEvent>>(record.data.clone()) {
        snapshot
            .peer_audit
            .insert(record.id.clone(), record.holding(data));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text read back as a piece's id: no panic, and only ids `item_id` could make.
        #[test]
        fn a_piece_id_reads_or_is_refused(text in "\\PC{0,120}") {
            if let Some((chain, first, last)) = parse_item_id(&text) {
                prop_assert!(first >= 1 && first <= last);
                prop_assert_eq!(item_id(chain, first, last), text);
            }
        }

        #[test]
        fn a_piece_id_round_trips(device in "[0-9a-f]{1,32}", first in 1u64..1_000_000, n in 0u64..1_000) {
            let chain = format!("{device}.0123abcd");
            let id = item_id(&chain, first, first + n);
            prop_assert_eq!(parse_item_id(&id), Some((chain.as_str(), first, first + n)));
        }
    }

    #[test]
    fn hostile_piece_ids_are_refused() {
        for bad in [
            "",
            ":1-2",
            "a.b:0-1",
            "a.b:3-2",
            "a.b:1-",
            "a.b:01-2",
            "a.b:+1-2",
            "a.b:-1",
            "a b:1-2",
            "a.b:1-99999999999999999999999",
            "ž.b:1-2",
        ] {
            assert_eq!(parse_item_id(bad), None, "{bad}");
        }
        assert_eq!(parse_item_id(&format!("{}:1-2", "a".repeat(81))), None);
    }
}
