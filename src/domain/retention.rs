//! The retention schedule (GDPR Art. 5(1)(e), storage limitation): a rule per purpose and one for
//! the contact record itself ("N months after the last activity, the deal's close, the consent's
//! end or the contract's end"), and, for each person, what still justifies keeping them and until
//! when. A person for whom every justification has ended is due for review. Must not import
//! anything outside `domain`.

use super::activity::Activity;
use super::consent::{ConsentRecord, State};
use super::contact::Contact;
use super::deal::{Deal, Outcome, Pipeline};
use super::document::{Document, DocumentKind};
use super::outreach::Person;
use super::purpose::{LawfulBasis, Purpose};
use super::FieldError;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a retention period counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum After {
    /// The person's last activity (or the record's creation, when there is none).
    LastActivity,
    /// The close (won or lost) of the person's last closed deal.
    DealClosed,
    /// The end of the consent: withdrawn, expired or refused.
    ConsentEnded,
    /// The end of the person's contract: a contract document's end, or a won deal's close.
    ContractEnded,
}

impl After {
    pub const ALL: [After; 4] = [
        After::LastActivity,
        After::DealClosed,
        After::ConsentEnded,
        After::ContractEnded,
    ];

    /// The stable code (storage, forms).
    pub fn code(self) -> &'static str {
        match self {
            After::LastActivity => "last_activity",
            After::DealClosed => "deal_closed",
            After::ConsentEnded => "consent_ended",
            After::ContractEnded => "contract_ended",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Keep for `months` after `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRule {
    pub months: u16,
    pub after: After,
}

impl RetentionRule {
    pub const MAX_MONTHS: u16 = 600;

    /// The contact record's rule until the user sets one: 36 months after the last activity.
    pub const CONTACT_DEFAULT: RetentionRule = RetentionRule {
        months: 36,
        after: After::LastActivity,
    };

    /// A rule from the form's two inputs: blank months is no rule; otherwise 1–600 months and
    /// one of the anchors.
    pub fn parse(months: &str, after: &str) -> Result<Option<Self>, FieldError> {
        let months = months.trim();
        if months.is_empty() {
            return Ok(None);
        }
        let months: u16 = months.parse().map_err(|_| FieldError::Months)?;
        if !(1..=Self::MAX_MONTHS).contains(&months) {
            return Err(FieldError::Months);
        }
        let after = After::from_code(after).ok_or(FieldError::Required)?;
        Ok(Some(RetentionRule { months, after }))
    }

    /// The first day it no longer justifies keeping: `anchor` plus the months (the last day of a
    /// shorter month when the anchor's day is not in it: 31 Jan + 1 month = 28/29 Feb). None when
    /// that is beyond the calendar: it never ends.
    pub fn end(self, anchor: NaiveDate) -> Option<NaiveDate> {
        anchor.checked_add_months(Months::new(u32::from(self.months)))
    }

    /// How the audit log records it: "36 last_activity".
    pub fn text(self) -> String {
        format!("{} {}", self.months, self.after.code())
    }
}

/// What keeps (or kept) a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ground {
    /// The contact record's own rule.
    Record(RetentionRule),
    /// A purpose that applies to them, with its rule.
    Purpose {
        purpose_id: String,
        rule: RetentionRule,
    },
    /// Their consent to a purpose, given now: keeps while it lasts.
    ConsentGiven { purpose_id: String },
    /// A document on them whose retention (a legal hold) keeps them.
    Hold {
        document_id: String,
        kind: DocumentKind,
        number: String,
    },
    /// A deal of theirs still open: keeps while it is.
    OpenDeal { deal_id: String },
}

/// One justification for keeping a person, and when it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub ground: Ground,
    /// The day the period counts from (a rule's anchor; a hold's last day).
    pub anchor: Option<NaiveDate>,
    /// The first day it no longer justifies keeping them; None: not while it lasts.
    pub ends: Option<NaiveDate>,
}

impl Reason {
    /// Whether it has ended on `today`.
    pub fn ended(&self, today: NaiveDate) -> bool {
        self.ends.is_some_and(|e| e <= today)
    }
}

/// A person due for review: every justification has ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub contact_id: String,
    /// The day the last justification ended.
    pub since: NaiveDate,
    /// What kept them, each ended, the latest end first.
    pub reasons: Vec<Reason>,
}

/// A contact as the schedule sees it.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub id: &'a str,
    pub contact: &'a Contact,
    /// When the record was created (the anchor when nothing else happened).
    pub created: DateTime<Utc>,
}

/// Everything the schedule reads, borrowed from the vault.
pub struct Vault<'a> {
    pub contacts: Vec<Subject<'a>>,
    pub activities: Vec<&'a Activity>,
    pub consents: Vec<&'a ConsentRecord>,
    pub deals: Vec<(&'a str, &'a Deal)>,
    pub documents: Vec<(&'a str, &'a Document)>,
    pub purposes: Vec<(&'a str, &'a Purpose)>,
    /// Their outreach facts (tags, deals, invoices), for whether a purpose's audience holds them.
    pub people: &'a HashMap<String, Person>,
    pub pipeline: &'a Pipeline,
    /// The contact record's rule.
    pub record_rule: RetentionRule,
}

/// What the schedule knows of one person, gathered in one pass over the vault.
#[derive(Default)]
struct Facts<'a> {
    last_activity: Option<NaiveDate>,
    last_closed: Option<NaiveDate>,
    contract_end: Option<NaiveDate>,
    open_deals: Vec<&'a str>,
    consents: Vec<&'a ConsentRecord>,
    documents: Vec<(&'a str, &'a Document)>,
}

fn later(a: Option<NaiveDate>, b: NaiveDate) -> Option<NaiveDate> {
    Some(a.map_or(b, |a| a.max(b)))
}

/// The facts of every contact, by id: one pass over activities, consents, deals, documents.
fn facts<'a>(
    v: &Vault<'a>,
    local_day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> HashMap<&'a str, Facts<'a>> {
    let mut by: HashMap<&'a str, Facts<'a>> = v
        .contacts
        .iter()
        .map(|s| (s.id, Facts::default()))
        .collect();
    for a in &v.activities {
        if let Some(f) = by.get_mut(a.contact_id.as_str()) {
            f.last_activity = later(f.last_activity, local_day(a.at));
        }
    }
    for c in &v.consents {
        if let Some(f) = by.get_mut(c.contact_id.as_str()) {
            f.consents.push(c);
        }
    }
    for (id, d) in &v.deals {
        let outcome = v
            .pipeline
            .stage(d.stage_id())
            .map_or(Outcome::Open, |s| s.outcome);
        let closed = d.since().map(local_day);
        for c in &d.contact_ids {
            let Some(f) = by.get_mut(c.as_str()) else {
                continue;
            };
            match (outcome, closed) {
                (Outcome::Open, _) => f.open_deals.push(id),
                (Outcome::Won, Some(day)) => {
                    f.last_closed = later(f.last_closed, day);
                    f.contract_end = later(f.contract_end, day);
                }
                (Outcome::Lost, Some(day)) => f.last_closed = later(f.last_closed, day),
                _ => {}
            }
        }
    }
    for (id, d) in &v.documents {
        for c in &d.contact_ids {
            let Some(f) = by.get_mut(c.as_str()) else {
                continue;
            };
            f.documents.push((id, d));
            if d.kind == DocumentKind::Contract {
                if let Some(end) = d.contract_end {
                    f.contract_end = later(f.contract_end, end);
                }
            }
        }
    }
    by
}

/// The end of a consent: when it was withdrawn, expired or refused (None while given, or
/// without events).
fn consent_end(
    c: &ConsentRecord,
    today: NaiveDate,
    local_day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Option<NaiveDate> {
    match c.state(today, local_day) {
        State::Withdrawn { at } => Some(local_day(at)),
        State::Expired { on } => Some(on),
        State::Refused => c.events().last().map(|e| local_day(e.at)),
        State::Given { .. } | State::None => None,
    }
}

impl Facts<'_> {
    /// The day `after` names for this person (`consent`: the consent in question, if any).
    fn anchor(&self, after: After, consent: Option<NaiveDate>) -> Option<NaiveDate> {
        match after {
            After::LastActivity => self.last_activity,
            After::DealClosed => self.last_closed,
            After::ConsentEnded => consent,
            After::ContractEnded => self.contract_end,
        }
    }
}

/// What justifies keeping `subject`, ended or not: the record's rule (its anchor, or else the
/// last activity, or else the record's creation), each purpose that applies to them with a
/// rule (a consent purpose through their consent to it: kept while given, and for its rule
/// after it ended), each document on them with a retention date, and each open deal.
fn reasons(
    v: &Vault,
    purposes: &HashMap<&str, &Purpose>,
    subject: &Subject,
    f: &Facts,
    today: NaiveDate,
    local_day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<Reason> {
    let mut out = Vec::new();
    let consents_ended = f
        .consents
        .iter()
        .filter_map(|c| consent_end(c, today, local_day))
        .max();
    let record = f
        .anchor(v.record_rule.after, consents_ended)
        .or(f.last_activity)
        .unwrap_or_else(|| local_day(subject.created));
    out.push(Reason {
        ground: Ground::Record(v.record_rule),
        anchor: Some(record),
        ends: v.record_rule.end(record),
    });
    // Consent purposes, through the person's consents to them.
    for c in &f.consents {
        let Some(p) = purposes.get(c.purpose_id.as_str()) else {
            continue;
        };
        if p.basis != LawfulBasis::Consent {
            continue;
        }
        if let State::Given { .. } = c.state(today, local_day) {
            out.push(Reason {
                ground: Ground::ConsentGiven {
                    purpose_id: c.purpose_id.clone(),
                },
                anchor: None,
                ends: None,
            });
            continue;
        }
        let Some(rule) = p.retention_rule else {
            continue;
        };
        if let Some(anchor) = f.anchor(rule.after, consent_end(c, today, local_day)) {
            out.push(Reason {
                ground: Ground::Purpose {
                    purpose_id: c.purpose_id.clone(),
                    rule,
                },
                anchor: Some(anchor),
                ends: rule.end(anchor),
            });
        }
    }
    // Purposes on any other basis whose audience holds them.
    let person = v.people.get(subject.id);
    for (id, p) in &v.purposes {
        let Some(rule) = p.retention_rule else {
            continue;
        };
        if p.basis == LawfulBasis::Consent
            || person.is_none_or(|person| super::outreach::reach(p, person).is_err())
        {
            continue;
        }
        if let Some(anchor) = f.anchor(rule.after, consents_ended) {
            out.push(Reason {
                ground: Ground::Purpose {
                    purpose_id: id.to_string(),
                    rule,
                },
                anchor: Some(anchor),
                ends: rule.end(anchor),
            });
        }
    }
    for (id, d) in &f.documents {
        if let Some(until) = d.retain_until {
            out.push(Reason {
                ground: Ground::Hold {
                    document_id: id.to_string(),
                    kind: d.kind,
                    number: d.number.clone(),
                },
                anchor: Some(until),
                // Kept up to and including retain-until.
                ends: until.succ_opt(),
            });
        }
    }
    for id in &f.open_deals {
        out.push(Reason {
            ground: Ground::OpenDeal {
                deal_id: id.to_string(),
            },
            anchor: None,
            ends: None,
        });
    }
    out
}

/// The people due for review on `today`: no purpose, hold or open deal justifies keeping them
/// any more, nor the record's own rule. The longest due first. People erased already (kept
/// only for a hold) are not listed: their erasure is finished apart; nor people whose
/// processing is restricted (Art. 18: kept, untouched, while the restriction lasts). Linear in
/// the vault's size (times the number of purposes).
pub fn due_for_review(
    v: &Vault,
    today: NaiveDate,
    local_day: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<Review> {
    let by = facts(v, local_day);
    let purposes: HashMap<&str, &Purpose> = v.purposes.iter().copied().collect();
    let empty = Facts::default();
    let mut out: Vec<Review> = v
        .contacts
        .iter()
        .filter(|s| s.contact.erased_on.is_none() && !s.contact.restricted)
        .filter_map(|s| {
            let f = by.get(s.id).unwrap_or(&empty);
            let mut reasons = reasons(v, &purposes, s, f, today, local_day);
            if !reasons.iter().all(|r| r.ended(today)) {
                return None;
            }
            reasons.sort_by_key(|r| std::cmp::Reverse(r.ends));
            let since = reasons.first().and_then(|r| r.ends)?;
            Some(Review {
                contact_id: s.id.to_string(),
                since,
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| a.since.cmp(&b.since).then(a.contact_id.cmp(&b.contact_id)));
    out
}

#[cfg(test)]
#[path = "retention_tests.rs"]
mod tests;
