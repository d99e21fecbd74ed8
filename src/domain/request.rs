//! The register of data subject requests (GDPR Art. 15–21): what was asked, by whom, when it
//! arrived and when it is due (one month, Art. 12(3); once extendable by two further months with
//! a recorded reason), the steps taken, and how it ended. Must not import anything outside
//! `domain`.

use super::{FieldError, FieldErrors};
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const KIND: &str = "kind";
    pub const CONTACT: &str = "contact";
    pub const SUBJECT: &str = "subject";
    pub const RECEIVED: &str = "received";
    pub const EXTENDED_TO: &str = "extended_to";
    pub const EXTENSION_REASON: &str = "extension_reason";
    pub const STATUS: &str = "status";
    pub const STEPS: &str = "steps";
    pub const OUTCOME: &str = "outcome";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Access,
    Rectification,
    Erasure,
    Portability,
    Restriction,
    Objection,
}

impl RequestKind {
    pub const ALL: [RequestKind; 6] = [
        Self::Access,
        Self::Rectification,
        Self::Erasure,
        Self::Portability,
        Self::Restriction,
        Self::Objection,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Access => "access",
            Self::Rectification => "rectification",
            Self::Erasure => "erasure",
            Self::Portability => "portability",
            Self::Restriction => "restriction",
            Self::Objection => "objection",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The number of the GDPR article of the right (the interface words the citation).
    pub fn article(self) -> u8 {
        match self {
            Self::Access => 15,
            Self::Rectification => 16,
            Self::Erasure => 17,
            Self::Restriction => 18,
            Self::Portability => 20,
            Self::Objection => 21,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Open,
    /// Answered: done as asked.
    Done,
    /// Answered: refused, with the reason in the outcome.
    Refused,
}

/// One thing done about a request, with when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectRequest {
    pub kind: RequestKind,
    /// The contact it concerns, when they are in Folio.
    pub contact_id: Option<String>,
    /// Who asked, as they named themselves.
    pub subject: String,
    pub received: NaiveDate,
    pub extended_to: Option<NaiveDate>,
    pub extension_reason: String,
    pub status: RequestStatus,
    pub steps: Vec<Step>,
    pub outcome: String,
    pub closed: Option<NaiveDate>,
}

/// Why a change to a request is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("the request is closed")]
    Closed,
    #[error("the deadline was extended already")]
    ExtendedAlready,
    #[error("an extension, a refusal and a step each need a reason or a note")]
    ReasonRequired,
    /// Art. 12(3): the controller extends within the first month, not after it has passed.
    #[error("the deadline has passed: it can only be extended before it is due")]
    TooLate,
}

/// Where a request stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    /// Due within `DUE_SOON_DAYS`.
    DueSoon,
    Later,
    Closed,
}

/// Days before the deadline from which a request counts as due soon.
pub const DUE_SOON_DAYS: i64 = 7;

impl SubjectRequest {
    /// A request just received: open, not extended, with no step and no outcome yet.
    pub fn new_open(
        kind: RequestKind,
        contact_id: Option<String>,
        subject: String,
        received: NaiveDate,
    ) -> Self {
        SubjectRequest {
            kind,
            contact_id,
            subject,
            received,
            extended_to: None,
            extension_reason: String::new(),
            status: RequestStatus::Open,
            steps: Vec::new(),
            outcome: String::new(),
            closed: None,
        }
    }

    /// One month after receipt (Art. 12(3)); the end of a shorter month when the day is missing.
    pub fn first_deadline(&self) -> NaiveDate {
        self.received
            .checked_add_months(Months::new(1))
            .unwrap_or(self.received)
    }

    /// The deadline in force: the extended one, if extended.
    pub fn due(&self) -> NaiveDate {
        self.extended_to.unwrap_or_else(|| self.first_deadline())
    }

    pub fn urgency(&self, today: NaiveDate) -> Urgency {
        if self.status != RequestStatus::Open {
            return Urgency::Closed;
        }
        let left = (self.due() - today).num_days();
        if left < 0 {
            Urgency::Overdue
        } else if left <= DUE_SOON_DAYS {
            Urgency::DueSoon
        } else {
            Urgency::Later
        }
    }

    /// Extends the deadline by two further months (once), with the reason recorded.
    /// Extends the deadline by two months (Art. 12(3)), once, with a reason, and only before
    /// it is due (`today` at the latest on the due day).
    pub fn extend(&mut self, reason: &str, today: NaiveDate) -> Result<(), RequestError> {
        if self.status != RequestStatus::Open {
            return Err(RequestError::Closed);
        }
        if self.extended_to.is_some() {
            return Err(RequestError::ExtendedAlready);
        }
        if today > self.due() {
            return Err(RequestError::TooLate);
        }
        if reason.trim().is_empty() {
            return Err(RequestError::ReasonRequired);
        }
        self.extended_to = self.first_deadline().checked_add_months(Months::new(2));
        self.extension_reason = reason.trim().to_string();
        Ok(())
    }

    /// Records a step taken.
    pub fn add_step(&mut self, note: &str, at: DateTime<Utc>) -> Result<(), RequestError> {
        if self.status != RequestStatus::Open {
            return Err(RequestError::Closed);
        }
        if note.trim().is_empty() {
            return Err(RequestError::ReasonRequired);
        }
        self.steps.push(Step {
            at,
            note: note.trim().to_string(),
        });
        Ok(())
    }

