//! One writer at a time across tabs: the Web Locks API (`navigator.locks`), bound by hand since
//! web-sys keeps it behind an unstable flag. Must not import `app` or `ui`.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "folio-vault-writer";

/// Holding this keeps the lock; dropping it lets another tab take it.
pub struct WriterLock {
    release: Option<Function>,
}

impl WriterLock {
    fn release_now(&mut self) {
        if let Some(resolve) = self.release.take() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        self.release_now();
    }
}

/// The answer to a request for the writer lock.
pub enum Acquired {
    /// This tab is the writer.
    Held(WriterLock),
    /// Another tab holds the vault open.
    HeldElsewhere,
}

/// Asks for the writer lock. With `take_over`, takes it from the tab that holds it (that tab's
/// `on_lost` runs). `on_lost` runs if this tab later loses the lock to another tab.
/// Browsers without Web Locks get a lock that guards nothing (a single tab is all they can do).
pub async fn acquire(
    take_over: bool,
    on_lost: impl FnOnce() + 'static,
) -> Result<Acquired, String> {
    let window = web_sys::window().ok_or("no window")?;
    let locks = Reflect::get(&window.navigator(), &"locks".into()).map_err(|_| "no navigator")?;
    if locks.is_undefined() || locks.is_null() {
        return Ok(Acquired::Held(WriterLock { release: None }));
    }
    let request: Function = Reflect::get(&locks, &"request".into())
        .map_err(|_| "no locks.request")?
        .dyn_into()
        .map_err(|_| "locks.request is not a function")?;

    let mut granted_resolve: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| granted_resolve = Some(resolve));
    let mut hold_resolve: Option<Function> = None;
    let hold = Promise::new(&mut |resolve, _| hold_resolve = Some(resolve));
    let granted_resolve = granted_resolve.ok_or("promise")?;

    let callback = Closure::once_into_js(move |lock: JsValue| -> Promise {
        let held = !lock.is_null() && !lock.is_undefined();
        let _ = granted_resolve.call1(&JsValue::UNDEFINED, &JsValue::from_bool(held));
        if held {
            hold
        } else {
            Promise::resolve(&JsValue::UNDEFINED)
        }
    });
    let options = Object::new();
    let key = if take_over { "steal" } else { "ifAvailable" };
    let _ = Reflect::set(&options, &key.into(), &JsValue::TRUE);
    let outcome: Promise = request
        .call3(&locks, &LOCK_NAME.into(), &options, &callback)
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "locks.request returned no promise")?;

    let held = JsFuture::from(granted)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_bool()
        .unwrap_or(false);
    if !held {
        return Ok(Acquired::HeldElsewhere);
    }
    // The request's promise rejects (AbortError) when another tab steals the lock.
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(outcome).await.is_err() {
            on_lost();
        }
    });
    Ok(Acquired::Held(WriterLock {
        release: hold_resolve,
    }))
}
