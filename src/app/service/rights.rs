//! The data subject's rights in the vault: erasure (Art. 17, honouring retention holds) — of a
//! person still in the vault or deleted earlier, their history found through the people each
//! event belongs to, their "no" kept on the do-not-contact list and their id on the list of
//! erased people — and the register of requests with its deadlines.

use super::error::AppError;
use super::kinds::RecordKind;
use super::records::{first_revision, Revision};
use super::trail::{resealed_items, Entry, Reseal};
use super::types::{OpenRecord, Records, UnlockedVault, VaultSnapshot};
use crate::domain::activity::Activity;
use crate::domain::audit::{Action, AuditEvent, FieldChange};
use crate::domain::breach::Breach;
use crate::domain::consent::{ConsentRecord, Limit};
use crate::domain::contact::Contact;
use crate::domain::deal::Deal;
use crate::domain::disclosure::{Disclosure, NotifyWording};
use crate::domain::do_not_contact::{Channel, DoNotContact, ErasedPeople, Reason};
use crate::domain::document::Document;
use crate::domain::erasure;
use crate::domain::request::SubjectRequest;
use crate::domain::request::{RequestDraft, RequestError, RequestKind, RequestStatus};
use crate::domain::task::Task;
use crate::domain::Id;
use crate::store::{Batch, Deletion, Expect, Repository, SealedRecord};
use crate::vault::VaultError;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

fn pairs<T>(map: &Records<T>) -> Vec<(&String, &T)> {
    map.iter().map(|(k, r)| (k, &r.data)).collect()
}

/// The person being erased: their contact record, or (deleted earlier) what the audit trail
/// knows of them. None when the vault has never known anyone of that id.
pub(super) fn person(s: &VaultSnapshot, id: &str) -> Option<(Contact, bool)> {
    match s.contacts.get(id) {
        Some(c) => Some((c.data.clone(), true)),
        None if s
            .audit
            .iter()
            .any(|e| e.entity_id == id && e.entity_kind == "contact") =>
        {
            Some((erasure::person_from_history(id, &s.audit), false))
        }
        None => None,
    }
}

/// What erasing contact `id` on `today` would do, worked out from the decrypted state (the
/// erasure page shows it; `erase_contact` carries it out). A person deleted earlier is erased
/// from the history alone.
pub fn plan_erasure(
    s: &VaultSnapshot,
    id: &str,
    today: NaiveDate,
) -> Result<erasure::Plan, AppError> {
    let (contact, live) = person(s, id)
        // Someone erased already (and not kept by a hold) has nothing left to erase.
        .filter(|(_, live)| *live || !s.erased_people().contains(id))
        .ok_or_else(|| AppError::NotFound(id.to_string()))?;
    let records = erasure::Records {
        activities: pairs(&s.activities),
        consents: pairs(&s.consents),
        limits: pairs(&s.limits),
        tasks: pairs(&s.tasks),
        deals: pairs(&s.deals),
        documents: pairs(&s.documents),
        requests: pairs(&s.requests),
        breaches: pairs(&s.breaches),
        disclosures: pairs(&s.disclosures),
    };
    let mut plan = erasure::plan(id, &contact, &records, today);
    plan.live = live;
    // Records of theirs deleted earlier: found through the people their events belong to.
    let shared: std::collections::BTreeSet<&str> = plan
        .deals
        .iter()
        .chain(&plan.documents_unlinked)
        .chain(&plan.breaches)
        .map(String::as_str)
        .collect();
    for e in &s.audit {
        let record = e.entity_id.text();
        if e.subjects.iter().any(|p| p == id) && !shared.contains(&*record) {
            let shared_kind = e.entity_kind == Deal::KIND
                || e.entity_kind == Document::KIND
                || e.entity_kind == Breach::KIND;
            let still_there = s.deals.contains_key(&*record)
                || s.documents.contains_key(&*record)
                || s.breaches.contains_key(&*record);
            if !shared_kind || !still_there {
                plan.history.insert(record.to_string());
            }
        }
    }
    // Where others' free text names them.
    let mine: std::collections::BTreeSet<&String> = plan.history.iter().collect();
    let texts = erasure::Texts {
        contacts: s
            .contacts
            .iter()
            .filter(|(k, _)| k.as_str() != id)
            .map(|(k, c)| (k, c.data.notes.as_str()))
            .collect(),
        deals: s
            .deals
            .iter()
            .map(|(k, d)| {
                (
                    k,
                    format!(
                        "{}\n{}\n{}",
                        d.data.title, d.data.notes, d.data.outcome_reason
                    ),
                )
            })
            .collect(),
        activities: s
            .activities
            .iter()
            .filter(|(k, a)| !mine.contains(k) && a.data.contact_id != id)
            .map(|(k, a)| {
                (
                    k,
                    &a.data.contact_id,
                    format!("{}\n{}", a.data.subject, a.data.body),
                )
            })
            .collect(),
        documents: s
            .documents
            .iter()
            .map(|(k, d)| (k, d.data.note.as_str()))
            .collect(),
        requests: s
            .requests
            .iter()
            .filter(|(_, r)| r.data.contact_id.as_deref() != Some(id))
            .map(|(k, r)| {
                let steps: Vec<&str> = r.data.steps.iter().map(|st| st.note.as_str()).collect();
                (k, format!("{}\n{}", steps.join("\n"), r.data.outcome))
            })
            .collect(),
    };
    plan.mentions = erasure::mentions(&erasure::Needles::of(&contact), &texts);
    Ok(plan)
}

