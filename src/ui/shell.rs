//! The frame around every page: header with the product name, navigation and Lock, main area, footer.

use crate::app::session::{Phase, Session};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let session = expect_context::<Session>();
    let unlocked = move || session.phase.get() == Phase::Unlocked;
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"F"</span>
                <span class="brand-name">"Folio"</span>
            </a>
            <Show when=unlocked>
                <nav class="app-nav" aria-label="Main">
                    <A href="/" exact=true>"Home"</A>
                    <A href="/settings">"Settings"</A>
                    <A href="/about">"About this vault"</A>
                </nav>
                <button type="button" class="button secondary lock-button" on:click=move |_| session.lock(None)>
                    "Lock"
                </button>
            </Show>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
        <footer class="app-footer">
            <p>"Your data stays in this browser. Folio sends nothing to any server."</p>
        </footer>
    }
}
