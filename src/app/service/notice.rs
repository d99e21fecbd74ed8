//! The privacy notice and informing people (Art. 13/14): publishing a version of the notice,
//! and the follow-ups of Art. 14(3) — a contact whose data came from someone else gets one to
//! give them the notice within a month, closed when the contact's **Informed on** is recorded;
//! an import gets one for the people it brought in.

use super::error::AppError;
use super::records::Revision;
use super::types::{OpenRecord, UnlockedVault};
use crate::domain::contact::Contact;
use crate::domain::notice::NoticeVersion;
use crate::domain::source;
use crate::domain::stored::Stored;
use crate::domain::task::Task;
use crate::store::{Batch, Repository};
use chrono::{DateTime, Utc};

impl<R: Repository> UnlockedVault<R> {
    /// Publishes `text` as a version of the privacy notice in `language` ("cs", "en"). Returns
    /// its id; a text already published is not published twice (its id is returned).
    pub async fn publish_notice(
        &self,
        language: &str,
        text: &str,
        local_day: chrono::NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        self.ready().await?;
        let version = NoticeVersion::new(language, text, local_day).map_err(AppError::Invalid)?;
        let existing = self.with_snapshot(|s| {
            s.notices
                .iter()
                .find(|(_, r)| r.data.sha256 == version.sha256)
                .map(|(id, _)| id.clone())
        });
        match existing {
            Some(id) => Ok(id),
            None => self.save_record(None, version, now).await,
        }
    }

    /// The follow-ups a contact's save brings about (Art. 14(3)): for a new contact whose data
    /// came from someone else and who was not informed, one to inform them within a month; for
    /// a contact now recorded as informed, the open ones of that kind are done.
    pub(super) fn informing(
        &self,
        id: Option<&str>,
        previous: Option<&Contact>,
        contact: &Contact,
        now: DateTime<Utc>,
    ) -> Result<Vec<Revision<Task>>, AppError> {
        let code = Stored::InformArt14.code();
        match (id, previous) {
            (None, _) => {
                let Some(due) =
                    source::inform_by(contact.source.as_ref(), contact.informed.as_ref(), now)
                else {
                    return Ok(Vec::new());
                };
                let task = Task {
                    title: code,
                    due,
                    done: false,
                    contact_id: None,
                    deal_id: None,
                };
                Ok(vec![Revision::of(None, task, now)?])
            }
            (Some(id), Some(before)) if before.informed.is_none() && contact.informed.is_some() => {
                let open: Vec<OpenRecord<Task>> = self.with_snapshot(|s| {
                    s.tasks
                        .values()
                        .filter(|t| {
                            !t.data.done
                                && t.data.title == code
                                && t.data.contact_id.as_deref() == Some(id)
                        })
                        .cloned()
                        .collect()
                });
                open.iter()
                    .map(|t| {
                        Revision::of(
                            Some(t),
                            Task {
                                done: true,
                                ..t.data.clone()
                            },
                            now,
                        )
                    })
                    .collect()
            }
            _ => Ok(Vec::new()),
        }
    }

