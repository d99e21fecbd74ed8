//! The header travelling between devices: a new passphrase set on one device is taken over by
//! the others; a header the server made up, or an older one it plays back, is not.

use super::*;

fn opens(v: &Vault, with: &Passphrase) -> bool {
    block_on(unlock(v.repo.clone(), with)).is_ok()
}

/// Replaces the server's header document by `doc` (as someone with the server's keys could).
fn put_header(server: &FakeCouch, doc: serde_json::Value) {
    let body = serde_json::json!({"new_edits": false, "docs": [doc]});
    block_on(crate::sync::Remote::send(
        server,
        crate::sync::Request::with_body(crate::sync::Method::Post, "/_bulk_docs", body.to_string()),
    ))
    .unwrap();
}

fn server_header(server: &FakeCouch) -> serde_json::Value {
    let answer = block_on(crate::sync::Remote::send(
        server,
        crate::sync::Request::get(format!("/{HEADER_DOC}?revs=true")),
    ))
    .unwrap();
    serde_json::from_str(&answer.body).unwrap()
}

#[test]
fn a_new_passphrase_reaches_the_other_devices() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    block_on(a.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    round(&a, &server, "a", 2);
    let b = join(&server);
    let new = Passphrase::new("a brand new passphrase for both");
    block_on(a.change_passphrase(&pass(), &new, fast(), t(3))).unwrap();
    round(&a, &server, "a", 4);
    round(&b, &server, "b", 5);
    assert_eq!(b.header().to_json(), a.header().to_json());
    assert!(opens(&b, &new), "B opens with the new passphrase");
    assert!(!opens(&b, &pass()), "and no longer with the old one");
    let again = block_on(unlock(b.repo.clone(), &new)).unwrap().snapshot();
    assert!(again.findings.is_empty(), "{:?}", again.findings);
    // Quiet afterwards: nothing goes back and forth.
    round(&a, &server, "a", 6);
    round(&b, &server, "b", 7);
    assert!(opens(&a, &new) && opens(&b, &new));
}

#[test]
fn a_made_up_or_played_back_header_is_not_taken() {
    let server = FakeCouch::new();
    let a = device_a(&server);
    round(&a, &server, "a", 1);
    let b = join(&server);
    let second = Passphrase::new("the second passphrase of the vault");
    let third = Passphrase::new("the third passphrase of the vault");
    block_on(a.change_passphrase(&pass(), &second, fast(), t(2))).unwrap();
    round(&a, &server, "a", 3);
    let at_second = server_header(&server);
    block_on(a.change_passphrase(&second, &third, fast(), t(4))).unwrap();
    round(&a, &server, "a", 5);
    round(&b, &server, "b", 6);
    assert!(opens(&b, &third));
    // The server plays back the second header as a newer revision: B keeps the third.
    let top = server_header(&server);
    let start = top["_revisions"]["start"].as_u64().unwrap();
    let mut replay = at_second.clone();
    replay["_rev"] = serde_json::json!(format!("{}-{}", start + 1, "ee".repeat(16)));
    let mut ids = vec![serde_json::json!("ee".repeat(16))];
    ids.extend(top["_revisions"]["ids"].as_array().unwrap().iter().cloned());
    replay["_revisions"] = serde_json::json!({"start": start + 1, "ids": ids});
    put_header(&server, replay.clone());
    round(&b, &server, "b", 7);
    assert!(opens(&b, &third), "the older header is not taken");
    // A header made up by the server (B's own, with another passphrase's wrapping and a tag it
    // cannot make) is not taken either.
    let forged_header = {
        let other = block_on(create_vault(MemoryRepository::new(), &pass(), fast(), t(0))).unwrap();
        serde_json::from_str::<serde_json::Value>(&other.header().to_json()).unwrap()
    };
    let mut forged = replay;
    forged["header"] = forged_header;
    forged["n"] = serde_json::json!("99");
    forged["_rev"] = serde_json::json!(format!("{}-{}", start + 2, "ff".repeat(16)));
    let mut ids = vec![serde_json::json!("ff".repeat(16))];
    ids.extend(replay_ids(&server));
    forged["_revisions"] = serde_json::json!({"start": start + 2, "ids": ids});
    put_header(&server, forged);
    round(&b, &server, "b", 8);
    assert!(opens(&b, &third), "the made-up header is not taken");
}

fn replay_ids(server: &FakeCouch) -> Vec<serde_json::Value> {
    server_header(server)["_revisions"]["ids"]
        .as_array()
        .unwrap()
        .clone()
}
