//! The breach register (GDPR Art. 33(5)): the register, the form that records or edits an entry,
//! an entry's page, its printable notification to ÚOOÚ (Czech or English), the Agenda's list of
//! open 72-hour deadlines, and the lines of a person's access report.

pub mod access_breaches;
pub mod agenda_breaches;
pub mod breach_form_page;
pub mod breach_page;
pub mod breaches_page;
pub mod home_breaches;
pub mod notification_page;

use crate::domain::breach::{Breach, Clock, Notice};
use crate::i18n::Text;
use leptos::prelude::*;

routes!(BreachesRoutes {
    "/breaches" => breaches_page::BreachesPage,
    "/breaches/new" => breach_form_page::BreachFormPage,
    "/breaches/:id" => breach_page::BreachPage,
    "/breaches/:id/edit" => breach_form_page::BreachFormPage,
    "/breaches/:id/notification" => notification_page::NotificationPage,
});

/// An entry's status badge at `now`: its class and words.
pub fn badge(breach: &Breach, now: chrono::DateTime<chrono::Utc>) -> (&'static str, Text) {
    match (breach.clock(now), breach.authority) {
        (Clock::Overdue(_), _) => ("badge overdue", Text::OverdueBadge),
        (Clock::Running(_), _) => ("badge due-soon", Text::BreachOpenBadge),
        (Clock::Settled, Notice::NotNotified) => ("badge", Text::BreachNotNotifiedBadge),
        (Clock::Settled, _) => ("badge", Text::BreachNotifiedBadge),
    }
}

/// The first line of a nature, at most 120 characters (a list shows it as the entry's name).
pub fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() > 120 {
        let cut: String = line.chars().take(119).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}
