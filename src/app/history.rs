//! What a history entry and the audit log show, read against the vault: records by name (an
//! erased person only by the erasure's pseudonymous reference, a deleted record as gone, never
//! a raw id), values by what they are (money, times, days, stages, codes, texts Folio stored),
//! and the audit log's filter and pages. Pure and tested natively: must not import `ui`,
//! `i18n`, leptos or web_sys (`i18n::phrases::history` words what this returns).

use crate::app::service::VaultSnapshot;
use crate::domain::activity::ActivityKind;
use crate::domain::audit::{Action, AuditEvent};
use crate::domain::consent::{EventKind, LimitKind, Method};
use crate::domain::deal::{Outcome, Stage};
use crate::domain::do_not_contact::ErasedPeople;
use crate::domain::document::DocumentKind;
use crate::domain::erasure::reference;
use crate::domain::money::{Currency, Money};
use crate::domain::purpose::LawfulBasis;
use crate::domain::request::{RequestKind, RequestStatus};
use crate::domain::stored::Stored;
use chrono::{DateTime, NaiveDate, Utc};

/// How a record is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// Its name (a contact's, an organisation's, a deal's title…).
    Name(String),
    /// An erased person: the erasure's pseudonymous reference, which names no one.
    Erased(String),
    /// No longer in the vault.
    Gone,
    /// A record with no name of its own (the vault, the controller's details, the pipeline).
    Unnamed,
}

/// A record as a history shows it: its kind (as stored, e.g. "organisation") and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    pub kind: String,
    pub named: Named,
}

/// A value of a history entry, as what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Text(String),
    Record(RecordRef),
    Records(Vec<RecordRef>),
    Stage(Stage),
    Money(Money),
    Time(DateTime<Utc>),
    Day(NaiveDate),
    /// A birthday (perhaps without its year).
    Birthday(NaiveDate),
    Flag(bool),
    Basis(LawfulBasis),
    Method(Method),
    ActivityKind(ActivityKind),
    DocumentKind(DocumentKind),
    RequestKind(RequestKind),
    RequestStatus(RequestStatus),
    LimitKind(LimitKind),
    /// A consent's event and how it was expressed (a code Folio stored, or a person's words).
    ConsentEvent(EventKind, Box<Shown>),
    Stored(Stored),
}

/// The names a history needs, looked up in the vault.
pub struct Names<'a> {
    vault: &'a VaultSnapshot,
    erased: ErasedPeople,
    stages: Vec<Stage>,
}

impl<'a> Names<'a> {
    pub fn new(vault: &'a VaultSnapshot) -> Self {
        Self {
            vault,
            erased: vault.erased_people(),
            stages: vault.pipeline().stages,
        }
    }

    /// The record of kind `kind` with id `id`, by name.
    pub fn record(&self, kind: &str, id: &str) -> RecordRef {
        let v = self.vault;
        let text = |s: &str| (!s.trim().is_empty()).then(|| Named::Name(s.trim().to_string()));
        // A record that is there, by its name (or as unnamed); `None`: it is gone.
        let called = |name: Option<String>| name.map(|n| text(&n).unwrap_or(Named::Unnamed));
        let named = if kind == "contact" && self.erased.contains(id) {
            Some(Named::Erased(reference(id)))
        } else {
            match kind {
                "contact" => called(v.contacts.get(id).map(|r| r.data.display_name())),
                "organisation" => called(v.organisations.get(id).map(|r| r.data.name.clone())),
                "deal" => called(v.deals.get(id).map(|r| r.data.title.clone())),
                "purpose" => called(v.purposes.get(id).map(|r| r.data.name.clone())),
                "activity" => called(v.activities.get(id).map(|r| r.data.subject.clone())),
                "task" => called(v.tasks.get(id).map(|r| r.data.title.clone())),
                "document" => called(v.documents.get(id).map(|r| r.data.number.clone())),
                "consent" => v.consents.get(id).map(|c| {
                    v.purposes
                        .get(&c.data.purpose_id)
                        .and_then(|p| text(&p.data.name))
                        .unwrap_or(Named::Unnamed)
                }),
                "breach" => called(
                    v.breaches
                        .get(id)
                        .map(|b| b.data.nature.chars().take(80).collect()),
                ),
                "limit" | "request" => {
                    let there = match kind {
                        "limit" => v.limits.contains_key(id),
                        _ => v.requests.contains_key(id),
                    };
                    there.then_some(Named::Unnamed)
                }
                _ => Some(Named::Unnamed),
            }
        };
        RecordRef {
            kind: kind.to_string(),
            named: named.unwrap_or(Named::Gone),
        }
    }

