//! Undo's native tests (and the refusals said before a deletion is offered): each undo puts the
//! state back through a new audited write, and the trail before it is left exactly as it was
//! (it only grows, and still verifies after unlock).

use super::super::testing::*;
use crate::domain::consent::State;

fn day(at: DateTime<Utc>) -> chrono::NaiveDate {
    at.date_naive()
}

/// Unlocks the vault anew and checks that it is whole: the chain verifies, nothing is found
/// missing or added, and the trail starts with `before` unchanged.
fn reopened(repo: &MemoryRepository, before: &[AuditEvent]) -> VaultSnapshot {
    let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
    assert_eq!(s.chain, None);
    assert!(s.findings.is_empty(), "{:?}", s.findings);
    assert!(s.audit.len() > before.len());
    assert_eq!(
        &s.audit[..before.len()],
        before,
        "the history was not rewritten"
    );
    s
}

fn newsletter_consent(
    vault: &UnlockedVault<MemoryRepository>,
    contact_id: &str,
    validity: &str,
) -> String {
    let purpose = newsletter();
    let purpose_id = block_on(vault.save_purpose(None, &purpose, t(2))).unwrap();
    let draft = ConsentDraft {
        contact_id: contact_id.into(),
        purpose_id,
        notice: "Privacy notice 2026".into(),
        method: "email".into(),
        answer: "given".into(),
        how: "replied yes".into(),
        validity_months: validity.into(),
        ..ConsentDraft::default()
    };
    block_on(vault.create_consent(&draft, t(3))).unwrap()
}

#[test]
fn undoing_a_withdrawal_gives_the_consent_back_through_a_new_event() {
    let (repo, vault, jana) = vault_with_jana();
    let consent = newsletter_consent(&vault, &jana, "24");
    let state = |s: &VaultSnapshot| s.consents[&consent].data.state(day(t(100)), day);
    let before = state(&vault.snapshot());
    assert!(matches!(before, State::Given { until: Some(_) }));
    block_on(vault.append_consent_event(&consent, EventKind::Withdrawn, "mis-click", t(10), day))
        .unwrap();
    assert!(matches!(state(&vault.snapshot()), State::Withdrawn { .. }));
    let trail = vault.snapshot().audit;

    block_on(vault.undo_withdrawal(&consent, t(11), day)).unwrap();

    let s = reopened(&repo, &trail);
    // The state is the one before the withdrawal (the same validity), not a new consent.
    assert_eq!(state(&s), before);
    let c = &s.consents[&consent];
    assert_eq!(c.rev, 3);
    let kinds: Vec<_> = c.data.events().iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [EventKind::Given, EventKind::Withdrawn, EventKind::Given]
    );
    assert_eq!(c.data.undone_withdrawal(), Some(t(10)));
    // The history of the consent shows the withdrawal and, after it, the undo.
    let history = s.history_of(&consent);
    let event_values: Vec<String> = history
        .iter()
        .filter_map(|e| e.changes.iter().find(|c| c.field == "event"))
        .filter_map(|c| c.after.as_deref().map(str::to_string))
        .collect();
    assert_eq!(event_values.len(), 3);
    assert!(event_values[1].starts_with("withdrawn"));
    // "given (folio:withdrawal_undone_in_app <the withdrawal's time>)": which one was undone.
    assert!(event_values[2].starts_with("given (folio:withdrawal_undone_in_app"));
    assert!(event_values[2].contains(&t(10).to_rfc3339()));
    // It is about the person, so it shows on the contact's history too.
    assert!(history.last().unwrap().subjects.contains(&(&jana).into()));
    // Undo once more: nothing to undo, nothing written.
    let vault = block_on(unlock(repo.clone(), &pass())).unwrap();
    let len = vault.snapshot().audit.len();
    assert!(matches!(
        block_on(vault.undo_withdrawal(&consent, t(12), day)),
        Err(AppError::Consent(_))
    ));
    assert_eq!(vault.snapshot().audit.len(), len);
}