    /// Closes the request as done or refused (a refusal needs its reason) on `today`.
    pub fn close(
        &mut self,
        status: RequestStatus,
        outcome: &str,
        today: NaiveDate,
    ) -> Result<(), RequestError> {
        if self.status != RequestStatus::Open || status == RequestStatus::Open {
            return Err(RequestError::Closed);
        }
        if status == RequestStatus::Refused && outcome.trim().is_empty() {
            return Err(RequestError::ReasonRequired);
        }
        self.status = status;
        self.outcome = outcome.trim().to_string();
        self.closed = Some(today);
        Ok(())
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::KIND, Some(self.kind.code().to_string())),
            (fields::CONTACT, self.contact_id.clone()),
            (fields::SUBJECT, text(&self.subject)),
            (fields::RECEIVED, Some(self.received.to_string())),
            (fields::EXTENDED_TO, self.extended_to.map(|d| d.to_string())),
            (fields::EXTENSION_REASON, text(&self.extension_reason)),
            (
                fields::STATUS,
                Some(format!("{:?}", self.status).to_lowercase()),
            ),
            (fields::STEPS, Some(self.steps.len().to_string())),
            (fields::OUTCOME, text(&self.outcome)),
        ]
    }
}

/// What the user typed into the new-request form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestDraft {
    pub kind: String,
    pub contact_id: Option<String>,
    pub subject: String,
    /// `YYYY-MM-DD`.
    pub received: String,
    /// What was asked, as the first step.
    pub note: String,
}

impl RequestDraft {
    pub fn validate(&self, now: DateTime<Utc>) -> Result<SubjectRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = RequestKind::from_code(&self.kind);
        if kind.is_none() {
            errors.push((fields::KIND, FieldError::Required));
        }
        let contact_id = self.contact_id.clone().filter(|c| !c.is_empty());
        let subject = self.subject.trim();
        if subject.is_empty() && contact_id.is_none() {
            errors.push((fields::SUBJECT, FieldError::Required));
        } else if subject.chars().count() > 300 {
            errors.push((fields::SUBJECT, FieldError::TooLong(300)));
        }
        let received = NaiveDate::parse_from_str(self.received.trim(), "%Y-%m-%d").ok();
        if received.is_none() {
            errors.push((
                fields::RECEIVED,
                if self.received.trim().is_empty() {
                    FieldError::Required
                } else {
                    FieldError::Date
                },
            ));
        }
        let (Some(kind), Some(received), true) = (kind, received, errors.is_empty()) else {
            return Err(errors);
        };
        let mut request = SubjectRequest::new_open(kind, contact_id, subject.to_string(), received);
        let note = self.note.trim();
        if !note.is_empty() {
            request.steps.push(Step {
                at: now,
                note: note.to_string(),
            });
        }
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;
    use chrono::TimeZone;

    fn request(received: &str) -> SubjectRequest {
        RequestDraft {
            kind: "erasure".into(),
            subject: "Jana Dvořáková".into(),
            received: received.into(),
            note: "e-mail: please forget me".into(),
            ..RequestDraft::default()
        }
        .validate(Utc.with_ymd_and_hms(2026, 1, 31, 9, 0, 0).unwrap())
        .unwrap()
    }

    #[test]
    fn a_request_is_due_in_a_month_and_once_extendable_by_two() {
        let mut r = request("2026-01-31");
        assert_eq!(
            r.first_deadline(),
            day(2026, 2, 28),
            "the end of a shorter month"
        );
        assert_eq!(r.steps.len(), 1);
        assert_eq!(r.urgency(day(2026, 2, 10)), Urgency::Later);
        assert_eq!(r.urgency(day(2026, 2, 21)), Urgency::DueSoon);
        assert_eq!(r.urgency(day(2026, 2, 28)), Urgency::DueSoon);
        assert_eq!(r.urgency(day(2026, 3, 1)), Urgency::Overdue);
        // Once the deadline has passed it can no longer be extended (Art. 12(3)).
        let mut late = r.clone();
        assert_eq!(
            late.extend("too late now", day(2026, 3, 1)),
            Err(RequestError::TooLate)
        );
        assert_eq!(late.due(), day(2026, 2, 28), "nothing changed");
        assert_eq!(
            r.extend(" ", day(2026, 2, 28)),
            Err(RequestError::ReasonRequired)
        );
        r.extend(
            "many requests at once; the data spans ten years",
            day(2026, 2, 28),
        )
        .unwrap();
        assert_eq!(r.due(), day(2026, 4, 28));
        assert_eq!(r.urgency(day(2026, 3, 1)), Urgency::Later);
        assert_eq!(
            r.extend("again", day(2026, 3, 1)),
            Err(RequestError::ExtendedAlready)
        );
    }

    #[test]
    fn closing_records_the_outcome_and_ends_changes() {
        let mut r = request("2026-03-01");
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        r.add_step("identity checked by phone", at).unwrap();
        assert_eq!(
            r.close(RequestStatus::Refused, "", day(2026, 3, 5)),
            Err(RequestError::ReasonRequired)
        );
        r.close(
            RequestStatus::Done,
            "erased; the invoice FV-1 is kept until 2036",
            day(2026, 3, 5),
        )
        .unwrap();
        assert_eq!(r.urgency(day(2030, 1, 1)), Urgency::Closed);
        assert_eq!(r.add_step("late", at), Err(RequestError::Closed));
        assert_eq!(r.extend("late", day(2026, 3, 1)), Err(RequestError::Closed));
    }

    #[test]
    fn a_request_needs_a_kind_someone_and_a_date() {
        let errors = RequestDraft::default()
            .validate(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap())
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![fields::KIND, fields::SUBJECT, fields::RECEIVED]
        );
    }
}
