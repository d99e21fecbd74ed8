//! Two devices syncing through a fake CouchDB: join, incremental rounds, merges and conflicts,
//! deletions and erasure, a round killed at every step, and altered documents.

use super::super::sync_doc::CONFLICT_KIND;
use super::super::testing::*;
use super::*;
use crate::domain::contact::ContactDraft;
use crate::sync::fake::FakeCouch;

type Vault = UnlockedVault<MemoryRepository>;

fn device_a(server: &FakeCouch) -> Vault {
    let vault = block_on(create_vault(MemoryRepository::new(), &pass(), fast(), t(0))).unwrap();
    block_on(vault.save_sync_settings(&device_settings("a"), t(0))).unwrap();
    let _ = server;
    vault
}

/// The settings `v` syncs with: as the device it says it is (a joined device's own id), else
/// as `device`.
fn settings_of(v: &Vault, device: &str) -> SyncSettings {
    let stored = block_on(v.sync_settings()).unwrap();
    device_settings(&stored.map_or(device.to_string(), |s| s.device_id))
}

fn round(v: &Vault, server: &FakeCouch, device: &str, at: i64) -> Report {
    block_on(v.sync_round(server, &settings_of(v, device), t(at))).unwrap()
}

fn join(server: &FakeCouch) -> Vault {
    join_device(&MemoryRepository::new(), server, &pass(), None, "b", 50).unwrap()
}

fn names(v: &Vault) -> Vec<String> {
    let mut n: Vec<String> = v
        .snapshot()
        .contacts
        .values()
        .map(|c| format!("{} {}", c.data.given_name, c.data.family_name))
        .collect();
    n.sort();
    n
}

fn edit(v: &Vault, id: &str, at: i64, change: impl Fn(&mut ContactDraft)) {
    let mut d = ContactDraft::from_contact(&v.snapshot().contacts[id].data);
    change(&mut d);
    block_on(v.save_contact(Some(id), &d, t(at))).unwrap();
}

/// A synced contact on two devices, then changed on both before either syncs: A the phone and
/// the notes, B the role and the notes.
fn two_devices_editing_one_contact() -> (FakeCouch, Vault, Vault, String) {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    round(&a, &server, "a", 2);
    let b = join(&server);
    edit(&a, &id, 10, |d| {
        d.phones = "601 111 111".into();
        d.notes = "from A".into();
    });
    edit(&b, &id, 11, |d| {
        d.role = "CFO".into();
        d.notes = "from B".into();
    });
    (server, a, b, id)
}

#[test]
fn a_second_device_joins_and_sees_everything() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let jana = block_on(a.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    block_on(a.save_contact(None, &contact("Petr", "Dvořák"), t(2))).unwrap();
    let pushed = round(&a, &server, "a", 3).pushed;
    assert_eq!(pushed, 2, "two contacts (the settings stay on the device)");
    let b = join(&server);
    assert_eq!(names(&b), names(&a));
    assert_eq!(b.snapshot().contacts[&jana], a.snapshot().contacts[&jana]);
    // A wrong passphrase stores nothing.
    let repo = MemoryRepository::new();
    let wrong = join_device(
        &repo,
        &server,
        &Passphrase::new("wrong horse battery staple"),
        None,
        "c",
        5,
    );
    assert!(matches!(
        wrong,
        Err(AppError::Vault(VaultError::WrongPassphrase))
    ));
    assert!(!block_on(vault_exists(&repo)).unwrap());
    // The server holds none of the data in the clear.
    for body in server.all_bodies() {
        assert!(!body.contains("Nováková") && !body.contains("contact") && !body.contains("jana@"));
    }
}

