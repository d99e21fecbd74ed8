//! Tests of create, unlock and the staged loading of a vault (`open.rs`).

use super::super::testing::*;
use super::super::trail::Format;

#[test]
fn the_vault_accepted_as_found_is_counted_as_it_is_from_then_on() {
    let (repo, vault) = new_vault();
    let a = block_on(vault.save_contact(None, &contact("Eva", "Malá"), t(1))).unwrap();
    block_on(vault.save_contact(None, &contact("Petr", "Malý"), t(2))).unwrap();
    repo.raw_remove_record(&a);
    let found = block_on(unlock(repo.clone(), &pass())).unwrap();
    assert_eq!(found.snapshot().findings.len(), 1);
    // Writing does not make it go away on its own…
    block_on(found.save_profile(&draft("Jana"), t(3))).unwrap();
    let again = block_on(unlock(repo.clone(), &pass())).unwrap();
    assert_eq!(again.snapshot().findings.len(), 1);
    // …accepting it does, and says so in the trail.
    block_on(again.accept_as_found(t(4))).unwrap();
    assert!(again.snapshot().findings.is_empty());
    let after = block_on(unlock(repo, &pass())).unwrap().snapshot();
    assert_eq!((after.findings, after.chain), (vec![], None));
    let last = after.audit.last().unwrap();
    assert_eq!(last.action, Action::Reconciled);
    assert_eq!(last.changes[0].field, "deleted");
}

#[test]
fn a_vault_with_weaker_key_derivation_is_wrapped_anew_at_unlock_and_says_so() {
    let (repo, vault) = new_vault();
    block_on(vault.save_contact(None, &contact("Eva", "Malá"), t(1))).unwrap();
    drop(vault);
    let stronger = KdfParams::with_cost(512, 2, 1).unwrap();
    // Unlocking as the app does: the key from the stored header, a stronger wrapping kept
    // for when loading is done.
    let header = block_on(read_header(&repo)).unwrap();
    let key = header.unlock(&pass()).unwrap();
    let rewrapped = stronger_header(&header, &key, &pass(), &stronger).unwrap();
    let vault = block_on(open_first(repo.clone(), header.clone(), key)).unwrap();
    vault.strengthen_later(rewrapped.expect("fast() is weaker"));
    // Nothing is written before loading is done…
    assert_eq!(block_on(read_header(&repo)).unwrap().kdf, header.kdf);
    block_on(vault.load_rest(|| async { true })).unwrap();
    // …then the header carries the stronger costs and a fresh salt, audited.
    let stored = block_on(read_header(&repo)).unwrap().kdf;
    let costs = (stored.memory_kib, stored.iterations, stored.parallelism);
    assert_eq!(costs, (512, 2, 1));
    assert_ne!(stored.salt, header.kdf.salt);
    let s = vault.snapshot();
    assert_eq!(s.audit.last().unwrap().action, Action::KeyStrengthened);
    assert_eq!(s.kdf.as_ref(), Some(&stored));
    // The same passphrase opens it, everything is there and accounted for…
    let again = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
    assert_eq!(again.contacts.len(), 1);
    assert_eq!((again.chain, again.findings), (None, vec![]));
    // …and a vault already as strong is left as it is.
    let header = block_on(read_header(&repo)).unwrap();
    let key = header.unlock(&pass()).unwrap();
    assert!(stronger_header(&header, &key, &pass(), &stronger)
        .unwrap()
        .is_none());
}

#[test]
fn create_then_unlock_restores_everything() {
    let (repo, vault) = new_vault();
    block_on(vault.save_profile(&draft("Jana Nováková"), t(1))).unwrap();
    drop(vault);
    let vault = block_on(unlock(repo.clone(), &pass())).unwrap();
    let s = vault.snapshot();
    assert_eq!(s.profile().unwrap().data.name, "Jana Nováková");
    assert_eq!(s.audit.len(), 2);
    assert_eq!(s.chain, None);
    assert!(s.damaged.is_empty());
}

