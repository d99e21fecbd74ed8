//! The vault itself: create (or restore onto a new device), unlock, take over from another tab, damaged-data notices, the audit log and the About page.

pub mod about_page;
pub mod audit_log_page;
pub mod create_vault_page;
pub mod damaged_banner;
pub mod join_vault_form;
pub mod restore_on_create;
pub mod take_over_callout;
pub mod unlock_page;
pub mod vault_gate;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The pages of this folder, by address (type-erased, so the router's type stays small).
#[component(transparent)]
pub fn VaultRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <>
            <Route path=path!("/audit") view=audit_log_page::AuditLogPage/>
            <Route path=path!("/about") view=about_page::AboutPage/>
        </>
    }
    .into_any_nested_route()
}
