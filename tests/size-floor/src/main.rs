//! Size floor: the smallest app that uses each library Folio cannot do without, once, for real.
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

fn main() {
    leptos::mount::mount_to_body(App)
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <nav><A href="/">"Vault"</A>" "<A href="/items">"Items"</A></nav>
            <main>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=Vault />
                    <Route path=path!("/items") view=Items />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Vault() -> impl IntoView {
    let pass = RwSignal::new(String::new());
    let out = RwSignal::new(String::new());
    let go = move |_| {
        let p = pass.get_untracked();
        spawn_local(async move { out.set(run(p).await.unwrap_or_else(|e| format!("error: {e}"))) });
    };
    view! {
        <label for="pass">"Passphrase"</label>
        <input id="pass" type="password" bind:value=pass />
        <button on:click=go>"Unlock"</button>
        <p>{move || out.get()}</p>
    }
}

#[component]
fn Items() -> impl IntoView {
    let items = RwSignal::new(vec!["Alice", "Bob", "Carol"]);
    view! {
        <ul>
            <For each=move || items.get() key=|s| *s children=move |s| view! { <li>{s}</li> } />
        </ul>
    }
}

#[cfg(not(feature = "libs"))]
async fn run(pass: String) -> Result<String, String> {
    Ok(format!("{} characters", pass.chars().count()))
}

#[cfg(feature = "libs")]
#[derive(serde::Serialize, serde::Deserialize)]
struct Note {
    id: String,
    text: String,
    at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "libs")]
async fn run(pass: String) -> Result<String, String> {
    use aes_gcm::aead::Aead;
    use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
    use gloo_storage::{LocalStorage, Storage};
    use rexie::{ObjectStore, Rexie, TransactionMode};
    use wasm_bindgen::JsValue;

    let err = |e: &dyn std::fmt::Display| e.to_string();
    let pass = zeroize::Zeroizing::new(pass);
    let (mut salt, mut nonce, mut id) = ([0u8; 16], [0u8; 12], [0u8; 16]);
    for buf in [&mut salt[..], &mut nonce[..], &mut id[..]] {
        getrandom::fill(buf).map_err(|e| err(&e))?;
    }
    let id = uuid::Builder::from_random_bytes(id).into_uuid().to_string();

    // Argon2id (small cost) -> AES-256-GCM key.
    let params = argon2::Params::new(1024, 1, 1, Some(32)).map_err(|e| err(&e))?;
    let mut key = zeroize::Zeroizing::new([0u8; 32]);
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(pass.as_bytes(), &salt, key.as_mut())
        .map_err(|e| err(&e))?;
    let cipher = Aes256Gcm::new((&*key).into());

    let note = Note {
        id: id.clone(),
        text: "hello".into(),
        at: chrono::Utc::now(),
    };
    let json = serde_json::to_vec(&note).map_err(|e| err(&e))?;
    let sealed = cipher
        .encrypt(&Nonce::from(nonce), json.as_slice())
        .map_err(|_| "encryption failed".to_string())?;

    // IndexedDB through rexie: put the sealed bytes, read them back.
    let db = Rexie::builder("sizefloor")
        .version(1)
        .add_object_store(ObjectStore::new("notes"))
        .build()
        .await
        .map_err(|e| err(&e))?;
    let key_js = JsValue::from_str(&id);
    let tx = db
        .transaction(&["notes"], TransactionMode::ReadWrite)
        .map_err(|e| err(&e))?;
    let store = tx.store("notes").map_err(|e| err(&e))?;
    store
        .put(
            &js_sys::Uint8Array::from(sealed.as_slice()).into(),
            Some(&key_js),
        )
        .await
        .map_err(|e| err(&e))?;
    tx.done().await.map_err(|e| err(&e))?;
    let tx = db
        .transaction(&["notes"], TransactionMode::ReadOnly)
        .map_err(|e| err(&e))?;
    let value = tx
        .store("notes")
        .map_err(|e| err(&e))?
        .get(key_js)
        .await
        .map_err(|e| err(&e))?
        .ok_or("not found")?;
    tx.done().await.map_err(|e| err(&e))?;
    let bytes = js_sys::Uint8Array::from(value).to_vec();

    let plain = cipher
        .decrypt(&Nonce::from(nonce), bytes.as_slice())
        .map_err(|_| "wrong passphrase".to_string())?;
    let back: Note = serde_json::from_slice(&plain).map_err(|e| err(&e))?;
    LocalStorage::set("sizefloor.last", &back.id).map_err(|e| err(&e))?;
    let last: String = LocalStorage::get("sizefloor.last").map_err(|e| err(&e))?;
    Ok(format!(
        "{} {} at {} (last: {last})",
        back.id,
        back.text,
        back.at.to_rfc3339()
    ))
}