#[test]
fn a_second_vault_is_refused() {
    let repo = MemoryRepository::new();
    vault_over(&repo);
    assert!(matches!(
        block_on(create_vault(repo, &pass(), fast(), t(0))),
        Err(AppError::VaultExists)
    ));
}

#[test]
fn wrong_passphrase_changes_nothing() {
    let repo = MemoryRepository::new();
    vault_over(&repo);
    let before = (repo.raw_records(), repo.raw_audit());
    assert!(matches!(
        block_on(unlock(repo.clone(), &Passphrase::new("not the passphrase"))),
        Err(AppError::Vault(VaultError::WrongPassphrase))
    ));
    assert_eq!((repo.raw_records(), repo.raw_audit()), before);
}

/// The controller's details as the repository holds them, sealed.
fn stored_profile(repo: &MemoryRepository) -> crate::store::SealedRecord {
    repo.raw_records()
        .into_iter()
        .find(|r| r.kind == KIND_PROFILE)
        .unwrap()
}

#[test]
fn damaged_records_are_reported_and_the_rest_opens() {
    let (repo, _vault) = vault_with_profile();
    let mut profile = stored_profile(&repo);
    profile.ciphertext[3] ^= 0x01;
    repo.raw_put(profile.clone());
    let reopened = block_on(unlock(repo.clone(), &pass())).unwrap();
    let s = reopened.snapshot();
    assert_eq!(s.profile(), None, "a damaged record is never shown");
    assert_eq!(
        s.damaged,
        vec![Damaged {
            kind: KIND_PROFILE.into(),
            id: profile.id.clone()
        }]
    );
    assert_eq!(s.audit.len(), 2, "the rest of the vault opened");
}

#[test]
fn a_record_moved_onto_another_id_does_not_open() {
    let (repo, _vault) = vault_with_profile();
    let mut copy = stored_profile(&repo);
    copy.id = "00000000-0000-4000-8000-000000000000".into();
    repo.raw_put(copy.clone());
    let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
    assert!(s.damaged.iter().any(|d| d.id == copy.id));
}

#[test]
fn unlock_shows_contacts_first_and_the_rest_after_pauses() {
    let (repo, vault) = new_vault();
    // Organisations, contacts, activities, consents, deals.
    populate_with(&vault, 1, [3, 30, 4_500, 0, 0]);
    let full = vault.snapshot();
    drop(vault);

    let header = block_on(read_header(&repo)).unwrap();
    let key = header.unlock(&pass()).unwrap();
    let vault = block_on(open_first(repo.clone(), header, key)).unwrap();
    let first = vault.snapshot();
    assert!(!first.complete && !vault.is_complete());
    assert_eq!(first.contacts, full.contacts);
    assert_eq!(first.organisations, full.organisations);
    assert!(first.activities.is_empty() && first.audit.is_empty());

    // A pause that says "locked" stops loading; nothing half-loaded is shown as complete.
    let stopped = block_on(vault.load_rest(|| async { false }));
    assert!(stopped.is_err());
    assert!(!vault.is_complete());

    let mut pauses = 0;
    block_on(vault.load_rest(|| {
        pauses += 1;
        async { true }
    }))
    .unwrap();
    // 4,500 activities and 4,534 audit events, 2,000 per chunk: 3 + 3 pauses.
    assert_eq!(pauses, 6);
    let rest = vault.snapshot();
    assert!(rest.complete);
    assert_eq!(rest.activities, full.activities);
    assert_eq!(rest.audit, full.audit);
    assert_eq!(rest.chain, None);
    // Writes after loading extend the chain that was read.
    let id = block_on(vault.save_contact(None, &contact("Eva", "Nová"), t(2))).unwrap();
    let again = block_on(unlock(repo, &pass())).unwrap().snapshot();
    assert_eq!(again.chain, None);
    assert!(again.contacts.contains_key(&id));
    assert_eq!(again.audit.len(), full.audit.len() + 1);
}

