//! Undoing a withdrawal recorded by mistake: a new "given" event that names the withdrawal it
//! undoes, so the consent's state is again what it was before it, and the history keeps both.
//! Nothing is removed or edited. Must not import anything outside `domain`.

use super::{ConsentError, ConsentEvent, ConsentRecord, EventKind};
use chrono::{DateTime, NaiveDate, Utc};

impl ConsentRecord {
    /// Appends the event that undoes the last event, a withdrawal: "given" at `at`, naming the
    /// withdrawal. The state becomes what it was before the withdrawal (with the validity the
    /// consent had then), not a new consent with a new validity.
    pub fn undo_withdrawal(
        &mut self,
        at: DateTime<Utc>,
        how: &str,
        local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Result<(), ConsentError> {
        let withdrawal = match self.events.last() {
            Some(last) if last.kind == EventKind::Withdrawn => last.at,
            _ => return Err(ConsentError::NothingToUndo),
        };
        self.append(
            ConsentEvent {
                kind: EventKind::Given,
                at,
                how: how.trim().to_string(),
                undoes: Some(withdrawal),
            },
            local_day,
        )
    }

    /// The withdrawal the last event undoes, when it undoes one.
    pub fn undone_withdrawal(&self) -> Option<DateTime<Utc>> {
        self.events.last().and_then(|e| e.undoes)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ConsentDraft, State};
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap()
    }

    fn day(at: DateTime<Utc>) -> NaiveDate {
        at.date_naive()
    }

    fn given(months: &str) -> ConsentRecord {
        ConsentDraft {
            contact_id: "c1".into(),
            purpose_id: "p1".into(),
            notice: "Privacy notice".into(),
            method: "web_form".into(),
            validity_months: months.into(),
            answer: "given".into(),
            how: "ticked the box".into(),
            ..ConsentDraft::default()
        }
        .validate(at(1, 9))
        .unwrap()
    }

    fn withdraw(c: &mut ConsentRecord, when: DateTime<Utc>) {
        let event = ConsentEvent {
            kind: EventKind::Withdrawn,
            at: when,
            how: "by mistake".into(),
            undoes: None,
        };
        c.append(event, day).unwrap();
    }

    #[test]
    fn undoing_a_withdrawal_restores_the_state_before_it_and_keeps_both_events() {
        for months in ["", "12"] {
            let mut c = given(months);
            let before = c.state(day(at(20, 9)), day);
            assert!(matches!(before, State::Given { .. }));
            withdraw(&mut c, at(20, 9));
            assert!(matches!(
                c.state(day(at(20, 9)), day),
                State::Withdrawn { .. }
            ));
            c.undo_withdrawal(at(20, 10), "undone", day).unwrap();
            // The same state as before, with the validity counted from the first "given".
            assert_eq!(c.state(day(at(20, 10)), day), before);
            assert_eq!(c.events().len(), 3);
            assert_eq!(c.events()[1].kind, EventKind::Withdrawn);
            assert_eq!(c.events()[2].undoes, Some(at(20, 9)));
            assert_eq!(c.undone_withdrawal(), Some(at(20, 9)));
            // The time the consent was given is still the first one.
            assert_eq!(c.given_at(), Some(at(1, 9)));
        }
    }

    #[test]
    fn only_the_last_event_can_be_undone_and_only_a_withdrawal() {
        let mut c = given("");
        assert_eq!(
            c.undo_withdrawal(at(2, 9), "", day),
            Err(ConsentError::NothingToUndo)
        );
        withdraw(&mut c, at(3, 9));
        c.undo_withdrawal(at(3, 10), "", day).unwrap();
        // Twice is refused: the last event is the undo, not a withdrawal.
        assert_eq!(
            c.undo_withdrawal(at(3, 11), "", day),
            Err(ConsentError::NothingToUndo)
        );
        // An event that claims to undo a withdrawal that is not the last event is refused.
        let forged = ConsentEvent {
            kind: EventKind::Given,
            at: at(4, 9),
            how: String::new(),
            undoes: Some(at(3, 9)),
        };
        assert_eq!(c.append(forged, day), Err(ConsentError::NothingToUndo));
        // Withdrawn again, and undone again: still the state before.
        withdraw(&mut c, at(5, 9));
        c.undo_withdrawal(at(5, 10), "", day).unwrap();
        assert_eq!(c.state(day(at(5, 10)), day), State::Given { until: None });
        // An undo cannot be dated before the withdrawal.
        withdraw(&mut c, at(6, 9));
        assert_eq!(
            c.undo_withdrawal(at(6, 8), "", day),
            Err(ConsentError::OutOfOrder)
        );
    }

    #[test]
    fn an_expired_consent_stays_expired_after_an_undo() {
        let mut c = given("1");
        withdraw(&mut c, at(20, 9));
        c.undo_withdrawal(at(20, 10), "", day).unwrap();
        let later = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert!(matches!(c.state(later, day), State::Expired { .. }));
    }
}
