//! Follow-ups: tasks with a due time, linked to a contact or a deal, done or not; the Agenda's
//! buckets (overdue, today, upcoming) on the user's local day; and "losing touch": contacts
//! not contacted for a number of days. Must not import anything outside `domain`.

use super::field::Text;
use super::{FieldError, FieldErrors};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// Field names of the follow-up form, for errors and the audit log.
pub mod fields {
    pub const TITLE: &str = "title";
    pub const DUE: &str = "due";
    pub const DONE: &str = "done";
    pub const CONTACT: &str = "contact";
    pub const DEAL: &str = "deal";
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub title: String,
    pub due: DateTime<Utc>,
    pub done: bool,
    pub contact_id: Option<String>,
    pub deal_id: Option<String>,
}

impl Task {
    pub fn fields(&self) -> super::audit::FieldValues {
        vec![
            (fields::TITLE, Some(self.title.clone())),
            (fields::DUE, Some(self.due.to_rfc3339())),
            (fields::DONE, Some(self.done.to_string())),
            (fields::CONTACT, self.contact_id.clone()),
            (fields::DEAL, self.deal_id.clone()),
        ]
    }
}

/// What the user typed into the follow-up form: a local date and an optional local time (9:00
/// when blank), turned into UTC by `to_utc` (the user's time zone).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskDraft {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub due_date: String,
    /// `HH:MM` or blank.
    pub due_time: String,
    pub contact_id: Option<String>,
    pub deal_id: Option<String>,
}

impl TaskDraft {
    pub fn validate(
        &self,
        done: bool,
        to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
    ) -> Result<Task, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = Text::required(300).read(&mut errors, fields::TITLE, &self.title);
        let date = NaiveDate::parse_from_str(self.due_date.trim(), "%Y-%m-%d").ok();
        let time = match self.due_time.trim() {
            "" => NaiveTime::from_hms_opt(9, 0, 0),
            t => NaiveTime::parse_from_str(t, "%H:%M").ok(),
        };
        let due = match (date, time) {
            (Some(d), Some(t)) => to_utc(d.and_time(t)),
            _ => None,
        };
        if due.is_none() {
            errors.push((
                fields::DUE,
                if self.due_date.trim().is_empty() {
                    FieldError::Required
                } else {
                    FieldError::Date
                },
            ));
        }
        match (errors.is_empty(), due) {
            (true, Some(due)) => Ok(Task {
                title: title.to_string(),
                due,
                done,
                contact_id: self.contact_id.clone().filter(|c| !c.is_empty()),
                deal_id: self.deal_id.clone().filter(|d| !d.is_empty()),
            }),
            _ => Err(errors),
        }
    }
}

/// How far a follow-up is snoozed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snooze {
    Day,
    Week,
}

impl Snooze {
    pub fn days(self) -> u64 {
        match self {
            Snooze::Day => 1,
            Snooze::Week => 7,
        }
    }
}

/// The local day a snoozed follow-up falls due: a day or a week after its due day, or after
/// `today` when it is already overdue (snoozed by a day, an overdue follow-up is due tomorrow,
/// not still overdue).
pub fn snoozed_day(due_day: NaiveDate, today: NaiveDate, snooze: Snooze) -> NaiveDate {
    let from = due_day.max(today);
    from.checked_add_days(chrono::Days::new(snooze.days()))
        .unwrap_or(from)
}

/// A typed date (`YYYY-MM-DD`) a follow-up is rescheduled to.
pub fn parse_new_day(typed: &str) -> Result<NaiveDate, FieldErrors> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(vec![(fields::DUE, FieldError::Required)]);
    }
    NaiveDate::parse_from_str(typed, "%Y-%m-%d").map_err(|_| vec![(fields::DUE, FieldError::Date)])
}

impl Task {
    /// The same follow-up due on local `day`, at the local time of day it had (`local` reads an
    /// instant in the user's time zone, `to_utc` a local time back). A time that does not exist
    /// that day (a daylight-saving gap) is refused as a date error.
    pub fn moved_to(
        &self,
        day: NaiveDate,
        local: impl Fn(DateTime<Utc>) -> NaiveDateTime,
        to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
    ) -> Result<Task, FieldErrors> {
        let time = local(self.due).time();
        let due =
            to_utc(day.and_time(time)).ok_or_else(|| vec![(fields::DUE, FieldError::Date)])?;
        Ok(Task {
            due,
            ..self.clone()
        })
    }
}

/// Where a task sits on the Agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    Overdue,
    Today,
    Upcoming,
}

