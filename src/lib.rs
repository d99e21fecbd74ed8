//! Folio, a private CRM that lives in the browser: the module list and the root `App`.
//! Dependencies point one way: `ui → {domain, store}`; `domain` imports nothing of the app.

pub mod app;
pub mod domain;
pub mod store;
pub mod ui;
pub mod vault;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole application: the shell around the routed pages.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <ui::shell::Shell>
                <Routes fallback=ui::not_found_page::NotFoundPage>
                    <Route path=path!("/") view=ui::home_page::HomePage/>
                    <Route path=path!("/about") view=ui::about_page::AboutPage/>
                </Routes>
            </ui::shell::Shell>
        </Router>
    }
}
