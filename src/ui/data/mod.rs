//! The vault's data as files: export and import, encrypted backups, and contacts from other programs.

pub mod contacts_import;
pub mod data_page;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The pages of this folder, by address (type-erased, so the router's type stays small).
#[component(transparent)]
pub fn DataRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <>
            <Route path=path!("/data") view=data_page::DataPage/>
        </>
    }
    .into_any_nested_route()
}
