//! An erasure made on another device, carried out in this device's history (#22, #3): when a
//! pulled list of erased people names someone this device knew, the values about them leave
//! this device's own audit trail too (its received and merged changes, its own edits), the chain
//! still verifying, in the same transaction as the pull. Must not import `ui`.

use super::error::AppError;
use super::kinds::RecordKind;
use super::rights::{plan_erasure, scrubbed};
use super::sync::Plan;
use super::trail::{resealed_items, Entry, Reseal};
use super::types::UnlockedVault;
use crate::domain::audit::{Action, AuditEvent, FieldChange};
use crate::domain::contact::Contact;
use crate::domain::do_not_contact::ErasedPeople;
use crate::store::{Batch, Repository};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

impl<R: Repository> UnlockedVault<R> {
    /// The people a pulled batch adds to the list of erased people, their history on this
    /// device scrubbed into `batch` (its stored items sealed anew), this batch's own entries
    /// about them without values, and an entry saying how many events lost their values.
    /// Returns the trail's changed events by place, for memory once committed.
    pub(super) fn received_erasures(
        &self,
        plan: &mut Plan,
        batch: &mut Batch,
        now: DateTime<Utc>,
    ) -> Result<Vec<(usize, AuditEvent)>, AppError> {
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
            return Ok(Vec::new());
        }
        let today = now.date_naive();
        let mut changed: BTreeMap<usize, AuditEvent> = BTreeMap::new();
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
        }
        let by_seq: BTreeMap<u64, AuditEvent> =
            changed.values().map(|e| (e.seq, e.clone())).collect();
        batch.rewrite_audit.extend(resealed_items(
            &self.sealer,
            &s.audit,
            &inner.items,
            &by_seq,
            Reseal::NextRevision,
        )?);
        Ok(changed.into_iter().collect())
    }
}
