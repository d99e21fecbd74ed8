//! In-browser test of the sync transport (`sync::fetch`): a request given up before its answer
//! leaves no timer behind to call a callback that is gone.
#![cfg(target_arch = "wasm32")]

use folio::sync::fetch::FetchRemote;
use folio::sync::remote::{Remote, Request};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::Context;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_request_given_up_leaves_no_timer_behind() {
    // What the page throws where nothing catches it (a timer's callback).
    let thrown = Rc::new(RefCell::new(Vec::<String>::new()));
    let on_error = {
        let thrown = thrown.clone();
        Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
            let message = js_sys::Reflect::get(&e, &"message".into()).unwrap_or_default();
            thrown
                .borrow_mut()
                .push(message.as_string().unwrap_or_default());
        })
    };
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
    let remote = FetchRemote::new("http://127.0.0.1:9/db", "u", "p");
    for _ in 0..3 {
        let mut request = Request::get("/_changes?feed=longpoll");
        request.timeout_ms = 30;
        // Started (the fetch and its timer), then given up before any answer, as a round does
        // with a wait on the changes feed when a local write comes.
        let mut send = Box::pin(remote.send(request));
        assert!(send
            .as_mut()
            .poll(&mut Context::from_waker(std::task::Waker::noop()))
            .is_pending());
        drop(send);
    }
    // Past every time limit.
    folio::app::clock::sleep(200).await;
    window
        .remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(*thrown.borrow(), Vec::<String>::new());
}
