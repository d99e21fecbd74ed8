//! The breach register (GDPR Art. 33(5)): each personal data breach with when it was discovered,
//! its nature, the data categories and the people affected (linked contacts, and approximate
//! numbers for the notification), the likely consequences, the measures taken, and whether the
//! supervisory authority (ÚOOÚ) and the people were notified, when, and why or why not; and the
//! 72-hour clock from discovery (Art. 33(1)). Pure: time is passed in. Must not import anything
//! outside `domain`.

use super::do_not_contact::Grows;
use super::{FieldError, FieldErrors, Revalidate};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const DISCOVERED_AT: &str = "discovered_at";
    pub const NATURE: &str = "nature";
    pub const CATEGORIES: &str = "categories";
    pub const CONTACTS: &str = "contacts";
    pub const PEOPLE_COUNT: &str = "people_count";
    pub const RECORDS_COUNT: &str = "records_count";
    pub const CONSEQUENCES: &str = "consequences";
    pub const MEASURES: &str = "measures";
    pub const AUTHORITY: &str = "authority";
    pub const AUTHORITY_AT: &str = "authority_at";
    pub const AUTHORITY_REASON: &str = "authority_reason";
    pub const PEOPLE: &str = "people";
    pub const PEOPLE_AT: &str = "people_at";
    pub const PEOPLE_REASON: &str = "people_reason";
}

/// Hours from discovery within which the authority is notified (Art. 33(1)).
pub const NOTIFY_WITHIN_HOURS: i64 = 72;
/// The longest nature, consequences or measures.
pub const MAX_TEXT: usize = 4_000;
/// The longest data categories or reason.
pub const MAX_SHORT: usize = 1_000;
/// The most contacts linked to one breach.
pub const MAX_PEOPLE: usize = 2_000;
/// The largest approximate number of people or records.
pub const MAX_COUNT: u64 = 10_000_000_000;

/// Whether someone (the authority, the people) was told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// Not decided yet.
    Pending,
    Notified,
    /// Decided not to, for the reason recorded (e.g. unlikely to result in a risk, Art. 33(1)).
    NotNotified,
}

impl Notice {
    pub const ALL: [Notice; 3] = [Self::Pending, Self::Notified, Self::NotNotified];

    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Notified => "notified",
            Self::NotNotified => "not_notified",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    pub discovered_at: DateTime<Utc>,
    pub nature: String,
    pub categories: String,
    /// The people affected who are in Folio.
    pub contact_ids: Vec<String>,
    /// Approximately how many people and records are concerned (Art. 33(3)(a)).
    pub people_count: Option<u64>,
    pub records_count: Option<u64>,
    pub consequences: String,
    pub measures: String,
    /// The supervisory authority (ÚOOÚ): told or not, when, and why (or why late).
    pub authority: Notice,
    pub authority_at: Option<DateTime<Utc>>,
    pub authority_reason: String,
    /// The people affected (Art. 34): told or not, when, and why.
    pub people: Notice,
    pub people_at: Option<DateTime<Utc>>,
    pub people_reason: String,
}

/// Where a breach's 72-hour clock stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The authority is still to be notified; this long is left.
    Running(Duration),
    /// The deadline passed this long ago, and the authority is still to be notified.
    Overdue(Duration),
    /// The authority was notified, or a reasoned decision not to notify is recorded.
    Settled,
}

impl Breach {
    /// Discovery plus 72 hours (UTC).
    pub fn deadline(&self) -> DateTime<Utc> {
        self.discovered_at + Duration::hours(NOTIFY_WITHIN_HOURS)
    }

    pub fn clock(&self, now: DateTime<Utc>) -> Clock {
        if self.authority != Notice::Pending {
            return Clock::Settled;
        }
        let left = self.deadline() - now;
        if left < Duration::zero() {
            Clock::Overdue(-left)
        } else {
            Clock::Running(left)
        }
    }

    /// Whether the authority was notified later than 72 hours after discovery.
    pub fn notified_late(&self) -> bool {
        self.authority == Notice::Notified
            && self.authority_at.is_some_and(|at| at > self.deadline())
    }

