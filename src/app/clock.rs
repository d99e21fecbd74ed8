//! Time as the browser sees it: now, the user's local day (the browser's time zone, daylight
//! saving included), local times read as UTC, the page's high-resolution clock and its User
//! Timing marks, and waiting for the next turn of the event loop. Rules in `domain` never read a
//! clock: these are passed in.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The current time (UTC).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The user's local date of an instant.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

/// The user's local date and time of an instant.
pub fn local_time(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Local).naive_local()
}

/// A local date and time as UTC; the earlier of two at a DST overlap, None in a DST gap.
pub fn local_to_utc(at: NaiveDateTime) -> Option<DateTime<Utc>> {
    Local
        .from_local_datetime(&at)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
}

/// Milliseconds since 1970, from the browser.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The browser's `performance` object, if it has one.
fn performance() -> Option<wasm_bindgen::JsValue> {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok())
}

/// A User Timing mark (the benchmark measures between them).
pub fn perf_mark(name: &str) {
    if let Some(p) = performance() {
        if let Ok(mark) = js_sys::Reflect::get(&p, &"mark".into()) {
            let _ = js_sys::Function::from(mark).call1(&p, &name.into());
        }
    }
}

/// The page's high-resolution clock, in milliseconds (Date.now() where there is none).
pub fn perf_now() -> f64 {
    performance()
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            let f: js_sys::Function = now.into();
            f.call0(&p).ok()?.as_f64()
        })
        .unwrap_or_else(now_ms)
}

/// Waits `ms` milliseconds (a timer).
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits for the next turn of the browser's event loop (a zero-delay timer).
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