    /// Saves a contact with the follow-ups its save brings about, and `more` (written only when
    /// the save changes something), in one transaction.
    pub(super) async fn save_contact_informing(
        &self,
        id: Option<&str>,
        contact: Contact,
        more: Vec<Revision<Task>>,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let previous = id.map(|id| self.record::<Contact>(id)).transpose()?;
        let revision = Revision::of(previous.as_ref(), contact, now)?;
        if revision.action == crate::domain::audit::Action::Update && revision.changes.is_empty() {
            return Ok(revision.record.id);
        }
        let mut tasks = self.informing(
            id,
            previous.as_ref().map(|p| &p.data),
            &revision.record.data,
            now,
        )?;
        let contact_id = revision.record.id.clone();
        for t in &mut tasks {
            t.record.data.contact_id = Some(contact_id.clone());
        }
        tasks.extend(more);
        let mut puts = vec![(self.seal(&revision.record)?, revision.expect)];
        let mut entries = vec![revision.entry()];
        for t in &tasks {
            puts.push((self.seal(&t.record)?, t.expect));
            entries.push(t.entry());
        }
        self.commit(
            Batch {
                puts,
                ..Batch::default()
            },
            entries,
            now,
        )
        .await?;
        self.keep_all(vec![revision.record]);
        self.keep_all(tasks.into_iter().map(|t| t.record).collect());
        Ok(contact_id)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::domain::source::SourceKind;
    use crate::domain::stored::Stored;

    #[test]
    fn a_contact_from_someone_else_gets_a_follow_up_within_a_month_closed_once_informed() {
        let vault = empty_vault();
        let mut referred = contact("Petr", "Doporučený");
        referred.source_kind = SourceKind::Referral.code().into();
        referred.source_detail = "Jana Nováková".into();
        let id = block_on(vault.save_contact(None, &referred, t(10))).unwrap();
        let tasks = |v: &UnlockedVault<MemoryRepository>| {
            v.snapshot()
                .tasks
                .values()
                .filter(|r| r.data.title == Stored::InformArt14.code())
                .map(|r| (r.data.contact_id.clone(), r.data.due, r.data.done))
                .collect::<Vec<_>>()
        };
        let due = t(10).checked_add_months(chrono::Months::new(1)).unwrap();
        assert_eq!(tasks(&vault), vec![(Some(id.clone()), due, false)]);
        // Editing something else changes nothing about it.
        referred.role = "jednatel".into();
        block_on(vault.save_contact(Some(&id), &referred, t(20))).unwrap();
        assert_eq!(tasks(&vault), vec![(Some(id.clone()), due, false)]);
        // Recording "Informed on" closes it.
        referred.informed_on = "2026-12-01".into();
        block_on(vault.save_contact(Some(&id), &referred, t(30))).unwrap();
        assert_eq!(tasks(&vault), vec![(Some(id.clone()), due, true)]);

        // Given by the person, or informed from the start: no follow-up.
        let mut met = contact("Eva", "Osobně");
        met.source_kind = SourceKind::Meeting.code().into();
        block_on(vault.save_contact(None, &met, t(40))).unwrap();
        let mut informed = contact("Karel", "Informovaný");
        informed.source_kind = SourceKind::LinkedIn.code().into();
        informed.informed_on = "2026-11-30".into();
        block_on(vault.save_contact(None, &informed, t(50))).unwrap();
        block_on(vault.save_contact(None, &contact("Bez", "Zdroje"), t(60))).unwrap();
        assert_eq!(tasks(&vault).len(), 1);
    }

    #[test]
    fn a_published_notice_is_named_by_its_digest_and_published_once() {
        let vault = empty_vault();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let first = block_on(vault.publish_notice("cs", "Správce: Jana", day, t(1))).unwrap();
        let again = block_on(vault.publish_notice("cs", "Správce: Jana", day, t(2))).unwrap();
        assert_eq!(first, again);
        assert_eq!(vault.snapshot().notices.len(), 1);
        assert_eq!(
            vault.snapshot().notices[&first].data.sha256,
            crate::domain::notice::digest("Správce: Jana")
        );
        assert!(block_on(vault.publish_notice("cs", "  ", day, t(3))).is_err());
    }

    #[test]
    fn the_access_report_lists_only_the_purposes_that_apply_to_the_person() {
        let vault = empty_vault();
        let news = block_on(vault.save_purpose(None, &newsletter(), t(1))).unwrap();
        let clients = block_on(vault.save_purpose(
            None,
            &PurposeDraft {
                name: "Client files".into(),
                basis: "contract".into(),
                audience: "customers".into(),
                ..newsletter()
            },
            t(2),
        ))
        .unwrap();
        let everyone = block_on(vault.save_purpose(
            None,
            &PurposeDraft {
                name: "Events".into(),
                basis: "legitimate_interest".into(),
                audience: "everyone".into(),
                ..newsletter()
            },
            t(3),
        ))
        .unwrap();
        let refused = block_on(vault.save_contact(None, &contact("Petr", "Odmítl"), t(4))).unwrap();
        let consent = |contact_id: &str, answer: &str| ConsentDraft {
            contact_id: contact_id.into(),
            purpose_id: news.clone(),
            notice: "v1".into(),
            language: "cs".into(),
            method: "email".into(),
            answer: answer.into(),
            ..ConsentDraft::default()
        };
        block_on(vault.create_consent(&consent(&refused, "refused"), t(5))).unwrap();
        let given = block_on(vault.save_contact(None, &contact("Eva", "Souhlasí"), t(6))).unwrap();
        block_on(vault.create_consent(&consent(&given, "given"), t(7))).unwrap();
        let objected = block_on(vault.save_contact(None, &contact("Jan", "Namítá"), t(8))).unwrap();
        block_on(vault.add_limit(
            &objected,
            LimitKind::Objection,
            Some(everyone.clone()),
            "ne",
            t(9),
        ))
        .unwrap();
        let names = |id: &str| {
            vault
                .snapshot()
                .purposes_for(id, t(20), |at| at.date_naive())
                .into_iter()
                .map(|(pid, _)| pid)
                .collect::<Vec<_>>()
        };
        // Refused the newsletter, no sale: only the legitimate-interest purpose for everyone.
        assert_eq!(names(&refused), vec![everyone.clone()]);
        // Gave consent: the newsletter too (by name: Events, Newsletter).
        assert_eq!(names(&given), vec![everyone.clone(), news.clone()]);
        // Objected to Events, no contract: nothing.
        assert!(names(&objected).is_empty());
        assert!(!names(&given).contains(&clients));
        assert!(names("no-such-person").is_empty());
    }
}
