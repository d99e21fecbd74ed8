//! The frame around every page: header with the product name, navigation and Lock, main area
//! (with the status message every page can post to), footer.
//! On a phone the navigation folds behind a Menu button (a disclosure: `aria-expanded`,
//! `aria-controls`), which closes again once a link is chosen or on Escape; at wider widths the
//! stylesheet hides the button and shows the navigation as a row.

use crate::app::session::{Phase, Session};
use crate::i18n::Text;
use crate::ui::common::locale::use_texts;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let session = expect_context::<Session>();
    crate::ui::common::status::provide_status();
    let (locale, t) = use_texts();
    let unlocked = move || session.phase.get() == Phase::Unlocked;
    let menu_open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    // Escape inside the header closes an open menu and gives focus back to its button (and goes
    // no further, so a form on the page stays open).
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            ev.stop_propagation();
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    // A link chosen from the open menu closes it; focus moves to the page's content, since the
    // link it was on is hidden with the menu.
    let on_nav_click = move |ev: leptos::ev::MouseEvent| {
        let on_link = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("a").ok().flatten())
            .is_some();
        if on_link && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(main) = document().get_element_by_id("main") {
                if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                    let _ = main.focus();
                }
            }
        }
    };
    view! {
        <a class="skip-link" href="#main">{t(Text::SkipToContent)}</a>
        <header class="app-header" on:keydown=on_keydown>
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"F"</span>
                <span class="brand-name">"Folio"</span>
            </a>
            <Show when=unlocked>
                <button
                    type="button"
                    class="button secondary menu-button"
                    node_ref=menu_button
                    aria-expanded=move || menu_open.get().to_string()
                    aria-controls="main-nav"
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    <span class="menu-icon" aria-hidden="true"></span>
                    {t(Text::Menu)}
                </button>
                <nav
                    id="main-nav"
                    class="app-nav"
                    class:open=move || menu_open.get()
                    aria-label=t(Text::MainNavigation)
                    on:click=on_nav_click
                >
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
            <Show when=move || session.checking_trail()>
                <p class="hint loading-trail" role="status">{t(Text::CheckingTrail)}</p>
            </Show>
            {children()}
            <crate::ui::common::status::StatusMessage/>
        </main>
        <footer class="app-footer">
            <p>
                {move || {
                    let syncing = session.sync.configured.get().is_some() && unlocked();
                    locale.t(if syncing { Text::FooterSyncing } else { Text::Footer })
                }}
            </p>
        </footer>
    }
}
