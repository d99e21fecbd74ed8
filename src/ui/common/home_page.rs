//! The start page: what Folio is and what it promises about the user's data.

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    view! {
        <section class="page" aria-labelledby="home-heading">
            <h1 id="home-heading">{t(Text::HomeHeading)}</h1>
            <p class="lead">{t(Text::HomeLead)}</p>
            <div class="cards">
                <article class="card">
                    <h2>{t(Text::HomePrivateTitle)}</h2>
                    <p>{t(Text::HomePrivateBody)}</p>
                </article>
                <article class="card">
                    <h2>{t(Text::HomeGdprTitle)}</h2>
                    <p>{t(Text::HomeGdprBody)}</p>
                </article>
                <article class="card">
                    <h2>{t(Text::HomeStorageTitle)}</h2>
                    <p>{t(Text::HomeStorageBody)} <A href="/about">{t(Text::NavAbout)}</A> "."</p>
                </article>
            </div>
        </section>
    }
}