    /// Its rules; `now` (when given) also keeps times out of the future.
    fn check(&self, now: Option<DateTime<Utc>>) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let mut text = |field: &'static str, value: &str, max: usize, required: bool| {
            super::field::Text { max, required }.read(&mut errors, field, value);
        };
        text(fields::NATURE, &self.nature, MAX_TEXT, true);
        text(fields::CATEGORIES, &self.categories, MAX_SHORT, true);
        text(fields::CONSEQUENCES, &self.consequences, MAX_TEXT, false);
        text(fields::MEASURES, &self.measures, MAX_TEXT, false);
        // A reason is required for a decision not to notify, and for notifying the authority
        // late (Art. 33(1): "accompanied by reasons for the delay").
        text(
            fields::AUTHORITY_REASON,
            &self.authority_reason,
            MAX_SHORT,
            self.authority == Notice::NotNotified || self.notified_late(),
        );
        text(
            fields::PEOPLE_REASON,
            &self.people_reason,
            MAX_SHORT,
            self.people == Notice::NotNotified,
        );
        if now.is_some_and(|now| self.discovered_at > now) {
            errors.push((fields::DISCOVERED_AT, FieldError::InFuture));
        }
        for (field, notice, at) in [
            (fields::AUTHORITY_AT, self.authority, self.authority_at),
            (fields::PEOPLE_AT, self.people, self.people_at),
        ] {
            match (notice, at) {
                (Notice::Notified, None) => errors.push((field, FieldError::Required)),
                (Notice::Notified, Some(at)) if at < self.discovered_at => {
                    errors.push((field, FieldError::BeforeDiscovery));
                }
                (Notice::Notified, Some(at)) if now.is_some_and(|now| at > now) => {
                    errors.push((field, FieldError::InFuture));
                }
                _ => {}
            }
        }
        if self.contact_ids.len() > MAX_PEOPLE {
            errors.push((fields::CONTACTS, FieldError::TooMany(MAX_PEOPLE)));
        }
        for (field, n) in [
            (fields::PEOPLE_COUNT, self.people_count),
            (fields::RECORDS_COUNT, self.records_count),
        ] {
            if n.is_some_and(|n| n > MAX_COUNT) {
                errors.push((field, FieldError::WholeNumber));
            }
        }
        errors
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let at = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339());
        vec![
            (fields::DISCOVERED_AT, Some(self.discovered_at.to_rfc3339())),
            (fields::NATURE, text(&self.nature)),
            (fields::CATEGORIES, text(&self.categories)),
            (
                fields::CONTACTS,
                (!self.contact_ids.is_empty()).then(|| self.contact_ids.join(",")),
            ),
            (
                fields::PEOPLE_COUNT,
                self.people_count.map(|n| n.to_string()),
            ),
            (
                fields::RECORDS_COUNT,
                self.records_count.map(|n| n.to_string()),
            ),
            (fields::CONSEQUENCES, text(&self.consequences)),
            (fields::MEASURES, text(&self.measures)),
            (fields::AUTHORITY, Some(self.authority.code().to_string())),
            (fields::AUTHORITY_AT, at(self.authority_at)),
            (fields::AUTHORITY_REASON, text(&self.authority_reason)),
            (fields::PEOPLE, Some(self.people.code().to_string())),
            (fields::PEOPLE_AT, at(self.people_at)),
            (fields::PEOPLE_REASON, text(&self.people_reason)),
        ]
    }
}

/// What the user typed into the breach form (times already read as UTC by the interface).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreachDraft {
    pub discovered_at: Option<DateTime<Utc>>,
    pub nature: String,
    pub categories: String,
    pub contact_ids: Vec<String>,
    pub people_count: String,
    pub records_count: String,
    pub consequences: String,
    pub measures: String,
    pub authority: Notice,
    pub authority_at: Option<DateTime<Utc>>,
    pub authority_reason: String,
    pub people: Notice,
    pub people_at: Option<DateTime<Utc>>,
    pub people_reason: String,
}

impl Default for BreachDraft {
    fn default() -> Self {
        BreachDraft {
            discovered_at: None,
            nature: String::new(),
            categories: String::new(),
            contact_ids: Vec::new(),
            people_count: String::new(),
            records_count: String::new(),
            consequences: String::new(),
            measures: String::new(),
            authority: Notice::Pending,
            authority_at: None,
            authority_reason: String::new(),
            people: Notice::Pending,
            people_at: None,
            people_reason: String::new(),
        }
    }
}

impl BreachDraft {
    /// The draft of an existing entry (to edit it).
    pub fn from_breach(b: &Breach) -> Self {
        BreachDraft {
            discovered_at: Some(b.discovered_at),
            nature: b.nature.clone(),
            categories: b.categories.clone(),
            contact_ids: b.contact_ids.clone(),
            people_count: b.people_count.map(|n| n.to_string()).unwrap_or_default(),
            records_count: b.records_count.map(|n| n.to_string()).unwrap_or_default(),
            consequences: b.consequences.clone(),
            measures: b.measures.clone(),
            authority: b.authority,
            authority_at: b.authority_at,
            authority_reason: b.authority_reason.clone(),
            people: b.people,
            people_at: b.people_at,
            people_reason: b.people_reason.clone(),
        }
    }

    pub fn validate(&self, now: DateTime<Utc>) -> Result<Breach, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut count = |field: &'static str, text: &str| {
            super::field::optional(&mut errors, field, text, |t| {
                let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                t.parse::<u64>()
                    .ok()
                    .filter(|n| *n <= MAX_COUNT)
                    .ok_or(FieldError::WholeNumber)
            })
        };
        let people_count = count(fields::PEOPLE_COUNT, &self.people_count);
        let records_count = count(fields::RECORDS_COUNT, &self.records_count);
        let mut contact_ids: Vec<String> = Vec::new();
        for c in &self.contact_ids {
            if !c.is_empty() && !contact_ids.contains(c) {
                contact_ids.push(c.clone());
            }
        }
        // A time is kept only with the decision it dates.
        let dated = |notice: Notice, at: Option<DateTime<Utc>>| {
            (notice == Notice::Notified).then_some(at).flatten()
        };
        let breach = Breach {
            discovered_at: self.discovered_at.unwrap_or(now),
            nature: self.nature.trim().to_string(),
            categories: self.categories.trim().to_string(),
            contact_ids,
            people_count,
            records_count,
            consequences: self.consequences.trim().to_string(),
            measures: self.measures.trim().to_string(),
            authority: self.authority,
            authority_at: dated(self.authority, self.authority_at),
            authority_reason: self.authority_reason.trim().to_string(),
            people: self.people,
            people_at: dated(self.people, self.people_at),
            people_reason: self.people_reason.trim().to_string(),
        };
        if self.discovered_at.is_none() {
            errors.insert(0, (fields::DISCOVERED_AT, FieldError::Required));
        }
        errors.extend(breach.check(Some(now)));
        if errors.is_empty() {
            Ok(breach)
        } else {
            Err(errors)
        }
    }
}

impl Revalidate for Breach {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        let errors = self.check(None);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

impl Grows for Breach {}

#[cfg(test)]
#[path = "breach_tests.rs"]
mod tests;
