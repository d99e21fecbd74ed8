//! Texts Folio itself writes into records (how a consent was withdrawn or renewed in the app,
//! what an erasure did), stored as language-free codes and worded only when shown; and the
//! sentences older versions stored in their place, recognised. Must not import anything
//! outside `domain`.

use super::document::DocumentKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What every stored code begins with (no sentence a person types begins so).
pub const PREFIX: &str = "folio:";

/// What an erasure did, in counts and dates (no personal data): the register's outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureSummary {
    #[serde(default)]
    pub activities: usize,
    #[serde(default)]
    pub consents: usize,
    #[serde(default)]
    pub limits: usize,
    #[serde(default)]
    pub tasks: usize,
    #[serde(default)]
    pub documents_deleted: usize,
    #[serde(default)]
    pub history: usize,
    /// Deals and documents that stay, without the person.
    #[serde(default)]
    pub unlinked: usize,
    /// Whether the person's name left the requests register (a reference stays).
    #[serde(default)]
    pub register: bool,
    /// While documents must be kept: until when, and which (kind, number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holds: Vec<(DocumentKind, String)>,
    /// Breach register entries that stay, without the person (absent in older codes).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub breaches: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A text Folio wrote into a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// How a consent was withdrawn with the Withdraw button.
    WithdrawnInApp,
    /// How a consent was renewed with the Renew button.
    RenewedInApp,
    /// How a withdrawal recorded by mistake was undone with Undo: which one (its time).
    WithdrawalUndone(chrono::DateTime<chrono::Utc>),
    /// The outcome of an open erasure request closed because the person was deleted.
    ContactDeleted,
    /// The outcome of an erasure.
    Erased(ErasureSummary),
    /// The follow-up to give the privacy notice to a person whose data came from someone else
    /// (Art. 14(3)).
    InformArt14,
    /// The follow-up to give the privacy notice to the people an import brought in (Art. 14(3)):
    /// how many, and the file's name.
    InformImported { people: usize, file: String },
}

const WITHDRAWN: &str = "withdrawn_in_app";
const RENEWED: &str = "renewed_in_app";
const UNDONE: &str = "withdrawal_undone_in_app ";
const DELETED: &str = "deleted";
const ERASED: &str = "erased ";
const INFORM: &str = "inform_art14";
const INFORM_IMPORTED: &str = "inform_imported ";

/// Sentences older versions stored instead of a code (English and Czech, as the interface
/// was), with the code each stands for.
const OLD: [(&str, &str); 5] = [
    ("withdrawn in Folio at the person's request", WITHDRAWN),
    ("odvoláno ve Foliu na žádost subjektu", WITHDRAWN),
    ("renewed in Folio", RENEWED),
    ("obnoveno ve Foliu", RENEWED),
    ("deleted", DELETED),
];

impl Stored {
    /// The code stored in the record.
    pub fn code(&self) -> String {
        match self {
            Stored::WithdrawnInApp => format!("{PREFIX}{WITHDRAWN}"),
            Stored::RenewedInApp => format!("{PREFIX}{RENEWED}"),
            Stored::WithdrawalUndone(at) => format!("{PREFIX}{UNDONE}{}", at.to_rfc3339()),
            Stored::ContactDeleted => format!("{PREFIX}{DELETED}"),
            Stored::InformArt14 => format!("{PREFIX}{INFORM}"),
            Stored::InformImported { people, file } => format!(
                "{PREFIX}{INFORM_IMPORTED}{}",
                serde_json::json!({ "people": people, "file": file })
            ),
            Stored::Erased(summary) => format!(
                "{PREFIX}{ERASED}{}",
                serde_json::to_string(summary).unwrap_or_default()
            ),
        }
    }

    /// What a stored text is: a code, or a sentence an older version stored; None for a text a
    /// person wrote (shown as it is).
    pub fn read(text: &str) -> Option<Stored> {
        let text = text.trim();
        let old = OLD
            .iter()
            .find(|(old, _)| *old == text)
            .map(|(_, code)| *code);
        match text.strip_prefix(PREFIX).or(old)? {
            WITHDRAWN => Some(Stored::WithdrawnInApp),
            RENEWED => Some(Stored::RenewedInApp),
            DELETED => Some(Stored::ContactDeleted),
            INFORM => Some(Stored::InformArt14),
            other if other.starts_with(UNDONE) => other
                .strip_prefix(UNDONE)
                .and_then(|at| chrono::DateTime::parse_from_rfc3339(at).ok())
                .map(|at| Stored::WithdrawalUndone(at.with_timezone(&chrono::Utc))),
            other if other.starts_with(INFORM_IMPORTED) => {
                #[derive(Deserialize)]
                struct Imported {
                    people: usize,
                    file: String,
                }
                let json = other.strip_prefix(INFORM_IMPORTED)?;
                let Imported { people, file } = serde_json::from_str(json).ok()?;
                Some(Stored::InformImported { people, file })
            }
            other => other
                .strip_prefix(ERASED)
                .and_then(|json| serde_json::from_str(json).ok())
                .map(Stored::Erased),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        let summary = ErasureSummary {
            activities: 2,
            history: 3,
            register: true,
            keep_until: NaiveDate::from_ymd_opt(2036, 12, 31),
            holds: vec![(DocumentKind::Invoice, "FV-2026; 015 \"x\"".into())],
            ..ErasureSummary::default()
        };
        for s in [
            Stored::WithdrawnInApp,
            Stored::RenewedInApp,
            Stored::ContactDeleted,
            Stored::InformArt14,
            Stored::InformImported {
                people: 23,
                file: "kontakty \"Google\".csv".into(),
            },
            Stored::WithdrawalUndone(
                chrono::DateTime::parse_from_rfc3339("2026-12-01T16:39:54.124+00:00")
                    .unwrap()
                    .with_timezone(&chrono::Utc),
            ),
            Stored::Erased(summary),
            Stored::Erased(ErasureSummary::default()),
        ] {
            assert!(s.code().starts_with(PREFIX));
            assert_eq!(Stored::read(&s.code()), Some(s));
        }
    }

    #[test]
    fn old_sentences_are_recognised_and_peoples_texts_are_not() {
        assert_eq!(
            Stored::read("withdrawn in Folio at the person's request"),
            Some(Stored::WithdrawnInApp)
        );
        assert_eq!(
            Stored::read("obnoveno ve Foliu"),
            Some(Stored::RenewedInApp)
        );
        assert_eq!(Stored::read("deleted"), Some(Stored::ContactDeleted));
        assert_eq!(Stored::read("replied yes to the e-mail"), None);
        assert_eq!(Stored::read("Erased (Art. 17): 2 activities."), None);
        assert_eq!(Stored::read("folio:erased {not json"), None);
        assert_eq!(Stored::read("folio:"), None);
        assert_eq!(
            Stored::read("folio:withdrawal_undone_in_app yesterday"),
            None
        );
        assert_eq!(Stored::read(""), None);
    }
}
