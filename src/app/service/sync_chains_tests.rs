//! Each device's audit chain on the other devices: received, merged by time, each verifying;
//! never rewritten by another device; its values erased with the person they are about.

use super::*;
use crate::app::service::sync_chains::{item_id, parse_item_id, CHAIN_KIND};
use crate::app::service::trail::seal_record;
use crate::domain::audit::AuditEvent;

/// A and B, each with changes of its own, synced both ways.
fn two_devices_with_history() -> (FakeCouch, Vault, Vault, String) {
    let server = FakeCouch::new();
    let a = device_a(&server);
    let id = block_on(a.save_contact(None, &contact("Zuzana", "Markerová"), t(1))).unwrap();
    round(&a, &server, "a", 2);
    let b = join(&server);
    edit(&b, &id, 3, |d| d.phones = "601 999 888".into());
    round(&b, &server, "b", 4);
    round(&a, &server, "a", 5);
    (server, a, b, id)
}

fn clean(v: &Vault) {
    let again = block_on(unlock(v.repo.clone(), &pass()))
        .unwrap()
        .snapshot();
    assert_eq!(again.chain, None);
    assert!(again.findings.is_empty(), "{:?}", again.findings);
    assert!(again.damaged.is_empty(), "{:?}", again.damaged);
    assert_eq!(
        again.peer_chains(),
        v.snapshot().peer_chains(),
        "stored as held"
    );
}

#[test]
fn each_devices_chain_reaches_the_other_merged_by_time_and_verifying() {
    let (_server, a, b, _id) = two_devices_with_history();
    let (sa, sb) = (a.snapshot(), b.snapshot());
    // Each holds the other's chain, whole, verifying; never its own.
    let on_a = sa.peer_chains();
    assert_eq!(on_a.len(), 1);
    assert_eq!(on_a[0].events, sb.audit.len());
    assert_eq!(on_a[0].problem, None);
    let b_device = block_on(b.sync_settings()).unwrap().unwrap().device_id;
    assert!(on_a[0].chain.starts_with(&format!("{b_device}.")));
    let on_b = sb.peer_chains();
    assert_eq!(on_b.len(), 1);
    assert!(on_b[0].chain.starts_with("a."));
    assert_eq!(on_b[0].problem, None);
    // B's edit, with its values, is in A's merged log, in order of time.
    let merged = sa.merged_audit();
    assert_eq!(merged.len(), sa.audit.len() + sb.audit.len());
    assert!(merged.windows(2).all(|w| w[0].at <= w[1].at));
    // Each event is told by its device: A's own, the rest B's.
    let from_b = merged.iter().filter(|e| sa.device_of(e).is_some()).count();
    assert_eq!(from_b, sb.audit.len());
    assert!(sa.audit.iter().all(|e| sa.device_of(e).is_none()));
    assert!(sb
        .audit
        .iter()
        .all(|e| sa.device_of(e) == Some(on_a[0].chain.as_str())));
    assert!(merged.iter().any(|e| e.changes.iter().any(|c| c
        .after
        .as_deref()
        .is_some_and(|v| v.contains("601 999 888")))));
    clean(&a);
    clean(&b);
    // More writes on A reach B as new pieces of the same chain.
    block_on(a.save_contact(None, &contact("Petr", "Dvořák"), t(6))).unwrap();
    round(&a, &_server, "a", 7);
    round(&b, &_server, "b", 8);
    let on_b = b.snapshot().peer_chains();
    assert_eq!(on_b[0].events, a.snapshot().audit.len());
    assert_eq!(on_b[0].problem, None);
    clean(&b);
}

