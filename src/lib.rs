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
use leptos_router::components::{Router, Routes};

/// The whole application: the session, the shell, and the routed pages behind the vault gate.
#[component]
pub fn App() -> impl IntoView {
    provide_context(ui::common::locale::Locale::new());
    let release = app::release::Release::new();
    provide_context(release);
    release.start();
    let session = Session::new();
    provide_context(session);
    session.start();
    session.watch_for_idleness();
    view! {
        <Router>
            <ui::common::shell::Shell>
                <ui::vault::vault_gate::VaultGate>
                    <Routes fallback=ui::common::not_found_page::NotFoundPage>
                        <ui::common::CommonRoutes/>
                        <ui::contacts::ContactsRoutes/>
                        <ui::rights::RightsRoutes/>
                        <ui::consent::ConsentRoutes/>
                        <ui::deals::DealsRoutes/>
                        <ui::data::DataRoutes/>
                        <ui::vault::VaultRoutes/>
                        <ui::settings::SettingsRoutes/>
                    </Routes>
                </ui::vault::vault_gate::VaultGate>
            </ui::common::shell::Shell>
        </Router>
    }
}
