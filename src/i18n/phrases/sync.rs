//! Sentences of the sync status with values in them: when the last sync was, what is waiting to
//! go, the last error. Times arrive as instants and are shown local. Must not import `ui`.

use super::super::plural::{choose, count};
use super::super::{format, Lang};
use chrono::{DateTime, Utc};

/// "Last synced 1. 12. 2026 14:02".
pub fn last_synced(lang: Lang, at: DateTime<Utc>) -> String {
    let when = format::date_time(lang, at);
    match lang {
        Lang::En => format!("Last synced {when}."),
        Lang::Cs => format!("Naposledy synchronizováno {when}."),
    }
}

/// "3 changes waiting to go".
pub fn waiting(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} waiting to go.",
            count(lang, n as u64, "change", "changes", "changes")
        ),
        Lang::Cs => format!(
            "{} {} na odeslání.",
            count(lang, n as u64, "změna", "změny", "změn"),
            choose(lang, n as u64, "čeká", "čekají", "čeká")
        ),
    }
}

/// "Last error: …".
pub fn last_error(lang: Lang, error: &str) -> String {
    match lang {
        Lang::En => format!("Last error: {error}"),
        Lang::Cs => format!("Poslední chyba: {error}"),
    }
}
