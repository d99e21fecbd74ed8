//! The browser's WebAuthn, for security keys as a second factor (#24): whether the browser can
//! derive a secret with a key (the `prf` extension), registering a key, and asking a registered
//! key for its PRF output. Options are built with `js_sys::Reflect`; the relying party is this
//! page's host name and nothing is sent anywhere (the challenge is random and never checked: the
//! secret is the PRF output, which only the key can give). Must not import `ui`.

use super::service::KeyError;
use crate::vault::{KeyAnswer, KeyRequest};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long the browser waits for the key, in milliseconds.
const TIMEOUT_MS: f64 = 120_000.0;

/// Whether this browser can use a security key to open the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// No WebAuthn at all.
    NoWebAuthn,
    /// WebAuthn, but the browser says it cannot do PRF.
    NoPrf,
    /// WebAuthn with PRF (or a browser that does not say: registering a key finds out).
    Likely,
}

fn window() -> Result<web_sys::Window, KeyError> {
    web_sys::window().ok_or(KeyError::Unsupported)
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        set(&o, k, v);
    }
    o
}

fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).buffer().into()
}

fn to_bytes(value: &JsValue) -> Option<Vec<u8>> {
    if value.is_undefined() || value.is_null() {
        return None;
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Some(Uint8Array::new(buffer).to_vec());
    }
    value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}

fn random(n: usize) -> Result<Vec<u8>, KeyError> {
    let mut out = vec![0u8; n];
    getrandom::fill(&mut out).map_err(|_| KeyError::Failed("no randomness".into()))?;
    Ok(out)
}

/// Whether the browser has WebAuthn and, where it says so (getClientCapabilities), PRF.
pub async fn support() -> Support {
    let Some(window) = web_sys::window() else {
        return Support::NoWebAuthn;
    };
    let class = get(&window, "PublicKeyCredential");
    if class.is_undefined() || get(&window.navigator(), "credentials").is_undefined() {
        return Support::NoWebAuthn;
    }
    let Ok(ask) = get(&class, "getClientCapabilities").dyn_into::<js_sys::Function>() else {
        return Support::Likely;
    };
    let Ok(promise) = ask.call0(&class) else {
        return Support::Likely;
    };
    match JsFuture::from(js_sys::Promise::resolve(&promise)).await {
        Ok(caps) => match get(&caps, "extension:prf").as_bool() {
            Some(false) => Support::NoPrf,
            _ => Support::Likely,
        },
        Err(_) => Support::Likely,
    }
}

/// Calls navigator.credentials.<method>({ publicKey }) and waits for the credential.
async fn call(method: &str, public_key: Object) -> Result<JsValue, KeyError> {
    let window = window()?;
    if get(&window, "PublicKeyCredential").is_undefined() {
        return Err(KeyError::Unsupported);
    }
    let credentials = get(&window.navigator(), "credentials");
    let function = get(&credentials, method)
        .dyn_into::<js_sys::Function>()
        .map_err(|_| KeyError::Unsupported)?;
    let options = obj(&[("publicKey", public_key.into())]);
    let promise = function.call1(&credentials, &options).map_err(key_error)?;
    let credential = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(key_error)?;
    if credential.is_null() || credential.is_undefined() {
        return Err(KeyError::Cancelled);
    }
    Ok(credential)
}

/// What a DOMException from WebAuthn means for the person.
fn key_error(e: JsValue) -> KeyError {
    let name = get(&e, "name").as_string().unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "AbortError" => KeyError::Cancelled,
        "InvalidStateError" => KeyError::AlreadyRegistered,
        "NotSupportedError" => KeyError::NoPrf,
        _ => {
            let message = get(&e, "message").as_string().unwrap_or(name);
            KeyError::Failed(message.chars().take(200).collect())
        }
    }
}

