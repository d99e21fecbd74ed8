//! The "Shared with" log (GDPR Art. 19, Art. 15(1)(c)): to whom a person's data was actually
//! disclosed, which data, when and for which purpose; and who must be told of a rectification,
//! erasure or restriction of that person. Must not import anything outside `domain`.

use super::field::Text;
use super::{FieldError, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const CONTACT: &str = "contact";
    pub const RECIPIENT: &str = "recipient";
    pub const PROCESSOR: &str = "processor";
    pub const DATA: &str = "data";
    pub const ON: &str = "on";
    pub const PURPOSE: &str = "purpose";
}

pub const MAX_RECIPIENT: usize = 200;
pub const MAX_DATA: usize = 1_000;

/// One disclosure of a person's data to a recipient.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    pub contact_id: String,
    /// The recipient as typed (blank when it is a processor of the register).
    pub recipient: String,
    /// The processor of the register it went to, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor_id: Option<String>,
    /// Which data ("name, e-mail, invoices for 2025").
    pub data: String,
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_id: Option<String>,
}

impl Disclosure {
    /// The recipient's name: the processor's (by `processor_name`), else the typed one.
    pub fn recipient_name(&self, processor_name: impl Fn(&str) -> Option<String>) -> String {
        self.processor_id
            .as_deref()
            .and_then(processor_name)
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| self.recipient.clone())
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::CONTACT, Some(self.contact_id.clone())),
            (fields::RECIPIENT, text(&self.recipient)),
            (fields::PROCESSOR, self.processor_id.clone()),
            (fields::DATA, text(&self.data)),
            (fields::ON, Some(self.on.to_string())),
            (fields::PURPOSE, self.purpose_id.clone()),
        ]
    }
}

/// The "Shared with" form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DisclosureDraft {
    pub contact_id: String,
    pub recipient: String,
    pub processor_id: Option<String>,
    pub data: String,
    /// `YYYY-MM-DD`.
    pub on: String,
    pub purpose_id: Option<String>,
}

impl DisclosureDraft {
    pub fn from_disclosure(d: &Disclosure) -> Self {
        Self {
            contact_id: d.contact_id.clone(),
            recipient: d.recipient.clone(),
            processor_id: d.processor_id.clone(),
            data: d.data.clone(),
            on: d.on.to_string(),
            purpose_id: d.purpose_id.clone(),
        }
    }

    /// A recipient (typed, or a processor), which data and the day are required.
    pub fn validate(&self) -> Result<Disclosure, FieldErrors> {
        let mut errors = FieldErrors::new();
        let some = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let processor_id = some(&self.processor_id);
        let recipient = self.recipient.trim();
        if recipient.is_empty() && processor_id.is_none() {
            errors.push((fields::RECIPIENT, FieldError::Required));
        } else if recipient.chars().count() > MAX_RECIPIENT {
            errors.push((fields::RECIPIENT, FieldError::TooLong(MAX_RECIPIENT)));
        }
        let data = Text::required(MAX_DATA).read(&mut errors, fields::DATA, &self.data);
        let on = NaiveDate::parse_from_str(self.on.trim(), "%Y-%m-%d").ok();
        if on.is_none() {
            errors.push((
                fields::ON,
                if self.on.trim().is_empty() {
                    FieldError::Required
                } else {
                    FieldError::Date
                },
            ));
        }
        if self.contact_id.trim().is_empty() {
            errors.push((fields::CONTACT, FieldError::Required));
        }
        match (on, errors.is_empty()) {
            (Some(on), true) => Ok(Disclosure {
                contact_id: self.contact_id.trim().to_string(),
                recipient: recipient.to_string(),
                processor_id,
                data: data.to_string(),
                on,
                purpose_id: some(&self.purpose_id),
            }),
            _ => Err(errors),
        }
    }
}

/// The distinct recipients of a person's data (by their names, folded: "Účetní Nováková" and
/// "účetní nováková " are one), in the order first disclosed (by name on the same day).
pub fn recipients<'a>(
    disclosures: impl IntoIterator<Item = &'a Disclosure>,
    processor_name: impl Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mut list: Vec<(NaiveDate, String)> = disclosures
        .into_iter()
        .map(|d| (d.on, d.recipient_name(&processor_name)))
        .collect();
    list.sort_by_key(|(on, name)| (*on, super::search::fold(name)));
    let mut seen: Vec<String> = Vec::new();
    let mut names = Vec::new();
    for (_, name) in list {
        let key = super::search::fold(name.trim());
        if !key.is_empty() && !seen.contains(&key) {
            seen.push(key);
            names.push(name.trim().to_string());
        }
    }
    names
}