/// The bucket of an open task on the user's local `today` (None once done). A task due earlier
/// today is "today", not overdue: the day is what the user plans by.
pub fn bucket(
    task: &Task,
    today: NaiveDate,
    local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Option<Bucket> {
    if task.done {
        return None;
    }
    let due = local_day(task.due);
    Some(match due.cmp(&today) {
        std::cmp::Ordering::Less => Bucket::Overdue,
        std::cmp::Ordering::Equal => Bucket::Today,
        std::cmp::Ordering::Greater => Bucket::Upcoming,
    })
}

/// Whether a contact last contacted at `last` (None: never) is losing touch on `today`: no
/// activity for at least `days` days.
pub fn losing_touch(
    last: Option<DateTime<Utc>>,
    today: NaiveDate,
    days: u32,
    local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> bool {
    match last {
        None => true,
        Some(at) => (today - local_day(at)).num_days() >= i64::from(days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{day, utc};
    use chrono::{FixedOffset, TimeZone};

    fn zone(hours: i32) -> impl Fn(DateTime<Utc>) -> NaiveDate {
        move |at: DateTime<Utc>| {
            at.with_timezone(&FixedOffset::east_opt(hours * 3600).unwrap())
                .date_naive()
        }
    }

    fn task(due: DateTime<Utc>) -> Task {
        Task {
            title: "Call back".into(),
            due,
            done: false,
            contact_id: Some("c1".into()),
            deal_id: None,
        }
    }

    #[test]
    fn buckets_follow_the_local_day_across_midnight() {
        // Due 23:30 UTC on 1 March: in Prague (UTC+1) that is 00:30 on 2 March.
        let t = task(utc(2026, 3, 1, 23, 30));
        assert_eq!(bucket(&t, day(2026, 3, 2), zone(1)), Some(Bucket::Today));
        assert_eq!(bucket(&t, day(2026, 3, 2), zone(0)), Some(Bucket::Overdue));
        assert_eq!(bucket(&t, day(2026, 3, 1), zone(1)), Some(Bucket::Upcoming));
        // New York (UTC-5): still 1 March, 18:30.
        assert_eq!(bucket(&t, day(2026, 3, 1), zone(-5)), Some(Bucket::Today));
        let mut done = t.clone();
        done.done = true;
        assert_eq!(bucket(&done, day(2026, 3, 5), zone(1)), None);
    }

    #[test]
    fn losing_touch_counts_whole_local_days() {
        let today = day(2026, 3, 31);
        assert!(losing_touch(None, today, 30, zone(1)));
        assert!(losing_touch(
            Some(utc(2026, 3, 1, 8, 0)),
            today,
            30,
            zone(1)
        ));
        assert!(!losing_touch(
            Some(utc(2026, 3, 2, 8, 0)),
            today,
            30,
            zone(1)
        ));
        // 23:30 UTC on 1 March is 2 March in Prague: 29 days, not yet.
        assert!(!losing_touch(
            Some(utc(2026, 3, 1, 23, 30)),
            today,
            30,
            zone(1)
        ));
    }

    #[test]
    fn a_drafted_follow_up_is_due_at_nine_local_unless_a_time_is_given() {
        let prague = |n: NaiveDateTime| {
            FixedOffset::east_opt(3600)
                .unwrap()
                .from_local_datetime(&n)
                .single()
                .map(|d| d.with_timezone(&Utc))
        };
        let draft = TaskDraft {
            title: " Call about the offer ".into(),
            due_date: "2026-11-24".into(),
            ..TaskDraft::default()
        };
        let task = draft.validate(false, prague).unwrap();
        assert_eq!(task.title, "Call about the offer");
        assert_eq!(task.due, utc(2026, 11, 24, 8, 0));
        let timed = TaskDraft {
            due_time: "17:30".into(),
            ..draft.clone()
        };
        assert_eq!(
            timed.validate(false, prague).unwrap().due,
            utc(2026, 11, 24, 16, 30)
        );
        let bad = TaskDraft {
            title: "".into(),
            due_date: "2026-13-01".into(),
            ..draft
        };
        assert_eq!(
            bad.validate(false, prague).unwrap_err(),
            vec![
                (fields::TITLE, FieldError::Required),
                (fields::DUE, FieldError::Date)
            ]
        );
    }

    fn prague_local(at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&FixedOffset::east_opt(3600).unwrap())
            .naive_local()
    }

    fn prague_utc(n: NaiveDateTime) -> Option<DateTime<Utc>> {
        FixedOffset::east_opt(3600)
            .unwrap()
            .from_local_datetime(&n)
            .single()
            .map(|d| d.with_timezone(&Utc))
    }

    #[test]
    fn a_snoozed_follow_up_moves_from_its_day_or_from_today_when_overdue() {
        let today = day(2026, 3, 10);
        // Due later: a day or a week after its own day.
        assert_eq!(
            snoozed_day(day(2026, 3, 12), today, Snooze::Day),
            day(2026, 3, 13)
        );
        assert_eq!(
            snoozed_day(day(2026, 3, 12), today, Snooze::Week),
            day(2026, 3, 19)
        );
        // Due today: tomorrow.
        assert_eq!(snoozed_day(today, today, Snooze::Day), day(2026, 3, 11));
        // Overdue: counted from today, so it is no longer overdue.
        assert_eq!(
            snoozed_day(day(2026, 2, 1), today, Snooze::Day),
            day(2026, 3, 11)
        );
        assert_eq!(
            snoozed_day(day(2026, 2, 1), today, Snooze::Week),
            day(2026, 3, 17)
        );
    }

    #[test]
    fn a_rescheduled_follow_up_keeps_its_local_time_of_day() {
        // 16:30 in Prague on 24 November.
        let t = task(utc(2026, 11, 24, 15, 30));
        let moved = t
            .moved_to(day(2026, 12, 2), prague_local, prague_utc)
            .unwrap();
        assert_eq!(moved.due, utc(2026, 12, 2, 15, 30));
        assert_eq!(moved.title, t.title);
        assert_eq!(moved.contact_id, t.contact_id);
        // A local time that does not exist that day is refused, not guessed.
        assert_eq!(
            t.moved_to(day(2026, 12, 2), prague_local, |_| None)
                .unwrap_err(),
            vec![(fields::DUE, FieldError::Date)]
        );
        assert_eq!(parse_new_day(" 2026-12-02 ").unwrap(), day(2026, 12, 2));
        assert_eq!(
            parse_new_day("").unwrap_err(),
            vec![(fields::DUE, FieldError::Required)]
        );
        assert_eq!(
            parse_new_day("2.12.2026").unwrap_err(),
            vec![(fields::DUE, FieldError::Date)]
        );
    }
}
