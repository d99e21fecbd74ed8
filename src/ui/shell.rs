//! The frame around every page: header with the product name and navigation, main area, footer.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"F"</span>
                <span class="brand-name">"Folio"</span>
            </a>
            <nav class="app-nav" aria-label="Main">
                <A href="/" exact=true>"Home"</A>
                <A href="/about">"About this vault"</A>
            </nav>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
        <footer class="app-footer">
            <p>"Your data stays in this browser. Folio sends nothing to any server."</p>
        </footer>
    }
}