#[test]
fn rounds_move_only_what_changed() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    for i in 0..5 {
        block_on(a.save_contact(None, &contact("Jana", &format!("N{i}")), t(i))).unwrap();
    }
    assert_eq!(round(&a, &server, "a", 10).pushed, 5);
    assert_eq!(round(&a, &server, "a", 11).pushed, 0);
    let b = join(&server);
    let quiet = round(&b, &server, "b", 12);
    assert_eq!((quiet.pulled, quiet.pushed, quiet.conflicts), (0, 0, 0));
    let id = a.snapshot().contacts.keys().next().unwrap().clone();
    edit(&a, &id, 13, |d| d.phones = "601 234 567".into());
    assert_eq!(round(&a, &server, "a", 14).pushed, 1);
    let r = round(&b, &server, "b", 15);
    assert_eq!((r.pulled, r.pushed), (1, 0));
    assert_eq!(
        b.snapshot().contacts[&id].data.phones[0].value,
        "601 234 567"
    );
}

#[test]
fn offline_edits_of_one_contact_merge_and_the_overlap_is_a_conflict_on_both() {
    let (server, a, b, id) = two_devices_editing_one_contact();
    round(&a, &server, "a", 20);
    let r = round(&b, &server, "b", 21);
    assert_eq!(r.conflicts, 1);
    round(&a, &server, "a", 22);
    round(&b, &server, "b", 23);
    let (sa, sb) = (a.snapshot(), b.snapshot());
    assert_eq!(
        sa.contacts[&id].data, sb.contacts[&id].data,
        "both devices agree"
    );
    let c = &sa.contacts[&id].data;
    assert_eq!(c.phones[0].value, "601 111 111");
    assert_eq!(c.role, "CFO");
    assert_eq!(c.notes, "from B", "the later edit wins the overlap");
    for s in [&sa, &sb] {
        let conflicts: Vec<_> = s.sync_conflicts.values().collect();
        assert_eq!(conflicts[0].data.people, std::slice::from_ref(&id));
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].data.field, "notes");
        assert_eq!(conflicts[0].data.value, "from A", "nothing lost");
        assert_eq!(conflicts[0].kind, CONFLICT_KIND);
    }
    // Unlocking again finds everything accounted for on both devices.
    for v in [&a, &b] {
        let again = block_on(unlock(v.repo.clone(), &pass()))
            .unwrap()
            .snapshot();
        assert!(again.findings.is_empty(), "{:?}", again.findings);
        assert!(again.damaged.is_empty());
        assert_eq!(again.sync_conflicts.len(), 1);
    }
    // Erasing her takes the conflict (which holds a value of hers) with her, on both devices.
    block_on(a.erase_contact(&id, "done", KeepOnList::No, t(30), t(30).date_naive())).unwrap();
    assert!(a.snapshot().sync_conflicts.is_empty());
    round(&a, &server, "a", 31);
    round(&b, &server, "b", 32);
    assert!(b.snapshot().sync_conflicts.is_empty());
    assert!(b.snapshot().contacts.is_empty());
}

#[test]
fn a_deletion_reaches_the_other_device_as_a_deletion_without_content() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    block_on(a.save_contact(None, &contact("Petr", "Dvořák"), t(2))).unwrap();
    round(&a, &server, "a", 3);
    let b = join(&server);
    block_on(a.erase_contact(&id, "done", KeepOnList::No, t(10), t(10).date_naive())).unwrap();
    round(&a, &server, "a", 11);
    round(&b, &server, "b", 12);
    assert_eq!(names(&b), ["Petr Dvořák"]);
    assert_eq!(names(&a), names(&b));
    let (live, _) = server.counts();
    assert!(live >= 1);
    // The deletions carry no content.
    let doc = block_on(b.doc_of("contact", &id));
    let leaves = server.leaves(&doc);
    assert_eq!(leaves.len(), 1);
    let bodies = server.all_bodies();
    assert!(bodies
        .iter()
        .any(|b| b.contains("\"_deleted\":true") && !b.contains("\"c\"")));
}

