//! In-browser tests of the storage durability calls against the real `navigator.storage`.
#![cfg(target_arch = "wasm32")]

use folio::store::durability;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn estimate_reports_a_real_quota() {
    let estimate = durability::estimate().await.expect("the browser answers");
    assert!(estimate.quota_bytes > 0.0, "quota {}", estimate.quota_bytes);
    assert!(estimate.usage_bytes >= 0.0);
    assert!(estimate.usage_bytes <= estimate.quota_bytes);
}

#[wasm_bindgen_test]
async fn persistence_answer_is_consistent() {
    let granted = durability::request_persistence()
        .await
        .expect("the browser answers persist()");
    let persisted = durability::is_persisted()
        .await
        .expect("the browser answers persisted()");
    // Whatever the browser decides, asking again must report the decision it just made.
    assert_eq!(granted, persisted);
}
