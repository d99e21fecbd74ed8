//! Contacts and organisations, and the activities on a contact's timeline: saving, deleting,
//! merging two contacts into one, and the "new inquiry" flow (a contact with its consents).

use super::error::AppError;
use super::kinds::RecordKind;
use super::records::{deletion_of, Revision};
use super::trail::Entry;
use super::types::{UnlockedVault, VaultSnapshot};
use crate::domain::activity::{Activity, ActivityDraft};
use crate::domain::audit::{self, Action, FieldChange};
use crate::domain::consent::{ConsentDraft, ConsentRecord, Limit};
use crate::domain::contact::{self as contact_rules, Contact, ContactDraft, Side};
use crate::domain::deal::Deal;
use crate::domain::disclosure::NotifyWording;
use crate::domain::document::Document;
use crate::domain::organisation::{Organisation, OrganisationDraft};
use crate::domain::request::SubjectRequest;
use crate::domain::task::Task;
use crate::store::{Batch, Deletion, Expect, Repository};
use chrono::{DateTime, Utc};

impl VaultSnapshot {
    /// Why organisation `id` cannot be deleted, if it cannot: people still belong to it, or
    /// documents that must be kept refer to it. Asked before the deletion is even offered.
    pub fn organisation_deletion_refused(&self, id: &str) -> Option<AppError> {
        let mine = |o: &Option<String>| o.as_deref() == Some(id);
        let people = self
            .contacts
            .values()
            .filter(|c| mine(&c.data.organisation_id))
            .count();
        let documents = self
            .documents
            .values()
            .filter(|d| mine(&d.data.organisation_id))
            .count();
        match (people, documents) {
            (0, 0) => None,
            (0, n) => Some(AppError::Documents(n)),
            (n, _) => Some(AppError::InUse(n)),
        }
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Creates (`id` None) or updates a contact. Returns its id. A correction notifies the
    /// recipients of their data in English (`save_contact_notifying` words it).
    pub async fn save_contact(
        &self,
        id: Option<&str>,
        draft: &ContactDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        self.save_contact_notifying(id, draft, &NotifyWording::default(), now)
            .await
    }

    /// Creates (`id` None) or updates a contact. An update that changes their data is a
    /// rectification (Art. 16): with it, one "Notify <recipient> (Art. 19)" follow-up per
    /// recipient of their data, worded by `wording`, in the same transaction.
    pub async fn save_contact_notifying(
        &self,
        id: Option<&str>,
        draft: &ContactDraft,
        wording: &NotifyWording,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let mut contact = draft.validate().map_err(AppError::Invalid)?;
        // What the form does not show stays as it was: the restriction, the merge links and the
        // erasure mark.
        if let Some(stored) = id.and_then(|id| self.record::<Contact>(id).ok()) {
            contact.restricted = stored.data.restricted;
            contact.merged_from = stored.data.merged_from;
            contact.erased_on = stored.data.erased_on;
        }
        self.check_links(None, contact.organisation_id.as_ref(), None)?;
        // A rectification tells the recipients of their data (Art. 19); a new contact from someone
        // else gets the follow-up to inform them (Art. 14(3)): all in the save's transaction.
        let art19 = match id {
            Some(id) => self.art19_follow_ups(id, false, wording, now)?,
            None => Vec::new(),
        };
        self.save_contact_informing(id, contact, art19, now).await
    }

    /// Creates (`id` None) or updates an organisation. Returns its id.
    pub async fn save_organisation(
        &self,
        id: Option<&str>,
        draft: &OrganisationDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let organisation = draft.validate().map_err(AppError::Invalid)?;
        self.save_record(id, organisation, now).await
    }

    /// Deletes an organisation that no contact belongs to any more; its deals stay without it.
    pub async fn delete_organisation(&self, id: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        let organisation = self.record::<Organisation>(id)?;
        let mine = |o: &Option<String>| o.as_deref() == Some(id);
        if let Some(refused) = self.with_snapshot(|s| s.organisation_deletion_refused(id)) {
            return Err(refused);
        }
        let deals = self.revise_all::<Deal>(now, |d| {
            mine(&d.organisation_id).then(|| {
                let mut d = d.clone();
                d.organisation_id = None;
                d
            })
        });
        let (entry, deletion) = deletion_of(&organisation);
        let batch = Batch {
            puts: self.seal_revisions(&deals)?,
            deletes: vec![deletion],
            ..Batch::default()
        };
        self.commit(batch, vec![entry], now).await?;
        self.forget_all::<Organisation>([&id.to_string()]);
        self.keep_all(deals);
        Ok(())
    }

    /// Merges contact `other_id` into `keep_id`: the chosen value per field, combined lists, the
    /// other's activities, consents, objections, deals, documents, follow-ups and requests moved
    /// over, the other deleted; one transaction and one audit event. The history of both stays
    /// in the audit log (the kept contact lists the merged id).
    pub async fn merge_contacts(
        &self,
        keep_id: &str,
        other_id: &str,
        choose: impl Fn(&str) -> Side,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let keep = self.record::<Contact>(keep_id)?;
        let other = self.record::<Contact>(other_id)?;
        if keep_id == other_id {
            return Err(AppError::MergeIntoItself);
        }
        let merged = contact_rules::merge(&keep.data, keep_id, &other.data, other_id, choose);
        let mut changes = audit::diff(&keep.data.fields(), &merged.fields());
        changes.push(FieldChange::new(
            "merged_from",
            None,
            Some(format!("{other_id} ({})", other.data.display_name())),
        ));
        let kept = keep.revised(merged, now);
        let theirs = |c: &str| c == other_id;
        let activities = self.revise_all::<Activity>(now, |a| {
            theirs(&a.contact_id).then(|| Activity {
                contact_id: keep_id.to_string(),
                ..a.clone()
            })
        });
        let consents = self.revise_all::<ConsentRecord>(now, |c| {
            theirs(&c.contact_id).then(|| c.moved_to(keep_id))
        });
        let limits = self.revise_all::<Limit>(now, |l| {
            theirs(&l.contact_id).then(|| Limit {
                contact_id: keep_id.to_string(),
                ..l.clone()
            })
        });
        let deals = self.revise_all::<Deal>(now, |d| {
            d.contact_ids
                .iter()
                .any(|c| theirs(c))
                .then(|| d.relinked(other_id, keep_id))
        });
        let documents = self.revise_all::<Document>(now, |d| {
            d.contact_ids.iter().any(|c| theirs(c)).then(|| Document {
                contact_ids: relinked(&d.contact_ids, other_id, keep_id),
                ..d.clone()
            })
        });
        let tasks = self.revise_all::<Task>(now, |t| {
            (t.contact_id.as_deref() == Some(other_id)).then(|| Task {
                contact_id: Some(keep_id.to_string()),
                ..t.clone()
            })
        });
        let requests = self.revise_all::<SubjectRequest>(now, |r| {
            (r.contact_id.as_deref() == Some(other_id)).then(|| SubjectRequest {
                contact_id: Some(keep_id.to_string()),
                ..r.clone()
            })
        });
        let mut puts = vec![(self.seal(&kept)?, Expect::Rev(keep.rev))];
        puts.extend(self.seal_revisions(&deals)?);
        puts.extend(self.seal_revisions(&documents)?);
        puts.extend(self.seal_revisions(&tasks)?);
        puts.extend(self.seal_revisions(&requests)?);
        puts.extend(self.seal_revisions(&activities)?);
        puts.extend(self.seal_revisions(&consents)?);
        puts.extend(self.seal_revisions(&limits)?);
        let entry = Entry::new(Action::Merge, Contact::KIND, keep_id, changes);
        let batch = Batch {
            puts,
            deletes: vec![Deletion::new(
                other_id,
                Contact::KIND,
                Expect::Rev(other.rev),
            )],
            ..Batch::default()
        };
        self.commit(batch, vec![entry], now).await?;
        self.forget_all::<Contact>([&other_id.to_string()]);
        self.keep_all(vec![kept]);
        self.keep_all(activities);
        self.keep_all(consents);
        self.keep_all(limits);
        self.keep_all(deals);
        self.keep_all(documents);
        self.keep_all(tasks);
        self.keep_all(requests);
        Ok(())
    }

    /// Creates a contact and records its consents (each to an active purpose) in one
    /// transaction: the "new inquiry" flow. Everything is checked before anything is written.
    pub async fn create_contact_with_consents(
        &self,
        draft: &ContactDraft,
        consents: &[ConsentDraft],
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let contact = draft.validate().map_err(AppError::Invalid)?;
        self.check_links(None, contact.organisation_id.as_ref(), None)?;
        let contact = Revision::of(None, contact, now)?;
        let mut records = Vec::with_capacity(consents.len());
        for c in consents {
            let c = ConsentDraft {
                contact_id: contact.record.id.clone(),
                ..c.clone()
            };
            let record = c.validate(now).map_err(AppError::Invalid)?;
            self.check_active_purpose(&record.purpose_id)?;
            records.push(Revision::of(None, record, now)?);
        }
        let mut follow_ups = self.informing(None, None, &contact.record.data, now)?;
        for t in &mut follow_ups {
            t.record.data.contact_id = Some(contact.record.id.clone());
        }
        let mut puts = vec![(self.seal(&contact.record)?, Expect::Absent)];
        let mut entries = vec![contact.entry()];
        for r in &records {
            puts.push((self.seal(&r.record)?, Expect::Absent));
            entries.push(r.entry());
        }
        for t in &follow_ups {
            puts.push((self.seal(&t.record)?, Expect::Absent));
            entries.push(t.entry());
        }
        let batch = Batch {
            puts,
            ..Batch::default()
        };
        self.commit(batch, entries, now).await?;
        let id = contact.record.id.clone();
        self.keep_all(vec![contact.record]);
        self.keep_all(records.into_iter().map(|r| r.record).collect());
        self.keep_all(follow_ups.into_iter().map(|t| t.record).collect());
        Ok(id)
    }

    /// Creates (`id` None) or updates an activity on a contact's timeline. Returns its id.
    pub async fn save_activity(
        &self,
        id: Option<&str>,
        draft: &ActivityDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let activity = draft.validate().map_err(AppError::Invalid)?;
        self.check_links(None, None, activity.deal_id.as_ref())?;
        self.check_not_restricted(Some(&activity.contact_id))?;
        self.check_links([&activity.contact_id], None, None)?;
        self.save_record(id, activity, now).await
    }

    /// Deletes an activity; what it returns is what `restore_activity` (Undo) writes back.
    pub async fn delete_activity(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<super::undo::Removed<Activity>, AppError> {
        self.delete_record::<Activity>(id, now)
            .await
            .map(super::undo::Removed)
    }
}

/// `ids` with `from` replaced by `to`, each id once.
fn relinked(ids: &[String], from: &str, to: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.iter()
        .map(|c| if c == from { to.to_string() } else { c.clone() })
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn contacts_and_activities_round_trip_with_their_history() {
        let (repo, vault, id) = vault_with_jana();
        let mut edited = contact("Jana", "Nováková");
        edited.phones = "601 234 567".into();
        block_on(vault.save_contact(Some(&id), &edited, t(2))).unwrap();
        // Saving without a change writes nothing.
        block_on(vault.save_contact(Some(&id), &edited, t(3))).unwrap();
        let activity = call(&id, t(4), "Offer");
        let activity_id = block_on(vault.save_activity(None, &activity, t(4))).unwrap();

        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(s.contacts[&id].data.phones[0].value, "601 234 567");
        assert_eq!(s.contacts[&id].rev, 2);
        assert_eq!(s.activities[&activity_id].data.subject, "Offer");
        assert_eq!(s.chain, None);
        let history: Vec<&AuditEvent> = s.audit.iter().filter(|e| e.entity_id == id).collect();
        assert_eq!(history.len(), 2);
        assert_eq!(history[1].action, Action::Update);
        assert_eq!(
            history[1].changes.len(),
            1,
            "only the changed field: {:?}",
            history[1].changes
        );
        assert_eq!(history[1].changes[0].field, "phone");
    }

    #[test]
    fn a_contact_and_its_consents_are_created_in_one_step() {
        let (repo, vault) = new_vault();
        let purpose = newsletter();
        let purpose_id = block_on(vault.save_purpose(None, &purpose, t(1))).unwrap();
        let draft = ConsentDraft {
            purpose_id,
            notice: "Privacy notice 2026".into(),
            method: "web_form".into(),
            answer: "given".into(),
            ..ConsentDraft::default()
        };
        // Together, or not at all.
        let bad = ConsentDraft {
            notice: String::new(),
            ..draft.clone()
        };
        let before = vault.snapshot();
        assert!(matches!(
            block_on(vault.create_contact_with_consents(
                &contact("Eva", "Malá"),
                &[draft.clone(), bad],
                t(6)
            )),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(vault.snapshot(), before);
        assert_eq!(repo.raw_audit_event_count(), before.audit.len());
        let eva = block_on(vault.create_contact_with_consents(
            &contact("Eva", "Malá"),
            std::slice::from_ref(&draft),
            t(6),
        ))
        .unwrap();
        let s = vault.snapshot();
        assert!(s.consents.values().any(|c| c.data.contact_id == eva));
        assert_eq!(s.audit.len(), before.audit.len() + 2);
        assert_eq!(repo.raw_audit_event_count(), s.audit.len());
        assert_eq!(
            block_on(unlock(repo, &pass())).unwrap().snapshot().chain,
            None
        );
    }

    #[test]
    fn deleting_a_contact_takes_its_activities_in_one_step() {
        let (repo, vault, id) = vault_with_jana();
        let other = block_on(vault.save_contact(None, &contact("Petr", "Svoboda"), t(1))).unwrap();
        for (who, n) in [(&id, 1), (&other, 2)] {
            let draft = note(who, t(n), &format!("note {n}"));
            block_on(vault.save_activity(None, &draft, t(n))).unwrap();
        }
        block_on(vault.delete_contact(&id, KeepOnList::No, t(5), t(5).date_naive())).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(!s.contacts.contains_key(&id));
        assert_eq!(s.activities.len(), 1);
        assert!(s.activities.values().all(|a| a.data.contact_id == other));
        assert_eq!(s.audit.last().unwrap().action, Action::Erase);
        assert_eq!(s.chain, None);
        assert!(matches!(
            block_on(vault.delete_contact(&id, KeepOnList::No, t(6), t(6).date_naive())),
            Err(AppError::NotFound(_))
        ));
    }

    #[test]
    fn merging_keeps_both_histories_and_all_activities() {
        let (repo, vault, keep) = vault_with_jana();
        let other_draft = ContactDraft {
            role: "CEO".into(),
            emails: "jana@jinde.cz".into(),
            ..contact("Jana", "Novákova")
        };
        let other = block_on(vault.save_contact(None, &other_draft, t(2))).unwrap();
        for (who, n) in [(&keep, 3), (&other, 4)] {
            let draft = call(who, t(n), &format!("call {n}"));
            block_on(vault.save_activity(None, &draft, t(n))).unwrap();
        }
        block_on(vault.merge_contacts(
            &keep,
            &other,
            |f| if f == "role" { Side::Other } else { Side::Keep },
            t(5),
        ))
        .unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(s.contacts.len(), 1);
        let kept = &s.contacts[&keep];
        assert_eq!(kept.data.family_name, "Nováková");
        assert_eq!(kept.data.role, "CEO");
        assert_eq!(kept.data.emails.len(), 2);
        assert_eq!(kept.data.merged_from, vec![other.clone()]);
        assert_eq!(s.activities.len(), 2);
        assert!(s.activities.values().all(|a| a.data.contact_id == keep));
        let last = s.audit.last().unwrap();
        assert_eq!(last.action, Action::Merge);
        assert!(last.changes.iter().any(|c| c.field == "merged_from"));
        // Both contacts' earlier history is still there.
        assert!(s
            .audit
            .iter()
            .any(|e| e.entity_id == other && e.action == Action::Create));
        assert!(s
            .audit
            .iter()
            .any(|e| e.entity_id == keep && e.action == Action::Create));
        assert_eq!(s.chain, None);
    }

    #[test]
    fn an_organisation_with_people_is_not_deleted() {
        let (repo, vault) = new_vault();
        let org = OrganisationDraft {
            ico: "27082440".into(),
            ..firm("Firma s.r.o.")
        };
        let org_id = block_on(vault.save_organisation(None, &org, t(1))).unwrap();
        let person = ContactDraft {
            organisation_id: Some(org_id.clone()),
            ..contact("Jana", "Nováková")
        };
        let person_id = block_on(vault.save_contact(None, &person, t(2))).unwrap();
        assert!(matches!(
            block_on(vault.delete_organisation(&org_id, t(3))),
            Err(AppError::InUse(1))
        ));
        // A contact cannot point at an organisation that does not exist.
        let stray = ContactDraft {
            organisation_id: Some("no-such-organisation".into()),
            ..contact("Petr", "Svoboda")
        };
        assert!(matches!(
            block_on(vault.save_contact(None, &stray, t(4))),
            Err(AppError::NotFound(_))
        ));
        let unlinked = ContactDraft {
            organisation_id: None,
            ..person
        };
        block_on(vault.save_contact(Some(&person_id), &unlinked, t(5))).unwrap();
        block_on(vault.delete_organisation(&org_id, t(6))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.organisations.is_empty());
        assert_eq!(s.contacts[&person_id].data.organisation_id, None);
        assert_eq!(s.chain, None);
    }

    #[test]
    fn an_invalid_contact_is_not_saved() {
        let (repo, vault) = new_vault();
        let bad = ContactDraft {
            emails: "jana@".into(),
            ..contact("Jana", "")
        };
        assert!(matches!(
            block_on(vault.save_contact(None, &bad, t(1))),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(repo.raw_audit_event_count(), 1);
        assert!(vault.snapshot().contacts.is_empty());
    }

    #[test]
    fn merging_moves_deals_documents_and_follow_ups() {
        let (repo, vault, keep) = vault_with_jana();
        let other = block_on(vault.save_contact(None, &contact("Jana", "Novákova"), t(1))).unwrap();
        let deal = DealDraft {
            contact_ids: vec![keep.clone(), other.clone()],
            ..deal("Payroll", "lead")
        };
        let deal = block_on(vault.save_deal(None, &deal, ',', t(2))).unwrap();
        let contract = DocumentDraft {
            contact_ids: vec![other.clone()],
            ..document("contract", "SML-7", "2026-01-01")
        };
        let doc = block_on(vault.save_document(None, &contract, ',', t(3))).unwrap();
        let call = follow_up("Call", &other);
        let task = block_on(vault.save_task(None, &call, utc_of, t(4))).unwrap();
        block_on(vault.merge_contacts(&keep, &other, |_| Side::Keep, t(5))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(s.deals[&deal].data.contact_ids, vec![keep.clone()]);
        assert_eq!(s.documents[&doc].data.contact_ids, vec![keep.clone()]);
        assert_eq!(
            s.tasks[&task].data.contact_id.as_deref(),
            Some(keep.as_str())
        );
        assert_eq!(s.chain, None);
    }
}
