//! Where a contact's data came from (Art. 14(2)(f), Art. 15(1)(g)) and when the person was given
//! the privacy notice (Art. 13/14), with the rule of Art. 14(3): data obtained from someone else
//! must be followed by the notice within one month. Must not import anything outside `domain`.

use super::{FieldError, FieldErrors};
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Field names, for the form's errors and the audit trail.
pub mod fields {
    pub const SOURCE: &str = "source";
    pub const SOURCE_DETAIL: &str = "source_detail";
    pub const INFORMED: &str = "informed";
}

/// The longest source detail (a referrer, a register, a file name), in characters.
pub const MAX_DETAIL_CHARS: usize = 200;

/// How the data reached the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The person filled in a form (a website's, a paper one).
    Form,
    /// The person gave it at a meeting (a business card, a conversation).
    Meeting,
    /// Someone else passed it on.
    Referral,
    /// A public register (the business register, the trade licence register…).
    PublicRegister,
    /// A LinkedIn profile or message.
    LinkedIn,
    /// A file imported from another program (its name in the detail).
    Import,
    /// Anything else, said in the detail.
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Form,
        SourceKind::Meeting,
        SourceKind::Referral,
        SourceKind::PublicRegister,
        SourceKind::LinkedIn,
        SourceKind::Import,
        SourceKind::Other,
    ];

    /// The form's value.
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Form => "form",
            SourceKind::Meeting => "meeting",
            SourceKind::Referral => "referral",
            SourceKind::PublicRegister => "public_register",
            SourceKind::LinkedIn => "linked_in",
            SourceKind::Import => "import",
            SourceKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether the data was obtained from someone other than the person (Art. 14): then the
    /// person must be informed within a month. An import is counted so, since Folio cannot
    /// know where the other program's data came from; "other" is not presumed either way.
    pub fn indirect(self) -> bool {
        matches!(
            self,
            SourceKind::Referral
                | SourceKind::PublicRegister
                | SourceKind::LinkedIn
                | SourceKind::Import
        )
    }
}

/// Where a contact's data came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    /// Who referred them, which register, which file…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

impl Source {
    pub fn text(&self, kind_name: &str) -> String {
        if self.detail.is_empty() {
            kind_name.to_string()
        } else {
            format!("{kind_name}: {}", self.detail)
        }
    }
}

/// When the person was given the privacy notice, and which version (the SHA-256 of its text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Informed {
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_sha256: Option<String>,
}

impl Informed {
    /// "2026-12-01", or "2026-12-01, notice 3f2a9c1b04de" for the audit trail.
    pub fn text(&self) -> String {
        match &self.notice_sha256 {
            Some(hash) => format!("{}, notice {}", self.on, short_version(hash)),
            None => self.on.to_string(),
        }
    }
}

/// The first 12 hex digits of a notice's SHA-256: how people see a version.
pub fn short_version(sha256: &str) -> &str {
    sha256.get(..12).unwrap_or(sha256)
}

/// The source of contacts imported from the file `file_name`: the name without control
/// characters (a name is the browser's, but may hold anything), capped.
pub fn imported_from(file_name: &str) -> Source {
    Source {
        kind: SourceKind::Import,
        detail: file_name
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .chars()
            .take(MAX_DETAIL_CHARS)
            .collect(),
    }
}

/// Checks the form's source fields: a kind's code (or blank: not recorded) and a detail.
pub fn parse_source(errors: &mut FieldErrors, kind: &str, detail: &str) -> Option<Source> {
    let detail = detail.trim();
    if detail.chars().count() > MAX_DETAIL_CHARS {
        errors.push((fields::SOURCE_DETAIL, FieldError::TooLong(MAX_DETAIL_CHARS)));
        return None;
    }
    match kind.trim() {
        "" if detail.is_empty() => None,
        "" => Some(Source {
            kind: SourceKind::Other,
            detail: detail.to_string(),
        }),
        code => match SourceKind::from_code(code) {
            Some(kind) => Some(Source {
                kind,
                detail: detail.to_string(),
            }),
            None => {
                errors.push((fields::SOURCE, FieldError::Choice));
                None
            }
        },
    }
}

