//! Durability of this origin's storage: persistence (`navigator.storage.persisted()/persist()`)
//! and the quota estimate (`navigator.storage.estimate()`). Must not import `ui` or `app`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the browser could not answer a storage question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurabilityError {
    #[error("this browser does not offer the Storage API")]
    Unsupported,
    #[error("the browser refused the storage request: {0}")]
    Refused(String),
}

/// How much this origin stores and may store, in bytes, as the browser estimates it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageEstimate {
    pub usage_bytes: f64,
    pub quota_bytes: f64,
}

fn storage_manager() -> Result<web_sys::StorageManager, DurabilityError> {
    let window = web_sys::window().ok_or(DurabilityError::Unsupported)?;
    let navigator = window.navigator();
    // Older browsers (and insecure contexts) have no `navigator.storage`.
    let has_storage = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    if !has_storage {
        return Err(DurabilityError::Unsupported);
    }
    Ok(navigator.storage())
}

async fn await_promise(
    promise: Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Result<wasm_bindgen::JsValue, DurabilityError> {
    let promise = promise.map_err(|e| DurabilityError::Refused(describe(&e)))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| DurabilityError::Refused(describe(&e)))
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown reason".to_string())
}

/// Whether the browser has granted persistent storage (it will not evict this vault under pressure).
pub async fn is_persisted() -> Result<bool, DurabilityError> {
    let answer = await_promise(storage_manager()?.persisted()).await?;
    Ok(answer.as_bool().unwrap_or(false))
}

/// Asks the browser for persistent storage; returns its answer.
pub async fn request_persistence() -> Result<bool, DurabilityError> {
    let answer = await_promise(storage_manager()?.persist()).await?;
    Ok(answer.as_bool().unwrap_or(false))
}

/// The browser's estimate of the bytes used and available to this origin.
pub async fn estimate() -> Result<StorageEstimate, DurabilityError> {
    let answer = await_promise(storage_manager()?.estimate()).await?;
    let field = |name: &str| {
        js_sys::Reflect::get(&answer, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    Ok(StorageEstimate {
        usage_bytes: field("usage"),
        quota_bytes: field("quota"),
    })
}
