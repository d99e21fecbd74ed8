//! In-browser tests of the IndexedDB repository (rexie) and the vault service over it.
#![cfg(target_arch = "wasm32")]

use folio::app::service;
use folio::domain::profile::ProfileDraft;
use folio::store::{
    Batch, Expect, IdbRepository, Repository, SealedAuditEvent, SealedRecord, StoreError,
};
use folio::vault::{KdfParams, Passphrase};
use wasm_bindgen_test::*;

mod common;
use common::thrown_while;

wasm_bindgen_test_configure!(run_in_browser);

fn record(id: &str, kind: &str, rev: u64) -> SealedRecord {
    SealedRecord {
        id: id.into(),
        kind: kind.into(),
        rev,
        nonce: [rev as u8; 12],
        ciphertext: vec![1, 2, 3, rev as u8],
    }
}

fn event(seq: u64) -> SealedAuditEvent {
    SealedAuditEvent {
        seq,
        last: seq,
        rev: 1,
        nonce: [9; 12],
        ciphertext: vec![seq as u8; 20],
    }
}

async fn fresh(name: &str) -> IdbRepository {
    IdbRepository::delete_database(name).await.unwrap();
    IdbRepository::open_versioned(name, 1).await.unwrap()
}

#[wasm_bindgen_test]
async fn records_and_audit_events_survive_reopening() {
    let name = "folio-test-reopen";
    let repo = fresh(name).await;
    repo.commit(Batch {
        puts: vec![
            (record("a", "contact", 1), Expect::Absent),
            (record("b", "organisation", 1), Expect::Absent),
        ],
        audit: vec![event(1), event(2)],
        meta: vec![("vault_header".into(), "{\"h\":1}".into())],
        ..Batch::default()
    })
    .await
    .unwrap();
    repo.close();

    let repo = IdbRepository::open_versioned(name, 1).await.unwrap();
    assert_eq!(
        repo.get("a").await.unwrap(),
        Some(record("a", "contact", 1))
    );
    assert_eq!(
        repo.list("contact").await.unwrap().items,
        vec![record("a", "contact", 1)]
    );
    assert_eq!(repo.list_all().await.unwrap().items.len(), 2);
    assert_eq!(
        repo.audit_events().await.unwrap().items,
        vec![event(1), event(2)]
    );
    // Read a piece at a time: the items after a sequence number, about so many events' worth.
    assert_eq!(
        repo.audit_items_after(0, 1).await.unwrap().items,
        vec![event(1)]
    );
    assert_eq!(
        repo.audit_items_after(1, 10).await.unwrap().items,
        vec![event(2)]
    );
    assert!(repo
        .audit_items_after(2, 10)
        .await
        .unwrap()
        .items
        .is_empty());
    // A block of events 3 to 7 is one item keyed by its first, and keeps its last.
    let block = SealedAuditEvent {
        last: 7,
        ..event(3)
    };
    repo.commit(Batch {
        audit: vec![block.clone(), event(8), event(20)],
        ..Batch::default()
    })
    .await
    .unwrap();
    assert_eq!(
        repo.audit_items_after(2, 10).await.unwrap().items,
        vec![block.clone(), event(8)]
    );
    assert_eq!(
        repo.audit_items_after(2, 1).await.unwrap().items,
        vec![block]
    );
    assert_eq!(
        repo.audit_items_after(7, 10).await.unwrap().items,
        vec![event(8)]
    );
    // A gap (events 9 to 19 missing) is skipped to the next item, not taken for the end.
    assert_eq!(
        repo.audit_items_after(8, 5).await.unwrap().items,
        vec![event(20)]
    );
    assert!(repo
        .audit_items_after(20, 5)
        .await
        .unwrap()
        .items
        .is_empty());
    assert_eq!(
        repo.audit_items_in(0, 100, Some(2))
            .await
            .unwrap()
            .items
            .len(),
        2
    );
    assert_eq!(
        repo.get_meta("vault_header").await.unwrap().as_deref(),
        Some("{\"h\":1}")
    );
    assert_eq!(
        repo.get_meta("schema_version").await.unwrap().as_deref(),
        Some("1")
    );
    repo.close();
}