#[test]
fn a_trail_hashed_the_old_way_is_upgraded_once_on_unlock() {
    let (repo, vault) = vault_with_profile();
    block_on(vault.save_profile(&draft("Jana N."), t(2))).unwrap();
    // Re-seal the stored trail and head as builds before the digest hashing wrote them.
    let mut head = ChainHead::genesis();
    for sealed in repo.raw_audit() {
        let [mut e] = open_audit(&vault.sealer, &sealed, Format::Current)
            .unwrap()
            .try_into()
            .unwrap();
        e.prev_hash = head.hash.clone();
        e.hash = e.compute_hash_v1();
        head = e.head();
        repo.raw_put_audit(seal_audit_block(&vault.sealer, std::slice::from_ref(&e), 1).unwrap());
    }
    let head_rev = vault.inner.borrow().head_rev;
    let ledger = vault.inner.borrow().ledger.clone();
    let (record, _) = sealed_head(&vault.sealer, head_rev - 1, head, ledger, true, t(2)).unwrap();
    repo.raw_put(record);
    let reopened = block_on(unlock(repo.clone(), &pass())).unwrap();
    let s = reopened.snapshot();
    assert_eq!(s.chain, None, "upgraded, and it verifies");
    assert_eq!(s.audit.len(), 3);
    block_on(reopened.save_profile(&draft("Jana Nováková"), t(3))).unwrap();
    let again = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
    assert_eq!(again.chain, None);
    assert_eq!(again.audit.len(), 4);
    // An old-style trail that was tampered with is not upgraded: it still fails.
    let mut events: Vec<AuditEvent> = repo
        .raw_audit()
        .iter()
        .flat_map(|e| open_audit(&vault.sealer, e, Format::Current).unwrap())
        .collect();
    events[1].changes[0].after = Some("forged".into());
    let rev = repo.raw_audit()[1].rev;
    repo.raw_put_audit(
        seal_audit_block(&vault.sealer, std::slice::from_ref(&events[1]), rev).unwrap(),
    );
    let forged = block_on(unlock(repo, &pass())).unwrap().snapshot();
    assert_eq!(forged.chain, Some(ChainError::Altered(2)));
}

#[test]
fn an_old_trail_resealed_before_is_upgraded_at_its_own_revisions() {
    let (repo, vault) = vault_with_profile();
    block_on(vault.save_profile(&draft("Jana N."), t(2))).unwrap();
    // As the test above, but every item stored at revision 2 (sealed anew once before, as an
    // erasure does), with the ledger saying so: the upgrade must reseal each at revision 3.
    let mut head = ChainHead::genesis();
    let mut ledger = vault.inner.borrow().ledger.clone();
    for sealed in repo.raw_audit() {
        let [mut e] = open_audit(&vault.sealer, &sealed, Format::Current)
            .unwrap()
            .try_into()
            .unwrap();
        e.prev_hash = head.hash.clone();
        e.hash = e.compute_hash_v1();
        head = e.head();
        let again = seal_audit_block(&vault.sealer, std::slice::from_ref(&e), 2).unwrap();
        let name = super::super::trail::item_name(&again);
        let items = super::super::ledger::AUDIT_ITEMS;
        ledger.apply(&vault.sealer, items, &name, 1, false).unwrap();
        ledger.apply(&vault.sealer, items, &name, 2, true).unwrap();
        repo.raw_put_audit(again);
    }
    let head_rev = vault.inner.borrow().head_rev;
    let (record, _) = sealed_head(&vault.sealer, head_rev - 1, head, ledger, true, t(2)).unwrap();
    repo.raw_put(record);
    let reopened = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
    assert_eq!((reopened.chain, reopened.findings), (None, vec![]));
    let again = block_on(unlock(repo, &pass())).unwrap().snapshot();
    assert_eq!(
        (again.chain, again.findings),
        (None, vec![]),
        "upgraded, and counted"
    );
}

/// Opens `repo` as the app does, up to the records: the first stage, then every record (the
/// audit trail not read yet).
fn opened_to_records(repo: &MemoryRepository) -> UnlockedVault<MemoryRepository> {
    let header = block_on(read_header(repo)).unwrap();
    let key = header.unlock(&pass()).unwrap();
    let vault = block_on(open_first(repo.clone(), header, key)).unwrap();
    let mut pause = || async { true };
    block_on(vault.load_records(&mut pause)).unwrap();
    vault
}

