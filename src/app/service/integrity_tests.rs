//! The vault accounts for every stored item: each way storage can be changed behind Folio's back
//! is named at the next unlock, the vault still opens, normal use raises no alarm, and a vault
//! sealed before the ledger existed is brought up to date once.

use super::ledger::{Finding, Head};
use super::testing::*;
use super::trail::{address, Format, KIND_AUDIT_HEAD};
use crate::domain::audit::AuditEvent as Event;
use crate::store::{SealedRecord, AUDIT};
use crate::vault::Address;

/// A vault with a profile, three contacts (one edited twice), an activity, and an erasure.
fn used_vault() -> (
    MemoryRepository,
    UnlockedVault<MemoryRepository>,
    Vec<String>,
) {
    let (repo, vault) = vault_with_profile();
    let ids: Vec<String> = ["Eva", "Petr", "Olga"]
        .iter()
        .enumerate()
        .map(|(i, n)| {
            block_on(vault.save_contact(None, &contact(n, "Malá"), t(2 + i as i64))).unwrap()
        })
        .collect();
    for n in 0..2 {
        let mut edited = contact("Eva", "Malá");
        edited.notes = format!("edit {n}");
        block_on(vault.save_contact(Some(&ids[0]), &edited, t(10 + n))).unwrap();
    }
    let call = call(&ids[1], t(20), "call");
    block_on(vault.save_activity(None, &call, t(20))).unwrap();
    (repo, vault, ids)
}

fn reopened(repo: &MemoryRepository) -> VaultSnapshot {
    block_on(unlock(repo.clone(), &pass())).unwrap().snapshot()
}

fn record(repo: &MemoryRepository, id: &str) -> SealedRecord {
    repo.raw_records().into_iter().find(|r| r.id == id).unwrap()
}

#[test]
fn normal_use_is_accounted_for() {
    let (repo, vault, ids) = used_vault();
    block_on(vault.delete_contact(&ids[2], KeepOnList::No, t(30), t(30).date_naive())).unwrap();
    let export = crate::portability::Checked::new(vault.export(t(31), "test").unwrap()).unwrap();
    block_on(vault.import_merge(&export, t(32))).unwrap();
    block_on(vault.erase_contact(&ids[1], "erased", KeepOnList::No, t(33), t(33).date_naive()))
        .unwrap();
    let s = reopened(&repo);
    assert_eq!((s.findings, s.chain, s.damaged), (vec![], None, vec![]));
    // Into another vault, restored and then replaced: still accounted for.
    let other_repo = MemoryRepository::new();
    let other = vault_over(&other_repo);
    block_on(other.import_into_empty(&export, t(34))).unwrap();
    block_on(replace_whole(&other, &export, t(35))).unwrap();
    let s = reopened(&other_repo);
    assert_eq!((s.findings, s.chain, s.damaged), (vec![], None, vec![]));
}

#[test]
fn a_deleted_record_is_named() {
    let (repo, _vault, ids) = used_vault();
    repo.raw_remove_record(&ids[2]);
    let s = reopened(&repo);
    assert_eq!(
        s.findings,
        [Finding::Deleted {
            kind: "contact".into(),
            count: 1
        }]
    );
    assert_eq!(s.contacts.len(), 2, "the vault still opens");
}

#[test]
fn a_record_put_back_at_an_older_revision_is_named() {
    let (repo, vault, ids) = used_vault();
    let old = record(&repo, &ids[0]);
    let mut edited = contact("Eva", "Malá");
    edited.notes = "newest".into();
    block_on(vault.save_contact(Some(&ids[0]), &edited, t(40))).unwrap();
    repo.raw_put(old);
    let s = reopened(&repo);
    assert_eq!(
        s.findings,
        [Finding::RolledBack {
            kind: "contact".into()
        }]
    );
}

#[test]
fn a_deleted_record_put_back_is_named_as_added() {
    let (repo, vault, ids) = used_vault();
    let gone = record(&repo, &ids[2]);
    block_on(vault.delete_contact(&ids[2], KeepOnList::No, t(40), t(40).date_naive())).unwrap();
    repo.raw_put(gone);
    let s = reopened(&repo);
    assert_eq!(
        s.findings,
        [Finding::Added {
            kind: "contact".into(),
            count: 1
        }]
    );
}

#[test]
fn a_record_copied_under_another_id_is_named_as_duplicated() {
    let (repo, _vault, ids) = used_vault();
    let mut copy = record(&repo, &ids[0]);
    copy.id = "1b4e28ba-2fa1-41d2-883f-0016d3cca427".into();
    repo.raw_put(copy.clone());
    let s = reopened(&repo);
    assert!(s.findings.contains(&Finding::Duplicated {
        kind: "contact".into(),
        count: 1
    }));
    assert!(
        s.damaged.iter().any(|d| d.id == copy.id),
        "it does not open"
    );
}