/// The events of `audit` (with their places) whose values an erasure of person `id` takes out:
/// the history of everything that was theirs (`history`) keeps who/what/when, not the values;
/// the history of a deal or document shared with others loses only what names them, and the
/// history of anyone else's record loses the values that mention them (a note that named them,
/// since edited: the text it had is in the trail). The chain still verifies after.
pub(super) fn scrubbed(
    audit: &[AuditEvent],
    id: &str,
    person: &Contact,
    history: &std::collections::BTreeSet<String>,
) -> Vec<(usize, AuditEvent)> {
    let needles = erasure::Needles::of(person);
    let mentions = |c: &FieldChange| {
        [&c.before, &c.after]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| needles.found_in(v).is_some()))
    };
    audit
        .iter()
        .enumerate()
        .filter(|(_, e)| e.action != Action::Erase && e.has_values())
        .filter_map(|(i, e)| {
            let mut e = e.clone();
            if history.contains(&*e.entity_id.text()) {
                e.erase_values();
            } else if e.concerns(id) {
                e.erase_where(|c| c.names(id) || mentions(c));
            } else if e.changes.iter().any(&mentions) {
                e.erase_where(mentions);
            } else {
                return None;
            }
            Some((i, e))
        })
        .collect()
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
    breaches: Vec<OpenRecord<Breach>>,
    kept: Option<OpenRecord<Contact>>,
    erased: Vec<(usize, AuditEvent)>,
    lists: (OpenRecord<ErasedPeople>, Option<OpenRecord<DoNotContact>>),
}

/// Whether to keep the erased person's addresses on the do-not-contact list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepOnList {
    Yes,
    No,
}

impl<R: Repository> UnlockedVault<R> {
    /// What erasing a contact on `today` would delete, keep and why (nothing is changed).
    pub fn erasure_plan(&self, id: &str, today: NaiveDate) -> Result<erasure::Plan, AppError> {
        plan_erasure(&self.inner.borrow().snapshot, id, today)
    }

