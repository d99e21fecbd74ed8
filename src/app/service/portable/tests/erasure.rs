//! Tests of imports against erasure: an erased person leaves no value behind, stays out of
//! later imports, and nothing left in the vault or its export confirms a guess of their values.

use super::*;

#[test]
fn an_erased_person_leaves_no_value_behind_and_the_chain_verifies() {
    let repo = MemoryRepository::new();
    let params = KdfParams::with_cost(1024, 1, 1).unwrap();
    let vault = block_on(create_vault(repo.clone(), &pass(), params, t(0))).unwrap();
    // Organisations, contacts, activities, consents, deals.
    populate_with(&vault, 7, [3, 12, 40, 20, 5]);
    // An invoice from 2014 was kept to the end of 2024: it no longer holds.
    let (id, email) = erasable(&vault, Some("2014-03-01"));
    let before_erasure = json(&vault, t(29));
    assert!(before_erasure.contains("Tajná poznámka 7731") && before_erasure.contains(&email));
    let plan = vault.erasure_plan(&id, today()).unwrap();
    assert!(!plan.keeps_contact());
    assert_eq!(plan.documents_deleted.len(), 1);
    let before = vault.snapshot();
    // The person was created in bulk: that event is stored inside a block of several.
    let created = before.audit.iter().find(|e| e.entity_id == id).unwrap().seq;
    let in_block = |seq: u64| {
        repo.raw_audit()
            .iter()
            .any(|i| i.seq < i.last && (i.seq..=i.last).contains(&seq))
    };
    assert!(in_block(created));
    let items = repo.raw_audit().len();
    block_on(vault.erase_contact(&id, "erased on request", KeepOnList::No, t(30), today()))
        .unwrap();
    // The block was sealed anew whole (still one item), plus the erasure's own event.
    assert!(in_block(created));
    assert_eq!(repo.raw_audit().len(), items + 1);
    let s = vault.snapshot();
    assert!(!s.contacts.contains_key(&id));
    assert!(s.activities.values().all(|a| a.data.contact_id != id));
    assert!(s.consents.values().all(|c| c.data.contact_id != id));
    assert_eq!(
        s.activities.len() + plan.activities.len(),
        before.activities.len()
    );
    let logged: Vec<_> = s
        .requests
        .values()
        .filter(|r| r.data.kind == crate::domain::request::RequestKind::Erasure)
        .collect();
    assert_eq!(logged.len(), 1);
    assert!(logged[0].data.subject.starts_with("erased:"));
    assert_eq!(logged[0].data.closed, Some(today()));
    // Nothing of the person is left, in the vault's history or in an export of it, and both
    // the trail in memory and the one read back from storage verify.
    let exported = json(&vault, t(31));
    assert!(!exported.contains("Tajná poznámka 7731"));
    assert!(!exported.contains(&email));
    assert!(parse(exported.as_bytes()).is_ok(), "the export reads back");
    let reopened = block_on(unlock(repo, &pass())).unwrap();
    block_on(reopened.load_rest(|| async { true })).unwrap();
    let again = reopened.snapshot();
    assert_eq!(again.chain, None);
    assert_eq!(again.audit, s.audit);
    assert_eq!(
        again.audit.last().unwrap().action,
        crate::domain::audit::Action::Erase
    );
    assert!(again
        .audit
        .iter()
        .any(|e| e.entity_id == id && !e.has_values()));
}

