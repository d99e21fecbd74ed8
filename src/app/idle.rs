//! The automatic lock: how long the vault may stay unlocked without the user doing anything
//! (keys, pointer, scrolling), and the watch that locks it when that time has passed or a tab
//! comes back after being hidden that long.

use super::clock::now_ms;
use super::preferences::{self, IDLE_CHOICES};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// The delay and the time of the user's last activity.
#[derive(Clone, Copy)]
pub struct Idle {
    /// Minutes without activity after which the vault locks.
    pub minutes: RwSignal<u32>,
    last_activity: StoredValue<f64>,
}

impl Idle {
    pub fn new() -> Self {
        Self {
            minutes: RwSignal::new(preferences::idle_minutes()),
            last_activity: StoredValue::new(now_ms()),
        }
    }

    /// Records user activity.
    pub fn touch(self) {
        self.last_activity.set_value(now_ms());
    }

    /// Changes the delay (one of `IDLE_CHOICES`) and remembers it.
    pub fn set_minutes(self, minutes: u32) {
        if IDLE_CHOICES.contains(&minutes) {
            preferences::set_idle_minutes(minutes);
            self.minutes.set(minutes);
            self.touch();
        }
    }

    /// Whether the user has done nothing for longer than the delay.
    pub fn expired(self) -> bool {
        let minutes = self.minutes.get_untracked();
        now_ms() - self.last_activity.get_value() >= f64::from(minutes) * 60_000.0
    }

    /// Watches activity and the tab's visibility, calling `check` when the vault may have been
    /// idle too long (every few seconds, and when a hidden tab is shown again: timers are
    /// throttled in hidden tabs).
    pub fn watch(self, check: impl Fn() + Copy + 'static) {
        for event in ["keydown", "pointerdown", "wheel", "touchstart"] {
            let handle = window_event_listener_untyped(event, move |_| self.touch());
            std::mem::forget(handle);
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let on_visibility = Closure::<dyn Fn()>::new(check);
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                on_visibility.as_ref().unchecked_ref(),
            );
            on_visibility.forget();
        }
        let _ = set_interval_with_handle(check, Duration::from_secs(5));
    }
}

impl Default for Idle {
    fn default() -> Self {
        Self::new()
    }
}
