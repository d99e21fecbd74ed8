//! An erasure made on another device, carried out in this device's history (#22, #3): when a
//! pulled list of erased people names someone this device knew, the values about them leave
//! this device's own audit trail too (its received and merged changes, its own edits), the chain
//! still verifying, in the same transaction as the pull. Must not import `ui`.

use super::error::AppError;
use super::kinds::RecordKind;
use super::rights::{plan_erasure, scrubbed};
use super::sync::Plan;
use super::sync_chains::CHAIN_KIND;
use super::sync_doc::as_json;
use super::trail::{resealed_items, Entry, Reseal};
use super::types::UnlockedVault;
use crate::domain::audit::{Action, AuditEvent, FieldChange};
use crate::domain::contact::Contact;
use crate::domain::do_not_contact::ErasedPeople;
use crate::store::{Repository, SealedAuditEvent};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

impl<R: Repository> UnlockedVault<R> {
    /// The people a pulled batch adds to the list of erased people, their history on this
    /// device scrubbed: this device's own trail (its stored items sealed anew, returned to go
    /// into the batch), the other devices' pieces held here and those arriving in the batch
    /// (sealed anew into `plan`), this batch's own entries about them without values, and an
    /// entry saying how many events lost their values.
    pub(super) fn received_erasures(
        &self,
        plan: &mut Plan,
        now: DateTime<Utc>,
    ) -> Result<Scrubbed, AppError> {
        let inner = self.inner.borrow();
        let s = &inner.snapshot;
        let known = s.erased_people();
        let mut newly: Vec<String> = Vec::new();
        for (_, _, record) in &plan.puts {
            if record.kind != ErasedPeople::KIND {
                continue;
            }
            let Ok(list) = serde_json::from_value::<ErasedPeople>(record.data.clone()) else {
                continue;
            };
            newly.extend(list.people.into_keys().filter(|p| !known.contains(p)));
        }
        if newly.is_empty() {
            return Ok(Scrubbed::default());
        }
        let today = now.date_naive();
        let mut changed: BTreeMap<usize, AuditEvent> = BTreeMap::new();
        let mut erasures = Vec::new();
        for who in &newly {
            // Someone this device never knew has no history here.
            let Ok(erasure) = plan_erasure(s, who, today) else {
                continue;
            };
            let Some((person, _)) = super::rights::person(s, who) else {
                continue;
            };
            // Each erasure works on the trail as the ones before it left it.
            let trail: Vec<AuditEvent> = s
                .audit
                .iter()
                .enumerate()
                .map(|(i, e)| changed.get(&i).unwrap_or(e).clone())
                .collect();
            let gone = scrubbed(&trail, who, &person, &erasure.history);
            let count = gone.len();
            changed.extend(gone);
            for entry in &mut plan.entries {
                if entry.id == *who
                    || entry.subjects.contains(who)
                    || erasure.history.contains(&entry.id)
                {
                    entry.changes.clear();
                }
            }
            let said = FieldChange::new("erased_history_events", None, Some(count.to_string()));
            plan.entries
                .push(Entry::new(Action::Erase, Contact::KIND, who, vec![said]));
            erasures.push((who.as_str(), person, erasure.history));
        }
        let asked: Vec<_> = erasures.iter().map(|(w, p, h)| (*w, p, h)).collect();
        // Pieces arriving now, then those held here that nothing in this batch replaces.
        for (sealed, _, record) in plan.puts.iter_mut() {
            if record.kind != CHAIN_KIND {
                continue;
            }
            if let Some((resealed, piece)) = self.scrubbed_piece(record, &asked)? {
                *sealed = resealed;
                *record = piece;
            }
        }
        let arriving: BTreeSet<String> = plan
            .puts
            .iter()
            .map(|(_, _, r)| r.id.clone())
            .chain(plan.deletes.iter().map(|(_, r)| r.id.clone()))
            .collect();
        for (sealed, expect, record) in self.scrubbed_copies(&asked)? {
            if !arriving.contains(&record.id) {
                plan.puts.push((sealed, expect, as_json(&record)?));
            }
        }
        let by_seq: BTreeMap<u64, AuditEvent> =
            changed.values().map(|e| (e.seq, e.clone())).collect();
        let rewrite_audit = resealed_items(
            &self.sealer,
            &s.audit,
            &inner.items,
            &by_seq,
            Reseal::NextRevision,
        )?;
        Ok(Scrubbed {
            trail: changed.into_iter().collect(),
            rewrite_audit,
        })
    }
}

/// What a received erasure changed in this device's own trail: its events by place (for
/// memory once committed) and its stored items sealed anew (for the batch).
#[derive(Default)]
pub(super) struct Scrubbed {
    pub trail: Vec<(usize, AuditEvent)>,
    pub rewrite_audit: Vec<SealedAuditEvent>,
}
