//! First visit: create the vault with a passphrase.

use crate::app::describe;
use crate::app::session::Session;
use crate::ui::text_field::TextField;
use crate::vault::{Passphrase, PassphraseError};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CreateVaultPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let passphrase = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let passphrase_error = RwSignal::new(None::<String>);
    let confirmation_error = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);

    let create = move |take_over: bool| {
        passphrase_error.set(None);
        confirmation_error.set(None);
        failure.set(None);
        let chosen =
            match Passphrase::choose(&passphrase.get_untracked(), &confirmation.get_untracked()) {
                Ok(p) => p,
                Err(e @ PassphraseError::Mismatch) => {
                    confirmation_error.set(Some(format!("{}: type the same passphrase twice", e)));
                    return;
                }
                Err(e) => {
                    passphrase_error.set(Some(e.to_string()));
                    return;
                }
            };
        working.set(true);
        spawn_local(async move {
            match session.create(chosen, take_over).await {
                Ok(true) => {
                    passphrase.set(String::new());
                    confirmation.set(String::new());
                }
                Ok(false) => {}
                Err(e) => failure.set(Some(describe(&e))),
            }
            working.set(false);
        });
    };

    view! {
        <section class="page narrow" aria-labelledby="create-heading">
            <h1 id="create-heading">"Create your vault"</h1>
            <p class="lead">
                "Everything you keep in Folio is encrypted with a key made from your passphrase, "
                "and stays in this browser."
            </p>
            <div class="callout" role="note">
                <p>
                    <strong>"A forgotten passphrase cannot be recovered."</strong>
                    " Nobody, not even Folio's makers, can open the vault without it. "
                    "Write it down somewhere safe, and export backups regularly."
                </p>
            </div>
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    create(false);
                }
            >
                <TextField
                    label="Passphrase"
                    id="passphrase"
                    value=passphrase
                    error=passphrase_error
                    input_type="password"
                    autocomplete="new-password"
                    hint="At least 12 characters. A few unrelated words are strong and easy to remember."
                    required=true
                />
                <TextField
                    label="Confirm passphrase"
                    id="confirm-passphrase"
                    value=confirmation
                    error=confirmation_error
                    input_type="password"
                    autocomplete="new-password"
                    required=true
                />
                {move || failure.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                <Show when=move || session.open_elsewhere.get()>
                    <div class="callout warning" role="alert">
                        <p>"Folio is open in another tab. Only one tab can use the vault at a time."</p>
                        <button type="button" class="button secondary" on:click=move |_| create(true)>
                            "Take over"
                        </button>
                    </div>
                </Show>
                <button type="submit" class="button" disabled=move || working.get()>
                    "Create vault"
                </button>
                <Show when=move || working.get()>
                    <p class="hint" role="status">"Creating your vault… deriving the key takes a moment."</p>
                </Show>
            </form>
        </section>
    }
}