/// Sends `record` (sealed with `by`'s key) to the server as a later revision of `doc`.
fn send_piece(server: &FakeCouch, by: &Vault, record: &OpenRecord<Vec<AuditEvent>>, doc: &str) {
    let sealed = seal_record(&by.sealer, record).unwrap();
    let json = serde_json::to_vec(&(&record.id, &record.data)).unwrap();
    let rev = crate::sync::revs::RevId {
        n: record.rev,
        hash: crate::sync::revs::digest(b"folio-chain", &json),
    };
    let history = crate::sync::revs::History::root(&rev);
    let d = sync_doc::to_doc_at(&by.sealer, &sealed, doc, &rev, &history).unwrap();
    let body = serde_json::json!({"new_edits": false, "docs": [d]});
    block_on(crate::sync::Remote::send(
        server,
        crate::sync::Request::with_body(crate::sync::Method::Post, "/_bulk_docs", body.to_string()),
    ))
    .unwrap();
}

#[test]
fn no_device_can_rewrite_another_devices_chain() {
    let (server, a, b, _id) = two_devices_with_history();
    // B (or anyone with the key) rewrites A's last piece: its time changed, its hash made to
    // match (so it is well formed on its own), sent as a later revision.
    let piece = b
        .snapshot()
        .peer_audit
        .values()
        .max_by_key(|p| p.data[0].seq)
        .cloned()
        .unwrap();
    assert!(piece.data[0].seq > 1);
    let mut forged = piece.clone();
    forged.rev += 1;
    let last = forged.data.last_mut().unwrap();
    last.at += chrono::Duration::days(1);
    last.hash = last.compute_hash();
    let doc = block_on(b.doc_of(CHAIN_KIND, &piece.id));
    send_piece(&server, &b, &forged, &doc);
    // A piece claiming to be A's own chain is never taken by A; B refuses the rewrite.
    let r = round(&b, &server, "b", 9);
    assert_eq!(r.refused, 1, "the rewritten piece");
    assert_eq!(b.snapshot().peer_audit[&piece.id], piece);
    let ra = round(&a, &server, "a", 10);
    assert_eq!(ra.refused, 1, "A's own chain is not taken back");
    assert_eq!(b.snapshot().peer_chains()[0].problem, None);
    // A piece whose events do not verify (a value changed, the hash not) is refused too.
    let (chain, first, last) = parse_item_id(&piece.id).unwrap();
    let mut broken = piece.clone();
    broken.id = item_id(chain, first, last);
    broken.rev += 2;
    broken.data[0].entity_id = "someone-else".into();
    send_piece(&server, &b, &broken, &doc);
    assert_eq!(round(&b, &server, "b", 11).refused, 1);
    clean(&a);
    clean(&b);
}

#[test]
fn an_erasure_takes_values_out_of_the_copies_of_other_devices_chains() {
    let (server, a, b, id) = two_devices_with_history();
    assert!(
        trail_holds(&a, "601 999 888"),
        "B's edit, in A's copy of B's chain"
    );
    block_on(a.erase_contact(&id, "done", KeepOnList::No, t(10), t(10).date_naive())).unwrap();
    // At once on A, before B has heard of it.
    assert!(!trail_holds(&a, "601 999 888"));
    assert!(!trail_holds(&a, "Markerová"));
    clean(&a);
    assert_eq!(a.snapshot().peer_chains()[0].problem, None);
    // B hears of it, erases her from its own chain and sends the erased pieces; A takes them.
    round(&a, &server, "a", 11);
    round(&b, &server, "b", 12);
    let ra = round(&a, &server, "a", 13);
    assert_eq!(ra.refused, 0);
    for v in [&a, &b] {
        for text in ["601 999 888", "Markerová", "Zuzana"] {
            assert!(!trail_holds(v, text), "{text}");
        }
        assert!(v
            .snapshot()
            .peer_chains()
            .iter()
            .all(|c| c.problem.is_none()));
        clean(v);
    }
    // A holds B's erased revisions now, not only its own scrubbed copies.
    let b_pieces = b.snapshot();
    for piece in a.snapshot().peer_audit.values() {
        let (_, first, _) = parse_item_id(&piece.id).unwrap();
        let theirs = b_pieces.audit.iter().find(|e| e.seq == first).unwrap();
        assert_eq!(piece.data[0].hash, theirs.hash);
    }
}
