//! Native tests of the recipients log, the processors register and the Art. 19 follow-ups.

use super::super::testing::*;
use crate::domain::disclosure::{DisclosureDraft, NotifyWording};
use crate::domain::processor::ProcessorDraft;

fn vault() -> UnlockedVault<MemoryRepository> {
    empty_vault()
}

fn shared(v: &UnlockedVault<MemoryRepository>, contact: &str, recipient: &str) -> String {
    let d = DisclosureDraft {
        contact_id: contact.into(),
        recipient: recipient.into(),
        data: "name, invoices 2025".into(),
        on: "2026-10-01".into(),
        ..DisclosureDraft::default()
    };
    block_on(v.save_disclosure(None, &d, t(2))).unwrap()
}

fn open_titles(v: &UnlockedVault<MemoryRepository>) -> Vec<(String, Option<String>)> {
    let mut list: Vec<_> = v
        .snapshot()
        .tasks
        .values()
        .filter(|t| !t.data.done)
        .map(|t| (t.data.title.clone(), t.data.contact_id.clone()))
        .collect();
    list.sort();
    list
}

fn czech() -> NotifyWording {
    NotifyWording {
        title: "Informovat {recipient} (čl. 19)".into(),
        erasure: "Informovat {recipient} (čl. 19): výmaz údajů osoby".into(),
    }
}