#[test]
fn a_round_killed_at_any_step_resumes_without_loss_or_duplicates() {
    for die_after in 0..14 {
        let server = FakeCouch::new();
        let a = device_a(&server);
        for i in 0..3 {
            block_on(a.save_contact(None, &contact("Jana", &format!("N{i}")), t(i))).unwrap();
        }
        round(&a, &server, "a", 5);
        let b = join(&server);
        for i in 3..6 {
            block_on(a.save_contact(None, &contact("Jana", &format!("N{i}")), t(i))).unwrap();
        }
        let id = b.snapshot().contacts.keys().next().unwrap().clone();
        edit(&b, &id, 6, |d| d.notes = "B".into());
        server.state.borrow_mut().die_after = Some(die_after);
        let _ = block_on(a.sync_round(&server, &settings_of(&a, "a"), t(7)));
        let _ = block_on(b.sync_round(&server, &settings_of(&b, "b"), t(8)));
        server.state.borrow_mut().die_after = None;
        // The tab comes back: a fresh unlock, then rounds until quiet.
        let a = block_on(unlock(a.repo.clone(), &pass())).unwrap();
        let b = block_on(unlock(b.repo.clone(), &pass())).unwrap();
        for at in 10..14 {
            round(&a, &server, "a", at);
            round(&b, &server, "b", at);
        }
        assert_eq!(names(&a).len(), 6, "died after {die_after}");
        assert_eq!(names(&a), names(&b), "died after {die_after}");
        assert_eq!(b.snapshot().contacts[&id].data.notes, "B");
        assert_eq!(a.snapshot().contacts[&id].data.notes, "B");
        assert!(block_on(unlock(a.repo.clone(), &pass()))
            .unwrap()
            .snapshot()
            .findings
            .is_empty());
        let (live, _) = server.counts();
        let pieces = a.inner.borrow().items.len() + b.inner.borrow().items.len();
        assert_eq!(
            live,
            6 + 1 + pieces,
            "no document twice: the contacts, the header and each device's pieces of its \
             audit chain (died after {die_after})"
        );
        for v in [&a, &b] {
            let s = v.snapshot();
            let chains = s.peer_chains();
            assert_eq!(chains.len(), 1, "died after {die_after}");
            assert_eq!(chains[0].problem, None, "died after {die_after}");
        }
    }
}

/// The latest revision of `doc` on the server with one byte of its ciphertext flipped, as a
/// child of it named by `hash` repeated (its history the parent alone, or the parent's whole).
fn altered_child(
    server: &FakeCouch,
    doc: &str,
    hash: &str,
    whole_history: bool,
) -> crate::sync::wire::Doc {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let current = server.leaves(doc).pop().unwrap();
    let answer = block_on(crate::sync::Remote::send(
        server,
        crate::sync::Request::get(format!("/{doc}?rev={current}")),
    ))
    .unwrap();
    let mut altered: crate::sync::wire::Doc = serde_json::from_str(&answer.body).unwrap();
    let mut bytes = b64.decode(altered.c.as_deref().unwrap()).unwrap();
    bytes[3] ^= 1;
    altered.c = Some(b64.encode(&bytes));
    let parent = crate::sync::revs::RevId::parse(&current).unwrap();
    let mut ids = vec![hash.repeat(16)];
    match (whole_history, &altered.revisions) {
        (true, Some(r)) => ids.extend(r.ids.clone()),
        _ => ids.push(parent.hash.clone()),
    }
    altered.rev = format!("{}-{}", parent.n + 1, hash.repeat(16));
    altered.revisions = Some(crate::sync::wire::Revisions {
        start: parent.n + 1,
        ids,
    });
    altered
}

#[test]
fn altered_moved_or_foreign_documents_are_refused_not_applied() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    round(&a, &server, "a", 2);
    let b = join(&server);
    edit(&a, &id, 3, |d| d.notes = "changed".into());
    round(&a, &server, "a", 4);
    round(&b, &server, "b", 4);
    // Someone writes to the database: a foreign document, and A's latest revision with one
    // byte of its ciphertext flipped under a new revision id.
    let doc = block_on(a.doc_of("contact", &id));
    // A's latest revision, its ciphertext altered by one byte, sent as a newer revision.
    let altered = altered_child(&server, &doc, "ab", false);
    let foreign = serde_json::json!({"new_edits": false, "docs": [
        {"_id": "someone-elses", "_rev": "1-abc", "hello": "world"},
        altered
    ]});
    block_on(crate::sync::Remote::send(
        &server,
        crate::sync::Request::with_body(
            crate::sync::Method::Post,
            "/_bulk_docs",
            foreign.to_string(),
        ),
    ))
    .unwrap();
    let r = round(&b, &server, "b", 5);
    assert_eq!(
        r.refused, 2,
        "the foreign document and the altered revision"
    );
    // B keeps the last good version; nothing of the altered one is applied.
    assert_eq!(b.snapshot().contacts[&id].data.notes, "changed");
    assert_eq!(b.snapshot().contacts[&id].rev, 2);
    assert!(b.snapshot().damaged.is_empty());
}

