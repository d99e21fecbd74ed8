//! Brings a vault's history under today's erasure rules, once (at unlock, or after restoring an
//! older file): every event linked to the people its record belongs to, every change's digest
//! salted (digests left by erasures of the old scheme digested again, their salt thrown away),
//! the history of deleted activities no one can be found for emptied, people erased before
//! listed as erased, and people deleted before erased as a Delete erases today. Must not import
//! `ui`.

use super::error::AppError;
use super::kinds::{self, EachKind, RecordKind};
use super::rights::KeepOnList;
use super::trail::{salts, seal_audit_block, Base, Entry, AUDIT_BLOCK};
use super::types::{UnlockedVault, VaultSnapshot};
use crate::domain::activity::Activity;
use crate::domain::audit::{self, Action, AuditEvent, EntityId, FieldChange};
use crate::domain::contact::Contact;
use crate::domain::do_not_contact::ErasedPeople;
use crate::domain::Id;
use crate::store::{Batch, Expect, Repository};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// The fields through which an event of an older trail names the people its record belongs to.
const PEOPLE_FIELDS: [&str; 2] = ["contact", "contacts"];

/// The people each record belongs to (kind and id → contact ids): a live record says so
/// itself; a deleted one through the values its events kept.
fn people_of_records(
    s: &VaultSnapshot,
) -> Result<BTreeMap<(String, String), Vec<String>>, AppError> {
    struct Live<'a>(&'a VaultSnapshot, BTreeMap<(String, String), Vec<String>>);
    impl EachKind for Live<'_> {
        fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
            for (id, r) in K::records(self.0) {
                let people = r.data.people();
                if !people.is_empty() {
                    self.1.insert((K::KIND.to_string(), id.clone()), people);
                }
            }
            Ok(())
        }
    }
    let mut live = Live(s, BTreeMap::new());
    kinds::each_kind(&mut live)?;
    let mut people = live.1;
    let mut named: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for e in &s.audit {
        let key = (e.entity_kind.to_string(), e.entity_id.to_string());
        if people.contains_key(&key) {
            continue;
        }
        for c in e
            .changes
            .iter()
            .filter(|c| PEOPLE_FIELDS.contains(&c.field.as_str()))
        {
            for value in [&c.before, &c.after].into_iter().flatten() {
                named.entry(key.clone()).or_default().extend(
                    value
                        .split(", ")
                        .filter(|v| v.parse::<Id>().is_ok())
                        .map(str::to_string),
                );
            }
        }
    }
    people.extend(
        named
            .into_iter()
            .filter(|(_, p)| !p.is_empty())
            .map(|(k, p)| (k, p.into_iter().collect())),
    );
    Ok(people)
}

/// What the upgrade changes in a trail (a copy of it): links events to their people, empties
/// the history of deleted activities whose person no event names (returns how many events).
fn link_and_empty(s: &VaultSnapshot, events: &mut [AuditEvent]) -> Result<usize, AppError> {
    let people = people_of_records(s)?;
    for e in events.iter_mut().filter(|e| e.subjects.is_empty()) {
        if let Some(p) = people.get(&(e.entity_kind.to_string(), e.entity_id.to_string())) {
            e.subjects = p.iter().map(EntityId::from).collect();
        }
    }
    // An activity's events named no one before: once it is deleted, nothing can find its text
    // for the erasure of its person, so it is not kept.
    let orphans: BTreeSet<&EntityId> = s
        .audit
        .iter()
        .filter(|e| {
            e.entity_kind == Activity::KIND
                && e.action == Action::Delete
                && !s.activities.contains_key(&*e.entity_id.text())
                && !people.contains_key(&(e.entity_kind.to_string(), e.entity_id.to_string()))
        })
        .map(|e| &e.entity_id)
        .collect();
    let mut emptied = 0;
    for e in events.iter_mut() {
        if e.entity_kind == Activity::KIND && orphans.contains(&e.entity_id) && e.has_values() {
            e.erase_values();
            emptied += 1;
        }
    }
    Ok(emptied)
}