#[test]
fn an_invoice_hold_keeps_the_invoice_particulars_restricted_until_it_ends() {
    let vault = full_vault(3);
    let (id, email) = erasable(&vault, Some("2026-03-15"));
    let name = vault.snapshot().contacts[&id].data.display_name();
    assert!(
        json(&vault, t(29)).contains(&email),
        "the e-mail is there before the erasure"
    );
    let plan =
        block_on(vault.erase_contact(&id, "erased; invoice kept", KeepOnList::No, t(30), today()))
            .unwrap();
    assert_eq!(
        plan.keep_until(),
        Some(NaiveDate::from_ymd_opt(2036, 12, 31).unwrap())
    );
    let s = vault.snapshot();
    let kept = &s.contacts[&id].data;
    assert_eq!(kept.display_name(), name);
    assert!(kept.restricted && kept.emails.is_empty() && kept.notes.is_empty());
    assert_eq!(kept.erased_on, Some(today()));
    assert!(s
        .documents
        .values()
        .any(|d| d.data.contact_ids.contains(&id)));
    let exported = json(&vault, t(31));
    assert!(!exported.contains("Tajná poznámka 7731") && !exported.contains(&email));
    let export = parse(exported.as_bytes()).unwrap();
    // It restores into a new vault, restriction and all.
    let copy = new_vault();
    block_on(copy.import_into_empty(&export, t(32))).unwrap();
    assert!(copy.snapshot().contacts[&id].data.restricted);
    // Nothing new is recorded about a restricted person (Art. 18).
    let call = call(&id, t(32), "asked again");
    assert!(matches!(
        block_on(vault.save_activity(None, &call, t(32))),
        Err(AppError::Restricted)
    ));
    // Deleting the kept remainder is the same erasure: while the invoice holds, it stays.
    let again = block_on(vault.delete_contact(&id, KeepOnList::No, t(33), today())).unwrap();
    assert!(again.keeps_contact());
    assert!(vault.snapshot().contacts[&id].data.restricted);
    // After the hold the erasure is finished: the contact goes, the invoice stays.
    let later = NaiveDate::from_ymd_opt(2037, 1, 1).unwrap();
    let finished =
        block_on(vault.erase_contact(&id, "finished", KeepOnList::No, t(40), later)).unwrap();
    assert!(!finished.keeps_contact());
    assert!(!vault.snapshot().contacts.contains_key(&id));
    assert!(vault
        .snapshot()
        .documents
        .values()
        .all(|d| !d.data.contact_ids.contains(&id)));
}

#[test]
fn an_older_file_does_not_bring_an_erased_person_back() {
    let vault = full_vault(5);
    let (id, email) = erasable(&vault, None);
    let other = vault
        .snapshot()
        .contacts
        .keys()
        .find(|k| **k != id)
        .unwrap()
        .clone();
    let deal = DealDraft {
        contact_ids: vec![id.clone(), other.clone()],
        ..deal("Shared deal", "lead")
    };
    let deal = block_on(vault.save_deal(None, &deal, ',', t(22))).unwrap();
    let call = call(&id, t(22), "Hovor 5512");
    block_on(vault.save_activity(None, &call, t(22))).unwrap();
    let file_a = parse(json(&vault, t(23)).as_bytes()).unwrap();
    block_on(vault.delete_contact(&id, KeepOnList::Yes, t(30), today())).unwrap();
    assert!(matches!(
        vault.erasure_plan(&id, today()),
        Err(AppError::NotFound(_))
    ));

    // A merge of the older file: the person and what was theirs alone stay out, and are
    // counted; the shared deal stays without them.
    let report = block_on(vault.import_merge(&file_a, t(31))).unwrap();
    assert!(report.erased_skipped >= 2, "{report:?}");
    let s = vault.snapshot();
    assert!(!s.contacts.contains_key(&id));
    assert!(s.activities.values().all(|a| a.data.contact_id != id));
    assert_eq!(s.deals[&deal].data.contact_ids, vec![other.clone()]);
    let exported = json(&vault, t(32));
    assert!(!exported.contains(&email) && !exported.contains("Hovor 5512"));

    // A replace by it re-applies the erasure too.
    let summary = block_on(replace_whole(&vault, &file_a, t(33))).unwrap();
    assert!(summary.erased_skipped >= 2);
    let exported = json(&vault, t(34));
    assert!(!exported.contains(&email) && !exported.contains("Tajná poznámka 7731"));
    assert!(vault.snapshot().erased_people().contains(&id));
}

