//! The breach register's rules: what an entry needs, its times, and the 72-hour clock.

use super::*;
use crate::domain::do_not_contact::ErasedPeople;
use crate::domain::BelongsTo;
use chrono::TimeZone;

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap()
}

fn draft() -> BreachDraft {
    BreachDraft {
        discovered_at: Some(at(10, 9)),
        nature: "Laptop with the client list stolen from a car".into(),
        categories: "names, e-mail addresses, phone numbers".into(),
        contact_ids: vec!["c1".into(), "c2".into(), "c1".into(), String::new()],
        people_count: "1 200".into(),
        records_count: "3400".into(),
        ..BreachDraft::default()
    }
}

fn errors_of(d: &BreachDraft, now: DateTime<Utc>) -> Vec<(&'static str, FieldError)> {
    d.validate(now).unwrap_err()
}

#[test]
fn an_entry_keeps_what_was_entered_with_people_linked_once() {
    let b = draft().validate(at(10, 10)).unwrap();
    assert_eq!(b.contact_ids, vec!["c1".to_string(), "c2".to_string()]);
    assert_eq!(b.people_count, Some(1_200));
    assert_eq!(b.records_count, Some(3_400));
    assert_eq!(b.authority, Notice::Pending);
    assert_eq!(b.revalidate(), Ok(()));
    assert_eq!(b.people(), vec!["c1".to_string(), "c2".to_string()]);
}

#[test]
fn an_entry_needs_its_discovery_nature_and_categories() {
    let empty = BreachDraft::default();
    let fields: Vec<&str> = errors_of(&empty, at(10, 10))
        .iter()
        .map(|(f, _)| *f)
        .collect();
    assert_eq!(
        fields,
        vec![fields::DISCOVERED_AT, fields::NATURE, fields::CATEGORIES]
    );
}

#[test]
fn texts_and_numbers_are_capped() {
    let mut d = draft();
    d.nature = "x".repeat(MAX_TEXT + 1);
    d.categories = "ř".repeat(MAX_SHORT + 1);
    d.measures = "m".repeat(MAX_TEXT);
    d.people_count = "many".into();
    d.records_count = "-3".into();
    d.contact_ids = (0..=MAX_PEOPLE).map(|i| format!("c{i}")).collect();
    assert_eq!(
        errors_of(&d, at(10, 10)),
        vec![
            (fields::PEOPLE_COUNT, FieldError::WholeNumber),
            (fields::RECORDS_COUNT, FieldError::WholeNumber),
            (fields::NATURE, FieldError::TooLong(MAX_TEXT)),
            (fields::CATEGORIES, FieldError::TooLong(MAX_SHORT)),
            (fields::CONTACTS, FieldError::TooMany(MAX_PEOPLE)),
        ]
    );
}

#[test]
fn discovery_cannot_be_in_the_future() {
    assert_eq!(
        errors_of(&draft(), at(10, 8)),
        vec![(fields::DISCOVERED_AT, FieldError::InFuture)]
    );
    assert!(draft().validate(at(10, 9)).is_ok(), "now itself is fine");
}

#[test]
fn a_notification_needs_its_time_not_before_discovery_nor_in_the_future() {
    let mut d = draft();
    d.authority = Notice::Notified;
    d.people = Notice::Notified;
    assert_eq!(
        errors_of(&d, at(11, 9)),
        vec![
            (fields::AUTHORITY_AT, FieldError::Required),
            (fields::PEOPLE_AT, FieldError::Required),
        ]
    );
    d.authority_at = Some(at(10, 8));
    d.people_at = Some(at(12, 9));
    assert_eq!(
        errors_of(&d, at(11, 9)),
        vec![
            (fields::AUTHORITY_AT, FieldError::BeforeDiscovery),
            (fields::PEOPLE_AT, FieldError::InFuture),
        ]
    );
    d.authority_at = Some(at(11, 8));
    d.people_at = Some(at(11, 9));
    let b = d.validate(at(11, 9)).unwrap();
    assert_eq!(b.authority_at, Some(at(11, 8)));
}