/// A and B each send their revision (at `at` and `at + 1`) before seeing the other's: the
/// server holds two leaves on one parent.
fn send_on_one_parent(server: &FakeCouch, a: &Vault, b: &Vault, at: i64) {
    server.state.borrow_mut().hide_changes = 1;
    round(a, server, "a", at);
    server.state.borrow_mut().hide_changes = 1;
    round(b, server, "b", at + 1);
}

/// A round of `v` that ends after its pull is committed, before it sends anything (the tab
/// closed there).
fn pull_only(v: &Vault, server: &FakeCouch, at: i64) {
    server.state.borrow_mut().die_after = Some(7);
    let _ = block_on(v.sync_round(server, &settings_of(v, "x"), t(at)));
    server.state.borrow_mut().die_after = None;
}

/// The leaves of `doc` on the server that are not deletions.
fn live_leaves(server: &FakeCouch, doc: &str) -> Vec<String> {
    server
        .leaves(doc)
        .into_iter()
        .filter(|r| {
            !server
                .all_bodies()
                .iter()
                .any(|b| b.contains(r.as_str()) && b.contains("_deleted"))
        })
        .collect()
}

#[test]
fn two_devices_sending_revisions_on_one_parent_converge_without_losing_either() {
    let (server, a, b, id) = two_devices_editing_one_contact();
    // Each sends its revision before seeing the other's: the server holds two leaves.
    send_on_one_parent(&server, &a, &b, 12);
    let doc = block_on(a.doc_of("contact", &id));
    assert_eq!(server.leaves(&doc).len(), 2);
    for at in 14..18 {
        round(&a, &server, "a", at);
        round(&b, &server, "b", at);
    }
    let (sa, sb) = (a.snapshot(), b.snapshot());
    assert_eq!(
        sa.contacts[&id].data, sb.contacts[&id].data,
        "both devices agree"
    );
    let c = &sa.contacts[&id].data;
    assert_eq!(c.phones[0].value, "601 111 111", "A's change kept");
    assert_eq!(c.role, "CFO", "B's change kept");
    assert_eq!(c.notes, "from B", "the later edit wins the overlap");
    let offered: Vec<_> = sa
        .sync_conflicts
        .values()
        .map(|c| c.data.value.clone())
        .collect();
    assert!(
        offered.contains(&serde_json::json!("from A")),
        "{offered:?}"
    );
    assert_eq!(sa.sync_conflicts.len(), sb.sync_conflicts.len());
    // One live leaf is left on the server; the other branches are deleted.
    let live = live_leaves(&server, &doc);
    assert_eq!(live.len(), 1, "{live:?}");
}

#[test]
fn two_devices_merging_the_same_change_at_once_make_one_conflict() {
    let (server, a, b, id) = two_devices_editing_one_contact();
    // Both send their revision on one parent; then A merges but stops before sending its
    // merge (its round ends after the pull's commit), while B merges and sends.
    send_on_one_parent(&server, &a, &b, 12);
    pull_only(&a, &server, 14);
    assert_eq!(a.snapshot().sync_conflicts.len(), 1, "A merged");
    round(&b, &server, "b", 15);
    for at in 16..20 {
        round(&a, &server, "a", at);
        round(&b, &server, "b", at);
    }
    let (sa, sb) = (a.snapshot(), b.snapshot());
    assert_eq!(sa.contacts[&id].data, sb.contacts[&id].data);
    assert_eq!(
        sa.sync_conflicts.len(),
        1,
        "one conflict, not one per device"
    );
    assert_eq!(sb.sync_conflicts.len(), 1);
}