#[test]
fn a_rectification_notifies_each_recipient_once_and_in_the_same_write() {
    let v = vault();
    let jana = block_on(v.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    shared(&v, &jana, "Účetní Dvořák");
    shared(&v, &jana, " Účetní Dvořák ");
    shared(&v, &jana, "Mailchimp");
    let before = v.snapshot().audit.len();
    let mut edit = contact("Jana", "Nováková-Svobodová");
    edit.notes = "married".into();
    block_on(v.save_contact_notifying(Some(&jana), &edit, &czech(), t(3))).unwrap();
    assert_eq!(
        open_titles(&v),
        vec![
            ("Informovat Mailchimp (čl. 19)".into(), Some(jana.clone())),
            (
                "Informovat Účetní Dvořák (čl. 19)".into(),
                Some(jana.clone())
            ),
        ]
    );
    let s = v.snapshot();
    assert!(s.tasks.values().all(|x| x.data.due == t(3)), "due today");
    // One commit: the contact's update and both follow-ups, each audited.
    assert_eq!(s.audit.len(), before + 3);
    // Saved again without a change: nothing; with another change: no second open follow-up.
    block_on(v.save_contact_notifying(Some(&jana), &edit, &czech(), t(4))).unwrap();
    edit.notes = "married in May".into();
    block_on(v.save_contact_notifying(Some(&jana), &edit, &czech(), t(5))).unwrap();
    assert_eq!(open_titles(&v).len(), 2);
}

#[test]
fn no_recipients_no_follow_up() {
    let v = vault();
    let jana = block_on(v.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    let other = block_on(v.save_contact(None, &contact("Petr", "Malý"), t(1))).unwrap();
    shared(&v, &other, "Účetní Dvořák");
    block_on(v.save_contact(Some(&jana), &contact("Jana", "Svobodová"), t(2))).unwrap();
    block_on(v.add_limit(
        &jana,
        LimitKind::Restriction,
        None,
        "accuracy contested",
        t(3),
    ))
    .unwrap();
    block_on(v.erase_contact(&jana, "erased", KeepOnList::No, t(4), t(4).date_naive())).unwrap();
    assert!(open_titles(&v).is_empty());
}

#[test]
fn a_restriction_notifies_the_recipients_and_an_objection_does_not() {
    let v = vault();
    let jana = block_on(v.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    shared(&v, &jana, "Fakturoid");
    block_on(v.add_limit(&jana, LimitKind::Objection, None, "no marketing", t(2))).unwrap();
    assert!(open_titles(&v).is_empty(), "an objection is not Art. 19's");
    block_on(v.add_limit_notifying(
        &jana,
        LimitKind::Restriction,
        None,
        "accuracy contested",
        &czech(),
        t(3),
    ))
    .unwrap();
    assert_eq!(
        open_titles(&v),
        vec![("Informovat Fakturoid (čl. 19)".into(), Some(jana.clone()))]
    );
}

#[test]
fn an_erasure_notifies_the_recipients_without_naming_the_person_and_removes_the_log() {
    let v = vault();
    let jana = block_on(v.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    let processor = block_on(v.save_processor(
        None,
        &ProcessorDraft {
            name: "Fakturoid".into(),
            service: "invoicing".into(),
            location: "Czechia".into(),
            ..ProcessorDraft::default()
        },
        t(1),
    ))
    .unwrap();
    block_on(v.save_disclosure(
        None,
        &DisclosureDraft {
            contact_id: jana.clone(),
            processor_id: Some(processor.clone()),
            data: "Jana's invoices".into(),
            on: "2026-10-01".into(),
            ..DisclosureDraft::default()
        },
        t(2),
    ))
    .unwrap();
    shared(&v, &jana, "Účetní Dvořák");
    assert_eq!(
        v.snapshot().recipients_of(&jana),
        ["Fakturoid", "Účetní Dvořák"]
    );
    let plan = block_on(v.erase_contact(&jana, "erased", KeepOnList::No, t(3), t(3).date_naive()))
        .unwrap();
    assert_eq!(plan.disclosures.len(), 2);
    let s = v.snapshot();
    assert!(
        s.disclosures.is_empty(),
        "the log of their data goes with them"
    );
    assert_eq!(
        open_titles(&v),
        vec![
            (
                "Notify Fakturoid (Art. 19): erasure of a person's data".into(),
                None
            ),
            (
                "Notify Účetní Dvořák (Art. 19): erasure of a person's data".into(),
                None
            ),
        ]
    );
    // Nothing left names them: not the follow-ups, not their events.
    for x in s.tasks.values() {
        assert!(!x.data.title.contains("Jana") && !x.data.title.contains("invoices"));
    }
    for e in &s.audit {
        for c in &e.changes {
            for v in [&c.before, &c.after].into_iter().flatten() {
                assert!(!v.contains("Jana"), "{e:?}");
            }
        }
    }
    // The processor stays; it can go once nothing names it.
    block_on(v.delete_processor(&processor, t(4))).unwrap();
}

#[test]
fn a_processor_names_existing_purposes_and_stays_while_a_disclosure_names_it() {
    let v = vault();
    let purpose = block_on(v.save_purpose(None, &newsletter(), t(1))).unwrap();
    let mut draft = ProcessorDraft {
        name: "Ecomail".into(),
        service: "newsletter delivery".into(),
        location: "Czechia".into(),
        purpose_ids: vec!["nope".into()],
        ..ProcessorDraft::default()
    };
    assert!(matches!(
        block_on(v.save_processor(None, &draft, t(2))),
        Err(AppError::NotFound(_))
    ));
    draft.purpose_ids = vec![purpose.clone()];
    let id = block_on(v.save_processor(None, &draft, t(2))).unwrap();
    let s = v.snapshot();
    assert_eq!(s.processors_of(&purpose).len(), 1);
    let jana = block_on(v.save_contact(None, &contact("Jana", "Nováková"), t(3))).unwrap();
    block_on(v.save_disclosure(
        None,
        &DisclosureDraft {
            contact_id: jana,
            processor_id: Some(id.clone()),
            data: "e-mail".into(),
            on: "2026-10-01".into(),
            purpose_id: Some(purpose),
            ..DisclosureDraft::default()
        },
        t(4),
    ))
    .unwrap();
    assert_eq!(
        block_on(v.delete_processor(&id, t(5))),
        Err(AppError::InUse(1))
    );
}

#[test]
fn an_assessment_whose_review_day_has_come_is_due_until_the_purpose_is_retired() {
    let v = vault();
    let mut draft = newsletter();
    draft.basis = "legitimate_interest".into();
    draft.lia = crate::domain::assessment::AssessmentDraft {
        interest: "Keeping clients informed".into(),
        necessity: "No other channel".into(),
        balancing: "Clients expect it".into(),
        safeguards: String::new(),
        review_on: "2026-11-30".into(),
    };
    let id = block_on(v.save_purpose(None, &draft, t(1))).unwrap();
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    assert!(v.snapshot().assessments_due(day(29)).is_empty());
    assert_eq!(
        v.snapshot().assessments_due(day(30)),
        vec![(id.clone(), "Newsletter".to_string(), day(30))]
    );
    draft.retired = true;
    block_on(v.save_purpose(Some(&id), &draft, t(2))).unwrap();
    assert!(v.snapshot().assessments_due(day(30)).is_empty());
}

#[test]
fn processors_disclosures_and_the_assessment_travel_in_the_export_and_come_back() {
    let v = vault();
    let mut purpose = newsletter();
    purpose.basis = "legitimate_interest".into();
    purpose.lia.interest = "Keeping clients informed".into();
    let pid = block_on(v.save_purpose(None, &purpose, t(1))).unwrap();
    let processor = ProcessorDraft {
        name: "Ecomail".into(),
        service: "newsletter delivery".into(),
        location: "Czechia".into(),
        purpose_ids: vec![pid],
        ..ProcessorDraft::default()
    };
    block_on(v.save_processor(None, &processor, t(1))).unwrap();
    let jana = block_on(v.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    shared(&v, &jana, "Účetní Dvořák");
    let export = v.export(t(3), "test").unwrap();
    let json = serde_json::to_value(&export).unwrap();
    assert_eq!(json["processors"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["disclosures"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        json["purposes"][0]["data"]["lia"]["interest"],
        "Keeping clients informed"
    );
    let other = vault();
    let file = crate::portability::Checked::new(export).unwrap();
    block_on(other.import_into_empty(&file, t(4))).unwrap();
    let (a, b) = (v.snapshot(), other.snapshot());
    assert_eq!(a.processors, b.processors);
    assert_eq!(a.disclosures, b.disclosures);
    assert_eq!(a.purposes, b.purposes);
    // One person's export carries whom their data went to.
    let mine = crate::portability::subject(&v.export(t(5), "test").unwrap(), &jana).unwrap();
    assert_eq!(mine.disclosures.len(), 1);
}
