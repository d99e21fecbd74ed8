//! Document references (offers, contracts, invoices…) and their retention: the default
//! "retain until" of each kind, a change with its reason, and the retention hold a document
//! places on its contacts and organisation ("what must be kept about this person, why, and
//! until when"), which erasure must honour. Must not import anything outside `domain`.

use super::deal::Amount;
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

/// A reference to a document the user keeps elsewhere, on a deal and/or contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub number: String,
    pub date: NaiveDate,
    pub amount: Option<Amount>,
    pub note: String,
    pub deal_id: Option<String>,
    pub contact_ids: Vec<String>,
    pub organisation_id: Option<String>,
    pub retain_until: Option<NaiveDate>,
    /// Why retain-until differs from the default (required when it does).
    pub retention_reason: String,
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

    /// Whether it still binds on `today`: kept up to and including retain-until.
    pub fn holds_on(&self, today: NaiveDate) -> bool {
        self.retain_until.is_some_and(|until| today <= until)
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

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

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
        }
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
}