/// Every run of 64 hex digits in `text` (the digests an attacker could test guesses against).
fn digests_in(text: &str) -> std::collections::HashSet<String> {
    let mut found = std::collections::HashSet::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_hexdigit() {
            run.push(c);
        } else {
            if run.len() == 64 {
                found.insert(run.to_ascii_lowercase());
            }
            run.clear();
        }
    }
    found
}

#[test]
fn no_search_over_all_icos_confirms_an_erased_one() {
    use sha2::{Digest, Sha256};
    let vault = new_vault();
    let ico = "27074358";
    let draft = crate::domain::contact::ContactDraft {
        given_name: "Jana".into(),
        family_name: "Nováková".into(),
        ico: ico.into(),
        ..Default::default()
    };
    let id = block_on(vault.save_contact(None, &draft, t(1))).unwrap();
    block_on(vault.erase_contact(&id, "erased", KeepOnList::Yes, t(2), today())).unwrap();
    // What is left: the export, and the vault's own decrypted trail.
    let text = json(&vault, t(3)) + &serde_json::to_string(&vault.snapshot().audit).unwrap();
    assert!(!text.contains(ico));
    let digests = digests_in(&text);
    assert!(!digests.is_empty(), "the erased change left its digest");
    // The old scheme's digest of the IČO as created, for all ten million valid IČOs:
    // none is left to match. (Bytes rewritten in place: this runs in the unoptimised build.)
    let hex = |bytes: &[u8]| crate::domain::hex::encode(&Sha256::digest(bytes));
    let raw: std::collections::HashSet<[u8; 32]> = digests
        .iter()
        .filter_map(|d| {
            let bytes: Vec<u8> = (0..32)
                .map(|i| u8::from_str_radix(&d[2 * i..2 * i + 2], 16).unwrap())
                .collect();
            bytes.try_into().ok()
        })
        .collect();
    // (The IČO was only ever created: that is the form its digest took.)
    let mut created = *br#"["ico",null,"00000000"]"#;
    let mut matched = Vec::new();
    for prefix in 0..10_000_000u32 {
        let mut digits = [0u8; 8];
        let (mut n, mut sum) = (prefix, 0);
        for (i, w) in (0..7).rev().zip(2..=8) {
            digits[i] = (n % 10) as u8;
            sum += u32::from(digits[i]) * w;
            n /= 10;
        }
        digits[7] = ((11 - sum % 11) % 10) as u8;
        for (i, d) in digits.iter().enumerate() {
            created[13 + i] = b'0' + d;
        }
        let digest: [u8; 32] = Sha256::digest(created).into();
        if raw.contains(&digest) {
            matched.push(String::from_utf8_lossy(&created).into_owned());
        }
    }
    // The loop builds what the old scheme hashed: the right IČO's form is among them.
    assert_eq!(
        hex(format!(r#"["ico",null,"{ico}"]"#).as_bytes()),
        crate::domain::audit::FieldChange::new("ico", None, Some(ico.to_string())).digest()
    );
    assert_eq!(matched, Vec::<String>::new());
    // Nor does the right value with any salt left anywhere (an event's or a change's, as it
    // is, or as a change's derived from it).
    let salts: Vec<String> = serde_json::from_str::<serde_json::Value>(&json(&vault, t(3)))
        .unwrap()["audit_log"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            let mut s: Vec<String> = e["salt"].as_str().map(String::from).into_iter().collect();
            s.extend(
                e["changes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c["salt"].as_str().map(String::from)),
            );
            s
        })
        .collect();
    for salt in &salts {
        let derived = (0..32).map(|j| {
            crate::domain::hex::encode(&Sha256::digest(format!("{salt}:{j}").as_bytes())[..16])
        });
        for s in std::iter::once(salt.clone()).chain(derived) {
            for (before, after) in [(None, Some(ico)), (Some(ico), None)] {
                let bytes = serde_json::to_vec(&(&s, "ico", before, after)).unwrap();
                assert!(!digests.contains(&hex(&bytes)));
            }
        }
    }
}
