//! Change passphrase: re-wraps the data key; the records are not touched.

use crate::app::describe;
use crate::app::session::Session;
use crate::app::AppError;
use crate::ui::text_field::TextField;
use crate::vault::{Passphrase, PassphraseError, VaultError};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ChangePassphraseForm() -> impl IntoView {
    let session = expect_context::<Session>();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let current_error = RwSignal::new(None::<String>);
    let new_error = RwSignal::new(None::<String>);
    let confirmation_error = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let working = RwSignal::new(false);

    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        current_error.set(None);
        new_error.set(None);
        confirmation_error.set(None);
        outcome.set(None);
        if current.get_untracked().is_empty() {
            current_error.set(Some("enter your current passphrase".into()));
            return;
        }
        let chosen = match Passphrase::choose(&new.get_untracked(), &confirmation.get_untracked()) {
            Ok(p) => p,
            Err(e @ PassphraseError::Mismatch) => {
                confirmation_error.set(Some(e.to_string()));
                return;
            }
            Err(e) => {
                new_error.set(Some(e.to_string()));
                return;
            }
        };
        let old = Passphrase::new(current.get_untracked());
        working.set(true);
        spawn_local(async move {
            match session.change_passphrase(old, chosen).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    confirmation.set(String::new());
                    outcome.set(Some(Ok(
                        "Your passphrase was changed. Use the new one from now on.".into(),
                    )));
                }
                Err(AppError::Vault(VaultError::WrongPassphrase)) => {
                    current_error.set(Some(
                        "wrong passphrase: this is not your current passphrase".into(),
                    ));
                }
                Err(e) => outcome.set(Some(Err(describe(&e)))),
            }
            working.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="passphrase-heading">
            <h2 id="passphrase-heading">"Change passphrase"</h2>
            <form class="form" on:submit=change>
                <TextField label="Current passphrase" id="current-passphrase" value=current error=current_error input_type="password" autocomplete="current-password"/>
                <TextField label="New passphrase" id="new-passphrase" value=new error=new_error input_type="password" autocomplete="new-password" hint="At least 12 characters."/>
                <TextField label="Confirm new passphrase" id="confirm-new-passphrase" value=confirmation error=confirmation_error input_type="password" autocomplete="new-password"/>
                {move || {
                    outcome
                        .get()
                        .map(|o| match o {
                            Ok(m) => view! { <p class="form-success" role="status">{m}</p> }.into_any(),
                            Err(m) => view! { <p class="form-error" role="alert">{m}</p> }.into_any(),
                        })
                }}
                <button type="submit" class="button" disabled=move || working.get()>
                    "Change passphrase"
                </button>
                <Show when=move || working.get()>
                    <p class="hint" role="status">"Re-encrypting the key… this takes a moment."</p>
                </Show>
            </form>
        </section>
    }
}
