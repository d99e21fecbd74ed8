//! The data subject's rights in the vault: erasure (Art. 17, honouring retention holds) and the
//! register of requests with its deadlines.

use super::error::AppError;
use super::kinds::RecordKind;
use super::trail::{resealed_items, Entry, Reseal};
use super::types::{OpenRecord, Records, UnlockedVault, VaultSnapshot};
use crate::domain::activity::Activity;
use crate::domain::audit::{Action, AuditEvent, FieldChange};
use crate::domain::consent::{ConsentRecord, Limit};
use crate::domain::contact::Contact;
use crate::domain::deal::Deal;
use crate::domain::document::Document;
use crate::domain::erasure;
use crate::domain::request::SubjectRequest;
use crate::domain::request::{RequestDraft, RequestError, RequestKind, RequestStatus};
use crate::domain::task::Task;
use crate::domain::Id;
use crate::store::{Batch, Deletion, Expect, Repository};
use crate::vault::VaultError;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// What erasing contact `id` on `today` would do, worked out from the decrypted state (the
/// erasure page shows it; `erase_contact` carries it out).
pub fn plan_erasure(
    s: &VaultSnapshot,
    id: &str,
    today: NaiveDate,
) -> Result<erasure::Plan, AppError> {
    let contact = s
        .contacts
        .get(id)
        .ok_or_else(|| AppError::NotFound(id.to_string()))?;
    fn pairs<T>(map: &Records<T>) -> Vec<(&String, &T)> {
        map.iter().map(|(k, r)| (k, &r.data)).collect()
    }
    let records = erasure::Records {
        activities: pairs(&s.activities),
        consents: pairs(&s.consents),
        limits: pairs(&s.limits),
        tasks: pairs(&s.tasks),
        deals: pairs(&s.deals),
        documents: pairs(&s.documents),
        requests: pairs(&s.requests),
    };
    Ok(erasure::plan(id, &contact.data, &records, today))
}

/// The next revisions of the records `ids` names.
fn revise<T: Clone>(
    map: &Records<T>,
    ids: &[String],
    now: DateTime<Utc>,
    change: impl Fn(&T) -> T,
) -> Vec<OpenRecord<T>> {
    ids.iter()
        .filter_map(|id| map.get(id))
        .map(|r| r.revised(change(&r.data), now))
        .collect()
}

/// The deletions of the records `ids` names, expecting their revisions.
fn gone<T>(map: &Records<T>, ids: &[String]) -> Vec<Deletion> {
    ids.iter()
        .filter_map(|id| map.get(id))
        .map(|r| Deletion::new(&r.id, &r.kind, Expect::Rev(r.rev)))
        .collect()
}

/// What an erasure writes, and what it changes in memory once written.
struct Erasure {
    batch: Batch,
    changes: Vec<FieldChange>,
    deals: Vec<OpenRecord<Deal>>,
    documents: Vec<OpenRecord<Document>>,
    requests: Vec<OpenRecord<SubjectRequest>>,
    kept: Option<OpenRecord<Contact>>,
    erased: Vec<(usize, AuditEvent)>,
}

impl<R: Repository> UnlockedVault<R> {
    /// What erasing a contact on `today` would delete, keep and why (nothing is changed).
    pub fn erasure_plan(&self, id: &str, today: NaiveDate) -> Result<erasure::Plan, AppError> {
        plan_erasure(&self.inner.borrow().snapshot, id, today)
    }

