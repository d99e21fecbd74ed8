//! The few settings Folio keeps in the browser's LocalStorage, outside the vault: none of them
//! is personal data (the language, the automatic-lock delay, when the last export was made,
//! whether Home's first-run checklist was dismissed).
//! The one place that reads and writes them.

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage as Browser, Storage};

const LANG_KEY: &str = "folio.lang";
const IDLE_MINUTES_KEY: &str = "folio.idle_minutes";
/// When the last full export was made (milliseconds since 1970): drives the backup reminder.
const LAST_EXPORT_KEY: &str = "folio.last_export";
/// When the last encrypted backup was made (the erase page says older copies still exist).
const LAST_BACKUP_KEY: &str = "folio.last_backup";
/// Whether the user dismissed Home's first-run checklist.
const CHECKLIST_DISMISSED_KEY: &str = "folio.checklist_dismissed";

/// The delays the automatic lock offers, in minutes.
pub const IDLE_CHOICES: [u32; 6] = [1, 5, 15, 30, 60, 240];
pub const DEFAULT_IDLE_MINUTES: u32 = 15;
/// Days without an export after which the backup reminder shows.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

/// The code of the language the user chose ("en", "cs"), if they did.
pub fn language() -> Option<String> {
    Browser::get::<String>(LANG_KEY).ok()
}

pub fn set_language(code: &str) {
    let _ = Browser::set(LANG_KEY, code);
}

/// The automatic-lock delay in minutes (one of `IDLE_CHOICES`).
pub fn idle_minutes() -> u32 {
    Browser::get::<u32>(IDLE_MINUTES_KEY)
        .ok()
        .filter(|m| IDLE_CHOICES.contains(m))
        .unwrap_or(DEFAULT_IDLE_MINUTES)
}

pub fn set_idle_minutes(minutes: u32) {
    let _ = Browser::set(IDLE_MINUTES_KEY, minutes);
}

/// A moment kept under `key` (as milliseconds since the epoch).
fn moment(key: &str) -> Option<DateTime<Utc>> {
    Browser::get::<i64>(key)
        .ok()
        .and_then(DateTime::from_timestamp_millis)
}

fn set_moment(key: &str, at: DateTime<Utc>) {
    let _ = Browser::set(key, at.timestamp_millis());
}

/// When the last full export was made on this device.
pub fn last_export() -> Option<DateTime<Utc>> {
    moment(LAST_EXPORT_KEY)
}

pub fn set_last_export(at: DateTime<Utc>) {
    set_moment(LAST_EXPORT_KEY, at)
}

/// When the last encrypted backup was made on this device.
pub fn last_backup() -> Option<DateTime<Utc>> {
    moment(LAST_BACKUP_KEY)
}

pub fn set_last_backup(at: DateTime<Utc>) {
    set_moment(LAST_BACKUP_KEY, at)
}

/// Whether the user dismissed Home's first-run checklist on this device.
pub fn checklist_dismissed() -> bool {
    Browser::get::<bool>(CHECKLIST_DISMISSED_KEY).unwrap_or(false)
}

pub fn dismiss_checklist() {
    let _ = Browser::set(CHECKLIST_DISMISSED_KEY, true);
}
