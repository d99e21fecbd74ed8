//! What the pages ask of the decrypted state, as methods on the snapshot: a record's history,
//! an organisation's people, a contact's or a deal's activities. Read-only; nothing here writes.

use super::types::VaultSnapshot;
use crate::domain::activity::Activity;
use crate::domain::audit::AuditEvent;

impl VaultSnapshot {
    /// The audit events about record `id`, oldest first; a contact's include those of the
    /// contacts merged into it (their history belongs to it now).
    pub fn history_of(&self, id: &str) -> Vec<AuditEvent> {
        let merged: &[String] = self
            .contacts
            .get(id)
            .map(|c| c.data.merged_from.as_slice())
            .unwrap_or_default();
        self.audit
            .iter()
            .filter(|e| e.entity_id == id || merged.contains(&e.entity_id))
            .cloned()
            .collect()
    }

    /// The privacy notice purpose `id` gives new consents (empty when it has none or is gone).
    pub fn purpose_notice(&self, id: &str) -> crate::domain::purpose::Notice {
        self.purposes
            .get(id)
            .map(|p| p.data.notice.clone())
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_contact_s_history_includes_the_contacts_merged_into_it() {
        let vault = block_on(create_vault(MemoryRepository::new(), &pass(), fast(), t(0))).unwrap();
        let org = OrganisationDraft {
            name: "Firma".into(),
            ..OrganisationDraft::default()
        };
        let org = block_on(vault.save_organisation(None, &org, t(1))).unwrap();
        let keep = ContactDraft {
            organisation_id: Some(org.clone()),
            ..contact("Žofie", "Malá")
        };
        let keep = block_on(vault.save_contact(None, &keep, t(2))).unwrap();
        let other = block_on(vault.save_contact(None, &contact("Adam", "Malý"), t(3))).unwrap();
        let call = |who: &str, n| ActivityDraft {
            contact_id: who.to_string(),
            kind: crate::domain::activity::ActivityKind::Call,
            at: Some(t(n)),
            subject: format!("call {n}"),
            body: String::new(),
            deal_id: None,
        };
        block_on(vault.save_activity(None, &call(&keep, 4), t(4))).unwrap();
        block_on(vault.save_activity(None, &call(&keep, 5), t(5))).unwrap();
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
        let vault = block_on(create_vault(MemoryRepository::new(), &pass(), fast(), t(0))).unwrap();
        let jana = block_on(vault.save_contact(None, &contact("Jana", "Malá"), t(1))).unwrap();
        for n in 0..12 {
            let same_minute = ActivityDraft {
                contact_id: jana.clone(),
                kind: crate::domain::activity::ActivityKind::Call,
                at: Some(t(2)),
                subject: format!("call {n}"),
                body: String::new(),
                deal_id: None,
            };
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
}
