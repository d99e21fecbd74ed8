//! The records wave 2 added to the export (a contact's source and notice, published notice
//! versions, retention rules, the legitimate-interest assessment, processors, the Shared with
//! log, breaches) as Folio writes them: `tests/fixtures/folio-export-v3-wave2.json` is this
//! vault's export (rewritten by the ignored test below), which the shipped schema must accept
//! (`tests/e2e/schema.test.mjs`) and Folio must read.

use super::super::super::testing::*;
use crate::domain::breach::{BreachDraft, Notice};
use crate::domain::disclosure::DisclosureDraft;
use crate::domain::processor::ProcessorDraft;
use crate::domain::source::SourceKind;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/folio-export-v3-wave2.json"
);

fn vault_with_every_addition() -> UnlockedVault<MemoryRepository> {
    let vault = empty_vault();
    let profile = ProfileDraft {
        retention_months: "24".into(),
        retention_after: "last_activity".into(),
        ..draft("Jana Nováková")
    };
    block_on(vault.save_profile(&profile, t(1))).unwrap();
    let purpose = PurposeDraft {
        name: "Client newsletter".into(),
        basis: "legitimate_interest".into(),
        audience: "customers".into(),
        retention_months: "12".into(),
        retention_after: "deal_closed".into(),
        lia: crate::domain::assessment::AssessmentDraft {
            interest: "keeping clients informed".into(),
            necessity: "no other way".into(),
            balancing: "clients expect it".into(),
            safeguards: "one-click refusal".into(),
            review_on: "2027-06-30".into(),
        },
        ..newsletter()
    };
    let purpose = block_on(vault.save_purpose(None, &purpose, t(2))).unwrap();
    let mut person = contact("Petr", "Doporučený");
    person.source_kind = SourceKind::Referral.code().into();
    person.source_detail = "Jana".into();
    let notice = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    block_on(vault.publish_notice("cs", "Správce: Jana Nováková", notice, t(3))).unwrap();
    person.informed_on = "2026-12-01".into();
    person.informed_notice = crate::domain::notice::digest("Správce: Jana Nováková");
    let person = block_on(vault.save_contact(None, &person, t(4))).unwrap();
    let processor = ProcessorDraft {
        name: "Fakturoid".into(),
        service: "invoicing".into(),
        dpa_signed_on: "2026-01-15".into(),
        location: "Czech Republic".into(),
        purpose_ids: vec![purpose.clone()],
        ..ProcessorDraft::default()
    };
    let processor = block_on(vault.save_processor(None, &processor, t(5))).unwrap();
    let shared = DisclosureDraft {
        contact_id: person.clone(),
        recipient: "Fakturoid".into(),
        processor_id: Some(processor),
        data: "name, e-mail".into(),
        on: "2026-11-30".into(),
        purpose_id: Some(purpose),
    };
    block_on(vault.save_disclosure(None, &shared, t(6))).unwrap();
    let breach = BreachDraft {
        discovered_at: Some(t(7)),
        nature: "a laptop was lost".into(),
        categories: "names, e-mails".into(),
        contact_ids: vec![person],
        people_count: "1".into(),
        consequences: "phishing".into(),
        measures: "disk encrypted; passwords changed".into(),
        authority: Notice::NotNotified,
        authority_reason: "the disk was encrypted: unlikely to result in a risk".into(),
        ..BreachDraft::default()
    };
    block_on(vault.save_breach(None, &breach, t(8))).unwrap();
    vault
}

#[test]
fn the_wave_2_fixture_is_read_and_holds_every_addition() {
    let bytes = std::fs::read(FIXTURE).expect("the fixture exists");
    let file = crate::portability::parse(&bytes).expect("Folio reads it");
    let e = file.into_inner();
    assert!(e.contacts[0].data.source.is_some() && e.contacts[0].data.informed.is_some());
    assert!(e.purposes[0].data.lia.is_some() && e.purposes[0].data.retention_rule.is_some());
    assert!(e
        .controller
        .as_ref()
        .unwrap()
        .data
        .contact_retention
        .is_some());
    assert_eq!(
        (
            e.notices.len(),
            e.processors.len(),
            e.disclosures.len(),
            e.breaches.len()
        ),
        (1, 1, 1, 1)
    );
    // And it is what this Folio writes for the same vault, but for ids and salts.
    let written = vault_with_every_addition().export(t(9), "fixture").unwrap();
    assert_eq!(written.notices[0].data, e.notices[0].data);
    assert_eq!(written.breaches[0].data.nature, e.breaches[0].data.nature);
}

/// Rewrites the fixture: `cargo test --lib -- --ignored write_the_wave_2_fixture`.
#[test]
#[ignore]
fn write_the_wave_2_fixture() {
    let export = vault_with_every_addition().export(t(9), "fixture").unwrap();
    std::fs::write(
        FIXTURE,
        serde_json::to_string_pretty(&export).unwrap() + "\n",
    )
    .unwrap();
}