#[test]
fn a_merge_pulled_with_the_other_devices_conflict_for_it_is_applied_in_one_batch() {
    // Both devices send a revision on one parent; B merges first and sends its merge with the
    // conflict it made. A then pulls both in one batch and, merging, makes the same conflict
    // (named by what it holds) as the one pulled beside it: the batch must not create it twice,
    // whichever of the two documents is decided first. It happens to a contact whose leaf from
    // B wins and whose document comes before its conflict's (keyed, random ids and hashes), so
    // this test is probabilistic: without the fix it failed 1 run in 3 with 24 contacts (measured,
    // lower than independent odds would give; not yet explained). To be made deterministic.
    let server = FakeCouch::new();
    let a = device_a(&server);
    let ids: Vec<String> = (0..24)
        .map(|i| {
            block_on(a.save_contact(None, &contact("Jana", &format!("Nováková {i}")), t(1)))
                .unwrap()
        })
        .collect();
    round(&a, &server, "a", 2);
    let b = join(&server);
    for id in &ids {
        edit(&a, id, 10, |d| d.notes = "from A".into());
        edit(&b, id, 11, |d| d.notes = "from B".into());
    }
    send_on_one_parent(&server, &a, &b, 12);
    round(&b, &server, "b", 14);
    assert_eq!(b.snapshot().sync_conflicts.len(), ids.len(), "B merged");
    let r = block_on(a.sync_round(&server, &device_settings("a"), t(15)));
    assert!(r.is_ok(), "A's round: {r:?}");
    for at in 16..19 {
        round(&a, &server, "a", at);
        round(&b, &server, "b", at);
    }
    let (sa, sb) = (a.snapshot(), b.snapshot());
    assert_eq!(
        sa.sync_conflicts.len(),
        ids.len(),
        "one conflict per contact"
    );
    assert_eq!(sb.sync_conflicts.len(), ids.len());
    for id in &ids {
        assert_eq!(sa.contacts[id].data, sb.contacts[id].data);
    }
}

#[test]
fn two_devices_sending_their_merges_of_one_change_keep_one_and_lose_nothing() {
    // Both send a revision on one parent; each merges the other's before seeing the other's
    // merge, and both merges (with the one conflict each made, under one name) reach the server
    // as sibling leaves. Every device then picks the same winner, as CouchDB does: the record
    // and its conflict stay on both, where dropping one's own leaf on each side deleted them.
    let (server, a, b, id) = two_devices_editing_one_contact();
    send_on_one_parent(&server, &a, &b, 12);
    // Each merges (the pull commits) and stops before sending.
    for (v, at) in [(&a, 14), (&b, 15)] {
        pull_only(v, &server, at);
        assert_eq!(v.snapshot().sync_conflicts.len(), 1, "merged");
    }
    // A sends its merge; B sends its own without seeing A's.
    round(&a, &server, "a", 16);
    server.state.borrow_mut().hide_changes = 1;
    round(&b, &server, "b", 17);
    let doc = block_on(a.doc_of("contact", &id));
    assert_eq!(
        live_leaves(&server, &doc).len(),
        2,
        "two merges on the server"
    );
    // Each pulls the other's merge before either sends what it decided.
    for v in [&a, &b] {
        pull_only(v, &server, 18);
    }
    for at in 18..24 {
        round(&a, &server, "a", at);
        round(&b, &server, "b", at);
    }
    let (sa, sb) = (a.snapshot(), b.snapshot());
    assert!(sa.contacts.contains_key(&id), "A keeps her");
    assert!(sb.contacts.contains_key(&id), "B keeps her");
    assert_eq!(sa.contacts[&id].data, sb.contacts[&id].data);
    assert_eq!(sa.contacts[&id].data.notes, "from B");
    assert_eq!(sa.sync_conflicts.len(), 1, "A keeps the conflict");
    assert_eq!(sb.sync_conflicts.len(), 1, "B keeps the conflict");
    let c = join(&server);
    assert!(
        c.snapshot().contacts.contains_key(&id),
        "a third device finds her"
    );
}

