//! Document references (offers, contracts, invoices…) and their retention: the default
//! "retain until" of each kind, a change with its reason, and the retention hold a document
//! places on its contacts and organisation ("what must be kept about this person, why, and
//! until when"), which erasure must honour. Must not import anything outside `domain`.

use super::deal::Amount;
use super::field::Text;
use super::{FieldError, FieldErrors};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Offer,
    Contract,
    Invoice,
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [Self::Offer, Self::Contract, Self::Invoice, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::Offer => "offer",
            Self::Contract => "contract",
            Self::Invoice => "invoice",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Field names of the document form, for errors and the audit log.
pub mod fields {
    pub const KIND: &str = "kind";
    pub const NUMBER: &str = "number";
    pub const DATE: &str = "date";
    pub const AMOUNT: &str = "amount";
    pub const CURRENCY: &str = "currency";
    pub const NOTE: &str = "note";
    pub const DEAL: &str = "deal";
    pub const CONTACTS: &str = "contacts";
    pub const ORGANISATION: &str = "organisation";
    pub const CONTRACT_END: &str = "contract_end";
    pub const RETAIN_UNTIL: &str = "retain_until";
    pub const RETENTION_REASON: &str = "retention_reason";
}

/// Years an invoice is kept after the end of the year it was issued in (Czech VAT Act §35
/// counts ten years from the end of the tax period; the year's end is the safe rounding).
pub const INVOICE_YEARS: i32 = 10;
/// Years a contract is kept after it ends, by default (editable).
pub const CONTRACT_YEARS: u32 = 10;

/// The default retain-until of a document: an invoice until 31 December of the tenth year after
/// its issue; a contract ten years after it ends (or after its date when no end is known); an
/// offer or other document carries no legal hold by default.
pub fn default_retain_until(
    kind: DocumentKind,
    date: NaiveDate,
    contract_end: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match kind {
        DocumentKind::Invoice => NaiveDate::from_ymd_opt(date.year() + INVOICE_YEARS, 12, 31),
        DocumentKind::Contract => contract_end
            .unwrap_or(date)
            .checked_add_months(chrono::Months::new(12 * CONTRACT_YEARS)),
        DocumentKind::Offer | DocumentKind::Other => None,
    }
}

/// Days ahead within which a retention hold counts as ending (Home lists it).
pub const HOLD_ENDING_DAYS: u64 = 90;

/// A reference to a document the user keeps elsewhere, on a deal and/or contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub number: String,
    pub date: NaiveDate,
    pub amount: Option<Amount>,
    pub note: String,
    pub deal_id: Option<String>,
    #[serde(deserialize_with = "super::exact::vec")]
    pub contact_ids: Vec<String>,
    pub organisation_id: Option<String>,
    pub retain_until: Option<NaiveDate>,
    /// Why retain-until differs from the default (required when it does).
    pub retention_reason: String,
    /// When a contract ends (its default retention counts from there).
    #[serde(default)]
    pub contract_end: Option<NaiveDate>,
}

/// Why a retention change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RetentionError {
    #[error("a retention date other than the default needs a reason")]
    ReasonRequired,
}

impl Document {
    /// Sets retain-until; anything but the kind's default needs a reason.
    pub fn set_retention(
        &mut self,
        until: Option<NaiveDate>,
        contract_end: Option<NaiveDate>,
        reason: &str,
    ) -> Result<(), RetentionError> {
        let default = default_retain_until(self.kind, self.date, contract_end);
        if until != default && reason.trim().is_empty() {
            return Err(RetentionError::ReasonRequired);
        }
        self.retain_until = until;
        self.retention_reason = reason.trim().to_string();
        Ok(())
    }

