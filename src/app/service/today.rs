//! Home's lists, computed from the decrypted state by the domain's own rules: the day's work
//! (breaches whose 72-hour notification is open, follow-ups overdue and due today, requests due
//! within a week or overdue, consents expiring within 30 days, retention holds ending within 90
//! days, erasures ready to finish, how many people are due for review, the backup)
//! and the first-run checklist. Read-only; the page only renders what these return.

use super::types::VaultSnapshot;
use crate::domain::document::DocumentKind;
use crate::domain::request::{RequestKind, Urgency};
use crate::domain::task::{bucket, Bucket};
use chrono::{DateTime, NaiveDate, Utc};

/// Days after the last encrypted backup from which Home asks for a new one.
pub const BACKUP_DUE_DAYS: i64 = crate::app::preferences::BACKUP_REMINDER_DAYS;

/// Where an item is dealt with (the page turns it into a link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Contact(String),
    Organisation(String),
    Deal(String),
    /// The erasure of a contact, to be finished.
    Erase(String),
    Requests,
    Agenda,
}

/// An open follow-up, overdue or due today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub id: String,
    pub title: String,
    pub due: DateTime<Utc>,
    pub overdue: bool,
    /// The contact's name or the deal's title it is about.
    pub about: Option<String>,
    pub place: Place,
}

/// An open data subject request, overdue or due within `request::DUE_SOON_DAYS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestDue {
    pub kind: RequestKind,
    pub subject: String,
    pub due: NaiveDate,
    pub overdue: bool,
}

/// A breach whose notification to ÚOOÚ is still open (its 72-hour clock running or overdue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreachDue {
    pub id: String,
    pub nature: String,
    pub deadline: DateTime<Utc>,
    pub clock: crate::domain::breach::Clock,
}

/// A given consent that expires within `consent::EXPIRING_SOON_DAYS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentExpiring {
    pub contact_id: String,
    pub contact: String,
    pub purpose: String,
    /// The day it expires (valid up to the day before).
    pub on: NaiveDate,
}

/// A document whose retention hold ends within `document::HOLD_ENDING_DAYS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldEnding {
    pub document_id: String,
    pub kind: DocumentKind,
    pub number: String,
    /// Its last day of retention.
    pub until: NaiveDate,
    /// The deal, contact or organisation it is on.
    pub about: String,
    pub place: Option<Place>,
}

/// The backup status: the last encrypted backup and the last plain export on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backup {
    pub last_backup: Option<DateTime<Utc>>,
    pub last_export: Option<DateTime<Utc>>,
    /// No encrypted backup yet, or the last is `BACKUP_DUE_DAYS` old or older.
    pub due: bool,
}

impl Backup {
    /// A plain export made since the last encrypted backup (or with no backup at all), worth
    /// naming: a backup makes its export in the same moment, which is not named again.
    pub fn plain_export_since(&self) -> Option<DateTime<Utc>> {
        self.last_export.filter(|export| {
            self.last_backup
                .is_none_or(|backup| *export > backup + chrono::Duration::minutes(1))
        })
    }
}

/// What Home lists after unlock, each list in the order to deal with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayWork {
    /// Breaches to notify ÚOOÚ of, the earliest deadline first.
    pub breaches: Vec<BreachDue>,
    /// Overdue first, then today's; each by due time.
    pub follow_ups: Vec<FollowUp>,
    /// By due date.
    pub requests: Vec<RequestDue>,
    /// By expiry.
    pub consents: Vec<ConsentExpiring>,
    /// By the hold's last day.
    pub holds: Vec<HoldEnding>,
    /// People erased while held whose last hold has ended: (contact id, name), by name.
    pub erasures: Vec<(String, String)>,
    /// How many people are due for review (the retention schedule; the Agenda lists them).
    pub review: usize,
    pub backup: Backup,
}

impl DayWork {
    /// Nothing listed and the backup is recent.
    pub fn nothing_to_do(&self) -> bool {
        self.follow_ups.is_empty()
            && self.breaches.is_empty()
            && self.requests.is_empty()
            && self.consents.is_empty()
            && self.holds.is_empty()
            && self.erasures.is_empty()
            && self.review == 0
            && !self.backup.due
    }
}

