//! Consent and the register of processing: purposes, consents (whose events are only ever
//! appended), and objections (Art. 21) and restrictions (Art. 18).

use super::error::AppError;
use super::types::UnlockedVault;
use crate::domain::consent::{ConsentDraft, ConsentEvent, ConsentRecord, EventKind};
use crate::domain::consent::{Limit, LimitKind};
use crate::domain::contact::Contact;
use crate::domain::purpose::{Purpose, PurposeDraft};
use crate::store::Repository;
use chrono::{DateTime, NaiveDate, Utc};

impl<R: Repository> UnlockedVault<R> {
    /// Creates (`id` None) or updates a purpose of the register; retiring is an update.
    pub async fn save_purpose(
        &self,
        id: Option<&str>,
        draft: &PurposeDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let purpose = draft.validate().map_err(AppError::Invalid)?;
        self.save_record(id, purpose, now).await
    }

    /// Deletes a purpose no consent refers to (otherwise it can only be retired).
    pub async fn delete_purpose(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        self.record::<Purpose>(id)?;
        let used = self.revisions_of::<ConsentRecord>(|c| c.purpose_id == id);
        if !used.is_empty() {
            return Err(AppError::InUse(used.len()));
        }
        self.delete_record::<Purpose>(id, now).await
    }

    /// A purpose that takes new consents: it exists and is not retired.
    pub(super) fn check_active_purpose(&self, id: &str) -> Result<(), AppError> {
        match self.record::<Purpose>(id) {
            Ok(p) if !p.data.retired => Ok(()),
            _ => Err(AppError::NotFound(id.to_string())),
        }
    }

    /// Records a consent (given or refused) of an existing contact to an active purpose.
    pub async fn create_consent(
        &self,
        draft: &ConsentDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let record = draft.validate(now).map_err(AppError::Invalid)?;
        self.check_not_restricted(Some(&record.contact_id))?;
        self.check_links([&record.contact_id], None, None)?;
        self.check_active_purpose(&record.purpose_id)?;
        self.save_record(None, record, now).await
    }

    /// Appends an event (withdrawn, renewed, given again…) to a consent. The only way a consent
    /// changes; the stored record must extend the previous one.
    pub async fn append_consent_event(
        &self,
        id: &str,
        kind: EventKind,
        how: &str,
        now: DateTime<Utc>,
        local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Result<(), AppError> {
        let previous = self.record::<ConsentRecord>(id)?;
        let mut record = previous.data.clone();
        record.append(
            ConsentEvent {
                kind,
                at: now,
                how: how.trim().to_string(),
            },
            local_day,
        )?;
        record.extends(&previous.data)?;
        self.save_record(Some(id), record, now).await.map(|_| ())
    }

    /// Records an objection (Art. 21, to one purpose or all) or a restriction (Art. 18).
    pub async fn add_limit(
        &self,
        contact_id: &str,
        kind: LimitKind,
        purpose_id: Option<String>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        if !self.has::<Contact>(contact_id) {
            return Err(AppError::NotFound(contact_id.to_string()));
        }
        let limit =
            Limit::new(contact_id, kind, purpose_id, now, reason).map_err(AppError::Invalid)?;
        self.save_record(None, limit, now).await
    }

    /// Ends an objection or a restriction (kept, with when it ended).
    pub async fn lift_limit(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let mut limit = self.record::<Limit>(id)?.data;
        limit.lifted = Some(now);
        self.save_record(Some(id), limit, now).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn consents_only_grow_and_purposes_in_use_are_kept() {
        use crate::domain::consent::State;
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let contact_id =
            block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let purpose = PurposeDraft {
            name: "Newsletter".into(),
            basis: "consent".into(),
            data_categories: "name, e-mail".into(),
            retention: "until withdrawn".into(),
            ..PurposeDraft::default()
        };
        let purpose_id = block_on(vault.save_purpose(None, &purpose, t(2))).unwrap();
        let draft = ConsentDraft {
            contact_id: contact_id.clone(),
            purpose_id: purpose_id.clone(),
            notice: "Privacy notice 2026".into(),
            method: "email".into(),
            answer: "given".into(),
            how: "replied yes".into(),
            ..ConsentDraft::default()
        };
        let consent_id = block_on(vault.create_consent(&draft, t(3))).unwrap();
        let day = |at: DateTime<Utc>| at.date_naive();
        block_on(vault.append_consent_event(
            &consent_id,
            EventKind::Withdrawn,
            "by phone",
            t(4),
            day,
        ))
        .unwrap();
        // Withdrawing twice is refused and changes nothing.
        assert!(matches!(
            block_on(vault.append_consent_event(&consent_id, EventKind::Withdrawn, "", t(5), day)),
            Err(AppError::Consent(_))
        ));
        assert_eq!(
            block_on(vault.delete_purpose(&purpose_id, t(6))),
            Err(AppError::InUse(1))
        );
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(s.purposes[&purpose_id].data.name, "Newsletter");
        let c = &s.consents[&consent_id];
        assert_eq!(c.rev, 2);
        assert_eq!(c.data.events().len(), 2);
        assert!(matches!(
            c.data.state(t(5).date_naive(), day),
            State::Withdrawn { .. }
        ));
        // A retired purpose takes no new consent.
        let mut retired = purpose.clone();
        retired.retired = true;
        block_on(vault.save_purpose(Some(&purpose_id), &retired, t(7))).unwrap();
        assert!(matches!(
            block_on(vault.create_consent(&draft, t(8))),
            Err(AppError::NotFound(_))
        ));
        // Objection, lifted; the contact's deletion takes its consents and limits along.
        let limit_id = block_on(vault.add_limit(
            &contact_id,
            LimitKind::Objection,
            None,
            "no more mail",
            t(9),
        ))
        .unwrap();
        block_on(vault.lift_limit(&limit_id, t(10))).unwrap();
        assert_eq!(vault.snapshot().limits[&limit_id].data.lifted, Some(t(10)));
        block_on(vault.delete_contact(&contact_id, KeepOnList::No, t(11), t(11).date_naive()))
            .unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.consents.is_empty() && s.limits.is_empty());
        assert_eq!(s.chain, None);
    }
}
