//! Folio, a private CRM that lives in the browser: the module list and the root `App`.
//! Dependencies point one way: `ui → app → {domain, vault, store}`; `domain` imports nothing of the app.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod domain;
pub mod i18n;
pub mod portability;
pub mod store;
pub mod ui;
pub mod vault;

use app::session::Session;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// Watches activity and visibility for the automatic lock.
fn watch_for_idleness(session: Session) {
    for event in ["keydown", "pointerdown", "wheel", "touchstart"] {
        let handle = window_event_listener_untyped(event, move |_| session.touch());
        std::mem::forget(handle);
    }
    // Coming back to a tab that was hidden too long locks it at once (timers are throttled there).
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let on_visibility = Closure::<dyn Fn()>::new(move || session.check_idle());
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        on_visibility.forget();
    }
    let _ = set_interval_with_handle(move || session.check_idle(), Duration::from_secs(5));
}

/// The whole application: the session, the shell, and the routed pages behind the vault gate.
#[component]
pub fn App() -> impl IntoView {
    provide_context(ui::locale::Locale::new());
    let release = app::release::Release::new();
    provide_context(release);
    release.start();
    let session = Session::new();
    provide_context(session);
    session.start();
    watch_for_idleness(session);
    view! {
        <Router>
            <ui::shell::Shell>
                <ui::vault_gate::VaultGate>
                    <Routes fallback=ui::not_found_page::NotFoundPage>
                        <Route path=path!("/") view=ui::home_page::HomePage/>
                        <Route path=path!("/contacts") view=ui::contacts_page::ContactsPage/>
                        <Route path=path!("/contacts/new") view=ui::contact_form_page::ContactFormPage/>
                        <Route path=path!("/contacts/:id") view=ui::contact_page::ContactPage/>
                        <Route path=path!("/contacts/:id/edit") view=ui::contact_form_page::ContactFormPage/>
                        <Route path=path!("/contacts/:id/merge") view=ui::merge_page::MergePage/>
                        <Route path=path!("/contacts/:id/access") view=ui::access_page::AccessPage/>
                        <Route path=path!("/contacts/:id/erase") view=ui::erase_page::ErasePage/>
                        <Route path=path!("/organisations") view=ui::organisations_page::OrganisationsPage/>
                        <Route path=path!("/organisations/new") view=ui::organisation_form_page::OrganisationFormPage/>
                        <Route path=path!("/organisations/:id") view=ui::organisation_page::OrganisationPage/>
                        <Route path=path!("/organisations/:id/edit") view=ui::organisation_form_page::OrganisationFormPage/>
                        <Route path=path!("/consents") view=ui::consent_overview_page::ConsentOverviewPage/>
                        <Route path=path!("/consents/:id/receipt") view=ui::consent_receipt_page::ConsentReceiptPage/>
                        <Route path=path!("/may-contact") view=ui::may_contact_page::MayContactPage/>
                        <Route path=path!("/purposes") view=ui::purposes_page::PurposesPage/>
                        <Route path=path!("/purposes/new") view=ui::purpose_form_page::PurposeFormPage/>
                        <Route path=path!("/purposes/record") view=ui::processing_record_page::ProcessingRecordPage/>
                        <Route path=path!("/purposes/:id") view=ui::purpose_form_page::PurposeFormPage/>
                        <Route path=path!("/deals") view=ui::deals_page::DealsPage/>
                        <Route path=path!("/deals/new") view=ui::deal_form_page::DealFormPage/>
                        <Route path=path!("/deals/:id") view=ui::deal_page::DealPage/>
                        <Route path=path!("/deals/:id/edit") view=ui::deal_form_page::DealFormPage/>
                        <Route path=path!("/agenda") view=ui::agenda_page::AgendaPage/>
                        <Route path=path!("/data") view=ui::data_page::DataPage/>
                        <Route path=path!("/requests") view=ui::requests_page::RequestsPage/>
                        <Route path=path!("/audit") view=ui::audit_log_page::AuditLogPage/>
                        <Route path=path!("/settings") view=ui::settings_page::SettingsPage/>
                        <Route path=path!("/about") view=ui::about_page::AboutPage/>
                    </Routes>
                </ui::vault_gate::VaultGate>
            </ui::shell::Shell>
        </Router>
    }
}
