//! Native tests of `app::history`: names for ids, values by type, the audit filter and pages.

use super::*;
use crate::app::OpenRecord;
use crate::domain::audit::{FieldChange, HexDigest};
use crate::domain::contact::Contact;
use crate::domain::do_not_contact::ErasedPeople;
use crate::domain::organisation::Organisation;
use crate::domain::purpose::Purpose;
use chrono::TimeZone;

const ORG: &str = "0b6f8c1e-3d2a-4c55-9e61-7a8b9c0d1e2f";
const JANA: &str = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const ERASED: &str = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";

fn record<T>(id: &str, kind: &str, data: T) -> OpenRecord<T> {
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    OpenRecord {
        id: id.into(),
        kind: kind.into(),
        rev: 1,
        created_at: at,
        updated_at: at,
        data,
    }
}

fn vault() -> VaultSnapshot {
    let mut v = VaultSnapshot::default();
    let org = Organisation {
        name: "Dvořák & syn s.r.o.".into(),
        ..Organisation::default()
    };
    v.organisations
        .insert(ORG.into(), record(ORG, "organisation", org));
    let jana = Contact {
        given_name: "Jana".into(),
        family_name: "Dvořáková".into(),
        ..Contact::default()
    };
    v.contacts
        .insert(JANA.into(), record(JANA, "contact", jana));
    let purpose = Purpose {
        name: "Newsletter".into(),
        ..Purpose::default()
    };
    v.purposes
        .insert("p1".into(), record("p1", "purpose", purpose));
    let mut erased = ErasedPeople::default();
    erased.people.insert(
        ERASED.into(),
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    );
    v.erased.insert("e".into(), record("e", "erased", erased));
    v
}

#[test]
fn an_organisation_id_reads_as_its_name() {
    let v = vault();
    let names = Names::new(&v);
    assert_eq!(
        names.value("contact", "organisation", ORG),
        Shown::Record(RecordRef {
            kind: "organisation".into(),
            named: Named::Name("Dvořák & syn s.r.o.".into())
        })
    );
    // An import's count under the kind's name is a number, not an id.
    assert_eq!(
        names.value("vault", "organisation", "3"),
        Shown::Text("3".into())
    );
    assert_eq!(
        names
            .record("organisation", "1d2e3f40-0000-4000-8000-000000000000")
            .named,
        Named::Gone
    );
}

#[test]
fn an_erased_person_is_named_by_the_erasures_reference_only() {
    let v = vault();
    let names = Names::new(&v);
    assert_eq!(
        names.record("contact", ERASED).named,
        Named::Erased("9f8e7d6c".into())
    );
    assert_eq!(
        names.value("deal", "contacts", &format!("{JANA}, {ERASED}")),
        Shown::Records(vec![
            RecordRef {
                kind: "contact".into(),
                named: Named::Name("Jana Dvořáková".into())
            },
            RecordRef {
                kind: "contact".into(),
                named: Named::Erased("9f8e7d6c".into())
            },
        ])
    );
}

