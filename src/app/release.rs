//! Offline and updates: registers the service worker (public/sw.js), and notices when a new
//! release has been downloaded, so the page can offer to reload instead of swapping code under
//! an unlocked vault. Must not import `ui`.

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy)]
pub struct Release {
    /// A new release is installed and waiting.
    pub update_ready: RwSignal<bool>,
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn container() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    get(&navigator, "serviceWorker")
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = get(target, method)?.dyn_into().ok()?;
    let array = js_sys::Array::new();
    for a in args {
        array.push(a);
    }
    f.apply(target, &array).ok()
}

fn on(target: &JsValue, event: &str, handler: impl Fn() + 'static) {
    let closure = Closure::<dyn Fn()>::new(handler);
    let _ = call(
        target,
        "addEventListener",
        &[event.into(), closure.as_ref().clone()],
    );
    closure.forget();
}

impl Release {
    pub fn new() -> Self {
        Self {
            update_ready: RwSignal::new(false),
        }
    }

    /// Registers the service worker and watches for a waiting new release.
    pub fn start(self) {
        let Some(container) = container() else {
            return;
        };
        let Some(promise) = call(&container, "register", &["/sw.js".into()]) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Ok(registration) = JsFuture::from(Promise::from(promise)).await else {
                return;
            };
            let has_controller = get(&container, "controller").is_some();
            // A release that finished installing before this page loaded.
            if get(&registration, "waiting").is_some() && has_controller {
                self.update_ready.set(true);
            }
            let reg = registration.clone();
            let container_for_install = container.clone();
            on(&registration, "updatefound", move || {
                if let Some(installing) = get(&reg, "installing") {
                    let worker = installing.clone();
                    let container = container_for_install.clone();
                    on(&installing, "statechange", move || {
                        let installed =
                            get(&worker, "state").and_then(|s| s.as_string()).as_deref()
                                == Some("installed");
                        // Only an update: the very first install has no controller yet.
                        if installed && get(&container, "controller").is_some() {
                            self.update_ready.set(true);
                        }
                    });
                }
            });
            // Once the new worker takes over, load the new release.
            on(&container, "controllerchange", move || {
                if self.update_ready.get_untracked() {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                }
            });
        });
    }

    /// Lets the waiting release take over; the page reloads when it has.
    pub fn apply(self) {
        let Some(container) = container() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Some(ready) = get(&container, "ready") else {
                return;
            };
            if let Ok(registration) = JsFuture::from(Promise::from(ready)).await {
                match get(&registration, "waiting") {
                    Some(waiting) => {
                        let _ = call(&waiting, "postMessage", &["folio-apply-update".into()]);
                    }
                    None => {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    }
                }
            }
        });
    }
}

impl Default for Release {
    fn default() -> Self {
        Self::new()
    }
}
