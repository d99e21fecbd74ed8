//! Writing many new records at once, for generated sample data (tests) and the benchmark; not
//! part of the shipped app. Each record is validated like any other and gets its own audit
//! event; `per_transaction` of them and the moved chain head are committed together, and each
//! batch is sealed while the browser writes the one before.
#![cfg(any(test, feature = "bench"))]

use super::error::AppError;
use super::kinds::RecordKind;
use super::records::Revision;
use super::trail::Base;
use super::types::UnlockedVault;
use crate::domain::activity::{Activity, ActivityDraft};
use crate::domain::consent::{ConsentDraft, ConsentRecord};
use crate::domain::contact::{Contact, ContactDraft};
use crate::domain::deal::Deal;
use crate::domain::document::{Document, DocumentDraft};
use crate::domain::organisation::{Organisation, OrganisationDraft};
use crate::domain::purpose::{Purpose, PurposeDraft};
use crate::store::{Batch, Repository};
use chrono::{DateTime, Utc};

impl<R: Repository> UnlockedVault<R> {
    /// Creates many contacts at once; each organisation named must exist. Returns the new ids
    /// in order.
    pub async fn create_contacts_in_bulk(
        &self,
        drafts: &[ContactDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let contacts = drafts
            .iter()
            .map(|draft| {
                let contact: Contact = draft.validate().map_err(AppError::Invalid)?;
                self.check_links(None, contact.organisation_id.as_ref(), None)?;
                Ok(contact)
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        self.create_in_bulk(contacts, per_transaction, now).await
    }

    /// Creates many organisations at once.
    pub async fn create_organisations_in_bulk(
        &self,
        drafts: &[OrganisationDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let organisations: Vec<Organisation> = drafts
            .iter()
            .map(|d| d.validate().map_err(AppError::Invalid))
            .collect::<Result<_, _>>()?;
        self.create_in_bulk(organisations, per_transaction, now)
            .await
    }

    /// Creates many activities at once; each contact must exist.
    pub async fn create_activities_in_bulk(
        &self,
        drafts: &[ActivityDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let activities = drafts
            .iter()
            .map(|draft| {
                let activity: Activity = draft.validate().map_err(AppError::Invalid)?;
                self.check_links([&activity.contact_id], None, None)?;
                Ok(activity)
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        self.create_in_bulk(activities, per_transaction, now).await
    }

    /// Creates many purposes at once.
    pub async fn create_purposes_in_bulk(
        &self,
        drafts: &[PurposeDraft],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let purposes: Vec<Purpose> = drafts
            .iter()
            .map(|d| d.validate().map_err(AppError::Invalid))
            .collect::<Result<_, _>>()?;
        self.create_in_bulk(purposes, per_transaction, now).await
    }

    /// Creates many deals at once; the contacts and organisation each points at must exist.
    pub async fn create_deals_in_bulk(
        &self,
        deals: Vec<Deal>,
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        for d in &deals {
            self.check_links(&d.contact_ids, d.organisation_id.as_ref(), None)?;
        }
        self.create_in_bulk(deals, per_transaction, now).await
    }

    /// Creates many document references at once, validated like the form's.
    pub async fn create_documents_in_bulk(
        &self,
        drafts: &[DocumentDraft],
        decimal_separator: char,
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let documents = drafts
            .iter()
            .map(|draft| {
                let d: Document = draft
                    .validate(decimal_separator)
                    .map_err(AppError::Invalid)?;
                self.check_links(
                    &d.contact_ids,
                    d.organisation_id.as_ref(),
                    d.deal_id.as_ref(),
                )?;
                Ok(d)
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        self.create_in_bulk(documents, per_transaction, now).await
    }

    /// Records many consents at once (each given or refused at its time); each contact and
    /// active purpose must exist.
    pub async fn create_consents_in_bulk(
        &self,
        drafts: &[(ConsentDraft, DateTime<Utc>)],
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let consents = drafts
            .iter()
            .map(|(draft, at)| {
                let c: ConsentRecord = draft.validate(*at).map_err(AppError::Invalid)?;
                self.check_links([&c.contact_id], None, None)?;
                self.check_active_purpose(&c.purpose_id)?;
                Ok(c)
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        self.create_in_bulk(consents, per_transaction, now).await
    }

    /// The bulk path: each new record gets its own audit event; `per_transaction` of them and
    /// the moved chain head are committed together, the next batch sealed meanwhile.
    async fn create_in_bulk<K: RecordKind>(
        &self,
        items: Vec<K>,
        per_transaction: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        // One chunk's records, sealed with their events after `head`.
        let seal = |chunk: &[K], base: Base<'_>| {
            let mut records = Vec::with_capacity(chunk.len());
            let mut puts = Vec::with_capacity(chunk.len());
            let mut entries = Vec::with_capacity(chunk.len());
            for item in chunk {
                let revision = Revision::of(None, item.clone(), now)?;
                puts.push((self.seal(&revision.record)?, revision.expect));
                entries.push(revision.entry());
                records.push(revision.record);
            }
            let batch = Batch {
                puts,
                ..Batch::default()
            };
            let chained = self.chain(batch, None, entries, base, now)?;
            Ok::<_, AppError>((chained, records))
        };
        let mut ids = Vec::with_capacity(items.len());
        let mut chunks = items.chunks(per_transaction.max(1));
        let mut next = {
            let (head, head_rev, ledger) = {
                let inner = self.inner.borrow();
                (inner.head.clone(), inner.head_rev, inner.ledger.clone())
            };
            let base = Base {
                head: &head,
                head_rev,
                ledger: &ledger,
            };
            chunks.next().map(|chunk| seal(chunk, base)).transpose()?
        };
        while let Some((chained, records)) = next.take() {
            let (batch, written) = chained.into_parts();
            let following = chunks.next();
            // While the browser writes this chunk, the next one is sealed (its events follow
            // this chunk's): the two overlap instead of taking turns.
            let commit = self.repo.commit(batch);
            let seal_next = async {
                let (head, head_rev, ledger) = written.head();
                let base = Base {
                    head,
                    head_rev,
                    ledger,
                };
                following.map(|chunk| seal(chunk, base)).transpose()
            };
            let (committed, sealed) = futures_util::future::join(commit, seal_next).await;
            committed?;
            self.extend_trail(written);
            ids.extend(records.iter().map(|r| r.id.clone()));
            self.keep_all(records);
            next = sealed?;
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn bulk_creation_batches_records_and_keeps_the_chain() {
        let (repo, vault, drafts) = vault_and_drafts(1, 250);
        let ids = block_on(vault.create_contacts_in_bulk(&drafts, 100, t(1))).unwrap();
        assert_eq!(ids.len(), 250);
        // One more save after the bulk path still extends the same chain.
        block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(2))).unwrap();
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(s.contacts.len(), 251);
        assert_eq!(s.audit.len(), 1 + 250 + 1);
        assert_eq!(s.chain, None);
        // An invalid draft anywhere stops the whole import before anything is written.
        let mut bad = drafts.clone();
        bad[10].emails = "broken@".into();
        assert!(matches!(
            block_on(vault.create_contacts_in_bulk(&bad, 100, t(3))),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(repo.raw_audit_event_count(), 252);
        // The 250 creations' events are stored as 3 blocks (100, 100, 50), not 250 items; the
        // vault's first event and the single save's are stored alone.
        let items: Vec<(u64, u64)> = repo.raw_audit().iter().map(|i| (i.seq, i.last)).collect();
        assert_eq!(
            items,
            [(1, 1), (2, 101), (102, 201), (202, 251), (252, 252)]
        );
    }
}
