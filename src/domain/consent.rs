//! Consent records (after ISO/IEC TS 27560 and the Kantara consent receipt) with their
//! append-only events, the consent state derived from them, objections (Art. 21) and
//! restrictions (Art. 18), and the "may I contact?" rule. Must not import anything outside
//! `domain`.

use super::purpose::{LawfulBasis, Purpose};
use super::{FieldError, FieldErrors};
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

mod undo;

const MAX_TEXT: usize = 2_000;

/// SHA-256 of some bytes (a pasted notice, a proof file), as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    super::hex::encode(&Sha256::digest(bytes))
}

pub mod fields {
    pub const CONTACT: &str = "contact";
    pub const PURPOSE: &str = "purpose";
    pub const NOTICE: &str = "notice";
    pub const NOTICE_HASH: &str = "notice_sha256";
    pub const LANGUAGE: &str = "language";
    pub const METHOD: &str = "method";
    pub const SOURCE: &str = "source";
    pub const CHANNEL: &str = "channel";
    pub const PROOF: &str = "proof";
    pub const PROOF_HASH: &str = "proof_sha256";
    pub const VALIDITY: &str = "validity_months";
    pub const EVENT: &str = "event";
    pub const REASON: &str = "reason";
}

/// How the consent was collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    #[default]
    WebForm,
    Email,
    PaperForm,
    Phone,
    InPerson,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::WebForm,
        Method::Email,
        Method::PaperForm,
        Method::Phone,
        Method::InPerson,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Method::WebForm => "web_form",
            Method::Email => "email",
            Method::PaperForm => "paper_form",
            Method::Phone => "phone",
            Method::InPerson => "in_person",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// What happened to a consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Given,
    Refused,
    Withdrawn,
    Expired,
    Renewed,
}

impl EventKind {
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Given => "given",
            EventKind::Refused => "refused",
            EventKind::Withdrawn => "withdrawn",
            EventKind::Expired => "expired",
            EventKind::Renewed => "renewed",
        }
    }
}

/// One event of a consent: what, when, and how it was expressed ("ticked the box on the web
/// form", "replied to the e-mail of 3 May").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentEvent {
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub how: String,
    /// On a "given" event that undoes a withdrawal recorded by mistake: the time of that
    /// withdrawal. The state returns to what it was before it (see `undo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<DateTime<Utc>>,
}

/// Why an event cannot be appended.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsentError {
    #[error("an event cannot be earlier than the last one")]
    OutOfOrder,
    #[error("{0:?} is not possible when the consent is {1:?}")]
    NotNow(EventKind, State),
    #[error("the events of a consent are never changed, only appended to")]
    EventsChanged,
    #[error("the last event of the consent is not a withdrawal, so there is none to undo")]
    NothingToUndo,
}

/// The current state of a consent on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// No event yet.
    None,
    /// Given or renewed, valid until (not including) `until` when it has a validity.
    Given {
        until: Option<NaiveDate>,
    },
    Refused,
    Withdrawn {
        at: DateTime<Utc>,
    },
    /// Its validity ran out on `on` (the user's local day).
    Expired {
        on: NaiveDate,
    },
}

/// Days ahead within which a given consent counts as expiring soon (the consent overview and
/// Home list it, so the user can ask for renewal in time).
pub const EXPIRING_SOON_DAYS: u64 = 30;

impl State {
    /// The day a given consent expires, when that is within `EXPIRING_SOON_DAYS` of `today`
    /// (None for a consent without a validity, or one not given).
    pub fn expiring_soon(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            State::Given { until: Some(on) }
                if on <= today + chrono::Days::new(EXPIRING_SOON_DAYS) =>
            {
                Some(on)
            }
            _ => None,
        }
    }
}

