//! Field-level validation errors shared by every form: what is wrong with one input.
//! Must not import anything outside `domain`. Words for the user come from the translation layer.

use super::birthday::BirthdayError;
use super::{EmailError, IcoError, MoneyError, PhoneError, VatIdError};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("this field is required")]
    Required,
    #[error("enter a web address such as firma.cz")]
    BadWebsite,
    #[error("this is too long (at most {0} characters)")]
    TooLong(usize),
    #[error(transparent)]
    Email(#[from] EmailError),
    #[error(transparent)]
    Phone(#[from] PhoneError),
    #[error(transparent)]
    Ico(#[from] IcoError),
    #[error(transparent)]
    VatId(#[from] VatIdError),
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error("enter a number of months from 1 to 600, or leave it empty")]
    Months,
    #[error("enter a date")]
    Date,
    #[error("enter a whole percent from 0 to 100")]
    Percent,
    #[error("this cannot be negative")]
    Negative,
    #[error(transparent)]
    Birthday(#[from] BirthdayError),
    #[error("there are too many of these (at most {0})")]
    TooMany(usize),
    #[error("this is not a SHA-256 digest (64 hexadecimal characters)")]
    BadDigest,
    #[error("choose one of the options")]
    Choice,
    #[error("this cannot be in the future")]
    InFuture,
    #[error("this cannot be before the breach was discovered")]
    BeforeDiscovery,
    #[error("enter a whole number, or leave it empty")]
    WholeNumber,
}

/// A form's errors: (field name, error), in the order of the form's fields.
pub type FieldErrors = Vec<(&'static str, FieldError)>;

/// Reads an optional field: blank (after trimming) is `None`; otherwise `parse` decides, and its
/// error is recorded under `field`. Every form uses this, so a blank field never fails a rule.
pub fn optional<T, E: Into<FieldError>>(
    errors: &mut FieldErrors,
    field: &'static str,
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match parse(text) {
        Ok(value) => Some(value),
        Err(e) => {
            errors.push((field, e.into()));
            None
        }
    }
}

/// The rule of a text field: at most `max` characters, and whether it may be blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub max: usize,
    pub required: bool,
}

impl Text {
    /// A text the form requires.
    pub const fn required(max: usize) -> Self {
        Text {
            max,
            required: true,
        }
    }

    /// A text that may be blank.
    pub const fn capped(max: usize) -> Self {
        Text {
            max,
            required: false,
        }
    }

    /// The text as typed, trimmed; an error is recorded under `field` (only one: blank when
    /// required, or too long).
    pub fn read<'a>(
        self,
        errors: &mut FieldErrors,
        field: &'static str,
        value: &'a str,
    ) -> &'a str {
        let value = value.trim();
        if self.required && value.is_empty() {
            errors.push((field, FieldError::Required));
        } else if value.chars().count() > self.max {
            errors.push((field, FieldError::TooLong(self.max)));
        }
        value
    }
}

/// An optional date as a date input gives it (`YYYY-MM-DD`).
pub fn optional_date(
    errors: &mut FieldErrors,
    field: &'static str,
    text: &str,
) -> Option<chrono::NaiveDate> {
    optional(errors, field, text, |t| {
        chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| FieldError::Date)
    })
}

/// An optional IČO as stored: its 8 digits.
pub fn optional_ico(errors: &mut FieldErrors, field: &'static str, text: &str) -> Option<String> {
    optional(errors, field, text, |t| {
        super::Ico::parse(t).map(|i| i.as_str().to_string())
    })
}

/// An optional DIČ / VAT number as stored: prefix and number, no spacing.
pub fn optional_vat_id(
    errors: &mut FieldErrors,
    field: &'static str,
    text: &str,
) -> Option<String> {
    optional(errors, field, text, |t| {
        super::VatId::parse(t).map(|v| v.as_str().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::IcoError;

    #[test]
    fn blank_is_none_and_errors_are_recorded_under_the_field() {
        let mut errors = FieldErrors::new();
        assert_eq!(optional_ico(&mut errors, "ico", "   "), None);
        assert!(errors.is_empty());
        assert_eq!(
            optional_ico(&mut errors, "ico", " 2708 2440 ").as_deref(),
            Some("27082440")
        );
        assert_eq!(optional_ico(&mut errors, "ico", "27082441"), None);
        assert_eq!(
            errors,
            vec![("ico", FieldError::Ico(IcoError::BadCheckDigit))]
        );
    }
}