#[test]
fn the_newest_events_deleted_with_the_head_are_named() {
    let (repo, vault, _) = used_vault();
    let last = vault.snapshot().audit.last().unwrap().seq;
    repo.raw_remove_audit(last);
    repo.raw_remove_record("audit-head");
    let s = reopened(&repo);
    assert_eq!(s.findings, [Finding::HeadMissing]);
    // The next write does not quietly make the vault verify again.
    let vault = block_on(unlock(repo.clone(), &pass())).unwrap();
    block_on(vault.save_profile(&draft("Jana N."), t(50))).unwrap();
    assert!(!reopened(&repo).findings.is_empty());
}

#[test]
fn the_trail_cut_at_its_end_is_named() {
    let (repo, vault, _) = used_vault();
    let last = vault.snapshot().audit.last().unwrap().seq;
    repo.raw_remove_audit(last);
    let s = reopened(&repo);
    assert!(matches!(s.chain, Some(ChainError::Truncated { .. })));
    assert_eq!(
        s.findings,
        [Finding::Deleted {
            kind: "audit".into(),
            count: 1
        }]
    );
}

#[test]
fn an_audit_item_put_back_as_it_was_before_an_erasure_is_named() {
    let (repo, vault, ids) = used_vault();
    let before: Vec<_> = repo.raw_audit();
    block_on(vault.erase_contact(&ids[0], "erased", KeepOnList::No, t(60), t(60).date_naive()))
        .unwrap();
    // An item the erasure sealed anew (without the person's values), put back as it was.
    let rewritten = repo
        .raw_audit()
        .into_iter()
        .find(|i| i.rev > 1)
        .expect("the erasure sealed an item anew");
    let old = before.into_iter().find(|i| i.seq == rewritten.seq).unwrap();
    repo.raw_put_audit(old);
    let s = reopened(&repo);
    assert_eq!(
        s.findings,
        [Finding::RolledBack {
            kind: "audit".into()
        }]
    );
    assert_eq!(s.chain, None, "its hash chain alone cannot tell");
}

#[test]
fn flipped_swapped_and_foreign_values_are_damaged_and_the_rest_opens() {
    let (repo, _vault, ids) = used_vault();
    let mut a = record(&repo, &ids[0]);
    let mut b = record(&repo, &ids[1]);
    std::mem::swap(&mut a.ciphertext, &mut b.ciphertext);
    std::mem::swap(&mut a.nonce, &mut b.nonce);
    repo.raw_put(a);
    repo.raw_put(b);
    let mut c = record(&repo, &ids[2]);
    c.ciphertext[0] ^= 1;
    repo.raw_put(c);
    repo.raw_put_foreign_record("x\u{0}y", "contact");
    let s = reopened(&repo);
    let damaged: Vec<&str> = s.damaged.iter().map(|d| d.id.as_str()).collect();
    for id in [&ids[0], &ids[1], &ids[2]] {
        assert!(damaged.contains(&id.as_str()), "{id}");
    }
    assert!(damaged.contains(&"x\u{0}y"));
    assert!(s.profile().is_some(), "the rest opens");
}

#[test]
fn a_vault_sealed_before_the_ledger_is_brought_up_to_date_once() {
    let (repo, vault, _) = used_vault();
    let s = vault.snapshot();
    // Seal every stored item as version 1 did, and the head without a ledger.
    for r in repo.raw_records() {
        let plain: serde_json::Value = vault
            .sealer
            .open(address(&r.kind, &r.id, r.rev), &r.nonce, &r.ciphertext)
            .unwrap();
        let plain = if r.kind == KIND_AUDIT_HEAD {
            let head: OpenRecord<Head> = serde_json::from_value(plain).unwrap();
            serde_json::to_value(OpenRecord {
                data: Head {
                    ledger: None,
                    ..head.data
                },
                ..head
            })
            .unwrap()
        } else {
            plain
        };
        let sealed = vault
            .sealer
            .seal_legacy(address(&r.kind, &r.id, r.rev), &plain)
            .unwrap();
        repo.raw_put(SealedRecord {
            nonce: sealed.nonce,
            ciphertext: sealed.ciphertext,
            ..r
        });
    }
    for item in repo.raw_audit() {
        let events = super::trail::open_audit(&vault.sealer, &item, Format::Current).unwrap();
        let name = super::trail::item_name(&item);
        let at = Address {
            store: AUDIT,
            kind: if events.len() == 1 {
                "audit_event"
            } else {
                "audit_block"
            },
            id: &name,
            rev: 0,
        };
        let sealed = if events.len() == 1 {
            vault.sealer.seal_legacy(at, &events[0])
        } else {
            vault.sealer.seal_legacy(at, &events as &[Event])
        }
        .unwrap();
        repo.raw_put_audit(crate::store::SealedAuditEvent {
            nonce: sealed.nonce,
            ciphertext: sealed.ciphertext,
            ..item
        });
    }
    let first = reopened(&repo);
    assert_eq!(
        (first.findings, first.chain, first.damaged),
        (vec![], None, vec![])
    );
    assert_eq!(first.contacts, s.contacts);
    // Everything is in today's format now, and checked: a deletion is named.
    let again = reopened(&repo);
    assert_eq!(again.findings, vec![]);
    let any = again.contacts.keys().next().unwrap().clone();
    repo.raw_remove_record(&any);
    assert_eq!(
        reopened(&repo).findings,
        [Finding::Deleted {
            kind: "contact".into(),
            count: 1
        }]
    );
}