/// The first-run checklist: what a new vault needs before daily use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checklist {
    /// The controller's details are saved.
    pub profile: bool,
    /// At least one purpose is in the register.
    pub purposes: bool,
    /// At least one contact.
    pub contact: bool,
    /// An encrypted backup was made on this device.
    pub backup: bool,
}

impl Checklist {
    pub fn done(&self) -> bool {
        self.profile && self.purposes && self.contact && self.backup
    }
}

impl VaultSnapshot {
    /// The day's work at `now` (the user's local day by `local_day`), given when the last
    /// encrypted backup and plain export were made on this device.
    pub fn day_work(
        &self,
        now: DateTime<Utc>,
        last_backup: Option<DateTime<Utc>>,
        last_export: Option<DateTime<Utc>>,
        local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> DayWork {
        let today = local_day(now);
        let contact_name = |id: &str| self.contacts.get(id).map(|c| c.data.display_name());

        let mut follow_ups: Vec<FollowUp> = self
            .tasks
            .iter()
            .filter_map(|(id, r)| {
                let overdue = match bucket(&r.data, today, &local_day)? {
                    Bucket::Overdue => true,
                    Bucket::Today => false,
                    Bucket::Upcoming => return None,
                };
                let task = &r.data;
                let contact = task
                    .contact_id
                    .as_deref()
                    .and_then(|c| Some((c, contact_name(c)?)));
                let deal = task
                    .deal_id
                    .as_deref()
                    .and_then(|d| Some((d, self.deals.get(d)?.data.title.clone())));
                let (about, place) = match (contact, deal) {
                    (Some((c, name)), _) => (Some(name), Place::Contact(c.to_string())),
                    (None, Some((d, title))) => (Some(title), Place::Deal(d.to_string())),
                    (None, None) => (None, Place::Agenda),
                };
                Some(FollowUp {
                    id: id.clone(),
                    title: task.title.clone(),
                    due: task.due,
                    overdue,
                    about,
                    place,
                })
            })
            .collect();
        follow_ups.sort_by_key(|a| (!a.overdue, a.due));

        let mut requests: Vec<RequestDue> = self
            .requests
            .values()
            .filter_map(|r| {
                let overdue = match r.data.urgency(today) {
                    Urgency::Overdue => true,
                    Urgency::DueSoon => false,
                    Urgency::Later | Urgency::Closed => return None,
                };
                Some(RequestDue {
                    kind: r.data.kind,
                    subject: r.data.subject.clone(),
                    due: r.data.due(),
                    overdue,
                })
            })
            .collect();
        requests.sort_by(|a, b| a.due.cmp(&b.due).then(a.subject.cmp(&b.subject)));

        let mut consents: Vec<ConsentExpiring> = self
            .consents
            .values()
            .filter_map(|c| {
                let on = c.data.state(today, &local_day).expiring_soon(today)?;
                Some(ConsentExpiring {
                    contact_id: c.data.contact_id.clone(),
                    contact: contact_name(&c.data.contact_id).unwrap_or_default(),
                    purpose: self
                        .purposes
                        .get(&c.data.purpose_id)
                        .map(|p| p.data.name.clone())
                        .unwrap_or_default(),
                    on,
                })
            })
            .collect();
        consents.sort_by(|a, b| a.on.cmp(&b.on).then(a.contact.cmp(&b.contact)));

        let mut holds: Vec<HoldEnding> = self
            .documents
            .iter()
            .filter_map(|(id, r)| {
                let d = &r.data;
                let until = d.hold_ending(today)?;
                let deal = d
                    .deal_id
                    .as_deref()
                    .and_then(|x| Some((x, self.deals.get(x)?.data.title.clone())));
                let contact = d
                    .contact_ids
                    .iter()
                    .find_map(|x| Some((x.as_str(), contact_name(x)?)));
                let organisation = d
                    .organisation_id
                    .as_deref()
                    .and_then(|x| Some((x, self.organisations.get(x)?.data.name.clone())));
                let (about, place) = match (deal, contact, organisation) {
                    (Some((x, title)), _, _) => (title, Some(Place::Deal(x.to_string()))),
                    (None, Some((x, name)), _) => (name, Some(Place::Contact(x.to_string()))),
                    (None, None, Some((x, name))) => {
                        (name, Some(Place::Organisation(x.to_string())))
                    }
                    (None, None, None) => (String::new(), None),
                };
                Some(HoldEnding {
                    document_id: id.clone(),
                    kind: d.kind,
                    number: d.number.clone(),
                    until,
                    about,
                    place,
                })
            })
            .collect();
        holds.sort_by(|a, b| a.until.cmp(&b.until).then(a.number.cmp(&b.number)));

        let mut erasures = self.erasures_ready(today);
        erasures.sort_by_cached_key(|(_, n)| crate::domain::search::fold(n));

        let due = last_backup.is_none_or(|at| (now - at).num_days() >= BACKUP_DUE_DAYS);
        let breaches = self
            .breaches_open(now)
            .into_iter()
            .map(|(id, b, clock)| BreachDue {
                id,
                deadline: b.deadline(),
                nature: b.nature,
                clock,
            })
            .collect();
        let review = self.due_for_review(today, &local_day).len();
        DayWork {
            breaches,
            follow_ups,
            review,
            requests,
            consents,
            holds,
            erasures,
            backup: Backup {
                last_backup,
                last_export,
                due,
            },
        }
    }

    /// The first-run checklist, given when the last encrypted backup was made on this device.
    /// People erased while documents had to be kept whose last hold has ended by `today`:
    /// their erasure can be finished now. (id, name), in the order of the contacts.
    pub fn erasures_ready(&self, today: NaiveDate) -> Vec<(String, String)> {
        self.contacts
            .iter()
            .filter(|(id, c)| {
                crate::domain::erasure::ready_to_finish(
                    id,
                    &c.data,
                    self.documents.iter().map(|(k, r)| (k, &r.data)),
                    today,
                )
            })
            .map(|(id, c)| (id.clone(), c.data.display_name()))
            .collect()
    }

    pub fn checklist(&self, last_backup: Option<DateTime<Utc>>) -> Checklist {
        Checklist {
            profile: self
                .profile()
                .is_some_and(|p| !p.data.name.trim().is_empty()),
            purposes: !self.purposes.is_empty(),
            contact: !self.contacts.is_empty(),
            backup: last_backup.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::service::OpenRecord;
    use crate::domain::consent::{ConsentDraft, ConsentEvent, EventKind};
    use crate::domain::contact::Contact;
    use crate::domain::deal::Deal;
    use crate::domain::document::Document;
    use crate::domain::profile::ControllerProfile;
    use crate::domain::purpose::{LawfulBasis, Purpose};
    use crate::domain::request::{RequestStatus, SubjectRequest};
    use crate::domain::task::Task;
    use chrono::{FixedOffset, TimeZone};

    /// Prague in winter.
    fn prague(at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&FixedOffset::east_opt(3600).unwrap())
            .date_naive()
    }

    fn utc(m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// 1 December 2026, 10:00 in Prague.
    fn now() -> DateTime<Utc> {
        utc(12, 1, 9)
    }

    fn record<T>(id: &str, data: T) -> OpenRecord<T> {
        OpenRecord {
            id: id.into(),
            kind: "test".into(),
            rev: 1,
            created_at: utc(1, 1, 0),
            updated_at: utc(1, 1, 0),
            data,
        }
    }

    fn put<T>(map: &mut crate::app::service::Records<T>, id: &str, data: T) {
        map.insert(id.into(), record(id, data));
    }

    fn person(given: &str, family: &str) -> Contact {
        Contact {
            given_name: given.into(),
            family_name: family.into(),
            ..Contact::default()
        }
    }

    fn task(title: &str, due: DateTime<Utc>, contact: Option<&str>, deal: Option<&str>) -> Task {
        Task {
            title: title.into(),
            due,
            done: false,
            contact_id: contact.map(Into::into),
            deal_id: deal.map(Into::into),
        }
    }

    fn request(subject: &str, received: NaiveDate) -> SubjectRequest {
        SubjectRequest::new_open(RequestKind::Erasure, None, subject.into(), received)
    }

    fn purpose(name: &str) -> Purpose {
        Purpose {
            name: name.into(),
            basis: LawfulBasis::Consent,
            opt_out: true,
            ..Purpose::default()
        }
    }

    fn consent(
        contact: &str,
        given: DateTime<Utc>,
        months: &str,
    ) -> crate::domain::consent::ConsentRecord {
        ConsentDraft {
            contact_id: contact.into(),
            purpose_id: "newsletter".into(),
            ..crate::domain::testing::consent_draft(months)
        }
        .validate(given)
        .unwrap()
    }

    fn invoice(number: &str, retain_until: NaiveDate) -> Document {
        Document {
            kind: DocumentKind::Invoice,
            number: number.into(),
            date: day(2016, 5, 1),
            amount: None,
            note: String::new(),
            deal_id: None,
            contact_ids: vec!["jana".into()],
            organisation_id: Some("firma".into()),
            retain_until: Some(retain_until),
            retention_reason: String::new(),
            contract_end: None,
        }
    }

    /// Jana (a follow-up overdue, one today, one tomorrow, one done; a consent expiring in two
    /// weeks, one in three months, one withdrawn), Petr (a request due in a week, one later,
    /// one overdue, one closed), a deal with a follow-up today, documents held until various days.
    fn snapshot() -> VaultSnapshot {
        let mut s = VaultSnapshot::default();
        put(&mut s.contacts, "jana", person("Jana", "Dvořáková"));
        put(&mut s.contacts, "petr", person("Petr", "Černý"));
        put(
            &mut s.organisations,
            "firma",
            crate::domain::organisation::Organisation {
                name: "Firma s.r.o.".into(),
                ..Default::default()
            },
        );
        let pipeline = crate::domain::deal::Pipeline::default();
        let deal = Deal::new("Tax audit 2027", &pipeline, "lead", utc(1, 1, 0)).unwrap();
        put(&mut s.deals, "deal", deal);
        put(&mut s.purposes, "newsletter", purpose("Newsletter"));
        put(
            &mut s.tasks,
            "overdue",
            task("Send the offer", utc(11, 28, 8), Some("jana"), None),
        );
        // 23:30 UTC on 30 November is 00:30 on 1 December in Prague: today, not overdue.
        put(
            &mut s.tasks,
            "midnight",
            task(
                "Call back",
                utc(11, 30, 23) + chrono::Duration::minutes(30),
                Some("jana"),
                None,
            ),
        );
        put(
            &mut s.tasks,
            "deal",
            task("Prepare the audit", utc(12, 1, 16), None, Some("deal")),
        );
        put(
            &mut s.tasks,
            "loose",
            task("Renew the domain", utc(12, 1, 7), None, None),
        );
        put(
            &mut s.tasks,
            "tomorrow",
            task("Lunch", utc(12, 2, 11), Some("jana"), None),
        );
        let mut done = task("Done already", utc(11, 20, 8), Some("jana"), None);
        done.done = true;
        put(&mut s.tasks, "done", done);
        // Received 25 October: due 25 November (overdue); 3 November: due 3 December (soon);
        // 8 November: due 8 December (in 7 days: soon); 9 November: due 9 December (later).
        for (id, subject, received) in [
            ("late", "Petr Černý", day(2026, 10, 25)),
            ("soon", "Jana Dvořáková", day(2026, 11, 3)),
            ("edge", "A. Nonymous", day(2026, 11, 8)),
            ("later", "Later", day(2026, 11, 9)),
        ] {
            put(&mut s.requests, id, request(subject, received));
        }
        let mut closed = request("Closed", day(2026, 10, 1));
        closed.status = RequestStatus::Done;
        put(&mut s.requests, "closed", closed);
        // Given 15 December 2025 for 12 months: expires 15 December 2026.
        put(
            &mut s.consents,
            "expiring",
            consent("jana", utc(12, 15, 9) - chrono::Duration::days(365), "12"),
        );
        put(
            &mut s.consents,
            "valid",
            consent("petr", utc(3, 1, 9), "12"),
        );
        let mut withdrawn = consent("petr", utc(12, 15, 9) - chrono::Duration::days(365), "12");
        withdrawn
            .append(
                ConsentEvent {
                    kind: EventKind::Withdrawn,
                    at: utc(6, 1, 9),
                    how: "by e-mail".into(),
                    undoes: None,
                },
                prague,
            )
            .unwrap();
        put(&mut s.consents, "withdrawn", withdrawn);
        for (id, number, until) in [
            ("ending", "FV-2016-001", day(2026, 12, 31)),
            ("far", "FV-2020-001", day(2030, 12, 31)),
            ("ended", "FV-2015-001", day(2025, 12, 31)),
        ] {
            put(&mut s.documents, id, invoice(number, until));
        }
        let mut on_deal = invoice("FV-2016-002", day(2027, 2, 1));
        on_deal.deal_id = Some("deal".into());
        put(&mut s.documents, "on-deal", on_deal);
        s
    }

    #[test]
    fn follow_ups_list_the_overdue_then_today_s_on_the_local_day_each_where_it_is_dealt_with() {
        let work = snapshot().day_work(now(), None, None, prague);
        let listed: Vec<(&str, bool, &Place)> = work
            .follow_ups
            .iter()
            .map(|f| (f.id.as_str(), f.overdue, &f.place))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("overdue", true, &Place::Contact("jana".into())),
                ("midnight", false, &Place::Contact("jana".into())),
                ("loose", false, &Place::Agenda),
                ("deal", false, &Place::Deal("deal".into())),
            ]
        );
        assert_eq!(work.follow_ups[0].about.as_deref(), Some("Jana Dvořáková"));
        assert_eq!(work.follow_ups[3].about.as_deref(), Some("Tax audit 2027"));
        assert_eq!(work.follow_ups[2].about, None);
    }

    #[test]
    fn requests_due_within_seven_days_or_overdue_are_listed_by_deadline() {
        let work = snapshot().day_work(now(), None, None, prague);
        let listed: Vec<(&str, NaiveDate, bool)> = work
            .requests
            .iter()
            .map(|r| (r.subject.as_str(), r.due, r.overdue))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("Petr Černý", day(2026, 11, 25), true),
                ("Jana Dvořáková", day(2026, 12, 3), false),
                ("A. Nonymous", day(2026, 12, 8), false),
            ]
        );
    }

    #[test]
    fn consents_expiring_within_thirty_days_are_listed_with_the_contact_and_purpose() {
        let work = snapshot().day_work(now(), None, None, prague);
        assert_eq!(
            work.consents,
            vec![ConsentExpiring {
                contact_id: "jana".into(),
                contact: "Jana Dvořáková".into(),
                purpose: "Newsletter".into(),
                on: day(2026, 12, 15),
            }]
        );
    }

    #[test]
    fn holds_ending_within_ninety_days_link_to_their_deal_or_else_their_contact() {
        let work = snapshot().day_work(now(), None, None, prague);
        let listed: Vec<(&str, NaiveDate, &str, Option<&Place>)> = work
            .holds
            .iter()
            .map(|h| {
                (
                    h.number.as_str(),
                    h.until,
                    h.about.as_str(),
                    h.place.as_ref(),
                )
            })
            .collect();
        assert_eq!(
            listed,
            vec![
                (
                    "FV-2016-001",
                    day(2026, 12, 31),
                    "Jana Dvořáková",
                    Some(&Place::Contact("jana".into()))
                ),
                (
                    "FV-2016-002",
                    day(2027, 2, 1),
                    "Tax audit 2027",
                    Some(&Place::Deal("deal".into()))
                ),
            ]
        );
        assert!(work.erasures.is_empty());
    }

    #[test]
    fn a_person_erased_while_held_is_listed_once_the_last_hold_has_ended() {
        let mut s = snapshot();
        s.contacts.get_mut("jana").unwrap().data.erased_on = Some(day(2025, 6, 1));
        assert!(s.day_work(now(), None, None, prague).erasures.is_empty());
        s.documents.retain(|id, _| id == "ended");
        assert_eq!(
            s.day_work(now(), None, None, prague).erasures,
            vec![("jana".to_string(), "Jana Dvořáková".to_string())]
        );
    }

    #[test]
    fn the_backup_is_due_when_never_made_or_a_week_old() {
        let s = VaultSnapshot::default();
        let backup = |last| s.day_work(now(), last, None, prague).backup;
        assert!(backup(None).due);
        assert!(!backup(Some(now() - chrono::Duration::days(6))).due);
        assert!(backup(Some(now() - chrono::Duration::days(7))).due);
        let exported = s.day_work(now(), None, Some(now()), prague).backup;
        assert!(exported.due, "a plain export is not an encrypted backup");
        assert_eq!(exported.plain_export_since(), Some(now()));
        // A backup exports in the same moment: that export is not named again.
        let both = s.day_work(now(), Some(now()), Some(now()), prague).backup;
        assert_eq!(both.plain_export_since(), None);
        let later = now() + chrono::Duration::hours(2);
        let plain = s.day_work(later, Some(now()), Some(later), prague).backup;
        assert_eq!(plain.plain_export_since(), Some(later));
    }

    #[test]
    fn a_breach_shows_until_uoou_is_notified_overdue_first() {
        use crate::domain::breach::{BreachDraft, Clock, Notice};
        let breach = |hours_ago: i64| {
            BreachDraft {
                discovered_at: Some(now() - chrono::Duration::hours(hours_ago)),
                nature: format!("incident {hours_ago} h ago"),
                categories: "e-mail addresses".into(),
                ..BreachDraft::default()
            }
            .validate(now())
            .unwrap()
        };
        let mut s = VaultSnapshot::default();
        put(&mut s.breaches, "fresh", breach(2));
        put(&mut s.breaches, "late", breach(80));
        let mut told = breach(10);
        told.authority = Notice::Notified;
        told.authority_at = Some(now());
        put(&mut s.breaches, "told", told);
        let work = s.day_work(now(), Some(now()), None, prague);
        let listed: Vec<(&str, Clock)> = work
            .breaches
            .iter()
            .map(|b| (b.id.as_str(), b.clock))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("late", Clock::Overdue(chrono::Duration::hours(8))),
                ("fresh", Clock::Running(chrono::Duration::hours(70))),
            ]
        );
        assert!(!work.nothing_to_do());
    }

    #[test]
    fn nothing_to_do_when_every_list_is_empty_and_the_backup_is_recent() {
        let empty = VaultSnapshot::default();
        assert!(empty
            .day_work(now(), Some(now()), None, prague)
            .nothing_to_do());
        assert!(!empty.day_work(now(), None, None, prague).nothing_to_do());
        assert!(!snapshot()
            .day_work(now(), Some(now()), None, prague)
            .nothing_to_do());
        // Only upcoming work: nothing to do today.
        let mut later = VaultSnapshot::default();
        put(
            &mut later.tasks,
            "t",
            task("Lunch", utc(12, 2, 11), None, None),
        );
        assert!(later
            .day_work(now(), Some(now()), None, prague)
            .nothing_to_do());
    }

    #[test]
    fn people_due_for_review_are_counted() {
        // A contact created on 1 Jan 2026, untouched: due 36 months later by default.
        let mut s = VaultSnapshot::default();
        put(&mut s.contacts, "jana", person("Jana", "Dvořáková"));
        let work = s.day_work(now(), Some(now()), None, prague);
        assert_eq!(work.review, 0);
        assert!(work.nothing_to_do());
        let later = Utc.with_ymd_and_hms(2029, 1, 2, 9, 0, 0).unwrap();
        let work = s.day_work(later, Some(later), None, prague);
        assert_eq!(work.review, 1);
        assert!(!work.nothing_to_do());
    }

    #[test]
    fn the_checklist_ticks_each_step_as_it_is_done() {
        let mut s = VaultSnapshot::default();
        let none = Checklist {
            profile: false,
            purposes: false,
            contact: false,
            backup: false,
        };
        assert_eq!(s.checklist(None), none);
        put(
            &mut s.profiles,
            "profile",
            ControllerProfile {
                name: "Jana Nováková".into(),
                ..ControllerProfile::default()
            },
        );
        put(&mut s.purposes, "newsletter", purpose("Newsletter"));
        assert_eq!(
            s.checklist(None),
            Checklist {
                profile: true,
                purposes: true,
                ..none
            }
        );
        put(&mut s.contacts, "jana", person("Jana", "Dvořáková"));
        assert!(!s.checklist(None).done());
        assert!(s.checklist(Some(now())).done());
    }
}
