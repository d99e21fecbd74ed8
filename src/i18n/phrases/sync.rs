//! Sentences of the sync status with values in them: when the last sync was, what is waiting to
//! go, the last error. Times arrive as instants and are shown local. Must not import `ui`.

use super::super::plural::{choose, count};
use super::super::{format, Lang};
use crate::domain::audit::ChainError;
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

/// " · on device 3f2a9c01": another device's event in a history.
pub fn on_device(lang: Lang, chain: &str) -> String {
    let device: String = chain.chars().take(8).collect();
    match lang {
        Lang::En => format!(" · on device {device}"),
        Lang::Cs => format!(" · na zařízení {device}"),
    }
}

/// "Device 3f2a9c01: 42 events, the last 1. 12. 2026 14:02. The chain verifies."
pub fn peer_chain(
    lang: Lang,
    chain: &str,
    events: usize,
    last: Option<DateTime<Utc>>,
    problem: Option<&ChainError>,
) -> String {
    let device: String = chain.chars().take(8).collect();
    let n = events as u64;
    let last = last
        .map(|at| format::date_time(lang, at))
        .unwrap_or_default();
    let state = match (lang, problem) {
        (Lang::En, None) => "The chain verifies.".to_string(),
        (Lang::Cs, None) => "Řetězec je neporušený.".to_string(),
        (Lang::En, Some(p)) => format!(
            "The chain is broken: {}.",
            super::super::errors::chain_error(lang, p)
        ),
        (Lang::Cs, Some(p)) => format!(
            "Řetězec je porušený: {}.",
            super::super::errors::chain_error(lang, p)
        ),
    };
    match lang {
        Lang::En => format!(
            "Device {device}: {}, the last {last}. {state}",
            count(lang, n, "event", "events", "events")
        ),
        Lang::Cs => format!(
            "Zařízení {device}: {}, poslední {last}. {state}",
            count(lang, n, "událost", "události", "událostí")
        ),
    }
}