    /// What the audit log records of a document.
    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::KIND, Some(self.kind.code().to_string())),
            (fields::NUMBER, text(&self.number)),
            (fields::DATE, Some(self.date.to_string())),
            (
                fields::AMOUNT,
                self.amount.as_ref().map(|a| match a.money() {
                    Ok(m) => m.to_string(),
                    Err(_) => format!("{} {}", a.minor, a.currency),
                }),
            ),
            (fields::NOTE, text(&self.note)),
            (fields::DEAL, self.deal_id.clone()),
            (fields::CONTACTS, text(&self.contact_ids.join(", "))),
            (fields::ORGANISATION, self.organisation_id.clone()),
            (
                fields::CONTRACT_END,
                self.contract_end.map(|d| d.to_string()),
            ),
            (
                fields::RETAIN_UNTIL,
                self.retain_until.map(|d| d.to_string()),
            ),
            (fields::RETENTION_REASON, text(&self.retention_reason)),
        ]
    }

    /// Whether it refers to this contact or organisation.
    pub fn concerns(&self, subject_id: &str) -> bool {
        self.contact_ids.iter().any(|c| c == subject_id)
            || self.organisation_id.as_deref() == Some(subject_id)
    }

    /// Whether it still binds on `today`: kept up to and including retain-until.
    pub fn holds_on(&self, today: NaiveDate) -> bool {
        self.retain_until.is_some_and(|until| today <= until)
    }

    /// The last day of a hold that still binds on `today` and ends within `HOLD_ENDING_DAYS`
    /// (the user then decides what to delete, or finishes an erasure that waited for it).
    pub fn hold_ending(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.retain_until.filter(|until| {
            self.holds_on(today) && *until <= today + chrono::Days::new(HOLD_ENDING_DAYS)
        })
    }
}

/// What the user typed into the document form. Blank retain-until means the kind's default.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentDraft {
    pub kind: String,
    pub number: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub amount: String,
    pub currency: String,
    pub note: String,
    pub deal_id: Option<String>,
    pub contact_ids: Vec<String>,
    pub organisation_id: Option<String>,
    pub contract_end: String,
    pub retain_until: String,
    pub retention_reason: String,
}

impl DocumentDraft {
    /// The form filled with a stored document.
    pub fn from_document(d: &Document, decimal_separator: char) -> Self {
        let (amount, currency) = match d.amount.as_ref().and_then(|a| a.money().ok()) {
            Some(m) => (
                m.to_plain_string()
                    .replace('.', &decimal_separator.to_string()),
                m.currency().code().to_string(),
            ),
            None => (String::new(), String::new()),
        };
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            kind: d.kind.code().to_string(),
            number: d.number.clone(),
            date: d.date.to_string(),
            amount,
            currency,
            note: d.note.clone(),
            deal_id: d.deal_id.clone(),
            contact_ids: d.contact_ids.clone(),
            organisation_id: d.organisation_id.clone(),
            contract_end: date(d.contract_end),
            // The default shows as blank: it follows the date (and a contract's end) when edited.
            retain_until: if d.retain_until == default_retain_until(d.kind, d.date, d.contract_end)
            {
                String::new()
            } else {
                date(d.retain_until)
            },
            retention_reason: d.retention_reason.clone(),
        }
    }

    pub fn validate(&self, decimal_separator: char) -> Result<Document, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = DocumentKind::from_code(&self.kind);
        if kind.is_none() {
            errors.push((fields::KIND, FieldError::Required));
        }
        let number = Text::required(100).read(&mut errors, fields::NUMBER, &self.number);
        let date = super::field::optional_date(&mut errors, fields::DATE, &self.date);
        if self.date.trim().is_empty() {
            errors.push((fields::DATE, FieldError::Required));
        }
        let amount = super::deal::optional_amount(
            &mut errors,
            (fields::AMOUNT, fields::CURRENCY),
            &self.amount,
            &self.currency,
            decimal_separator,
        );
        let note = Text::capped(5_000).read(&mut errors, fields::NOTE, &self.note);
        let contract_end =
            super::field::optional_date(&mut errors, fields::CONTRACT_END, &self.contract_end);
        let retain_until =
            super::field::optional_date(&mut errors, fields::RETAIN_UNTIL, &self.retain_until);
        let (Some(kind), Some(date), true) = (kind, date, errors.is_empty()) else {
            return Err(errors);
        };
        let mut document = Document {
            kind,
            number: number.to_string(),
            date,
            amount,
            note: note.to_string(),
            deal_id: self.deal_id.clone().filter(|d| !d.is_empty()),
            contact_ids: self.contact_ids.clone(),
            organisation_id: self.organisation_id.clone().filter(|o| !o.is_empty()),
            retain_until: None,
            retention_reason: String::new(),
            contract_end: contract_end.filter(|_| kind == DocumentKind::Contract),
        };
        let until = if self.retain_until.trim().is_empty() {
            default_retain_until(kind, date, document.contract_end)
        } else {
            retain_until
        };
        document
            .set_retention(until, document.contract_end, &self.retention_reason)
            .map_err(|_| vec![(fields::RETENTION_REASON, FieldError::Required)])?;
        Ok(document)
    }
}

