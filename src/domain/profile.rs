//! The controller's own details (the consultant who keeps the vault: správce): named in the
//! record of processing and in every access export. Must not import anything outside `domain`.

use super::field;
use super::field::Text;
use super::retention::RetentionRule;
use super::{Email, FieldError, FieldErrors, Phone};
use serde::{Deserialize, Serialize};

/// Field names, shared by the form (to pin an error to its input) and the audit trail.
pub mod fields {
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const PHONE: &str = "phone";
    pub const ADDRESS: &str = "address";
    pub const ICO: &str = "ico";
    pub const VAT_ID: &str = "vat_id";
    pub const CONTACT_RETENTION: &str = "contact_retention";
}

/// What the user typed into the profile form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub ico: String,
    pub vat_id: String,
    /// The contact record's retention rule: months (blank: the default) and what they count
    /// from (`retention::After::code`).
    pub retention_months: String,
    pub retention_after: String,
}

/// Validated controller details, as stored (sealed) in the vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControllerProfile {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub ico: Option<String>,
    pub vat_id: Option<String>,
    /// How long a contact's record is kept (the retention schedule, Art. 5(1)(e)). Absent in
    /// profiles stored before it existed, or never set: `RetentionRule::CONTACT_DEFAULT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_retention: Option<RetentionRule>,
}

fn optional(text: &str) -> Option<&str> {
    let t = text.trim();
    (!t.is_empty()).then_some(t)
}

impl ProfileDraft {
    pub fn from_profile(p: &ControllerProfile) -> Self {
        Self {
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            address: p.address.clone().unwrap_or_default(),
            ico: p.ico.clone().unwrap_or_default(),
            vat_id: p.vat_id.clone().unwrap_or_default(),
            retention_months: p
                .contact_retention
                .map(|r| r.months.to_string())
                .unwrap_or_default(),
            retention_after: p
                .contact_retention
                .map(|r| r.after.code().to_string())
                .unwrap_or_default(),
        }
    }

    /// Checks every field; on failure, every field's error (not only the first).
    pub fn validate(&self) -> Result<ControllerProfile, FieldErrors> {
        let mut errors: FieldErrors = Vec::new();
        let name = Text::required(200).read(&mut errors, fields::NAME, &self.name);
        if optional(&self.address).is_some_and(|a| a.chars().count() > 500) {
            errors.push((fields::ADDRESS, FieldError::TooLong(500)));
        }
        let email = field::optional(&mut errors, fields::EMAIL, &self.email, |t| {
            Email::parse(t).map(|e| e.as_str().to_string())
        });
        let phone = field::optional(&mut errors, fields::PHONE, &self.phone, |t| {
            Phone::parse(t, super::phone::DEFAULT_CALLING_CODE).map(|p| p.as_typed().to_string())
        });
        let ico = field::optional_ico(&mut errors, fields::ICO, &self.ico);
        let vat_id = field::optional_vat_id(&mut errors, fields::VAT_ID, &self.vat_id);
        let contact_retention = RetentionRule::parse(&self.retention_months, &self.retention_after)
            .unwrap_or_else(|e| {
                errors.push((fields::CONTACT_RETENTION, e));
                None
            });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ControllerProfile {
            name: name.to_string(),
            email,
            phone,
            address: optional(&self.address).map(str::to_string),
            ico,
            vat_id,
            contact_retention,
        })
    }
}

impl ControllerProfile {
    /// (field, value) pairs for the audit trail's field-level history.
    pub fn fields(&self) -> super::audit::FieldValues {
        vec![
            (fields::NAME, Some(self.name.clone())),
            (fields::EMAIL, self.email.clone()),
            (fields::PHONE, self.phone.clone()),
            (fields::ADDRESS, self.address.clone()),
            (fields::ICO, self.ico.clone()),
            (fields::VAT_ID, self.vat_id.clone()),
            (
                fields::CONTACT_RETENTION,
                self.contact_retention.map(RetentionRule::text),
            ),
        ]
    }

    /// The contact record's retention rule in force: the one set, or the default.
    pub fn contact_rule(&self) -> RetentionRule {
        self.contact_retention
            .unwrap_or(RetentionRule::CONTACT_DEFAULT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_draft_becomes_a_profile() {
        let draft = ProfileDraft {
            name: "  Jana Nováková  ".into(),
            email: "jana@novakova.cz".into(),
            phone: "601 234 567".into(),
            address: "".into(),
            ico: "2708 2440".into(),
            vat_id: "cz27082440".into(),
            ..ProfileDraft::default()
        };
        let p = draft.validate().unwrap();
        assert_eq!(p.name, "Jana Nováková");
        assert_eq!(p.phone.as_deref(), Some("601 234 567"));
        assert_eq!(p.address, None);
        assert_eq!(p.ico.as_deref(), Some("27082440"));
        assert_eq!(p.vat_id.as_deref(), Some("CZ27082440"));
        assert_eq!(ProfileDraft::from_profile(&p).validate().unwrap(), p);
    }

    #[test]
    fn every_bad_field_gets_its_own_error() {
        let draft = ProfileDraft {
            name: " ".into(),
            email: "jana@".into(),
            phone: "abc".into(),
            ico: "12345678".into(),
            vat_id: "XX1".into(),
            ..Default::default()
        };
        let errors = draft.validate().unwrap_err();
        let names: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            names,
            vec![
                fields::NAME,
                fields::EMAIL,
                fields::PHONE,
                fields::ICO,
                fields::VAT_ID
            ]
        );
        assert_eq!(errors[0].1, FieldError::Required);
        assert_eq!(
            errors[3].1,
            FieldError::Ico(crate::domain::IcoError::BadCheckDigit)
        );
    }
}