/// Whether any event `v` holds as stored (unlocked afresh), its own or a copy of another
/// device's, holds `text` in a value.
fn trail_holds(v: &Vault, text: &str) -> bool {
    let s = block_on(unlock(v.repo.clone(), &pass()))
        .unwrap()
        .snapshot();
    s.merged_audit().iter().any(|e| {
        e.changes.iter().any(|c| {
            [&c.before, &c.after]
                .iter()
                .any(|x| x.as_deref().is_some_and(|x| x.contains(text)))
        })
    })
}

#[test]
fn an_erasure_on_one_device_takes_her_values_out_of_the_other_devices_history() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Zuzana", "Markerová"), t(1))).unwrap();
    let petr = block_on(a.save_contact(None, &contact("Petr", "Dvořák"), t(2))).unwrap();
    round(&a, &server, "a", 3);
    let b = join(&server);
    // B's own history of her: an edit made there, and a note about her in someone else's record.
    edit(&b, &id, 4, |d| d.phones = "601 999 888".into());
    edit(&b, &petr, 5, |d| {
        d.notes = "met through Zuzana Markerová".into()
    });
    round(&b, &server, "b", 6);
    round(&a, &server, "a", 7);
    assert!(trail_holds(&b, "Markerová") && trail_holds(&b, "601 999 888"));
    block_on(a.erase_contact(&id, "done", KeepOnList::No, t(10), t(10).date_naive())).unwrap();
    round(&a, &server, "a", 11);
    round(&b, &server, "b", 12);
    assert!(!b.snapshot().contacts.contains_key(&id));
    for text in ["Markerová", "601 999 888", "Zuzana"] {
        assert!(!trail_holds(&b, text), "B's history still holds {text}");
        assert!(!trail_holds(&a, text), "A's history still holds {text}");
    }
    // The trail still verifies, and everything is accounted for.
    let again = block_on(unlock(b.repo.clone(), &pass()))
        .unwrap()
        .snapshot();
    assert_eq!(again.chain, None);
    assert!(again.findings.is_empty(), "{:?}", again.findings);
    assert!(again.damaged.is_empty());
}

#[path = "sync_chains_tests.rs"]
mod chains;

#[test]
fn an_altered_revision_stacked_on_a_good_one_does_not_hide_it() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    round(&a, &server, "a", 2);
    let b = join(&server);
    // A's second revision goes up; before B pulls it, someone stacks an altered third on it.
    edit(&a, &id, 3, |d| d.notes = "the good one".into());
    round(&a, &server, "a", 4);
    let doc = block_on(a.doc_of("contact", &id));
    let altered = altered_child(&server, &doc, "cd", true);
    let body = serde_json::json!({"new_edits": false, "docs": [altered]});
    block_on(crate::sync::Remote::send(
        &server,
        crate::sync::Request::with_body(crate::sync::Method::Post, "/_bulk_docs", body.to_string()),
    ))
    .unwrap();
    assert_eq!(
        server.leaves(&doc).len(),
        1,
        "the altered one is the only leaf"
    );
    let r = round(&b, &server, "b", 5);
    assert_eq!(r.refused, 1, "the altered revision");
    assert_eq!(b.snapshot().contacts[&id].data.notes, "the good one");
    assert_eq!(b.snapshot().contacts[&id].rev, 2);
    let again = block_on(unlock(b.repo.clone(), &pass()))
        .unwrap()
        .snapshot();
    assert!(again.findings.is_empty(), "{:?}", again.findings);
}

