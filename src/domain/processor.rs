//! The register of processors (GDPR Art. 28, and Art. 30(1)(d)–(e)): who processes personal
//! data for the controller (an e-mail provider, accounting software, backup storage), the data
//! processing agreement, where they are and whether data leaves the EU/EEA (with the safeguard,
//! Art. 44–46), and the purposes that use them. Must not import anything outside `domain`.

use super::field::Text;
use super::{FieldError, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const NAME: &str = "name";
    pub const SERVICE: &str = "service";
    pub const DPA_SIGNED: &str = "dpa_signed_on";
    pub const LOCATION: &str = "location";
    pub const TRANSFERS: &str = "transfers_outside_eu";
    pub const SAFEGUARD: &str = "safeguard";
    pub const PURPOSES: &str = "purposes";
}

pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 1_000;
pub const MAX_PURPOSES: usize = 100;

/// One processor of the register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Processor {
    pub name: String,
    /// What they do for the controller ("e-mail delivery", "bookkeeping").
    pub service: String,
    /// When the data processing agreement (Art. 28(3)) was signed; None: none recorded.
    pub dpa_signed_on: Option<NaiveDate>,
    /// Where they process the data (a country).
    pub location: String,
    /// Whether personal data leaves the EU/EEA.
    pub transfers_outside_eu: bool,
    /// The transfer's safeguard (SCCs, an adequacy decision…): required when it does.
    pub safeguard: String,
    /// The purposes (ids) that use this processor.
    pub purpose_ids: Vec<String>,
}

impl Processor {
    /// No agreement recorded: a warning on the register and the record of processing.
    pub fn lacks_agreement(&self) -> bool {
        self.dpa_signed_on.is_none()
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::NAME, text(&self.name)),
            (fields::SERVICE, text(&self.service)),
            (
                fields::DPA_SIGNED,
                self.dpa_signed_on.map(|d| d.to_string()),
            ),
            (fields::LOCATION, text(&self.location)),
            (
                fields::TRANSFERS,
                Some(self.transfers_outside_eu.to_string()),
            ),
            (fields::SAFEGUARD, text(&self.safeguard)),
            (
                fields::PURPOSES,
                (!self.purpose_ids.is_empty()).then(|| self.purpose_ids.join(", ")),
            ),
        ]
    }
}

/// The processor form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProcessorDraft {
    pub name: String,
    pub service: String,
    /// `YYYY-MM-DD` or blank.
    pub dpa_signed_on: String,
    pub location: String,
    pub transfers_outside_eu: bool,
    pub safeguard: String,
    pub purpose_ids: Vec<String>,
}

impl ProcessorDraft {
    pub fn from_processor(p: &Processor) -> Self {
        Self {
            name: p.name.clone(),
            service: p.service.clone(),
            dpa_signed_on: p.dpa_signed_on.map(|d| d.to_string()).unwrap_or_default(),
            location: p.location.clone(),
            transfers_outside_eu: p.transfers_outside_eu,
            safeguard: p.safeguard.clone(),
            purpose_ids: p.purpose_ids.clone(),
        }
    }

    /// The name, the service and the location are required; a transfer outside the EU/EEA
    /// needs its safeguard; the agreement's date, when given, is a date.
    pub fn validate(&self) -> Result<Processor, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = Text::required(MAX_NAME).read(&mut errors, fields::NAME, &self.name);
        let service = Text::required(MAX_TEXT).read(&mut errors, fields::SERVICE, &self.service);
        let location = Text::required(MAX_NAME).read(&mut errors, fields::LOCATION, &self.location);
        let safeguard = Text {
            max: MAX_TEXT,
            required: self.transfers_outside_eu,
        }
        .read(&mut errors, fields::SAFEGUARD, &self.safeguard);
        let dpa_signed_on = match self.dpa_signed_on.trim() {
            "" => None,
            d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push((fields::DPA_SIGNED, FieldError::Date));
                    None
                }
            },
        };
        let mut purpose_ids: Vec<String> = Vec::new();
        for p in self.purpose_ids.iter().map(|p| p.trim()) {
            if !p.is_empty() && !purpose_ids.iter().any(|q| q == p) {
                purpose_ids.push(p.to_string());
            }
        }
        if purpose_ids.len() > MAX_PURPOSES {
            errors.push((fields::PURPOSES, FieldError::TooMany(MAX_PURPOSES)));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Processor {
            name: name.to_string(),
            service: service.to_string(),
            dpa_signed_on,
            location: location.to_string(),
            transfers_outside_eu: self.transfers_outside_eu,
            // A safeguard says nothing without a transfer.
            safeguard: if self.transfers_outside_eu {
                safeguard.to_string()
            } else {
                String::new()
            },
            purpose_ids,
        })
    }
}

impl super::BelongsTo for Processor {
    fn people(&self) -> Vec<String> {
        Vec::new()
    }
}

impl super::Revalidate for Processor {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        ProcessorDraft::from_processor(self).validate().map(|_| ())
    }
}

impl super::do_not_contact::Grows for Processor {}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn mailer() -> ProcessorDraft {
        ProcessorDraft {
            name: " Ecomail ".into(),
            service: "newsletter delivery".into(),
            dpa_signed_on: "2026-03-01".into(),
            location: "Czechia".into(),
            transfers_outside_eu: false,
            safeguard: "ignored without a transfer".into(),
            purpose_ids: vec!["p1".into(), "p1".into(), " ".into()],
        }
    }

    #[test]
    fn a_processor_needs_a_name_a_service_and_a_location() {
        let p = mailer().validate().unwrap();
        assert_eq!(p.name, "Ecomail");
        assert_eq!(
            p.purpose_ids,
            vec!["p1".to_string()],
            "no repeats, no blanks"
        );
        assert_eq!(p.safeguard, "");
        assert!(!p.lacks_agreement());
        let fields: Vec<_> = ProcessorDraft::default()
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, [fields::NAME, fields::SERVICE, fields::LOCATION]);
        assert_eq!(ProcessorDraft::from_processor(&p).validate().unwrap(), p);
    }

    #[test]
    fn a_transfer_outside_the_eu_needs_its_safeguard_and_no_agreement_is_a_warning() {
        let mut d = mailer();
        d.transfers_outside_eu = true;
        d.safeguard = "  ".into();
        d.dpa_signed_on = String::new();
        assert_eq!(
            d.validate().unwrap_err(),
            vec![(fields::SAFEGUARD, FieldError::Required)]
        );
        d.safeguard = "standard contractual clauses (2021/914)".into();
        let p = d.validate().unwrap();
        assert!(p.lacks_agreement());
        assert_eq!(p.safeguard, "standard contractual clauses (2021/914)");
        d.dpa_signed_on = "yesterday".into();
        assert_eq!(
            d.validate().unwrap_err(),
            vec![(fields::DPA_SIGNED, FieldError::Date)]
        );
    }

    #[test]
    fn caps_hold() {
        let mut d = mailer();
        d.name = "n".repeat(MAX_NAME + 1);
        d.purpose_ids = (0..=MAX_PURPOSES).map(|i| i.to_string()).collect();
        assert_eq!(
            d.validate().unwrap_err(),
            vec![
                (fields::NAME, FieldError::TooLong(MAX_NAME)),
                (fields::PURPOSES, FieldError::TooMany(MAX_PURPOSES))
            ]
        );
    }
}
