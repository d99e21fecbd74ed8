//! In-browser test of the sync transport (`sync::fetch`): a request given up before its answer
//! leaves no timer behind to call a callback that is gone.
#![cfg(target_arch = "wasm32")]

use folio::sync::fetch::FetchRemote;
use folio::sync::remote::{Remote, Request};
use std::future::Future;
use std::task::Context;
use wasm_bindgen_test::*;

mod common;
use common::thrown_while;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_request_given_up_leaves_no_timer_behind() {
    let thrown = thrown_while(async {
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
    })
    .await;
    assert_eq!(thrown, Vec::<String>::new());
}
