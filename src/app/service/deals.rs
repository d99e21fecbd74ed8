//! The deals pipeline: its stages, deals and their moves, the documents that carry retention
//! holds, and follow-ups.

use super::error::AppError;
use super::records::deletion_of;
use super::types::{UnlockedVault, VaultSnapshot};
use super::undo::{DealMove, Removed};
use crate::domain::activity::Activity;
use crate::domain::deal::{Deal, DealDraft, DealError, Pipeline};
use crate::domain::document::{Document, DocumentDraft};
use crate::domain::task::{self, Snooze, Task, TaskDraft};
use crate::store::{Batch, Repository};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

impl VaultSnapshot {
    /// Why deal `id` cannot be deleted, if it cannot: documents refer to it, and documents are
    /// kept (an invoice for years). Asked before the deletion is even offered.
    pub fn deal_deletion_refused(&self, id: &str) -> Option<AppError> {
        let documents = self
            .documents
            .values()
            .filter(|d| d.data.deal_id.as_deref() == Some(id))
            .count();
        (documents > 0).then_some(AppError::Documents(documents))
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Saves the pipeline (renamed or reordered stages); every stage a deal is in must remain.
    pub async fn save_pipeline(
        &self,
        pipeline: Pipeline,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        pipeline.check()?;
        let mut names = std::collections::HashSet::new();
        if pipeline
            .stages
            .iter()
            .any(|s| s.name.trim().is_empty() || !names.insert(s.name.trim().to_lowercase()))
        {
            return Err(DealError::BadName.into());
        }
        let id = self.with_snapshot(|s| {
            if let Some(d) = s
                .deals
                .values()
                .find(|d| pipeline.stage(d.data.stage_id()).is_none())
            {
                return Err(DealError::NoSuchStage(d.data.stage_id().to_string()));
            }
            Ok(s.pipelines.keys().next().cloned())
        })?;
        self.save_record(id.as_deref(), pipeline, now)
            .await
            .map(|_| ())
    }

    /// Creates (`id` None) or updates a deal; a changed stage is a move kept in its history.
    pub async fn save_deal(
        &self,
        id: Option<&str>,
        draft: &DealDraft,
        decimal_separator: char,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let previous = id.map(|id| self.record::<Deal>(id)).transpose()?;
        let pipeline = self.with_snapshot(|s| s.pipeline());
        let deal = draft
            .validate(
                &pipeline,
                previous.as_ref().map(|d| &d.data),
                decimal_separator,
                now,
            )
            .map_err(AppError::Invalid)?;
        self.check_links(&deal.contact_ids, deal.organisation_id.as_ref(), None)?;
        self.save_record(id, deal, now).await
    }

    /// Moves a deal to another stage (the board's drag, keyboard and stage menu). Returns the
    /// move, which `undo_deal_move` (Undo) takes back.
    pub async fn move_deal(
        &self,
        id: &str,
        stage: &str,
        now: DateTime<Utc>,
    ) -> Result<DealMove, AppError> {
        let mut deal = self.record::<Deal>(id)?.data;
        let before = DealMove::before(id, &deal);
        let pipeline = self.with_snapshot(|s| s.pipeline());
        deal.move_to(&pipeline, stage, now)?;
        let done = before.to(&deal);
        self.save_record(Some(id), deal, now).await?;
        Ok(done)
    }

    /// Deletes a deal no document refers to (documents must be kept), with its follow-ups; its
    /// activities stay on their contacts' timelines, unlinked.
    pub async fn delete_deal(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let deal = self.record::<Deal>(id)?;
        let mine = |d: &Option<String>| d.as_deref() == Some(id);
        if let Some(refused) = self.with_snapshot(|s| s.deal_deletion_refused(id)) {
            return Err(refused);
        }
        let tasks = self.revisions_of::<Task>(|t| mine(&t.deal_id));
        let activities = self.revise_all::<Activity>(now, |a| {
            mine(&a.deal_id).then(|| Activity {
                deal_id: None,
                ..a.clone()
            })
        });
        let (entry, deletion) = deletion_of(&deal);
        let mut deletes = vec![deletion];
        deletes.extend(tasks.iter().cloned());
        let batch = Batch {
            puts: self.seal_revisions(&activities)?,
            deletes,
            ..Batch::default()
        };
        self.commit(batch, vec![entry], now).await?;
        self.forget_all::<Deal>([&id.to_string()]);
        self.forget_all::<Task>(tasks.iter().map(|t| &t.id));
        self.keep_all(activities);
        Ok(())
    }

    /// Creates (`id` None) or updates a document reference. On a deal with no contacts or
    /// organisation of its own, it concerns the deal's.
    pub async fn save_document(
        &self,
        id: Option<&str>,
        draft: &DocumentDraft,
        decimal_separator: char,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let mut document = draft
            .validate(decimal_separator)
            .map_err(AppError::Invalid)?;
        self.check_links(
            &document.contact_ids,
            document.organisation_id.as_ref(),
            document.deal_id.as_ref(),
        )?;
        if let Some(deal) = document
            .deal_id
            .as_ref()
            .and_then(|d| self.record::<Deal>(d).ok())
        {
            if document.contact_ids.is_empty() && document.organisation_id.is_none() {
                document.contact_ids = deal.data.contact_ids.clone();
                document.organisation_id = deal.data.organisation_id.clone();
            }
        }
        self.save_record(id, document, now).await
    }

    /// Deletes a document reference; what it returns is what Undo writes back.
    pub async fn delete_document(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Removed<Document>, AppError> {
        self.delete_record::<Document>(id, now).await.map(Removed)
    }

    /// Creates (`id` None) or updates a follow-up; `to_utc` reads the local due time.
    pub async fn save_task(
        &self,
        id: Option<&str>,
        draft: &TaskDraft,
        to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let done = id
            .and_then(|id| self.record::<Task>(id).ok())
            .is_some_and(|t| t.data.done);
        let task = draft.validate(done, to_utc).map_err(AppError::Invalid)?;
        self.check_links(&task.contact_id, None, task.deal_id.as_ref())?;
        self.check_not_restricted(task.contact_id.as_ref())?;
        self.save_record(id, task, now).await
    }

    /// Marks a follow-up done or not done.
    pub async fn set_task_done(
        &self,
        id: &str,
        done: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut task = self.record::<Task>(id)?.data;
        task.done = done;
        self.save_record(Some(id), task, now).await.map(|_| ())
    }

    /// Moves a follow-up to the local day typed (`YYYY-MM-DD`), at the local time of day it
    /// had; audited like any other edit of it.
    pub async fn reschedule_task(
        &self,
        id: &str,
        typed_day: &str,
        local: impl Fn(DateTime<Utc>) -> NaiveDateTime,
        to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let day = task::parse_new_day(typed_day).map_err(AppError::Invalid)?;
        self.move_task(id, |_| day, local, to_utc, now).await
    }

    /// Snoozes a follow-up by a day or a week: from its due day, or from `today` when overdue.
    pub async fn snooze_task(
        &self,
        id: &str,
        snooze: Snooze,
        today: NaiveDate,
        local: impl Fn(DateTime<Utc>) -> NaiveDateTime,
        to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let to_day = |due_day| task::snoozed_day(due_day, today, snooze);
        self.move_task(id, to_day, local, to_utc, now).await
    }

    async fn move_task(
        &self,
        id: &str,
        to_day: impl Fn(NaiveDate) -> NaiveDate,
        local: impl Fn(DateTime<Utc>) -> NaiveDateTime,
        to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let task = self.record::<Task>(id)?.data;
        self.check_not_restricted(task.contact_id.as_ref())?;
        let day = to_day(local(task.due).date());
        let moved = task
            .moved_to(day, local, to_utc)
            .map_err(AppError::Invalid)?;
        self.save_record(Some(id), moved, now).await.map(|_| ())
    }

    /// Deletes a follow-up; what it returns is what Undo writes back.
    pub async fn delete_task(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Removed<Task>, AppError> {
        self.delete_record::<Task>(id, now).await.map(Removed)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn deals_move_with_history_and_documents_hold_their_contacts() {
        let (repo, vault, jana) = vault_with_jana();
        let draft = DealDraft {
            value: "50 000".into(),
            currency: "CZK".into(),
            contact_ids: vec![jana.clone()],
            ..deal("Tax audit", "lead")
        };
        let deal = block_on(vault.save_deal(None, &draft, ',', t(2))).unwrap();
        block_on(vault.move_deal(&deal, "proposal", t(3))).unwrap();
        assert!(matches!(
            block_on(vault.move_deal(&deal, "proposal", t(4))),
            Err(AppError::Deal(DealError::SameStage))
        ));
        // An invoice on the deal concerns the deal's contact: a hold that blocks deletion.
        let invoice = DocumentDraft {
            deal_id: Some(deal.clone()),
            ..document("invoice", "FV-1", "2026-03-15")
        };
        let doc = block_on(vault.save_document(None, &invoice, ',', t(5))).unwrap();
        let follow_up = TaskDraft {
            deal_id: Some(deal.clone()),
            ..follow_up("Send the offer", &jana)
        };
        let task = block_on(vault.save_task(None, &follow_up, utc_of, t(6))).unwrap();
        block_on(vault.set_task_done(&task, true, t(7))).unwrap();
        assert!(matches!(
            block_on(vault.delete_deal(&deal, t(8))),
            Err(AppError::Documents(1))
        ));

        // All of it survives a reload, and the audit trail holds the move.
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        let stored = &s.deals[&deal].data;
        let stages: Vec<&str> = stored
            .history()
            .iter()
            .map(|c| c.stage_id.as_str())
            .collect();
        assert_eq!(stages, vec!["lead", "proposal"]);
        assert_eq!(stored.value.as_ref().unwrap().minor, 5_000_000);
        assert_eq!(s.documents[&doc].data.contact_ids, vec![jana.clone()]);
        assert_eq!(
            s.documents[&doc].data.retain_until,
            chrono::NaiveDate::from_ymd_opt(2036, 12, 31)
        );
        assert!(s.tasks[&task].data.done);
        let moved = s
            .audit
            .iter()
            .find(|e| e.entity_id == deal && e.action == Action::Update)
            .unwrap();
        assert!(moved
            .changes
            .iter()
            .any(|c| c.field == "stage" && c.after.as_deref() == Some("proposal")));
        assert_eq!(s.chain, None);

        // Without the document, the deal goes with its follow-ups; the contact then too.
        block_on(vault.delete_document(&doc, t(9))).unwrap();
        block_on(vault.delete_deal(&deal, t(10))).unwrap();
        block_on(vault.delete_contact(&jana, KeepOnList::No, t(11), t(11).date_naive())).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.deals.is_empty() && s.tasks.is_empty() && s.documents.is_empty());
        assert_eq!(s.chain, None);
    }

    #[test]
    fn a_renamed_pipeline_is_kept_and_must_stay_usable() {
        let (repo, vault) = new_vault();
        let mut pipeline = Pipeline::default();
        pipeline.rename("lead", "Poptávka").unwrap();
        pipeline.reorder("qualified", 1).unwrap();
        block_on(vault.save_pipeline(pipeline.clone(), t(1))).unwrap();
        let mut broken = pipeline.clone();
        broken.stages.retain(|s| s.id != "won");
        assert!(matches!(
            block_on(vault.save_pipeline(broken, t(2))),
            Err(AppError::Deal(DealError::Incomplete))
        ));
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(s.pipeline(), pipeline);
        assert_eq!(s.pipeline().stages[0].name, "Poptávka");
        assert_eq!(s.pipeline().stages[2].id, "qualified");
    }

    #[test]
    fn a_follow_up_is_snoozed_and_rescheduled_through_the_trail() {
        use crate::domain::task::Snooze;
        let local = |at: DateTime<Utc>| at.naive_utc();
        let (repo, vault, jana) = vault_with_jana();
        let follow_up = TaskDraft {
            due_time: "14:30".into(),
            ..follow_up("Call back", &jana)
        };
        let task = block_on(vault.save_task(None, &follow_up, utc_of, t(2))).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        block_on(vault.snooze_task(&task, Snooze::Week, today, local, utc_of, t(3))).unwrap();
        let due = |v: &UnlockedVault<MemoryRepository>| v.snapshot().tasks[&task].data.due;
        assert_eq!(
            due(&vault),
            Utc.with_ymd_and_hms(2026, 12, 8, 14, 30, 0).unwrap()
        );
        block_on(vault.reschedule_task(&task, "2027-01-15", local, utc_of, t(4))).unwrap();
        assert_eq!(
            due(&vault),
            Utc.with_ymd_and_hms(2027, 1, 15, 14, 30, 0).unwrap()
        );
        assert!(matches!(
            block_on(vault.reschedule_task(&task, "", local, utc_of, t(5))),
            Err(AppError::Invalid(_))
        ));
        // Both moves are in the audit trail, as edits of the due time, and survive a reload.
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(
            s.tasks[&task].data.due,
            Utc.with_ymd_and_hms(2027, 1, 15, 14, 30, 0).unwrap()
        );
        let moves = s
            .audit
            .iter()
            .filter(|e| e.entity_id == task && e.action == Action::Update)
            .filter(|e| e.changes.iter().any(|c| c.field == "due"))
            .count();
        assert_eq!(moves, 2);
    }
}