#[wasm_bindgen_test]
async fn a_conflict_deep_in_a_large_batch_names_its_record_and_writes_nothing() {
    let repo = fresh("folio-test-large-batch").await;
    repo.put(record("r57", "contact", 1), Expect::Absent)
        .await
        .unwrap();
    // Requests are issued together; the one that fails is still the one reported.
    let puts = (0..200)
        .map(|n| (record(&format!("r{n}"), "contact", 1), Expect::Absent))
        .collect();
    let result = repo
        .commit(Batch {
            puts,
            audit: (1..=200).map(event).collect(),
            ..Batch::default()
        })
        .await;
    assert_eq!(result, Err(StoreError::Conflict { id: "r57".into() }));
    assert_eq!(repo.list_all().await.unwrap().items.len(), 1);
    assert!(repo.audit_events().await.unwrap().items.is_empty());
    // The same batch without the clash is written whole.
    let puts = (100..300)
        .map(|n| (record(&format!("r{n}"), "contact", 1), Expect::Absent))
        .collect();
    repo.commit(Batch {
        puts,
        audit: (1..=200).map(event).collect(),
        ..Batch::default()
    })
    .await
    .unwrap();
    assert_eq!(repo.list_all().await.unwrap().items.len(), 201);
    assert_eq!(repo.audit_events().await.unwrap().items.len(), 200);
    repo.close();
}

#[wasm_bindgen_test]
async fn an_aborted_transaction_leaves_neither_record_nor_event() {
    let repo = fresh("folio-test-abort").await;
    repo.put(record("a", "contact", 1), Expect::Absent)
        .await
        .unwrap();
    // A record that exists already is never created twice.
    assert_eq!(
        repo.put(record("a", "contact", 1), Expect::Absent).await,
        Err(StoreError::Conflict { id: "a".into() })
    );
    assert_eq!(
        repo.get("a").await.unwrap(),
        Some(record("a", "contact", 1))
    );
    // The record and its event are written, then the stale second put aborts the transaction.
    let result = repo
        .commit(Batch {
            puts: vec![
                (record("new", "contact", 1), Expect::Absent),
                (record("a", "contact", 3), Expect::Rev(2)),
            ],
            audit: vec![event(1)],
            ..Batch::default()
        })
        .await;
    assert_eq!(result, Err(StoreError::Conflict { id: "a".into() }));
    assert_eq!(repo.get("new").await.unwrap(), None);
    assert!(repo.audit_events().await.unwrap().items.is_empty());
    assert_eq!(repo.get("a").await.unwrap().unwrap().rev, 1);

    // An audit event is never overwritten.
    repo.commit(Batch {
        audit: vec![event(1)],
        ..Batch::default()
    })
    .await
    .unwrap();
    let again = repo
        .commit(Batch {
            puts: vec![(record("c", "contact", 1), Expect::Absent)],
            audit: vec![event(1)],
            ..Batch::default()
        })
        .await;
    assert_eq!(again, Err(StoreError::AuditConflict(1)));
    assert_eq!(repo.get("c").await.unwrap(), None);
    repo.close();
}

#[wasm_bindgen_test]
async fn upgrading_the_schema_keeps_all_data() {
    let name = "folio-test-upgrade";
    let repo = fresh(name).await;
    repo.commit(Batch {
        puts: vec![(record("a", "contact", 1), Expect::Absent)],
        audit: vec![event(1)],
        meta: vec![("vault_header".into(), "header".into())],
        ..Batch::default()
    })
    .await
    .unwrap();
    repo.close();

    // A later release opens the same database at version 2 (adding a store).
    let upgraded = IdbRepository::open_versioned(name, 2).await.unwrap();
    assert_eq!(
        upgraded.get("a").await.unwrap(),
        Some(record("a", "contact", 1))
    );
    assert_eq!(upgraded.audit_events().await.unwrap().items, vec![event(1)]);
    assert_eq!(
        upgraded.get_meta("vault_header").await.unwrap().as_deref(),
        Some("header")
    );
    assert_eq!(
        upgraded
            .get_meta("schema_version")
            .await
            .unwrap()
            .as_deref(),
        Some("2")
    );
    upgraded.close();
}