    /// A stage by its code: the pipeline's, or (for a stage since removed) its code as its name,
    /// which words the default stages in the interface's language.
    pub fn stage(&self, code: &str) -> Stage {
        self.stages
            .iter()
            .find(|s| s.id == code)
            .cloned()
            .unwrap_or_else(|| Stage {
                id: code.to_string(),
                name: code.to_string(),
                outcome: Outcome::Open,
            })
    }

    /// A value of field `field` of a record of kind `kind`, as the trail stored it.
    pub fn value(&self, kind: &str, field: &str, raw: &str) -> Shown {
        let record = |k: &str| Shown::Record(self.record(k, raw.trim()));
        // An import's counts are numbers under the kinds' names ("contact": "25"); an id never is.
        let count = !raw.trim().is_empty() && raw.trim().chars().all(|c| c.is_ascii_digit());
        if count {
            return text(raw);
        }
        match (kind, field) {
            (_, "organisation") => record("organisation"),
            (_, "contact") => record("contact"),
            (_, "deal") => record("deal"),
            (_, "purpose") => record("purpose"),
            (_, "request") => record("request"),
            (_, "contacts" | "merged_from") => Shown::Records(
                raw.split(',')
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(|id| self.record("contact", id))
                    .collect(),
            ),
            ("deal", "stage") => Shown::Stage(self.stage(raw.trim())),
            (_, "value" | "amount") => money(raw).map_or_else(|| text(raw), Shown::Money),
            (_, "at" | "due" | "lifted" | "discovered_at" | "authority_at" | "people_at") => {
                DateTime::parse_from_rfc3339(raw.trim())
                    .map_or_else(|_| text(raw), |t| Shown::Time(t.with_timezone(&Utc)))
            }
            (
                _,
                "date" | "expected_close" | "contract_end" | "retain_until" | "received"
                | "extended_to" | "restricted_until",
            ) => NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
                .map_or_else(|_| text(raw), Shown::Day),
            ("contact", "birthday") => crate::domain::birthday::parse(raw.trim(), NaiveDate::MAX)
                .ok()
                .filter(|day| crate::domain::birthday::format(*day) == raw.trim())
                .map_or_else(|| text(raw), Shown::Birthday),
            (_, "opt_out" | "retired" | "direct_marketing" | "done") => match raw.trim() {
                "true" => Shown::Flag(true),
                "false" => Shown::Flag(false),
                _ => text(raw),
            },
            (_, "lawful_basis") => {
                LawfulBasis::from_code(raw.trim()).map_or_else(|| text(raw), Shown::Basis)
            }
            (_, "method") => Method::from_code(raw.trim()).map_or_else(|| text(raw), Shown::Method),
            ("activity", "kind") => {
                ActivityKind::from_code(raw.trim()).map_or_else(|| text(raw), Shown::ActivityKind)
            }
            ("document", "kind") => {
                DocumentKind::from_code(raw.trim()).map_or_else(|| text(raw), Shown::DocumentKind)
            }
            ("request", "kind") => {
                RequestKind::from_code(raw.trim()).map_or_else(|| text(raw), Shown::RequestKind)
            }
            ("request", "status") => match raw.trim() {
                "open" => Shown::RequestStatus(RequestStatus::Open),
                "done" => Shown::RequestStatus(RequestStatus::Done),
                "refused" => Shown::RequestStatus(RequestStatus::Refused),
                _ => text(raw),
            },
            ("limit", "kind") => match raw.trim() {
                "objection" => Shown::LimitKind(LimitKind::Objection),
                "restriction" => Shown::LimitKind(LimitKind::Restriction),
                _ => text(raw),
            },
            ("consent", "event") => consent_event(raw).unwrap_or_else(|| text(raw)),
            (_, "outcome") => stored_or_text(raw),
            _ => text(raw),
        }
    }
}

fn text(raw: &str) -> Shown {
    Shown::Text(raw.to_string())
}

/// A text as stored: a code (or an old sentence) Folio wrote, or a person's words.
pub fn stored_or_text(raw: &str) -> Shown {
    Stored::read(raw).map_or_else(|| text(raw), Shown::Stored)
}

