//! The start page: what Folio is and what it promises about the user's data.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="home-heading">
            <h1 id="home-heading">"Your private CRM"</h1>
            <p class="lead">
                "Folio keeps your clients, their consent and your deals on this device only. "
                "There is no account and no server: nothing you enter here leaves this browser."
            </p>
            <div class="cards">
                <article class="card">
                    <h2>"Private by construction"</h2>
                    <p>"The app loads once and then makes no network request. No fonts, analytics or trackers are fetched."</p>
                </article>
                <article class="card">
                    <h2>"Built for GDPR work"</h2>
                    <p>"Contacts, consent per purpose, retention holds and the data subject's rights, in one place."</p>
                </article>
                <article class="card">
                    <h2>"Your storage, your call"</h2>
                    <p>
                        "See how much this browser keeps for Folio and whether it may evict it: "
                        <A href="/about">"About this vault"</A>
                        "."
                    </p>
                </article>
            </div>
        </section>
    }
}