#[test]
fn not_notifying_needs_a_reason_and_drops_a_time() {
    let mut d = draft();
    d.authority = Notice::NotNotified;
    d.authority_at = Some(at(10, 12));
    d.people = Notice::NotNotified;
    assert_eq!(
        errors_of(&d, at(11, 9)),
        vec![
            (fields::AUTHORITY_REASON, FieldError::Required),
            (fields::PEOPLE_REASON, FieldError::Required),
        ]
    );
    d.authority_reason = "the laptop's disk is encrypted: unlikely to result in a risk".into();
    d.people_reason = "the data is unintelligible to anyone without the key (Art. 34(3)(a))".into();
    let b = d.validate(at(11, 9)).unwrap();
    assert_eq!(b.authority_at, None, "a time dates only a notification");
}

#[test]
fn notifying_the_authority_after_72_hours_needs_the_reason_for_the_delay() {
    let mut d = draft();
    d.authority = Notice::Notified;
    d.authority_at = Some(at(13, 9));
    assert!(d.validate(at(14, 0)).is_ok(), "exactly 72 hours is in time");
    d.authority_at = Some(at(13, 10));
    assert_eq!(
        errors_of(&d, at(14, 0)),
        vec![(fields::AUTHORITY_REASON, FieldError::Required)]
    );
    d.authority_reason = "the extent was only known after the forensic report".into();
    let b = d.validate(at(14, 0)).unwrap();
    assert!(b.notified_late());
}

#[test]
fn the_deadline_is_72_hours_after_discovery_in_utc() {
    let b = draft().validate(at(10, 10)).unwrap();
    assert_eq!(b.deadline(), at(13, 9));
    assert_eq!(b.clock(at(10, 9)), Clock::Running(Duration::hours(72)));
    assert_eq!(
        b.clock(Utc.with_ymd_and_hms(2026, 3, 13, 7, 30, 0).unwrap()),
        Clock::Running(Duration::minutes(90))
    );
    assert_eq!(b.clock(at(13, 9)), Clock::Running(Duration::zero()));
    assert_eq!(b.clock(at(13, 14)), Clock::Overdue(Duration::hours(5)));
}

#[test]
fn the_clock_stops_once_the_authority_is_notified_or_a_reasoned_no_is_recorded() {
    let mut notified = draft().validate(at(10, 10)).unwrap();
    notified.authority = Notice::Notified;
    notified.authority_at = Some(at(11, 9));
    assert_eq!(notified.clock(at(20, 0)), Clock::Settled);
    let mut declined = draft().validate(at(10, 10)).unwrap();
    declined.authority = Notice::NotNotified;
    declined.authority_reason = "no risk: the file was encrypted".into();
    assert_eq!(declined.clock(at(20, 0)), Clock::Settled);
    // Telling the people alone does not stop the authority's clock.
    let mut people_only = draft().validate(at(10, 10)).unwrap();
    people_only.people = Notice::Notified;
    people_only.people_at = Some(at(10, 12));
    assert_eq!(
        people_only.clock(at(13, 10)),
        Clock::Overdue(Duration::hours(1))
    );
}

#[test]
fn an_erasure_unlinks_the_person_and_keeps_the_entry() {
    let b = draft().validate(at(10, 10)).unwrap();
    let mut erased = ErasedPeople::default();
    erased.people.insert("c1".into(), at(20, 0).date_naive());
    let kept = b
        .clone()
        .after_erasure("b1", &erased, at(20, 0).date_naive())
        .expect("the register entry stays");
    assert_eq!(kept.contact_ids, vec!["c2".to_string()]);
    assert_eq!(kept.nature, b.nature);
    // Even when everyone it linked is erased.
    erased.people.insert("c2".into(), at(20, 0).date_naive());
    let kept = b
        .after_erasure("b1", &erased, at(20, 0).date_naive())
        .unwrap();
    assert!(kept.contact_ids.is_empty());
}

#[test]
fn an_imported_entry_keeps_the_rules_but_not_the_clock_of_today() {
    let mut b = draft().validate(at(10, 10)).unwrap();
    b.discovered_at = at(28, 0);
    assert_eq!(b.revalidate(), Ok(()), "revalidation has no now");
    b.people = Notice::NotNotified;
    assert_eq!(
        b.revalidate(),
        Err(vec![(fields::PEOPLE_REASON, FieldError::Required)])
    );
}