/// A consent of one contact to one purpose, and its history. Everything but the events is
/// fixed when the record is made; the events can only be appended to (there is no way to reach
/// them mutably), and the service refuses a stored record whose events are not an extension
/// of the previous ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub contact_id: String,
    pub purpose_id: String,
    /// The privacy notice shown: a title or URL.
    pub notice: String,
    /// SHA-256 (hex) of the notice's text, when the user pasted it.
    pub notice_sha256: Option<String>,
    /// The language the consent was asked in ("cs", "en"…).
    pub language: String,
    pub method: Method,
    /// Where it came from (the form's address, the event, the paper's reference…).
    pub source: String,
    /// The channel and contact point the consent covers ("e-mail: jana@firma.cz").
    pub channel: String,
    /// A note on the proof the user keeps.
    pub proof: String,
    /// SHA-256 (hex) of a proof file the user picked (the file stays with the user).
    pub proof_sha256: Option<String>,
    /// How long a given or renewed consent lasts; None: until withdrawn.
    pub validity_months: Option<u32>,
    events: Vec<ConsentEvent>,
}

impl ConsentRecord {
    pub fn events(&self) -> &[ConsentEvent] {
        &self.events
    }

    /// Appends an event if the state allows it and it is not earlier than the last one.
    /// `local_day` turns an instant into the user's local date.
    pub fn append(
        &mut self,
        event: ConsentEvent,
        local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Result<(), ConsentError> {
        if self.events.last().is_some_and(|last| event.at < last.at) {
            return Err(ConsentError::OutOfOrder);
        }
        let undoes_last_withdrawal = |last: &ConsentEvent| {
            last.kind == EventKind::Withdrawn && event.undoes == Some(last.at)
        };
        if event.undoes.is_some()
            && (event.kind != EventKind::Given
                || !self.events.last().is_some_and(undoes_last_withdrawal))
        {
            return Err(ConsentError::NothingToUndo);
        }
        let now = self.state(local_day(event.at), &local_day);
        let allowed = match event.kind {
            EventKind::Given => true,
            EventKind::Refused => !matches!(now, State::Given { .. }),
            EventKind::Withdrawn => matches!(now, State::Given { .. }),
            EventKind::Renewed => matches!(now, State::Given { .. } | State::Expired { .. }),
            EventKind::Expired => matches!(now, State::Expired { .. }),
        };
        if !allowed {
            return Err(ConsentError::NotNow(event.kind, now));
        }
        self.events.push(event);
        Ok(())
    }

    /// The same consent of the same person under the contact it was merged into.
    pub fn moved_to(&self, contact_id: &str) -> Self {
        Self {
            contact_id: contact_id.to_string(),
            ..self.clone()
        }
    }

    /// Whether `self` is `previous` with events appended and nothing else changed.
    pub fn extends(&self, previous: &ConsentRecord) -> Result<(), ConsentError> {
        let fixed = |r: &ConsentRecord| ConsentRecord {
            events: Vec::new(),
            ..r.clone()
        };
        if fixed(self) != fixed(previous) || !self.events.starts_with(&previous.events) {
            return Err(ConsentError::EventsChanged);
        }
        Ok(())
    }

    /// The state on `today` (the user's local date).
    pub fn state(&self, today: NaiveDate, local_day: impl Fn(DateTime<Utc>) -> NaiveDate) -> State {
        let mut state = State::None;
        let mut before_withdrawal = State::None;
        for e in &self.events {
            state = match e.kind {
                EventKind::Given if e.undoes.is_some() => match state {
                    State::Withdrawn { at } if Some(at) == e.undoes => before_withdrawal,
                    _ => State::Given {
                        until: self.expiry_from(local_day(e.at)),
                    },
                },
                EventKind::Withdrawn => {
                    before_withdrawal = state;
                    State::Withdrawn { at: e.at }
                }
                EventKind::Given | EventKind::Renewed => State::Given {
                    until: self.expiry_from(local_day(e.at)),
                },
                EventKind::Refused => State::Refused,
                EventKind::Expired => match state {
                    State::Given { until: Some(on) } => State::Expired { on },
                    _ => State::Expired {
                        on: local_day(e.at),
                    },
                },
            };
        }
        match state {
            State::Given { until: Some(on) } if today >= on => State::Expired { on },
            other => other,
        }
    }

    /// The day a consent given on `day` expires (it is valid up to the day before).
    fn expiry_from(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.validity_months
            .and_then(|m| day.checked_add_months(Months::new(m)))
    }

    /// The time of the consent as given (the first "given" event, or the last renewal).
    pub fn given_at(&self) -> Option<DateTime<Utc>> {
        self.events
            .iter()
            .rev()
            .find(|e| matches!(e.kind, EventKind::Given | EventKind::Renewed) && e.undoes.is_none())
            .map(|e| e.at)
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::CONTACT, Some(self.contact_id.clone())),
            (fields::PURPOSE, Some(self.purpose_id.clone())),
            (fields::NOTICE, text(&self.notice)),
            (fields::NOTICE_HASH, self.notice_sha256.clone()),
            (fields::LANGUAGE, text(&self.language)),
            (fields::METHOD, Some(self.method.code().to_string())),
            (fields::SOURCE, text(&self.source)),
            (fields::CHANNEL, text(&self.channel)),
            (fields::PROOF, text(&self.proof)),
            (fields::PROOF_HASH, self.proof_sha256.clone()),
            (
                fields::VALIDITY,
                self.validity_months.map(|m| m.to_string()),
            ),
            (
                fields::EVENT,
                // An undone withdrawal reads "given (how)" too: its `how` says it was an undo.
                self.events
                    .last()
                    .map(|e| format!("{} ({})", e.kind.code(), e.how)),
            ),
        ]
    }
}