/// People the trail says were erased or deleted (and are not in the vault any more): the
/// erased ones not yet on the list, and the deleted ones whose history still holds values.
fn gone_people(s: &VaultSnapshot) -> (Vec<String>, Vec<String>) {
    let listed = s.erased_people();
    let mut erased = BTreeSet::new();
    let mut deleted = BTreeSet::new();
    for e in s.audit.iter().filter(|e| e.entity_kind == Contact::KIND) {
        let id = e.entity_id.text();
        if s.contacts.contains_key(&*id) || listed.contains(&id) {
            continue;
        }
        match e.action {
            Action::Erase => {
                erased.insert(id.to_string());
            }
            Action::Delete => {
                deleted.insert(id.to_string());
            }
            _ => {}
        }
    }
    let deleted = deleted.difference(&erased).cloned().collect();
    (erased.into_iter().collect(), deleted)
}

impl<R: Repository> UnlockedVault<R> {
    /// Brings the trail under today's erasure rules, once: only a vault that unlocked whole
    /// (its chain verifies, nothing missing or damaged) is changed; otherwise it is tried again
    /// at the next unlock, once the user has looked. Returns how many people deleted before
    /// were erased.
    pub(super) async fn upgrade_erasure(&self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let (mut events, emptied, (erased, deleted)) = {
            let inner = self.inner.borrow();
            let s = &inner.snapshot;
            if inner.salted || s.chain.is_some() || !s.findings.is_empty() || !s.damaged.is_empty()
            {
                return Ok(0);
            }
            let mut events = s.audit.clone();
            let emptied = link_and_empty(s, &mut events)?;
            (events, emptied, gone_people(s))
        };
        let mut pool = salts(audit::salts_needed(&events))?.into_iter();
        let Ok(head) = audit::resalt(&mut events, || pool.next().unwrap_or_default()) else {
            return Ok(0);
        };
        let mut batch = Batch {
            replace_audit: true,
            ..Batch::default()
        };
        for chunk in events.chunks(AUDIT_BLOCK) {
            batch.audit.push(seal_audit_block(&self.sealer, chunk, 1)?);
        }
        let today = crate::app::clock::local_day(now);
        let mut listed = None;
        if !erased.is_empty() {
            let (list, expect): (_, Expect) = self.next_list::<ErasedPeople>(
                |l| {
                    for id in &erased {
                        l.people.entry(id.clone()).or_insert(today);
                    }
                },
                now,
            )?;
            batch.puts.push((self.seal(&list)?, expect));
            listed = Some(list);
        }
        let entries = (emptied > 0)
            .then(|| {
                let n = FieldChange::new("erased_history_events", None, Some(emptied.to_string()));
                Entry::new(Action::Erase, "vault", "deleted activities", vec![n])
            })
            .into_iter()
            .collect();
        let (head_rev, ledger) = {
            let mut inner = self.inner.borrow_mut();
            inner.salted = true;
            (inner.head_rev, inner.ledger.clone())
        };
        let base = Base {
            head: &head,
            head_rev,
            ledger: &ledger,
        };
        let chained = self.chain(batch, Some(events), entries, base, now);
        let committed = match chained {
            Ok(chained) => self.commit_chained(chained).await,
            Err(e) => Err(e),
        };
        if let Err(e) = committed {
            self.inner.borrow_mut().salted = false;
            return Err(e);
        }
        self.keep_all(listed.into_iter().collect());
        // People deleted before: erased as a Delete erases today, their addresses kept on the
        // do-not-contact list (today's default).
        for id in &deleted {
            self.delete_contact(id, KeepOnList::Yes, now, today).await?;
        }
        Ok(deleted.len())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::trail::{open_audit, sealed_head, Entry, Format};
    use crate::domain::audit;
    use crate::domain::audit::{AuditEvent, ChainHead};
    use crate::domain::contact::Contact;
    use crate::domain::do_not_contact::Channel;
    use crate::store::{Batch, Deletion, Expect};

    /// Stores the vault's trail as builds before salting wrote it: no salts, no people named,
    /// hashed that way, under a head that says so.
    /// `e` as an older Folio wrote it (no salts, no subjects), chained after `head`.
    fn as_written_before_the_rules(e: &mut AuditEvent, head: &mut ChainHead) {
        e.salt = None;
        e.subjects.clear();
        for c in &mut e.changes {
            c.set_salt(None);
        }
        e.prev_hash = head.hash.clone();
        e.hash = e.compute_hash();
        *head = e.head();
    }

    fn make_it_old(vault: &UnlockedVault<MemoryRepository>, repo: &MemoryRepository) {
        let mut head = ChainHead::genesis();
        for sealed in repo.raw_audit() {
            let mut events = open_audit(&vault.sealer, &sealed, Format::Current).unwrap();
            for e in &mut events {
                as_written_before_the_rules(e, &mut head);
            }
            repo.raw_put_audit(
                super::super::trail::seal_audit_block(&vault.sealer, &events, sealed.rev).unwrap(),
            );
        }
        let (head_rev, ledger) = {
            let inner = vault.inner.borrow();
            (inner.head_rev, inner.ledger.clone())
        };
        let (record, _) =
            sealed_head(&vault.sealer, head_rev - 1, head, ledger, false, t(50)).unwrap();
        repo.raw_put(record);
    }

    /// Deletes contact `id` as builds before this one did: the record gone (from the store and
    /// from memory), every value it had written into the trail's delete event.
    fn delete_the_old_way(vault: &UnlockedVault<MemoryRepository>, id: &str, at: DateTime<Utc>) {
        let rev = vault.snapshot().contacts[id].rev;
        let fields = vault.snapshot().contacts[id].data.fields();
        let entry = Entry::new(Action::Delete, Contact::KIND, id, audit::diff(&fields, &[]));
        let batch = Batch {
            deletes: vec![Deletion::new(id, Contact::KIND, Expect::Rev(rev))],
            ..Batch::default()
        };
        block_on(vault.commit(batch, vec![entry], at)).unwrap();
        vault.forget_all::<Contact>([&id.to_string()]);
    }

    /// Saves Petr Svoboda (an address, a phone, a note) at `t(1)`; his id.
    fn save_petr(vault: &UnlockedVault<MemoryRepository>) -> String {
        let petr = ContactDraft {
            emails: "petr@svoboda.cz".into(),
            phones: "+420 602 123 456".into(),
            notes: "Poznámka 6620".into(),
            ..contact("Petr", "Svoboda")
        };
        block_on(vault.save_contact(None, &petr, t(1))).unwrap()
    }

    fn text_of(vault: &UnlockedVault<MemoryRepository>) -> String {
        serde_json::to_string(&vault.export(t(99), "test").unwrap()).unwrap()
    }

    #[test]
    fn an_older_history_is_brought_under_the_erasure_rules_once() {
        let (repo, vault, jana) = vault_with_jana();
        let petr = save_petr(&vault);
        let call = call(&jana, t(2), "Hovor 8812");
        let activity = block_on(vault.save_activity(None, &call, t(2))).unwrap();
        block_on(vault.delete_activity(&activity, t(3))).unwrap();
        let follow_up = follow_up("Zavolat 7301", &jana);
        let task = block_on(vault.save_task(None, &follow_up, utc_of, t(4))).unwrap();
        block_on(vault.delete_task(&task, t(5))).unwrap();
        // Petr deleted the way builds before did: the record gone, its values in the trail.
        delete_the_old_way(&vault, &petr, t(6));
        make_it_old(&vault, &repo);

        let old = block_on(unlock(repo.clone(), &pass())).unwrap();
        assert!(
            old.inner.borrow().salted,
            "the unlock brought it up to date"
        );
        let s = old.snapshot();
        assert_eq!((s.chain.clone(), s.findings.len()), (None, 0));
        // Every value is salted; the follow-up's events name Jana.
        assert!(s
            .audit
            .iter()
            .filter(|e| e.has_values())
            .all(|e| e.salt.is_some()));
        assert!(s
            .audit
            .iter()
            .filter(|e| e.entity_id == task)
            .all(|e| e.subjects == vec![jana.clone()]));
        // The deleted activity named no one: its text is gone, and that is on record.
        let text = text_of(&old);
        assert!(!text.contains("Hovor 8812"));
        assert!(s.audit.iter().any(|e| e.entity_id == "deleted activities"));
        // Petr, deleted before, is erased now: nothing of him, his addresses on the list.
        assert!(!text.contains("petr@svoboda.cz") && !text.contains("Poznámka 6620"));
        assert!(s.erased_people().contains(&petr));
        let list = s.do_not_contact_list();
        assert!(list.reason(Channel::Email, "petr@svoboda.cz").is_some());
        assert!(list.reason(Channel::Phone, "+420602123456").is_some());
        assert!(
            text.contains("Zavolat 7301"),
            "what can still be linked stays"
        );

        // Once: the next unlock changes nothing.
        let again = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(again.audit, s.audit);
        assert_eq!(again.chain, None);

        // Jana's deleted follow-up is found by her erasure.
        block_on(old.erase_contact(&jana, "erased", KeepOnList::No, t(60), t(60).date_naive()))
            .unwrap();
        assert!(!text_of(&old).contains("Zavolat 7301"));
        let reopened = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!((reopened.chain, reopened.findings.len()), (None, 0));
    }

    #[test]
    fn a_history_that_does_not_verify_is_left_as_it_is() {
        let (repo, vault, _jana) = vault_with_jana();
        make_it_old(&vault, &repo);
        let sealed = repo.raw_audit().pop().unwrap();
        let mut events: Vec<AuditEvent> =
            open_audit(&vault.sealer, &sealed, Format::Current).unwrap();
        events[0].changes[0].after = Some("forged".into());
        repo.raw_put_audit(
            super::super::trail::seal_audit_block(&vault.sealer, &events, sealed.rev).unwrap(),
        );
        let opened = block_on(unlock(repo, &pass())).unwrap();
        assert!(!opened.inner.borrow().salted);
        assert!(opened.snapshot().chain.is_some());
    }

    /// Writes tests/fixtures/folio-export-v2-deleted.json: a version 2 export, as builds before
    /// this one wrote it, of a vault where Petr Svoboda (e-mail, phone, a note) was deleted the
    /// old way (his values left in the trail), for the end-to-end test of the upgrade. Run with
    /// FOLIO_WRITE_FIXTURE=1 and --ignored.
    #[test]
    #[ignore]
    fn write_the_pre_upgrade_fixture() {
        if std::env::var("FOLIO_WRITE_FIXTURE").is_err() {
            return;
        }
        let (_, vault, _jana) = vault_with_jana();
        let petr = save_petr(&vault);
        delete_the_old_way(&vault, &petr, t(6));
        let export = vault.export(t(7), "0.1.0 (before salting)").unwrap();
        assert!(export.contacts.iter().all(|c| c.id != petr));
        let mut head = ChainHead::genesis();
        let trail: Vec<serde_json::Value> = export
            .audit_log
            .iter()
            .map(|e| {
                let mut e = e.to_domain().unwrap();
                as_written_before_the_rules(&mut e, &mut head);
                serde_json::to_value(crate::portability::format::AuditEvent::from_domain(&e))
                    .unwrap()
            })
            .collect();
        let mut file = serde_json::to_value(&export).unwrap();
        let o = file.as_object_mut().unwrap();
        o.insert("version".into(), 2.into());
        o.insert("audit_log".into(), trail.into());
        o.remove("do_not_contact");
        o.remove("erased_people");
        for c in o["contacts"].as_array_mut().unwrap() {
            let data = c["data"].as_object_mut().unwrap();
            data.remove("addresses");
            data.remove("birthday");
            data.insert("address".into(), "".into());
        }
        let text = serde_json::to_string_pretty(&file).unwrap();
        assert!(text.contains("petr@svoboda.cz") && !text.contains("\"salt\""));
        std::fs::write("tests/fixtures/folio-export-v2-deleted.json", text + "\n").unwrap();
    }

    #[test]
    fn a_person_deleted_before_the_upgrade_is_erased_when_their_old_file_is_restored() {
        let text = include_str!("../../../tests/fixtures/folio-export-v2-deleted.json");
        let export = crate::portability::parse(text.as_bytes()).unwrap();
        let vault = empty_vault();
        block_on(vault.import_into_empty(&export, t(30))).unwrap();
        let after = text_of(&vault);
        for gone in ["petr@svoboda.cz", "602 123 456", "Poznámka 6620", "Svoboda"] {
            assert!(!after.contains(gone), "{gone} is left");
        }
        let s = vault.snapshot();
        assert_eq!(
            s.do_not_contact_list()
                .reason(Channel::Email, "petr@svoboda.cz"),
            Some(crate::domain::do_not_contact::Reason::Erased)
        );
        assert_eq!(s.erased_people().people.len(), 1);
        assert!(after.contains("Nováková"), "the others stay");
    }
}
