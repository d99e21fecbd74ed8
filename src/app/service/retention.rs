//! The retention schedule on the open vault (GDPR Art. 5(1)(e)): who is due for review (the
//! Agenda lists them, Home counts them), and their erasure from there, through the same erasure
//! as the Erase page. The rules themselves are `domain::retention`. Must not import `ui`.

use super::error::AppError;
use super::rights::KeepOnList;
use super::types::{UnlockedVault, VaultSnapshot};
use crate::domain::erasure::Plan;
use crate::domain::request::RequestStatus;
use crate::domain::retention::{self, RetentionRule, Review};
use crate::store::Repository;
use chrono::{DateTime, NaiveDate, Utc};

impl VaultSnapshot {
    /// The contact record's retention rule in force (the profile's, or the default).
    pub fn contact_retention(&self) -> RetentionRule {
        self.profile()
            .map_or(RetentionRule::CONTACT_DEFAULT, |p| p.data.contact_rule())
    }

    /// The people due for review on `today`: nothing justifies keeping them any more. The
    /// longest due first. One pass over the vault (its outreach facts gathered once). A person
    /// with an open data subject request is left out until it is answered (their data is what
    /// the answer is about).
    pub fn due_for_review(
        &self,
        today: NaiveDate,
        local_day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Vec<Review> {
        let people = self.outreach_people();
        let pipeline = self.pipeline();
        let vault = retention::Vault {
            contacts: self
                .contacts
                .iter()
                .map(|(id, r)| retention::Subject {
                    id,
                    contact: &r.data,
                    created: r.created_at,
                })
                .collect(),
            activities: self.activities.values().map(|r| &r.data).collect(),
            consents: self.consents.values().map(|r| &r.data).collect(),
            deals: self
                .deals
                .iter()
                .map(|(id, r)| (id.as_str(), &r.data))
                .collect(),
            documents: self
                .documents
                .iter()
                .map(|(id, r)| (id.as_str(), &r.data))
                .collect(),
            purposes: self
                .purposes
                .iter()
                .map(|(id, r)| (id.as_str(), &r.data))
                .collect(),
            people: &people,
            pipeline: &pipeline,
            record_rule: self.contact_retention(),
        };
        let asking: std::collections::HashSet<&str> = self
            .requests
            .values()
            .filter(|r| r.data.status == RequestStatus::Open)
            .filter_map(|r| r.data.contact_id.as_deref())
            .collect();
        let mut due = retention::due_for_review(&vault, today, local_day);
        due.retain(|r| !asking.contains(r.contact_id.as_str()));
        due
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Erases a person due for review: the Erase page's erasure (its plan, so what documents
    /// must keep stays, restricted; the history emptied of their values; one transaction logged
    /// in the audit trail as an erasure), without a line in the requests register, since nobody
    /// asked, nor their addresses on the do-not-contact list, since nobody objected. Refused
    /// when they are no longer due (something was recorded about them meanwhile).
    pub async fn erase_due(
        &self,
        id: &str,
        wording: &crate::domain::disclosure::NotifyWording,
        now: DateTime<Utc>,
        today: NaiveDate,
        local_day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Result<Plan, AppError> {
        let due = self.with_snapshot(|s| {
            s.due_for_review(today, local_day)
                .iter()
                .any(|r| r.contact_id == id)
        });
        if !due {
            return Err(AppError::NotFound(id.to_string()));
        }
        // The recipients of their data are told in the reader's language (Art. 19).
        self.delete_contact_notifying(id, KeepOnList::No, wording, now, today)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::domain::request::RequestStatus;
    use crate::domain::retention::{After, Ground};

    fn day_of(at: DateTime<Utc>) -> chrono::NaiveDate {
        at.date_naive()
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
    }

    #[test]
    fn a_contact_past_the_record_s_rule_is_due_and_its_erasure_is_logged() {
        let vault = empty_vault();
        // The record's rule: 12 months after the last activity.
        let profile = ProfileDraft {
            retention_months: "12".into(),
            retention_after: "last_activity".into(),
            ..draft("Jana")
        };
        block_on(vault.save_profile(&profile, t(1))).unwrap();
        let petr = block_on(vault.save_contact(None, &contact("Petr", "Černý"), t(2))).unwrap();
        let eva = block_on(vault.save_contact(None, &contact("Eva", "Malá"), t(3))).unwrap();
        let old_call = call(&petr, at(2020, 3, 31), "Call");
        block_on(vault.save_activity(None, &old_call, t(4))).unwrap();
        let today = day_of(t(5));
        let s = vault.snapshot();
        assert_eq!(
            s.contact_retention(),
            crate::domain::retention::RetentionRule {
                months: 12,
                after: After::LastActivity
            }
        );
        let due = s.due_for_review(today, &day_of);
        assert_eq!(due.len(), 1, "Eva was created today: not due");
        assert_eq!(due[0].contact_id, petr);
        assert_eq!(
            due[0].since,
            chrono::NaiveDate::from_ymd_opt(2021, 3, 31).unwrap()
        );
        assert!(matches!(due[0].reasons[0].ground, Ground::Record(_)));
        // Eva is not due: erasing her from here is refused, and nothing is written.
        assert!(matches!(
            block_on(vault.erase_due(&eva, &Default::default(), t(6), today, &day_of)),
            Err(AppError::NotFound(_))
        ));
        // While Petr has an open request, he is left out (the answer is about his data).
        let request = crate::domain::request::RequestDraft {
            kind: "access".into(),
            contact_id: Some(petr.clone()),
            subject: String::new(),
            received: "2026-09-20".into(),
            note: "What do you keep about me?".into(),
        };
        let asked = block_on(vault.create_request(&request, t(5))).unwrap();
        assert!(vault.snapshot().due_for_review(today, &day_of).is_empty());
        block_on(vault.change_request(
            &asked,
            |r| r.close(RequestStatus::Done, "sent the export", today),
            t(6),
        ))
        .unwrap();
        assert_eq!(vault.snapshot().due_for_review(today, &day_of).len(), 1);
        block_on(vault.erase_due(&petr, &Default::default(), t(7), today, &day_of)).unwrap();
        let s = vault.snapshot();
        assert!(!s.contacts.contains_key(&petr) && s.contacts.contains_key(&eva));
        assert!(s.activities.is_empty());
        let last = s.audit.last().unwrap();
        assert_eq!(last.action, Action::Erase);
        assert_eq!(last.entity_id, petr);
        assert_eq!(s.requests.len(), 1, "nobody asked: no new register entry");
        assert!(s.due_for_review(today, &day_of).is_empty());
    }

    #[test]
    fn saving_the_controller_s_details_keeps_the_record_s_rule_as_typed() {
        let vault = empty_vault();
        assert_eq!(
            vault.snapshot().contact_retention(),
            crate::domain::retention::RetentionRule::CONTACT_DEFAULT
        );
        let profile = ProfileDraft {
            retention_months: "24".into(),
            retention_after: "deal_closed".into(),
            ..draft("Jana")
        };
        block_on(vault.save_profile(&profile, t(1))).unwrap();
        let s = vault.snapshot();
        assert_eq!(s.contact_retention().months, 24);
        assert_eq!(s.contact_retention().after, After::DealClosed);
        let last = s.audit.last().unwrap();
        assert!(last.changes.iter().any(
            |c| c.field == "contact_retention" && c.after.as_deref() == Some("24 deal_closed")
        ));
        let bad = ProfileDraft {
            retention_months: "601".into(),
            ..draft("Jana")
        };
        assert!(matches!(
            block_on(vault.save_profile(&bad, t(2))),
            Err(AppError::Invalid(_))
        ));
    }
}
