//! The breach register (Art. 33(5)) in the vault: recording, editing and deleting an entry
//! through the one write door (validated by `domain::breach`, audited, sealed), and what the
//! pages ask of it (the register newest first, the open entries by their 72-hour deadline, the
//! entries that affected one person). Must not import `ui`.

use super::error::AppError;
use super::types::{listed, UnlockedVault, VaultSnapshot};
use super::undo::Removed;
use crate::domain::breach::{Breach, BreachDraft, Clock};
use crate::store::Repository;
use chrono::{DateTime, Utc};

impl VaultSnapshot {
    /// The register, newest discovery first.
    pub fn breaches_newest_first(&self) -> Vec<(String, Breach)> {
        let mut list = listed(&self.breaches);
        list.sort_by(|a, b| {
            b.1.discovered_at
                .cmp(&a.1.discovered_at)
                .then(a.0.cmp(&b.0))
        });
        list
    }

    /// The entries whose authority notification is still open at `now`, with where their clock
    /// stands, the most urgent (earliest deadline) first.
    pub fn breaches_open(&self, now: DateTime<Utc>) -> Vec<(String, Breach, Clock)> {
        let mut list: Vec<(String, Breach, Clock)> = self
            .breaches
            .iter()
            .filter_map(|(id, r)| match r.data.clock(now) {
                Clock::Settled => None,
                clock => Some((id.clone(), r.data.clone(), clock)),
            })
            .collect();
        list.sort_by(|a, b| a.1.deadline().cmp(&b.1.deadline()).then(a.0.cmp(&b.0)));
        list
    }

