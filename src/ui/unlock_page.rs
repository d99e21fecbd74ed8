//! Later visits: unlock the vault with its passphrase.

use crate::app::describe;
use crate::app::session::Session;
use crate::ui::text_field::TextField;
use crate::vault::Passphrase;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn UnlockPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let passphrase = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);

    let unlock = move |take_over: bool| {
        failure.set(None);
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            failure.set(Some("Enter your passphrase.".to_string()));
            return;
        }
        working.set(true);
        spawn_local(async move {
            match session.unlock(Passphrase::new(typed), take_over).await {
                Ok(true) => passphrase.set(String::new()),
                Ok(false) => {}
                Err(e) => failure.set(Some(describe(&e))),
            }
            working.set(false);
        });
    };

    view! {
        <section class="page narrow" aria-labelledby="unlock-heading">
            <h1 id="unlock-heading">"Unlock your vault"</h1>
            {move || session.notice.get().map(|n| view! { <p class="callout" role="status">{n}</p> })}
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    unlock(false);
                }
            >
                <TextField
                    label="Passphrase"
                    id="passphrase"
                    value=passphrase
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                />
                {move || failure.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                <Show when=move || session.open_elsewhere.get()>
                    <div class="callout warning" role="alert">
                        <p>"Folio is open in another tab. Only one tab can use the vault at a time."</p>
                        <button type="button" class="button secondary" on:click=move |_| unlock(true)>
                            "Take over"
                        </button>
                    </div>
                </Show>
                <button type="submit" class="button" disabled=move || working.get()>
                    "Unlock"
                </button>
                <Show when=move || working.get()>
                    <p class="hint" role="status">"Unlocking… deriving the key takes a moment."</p>
                </Show>
            </form>
        </section>
    }
}
