//! Shown for an address that matches no page.

use crate::i18n::Text;
use crate::ui::common::locale::use_texts;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let (_locale, t) = use_texts();
    view! {
        <section class="page" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{t(Text::NotFoundHeading)}</h1>
            <p>{t(Text::NotFoundBody)} <A href="/">{t(Text::NotFoundLink)}</A> "."</p>
        </section>
    }
}
