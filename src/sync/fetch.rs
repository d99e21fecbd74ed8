//! The browser's door to a sync server: `fetch` with Basic authentication on every request (no
//! cookies: credentials omitted, nothing cached, no redirect followed), a time limit per request
//! and a stop that aborts whatever is in flight. The password stays in this value, wiped on
//! drop. Must not import `app` or `ui`.

use super::remote::{Remote, Request, Response, Transport};
use super::wire::MAX_BODY;
use base64::Engine;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCache, RequestCredentials, RequestInit};
use web_sys::{RequestMode, RequestRedirect};
use zeroize::Zeroizing;

/// Aborts a request when its future is dropped before it finished.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            c.abort();
        }
    }
}

/// A request's time limit. Dropping it clears the timer, whether the request finished or its
/// future was given up, so the timer never calls its callback once that is gone (wasm-bindgen
/// then throws "closure invoked recursively or after being dropped" into the page).
struct Deadline {
    window: web_sys::Window,
    handle: i32,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Drop for Deadline {
    fn drop(&mut self) {
        // Before the callback (a field) is dropped.
        self.window.clear_timeout_with_handle(self.handle);
    }
}

/// Requests to one database, as one user.
pub struct FetchRemote {
    base: String,
    authorization: Zeroizing<String>,
    /// The requests in flight, aborted by `stop`.
    in_flight: RefCell<Vec<AbortController>>,
    stopped: Cell<bool>,
}

impl FetchRemote {
    /// `url` is the database's address (checked by the caller), without a last slash.
    pub fn new(url: &str, user: &str, password: &str) -> Self {
        let pair = Zeroizing::new(format!("{user}:{password}"));
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair.as_bytes());
        FetchRemote {
            base: url.trim_end_matches('/').to_string(),
            authorization: Zeroizing::new(format!("Basic {encoded}")),
            in_flight: RefCell::new(Vec::new()),
            stopped: Cell::new(false),
        }
    }

    /// Aborts every request in flight; later ones fail as aborted.
    pub fn stop(&self) {
        self.stopped.set(true);
        for c in self.in_flight.borrow_mut().drain(..) {
            c.abort();
        }
    }

    fn init(
        &self,
        request: &Request,
        controller: &AbortController,
    ) -> Result<RequestInit, JsValue> {
        let headers = Headers::new()?;
        headers.set("Accept", "application/json")?;
        headers.set("Authorization", &self.authorization)?;
        let init = RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_mode(RequestMode::Cors);
        init.set_credentials(RequestCredentials::Omit);
        init.set_cache(RequestCache::NoStore);
        init.set_redirect(RequestRedirect::Error);
        init.set_signal(Some(&controller.signal()));
        if let Some(body) = &request.body {
            headers.set("Content-Type", "application/json")?;
            init.set_body(&JsValue::from_str(body));
        }
        init.set_headers(&headers);
        Ok(init)
    }
}

impl Remote for FetchRemote {
    async fn send(&self, request: Request) -> Result<Response, Transport> {
        if self.stopped.get() {
            return Err(Transport::Aborted);
        }
        let window = web_sys::window().ok_or(Transport::Offline)?;
        let controller = AbortController::new().map_err(|_| Transport::Offline)?;
        let init = self
            .init(&request, &controller)
            .map_err(|_| Transport::Offline)?;
        {
            let mut in_flight = self.in_flight.borrow_mut();
            in_flight.retain(|c| !c.signal().aborted());
            in_flight.push(controller.clone());
        }
        // A request whose future is dropped (a wait on the changes feed given up for a local
        // write) is aborted at once: the browser keeps few connections per server, and one
        // left open would hold the next round back until its timer.
        let mut abandon = AbortOnDrop(Some(controller.clone()));
        let timed_out = std::rc::Rc::new(Cell::new(false));
        let on_timeout = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Closure::once(move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                i32::try_from(request.timeout_ms).unwrap_or(i32::MAX),
            )
            .unwrap_or(0);
        let deadline = Deadline {
            window: window.clone(),
            handle,
            _on_timeout: on_timeout,
        };
        let url = format!("{}{}", self.base, request.path);
        let result = async {
            let answer = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await?;
            let answer: web_sys::Response = answer.dyn_into()?;
            let too_large = answer
                .headers()
                .get("Content-Length")
                .ok()
                .flatten()
                .and_then(|l| l.parse::<usize>().ok())
                .is_some_and(|l| l > MAX_BODY);
            if too_large {
                return Ok(None);
            }
            let text = JsFuture::from(answer.text()?).await?;
            Ok::<_, JsValue>(Some((
                answer.status(),
                text.as_string().unwrap_or_default(),
            )))
        }
        .await;
        abandon.0 = None;
        drop(deadline);
        self.in_flight
            .borrow_mut()
            .retain(|c| !JsValue::from(c).eq(&JsValue::from(&controller)));
        match result {
            Ok(Some((_, body))) if body.len() > MAX_BODY => Err(Transport::TooLarge),
            Ok(Some((status, body))) => Ok(Response { status, body }),
            Ok(None) => Err(Transport::TooLarge),
            Err(_) if self.stopped.get() => Err(Transport::Aborted),
            Err(_) if timed_out.get() => Err(Transport::Timeout),
            Err(_) => Err(Transport::Offline),
        }
    }
}
