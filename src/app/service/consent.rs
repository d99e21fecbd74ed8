//! Consent and the register of processing: purposes, consents (whose events are only ever
//! appended), and objections (Art. 21) and restrictions (Art. 18).

use super::error::AppError;
use super::records::Revision;
use super::types::UnlockedVault;
use crate::app::clock::local_day;
use crate::domain::consent::{ConsentDraft, ConsentEvent, ConsentRecord, EventKind};
use crate::domain::consent::{Limit, LimitKind};
use crate::domain::contact::Contact;
use crate::domain::do_not_contact::Reason;
use crate::domain::purpose::{Purpose, PurposeDraft};
use crate::store::Batch;
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
        self.delete_record::<Purpose>(id, now).await.map(|_| ())
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
                undoes: None,
            },
            local_day,
        )?;
        record.extends(&previous.data)?;
        self.save_record(Some(id), record, now).await.map(|_| ())
    }

    /// Records an objection (Art. 21, to one purpose or all) or a restriction (Art. 18), in
    /// one write with what follows from it: a restriction makes the contact restricted
    /// (nothing new is recorded until it is lifted); an objection to direct marketing (a
    /// purpose marked so, or every purpose) puts the person's e-mails and phones on the
    /// do-not-contact list, where they stay after the person is gone.
    pub async fn add_limit(
        &self,
        contact_id: &str,
        kind: LimitKind,
        purpose_id: Option<String>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let wording = crate::domain::disclosure::NotifyWording::default();
        self.add_limit_notifying(contact_id, kind, purpose_id, reason, &wording, now)
            .await
    }

    /// `add_limit`, with a restriction's Art. 19 follow-ups ("Notify <recipient> (Art. 19)",
    /// one per recipient of the person's data) worded by `wording`, in the same write.
    pub async fn add_limit_notifying(
        &self,
        contact_id: &str,
        kind: LimitKind,
        purpose_id: Option<String>,
        reason: &str,
        wording: &crate::domain::disclosure::NotifyWording,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let person = self
            .record::<Contact>(contact_id)
            .map_err(|_| AppError::NotFound(contact_id.to_string()))?;
        let marketing = kind == LimitKind::Objection
            && purpose_id.as_deref().is_none_or(|p| {
                self.record::<Purpose>(p)
                    .is_ok_and(|p| p.data.direct_marketing)
            });
        let limit =
            Limit::new(contact_id, kind, purpose_id, now, reason).map_err(AppError::Invalid)?;
        let limit = Revision::of(None, limit, now)?;
        let mut puts = vec![(self.seal(&limit.record)?, limit.expect)];
        let mut entries = vec![limit.entry()];
        let contact = (kind == LimitKind::Restriction && !person.data.restricted)
            .then(|| {
                let mut c = person.data.clone();
                c.restricted = true;
                Revision::of(Some(&person), c, now)
            })
            .transpose()?;
        if let Some(c) = &contact {
            puts.push((self.seal(&c.record)?, c.expect));
            entries.push(c.entry());
        }
        let list = match marketing {
            true => self.listed(&person.data, Reason::Objected, now, local_day(now))?,
            false => None,
        };
        let list = match list {
            Some((listed, _)) => {
                let previous = self
                    .inner
                    .borrow()
                    .snapshot
                    .do_not_contact
                    .get(&listed.id)
                    .cloned();
                Some(Revision::of(previous.as_ref(), listed.data, now)?)
            }
            None => None,
        };
        if let Some(l) = &list {
            puts.push((self.seal(&l.record)?, l.expect));
            entries.push(l.entry());
        }
        let tasks = match kind {
            LimitKind::Restriction => self.art19_follow_ups(contact_id, false, wording, now)?,
            LimitKind::Objection => Vec::new(),
        };
        for t in &tasks {
            puts.push((self.seal(&t.record)?, t.expect));
            entries.push(t.entry());
        }
        let batch = Batch {
            puts,
            ..Batch::default()
        };
        self.commit(batch, entries, now).await?;
        let id = limit.record.id.clone();
        self.keep_all(vec![limit.record]);
        self.keep_all(contact.into_iter().map(|c| c.record).collect());
        self.keep_all(list.into_iter().map(|l| l.record).collect());
        self.keep_all(tasks.into_iter().map(|t| t.record).collect());
        Ok(id)
    }

    /// Ends an objection or a restriction (kept, with when it ended). Lifting the last
    /// restriction of a contact lets things be recorded again, unless the contact is what an
    /// erasure kept for a hold. An address on the do-not-contact list stays there (it comes
    /// off only by being removed in Settings).
    pub async fn lift_limit(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let previous = self.record::<Limit>(id)?;
        if previous.data.lifted.is_some() {
            return Ok(());
        }
        let mut limit = previous.data.clone();
        limit.lifted = Some(now);
        let contact_id = limit.contact_id.clone();
        let kind = limit.kind;
        let limit = Revision::of(Some(&previous), limit, now)?;
        let still_restricted = self
            .inner
            .borrow()
            .snapshot
            .limits
            .iter()
            .any(|(other, l)| {
                other != id
                    && l.data.contact_id == contact_id
                    && l.data.kind == LimitKind::Restriction
                    && l.data.lifted.is_none()
            });
        let contact = match self.record::<Contact>(&contact_id) {
            Ok(c)
                if kind == LimitKind::Restriction
                    && c.data.restricted
                    && c.data.erased_on.is_none()
                    && !still_restricted =>
            {
                let mut data = c.data.clone();
                data.restricted = false;
                Some(Revision::of(Some(&c), data, now)?)
            }
            _ => None,
        };
        let mut puts = vec![(self.seal(&limit.record)?, limit.expect)];
        let mut entries = vec![limit.entry()];
        if let Some(c) = &contact {
            puts.push((self.seal(&c.record)?, c.expect));
            entries.push(c.entry());
        }
        let batch = Batch {
            puts,
            ..Batch::default()
        };
        self.commit(batch, entries, now).await?;
        self.keep_all(vec![limit.record]);
        self.keep_all(contact.into_iter().map(|c| c.record).collect());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn consents_only_grow_and_purposes_in_use_are_kept() {
        use crate::domain::consent::State;
        let (repo, vault, contact_id) = vault_with_jana();
        let purpose = newsletter();
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

    #[test]
    fn an_objection_to_direct_marketing_lasts_and_a_restriction_stops_new_records() {
        use crate::domain::consent::LimitKind;
        use crate::domain::do_not_contact::{Channel, Reason};
        let (repo, vault) = new_vault();
        let mut draft = contact("Jana", "Nováková");
        draft.phones = "mobile: +420 601 123 456".into();
        let jana = block_on(vault.save_contact(None, &draft, t(1))).unwrap();
        let petr = block_on(vault.save_contact(None, &contact("Petr", "Novák"), t(1))).unwrap();
        let purpose = |name: &str, marketing: bool| PurposeDraft {
            name: name.into(),
            basis: "legitimate_interest".into(),
            data_categories: "name, e-mail".into(),
            retention: "3 years".into(),
            direct_marketing: marketing,
            ..PurposeDraft::default()
        };
        let service =
            block_on(vault.save_purpose(None, &purpose("Service notices", false), t(2))).unwrap();
        let mailing =
            block_on(vault.save_purpose(None, &purpose("Newsletter", true), t(2))).unwrap();
        let list = || vault.snapshot().do_not_contact_list();
        // An objection to a purpose that is not marketing lists nothing.
        block_on(vault.add_limit(&petr, LimitKind::Objection, Some(service), "no", t(3))).unwrap();
        assert!(list().is_empty());
        // One to direct marketing lists every address of the person, as an objection.
        block_on(vault.add_limit(
            &jana,
            LimitKind::Objection,
            Some(mailing),
            "never mail me",
            t(4),
        ))
        .unwrap();
        assert_eq!(list().len(), 2);
        assert_eq!(
            list().reason(Channel::Email, "JANA@firma.cz"),
            Some(Reason::Objected)
        );
        assert_eq!(
            list().reason(Channel::Phone, "601 123 456"),
            Some(Reason::Objected)
        );
        // The "no" outlives the person, even erased without keeping them on the list.
        block_on(vault.delete_contact(&jana, KeepOnList::No, t(5), t(5).date_naive())).unwrap();
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(
            s.do_not_contact_list()
                .reason(Channel::Email, "jana@firma.cz"),
            Some(Reason::Objected)
        );
        // A restriction makes the contact restricted: nothing new until it is lifted.
        let limit =
            block_on(vault.add_limit(&petr, LimitKind::Restriction, None, "accuracy", t(6)))
                .unwrap();
        assert!(vault.snapshot().contacts[&petr].data.restricted);
        let activity = call(&petr, t(7), "Offer");
        assert!(matches!(
            block_on(vault.save_activity(None, &activity, t(7))),
            Err(AppError::Restricted)
        ));
        block_on(vault.lift_limit(&limit, t(8))).unwrap();
        assert!(!vault.snapshot().contacts[&petr].data.restricted);
        block_on(vault.save_activity(None, &activity, t(9))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap();
        assert!(!s.snapshot().contacts[&petr].data.restricted);
        assert_eq!(s.snapshot().chain, None);
    }
}
