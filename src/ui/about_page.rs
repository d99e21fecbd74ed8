//! "About this vault": what the browser says about this origin's storage, read from the real APIs.

use crate::app::session::Session;
use crate::store::durability::{self, DurabilityError, StorageEstimate};
use crate::ui::format;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A value the page is waiting for from the browser.
#[derive(Clone, PartialEq)]
enum Answer<T> {
    Waiting,
    Known(T),
    Failed(String),
}

impl<T> From<Result<T, DurabilityError>> for Answer<T> {
    fn from(result: Result<T, DurabilityError>) -> Self {
        match result {
            Ok(value) => Answer::Known(value),
            Err(e) => Answer::Failed(e.to_string()),
        }
    }
}

#[component]
pub fn AboutPage() -> impl IntoView {
    let persisted = RwSignal::new(Answer::<bool>::Waiting);
    let estimate = RwSignal::new(Answer::<StorageEstimate>::Waiting);
    let asking = RwSignal::new(false);
    let session = expect_context::<Session>();
    let kdf_text = move || {
        session.data.with(|d| {
            d.kdf
                .as_ref()
                .map(|k| {
                    format!(
                        "Argon2id, {} MiB memory, {} iterations, {} lanes; AES-256-GCM for every record",
                        k.memory_kib / 1024,
                        k.iterations,
                        k.parallelism
                    )
                })
                .unwrap_or_default()
        })
    };
    let audit_text = move || {
        session.data.with(|d| match &d.chain {
            None => format!(
                "{}; the hash chain verifies.",
                format::count(d.audit.len(), "event", "events")
            ),
            Some(problem) => format!(
                "{}; the hash chain does NOT verify: {problem}.",
                format::count(d.audit.len(), "event", "events")
            ),
        })
    };
    let unlock_text = move || {
        session
            .last_unlock
            .get()
            .map(|t| {
                format!(
                    "{:.0} ms (key derivation {:.0} ms, reading and decrypting {:.0} ms)",
                    t.total_ms,
                    t.key_derivation_ms,
                    t.total_ms - t.key_derivation_ms
                )
            })
            .unwrap_or_else(|| {
                "Not measured in this session (the vault was just created).".to_string()
            })
    };

    spawn_local(async move {
        persisted.set(durability::is_persisted().await.into());
        estimate.set(durability::estimate().await.into());
    });

    let ask = move |_| {
        asking.set(true);
        spawn_local(async move {
            persisted.set(durability::request_persistence().await.into());
            asking.set(false);
        });
    };

    let persisted_text = move || {
        match persisted.get() {
        Answer::Waiting => "Asking the browser…".to_string(),
        Answer::Known(true) => {
            "Yes. The browser will not clear Folio's data to free space.".to_string()
        }
        Answer::Known(false) => "No. Under storage pressure the browser may clear Folio's data; export backups regularly.".to_string(),
        Answer::Failed(reason) => format!("Unknown: {reason}."),
    }
    };

    let usage_text = move || match estimate.get() {
        Answer::Waiting => "Asking the browser…".to_string(),
        Answer::Known(e) => format!(
            "{} used of {} available ({})",
            format::bytes(e.usage_bytes),
            format::bytes(e.quota_bytes),
            format::percent(e.usage_bytes, e.quota_bytes)
        ),
        Answer::Failed(reason) => format!("Unknown: {reason}."),
    };

    view! {
        <section class="page" aria-labelledby="about-heading">
            <h1 id="about-heading">"About this vault"</h1>
            <p class="lead">
                "Folio stores everything in this browser's storage for this site. "
                "These figures come straight from the browser."
            </p>
            <dl class="facts">
                <div class="fact">
                    <dt>"Persistent storage"</dt>
                    <dd data-testid="persisted">{persisted_text}</dd>
                </div>
                <div class="fact">
                    <dt>"Storage used"</dt>
                    <dd data-testid="usage">{usage_text}</dd>
                </div>
                <div class="fact">
                    <dt>"Encryption"</dt>
                    <dd data-testid="encryption">{kdf_text}</dd>
                </div>
                <div class="fact">
                    <dt>"Audit trail"</dt>
                    <dd data-testid="audit">{audit_text}</dd>
                </div>
                <div class="fact">
                    <dt>"Last unlock took"</dt>
                    <dd data-testid="unlock-time">{unlock_text}</dd>
                </div>
            </dl>
            <Show when=move || matches!(persisted.get(), Answer::Known(false))>
                <p>
                    <button type="button" class="button" on:click=ask disabled=move || asking.get()>
                        "Ask for persistent storage"
                    </button>
                </p>
                <p class="hint">
                    "Browsers decide on their own: an installed app or a site you use often is more likely to be granted it."
                </p>
            </Show>
        </section>
    }
}