/// How an Art. 19 follow-up is worded, in the interface's language (given by `i18n`; the
/// domain holds no words): `{recipient}` stands for the recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyWording {
    /// "Notify {recipient} (Art. 19)".
    pub title: String,
    /// For an erasure, which leaves nothing of the person: "Notify {recipient} (Art. 19):
    /// erasure of a person's data, recorded 1 Dec 2026".
    pub erasure: String,
}

impl NotifyWording {
    /// The follow-up's title for `recipient` (the erasure's, when `erased`), capped as a
    /// follow-up's title is.
    pub fn title_for(&self, recipient: &str, erased: bool) -> String {
        let template = if erased { &self.erasure } else { &self.title };
        let title = template.replace("{recipient}", recipient);
        title.chars().take(300).collect()
    }
}

impl Default for NotifyWording {
    /// The English wording (what a caller without a language gets).
    fn default() -> Self {
        Self {
            title: "Notify {recipient} (Art. 19)".into(),
            erasure: "Notify {recipient} (Art. 19): erasure of a person's data".into(),
        }
    }
}

impl super::BelongsTo for Disclosure {
    fn people(&self) -> Vec<String> {
        vec![self.contact_id.clone()]
    }
}

impl super::Revalidate for Disclosure {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        DisclosureDraft::from_disclosure(self)
            .validate()
            .map(|_| ())
    }
}

impl super::do_not_contact::Grows for Disclosure {}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> DisclosureDraft {
        DisclosureDraft {
            contact_id: "c1".into(),
            recipient: " Účetní Nováková ".into(),
            processor_id: None,
            data: "name, invoices 2025".into(),
            on: "2026-11-02".into(),
            purpose_id: Some(String::new()),
        }
    }

    #[test]
    fn a_disclosure_needs_a_recipient_the_data_and_the_day() {
        let d = draft().validate().unwrap();
        assert_eq!(d.recipient, "Účetní Nováková");
        assert_eq!(d.purpose_id, None, "a blank choice is none");
        let fields: Vec<_> = DisclosureDraft::default()
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [fields::RECIPIENT, fields::DATA, fields::ON, fields::CONTACT]
        );
        // A processor of the register is a recipient without a typed name.
        let mut to_processor = draft();
        to_processor.recipient = String::new();
        to_processor.processor_id = Some("pr1".into());
        let d = to_processor.validate().unwrap();
        assert_eq!(d.recipient_name(|_| Some("Fakturoid".into())), "Fakturoid");
        let mut long = draft();
        long.data = "x".repeat(MAX_DATA + 1);
        assert_eq!(
            long.validate().unwrap_err(),
            vec![(fields::DATA, FieldError::TooLong(MAX_DATA))]
        );
    }

    #[test]
    fn recipients_are_distinct_by_folded_name_and_processor() {
        let a = draft().validate().unwrap();
        let mut b = a.clone();
        b.recipient = "účetní nováková".into();
        let mut c = a.clone();
        c.recipient = String::new();
        c.processor_id = Some("pr1".into());
        let mut e = c.clone();
        e.on = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let names = recipients([&a, &b, &c, &e], |id| {
            (id == "pr1").then(|| "Fakturoid".to_string())
        });
        assert_eq!(names, ["Fakturoid", "Účetní Nováková"]);
        assert!(recipients([], |_| None).is_empty());
    }

    #[test]
    fn the_follow_up_names_the_recipient_and_never_the_erased_person() {
        let w = NotifyWording::default();
        assert_eq!(
            w.title_for("Fakturoid", false),
            "Notify Fakturoid (Art. 19)"
        );
        assert_eq!(
            w.title_for("Fakturoid", true),
            "Notify Fakturoid (Art. 19): erasure of a person's data"
        );
        assert_eq!(w.title_for(&"x".repeat(400), false).chars().count(), 300);
    }
}