    /// Erases a person (Art. 17) in one transaction, as `erasure_plan` said: deletes what may
    /// go; while documents must be kept, leaves only what they need, restricted (Art. 18); takes
    /// the values out of the history of everything that was theirs (the audit chain still
    /// verifies, and nothing left can confirm a guess); keeps their id on the list of erased
    /// people and, with `keep`, their addresses on the do-not-contact list; logs the erasure in
    /// the requests register with `outcome`. Returns the plan carried out.
    pub async fn erase_contact(
        &self,
        id: &str,
        outcome: &str,
        keep: KeepOnList,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<erasure::Plan, AppError> {
        self.ready().await?;
        let wording = NotifyWording::default();
        self.erase(id, Some(outcome), keep, &wording, now, today)
            .await
    }

    /// `erase_contact`, its Art. 19 follow-ups worded by `wording`.
    pub async fn erase_contact_notifying(
        &self,
        id: &str,
        outcome: &str,
        keep: KeepOnList,
        wording: &NotifyWording,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<erasure::Plan, AppError> {
        self.ready().await?;
        self.erase(id, Some(outcome), keep, wording, now, today)
            .await
    }

    /// `delete_contact`, its Art. 19 follow-ups worded by `wording`.
    pub async fn delete_contact_notifying(
        &self,
        id: &str,
        keep: KeepOnList,
        wording: &NotifyWording,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<erasure::Plan, AppError> {
        self.ready().await?;
        self.erase(id, None, keep, wording, now, today).await
    }

    /// Deletes a contact: an erasure (the same plan, the same history emptied, the same
    /// logging), except that it adds nothing to the requests register (nobody asked; an open
    /// erasure request of theirs is closed by it). The user chooses whether to keep them on the
    /// do-not-contact list.
    pub async fn delete_contact(
        &self,
        id: &str,
        keep: KeepOnList,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<erasure::Plan, AppError> {
        self.ready().await?;
        let wording = NotifyWording::default();
        self.erase(id, None, keep, &wording, now, today).await
    }

    /// An erasure, logged in the register with `outcome` (None: only an open request closed).
    async fn erase(
        &self,
        id: &str,
        outcome: Option<&str>,
        keep: KeepOnList,
        wording: &NotifyWording,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<erasure::Plan, AppError> {
        let plan = self.erasure_plan(id, today)?;
        let fresh_id = Id::new().map_err(|_| VaultError::NoRandomness)?.to_string();
        // Art. 19: each recipient of their data is told, by a follow-up that names neither
        // the person nor their data.
        let follow_ups = self.art19_follow_ups(id, true, wording, now)?;
        let mut work = self.erasure(id, &plan, outcome, keep, fresh_id, now, today)?;
        let mut entries = vec![Entry::new(Action::Erase, Contact::KIND, id, work.changes)];
        for t in &follow_ups {
            work.batch.puts.push((self.seal(&t.record)?, t.expect));
            entries.push(t.entry());
        }
        // The other devices' chains as held here lose the same values (#22).
        let copies = match person(&self.inner.borrow().snapshot, id) {
            Some((who, _)) => self.scrubbed_copies(&[(id, &who, &plan.history)])?,
            None => Vec::new(),
        };
        work.batch.puts.extend(
            copies
                .iter()
                .map(|(sealed, expect, _)| (sealed.clone(), *expect)),
        );
        // Sync conflicts about them hold values of their records: they go too.
        let conflicts = self.conflicts_of(id);
        for (cid, rev) in &conflicts {
            work.batch.deletes.push(crate::store::Deletion::new(
                cid,
                super::sync_doc::CONFLICT_KIND,
                crate::store::Expect::Rev(*rev),
            ));
        }
        self.commit(work.batch, entries, now).await?;
        self.keep_copies(copies.into_iter().map(|(_, _, r)| r).collect());
        for (cid, _) in &conflicts {
            self.inner.borrow_mut().snapshot.sync_conflicts.remove(cid);
        }
        self.forget_all::<Disclosure>(&plan.disclosures);
        self.keep_all(follow_ups.into_iter().map(|t| t.record).collect());
        self.forget_all::<Activity>(&plan.activities);
        self.forget_all::<ConsentRecord>(&plan.consents);
        self.forget_all::<Limit>(&plan.limits);
        self.forget_all::<Task>(&plan.tasks);
        self.forget_all::<Document>(&plan.documents_deleted);
        self.keep_all(work.deals);
        self.keep_all(work.documents);
        self.keep_all(work.requests);
        self.keep_all(work.breaches);
        self.keep_all(vec![work.lists.0]);
        if let Some(list) = work.lists.1 {
            self.keep_all(vec![list]);
        }
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

    /// The next revision of a single-record list, or its first.
    pub(super) fn next_list<K: RecordKind + Default>(
        &self,
        change: impl FnOnce(&mut K),
        now: DateTime<Utc>,
    ) -> Result<(OpenRecord<K>, Expect), AppError> {
        let existing = K::records(&self.inner.borrow().snapshot)
            .values()
            .next()
            .cloned();
        Ok(match existing {
            Some(r) => {
                let mut data = r.data.clone();
                change(&mut data);
                (r.revised(data, now), Expect::Rev(r.rev))
            }
            None => {
                let mut data = K::default();
                change(&mut data);
                (first_revision(data, now)?, Expect::Absent)
            }
        })
    }

    /// A new key for the do-not-contact list: derived from the vault's key (it travels with
    /// the list in exports, so a restored list still answers).
    pub(super) fn list_key(&self) -> Result<String, AppError> {
        Ok(crate::domain::hex::encode(
            &self.sealer.tag("do-not-contact key", &[])?,
        ))
    }

    /// Puts a person's addresses on the do-not-contact list (a record to write, or None when
    /// nothing changes).
    pub(super) fn listed(
        &self,
        person: &Contact,
        reason: Reason,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Option<(OpenRecord<DoNotContact>, Expect)>, AppError> {
        let key = self.list_key()?;
        let mut changed = false;
        let (record, expect) = self.next_list::<DoNotContact>(
            |list| {
                for e in &person.emails {
                    changed |= list.add(Channel::Email, &e.value, reason, today, || key.clone());
                }
                for p in &person.phones {
                    changed |= list.add(Channel::Phone, &p.value, reason, today, || key.clone());
                }
            },
            now,
        )?;
        Ok(changed.then_some((record, expect)))
    }

    /// Takes an e-mail address or phone number off the do-not-contact list (typed by the user,
    /// who knows it: the list holds only keyed digests). Audited as the list's new size.
    /// Returns false, writing nothing, when it is not on the list.
    pub async fn remove_from_do_not_contact(
        &self,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        self.ready().await?;
        let Some(previous) = self
            .inner
            .borrow()
            .snapshot
            .do_not_contact
            .values()
            .next()
            .cloned()
        else {
            return Ok(false);
        };
        let mut list = previous.data.clone();
        let removed = list.remove(Channel::Email, address) | list.remove(Channel::Phone, address);
        if !removed {
            return Ok(false);
        }
        let revision = Revision::of(Some(&previous), list, now)?;
        let batch = Batch {
            puts: vec![(self.seal(&revision.record)?, revision.expect)],
            ..Batch::default()
        };
        self.commit(batch, vec![revision.entry()], now).await?;
        self.keep_all(vec![revision.record]);
        Ok(true)
    }

    /// Works out, from the decrypted state, everything the erasure of `id` writes.
    #[allow(clippy::too_many_arguments)]
    fn erasure(
        &self,
        id: &str,
        plan: &erasure::Plan,
        outcome: Option<&str>,
        keep: KeepOnList,
        fresh_id: String,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Erasure, AppError> {
        let (person, contact) = {
            let s = &self.inner.borrow().snapshot;
            let (person, _) = person(s, id).ok_or_else(|| AppError::NotFound(id.to_string()))?;
            (person, s.contacts.get(id).cloned())
        };
        // Their "no" lasts: their addresses on the do-not-contact list, their id (and those of
        // the contacts merged into them) among the erased.
        let listed = match keep {
            KeepOnList::Yes => self.listed(&person, Reason::Erased, now, today)?,
            KeepOnList::No => None,
        };
        let (erased_list, erased_expect) = self.next_list::<ErasedPeople>(
            |e| {
                for who in std::iter::once(id).chain(person.merged_from.iter().map(String::as_str))
                {
                    e.people.entry(who.to_string()).or_insert(today);
                }
            },
            now,
        )?;
        let inner = self.inner.borrow();
        let s = &inner.snapshot;
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
        let breaches = revise(&s.breaches, &plan.breaches, now, |b| {
            let mut b = b.clone();
            unlink(&mut b.contact_ids);
            b
        });
        // The register: the person's open erasure request is closed by this erasure; any
        // other entry about them keeps only a reference unless the contact stays.
        let open = plan.requests.iter().find_map(|r| {
            s.requests.get(r).filter(|r| {
                r.data.kind == RequestKind::Erasure && r.data.status == RequestStatus::Open
            })
        });
        let name = person.display_name();
        let mut requests = revise(&s.requests, &plan.requests, now, |r| {
            erasure::pseudonymised_request(r, plan)
        });
        let logged = match (open, outcome) {
            (Some(r), _) => {
                // Closed because the person was deleted: said as a code, worded when shown.
                let deleted = crate::domain::stored::Stored::ContactDeleted.code();
                let said = outcome.unwrap_or(&deleted);
                let logged = erasure::logged_request(Some(&r.data), plan, &name, said, today);
                let record = r.revised(logged, now);
                requests.retain(|x| x.id != record.id);
                Some((record, Expect::Rev(r.rev)))
            }
            (None, Some(outcome)) => Some((
                OpenRecord {
                    id: fresh_id,
                    kind: SubjectRequest::KIND.into(),
                    rev: 1,
                    created_at: now,
                    updated_at: now,
                    data: erasure::logged_request(None, plan, &name, outcome, today),
                },
                Expect::Absent,
            )),
            (None, None) => None,
        };
        let kept = contact
            .as_ref()
            .filter(|_| plan.keeps_contact())
            .map(|c| c.revised(erasure::remainder(&c.data, today), now));
        let mut puts: Vec<(SealedRecord, Expect)> = self.seal_revisions(&deals)?;
        puts.extend(self.seal_revisions(&documents)?);
        puts.extend(self.seal_revisions(&requests)?);
        puts.extend(self.seal_revisions(&breaches)?);
        if let Some((record, expect)) = &logged {
            puts.push((self.seal(record)?, *expect));
        }
        puts.push((self.seal(&erased_list)?, erased_expect));
        if let Some((list, expect)) = &listed {
            puts.push((self.seal(list)?, *expect));
        }
        if let (Some(kept), Some(c)) = (&kept, &contact) {
            puts.push((self.seal(kept)?, Expect::Rev(c.rev)));
        }
        let mut deletes = gone(&s.activities, &plan.activities);
        deletes.extend(gone(&s.consents, &plan.consents));
        deletes.extend(gone(&s.limits, &plan.limits));
        deletes.extend(gone(&s.tasks, &plan.tasks));
        deletes.extend(gone(&s.documents, &plan.documents_deleted));
        deletes.extend(gone(&s.disclosures, &plan.disclosures));
        if let (None, Some(c)) = (&kept, &contact) {
            deletes.push(Deletion::new(id, Contact::KIND, Expect::Rev(c.rev)));
        }
        let erased = scrubbed(&s.audit, id, &person, &plan.history);
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
            count("deleted_disclosures", plan.disclosures.len()),
            count("unlinked_documents", plan.documents_unlinked.len()),
            count("unlinked_deals", plan.deals.len()),
            count("unlinked_breaches", plan.breaches.len()),
            count("erased_history_events", erased.len()),
            plan.keep_until()
                .map(|d| FieldChange::new("restricted_until", None, Some(d.to_string()))),
            logged
                .as_ref()
                .map(|(r, _)| FieldChange::new("request", None, Some(r.id.clone()))),
        ]
        .into_iter()
        .flatten()
        .collect();
        requests.extend(logged.map(|(r, _)| r));
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
            breaches,
            kept,
            erased,
            lists: (erased_list, listed.map(|(l, _)| l)),
        })
    }

    /// Registers a data subject request (received on a date, due a month later).
    pub async fn create_request(
        &self,
        draft: &RequestDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        self.ready().await?;
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
        self.ready().await?;
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
        let (repo, vault, jana) = vault_with_jana();
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
        // Deleting the person is the erasure they asked for: it closes their request, which
        // stays in the register under a reference instead of their name; nothing else is added.
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        block_on(vault.delete_contact(&jana, KeepOnList::No, t(5), day)).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(s.requests.len(), 1);
        let r = &s.requests[&id].data;
        assert_eq!(r.contact_id, None);
        assert!(!r.subject.contains("Nováková"));
        assert_eq!((r.status, r.closed), (RequestStatus::Done, Some(day)));
        assert_eq!(
            r.due(),
            chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
        );
        assert_eq!(s.chain, None);
    }

    #[test]
    fn an_address_comes_off_the_do_not_contact_list_only_when_typed() {
        use crate::domain::do_not_contact::{Channel, Reason};
        let (repo, vault) = new_vault();
        let mut draft = contact("Jana", "Nováková");
        draft.phones = "+420 601 123 456".into();
        let jana = block_on(vault.save_contact(None, &draft, t(1))).unwrap();
        let day = t(2).date_naive();
        block_on(vault.delete_contact(&jana, KeepOnList::Yes, t(2), day)).unwrap();
        let list = || vault.snapshot().do_not_contact_list();
        assert_eq!(list().len(), 2);
        assert_eq!(
            list().reason(Channel::Email, "jana@firma.cz"),
            Some(Reason::Erased)
        );
        // Not on it: nothing is written.
        let events = vault.snapshot().audit.len();
        assert!(!block_on(vault.remove_from_do_not_contact("petr@firma.cz", t(3))).unwrap());
        assert_eq!(vault.snapshot().audit.len(), events);
        // Typed as people type it, it comes off, audited by the list's size only.
        assert!(block_on(vault.remove_from_do_not_contact(" JANA@firma.cz ", t(4))).unwrap());
        assert!(block_on(vault.remove_from_do_not_contact("601 123 456", t(5))).unwrap());
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.do_not_contact_list().is_empty());
        assert_eq!(s.audit.len(), events + 2);
        assert!(!format!("{:?}", s.audit).contains("jana@firma.cz"));
        assert_eq!(s.chain, None);
    }

    #[test]
    fn a_mention_of_an_erased_person_in_another_record_s_history_is_erased_too() {
        let (repo, vault, jana) = vault_with_jana();
        let mut petr = contact("Petr", "Svoboda");
        petr.emails = "petr@svoboda.cz".into();
        petr.notes = "Met through Jana Nováková (jana@firma.cz)".into();
        let petr_id = block_on(vault.save_contact(None, &petr, t(2))).unwrap();
        petr.notes = "Met at a fair".into();
        block_on(vault.save_contact(Some(&petr_id), &petr, t(3))).unwrap();
        block_on(vault.delete_contact(&jana, KeepOnList::No, t(4), t(4).date_naive())).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        let trail = format!("{:?}", s.audit);
        assert!(!trail.contains("Nováková") && !trail.contains("jana@firma.cz"));
        // Petr's other values stay (a change that named her goes whole: its digest covers
        // both values), his record is as he is, and the chain still verifies.
        assert!(trail.contains("petr@svoboda.cz"));
        assert_eq!(s.contacts[&petr_id].data.notes, "Met at a fair");
        assert_eq!(s.chain, None);
    }
}
