//! Field-level validation errors shared by every form: what is wrong with one input.
//! Must not import anything outside `domain`. Words for the user come from the translation layer.

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
}

/// A form's errors: (field name, error), in the order of the form's fields.
pub type FieldErrors = Vec<(&'static str, FieldError)>;