fn client_extensions(credential: &JsValue) -> JsValue {
    get(credential, "getClientExtensionResults")
        .dyn_into::<js_sys::Function>()
        .ok()
        .and_then(|f| f.call0(credential).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// Registers a new key for this vault (with the PRF extension) and returns its credential id,
/// and its PRF output for `prf_salt` when the browser gave it at registration. `exclude`: the
/// keys registered already.
pub async fn register(
    name: &str,
    prf_salt: &[u8; 32],
    exclude: &[Vec<u8>],
) -> Result<(Vec<u8>, Option<KeyAnswer>), KeyError> {
    let host = window()?.location().hostname().unwrap_or_default();
    let excluded = Array::new();
    for id in exclude {
        excluded.push(&obj(&[("type", "public-key".into()), ("id", bytes(id))]).into());
    }
    let algorithms = Array::new();
    for alg in [-7.0, -257.0] {
        algorithms.push(&obj(&[("type", "public-key".into()), ("alg", alg.into())]).into());
    }
    let label = format!("Folio: {name}");
    let public_key = obj(&[
        (
            "rp",
            obj(&[("name", "Folio".into()), ("id", host.into())]).into(),
        ),
        (
            "user",
            obj(&[
                ("id", bytes(&random(16)?)),
                ("name", label.as_str().into()),
                ("displayName", label.as_str().into()),
            ])
            .into(),
        ),
        ("challenge", bytes(&random(32)?)),
        ("pubKeyCredParams", algorithms.into()),
        ("timeout", TIMEOUT_MS.into()),
        ("excludeCredentials", excluded.into()),
        (
            "authenticatorSelection",
            obj(&[
                ("residentKey", "discouraged".into()),
                ("userVerification", "preferred".into()),
            ])
            .into(),
        ),
        ("attestation", "none".into()),
        (
            "extensions",
            obj(&[(
                "prf",
                obj(&[("eval", obj(&[("first", bytes(prf_salt))]).into())]).into(),
            )])
            .into(),
        ),
    ]);
    let credential = call("create", public_key).await?;
    let id = to_bytes(&get(&credential, "rawId")).ok_or(KeyError::Failed("no id".into()))?;
    let prf = get(&client_extensions(&credential), "prf");
    if prf.is_undefined() || get(&prf, "enabled").as_bool() == Some(false) {
        return Err(KeyError::NoPrf);
    }
    let first = to_bytes(&get(&get(&prf, "results"), "first"));
    let answer = first.and_then(|out| KeyAnswer::new(id.clone(), &out));
    Ok((id, answer))
}

/// Asks the person for one of the registered keys and returns its PRF output for that key's
/// salt.
pub async fn ask(keys: &[KeyRequest]) -> Result<KeyAnswer, KeyError> {
    let host = window()?.location().hostname().unwrap_or_default();
    let allowed = Array::new();
    let by_credential = Object::new();
    for key in keys {
        allowed.push(
            &obj(&[
                ("type", "public-key".into()),
                ("id", bytes(&key.credential_id)),
            ])
            .into(),
        );
        set(
            &by_credential,
            &crate::vault::factors::b64(&key.credential_id),
            &obj(&[("first", bytes(&key.prf_salt))]).into(),
        );
    }
    let public_key = obj(&[
        ("challenge", bytes(&random(32)?)),
        ("rpId", host.into()),
        ("timeout", TIMEOUT_MS.into()),
        ("allowCredentials", allowed.into()),
        ("userVerification", "preferred".into()),
        (
            "extensions",
            obj(&[(
                "prf",
                obj(&[("evalByCredential", by_credential.into())]).into(),
            )])
            .into(),
        ),
    ]);
    let credential = call("get", public_key).await?;
    let id = to_bytes(&get(&credential, "rawId")).ok_or(KeyError::Failed("no id".into()))?;
    let prf = get(&client_extensions(&credential), "prf");
    let first = to_bytes(&get(&get(&prf, "results"), "first")).ok_or(KeyError::NoPrf)?;
    KeyAnswer::new(id, &first).ok_or(KeyError::NoPrf)
}
