//! What the pages ask of the decrypted state, as methods on the snapshot: a record's history,
//! an organisation's people, a contact's or a deal's activities. Read-only; nothing here writes.

use super::types::VaultSnapshot;
use crate::domain::activity::Activity;
use crate::domain::audit::{AuditEvent, EntityId};
use crate::domain::consent::{LimitKind, State};
use crate::domain::deal::Outcome;
use crate::domain::document::DocumentKind;
use crate::domain::outreach::{DealPart, Person};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

impl VaultSnapshot {
    /// The purposes that apply to contact `id` (what the access report lists, Art. 15(1)(a)):
    /// active, with the person in the purpose's audience (and the soft opt-in met for direct
    /// marketing without consent), a consent-based purpose only while their consent holds, and
    /// none they objected to. A restriction does not take a purpose away: it limits what is
    /// done under it. By name.
    pub fn purposes_for(
        &self,
        id: &str,
        now: chrono::DateTime<chrono::Utc>,
        local_day: impl Fn(chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate + Copy,
    ) -> Vec<(String, crate::domain::purpose::Purpose)> {
        use crate::domain::consent::{eligibility, LimitKind};
        let Some(person) = self.outreach_people().remove(id) else {
            return Vec::new();
        };
        let consents: Vec<_> = self
            .consents
            .values()
            .filter(|c| c.data.contact_id == id)
            .map(|c| &c.data)
            .collect();
        let objections: Vec<_> = self
            .limits
            .values()
            .filter(|l| l.data.contact_id == id && l.data.kind == LimitKind::Objection)
            .map(|l| &l.data)
            .collect();
        let mut out: Vec<_> = self
            .purposes
            .iter()
            .filter(|(pid, p)| {
                let mine = consents.iter().copied().filter(|c| &c.purpose_id == *pid);
                eligibility(
                    pid,
                    &p.data,
                    false,
                    &person,
                    mine,
                    objections.iter().copied(),
                    now,
                    local_day,
                )
                .is_ok()
            })
            .map(|(pid, p)| (pid.clone(), p.data.clone()))
            .collect();
        out.sort_by_cached_key(|(_, p)| crate::domain::search::fold(&p.name));
        out
    }

    /// The published versions of the privacy notice, newest first.
    pub fn notice_versions(&self) -> Vec<crate::domain::notice::NoticeVersion> {
        let mut list: Vec<_> = self.notices.values().collect();
        list.sort_by_key(|r| std::cmp::Reverse(r.created_at));
        list.into_iter().map(|r| r.data.clone()).collect()
    }

    /// The audit events about record `id`, this device's and the other devices' (#22), oldest
    /// first; a contact's include those of the contacts merged into it (their history belongs
    /// to it now).
    pub fn history_of(&self, id: &str) -> Vec<AuditEvent> {
        let merged: Vec<EntityId> = self
            .contacts
            .get(id)
            .map(|c| c.data.merged_from.iter().map(EntityId::from).collect())
            .unwrap_or_default();
        let wanted = EntityId::parse(id);
        let mut events: Vec<AuditEvent> = self
            .audit
            .iter()
            .chain(self.peer_audit.values().flat_map(|p| p.data.iter()))
            .filter(|e| e.entity_id == wanted || merged.contains(&e.entity_id))
            .cloned()
            .collect();
        events.sort_by_key(|e| e.at);
        events
    }

    /// The privacy notice purpose `id` gives new consents (empty when it has none or is gone).
    pub fn purpose_notice(&self, id: &str) -> crate::domain::purpose::Notice {
        self.purposes
            .get(id)
            .map(|p| p.data.notice.clone())
            .filter(|n| !n.is_empty())
            .or_else(|| {
                // Else the privacy notice Folio wrote, as last published.
                let latest = self.notices.values().max_by_key(|n| n.created_at)?;
                let v = &latest.data;
                Some(crate::domain::purpose::Notice {
                    title: format!(
                        "{} #{}",
                        v.published_on,
                        crate::domain::source::short_version(&v.sha256)
                    ),
                    url: String::new(),
                    text_sha256: Some(v.sha256.clone()),
                })
            })
            .unwrap_or_default()
    }

    /// The people of organisation `id` as (id, name), by name ignoring case and diacritics.
    pub fn people_of(&self, id: &str) -> Vec<(String, String)> {
        let mut people: Vec<(String, String)> = self
            .contacts
            .values()
            .filter(|c| c.data.organisation_id.as_deref() == Some(id))
            .map(|c| (c.id.clone(), c.data.display_name()))
            .collect();
        people.sort_by_cached_key(|(_, n)| crate::domain::search::fold(n));
        people
    }

    /// The activities on contact `id`'s timeline as (id, activity), newest first.
    pub fn activities_of(&self, id: &str) -> Vec<(String, Activity)> {
        let mut list: Vec<(String, Activity)> = self
            .activities
            .values()
            .filter(|a| a.data.contact_id == id)
            .map(|a| (a.id.clone(), a.data.clone()))
            .collect();
        // Activities of the same minute: the one logged last first (then by id, never random).
        let logged = |id: &String| self.activities.get(id).map(|r| r.created_at);
        list.sort_by_cached_key(|a| std::cmp::Reverse((a.1.at, logged(&a.0), a.0.clone())));
        list
    }

    /// Contact `id`'s answer for each purpose it answered, as (purpose name, state on the local
    /// day `today`), by purpose name: the badges of the contact's summary.
    pub fn consent_states_of(
        &self,
        id: &str,
        today: NaiveDate,
        local_day: impl Fn(DateTime<Utc>) -> NaiveDate + Copy,
    ) -> Vec<(String, State)> {
        let mut list: Vec<(String, State)> = self
            .consents
            .values()
            .filter(|c| c.data.contact_id == id)
            .map(|c| {
                let purpose = self
                    .purposes
                    .get(&c.data.purpose_id)
                    .map_or_else(|| c.data.purpose_id.clone(), |p| p.data.name.clone());
                (purpose, c.data.state(today, local_day))
            })
            .collect();
        list.sort_by_cached_key(|(name, _)| crate::domain::search::fold(name));
        list
    }

    /// Contact `id`'s objections and restrictions in force at `at`, as (kind, purpose name; None
    /// for all purposes): objections first, then by purpose name.
    pub fn limits_in_force(&self, id: &str, at: DateTime<Utc>) -> Vec<(LimitKind, Option<String>)> {
        let mut list: Vec<(LimitKind, Option<String>)> = self
            .limits
            .values()
            .filter(|l| l.data.contact_id == id && l.data.active_at(at))
            .map(|l| {
                let purpose = l.data.purpose_id.as_ref().map(|p| {
                    self.purposes
                        .get(p)
                        .map_or_else(|| p.clone(), |p| p.data.name.clone())
                });
                (l.data.kind, purpose)
            })
            .collect();
        list.sort_by_key(|(kind, purpose)| (*kind != LimitKind::Objection, purpose.clone()));
        list.dedup();
        list
    }

    /// The activities linked to deal `id` as (contact id, contact name, activity), newest first.
    pub fn activities_of_deal(&self, id: &str) -> Vec<(String, String, Activity)> {
        let mut list: Vec<_> = self
            .activities
            .values()
            .filter(|a| a.data.deal_id.as_deref() == Some(id))
            .map(|a| {
                let who = self
                    .contacts
                    .get(&a.data.contact_id)
                    .map(|c| c.data.display_name())
                    .unwrap_or_default();
                let order = (a.data.at, a.created_at, a.id.clone());
                (order, (a.data.contact_id.clone(), who, a.data.clone()))
            })
            .collect();
        // Newest first; the same minute: the one logged last first, then by id.
        list.sort_by(|a, b| b.0.cmp(&a.0));
        list.into_iter().map(|(_, item)| item).collect()
    }

    /// What "May I contact?" needs to know of every contact, by id: their tags, the deals they
    /// are party to (with what the deal's stage means, and its sale facts) and the invoices
    /// they are on (with the sale facts of the invoice's deal). One pass over deals and
    /// documents, not one per contact.
    pub fn outreach_people(&self) -> HashMap<String, Person> {
        let pipeline = self.pipeline();
        let mut people: HashMap<String, Person> = self
            .contacts
            .iter()
            .map(|(id, c)| {
                let person = Person {
                    tags: c.data.tags.clone(),
                    ..Person::default()
                };
                (id.clone(), person)
            })
            .collect();
        for deal in self.deals.values() {
            let stage = deal.data.stage_id();
            let outcome = pipeline.stage(stage).map_or(Outcome::Open, |s| s.outcome);
            for c in &deal.data.contact_ids {
                if let Some(p) = people.get_mut(c) {
                    p.deals.push(DealPart {
                        stage_id: stage.to_string(),
                        outcome,
                        sale: deal.data.sale.clone(),
                    });
                }
            }
        }
        for doc in self
            .documents
            .values()
            .filter(|d| d.data.kind == DocumentKind::Invoice)
        {
            let sale = doc
                .data
                .deal_id
                .as_ref()
                .and_then(|id| self.deals.get(id))
                .map(|d| d.data.sale.clone());
            for c in &doc.data.contact_ids {
                if let Some(p) = people.get_mut(c) {
                    p.invoices.push(sale.clone());
                }
            }
        }
        people
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_contact_s_history_includes_the_contacts_merged_into_it() {
        let vault = empty_vault();
        let org = block_on(vault.save_organisation(None, &firm("Firma"), t(1))).unwrap();
        let keep = ContactDraft {
            organisation_id: Some(org.clone()),
            ..contact("Žofie", "Malá")
        };
        let keep = block_on(vault.save_contact(None, &keep, t(2))).unwrap();
        let other = block_on(vault.save_contact(None, &contact("Adam", "Malý"), t(3))).unwrap();
        for n in [4, 5] {
            let draft = call(&keep, t(n), &format!("call {n}"));
            block_on(vault.save_activity(None, &draft, t(n))).unwrap();
        }
        block_on(vault.merge_contacts(&keep, &other, |_| Side::Keep, t(6))).unwrap();
        let s = vault.snapshot();
        let history = s.history_of(&keep);
        assert!(history.iter().any(|e| e.entity_id == other));
        assert_eq!(history.last().unwrap().action, Action::Merge);
        assert_eq!(
            s.people_of(&org),
            vec![(keep.clone(), "Žofie Malá".to_string())]
        );
        let subjects: Vec<String> = s
            .activities_of(&keep)
            .into_iter()
            .map(|(_, a)| a.subject)
            .collect();
        assert_eq!(subjects, ["call 5", "call 4"]);
        assert!(s.activities_of_deal("no deal").is_empty());
    }

    #[test]
    fn activities_of_the_same_minute_come_out_the_one_logged_last_first_every_time() {
        let vault = empty_vault();
        let jana = block_on(vault.save_contact(None, &contact("Jana", "Malá"), t(1))).unwrap();
        for n in 0..12 {
            let same_minute = call(&jana, t(2), &format!("call {n}"));
            block_on(vault.save_activity(None, &same_minute, t(3 + n))).unwrap();
        }
        let subjects: Vec<String> = vault
            .snapshot()
            .activities_of(&jana)
            .into_iter()
            .map(|(_, a)| a.subject)
            .collect();
        let expected: Vec<String> = (0..12).rev().map(|n| format!("call {n}")).collect();
        assert_eq!(subjects, expected);
    }

    #[test]
    fn a_contact_s_summary_lists_its_consents_and_limits_in_force() {
        let vault = empty_vault();
        let jana = block_on(vault.save_contact(None, &contact("Jana", "Malá"), t(1))).unwrap();
        let purpose = |name: &str| PurposeDraft {
            name: name.into(),
            basis: "consent".into(),
            data_categories: "name, e-mail".into(),
            retention: "until withdrawn".into(),
            ..PurposeDraft::default()
        };
        let news = block_on(vault.save_purpose(None, &purpose("Newsletter"), t(2))).unwrap();
        let events = block_on(vault.save_purpose(None, &purpose("Events"), t(3))).unwrap();
        let consent = |purpose_id: &str, answer: &str| ConsentDraft {
            contact_id: jana.clone(),
            purpose_id: purpose_id.to_string(),
            notice: "Privacy notice 2026".into(),
            method: "email".into(),
            answer: answer.into(),
            ..ConsentDraft::default()
        };
        block_on(vault.create_consent(&consent(&news, "given"), t(4))).unwrap();
        block_on(vault.create_consent(&consent(&events, "refused"), t(5))).unwrap();
        let day = |at: DateTime<Utc>| at.date_naive();
        let s = vault.snapshot();
        let states = s.consent_states_of(&jana, t(6).date_naive(), day);
        assert_eq!(
            states,
            vec![
                ("Events".to_string(), crate::domain::consent::State::Refused),
                (
                    "Newsletter".to_string(),
                    crate::domain::consent::State::Given { until: None }
                ),
            ]
        );
        assert!(s.limits_in_force(&jana, t(6)).is_empty());
        let objection = block_on(vault.add_limit(
            &jana,
            LimitKind::Objection,
            Some(news.clone()),
            "no mail",
            t(7),
        ))
        .unwrap();
        let s = vault.snapshot();
        assert_eq!(
            s.limits_in_force(&jana, t(8)),
            vec![(LimitKind::Objection, Some("Newsletter".to_string()))]
        );
        block_on(vault.lift_limit(&objection, t(9))).unwrap();
        assert!(vault.snapshot().limits_in_force(&jana, t(10)).is_empty());
    }
}