/// One thing that must be kept about a person: which document, why, until when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hold {
    pub document_id: String,
    pub kind: DocumentKind,
    pub number: String,
    pub until: NaiveDate,
}

/// The retention holds on a contact (or organisation) on `today`, latest end first.
pub fn holds_on<'a>(
    subject_id: &str,
    documents: impl IntoIterator<Item = (&'a String, &'a Document)>,
    today: NaiveDate,
) -> Vec<Hold> {
    let mut holds: Vec<Hold> = documents
        .into_iter()
        .filter(|(_, d)| {
            d.holds_on(today)
                && (d.contact_ids.iter().any(|c| c == subject_id)
                    || d.organisation_id.as_deref() == Some(subject_id))
        })
        .filter_map(|(id, d)| {
            Some(Hold {
                document_id: id.clone(),
                kind: d.kind,
                number: d.number.clone(),
                until: d.retain_until?,
            })
        })
        .collect();
    holds.sort_by(|a, b| b.until.cmp(&a.until).then(a.number.cmp(&b.number)));
    holds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    fn invoice(number: &str, date: NaiveDate, contact: &str) -> Document {
        Document {
            kind: DocumentKind::Invoice,
            number: number.into(),
            date,
            amount: None,
            note: String::new(),
            deal_id: None,
            contact_ids: vec![contact.into()],
            organisation_id: Some("org".into()),
            retain_until: default_retain_until(DocumentKind::Invoice, date, None),
            retention_reason: String::new(),
            contract_end: None,
        }
    }

    #[test]
    fn a_hold_is_ending_from_ninety_days_before_its_last_day_until_that_day() {
        // Issued in 2016: kept to 31 December 2026.
        let d = invoice("FV-2016-001", day(2016, 5, 1), "c1");
        assert_eq!(d.retain_until, Some(day(2026, 12, 31)));
        assert_eq!(d.hold_ending(day(2026, 10, 1)), None, "92 days left");
        assert_eq!(d.hold_ending(day(2026, 10, 2)), Some(day(2026, 12, 31)));
        assert_eq!(d.hold_ending(day(2026, 12, 31)), Some(day(2026, 12, 31)));
        assert_eq!(d.hold_ending(day(2027, 1, 1)), None, "it has ended");
        let offer = Document {
            kind: DocumentKind::Offer,
            retain_until: None,
            ..d
        };
        assert_eq!(offer.hold_ending(day(2026, 12, 1)), None);
    }

    #[test]
    fn an_invoice_is_kept_to_the_end_of_the_tenth_year() {
        assert_eq!(
            default_retain_until(DocumentKind::Invoice, day(2026, 3, 15), None),
            Some(day(2036, 12, 31))
        );
        assert_eq!(
            default_retain_until(DocumentKind::Invoice, day(2026, 12, 31), None),
            Some(day(2036, 12, 31))
        );
        assert_eq!(
            default_retain_until(DocumentKind::Invoice, day(2027, 1, 1), None),
            Some(day(2037, 12, 31))
        );
    }

    #[test]
    fn a_contract_is_kept_ten_years_after_it_ends() {
        assert_eq!(
            default_retain_until(
                DocumentKind::Contract,
                day(2026, 2, 1),
                Some(day(2028, 1, 31))
            ),
            Some(day(2038, 1, 31))
        );
        assert_eq!(
            default_retain_until(DocumentKind::Contract, day(2024, 2, 29), None),
            Some(day(2034, 2, 28))
        );
        assert_eq!(
            default_retain_until(DocumentKind::Offer, day(2026, 1, 1), None),
            None
        );
    }

    #[test]
    fn changing_retention_needs_a_reason() {
        let mut d = invoice("2026-001", day(2026, 3, 15), "c1");
        assert_eq!(
            d.set_retention(Some(day(2040, 1, 1)), None, " "),
            Err(RetentionError::ReasonRequired)
        );
        d.set_retention(Some(day(2040, 1, 1)), None, "tax audit running")
            .unwrap();
        assert_eq!(d.retain_until, Some(day(2040, 1, 1)));
        d.set_retention(Some(day(2036, 12, 31)), None, "").unwrap();
    }

    #[test]
    fn a_hold_binds_its_contacts_and_organisation_until_the_day_it_ends() {
        let a = invoice("2026-001", day(2026, 3, 15), "c1");
        let mut b = invoice("2020-007", day(2020, 5, 1), "c1");
        b.kind = DocumentKind::Offer;
        b.retain_until = None;
        let docs = [("d1".to_string(), a), ("d2".to_string(), b)];
        let iter = || docs.iter().map(|(id, d)| (id, d));
        let holds = holds_on("c1", iter(), day(2030, 1, 1));
        assert_eq!(holds.len(), 1, "an offer places no hold");
        assert_eq!(holds[0].until, day(2036, 12, 31));
        assert_eq!(holds_on("org", iter(), day(2036, 12, 31)).len(), 1);
        assert!(holds_on("c1", iter(), day(2037, 1, 1)).is_empty());
        assert!(holds_on("c2", iter(), day(2030, 1, 1)).is_empty());
    }

    fn draft(kind: &str, date: &str) -> DocumentDraft {
        DocumentDraft {
            kind: kind.into(),
            number: "FV-2026-001".into(),
            date: date.into(),
            amount: "12 100,50".into(),
            currency: "czk".into(),
            contact_ids: vec!["c1".into()],
            ..DocumentDraft::default()
        }
    }

    #[test]
    fn a_drafted_invoice_gets_the_default_retention_and_exact_amount() {
        let d = draft("invoice", "2026-03-15").validate(',').unwrap();
        assert_eq!(d.retain_until, Some(day(2036, 12, 31)));
        let amount = d.amount.unwrap();
        assert_eq!((amount.minor, amount.currency.as_str()), (1_210_050, "CZK"));
        // Shown again, the default is blank (it follows the date when edited).
        let again = DocumentDraft::from_document(
            &draft("invoice", "2026-03-15").validate(',').unwrap(),
            ',',
        );
        assert_eq!(again.retain_until, "");
        assert_eq!(again.amount, "12100,50");
    }

    #[test]
    fn a_drafted_contract_counts_from_its_end_and_other_dates_need_a_reason() {
        let mut c = draft("contract", "2026-02-01");
        c.contract_end = "2028-01-31".into();
        assert_eq!(
            c.validate(',').unwrap().retain_until,
            Some(day(2038, 1, 31))
        );
        c.retain_until = "2030-01-01".into();
        assert_eq!(
            c.validate(',').unwrap_err(),
            vec![(fields::RETENTION_REASON, FieldError::Required)]
        );
        c.retention_reason = "shorter by agreement with the client".into();
        assert_eq!(c.validate(',').unwrap().retain_until, Some(day(2030, 1, 1)));
    }

    #[test]
    fn a_document_needs_kind_number_and_a_real_date() {
        let mut d = draft("", "2026-02-30");
        d.number = " ".into();
        let fields: Vec<&str> = d
            .validate(',')
            .unwrap_err()
            .iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(fields, vec![fields::KIND, fields::NUMBER, fields::DATE]);
    }
}
