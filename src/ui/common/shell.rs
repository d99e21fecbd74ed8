//! The frame around every page: header with the product name, navigation and Lock, main area, footer.

use crate::app::session::{Phase, Session};
use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let unlocked = move || session.phase.get() == Phase::Unlocked;
    view! {
        <a class="skip-link" href="#main">{t(Text::SkipToContent)}</a>
        <header class="app-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"F"</span>
                <span class="brand-name">"Folio"</span>
            </a>
            <Show when=unlocked>
                <nav class="app-nav" aria-label=t(Text::MainNavigation)>
                    <A href="/" exact=true>{t(Text::NavHome)}</A>
                    <A href="/contacts">{t(Text::NavContacts)}</A>
                    <A href="/organisations">{t(Text::NavOrganisations)}</A>
                    <A href="/deals">{t(Text::NavDeals)}</A>
                    <A href="/agenda">{t(Text::NavAgenda)}</A>
                    <A href="/consents">{t(Text::NavConsent)}</A>
                    <A href="/requests">{t(Text::NavRequests)}</A>
                    <A href="/audit">{t(Text::NavAudit)}</A>
                    <A href="/data">{t(Text::NavData)}</A>
                    <A href="/settings">{t(Text::NavSettings)}</A>
                    <A href="/about">{t(Text::NavAbout)}</A>
                </nav>
                <button type="button" class="button secondary lock-button" on:click=move |_| session.lock(None)>
                    {t(Text::Lock)}
                </button>
            </Show>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            <crate::ui::common::update_banner::UpdateBanner/>
            <crate::ui::data::data_page::BackupReminder/>
            <Show when=move || session.loading()>
                <p class="hint loading-rest" role="status">{t(Text::LoadingRest)}</p>
            </Show>
            {children()}
        </main>
        <footer class="app-footer">
            <p>{t(Text::Footer)}</p>
        </footer>
    }
}
