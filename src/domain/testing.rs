//! Days, instants and a consent draft that the domain's tests (and portability's) share, so
//! that no test module writes its own. Test-only; must not import anything outside `domain`.

use super::consent::ConsentDraft;
use super::purpose::{LawfulBasis, Purpose};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// A calendar day (tests name real ones).
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An instant in UTC, to the minute.
pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// Noon UTC of a day.
pub fn noon(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    utc(y, m, d, 12, 0)
}

/// A consent of contact c1 to purpose p1, given by ticking the box of a web form, valid for
/// `months` months (blank: until withdrawn).
pub fn consent_draft(months: &str) -> ConsentDraft {
    ConsentDraft {
        contact_id: "c1".into(),
        purpose_id: "p1".into(),
        notice: "Privacy notice v3".into(),
        method: "web_form".into(),
        validity_months: months.into(),
        answer: "given".into(),
        how: "ticked the box".into(),
        ..ConsentDraft::default()
    }
}

/// A purpose named "Newsletter" under `basis`, everything else at its default.
pub fn newsletter(basis: LawfulBasis) -> Purpose {
    Purpose {
        name: "Newsletter".into(),
        basis,
        ..Purpose::default()
    }
}