#[test]
fn writes_start_once_the_records_are_in_and_the_trail_follows() {
    let (repo, vault, jana) = vault_with_jana();
    block_on(vault.save_activity(None, &call(&jana, t(2), "Offer"), t(2))).unwrap();
    let before = vault.snapshot();
    drop(vault);
    let vault = opened_to_records(&repo);
    assert!(vault.may_write() && !vault.is_complete());
    let s = vault.snapshot();
    assert_eq!(s.activities, before.activities);
    assert!(s.records_loaded && s.audit.is_empty());
    // A write now extends the trail that is still to be read…
    let eva = block_on(vault.save_contact(None, &contact("Eva", "Malá"), t(3))).unwrap();
    let mut pause = || async { true };
    block_on(vault.load_trail(&mut pause)).unwrap();
    // …which is read and checked, and followed by it.
    let s = vault.snapshot();
    assert!(s.complete);
    assert_eq!((s.chain.clone(), s.findings.clone()), (None, vec![]));
    assert_eq!(s.audit[..before.audit.len()], before.audit[..]);
    assert_eq!(s.audit.len(), before.audit.len() + 1);
    assert_eq!(s.audit.last().unwrap().entity_id, eva);
    // The next unlock finds everything accounted for, and the same trail.
    let again = block_on(unlock(repo, &pass())).unwrap().snapshot();
    assert_eq!((again.chain, again.findings), (None, vec![]));
    assert_eq!(again.audit, s.audit);
}

#[test]
fn what_needs_the_whole_trail_waits_for_it() {
    let (repo, vault, jana) = vault_with_jana();
    drop(vault);
    let vault = opened_to_records(&repo);
    // The erasure starts before the trail is read: it waits, then scrubs every event of hers.
    let mut pause = || async { true };
    let erase = vault.erase_contact(&jana, "erased", KeepOnList::No, t(5), t(5).date_naive());
    let (erased, loaded) = block_on(futures_util::future::join(
        erase,
        vault.load_trail(&mut pause),
    ));
    loaded.unwrap();
    erased.unwrap();
    let s = vault.snapshot();
    assert!(!format!("{:?}", s.audit).contains("Nováková"));
    assert_eq!(s.chain, None);
    let again = block_on(unlock(repo, &pass())).unwrap().snapshot();
    assert!(!format!("{:?}", again.audit).contains("Nováková"));
    assert_eq!((again.chain, again.findings), (None, vec![]));
}

#[test]
fn a_trail_stored_beyond_its_head_holds_writes_until_it_is_checked() {
    let (repo, vault, _) = vault_with_jana();
    let head = vault.snapshot().audit.last().unwrap().seq;
    drop(vault);
    repo.raw_put_foreign_audit(head + 1);
    let vault = opened_to_records(&repo);
    // Writes would chain from a head that storage contradicts: they wait for the check.
    assert!(!vault.may_write());
    let mut pause = || async { true };
    block_on(vault.load_trail(&mut pause)).unwrap();
    assert!(vault.may_write());
    assert!(!vault.snapshot().damaged.is_empty());
}

#[test]
fn a_record_removed_behind_the_vault_is_named_whatever_was_written_meanwhile() {
    let (repo, vault, jana) = vault_with_jana();
    let other = block_on(vault.save_contact(None, &contact("Petr", "Malý"), t(2))).unwrap();
    block_on(vault.save_activity(None, &call(&jana, t(2), "Offer"), t(2))).unwrap();
    drop(vault);
    repo.raw_remove_record(&other);
    let vault = opened_to_records(&repo);
    block_on(vault.save_contact(None, &contact("Eva", "Malá"), t(3))).unwrap();
    let mut pause = || async { true };
    block_on(vault.load_trail(&mut pause)).unwrap();
    let findings = vault.snapshot().findings;
    assert_eq!(
        findings,
        vec![super::super::ledger::Finding::Deleted {
            kind: "contact".into(),
            count: 1
        }]
    );
}
