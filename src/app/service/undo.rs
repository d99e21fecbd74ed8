//! Undo: the writes that put back what an action just did, each a new audited write through the
//! one commit path. A withdrawal is undone by a new consent event that names it; a stage move
//! by a new move back; a deletion by writing the record back as a new revision, audited as
//! restored. The trail is never edited or cut. Must not import `ui`.

use super::error::AppError;
use super::kinds::RecordKind;
use super::trail::Entry;
use super::types::{OpenRecord, UnlockedVault};
use crate::domain::activity::Activity;
use crate::domain::audit::{self, Action};
use crate::domain::consent::ConsentRecord;
use crate::domain::deal::Deal;
use crate::domain::document::Document;
use crate::domain::task::Task;
use crate::store::{Batch, Expect, Repository};
use chrono::{DateTime, NaiveDate, Utc};

/// What a deletion took: the record as it was, which only its Undo can write back.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed<K>(pub(super) OpenRecord<K>);

impl<K> Removed<K> {
    pub fn id(&self) -> &str {
        &self.0.id
    }

    pub fn data(&self) -> &K {
        &self.0.data
    }
}

/// A deal's move from one stage to another, as Undo needs it: where it was, where it went,
/// and its probability before and after (a won or lost stage sets it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealMove {
    pub deal_id: String,
    pub from: String,
    pub to: String,
    probability_before: u8,
    probability_after: u8,
}

impl DealMove {
    pub(super) fn before(id: &str, deal: &Deal) -> Self {
        DealMove {
            deal_id: id.to_string(),
            from: deal.stage_id().to_string(),
            to: String::new(),
            probability_before: deal.probability,
            probability_after: deal.probability,
        }
    }

    pub(super) fn to(self, moved: &Deal) -> Self {
        DealMove {
            to: moved.stage_id().to_string(),
            probability_after: moved.probability,
            ..self
        }
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Undoes a withdrawal recorded by mistake: a new "given" event naming it (its `how` is a
    /// code with the withdrawal's time, worded when shown), so the state is again what it was
    /// before; both events stay in the consent's history and the trail.
    pub async fn undo_withdrawal(
        &self,
        id: &str,
        now: DateTime<Utc>,
        local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Result<(), AppError> {
        let previous = self.record::<ConsentRecord>(id)?;
        let mut record = previous.data.clone();
        let withdrawn_at = record.events().last().map(|e| e.at).unwrap_or(now);
        let how = crate::domain::stored::Stored::WithdrawalUndone(withdrawn_at).code();
        record.undo_withdrawal(now, &how, local_day)?;
        record.extends(&previous.data)?;
        self.save_record(Some(id), record, now).await.map(|_| ())
    }

    /// Moves a deal back where a move took it from (a new move in its stage history), with the
    /// probability it had, if it is still where the move put it.
    pub async fn undo_deal_move(
        &self,
        done: &DealMove,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut deal = self.record::<Deal>(&done.deal_id)?.data;
        if deal.stage_id() != done.to {
            return Err(AppError::UndoTooLate);
        }
        let pipeline = self.with_snapshot(|s| s.pipeline());
        deal.move_to(&pipeline, &done.from, now)?;
        if deal.probability == done.probability_after {
            deal.probability = done.probability_before;
        }
        self.save_record(Some(&done.deal_id), deal, now)
            .await
            .map(|_| ())
    }

    /// Writes back an activity its deletion took, if its contact (and deal) are still there
    /// and may still be processed.
    pub async fn restore_activity(
        &self,
        removed: Removed<Activity>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let a = removed.data();
        self.check_links([&a.contact_id], None, a.deal_id.as_ref())?;
        self.check_not_restricted(Some(&a.contact_id))?;
        self.restore_record(removed, now).await
    }

    /// Writes back a follow-up its deletion took, if what it is linked to is still there.
    pub async fn restore_task(
        &self,
        removed: Removed<Task>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let t = removed.data();
        self.check_links(&t.contact_id, None, t.deal_id.as_ref())?;
        self.check_not_restricted(t.contact_id.as_ref())?;
        self.restore_record(removed, now).await
    }

    /// Writes back a document reference its deletion took, if what it is linked to is there.
    pub async fn restore_document(
        &self,
        removed: Removed<Document>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let d = removed.data();
        self.check_links(
            &d.contact_ids,
            d.organisation_id.as_ref(),
            d.deal_id.as_ref(),
        )?;
        self.restore_record(removed, now).await
    }

    /// The record a deletion took, written back under its id as its next revision and audited
    /// as restored (every field, from nothing); refused if the id is in use again.
    async fn restore_record<K: RecordKind>(
        &self,
        removed: Removed<K>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let old = removed.0;
        if K::records(&self.inner.borrow().snapshot).contains_key(&old.id) {
            return Err(AppError::UndoTooLate);
        }
        let record = old.revised(old.data.clone(), now);
        let entry = Entry::new(
            Action::Restore,
            K::KIND,
            &record.id,
            audit::diff(&[], &record.data.audited()),
        )
        .about(record.data.people());
        let batch = Batch {
            puts: vec![(self.seal(&record)?, Expect::Absent)],
            ..Batch::default()
        };
        self.commit(batch, vec![entry], now).await?;
        self.keep_all(vec![record]);
        Ok(())
    }
}

#[cfg(test)]
#[path = "undo_tests.rs"]
mod tests;
