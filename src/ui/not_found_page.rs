//! Shown for an address that matches no page.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">"Page not found"</h1>
            <p>"There is no page at this address. " <A href="/">"Go to the start page"</A> "."</p>
        </section>
    }
}