#[test]
fn a_deletion_every_device_has_applied_is_purged_where_the_server_purges() {
    let server = FakeCouch::new();
    server.state.borrow_mut().purges = true;
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Zuzana", "Markerová"), t(1))).unwrap();
    block_on(a.save_contact(None, &contact("Petr", "Dvořák"), t(2))).unwrap();
    round(&a, &server, "a", 3);
    let b = join(&server);
    let c = join_device(&MemoryRepository::new(), &server, &pass(), None, "c", 4).unwrap();
    for (v, at) in [(&b, 5), (&c, 6), (&a, 7), (&b, 8), (&c, 9)] {
        round(v, &server, "", at);
    }
    let doc = block_on(a.doc_of("contact", &id));
    block_on(a.erase_contact(&id, "done", KeepOnList::No, t(10), t(10).date_naive())).unwrap();
    // While any device that held her has not applied the deletion, nobody purges it.
    assert_eq!(round(&a, &server, "", 11).purged, 0);
    assert_eq!(round(&b, &server, "", 12).purged, 0, "C has not applied it");
    assert_eq!(
        server.leaves(&doc).len(),
        1,
        "the deletion stays on the server"
    );
    assert_eq!(round(&a, &server, "", 13).purged, 0, "C has not applied it");
    // C applies it, and sees that A and B have: it purges.
    let r = round(&c, &server, "", 14);
    assert!(r.purged >= 1, "{r:?}");
    assert!(server.leaves(&doc).is_empty(), "purged, history and all");
    // Nothing comes back from any device, and a new device never sees her.
    for (v, at) in [(&a, 15), (&b, 16), (&c, 17)] {
        round(v, &server, "", at);
    }
    assert!(server.leaves(&doc).is_empty());
    let d = join_device(&MemoryRepository::new(), &server, &pass(), None, "d", 18).unwrap();
    assert_eq!(names(&d), ["Petr Dvořák"]);
    for v in [&a, &b, &c] {
        assert_eq!(names(v), ["Petr Dvořák"]);
        let again = block_on(unlock(v.repo.clone(), &pass()))
            .unwrap()
            .snapshot();
        assert!(again.findings.is_empty(), "{:?}", again.findings);
    }
}

#[test]
fn a_server_that_does_not_purge_is_asked_once() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    round(&a, &server, "a", 2);
    block_on(a.erase_contact(&id, "done", KeepOnList::No, t(3), t(3).date_naive())).unwrap();
    for at in 4..7 {
        assert_eq!(round(&a, &server, "a", at).purged, 0);
    }
    let asked = server
        .state
        .borrow()
        .requests
        .iter()
        .filter(|r| r.contains("_purge"))
        .count();
    assert_eq!(asked, 1, "PouchDB Server's 400 is remembered");
    let doc = block_on(a.doc_of("contact", &id));
    assert_eq!(server.leaves(&doc).len(), 1, "the deletion stays");
}

#[test]
fn an_answer_too_large_to_read_is_asked_for_in_halves() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    for i in 0..30 {
        block_on(a.save_contact(None, &contact("Jana", &format!("N{i}")), t(i))).unwrap();
    }
    round(&a, &server, "a", 40);
    // Room for a few documents per answer, never for thirty.
    server.state.borrow_mut().max_answer = Some(12_000);
    let b = join(&server);
    assert_eq!(names(&b).len(), 30);
    assert_eq!(names(&b), names(&a));
    assert_eq!(b.snapshot().peer_chains()[0].problem, None);
}

#[test]
fn uploads_are_cut_by_size_and_count() {
    let doc = |bytes: usize| {
        (
            Doc {
                c: Some("x".repeat(bytes)),
                ..Doc::default()
            },
            String::new(),
            (),
        )
    };
    let small: Vec<_> = (0..250).map(|_| doc(10)).collect();
    let sizes: Vec<usize> = by_size(&small).iter().map(|c| c.len()).collect();
    assert_eq!(sizes, [BATCH, BATCH, 50]);
    let big: Vec<_> = (0..5).map(|_| doc(3 << 20)).collect();
    let sizes: Vec<usize> = by_size(&big).iter().map(|c| c.len()).collect();
    assert_eq!(sizes, [2, 2, 1], "about 8 MiB each");
    let huge = vec![doc(20 << 20), doc(10)];
    assert_eq!(by_size(&huge).len(), 2, "a larger one goes alone");
    assert!(by_size::<()>(&[]).is_empty());
}

#[path = "sync_header_tests.rs"]
mod header;