#[test]
fn stage_codes_read_as_stages_and_amounts_as_money() {
    let v = vault();
    let names = Names::new(&v);
    match names.value("deal", "stage", "negotiation") {
        Shown::Stage(s) => assert_eq!(
            (s.id.as_str(), s.name.as_str()),
            ("negotiation", "negotiation")
        ),
        other => panic!("{other:?}"),
    }
    match names.value("deal", "stage", "gone-stage") {
        Shown::Stage(s) => assert_eq!(s.name, "gone-stage"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        names.value("deal", "value", "120000.00 CZK"),
        Shown::Money(Money::from_minor(
            12_000_000,
            Currency::parse("CZK").unwrap()
        ))
    );
    assert_eq!(
        names.value("deal", "value", "12 minor of XYZ"),
        Shown::Text("12 minor of XYZ".into())
    );
}

#[test]
fn times_days_codes_and_stored_texts_are_typed() {
    let v = vault();
    let names = Names::new(&v);
    assert_eq!(
        names.value("activity", "at", "2026-12-01T13:00:00+00:00"),
        Shown::Time(Utc.with_ymd_and_hms(2026, 12, 1, 13, 0, 0).unwrap())
    );
    assert_eq!(
        names.value("deal", "expected_close", "2027-01-31"),
        Shown::Day(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap())
    );
    assert_eq!(
        names.value("contact", "birthday", "--06-15"),
        Shown::Birthday(crate::domain::birthday::parse("--06-15", NaiveDate::MAX).unwrap())
    );
    assert_eq!(
        names.value("request", "status", "open"),
        Shown::RequestStatus(crate::domain::request::RequestStatus::Open)
    );
    assert_eq!(
        names.value("limit", "kind", "objection"),
        Shown::LimitKind(crate::domain::consent::LimitKind::Objection)
    );
    assert_eq!(
        names.value("purpose", "lawful_basis", "consent"),
        Shown::Basis(LawfulBasis::Consent)
    );
    assert_eq!(
        names.value("consent", "purpose", "p1"),
        Shown::Record(RecordRef {
            kind: "purpose".into(),
            named: Named::Name("Newsletter".into())
        })
    );
    assert_eq!(
        names.value("consent", "event", "given ()"),
        Shown::ConsentEvent(EventKind::Given, Box::new(Shown::Text(String::new())))
    );
    assert_eq!(
        names.value("consent", "event", "withdrawn (folio:withdrawn_in_app)"),
        Shown::ConsentEvent(
            EventKind::Withdrawn,
            Box::new(Shown::Stored(Stored::WithdrawnInApp))
        )
    );
    // An old vault's English sentence is recognised; a person's own words stay as they are.
    assert_eq!(
        names.value(
            "consent",
            "event",
            "withdrawn (withdrawn in Folio at the person's request)"
        ),
        Shown::ConsentEvent(
            EventKind::Withdrawn,
            Box::new(Shown::Stored(Stored::WithdrawnInApp))
        )
    );
    assert_eq!(
        names.value("consent", "event", "given (ticked the box (web))"),
        Shown::ConsentEvent(
            EventKind::Given,
            Box::new(Shown::Text("ticked the box (web)".into()))
        )
    );
    assert_eq!(
        names.value("request", "outcome", "Erased (Art. 17)."),
        Shown::Text("Erased (Art. 17).".into())
    );
}

fn event(seq: u64, day: u32, action: Action, id: &str, subjects: &[&str]) -> AuditEvent {
    AuditEvent {
        seq,
        at: Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap(),
        action,
        entity_kind: "contact".into(),
        entity_id: id.into(),
        changes: vec![FieldChange::new("notes", None, Some("x".into()))],
        prev_hash: HexDigest::ZERO,
        hash: HexDigest::ZERO,
        subjects: subjects.iter().map(|&s| s.into()).collect(),
        salt: None,
    }
}

fn trail() -> Vec<AuditEvent> {
    (1..=132)
        .map(|seq| {
            let day = 1 + (seq as u32 - 1) / 10;
            match seq % 3 {
                0 => event(seq, day, Action::Update, JANA, &[]),
                1 => event(seq, day, Action::Create, "a-activity", &[JANA]),
                _ => event(seq, day, Action::Create, ORG, &[]),
            }
        })
        .collect()
}

fn day_of(at: DateTime<Utc>) -> NaiveDate {
    at.date_naive()
}

#[test]
fn the_audit_log_pages_newest_first() {
    let events = trail();
    let first = audit_page(&events, &AuditQuery::default(), PER_PAGE, day_of);
    assert_eq!(
        (first.matching, first.first, first.last, first.pages),
        (132, 1, 25, 6)
    );
    assert_eq!(first.events.first().map(|e| e.seq), Some(132));
    assert!(!first.has_newer() && first.has_older());
    let second = audit_page(
        &events,
        &AuditQuery {
            page: 1,
            ..AuditQuery::default()
        },
        PER_PAGE,
        day_of,
    );
    assert_eq!((second.first, second.last), (26, 50));
    assert_eq!(second.events.first().map(|e| e.seq), Some(107));
    let last = audit_page(
        &events,
        &AuditQuery {
            page: 99,
            ..AuditQuery::default()
        },
        PER_PAGE,
        day_of,
    );
    assert_eq!((last.page, last.first, last.last), (5, 126, 132));
    assert!(last.has_newer() && !last.has_older());
    let none = audit_page(&[], &AuditQuery::default(), PER_PAGE, day_of);
    assert_eq!(
        (none.matching, none.first, none.last, none.pages),
        (0, 0, 0, 1)
    );
}

#[test]
fn the_audit_log_filters_by_person_kind_and_days() {
    let events = trail();
    let q = |record: Option<&str>, action, from, to| AuditQuery {
        record: record.map(str::to_string),
        action,
        from,
        to,
        page: 0,
    };
    let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
    // Jana: her own record's events and those of what is hers (the activities).
    let jana = audit_page(&events, &q(Some(JANA), None, None, None), 1000, day_of);
    assert_eq!(jana.matching, 44 + 44);
    let updates = audit_page(
        &events,
        &q(Some(JANA), Some(Action::Update), None, None),
        1000,
        day_of,
    );
    assert_eq!(updates.matching, 44);
    assert!(updates.events.iter().all(|e| e.action == Action::Update));
    // Days 2 and 3: events 11 to 30, both days included.
    let days = audit_page(&events, &q(None, None, d(2), d(3)), 1000, day_of);
    assert_eq!(days.matching, 20);
    assert_eq!(days.events.first().map(|e| e.seq), Some(30));
    assert_eq!(days.events.last().map(|e| e.seq), Some(11));
    let nothing = audit_page(
        &events,
        &q(None, Some(Action::Erase), None, None),
        1000,
        day_of,
    );
    assert_eq!(nothing.matching, 0);
}

#[test]
fn the_filters_records_are_named_once_and_gone_ones_left_out() {
    let v = vault();
    let names = Names::new(&v);
    let mut events = trail();
    events.push(event(133, 30, Action::Erase, ERASED, &[]));
    let list = audit_records(&events, &names);
    let named: Vec<&Named> = list.iter().map(|(_, r)| &r.named).collect();
    assert_eq!(
        named,
        vec![
            &Named::Erased("9f8e7d6c".into()),
            &Named::Name("Jana Dvořáková".into()),
        ],
        "contacts by name; the organisation event's kind is contact in this trail, and its id names no contact"
    );
}

#[test]
fn a_breach_reads_as_its_nature_and_its_times_as_times() {
    let mut v = vault();
    let breach = crate::domain::breach::BreachDraft {
        discovered_at: Some(Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()),
        nature: "Laptop stolen".into(),
        categories: "names".into(),
        ..Default::default()
    }
    .validate(Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap())
    .unwrap();
    v.breaches
        .insert("b1".into(), record("b1", "breach", breach));
    let names = Names::new(&v);
    assert_eq!(
        names.record("breach", "b1").named,
        Named::Name("Laptop stolen".into())
    );
    assert_eq!(
        names.value("breach", "discovered_at", "2026-03-01T09:00:00+00:00"),
        Shown::Time(Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap())
    );
}
