//! The legitimate-interest assessment (LIA) of a purpose on Art. 6(1)(f): the interest, why the
//! processing is necessary, the balancing against the person's rights, the safeguards, and when
//! to review it. Must not import anything outside `domain`.

use super::field::Text;
use super::{FieldError, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const INTEREST: &str = "lia_interest";
    pub const NECESSITY: &str = "lia_necessity";
    pub const BALANCING: &str = "lia_balancing";
    pub const SAFEGUARDS: &str = "lia_safeguards";
    pub const REVIEW: &str = "lia_review";
}

/// At most this many characters in each of the assessment's texts.
pub const MAX_TEXT: usize = 4_000;

/// A purpose's legitimate-interest assessment (the three-part test, its safeguards, its review).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    #[serde(default)]
    pub interest: String,
    #[serde(default)]
    pub necessity: String,
    #[serde(default)]
    pub balancing: String,
    #[serde(default)]
    pub safeguards: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_on: Option<NaiveDate>,
}

/// Where an assessment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiaState {
    /// None, or one of the interest, the necessity and the balancing is blank.
    Missing,
    /// Complete, its review date passed (or today).
    ReviewDue(NaiveDate),
    Complete,
}

impl Assessment {
    /// Whether the three parts of the test are all written.
    pub fn is_complete(&self) -> bool {
        [&self.interest, &self.necessity, &self.balancing]
            .iter()
            .all(|t| !t.trim().is_empty())
    }

    pub fn is_empty(&self) -> bool {
        [
            &self.interest,
            &self.necessity,
            &self.balancing,
            &self.safeguards,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
            && self.review_on.is_none()
    }

    /// Its state on `today` (an assessment that may be absent).
    pub fn state(lia: Option<&Assessment>, today: NaiveDate) -> LiaState {
        match lia {
            Some(a) if a.is_complete() => match a.review_on {
                Some(d) if d <= today => LiaState::ReviewDue(d),
                _ => LiaState::Complete,
            },
            _ => LiaState::Missing,
        }
    }

    /// Its fields, as the audit trail compares them.
    pub fn fields(lia: Option<&Assessment>) -> super::audit::FieldValues {
        let text = |s: Option<&String>| s.filter(|s| !s.is_empty()).cloned();
        vec![
            (fields::INTEREST, text(lia.map(|a| &a.interest))),
            (fields::NECESSITY, text(lia.map(|a| &a.necessity))),
            (fields::BALANCING, text(lia.map(|a| &a.balancing))),
            (fields::SAFEGUARDS, text(lia.map(|a| &a.safeguards))),
            (
                fields::REVIEW,
                lia.and_then(|a| a.review_on).map(|d| d.to_string()),
            ),
        ]
    }
}

/// The assessment as typed in the purpose form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssessmentDraft {
    pub interest: String,
    pub necessity: String,
    pub balancing: String,
    pub safeguards: String,
    /// `YYYY-MM-DD` or blank.
    pub review_on: String,
}

impl AssessmentDraft {
    pub fn from_assessment(a: Option<&Assessment>) -> Self {
        let a = a.cloned().unwrap_or_default();
        Self {
            interest: a.interest,
            necessity: a.necessity,
            balancing: a.balancing,
            safeguards: a.safeguards,
            review_on: a.review_on.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// The assessment (None when nothing was written); each text capped, the date a date.
    /// Parts left blank are allowed: the purpose then shows "assessment missing".
    pub fn validate(&self, errors: &mut FieldErrors) -> Option<Assessment> {
        let mut text = |field: &'static str, value: &str| {
            Text::capped(MAX_TEXT)
                .read(errors, field, value)
                .to_string()
        };
        let interest = text(fields::INTEREST, &self.interest);
        let necessity = text(fields::NECESSITY, &self.necessity);
        let balancing = text(fields::BALANCING, &self.balancing);
        let safeguards = text(fields::SAFEGUARDS, &self.safeguards);
        let review_on = match self.review_on.trim() {
            "" => None,
            d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push((fields::REVIEW, FieldError::Date));
                    None
                }
            },
        };
        let a = Assessment {
            interest,
            necessity,
            balancing,
            safeguards,
            review_on,
        };
        (!a.is_empty()).then_some(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    fn draft() -> AssessmentDraft {
        AssessmentDraft {
            interest: "Telling clients about changes in tax law".into(),
            necessity: "E-mail is the only channel clients read".into(),
            balancing: "Clients expect it; one click unsubscribes".into(),
            safeguards: "Unsubscribe link in every message".into(),
            review_on: "2027-01-31".into(),
        }
    }

    #[test]
    fn an_assessment_is_missing_until_its_three_parts_are_written_and_due_on_its_review_day() {
        let mut errors = FieldErrors::new();
        let a = draft().validate(&mut errors).unwrap();
        assert!(errors.is_empty());
        assert_eq!(a.review_on, Some(day(2027, 1, 31)));
        assert_eq!(
            Assessment::state(Some(&a), day(2027, 1, 30)),
            LiaState::Complete
        );
        assert_eq!(
            Assessment::state(Some(&a), day(2027, 1, 31)),
            LiaState::ReviewDue(day(2027, 1, 31))
        );
        assert_eq!(Assessment::state(None, day(2027, 1, 1)), LiaState::Missing);
        let mut partial = a.clone();
        partial.balancing = " ".into();
        assert_eq!(
            Assessment::state(Some(&partial), day(2026, 1, 1)),
            LiaState::Missing
        );
        // Nothing written: no assessment at all.
        assert_eq!(AssessmentDraft::default().validate(&mut errors), None);
        assert!(errors.is_empty());
        // An edit shows what was stored.
        let again = AssessmentDraft::from_assessment(Some(&a)).validate(&mut errors);
        assert_eq!(again, Some(a));
    }

    #[test]
    fn a_bad_review_date_and_an_overlong_text_are_refused() {
        let mut d = draft();
        d.review_on = "next spring".into();
        d.interest = "x".repeat(MAX_TEXT + 1);
        let mut errors = FieldErrors::new();
        d.validate(&mut errors);
        assert_eq!(
            errors,
            vec![
                (fields::INTEREST, FieldError::TooLong(MAX_TEXT)),
                (fields::REVIEW, FieldError::Date)
            ]
        );
    }
}
