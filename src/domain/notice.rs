//! Published versions of the privacy notice (Art. 13/14): the text exactly as given to people,
//! its language and day, identified by the SHA-256 of the text, so that a consent or a contact's
//! "informed on" can say which version the person was shown. Must not import anything outside
//! `domain`.

use super::{FieldError, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Field names, for errors and the audit trail.
pub mod fields {
    pub const LANGUAGE: &str = "language";
    pub const TEXT: &str = "text";
    pub const SHA256: &str = "sha256";
    pub const PUBLISHED_ON: &str = "published_on";
}

/// The longest notice text kept, in characters.
pub const MAX_TEXT_CHARS: usize = 60_000;

/// One published version of the privacy notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeVersion {
    /// "cs" or "en".
    pub language: String,
    pub text: String,
    /// SHA-256 of `text` (UTF-8), in lower-case hex: the version's name.
    pub sha256: String,
    pub published_on: NaiveDate,
}

/// The SHA-256 of a notice's text, in lower-case hex.
pub fn digest(text: &str) -> String {
    super::hex::encode(&Sha256::digest(text.as_bytes()))
}

impl NoticeVersion {
    /// A version of `text` in `language`, published on `day`; refused when empty or too long.
    pub fn new(language: &str, text: &str, day: NaiveDate) -> Result<Self, FieldErrors> {
        let version = NoticeVersion {
            language: language.to_string(),
            text: text.to_string(),
            sha256: digest(text),
            published_on: day,
        };
        version.check().map(|_| version)
    }

    /// The rules a stored or imported version must keep: a known language, a text within the
    /// cap, and a digest that is the text's.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !matches!(self.language.as_str(), "cs" | "en") {
            errors.push((fields::LANGUAGE, FieldError::Choice));
        }
        if self.text.trim().is_empty() {
            errors.push((fields::TEXT, FieldError::Required));
        } else if self.text.chars().count() > MAX_TEXT_CHARS {
            errors.push((fields::TEXT, FieldError::TooLong(MAX_TEXT_CHARS)));
        }
        if self.sha256 != digest(&self.text) {
            errors.push((fields::SHA256, FieldError::BadDigest));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        vec![
            (fields::LANGUAGE, Some(self.language.clone())),
            (fields::SHA256, Some(self.sha256.clone())),
            (fields::PUBLISHED_ON, Some(self.published_on.to_string())),
        ]
    }
}

impl super::Revalidate for NoticeVersion {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        self.check()
    }
}

impl super::BelongsTo for NoticeVersion {
    fn people(&self) -> Vec<String> {
        Vec::new()
    }
}

impl super::do_not_contact::Grows for NoticeVersion {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_named_by_its_text_s_digest_and_a_changed_text_is_refused() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let v = NoticeVersion::new("cs", "Správce: Jana Nováková", day).unwrap();
        assert_eq!(v.sha256, digest("Správce: Jana Nováková"));
        assert_eq!(v.sha256.len(), 64);
        assert!(v.check().is_ok());
        let mut changed = v.clone();
        changed.text.push('.');
        assert_eq!(
            changed.check(),
            Err(vec![(fields::SHA256, FieldError::BadDigest)])
        );
        assert_eq!(
            NoticeVersion::new("de", " ", day),
            Err(vec![
                (fields::LANGUAGE, FieldError::Choice),
                (fields::TEXT, FieldError::Required)
            ])
        );
        let long = "ž".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            NoticeVersion::new("en", &long, day).map(|_| ()),
            Err(vec![(fields::TEXT, FieldError::TooLong(MAX_TEXT_CHARS))])
        );
    }
}