/// The consent form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsentDraft {
    pub contact_id: String,
    pub purpose_id: String,
    pub notice: String,
    pub notice_sha256: Option<String>,
    pub language: String,
    pub method: String,
    pub source: String,
    pub channel: String,
    pub proof: String,
    pub proof_sha256: Option<String>,
    /// Months, as typed; empty: until withdrawn.
    pub validity_months: String,
    /// "given" or "refused".
    pub answer: String,
    pub how: String,
}

impl ConsentDraft {
    /// A new consent record with its first event (given or refused) at `at`.
    pub fn validate(&self, at: DateTime<Utc>) -> Result<ConsentRecord, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.contact_id.trim().is_empty() {
            errors.push((fields::CONTACT, FieldError::Required));
        }
        if self.purpose_id.trim().is_empty() {
            errors.push((fields::PURPOSE, FieldError::Required));
        }
        if self.notice.trim().is_empty() {
            errors.push((fields::NOTICE, FieldError::Required));
        }
        let method = Method::from_code(&self.method);
        if method.is_none() {
            errors.push((fields::METHOD, FieldError::Required));
        }
        let validity = self.validity_months.trim();
        let validity_months = if validity.is_empty() {
            None
        } else {
            match validity.parse::<u32>() {
                Ok(m) if (1..=600).contains(&m) => Some(m),
                _ => {
                    errors.push((fields::VALIDITY, FieldError::Months));
                    None
                }
            }
        };
        let kind = match self.answer.as_str() {
            "refused" => EventKind::Refused,
            _ => EventKind::Given,
        };
        for (field, text) in [
            (fields::NOTICE, &self.notice),
            (fields::SOURCE, &self.source),
            (fields::CHANNEL, &self.channel),
            (fields::PROOF, &self.proof),
            (fields::EVENT, &self.how),
        ] {
            if text.chars().count() > MAX_TEXT {
                errors.push((field, FieldError::TooLong(MAX_TEXT)));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ConsentRecord {
            contact_id: self.contact_id.trim().to_string(),
            purpose_id: self.purpose_id.trim().to_string(),
            notice: self.notice.trim().to_string(),
            notice_sha256: self.notice_sha256.clone(),
            language: self.language.trim().to_string(),
            method: method.unwrap_or_default(),
            source: self.source.trim().to_string(),
            channel: self.channel.trim().to_string(),
            proof: self.proof.trim().to_string(),
            proof_sha256: self.proof_sha256.clone(),
            validity_months,
            events: vec![ConsentEvent {
                kind,
                at,
                how: self.how.trim().to_string(),
                undoes: None,
            }],
        })
    }
}