    /// The entries that affected contact `contact_id`, newest first.
    pub fn breaches_of(&self, contact_id: &str) -> Vec<(String, Breach)> {
        self.breaches_newest_first()
            .into_iter()
            .filter(|(_, b)| b.contact_ids.iter().any(|c| c == contact_id))
            .collect()
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Records (`id` None) or edits an entry of the breach register, audited. The people it
    /// links must be in the vault.
    pub async fn save_breach(
        &self,
        id: Option<&str>,
        draft: &BreachDraft,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let breach = draft.validate(now).map_err(AppError::Invalid)?;
        self.check_links(&breach.contact_ids, None, None)?;
        self.save_record(id, breach, now).await
    }

    /// Deletes an entry (one recorded by mistake), audited; what it returns is what Undo writes
    /// back.
    pub async fn delete_breach(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Removed<Breach>, AppError> {
        self.delete_record::<Breach>(id, now).await.map(Removed)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::domain::breach::{fields, BreachDraft, Clock, Notice};
    use crate::domain::FieldError;

    fn breach(people: Vec<String>, discovered: i64) -> BreachDraft {
        BreachDraft {
            discovered_at: Some(t(discovered)),
            nature: "Client list sent to the wrong recipient".into(),
            categories: "names, e-mail addresses".into(),
            contact_ids: people,
            people_count: "2".into(),
            ..BreachDraft::default()
        }
    }

    #[test]
    fn a_breach_is_recorded_edited_and_deleted_each_audited() {
        let (repo, vault, jana) = vault_with_jana();
        let id = block_on(vault.save_breach(None, &breach(vec![jana.clone()], 2), t(3))).unwrap();
        let s = vault.snapshot();
        assert_eq!(s.breaches[&id].data.contact_ids, vec![jana.clone()]);
        assert_eq!(s.breaches_of(&jana).len(), 1);
        assert!(matches!(
            s.breaches_open(t(3)).as_slice(),
            [(_, _, Clock::Running(_))]
        ));
        // Invalid: nothing written.
        let mut late = breach(vec![jana.clone()], 2);
        late.nature = String::new();
        assert_eq!(
            block_on(vault.save_breach(Some(&id), &late, t(4))),
            Err(AppError::Invalid(vec![(
                fields::NATURE,
                FieldError::Required
            )]))
        );
        // A link to someone not in the vault is refused.
        assert!(matches!(
            block_on(vault.save_breach(None, &breach(vec!["nobody".into()], 2), t(4))),
            Err(AppError::NotFound(_))
        ));
        let mut notified = breach(vec![jana.clone()], 2);
        notified.authority = Notice::Notified;
        notified.authority_at = Some(t(5));
        block_on(vault.save_breach(Some(&id), &notified, t(6))).unwrap();
        assert!(vault.snapshot().breaches_open(t(7)).is_empty());
        block_on(vault.delete_breach(&id, t(8))).unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.breaches.is_empty());
        assert_eq!(s.chain, None);
        let events: Vec<(Action, &str)> = s
            .audit
            .iter()
            .filter(|e| e.entity_id == id)
            .map(|e| (e.action, e.entity_kind.as_str()))
            .collect();
        assert_eq!(
            events,
            vec![
                (Action::Create, "breach"),
                (Action::Update, "breach"),
                (Action::Delete, "breach"),
            ]
        );
        assert!(s
            .audit
            .iter()
            .filter(|e| e.entity_id == id)
            .all(|e| e.subjects == vec![jana.clone()]));
    }

    #[test]
    fn open_breaches_are_listed_by_deadline_and_the_register_newest_first() {
        let (_, vault, _) = vault_and_drafts(1, 0);
        let older = block_on(vault.save_breach(None, &breach(vec![], 10), t(20))).unwrap();
        let newer = block_on(vault.save_breach(None, &breach(vec![], 15), t(20))).unwrap();
        let s = vault.snapshot();
        let ids = |l: Vec<(String, crate::domain::breach::Breach)>| -> Vec<String> {
            l.into_iter().map(|(id, _)| id).collect()
        };
        assert_eq!(
            ids(s.breaches_newest_first()),
            vec![newer.clone(), older.clone()]
        );
        let open: Vec<String> = s
            .breaches_open(t(20))
            .into_iter()
            .map(|(id, _, _)| id)
            .collect();
        assert_eq!(open, vec![older, newer]);
    }

    #[test]
    fn erasing_a_person_unlinks_them_and_keeps_the_breach() {
        let (repo, vault, jana) = vault_with_jana();
        let petr = block_on(vault.save_contact(None, &contact("Petr", "Svoboda"), t(1))).unwrap();
        let id =
            block_on(vault.save_breach(None, &breach(vec![jana.clone(), petr.clone()], 2), t(3)))
                .unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
        let plan = vault.erasure_plan(&jana, day).unwrap();
        assert_eq!(plan.breaches, vec![id.clone()]);
        assert_eq!(plan.summary().breaches, 1, "the erasure page says so");
        assert!(
            !plan.history.contains(&id),
            "the entry's history is the controller's"
        );
        block_on(vault.erase_contact(&jana, "erased on request", KeepOnList::No, t(4), day))
            .unwrap();
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        let b = &s.breaches[&id].data;
        assert_eq!(b.contact_ids, vec![petr]);
        assert_eq!(b.nature, "Client list sent to the wrong recipient");
        assert_eq!(s.chain, None);
        // What named her in the entry's history is gone; the rest stays.
        for e in s.audit.iter().filter(|e| e.entity_id == id) {
            assert!(e.changes.iter().all(|c| ![&c.before, &c.after]
                .iter()
                .any(|v| v.as_deref().is_some_and(|v| v.contains(jana.as_str())))));
        }
    }

    #[test]
    fn the_breaches_travel_in_the_export_and_in_the_persons_access_copy() {
        let (_, vault, _) = vault_and_drafts(1, 0);
        let jana = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
        let petr = block_on(vault.save_contact(None, &contact("Petr", "Svoboda"), t(1))).unwrap();
        let id =
            block_on(vault.save_breach(None, &breach(vec![jana.clone(), petr.clone()], 2), t(3)))
                .unwrap();
        let export = vault.export(t(4), "test").unwrap();
        assert_eq!(export.breaches.len(), 1);
        let json = serde_json::to_string(&export).unwrap();
        let back = crate::portability::parse(json.as_bytes()).unwrap();
        assert_eq!(back.into_inner().breaches, export.breaches);
        let copy = crate::portability::subject(&export, &jana).unwrap();
        assert_eq!(copy.breaches.len(), 1);
        assert_eq!(copy.breaches[0].id, id);
        assert_eq!(copy.breaches[0].data.contact_ids, vec![jana], "not Petr");
    }
}