    /// Erases a contact (Art. 17) in one transaction, as `erasure_plan` said: deletes what may
    /// go; while documents must be kept, leaves only what they need, restricted (Art. 18); takes
    /// the values out of the history of everything erased (the audit chain still verifies);
    /// logs the erasure in the requests register with `outcome`. Returns the plan carried out.
    pub async fn erase_contact(
        &self,
        id: &str,
        outcome: &str,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<erasure::Plan, AppError> {
        let plan = self.erasure_plan(id, today)?;
        let fresh_id = Id::new().map_err(|_| VaultError::NoRandomness)?.to_string();
        let work = self.erasure(id, &plan, outcome, fresh_id, now, today)?;
        let entry = Entry::new(Action::Erase, Contact::KIND, id, work.changes);
        self.commit(work.batch, vec![entry], now).await?;
        self.forget_all::<Activity>(&plan.activities);
        self.forget_all::<ConsentRecord>(&plan.consents);
        self.forget_all::<Limit>(&plan.limits);
        self.forget_all::<Task>(&plan.tasks);
        self.forget_all::<Document>(&plan.documents_deleted);
        self.keep_all(work.deals);
        self.keep_all(work.documents);
        self.keep_all(work.requests);
        match work.kept {
            Some(c) => self.keep_all(vec![c]),
            None => self.forget_all::<Contact>([&id.to_string()]),
        }
        let mut inner = self.inner.borrow_mut();
        for (i, e) in work.erased {
            inner.snapshot.audit[i] = e;
        }
        Ok(plan)
    }

    /// Works out, from the decrypted state, everything the erasure of `id` writes.
    fn erasure(
        &self,
        id: &str,
        plan: &erasure::Plan,
        outcome: &str,
        fresh_id: String,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Erasure, AppError> {
        let inner = self.inner.borrow();
        let s = &inner.snapshot;
        let contact = s
            .contacts
            .get(id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(id.to_string()))?;
        let unlink = |ids: &mut Vec<String>| ids.retain(|c| c != id);
        let deals = revise(&s.deals, &plan.deals, now, |d| {
            let mut d = d.clone();
            unlink(&mut d.contact_ids);
            d
        });
        let documents = revise(&s.documents, &plan.documents_unlinked, now, |d| {
            let mut d = d.clone();
            unlink(&mut d.contact_ids);
            d
        });
        // The register: the person's open erasure request is closed by this erasure; any
        // other entry about them keeps only a reference unless the contact stays.
        let open = plan.requests.iter().find_map(|r| {
            s.requests.get(r).filter(|r| {
                r.data.kind == RequestKind::Erasure && r.data.status == RequestStatus::Open
            })
        });
        let name = contact.data.display_name();
        let mut requests = revise(&s.requests, &plan.requests, now, |r| {
            erasure::pseudonymised_request(r, plan)
        });
        let logged = match open {
            Some(r) => {
                let logged = erasure::logged_request(Some(&r.data), plan, &name, outcome, today);
                let record = r.revised(logged, now);
                requests.retain(|x| x.id != record.id);
                (record, Expect::Rev(r.rev))
            }
            None => (
                OpenRecord {
                    id: fresh_id,
                    kind: SubjectRequest::KIND.to_string(),
                    rev: 1,
                    created_at: now,
                    updated_at: now,
                    data: erasure::logged_request(None, plan, &name, outcome, today),
                },
                Expect::Absent,
            ),
        };
        let kept = plan
            .keeps_contact()
            .then(|| contact.revised(erasure::remainder(&contact.data, today), now));
        let mut puts = self.seal_revisions(&deals)?;
        puts.extend(self.seal_revisions(&documents)?);
        puts.extend(self.seal_revisions(&requests)?);
        puts.push((self.seal(&logged.0)?, logged.1));
        if let Some(kept) = &kept {
            puts.push((self.seal(kept)?, Expect::Rev(contact.rev)));
        }
        let mut deletes = gone(&s.activities, &plan.activities);
        deletes.extend(gone(&s.consents, &plan.consents));
        deletes.extend(gone(&s.limits, &plan.limits));
        deletes.extend(gone(&s.tasks, &plan.tasks));
        deletes.extend(gone(&s.documents, &plan.documents_deleted));
        if kept.is_none() {
            deletes.push(Deletion::new(id, Contact::KIND, Expect::Rev(contact.rev)));
        }
        // The history of everything erased keeps who/what/when, not the values.
        let erased: Vec<(usize, AuditEvent)> = s
            .audit
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.action != Action::Erase && e.has_values() && plan.history.contains(&e.entity_id)
            })
            .map(|(i, e)| {
                let mut e = e.clone();
                e.erase_values();
                (i, e)
            })
            .collect();
        let changed: BTreeMap<u64, AuditEvent> =
            erased.iter().map(|(_, e)| (e.seq, e.clone())).collect();
        let rewrite_audit = resealed_items(
            &self.sealer,
            &s.audit,
            &inner.items,
            &changed,
            Reseal::NextRevision,
        )?;
        // The erasure's own event: counts and dates, nothing about the person.
        let count = |field: &str, n: usize| {
            (n > 0).then(|| FieldChange::new(field, None, Some(n.to_string())))
        };
        let changes: Vec<FieldChange> = [
            count("deleted_activities", plan.activities.len()),
            count("deleted_consents", plan.consents.len()),
            count("deleted_limits", plan.limits.len()),
            count("deleted_tasks", plan.tasks.len()),
            count("deleted_documents", plan.documents_deleted.len()),
            count("unlinked_documents", plan.documents_unlinked.len()),
            count("unlinked_deals", plan.deals.len()),
            count("erased_history_events", erased.len()),
            plan.keep_until()
                .map(|d| FieldChange::new("restricted_until", None, Some(d.to_string()))),
            Some(FieldChange::new("request", None, Some(logged.0.id.clone()))),
        ]
        .into_iter()
        .flatten()
        .collect();
        requests.push(logged.0);
        Ok(Erasure {
            batch: Batch {
                puts,
                deletes,
                rewrite_audit,
                ..Batch::default()
            },
            changes,
            deals,
            documents,
            requests,
            kept,
            erased,
        })
    }