/// An objection (Art. 21) or a restriction (Art. 18) recorded for a contact, with date and
/// reason; lifted by recording when it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    pub contact_id: String,
    pub kind: LimitKind,
    /// The purpose objected to; None: every purpose (an objection), or all processing.
    pub purpose_id: Option<String>,
    pub since: DateTime<Utc>,
    pub reason: String,
    pub lifted: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    Objection,
    Restriction,
}

impl Limit {
    pub fn new(
        contact_id: &str,
        kind: LimitKind,
        purpose_id: Option<String>,
        since: DateTime<Utc>,
        reason: &str,
    ) -> Result<Self, FieldErrors> {
        if reason.trim().is_empty() {
            return Err(vec![(fields::REASON, FieldError::Required)]);
        }
        Ok(Self {
            contact_id: contact_id.to_string(),
            kind,
            purpose_id,
            since,
            reason: reason.trim().to_string(),
            lifted: None,
        })
    }

    pub fn active_at(&self, at: DateTime<Utc>) -> bool {
        self.since <= at && self.lifted.is_none_or(|l| l > at)
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        vec![
            ("contact", Some(self.contact_id.clone())),
            (
                "kind",
                Some(
                    match self.kind {
                        LimitKind::Objection => "objection",
                        LimitKind::Restriction => "restriction",
                    }
                    .to_string(),
                ),
            ),
            ("purpose", self.purpose_id.clone()),
            (fields::REASON, Some(self.reason.clone())),
            ("lifted", self.lifted.map(|l| l.to_rfc3339())),
        ]
    }
}

/// Why a contact may not be processed for a purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exclusion {
    /// The purpose rests on consent and there is none.
    NoConsent,
    Refused,
    Withdrawn(DateTime<Utc>),
    Expired(NaiveDate),
    /// An objection (Art. 21) since this time.
    Objected(DateTime<Utc>, String),
    /// Processing restricted (Art. 18) since this time.
    Restricted(DateTime<Utc>, String),
    /// The purpose is retired.
    Retired,
    /// An address of the contact is on the do-not-contact list, for this reason.
    DoNotContact(super::do_not_contact::Reason),
    /// Outside the purpose's audience, or not meeting the soft opt-in (`outreach::reach`).
    Outside(super::outreach::Outside),
}

/// Whether a contact may be processed for a purpose at `now` (on the user's local `today`):
/// never while processing is restricted; not after an objection where it applies; under
/// consent only while a consent is given (or renewed) and neither expired nor withdrawn; and on
/// every basis only within the purpose's audience (and the soft opt-in for direct marketing
/// without consent), from what `person` says of them.
#[allow(clippy::too_many_arguments)]
pub fn eligibility<'a>(
    purpose_id: &str,
    purpose: &Purpose,
    contact_restricted: bool,
    person: &super::outreach::Person,
    consents: impl IntoIterator<Item = &'a ConsentRecord>,
    limits: impl IntoIterator<Item = &'a Limit>,
    now: DateTime<Utc>,
    local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Result<(), Exclusion> {
    if purpose.retired {
        return Err(Exclusion::Retired);
    }
    let active: Vec<&Limit> = limits.into_iter().filter(|l| l.active_at(now)).collect();
    if let Some(r) = active.iter().find(|l| l.kind == LimitKind::Restriction) {
        return Err(Exclusion::Restricted(r.since, r.reason.clone()));
    }
    if contact_restricted {
        return Err(Exclusion::Restricted(now, String::new()));
    }
    // An objection to direct marketing is absolute, whatever the basis (Art. 21(3)).
    if purpose.basis.objection_applies() || purpose.direct_marketing {
        let objection = active.iter().find(|l| {
            l.kind == LimitKind::Objection
                && l.purpose_id.as_deref().is_none_or(|p| p == purpose_id)
        });
        if let Some(o) = objection {
            return Err(Exclusion::Objected(o.since, o.reason.clone()));
        }
    }
    let reach = || super::outreach::reach(purpose, person).map_err(Exclusion::Outside);
    if purpose.basis != LawfulBasis::Consent {
        return reach();
    }
    let today = local_day(now);
    let mut best = Err(Exclusion::NoConsent);
    for c in consents.into_iter().filter(|c| c.purpose_id == purpose_id) {
        match c.state(today, &local_day) {
            State::Given { .. } => return reach(),
            State::Withdrawn { at } => best = Err(Exclusion::Withdrawn(at)),
            State::Expired { on } => best = Err(Exclusion::Expired(on)),
            State::Refused if best == Err(Exclusion::NoConsent) => best = Err(Exclusion::Refused),
            _ => {}
        }
    }
    best
}