#[wasm_bindgen_test]
async fn the_vault_service_round_trips_through_indexed_db() {
    let name = "folio-test-service";
    let repo = fresh(name).await;
    let pass = Passphrase::new("correct horse battery staple");
    let vault = service::create_vault(
        repo,
        &pass,
        KdfParams::cheapest().unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let draft = ProfileDraft {
        name: "Zdeňka Dvořáková".into(),
        ..ProfileDraft::default()
    };
    vault
        .save_profile(&draft, chrono::Utc::now())
        .await
        .unwrap();
    drop(vault);

    let repo = IdbRepository::open_versioned(name, 1).await.unwrap();
    let wrong = service::unlock(repo, &Passphrase::new("not the passphrase")).await;
    assert!(wrong.is_err());
    let repo = IdbRepository::open_versioned(name, 1).await.unwrap();
    let vault = service::unlock(repo, &pass).await.unwrap();
    let snapshot = vault.snapshot();
    assert_eq!(snapshot.profile().unwrap().data.name, "Zdeňka Dvořáková");
    assert_eq!(snapshot.audit.len(), 2);
    assert_eq!(snapshot.chain, None);
    assert!(snapshot.damaged.is_empty());
}

#[wasm_bindgen_test]
async fn contacts_organisations_and_activities_come_back_after_reopening() {
    use folio::domain::activity::{ActivityDraft, ActivityKind};
    use folio::domain::contact::ContactDraft;
    use folio::domain::organisation::OrganisationDraft;
    let name = "folio-test-contacts";
    let repo = fresh(name).await;
    let pass = Passphrase::new("correct horse battery staple");
    let now = chrono::Utc::now();
    let vault = service::create_vault(repo, &pass, KdfParams::cheapest().unwrap(), now)
        .await
        .unwrap();
    let org = OrganisationDraft {
        name: "Firma s.r.o.".into(),
        ..OrganisationDraft::default()
    };
    let org_id = vault.save_organisation(None, &org, now).await.unwrap();
    let contact = ContactDraft {
        given_name: "Zdeňka".into(),
        family_name: "Dvořáková".into(),
        organisation_id: Some(org_id.clone()),
        tags: "klient, Praha".into(),
        ..ContactDraft::default()
    };
    let contact_id = vault.save_contact(None, &contact, now).await.unwrap();
    let activity = ActivityDraft {
        contact_id: contact_id.clone(),
        kind: ActivityKind::Meeting,
        at: Some(now),
        subject: "Kick-off".into(),
        body: "Prague office".into(),
        deal_id: None,
    };
    vault.save_activity(None, &activity, now).await.unwrap();
    drop(vault);

    let repo = IdbRepository::open_versioned(name, 1).await.unwrap();
    let s = service::unlock(repo, &pass).await.unwrap().snapshot();
    assert_eq!(s.organisations[&org_id].data.name, "Firma s.r.o.");
    let c = &s.contacts[&contact_id].data;
    assert_eq!(c.display_name(), "Zdeňka Dvořáková");
    assert_eq!(c.organisation_id.as_deref(), Some(org_id.as_str()));
    assert_eq!(c.tags, vec!["klient", "Praha"]);
    assert_eq!(
        s.activities.values().next().unwrap().data.subject,
        "Kick-off"
    );
    assert_eq!(s.audit.len(), 4);
    assert_eq!(s.chain, None);
}

#[wasm_bindgen_test]
async fn many_records_read_back_whole_and_a_foreign_value_is_one_malformed_item() {
    let name = "folio-test-many";
    let repo = fresh(name).await;
    // Different lengths (one empty), read back together, each with its own bytes.
    let records: Vec<SealedRecord> = (1..=5u64)
        .map(|n| SealedRecord {
            ciphertext: vec![n as u8; (n as usize - 1) * 7],
            ..record(&format!("r{n}"), if n % 2 == 0 { "even" } else { "odd" }, n)
        })
        .collect();
    repo.commit(Batch {
        puts: records
            .iter()
            .map(|r| (r.clone(), Expect::Absent))
            .collect(),
        ..Batch::default()
    })
    .await
    .unwrap();
    assert_eq!(repo.list_all().await.unwrap().items, records);
    assert_eq!(
        repo.list("even").await.unwrap().items,
        vec![records[1].clone(), records[3].clone()]
    );
    assert!(repo.list("none").await.unwrap().items.is_empty());
    // Values written around Folio (a ciphertext that is text, not bytes; an id with a NUL in
    // it; a revision past 2⁵³ − 1) are each one malformed item, named by their id, and never a
    // reason to refuse the rest of the list (that once locked a vault out for good).
    let script = format!(
        "new Promise((ok, no) => {{ const r = indexedDB.open('{name}'); r.onerror = no;
         r.onsuccess = () => {{ const tx = r.result.transaction('records', 'readwrite');
           const s = tx.objectStore('records');
           s.put({{ id: 'x', kind: 'odd', rev: 1, nonce: new Uint8Array(12), ciphertext: 'plain text' }});
           s.put({{ id: 'y\\u0000x', kind: 'odd', rev: 1, nonce: new Uint8Array(12), ciphertext: new Uint8Array(3) }});
           s.put({{ id: 'z', kind: 'odd', rev: 2 ** 60, nonce: new Uint8Array(12), ciphertext: new Uint8Array(3) }});
           tx.oncomplete = () => {{ r.result.close(); ok(); }}; tx.onerror = no; }}; }})"
    );
    let written = js_sys::Promise::from(js_sys::eval(&script).unwrap());
    wasm_bindgen_futures::JsFuture::from(written).await.unwrap();
    let odd = repo.list("odd").await.unwrap();
    assert_eq!(
        odd.items,
        vec![records[0].clone(), records[2].clone(), records[4].clone()]
    );
    let mut keys: Vec<String> = odd.malformed.iter().map(|m| m.key.clone()).collect();
    keys.sort();
    assert_eq!(keys, ["\"x\"", "\"y\\u0000x\"", "\"z\""]);
    let all = repo.list_all().await.unwrap();
    assert_eq!((all.items.len(), all.malformed.len()), (5, 3));
    assert!(matches!(
        repo.get("x").await,
        Err(StoreError::Malformed { .. })
    ));
    assert_eq!(repo.get("r3").await.unwrap(), Some(records[2].clone()));
    assert_eq!(repo.list("even").await.unwrap().items.len(), 2);
    // Read a page at a time, the listing is the same, a value whose key is not text included
    // (an array sorts after every text key: the pages go on from the raw key, not its text).
    let script = format!(
        "new Promise((ok, no) => {{ const r = indexedDB.open('{name}'); r.onerror = no;
         r.onsuccess = () => {{ const tx = r.result.transaction('records', 'readwrite');
           tx.objectStore('records').put({{ id: [7], kind: 'odd', rev: 1 }});
           tx.oncomplete = () => {{ r.result.close(); ok(); }}; tx.onerror = no; }}; }})"
    );
    let written = js_sys::Promise::from(js_sys::eval(&script).unwrap());
    wasm_bindgen_futures::JsFuture::from(written).await.unwrap();
    let (mut items, mut malformed, mut pages) = (Vec::new(), 0, 0);
    let mut after = None;
    loop {
        let (page, next) = repo.list_page(after.as_ref(), 3).await.unwrap();
        pages += 1;
        items.extend(page.items);
        malformed += page.malformed.len();
        match next {
            Some(key) => after = Some(key),
            None => break,
        }
    }
    assert_eq!((items, malformed, pages), (records.clone(), 4, 4));
    repo.close();
}

