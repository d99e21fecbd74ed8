//! Activities on a contact's timeline: calls, e-mails, meetings and notes, with when they
//! happened. Must not import anything outside `domain`.

use super::{FieldError, FieldErrors};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const KIND: &str = "kind";
    pub const AT: &str = "at";
    pub const SUBJECT: &str = "subject";
    pub const BODY: &str = "body";
    pub const DEAL: &str = "deal";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Call,
    Email,
    Meeting,
    Note,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 4] = [Self::Call, Self::Email, Self::Meeting, Self::Note];

    pub fn code(self) -> &'static str {
        match self {
            Self::Call => "call",
            Self::Email => "email",
            Self::Meeting => "meeting",
            Self::Note => "note",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub contact_id: String,
    pub kind: ActivityKind,
    pub at: DateTime<Utc>,
    pub subject: String,
    pub body: String,
    /// The deal it belongs to, if any (shown on the deal's page too).
    #[serde(default)]
    pub deal_id: Option<String>,
}

impl Activity {
    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::KIND, Some(self.kind.code().to_string())),
            (fields::AT, Some(self.at.to_rfc3339())),
            (fields::SUBJECT, text(&self.subject)),
            (fields::BODY, text(&self.body)),
            (fields::DEAL, self.deal_id.clone()),
        ]
    }
}

/// What the user typed into the activity form (the time already converted to UTC by the UI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDraft {
    pub contact_id: String,
    pub kind: ActivityKind,
    pub at: Option<DateTime<Utc>>,
    pub subject: String,
    pub body: String,
    pub deal_id: Option<String>,
}

impl ActivityDraft {
    pub fn validate(&self) -> Result<Activity, FieldErrors> {
        let mut errors: FieldErrors = Vec::new();
        if self.at.is_none() {
            errors.push((fields::AT, FieldError::Required));
        }
        let subject = self.subject.trim();
        let body = self.body.trim();
        if subject.is_empty() && body.is_empty() {
            errors.push((fields::SUBJECT, FieldError::Required));
        }
        if subject.chars().count() > 300 {
            errors.push((fields::SUBJECT, FieldError::TooLong(300)));
        }
        if body.chars().count() > 50_000 {
            errors.push((fields::BODY, FieldError::TooLong(50_000)));
        }
        match (errors.is_empty(), self.at) {
            (true, Some(at)) => Ok(Activity {
                contact_id: self.contact_id.clone(),
                kind: self.kind,
                at,
                subject: subject.to_string(),
                body: body.to_string(),
                deal_id: self.deal_id.clone().filter(|d| !d.is_empty()),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_activity_needs_a_time_and_a_subject_or_body() {
        let at = Utc.with_ymd_and_hms(2026, 3, 15, 13, 5, 0).unwrap();
        let ok = ActivityDraft {
            contact_id: "c".into(),
            kind: ActivityKind::Call,
            at: Some(at),
            subject: " Offer follow-up ".into(),
            body: "".into(),
            deal_id: None,
        };
        assert_eq!(ok.validate().unwrap().subject, "Offer follow-up");
        let empty = ActivityDraft {
            at: None,
            subject: " ".into(),
            ..ok.clone()
        };
        assert_eq!(
            empty.validate().unwrap_err(),
            vec![
                (fields::AT, FieldError::Required),
                (fields::SUBJECT, FieldError::Required)
            ]
        );
        let body_only = ActivityDraft {
            subject: "".into(),
            body: "Talked about the offer".into(),
            ..ok
        };
        assert!(body_only.validate().is_ok());
    }

    #[test]
    fn kinds_have_stable_codes() {
        for k in ActivityKind::ALL {
            assert_eq!(ActivityKind::from_code(k.code()), Some(k));
        }
        assert_eq!(ActivityKind::from_code("fax"), None);
    }
}
