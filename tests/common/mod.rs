//! What the browser tests share: catching what the page throws.
#![cfg(target_arch = "wasm32")]

/// What the page throws where nothing catches it (a timer's or an IndexedDB event's callback),
/// while `run` runs and for 200 ms after.
pub async fn thrown_while<F: std::future::Future<Output = ()>>(run: F) -> Vec<String> {
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::prelude::*;
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
    run.await;
    // Past every time limit; the aborted transactions' last events have fired.
    folio::app::clock::sleep(200).await;
    window
        .remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
    let thrown = thrown.borrow().clone();
    thrown
}