#[test]
fn undoing_a_stage_move_moves_the_deal_back_with_a_new_move() {
    let (repo, vault) = new_vault();
    let draft = DealDraft {
        probability: "40".into(),
        ..deal("Tax audit", "proposal")
    };
    let deal = block_on(vault.save_deal(None, &draft, ',', t(1))).unwrap();
    // Won sets the probability to 100; Undo puts back the 40 along with the stage.
    let moved = block_on(vault.move_deal(&deal, "won", t(2))).unwrap();
    assert_eq!(
        (moved.from.as_str(), moved.to.as_str()),
        ("proposal", "won")
    );
    assert_eq!(vault.snapshot().deals[&deal].data.probability, 100);
    let trail = vault.snapshot().audit;

    block_on(vault.undo_deal_move(&moved, t(3))).unwrap();

    let s = reopened(&repo, &trail);
    let d = &s.deals[&deal].data;
    assert_eq!(d.stage_id(), "proposal");
    assert_eq!(d.probability, 40);
    let stages: Vec<&str> = d.history().iter().map(|c| c.stage_id.as_str()).collect();
    assert_eq!(
        stages,
        ["proposal", "won", "proposal"],
        "the move stays in the history"
    );
    assert_eq!(s.history_of(&deal).last().unwrap().action, Action::Update);
    // A deal moved on since cannot be moved back by that Undo.
    let vault = block_on(unlock(repo, &pass())).unwrap();
    let again = block_on(vault.move_deal(&deal, "lead", t(4))).unwrap();
    block_on(vault.move_deal(&deal, "qualified", t(5))).unwrap();
    assert_eq!(
        block_on(vault.undo_deal_move(&again, t(6))),
        Err(AppError::UndoTooLate)
    );
    assert_eq!(vault.snapshot().deals[&deal].data.stage_id(), "qualified");
}

/// Record `id` of `after` holds the data it held in `before`, as the next revision.
fn back_as_next_revision<T: PartialEq + std::fmt::Debug>(
    before: &Records<T>,
    after: &Records<T>,
    id: &str,
) {
    assert_eq!(after[id].data, before[id].data);
    assert_eq!(after[id].rev, before[id].rev + 1, "{id}");
}

#[test]
fn undoing_a_deletion_writes_the_record_back_audited_as_restored() {
    let (repo, vault, jana) = vault_with_jana();
    let activity = ActivityDraft {
        body: "Asked for a quote".into(),
        ..call(&jana, t(2), "Offer")
    };
    let activity_id = block_on(vault.save_activity(None, &activity, t(2))).unwrap();
    let task = follow_up("Call back", &jana);
    let task_id = block_on(vault.save_task(None, &task, utc_of, t(3))).unwrap();
    let document = DocumentDraft {
        contact_ids: vec![jana.clone()],
        ..document("offer", "N-1", "2026-03-15")
    };
    let document_id = block_on(vault.save_document(None, &document, ',', t(4))).unwrap();
    let before = vault.snapshot();

    let a = block_on(vault.delete_activity(&activity_id, t(5))).unwrap();
    let k = block_on(vault.delete_task(&task_id, t(5))).unwrap();
    let d = block_on(vault.delete_document(&document_id, t(5))).unwrap();
    let s = vault.snapshot();
    assert!(s.activities.is_empty() && s.tasks.is_empty() && s.documents.is_empty());
    let trail = s.audit;

    block_on(vault.restore_activity(a.clone(), t(6))).unwrap();
    block_on(vault.restore_task(k, t(6))).unwrap();
    block_on(vault.restore_document(d, t(6))).unwrap();

    let s = reopened(&repo, &trail);
    // The same data under the same id, as the next revision.
    back_as_next_revision(&before.activities, &s.activities, &activity_id);
    back_as_next_revision(&before.tasks, &s.tasks, &task_id);
    back_as_next_revision(&before.documents, &s.documents, &document_id);
    // Each one's history: created, deleted, restored; and it shows on the person's history.
    for id in [&activity_id, &task_id, &document_id] {
        let actions: Vec<Action> = s.history_of(id).iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            [Action::Create, Action::Delete, Action::Restore],
            "{id}"
        );
        assert!(s
            .history_of(id)
            .last()
            .unwrap()
            .subjects
            .contains(&(&jana).into()));
    }
    // Restoring twice is refused: the record is there again.
    let vault = block_on(unlock(repo, &pass())).unwrap();
    assert_eq!(
        block_on(vault.restore_activity(a, t(7))),
        Err(AppError::UndoTooLate)
    );
}