/// Checks the form's "Informed on" date (`YYYY-MM-DD` or blank) and notice version (a SHA-256
/// in hex, or blank).
pub fn parse_informed(errors: &mut FieldErrors, on: &str, notice_sha256: &str) -> Option<Informed> {
    let on = on.trim();
    if on.is_empty() {
        return None;
    }
    let Ok(day) = NaiveDate::parse_from_str(on, "%Y-%m-%d") else {
        errors.push((fields::INFORMED, FieldError::Date));
        return None;
    };
    let hash = notice_sha256.trim().to_ascii_lowercase();
    let notice_sha256 = if hash.is_empty() {
        None
    } else if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Some(hash)
    } else {
        errors.push((fields::INFORMED, FieldError::BadDigest));
        return None;
    };
    Some(Informed {
        on: day,
        notice_sha256,
    })
}

/// Whether the person must still be given the notice because their data came from someone
/// else (Art. 14): the source is indirect and they were not informed.
pub fn needs_notice(source: Option<&Source>, informed: Option<&Informed>) -> bool {
    informed.is_none() && source.is_some_and(|s| s.kind.indirect())
}

/// By when such a person must be informed (Art. 14(3)(a): within a reasonable period, at the
/// latest one month after obtaining the data at `obtained`); None when they need not be.
pub fn inform_by(
    source: Option<&Source>,
    informed: Option<&Informed>,
    obtained: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    needs_notice(source, informed).then(|| {
        obtained
            .checked_add_months(Months::new(1))
            .unwrap_or(obtained)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    #[test]
    fn codes_read_back_and_only_the_indirect_sources_need_a_notice_within_a_month() {
        for kind in SourceKind::ALL {
            assert_eq!(SourceKind::from_code(kind.code()), Some(kind));
            let source = Source {
                kind,
                detail: String::new(),
            };
            let at = |d: NaiveDate| d.and_hms_opt(10, 0, 0).unwrap().and_utc();
            let due = inform_by(Some(&source), None, at(day(2026, 1, 31))).map(|d| d.date_naive());
            match kind {
                SourceKind::Form | SourceKind::Meeting | SourceKind::Other => {
                    assert_eq!(due, None, "{kind:?} is direct or unknown")
                }
                _ => assert_eq!(
                    due,
                    Some(day(2026, 2, 28)),
                    "{kind:?}: a month, at a month's end"
                ),
            }
            let informed = Informed {
                on: day(2026, 2, 1),
                notice_sha256: None,
            };
            assert_eq!(
                inform_by(Some(&source), Some(&informed), at(day(2026, 1, 31))),
                None
            );
        }
        let noon = day(2026, 1, 1).and_hms_opt(12, 0, 0).unwrap().and_utc();
        assert_eq!(inform_by(None, None, noon), None);
        assert_eq!(SourceKind::from_code("LinkedIn"), None);
    }

    #[test]
    fn the_form_s_source_and_informed_on_are_checked() {
        let mut errors = FieldErrors::new();
        assert_eq!(parse_source(&mut errors, "", "  "), None);
        assert_eq!(
            parse_source(&mut errors, "referral", " Petr Novák "),
            Some(Source {
                kind: SourceKind::Referral,
                detail: "Petr Novák".into()
            })
        );
        assert_eq!(
            parse_source(&mut errors, "", "a trade fair").map(|s| s.kind),
            Some(SourceKind::Other)
        );
        assert!(errors.is_empty());
        assert_eq!(parse_source(&mut errors, "fax", ""), None);
        assert_eq!(errors, vec![(fields::SOURCE, FieldError::Choice)]);
        let mut errors = FieldErrors::new();
        let long = "ř".repeat(MAX_DETAIL_CHARS + 1);
        assert_eq!(parse_source(&mut errors, "import", &long), None);
        assert_eq!(
            errors,
            vec![(fields::SOURCE_DETAIL, FieldError::TooLong(MAX_DETAIL_CHARS))]
        );

        let mut errors = FieldErrors::new();
        let hash = "AB".repeat(32);
        assert_eq!(
            parse_informed(&mut errors, "2026-12-01", &hash),
            Some(Informed {
                on: day(2026, 12, 1),
                notice_sha256: Some("ab".repeat(32))
            })
        );
        assert_eq!(parse_informed(&mut errors, "", &hash), None);
        assert!(errors.is_empty());
        assert_eq!(parse_informed(&mut errors, "1. 12. 2026", ""), None);
        assert_eq!(parse_informed(&mut errors, "2026-12-01", "abc"), None);
        assert_eq!(
            errors,
            vec![
                (fields::INFORMED, FieldError::Date),
                (fields::INFORMED, FieldError::BadDigest)
            ]
        );
        assert_eq!(short_version("ř"), "ř");
        assert_eq!(short_version(&"0123456789abcdef".repeat(4)), "0123456789ab");
    }
}