/// Money as the trail stores it: "120000.00 CZK".
fn money(raw: &str) -> Option<Money> {
    let (amount, code) = raw.trim().rsplit_once(' ')?;
    let currency = Currency::parse(code).ok()?;
    Money::parse(amount, currency, '.').ok()
}

/// A consent's last event as the trail stores it: "withdrawn (how)", "given ()".
fn consent_event(raw: &str) -> Option<Shown> {
    let raw = raw.trim();
    let (code, how) = match raw.split_once(" (") {
        Some((code, rest)) => (code, rest.strip_suffix(')')?),
        None => (raw, ""),
    };
    let kind = [
        EventKind::Given,
        EventKind::Refused,
        EventKind::Withdrawn,
        EventKind::Expired,
        EventKind::Renewed,
    ]
    .into_iter()
    .find(|k| k.code() == code)?;
    Some(Shown::ConsentEvent(kind, Box::new(stored_or_text(how))))
}

/// The audit log's filter and the page asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Events about this record, or (for a person) about what is theirs.
    pub record: Option<String>,
    pub action: Option<Action>,
    /// Local days, both included.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// 0 is the newest page.
    pub page: usize,
}

/// How many events a page of the audit log shows.
pub const PER_PAGE: usize = 25;

/// One page of the audit log: its events, newest first, and where it stands among all that
/// match (`first` and `last` count from 1; both 0 when nothing matches).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditPage {
    pub events: Vec<AuditEvent>,
    pub matching: usize,
    pub first: usize,
    pub last: usize,
    pub page: usize,
    pub pages: usize,
}

impl AuditPage {
    pub fn has_newer(&self) -> bool {
        self.page > 0
    }

    pub fn has_older(&self) -> bool {
        self.page + 1 < self.pages
    }
}

impl AuditQuery {
    pub fn matches(&self, e: &AuditEvent, day_of: impl Fn(DateTime<Utc>) -> NaiveDate) -> bool {
        let record = self
            .record
            .as_deref()
            .is_none_or(|id| e.entity_id == id || e.subjects.iter().any(|s| s == id));
        let action = self.action.is_none_or(|a| e.action == a);
        let day = day_of(e.at);
        let from = self.from.is_none_or(|from| day >= from);
        let to = self.to.is_none_or(|to| day <= to);
        record && action && from && to
    }
}

/// The page `query` asks for of the events (oldest first, as the trail holds them) that match
/// it, newest first; a page past the end shows the last one. `day_of` is the local day of a time.
pub fn audit_page(
    events: &[AuditEvent],
    query: &AuditQuery,
    per_page: usize,
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> AuditPage {
    let per_page = per_page.max(1);
    let matching: Vec<&AuditEvent> = events
        .iter()
        .rev()
        .filter(|e| query.matches(e, &day_of))
        .collect();
    let pages = matching.len().div_ceil(per_page).max(1);
    let page = query.page.min(pages - 1);
    let start = page * per_page;
    let shown: Vec<AuditEvent> = matching
        .iter()
        .skip(start)
        .take(per_page)
        .map(|e| (*e).clone())
        .collect();
    AuditPage {
        first: if shown.is_empty() { 0 } else { start + 1 },
        last: start + shown.len(),
        matching: matching.len(),
        events: shown,
        page,
        pages,
    }
}

/// The records the audit log can be filtered by: every named or erased record the trail
/// speaks of, once, by kind then name (records no longer there are left out: they cannot be
/// told apart).
pub fn audit_records(events: &[AuditEvent], names: &Names) -> Vec<(String, RecordRef)> {
    let mut seen = std::collections::BTreeSet::new();
    let mut list = Vec::new();
    for e in events {
        if seen.insert(e.entity_id.clone()) {
            let r = names.record(&e.entity_kind, &e.entity_id.text());
            if matches!(r.named, Named::Name(_) | Named::Erased(_)) {
                list.push((e.entity_id.to_string(), r));
            }
        }
    }
    let key = |r: &RecordRef| match &r.named {
        Named::Name(n) | Named::Erased(n) => n.to_lowercase(),
        _ => String::new(),
    };
    list.sort_by(|(_, a), (_, b)| a.kind.cmp(&b.kind).then_with(|| key(a).cmp(&key(b))));
    list
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