#[test]
fn a_deletion_is_not_undone_onto_a_person_who_is_gone() {
    let (_, vault, jana) = vault_with_jana();
    let activity = note(&jana, t(2), "Met at the fair");
    let id = block_on(vault.save_activity(None, &activity, t(2))).unwrap();
    let removed = block_on(vault.delete_activity(&id, t(3))).unwrap();
    block_on(vault.delete_contact(&jana, KeepOnList::No, t(4), t(4).date_naive())).unwrap();
    assert_eq!(
        block_on(vault.restore_activity(removed, t(5))),
        Err(AppError::NotFound(jana))
    );
    assert!(vault.snapshot().activities.is_empty());
}

#[test]
fn an_undone_withdrawal_travels_in_an_export_and_comes_back_the_same() {
    let (_, vault, jana) = vault_with_jana();
    let consent = newsletter_consent(&vault, &jana, "12");
    block_on(vault.append_consent_event(&consent, EventKind::Withdrawn, "oops", t(10), day))
        .unwrap();
    block_on(vault.undo_withdrawal(&consent, t(11), day)).unwrap();
    let export = vault.export(t(12), "test").unwrap();
    let text = serde_json::to_string(&export).unwrap();
    assert!(text.contains("\"undoes\""));
    let parsed = crate::portability::parse(text.as_bytes()).unwrap();
    let restored = block_on(create_vault(
        MemoryRepository::new(),
        &pass(),
        fast(),
        t(13),
    ))
    .unwrap();
    block_on(restored.import_into_empty(&parsed, t(14))).unwrap();
    let (a, b) = (vault.snapshot(), restored.snapshot());
    assert_eq!(a.consents[&consent].data, b.consents[&consent].data);
    assert_eq!(
        b.consents[&consent].data.state(day(t(20)), day),
        a.consents[&consent].data.state(day(t(20)), day)
    );
}

#[test]
fn a_deal_or_organisation_says_why_it_cannot_be_deleted_before_anything_is_tried() {
    let vault = empty_vault();
    let firm = block_on(vault.save_organisation(None, &firm("Firma s.r.o."), t(1))).unwrap();
    let draft = DealDraft {
        organisation_id: Some(firm.clone()),
        ..deal("Tax audit", "lead")
    };
    let deal = block_on(vault.save_deal(None, &draft, ',', t(2))).unwrap();
    assert_eq!(vault.snapshot().deal_deletion_refused(&deal), None);
    assert_eq!(vault.snapshot().organisation_deletion_refused(&firm), None);
    let invoice = DocumentDraft {
        deal_id: Some(deal.clone()),
        ..document("invoice", "FV-1", "2026-03-15")
    };
    block_on(vault.save_document(None, &invoice, ',', t(3))).unwrap();
    // The invoice concerns the deal's organisation too: neither may go, and the write says the
    // same as the question would.
    let s = vault.snapshot();
    assert_eq!(s.deal_deletion_refused(&deal), Some(AppError::Documents(1)));
    assert_eq!(
        s.organisation_deletion_refused(&firm),
        Some(AppError::Documents(1))
    );
    assert_eq!(
        block_on(vault.delete_deal(&deal, t(4))),
        Err(AppError::Documents(1))
    );
    assert_eq!(
        block_on(vault.delete_organisation(&firm, t(4))),
        Err(AppError::Documents(1))
    );
}