    /// Registers a data subject request (received on a date, due a month later).
    pub async fn create_request(
        &self,
        draft: &RequestDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let mut request = draft.validate(now).map_err(AppError::Invalid)?;
        self.check_links(&request.contact_id, None, None)?;
        if request.subject.is_empty() {
            // The register keeps who asked even if the contact is deleted later.
            if let Some(c) = request
                .contact_id
                .as_ref()
                .and_then(|c| self.record::<Contact>(c).ok())
            {
                request.subject = c.data.display_name();
            }
        }
        self.save_record(None, request, now).await
    }

    /// Changes a request by one of its rules (extend, add a step, close), audited.
    pub async fn change_request(
        &self,
        id: &str,
        change: impl FnOnce(&mut SubjectRequest) -> Result<(), RequestError>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut request = self.record::<SubjectRequest>(id)?.data;
        change(&mut request)?;
        self.save_record(Some(id), request, now).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn requests_are_registered_changed_by_their_rules_and_outlive_their_contact() {
        use crate::domain::request::{RequestDraft, RequestStatus};
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let jana = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let draft = RequestDraft {
            kind: "erasure".into(),
            contact_id: Some(jana.clone()),
            received: "2026-03-01".into(),
            ..RequestDraft::default()
        };
        let id = block_on(vault.create_request(&draft, t(2))).unwrap();
        assert_eq!(vault.snapshot().requests[&id].data.subject, "Jana Nováková");
        block_on(vault.change_request(
            &id,
            |r| {
                r.extend(
                    "complex case",
                    chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
                )
            },
            t(3),
        ))
        .unwrap();
        assert!(matches!(
            block_on(vault.change_request(
                &id,
                |r| r.extend(
                    "again",
                    chrono::NaiveDate::from_ymd_opt(2026, 3, 11).unwrap()
                ),
                t(4)
            )),
            Err(AppError::Request(RequestError::ExtendedAlready))
        ));
        block_on(vault.delete_contact(&jana, t(5))).unwrap();
        block_on(vault.change_request(
            &id,
            |r| {
                r.close(
                    RequestStatus::Done,
                    "erased",
                    chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
                )
            },
            t(6),
        ))
        .unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        let r = &s.requests[&id].data;
        assert_eq!(
            (r.contact_id.as_deref(), r.subject.as_str()),
            (None, "Jana Nováková")
        );
        assert_eq!(r.status, RequestStatus::Done);
        assert_eq!(
            r.due(),
            chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
        );
        assert_eq!(s.chain, None);
    }
}