#[wasm_bindgen_test]
async fn a_refused_batch_is_undone_without_calling_a_callback_that_is_gone() {
    let repo = fresh("folio-test-refused-quietly").await;
    repo.put(record("a", "contact", 1), Expect::Absent)
        .await
        .unwrap();
    let thrown = thrown_while(async {
        for _ in 0..3 {
            // A stale revision, found after many writes were issued: the batch is undone.
            let mut puts: Vec<_> = (0..50)
                .map(|n| (record(&format!("n{n}"), "contact", 1), Expect::Absent))
                .collect();
            puts.push((record("a", "contact", 3), Expect::Rev(2)));
            let result = repo
                .commit(Batch {
                    puts,
                    audit: (1..=20).map(event).collect(),
                    ..Batch::default()
                })
                .await;
            assert_eq!(result, Err(StoreError::Conflict { id: "a".into() }));
            // A record that exists, refused by the browser itself: undone as well.
            let puts = vec![
                (record("b", "contact", 1), Expect::Absent),
                (record("a", "contact", 1), Expect::Absent),
                (record("c", "contact", 1), Expect::Absent),
            ];
            let result = repo
                .commit(Batch {
                    puts,
                    audit: (1..=20).map(event).collect(),
                    ..Batch::default()
                })
                .await;
            assert_eq!(result, Err(StoreError::Conflict { id: "a".into() }));
        }
    })
    .await;
    assert_eq!(thrown, Vec::<String>::new());
    assert_eq!(repo.list_all().await.unwrap().items.len(), 1);
    assert!(repo.audit_events().await.unwrap().items.is_empty());
    // The store still takes writes.
    repo.put(record("b", "contact", 1), Expect::Absent)
        .await
        .unwrap();
    repo.close();
}