/// What a contact objects to at `at`: None for every purpose, or the purposes' ids.
pub fn objections<'a>(
    contact_id: &str,
    limits: impl IntoIterator<Item = &'a Limit>,
    at: DateTime<Utc>,
) -> Vec<Option<&'a str>> {
    limits
        .into_iter()
        .filter(|l| l.contact_id == contact_id && l.kind == LimitKind::Objection && l.active_at(at))
        .map(|l| l.purpose_id.as_deref())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{consent_draft, day, newsletter, utc};
    use chrono::FixedOffset;

    /// Prague in winter (UTC+1).
    fn prague(at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&FixedOffset::east_opt(3600).unwrap())
            .date_naive()
    }

    fn event(kind: EventKind, at: DateTime<Utc>) -> ConsentEvent {
        ConsentEvent {
            kind,
            at,
            how: "by e-mail".into(),
            undoes: None,
        }
    }

    #[test]
    fn a_given_consent_is_expiring_soon_from_thirty_days_before_its_expiry() {
        let today = day(2026, 12, 1);
        let given = |until| State::Given { until };
        assert_eq!(
            given(Some(day(2026, 12, 31))).expiring_soon(today),
            Some(day(2026, 12, 31))
        );
        assert_eq!(given(Some(day(2027, 1, 1))).expiring_soon(today), None);
        assert_eq!(given(None).expiring_soon(today), None);
        assert_eq!(
            State::Expired {
                on: day(2026, 11, 30)
            }
            .expiring_soon(today),
            None
        );
        // Through the record: given on 15 November for one month expires on 15 December.
        let mut record = consent_draft("1")
            .validate(utc(2026, 11, 15, 9, 0))
            .unwrap();
        assert_eq!(
            record.state(today, prague).expiring_soon(today),
            Some(day(2026, 12, 15))
        );
        record
            .append(event(EventKind::Withdrawn, utc(2026, 11, 20, 9, 0)), prague)
            .unwrap();
        assert_eq!(record.state(today, prague).expiring_soon(today), None);
    }

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn given_then_withdrawn_then_given_again() {
        let mut c = consent_draft("").validate(utc(2026, 1, 10, 9, 0)).unwrap();
        assert_eq!(
            c.state(day(2026, 1, 10), prague),
            State::Given { until: None }
        );
        c.append(event(EventKind::Withdrawn, utc(2026, 2, 1, 9, 0)), prague)
            .unwrap();
        assert_eq!(
            c.state(day(2026, 2, 2), prague),
            State::Withdrawn {
                at: utc(2026, 2, 1, 9, 0)
            }
        );
        // Withdrawing twice, or renewing a withdrawn consent, is not a thing: it is given anew.
        assert!(c
            .append(event(EventKind::Withdrawn, utc(2026, 2, 2, 9, 0)), prague)
            .is_err());
        assert!(c
            .append(event(EventKind::Renewed, utc(2026, 2, 2, 9, 0)), prague)
            .is_err());
        c.append(event(EventKind::Given, utc(2026, 3, 1, 9, 0)), prague)
            .unwrap();
        assert!(matches!(
            c.state(day(2026, 3, 1), prague),
            State::Given { .. }
        ));
        assert_eq!(c.events().len(), 3);
    }

    #[test]
    fn refused_is_not_consent_and_cannot_be_withdrawn() {
        let mut d = consent_draft("");
        d.answer = "refused".into();
        let mut c = d.validate(utc(2026, 1, 10, 9, 0)).unwrap();
        assert_eq!(c.state(day(2026, 1, 11), prague), State::Refused);
        assert_eq!(
            c.append(event(EventKind::Withdrawn, utc(2026, 1, 11, 9, 0)), prague),
            Err(ConsentError::NotNow(EventKind::Withdrawn, State::Refused))
        );
    }

    #[test]
    fn expiry_is_exactly_at_the_boundary_of_the_local_day() {
        // Given at 23:30 UTC on 31 Dec = 00:30 on 1 Jan in Prague: the local day is 1 Jan.
        let c = consent_draft("12")
            .validate(utc(2025, 12, 31, 23, 30))
            .unwrap();
        assert_eq!(
            c.state(day(2026, 12, 31), prague),
            State::Given {
                until: Some(day(2027, 1, 1))
            }
        );
        assert_eq!(
            c.state(day(2027, 1, 1), prague),
            State::Expired {
                on: day(2027, 1, 1)
            }
        );
        // The same instant in UTC is still 31 Dec, so it would expire a day earlier.
        let utc_day = |at: DateTime<Utc>| at.date_naive();
        assert_eq!(
            c.state(day(2026, 12, 31), utc_day),
            State::Expired {
                on: day(2026, 12, 31)
            }
        );
    }

    #[test]
    fn renewal_extends_an_expired_or_running_consent() {
        let mut c = consent_draft("6").validate(utc(2026, 1, 10, 9, 0)).unwrap();
        assert!(matches!(
            c.state(day(2026, 7, 10), prague),
            State::Expired { .. }
        ));
        c.append(event(EventKind::Renewed, utc(2026, 8, 1, 9, 0)), prague)
            .unwrap();
        assert_eq!(
            c.state(day(2026, 8, 2), prague),
            State::Given {
                until: Some(day(2027, 2, 1))
            }
        );
        assert_eq!(c.given_at(), Some(utc(2026, 8, 1, 9, 0)));
    }

    #[test]
    fn events_never_go_back_in_time_and_are_never_rewritten() {
        let mut c = consent_draft("").validate(utc(2026, 1, 10, 9, 0)).unwrap();
        let before = c.clone();
        assert_eq!(
            c.append(event(EventKind::Withdrawn, utc(2026, 1, 9, 9, 0)), prague),
            Err(ConsentError::OutOfOrder)
        );
        c.append(event(EventKind::Withdrawn, utc(2026, 1, 11, 9, 0)), prague)
            .unwrap();
        assert_eq!(c.extends(&before), Ok(()));
        // A record whose earlier events differ, or whose fixed fields changed, is refused.
        let mut other = consent_draft("").validate(utc(2026, 1, 12, 9, 0)).unwrap();
        assert_eq!(other.extends(&before), Err(ConsentError::EventsChanged));
        other = c.clone();
        other.notice = "another notice".into();
        assert_eq!(other.extends(&before), Err(ConsentError::EventsChanged));
        assert_eq!(before.extends(&c), Err(ConsentError::EventsChanged));
    }

    #[test]
    fn a_draft_needs_contact_purpose_notice_and_method() {
        let errors = ConsentDraft::default()
            .validate(utc(2026, 1, 1, 0, 0))
            .unwrap_err();
        let names: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            names,
            vec![
                fields::CONTACT,
                fields::PURPOSE,
                fields::NOTICE,
                fields::METHOD
            ]
        );
        assert_eq!(
            consent_draft("0")
                .validate(utc(2026, 1, 1, 0, 0))
                .unwrap_err(),
            vec![(fields::VALIDITY, FieldError::Months)]
        );
        assert_eq!(
            consent_draft("twelve")
                .validate(utc(2026, 1, 1, 0, 0))
                .unwrap_err(),
            vec![(fields::VALIDITY, FieldError::Months)]
        );
    }

    fn limit(kind: LimitKind, purpose: Option<&str>, since: DateTime<Utc>) -> Limit {
        Limit::new(
            "c1",
            kind,
            purpose.map(str::to_string),
            since,
            "asked us to stop",
        )
        .unwrap()
    }

    #[test]
    fn eligibility_for_every_basis_with_objection_and_restriction() {
        // A customer: in every basis's default audience (the audiences: outreach_tests.rs).
        let customer = super::super::outreach::Person {
            invoices: vec![None],
            ..Default::default()
        };
        let now = utc(2026, 6, 1, 12, 0);
        let given = consent_draft("").validate(utc(2026, 1, 10, 9, 0)).unwrap();
        let objection = limit(LimitKind::Objection, None, utc(2026, 5, 1, 0, 0));
        let objection_elsewhere = limit(LimitKind::Objection, Some("p2"), utc(2026, 5, 1, 0, 0));
        let restriction = limit(LimitKind::Restriction, None, utc(2026, 5, 2, 0, 0));
        let mut lifted = restriction.clone();
        lifted.lifted = Some(utc(2026, 5, 20, 0, 0));
        for basis in LawfulBasis::ALL {
            let p = newsletter(basis);
            let check = |consents: &[ConsentRecord], limits: &[Limit]| {
                eligibility("p1", &p, false, &customer, consents, limits, now, prague)
            };
            let with_consent = check(std::slice::from_ref(&given), &[]);
            assert_eq!(with_consent, Ok(()), "{basis:?} with consent");
            let without = check(&[], &[]);
            if basis == LawfulBasis::Consent {
                assert_eq!(without, Err(Exclusion::NoConsent));
            } else {
                assert_eq!(without, Ok(()), "{basis:?}: a customer needs no consent");
            }
            let objected = check(
                std::slice::from_ref(&given),
                std::slice::from_ref(&objection),
            );
            if basis.objection_applies() {
                assert!(
                    matches!(objected, Err(Exclusion::Objected(..))),
                    "{basis:?}"
                );
            } else {
                assert_eq!(objected, Ok(()), "{basis:?}: an objection does not apply");
            }
            assert_eq!(
                check(
                    std::slice::from_ref(&given),
                    std::slice::from_ref(&objection_elsewhere)
                ),
                Ok(()),
                "{basis:?}: an objection to another purpose"
            );
            assert!(matches!(
                check(
                    std::slice::from_ref(&given),
                    std::slice::from_ref(&restriction)
                ),
                Err(Exclusion::Restricted(..))
            ));
            assert_eq!(
                check(std::slice::from_ref(&given), std::slice::from_ref(&lifted)),
                Ok(())
            );
            assert!(matches!(
                eligibility("p1", &p, true, &customer, [&given], [], now, prague),
                Err(Exclusion::Restricted(..))
            ));
        }
    }

    #[test]
    fn consent_exclusions_say_why() {
        let customer = super::super::outreach::Person::default();
        let now = utc(2026, 6, 1, 12, 0);
        let p = newsletter(LawfulBasis::Consent);
        let mut withdrawn = consent_draft("").validate(utc(2026, 1, 10, 9, 0)).unwrap();
        withdrawn
            .append(event(EventKind::Withdrawn, utc(2026, 2, 1, 9, 0)), prague)
            .unwrap();
        assert_eq!(
            eligibility("p1", &p, false, &customer, [&withdrawn], [], now, prague),
            Err(Exclusion::Withdrawn(utc(2026, 2, 1, 9, 0)))
        );
        let expired = consent_draft("3").validate(utc(2026, 1, 10, 9, 0)).unwrap();
        assert_eq!(
            eligibility("p1", &p, false, &customer, [&expired], [], now, prague),
            Err(Exclusion::Expired(day(2026, 4, 10)))
        );
        let mut refused = consent_draft("");
        refused.answer = "refused".into();
        let refused = refused.validate(utc(2026, 1, 10, 9, 0)).unwrap();
        assert_eq!(
            eligibility("p1", &p, false, &customer, [&refused], [], now, prague),
            Err(Exclusion::Refused)
        );
        // A consent to another purpose does not count.
        let mut other = consent_draft("");
        other.purpose_id = "p2".into();
        let other = other.validate(utc(2026, 1, 10, 9, 0)).unwrap();
        assert_eq!(
            eligibility("p1", &p, false, &customer, [&other], [], now, prague),
            Err(Exclusion::NoConsent)
        );
        let mut retired = p.clone();
        retired.retired = true;
        assert_eq!(
            eligibility("p1", &retired, false, &customer, [], [], now, prague),
            Err(Exclusion::Retired)
        );
    }
}
