//! Recipients and processors (#21): the register of processors, the "Shared with" log of each
//! person, what the pages ask of them, and the Art. 19 follow-ups a rectification, erasure or
//! restriction creates ("Notify <recipient> (Art. 19)", one per recipient, due today, written
//! in the same transaction as the change). Must not import `ui`.

use super::error::AppError;
use super::records::Revision;
use super::types::{listed, UnlockedVault, VaultSnapshot};
use crate::domain::assessment::LiaState;
use crate::domain::disclosure::{self, Disclosure, DisclosureDraft, NotifyWording};
use crate::domain::processor::{Processor, ProcessorDraft};
use crate::domain::purpose::Purpose;
use crate::domain::task::Task;
use crate::store::Repository;
use chrono::{DateTime, NaiveDate, Utc};

impl VaultSnapshot {
    /// A processor's name, by id.
    pub fn processor_name(&self, id: &str) -> Option<String> {
        self.processors.get(id).map(|p| p.data.name.clone())
    }

    /// The processors of the register, by name.
    pub fn processors_by_name(&self) -> Vec<(String, Processor)> {
        let mut list = listed(&self.processors);
        list.sort_by_key(|(_, p)| crate::domain::search::fold(&p.name));
        list
    }

    /// The processors a purpose uses, by name.
    pub fn processors_of(&self, purpose_id: &str) -> Vec<(String, Processor)> {
        self.processors_by_name()
            .into_iter()
            .filter(|(_, p)| p.purpose_ids.iter().any(|x| x == purpose_id))
            .collect()
    }

    /// Whom a person's data was shared with, newest first.
    pub fn disclosures_of(&self, contact_id: &str) -> Vec<(String, Disclosure)> {
        let mut list: Vec<(String, Disclosure)> = self
            .disclosures
            .iter()
            .filter(|(_, d)| d.data.contact_id == contact_id)
            .map(|(id, d)| (id.clone(), d.data.clone()))
            .collect();
        list.sort_by_key(|(_, d)| std::cmp::Reverse(d.on));
        list
    }

    /// The distinct recipients of a person's data, as they are named.
    pub fn recipients_of(&self, contact_id: &str) -> Vec<String> {
        disclosure::recipients(
            self.disclosures
                .values()
                .filter(|d| d.data.contact_id == contact_id)
                .map(|d| &d.data),
            |id| self.processor_name(id),
        )
    }

    /// Legitimate-interest purposes (not retired) whose assessment's review day has come:
    /// (id, name, review day), earliest first.
    pub fn assessments_due(&self, today: NaiveDate) -> Vec<(String, String, NaiveDate)> {
        let mut due: Vec<_> = self
            .purposes
            .iter()
            .filter(|(_, p)| !p.data.retired)
            .filter_map(|(id, p)| match p.data.lia_state(today) {
                Some(LiaState::ReviewDue(on)) => Some((id.clone(), p.data.name.clone(), on)),
                _ => None,
            })
            .collect();
        due.sort_by_key(|(_, _, on)| *on);
        due
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Creates (`id` None) or updates a processor; the purposes it names must exist.
    pub async fn save_processor(
        &self,
        id: Option<&str>,
        draft: &ProcessorDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let processor = draft.validate().map_err(AppError::Invalid)?;
        for p in &processor.purpose_ids {
            self.record::<Purpose>(p)?;
        }
        self.save_record(id, processor, now).await
    }

    /// Deletes a processor that no record of sharing names.
    pub async fn delete_processor(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let named = self
            .inner
            .borrow()
            .snapshot
            .disclosures
            .values()
            .filter(|d| d.data.processor_id.as_deref() == Some(id))
            .count();
        if named > 0 {
            return Err(AppError::InUse(named));
        }
        self.delete_record::<Processor>(id, now).await.map(|_| ())
    }

    /// Records (`id` None) or corrects that a person's data was shared with a recipient. The
    /// person, the processor and the purpose it names must exist.
    pub async fn save_disclosure(
        &self,
        id: Option<&str>,
        draft: &DisclosureDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let d = draft.validate().map_err(AppError::Invalid)?;
        self.check_links([&d.contact_id], None, None)?;
        if let Some(p) = &d.processor_id {
            self.record::<Processor>(p)?;
        }
        if let Some(p) = &d.purpose_id {
            self.record::<Purpose>(p)?;
        }
        self.save_record(id, d, now).await
    }

    pub async fn delete_disclosure(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        self.delete_record::<Disclosure>(id, now).await.map(|_| ())
    }

    /// The Art. 19 follow-ups for a change to `contact_id`'s data: one per distinct recipient,
    /// due now (today, on the local day). Linked to the person, unless `erased`: then they name
    /// neither the person nor their data (the erasure leaves nothing of them behind). A
    /// recipient who already has the same open follow-up about the person gets no second one.
    pub(super) fn art19_follow_ups(
        &self,
        contact_id: &str,
        erased: bool,
        wording: &NotifyWording,
        now: DateTime<Utc>,
    ) -> Result<Vec<Revision<Task>>, AppError> {
        let s = &self.inner.borrow().snapshot;
        let open = |title: &str| {
            s.tasks.values().any(|t| {
                !t.data.done
                    && t.data.title == title
                    && t.data.contact_id.as_deref() == Some(contact_id)
            })
        };
        s.recipients_of(contact_id)
            .into_iter()
            .map(|r| wording.title_for(&r, erased))
            .filter(|title| erased || !open(title))
            .map(|title| {
                let task = Task {
                    title,
                    due: now,
                    done: false,
                    contact_id: (!erased).then(|| contact_id.to_string()),
                    deal_id: None,
                };
                Revision::of(None, task, now)
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "recipients_tests.rs"]
mod tests;
