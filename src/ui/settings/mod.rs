//! Settings: the controller's details, the pipeline's stages, language, automatic lock and the passphrase.

pub mod auto_lock_setting;
pub mod change_passphrase_form;
pub mod language_setting;
pub mod pipeline_setting;
pub mod profile_form;
pub mod settings_page;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The pages of this folder, by address (type-erased, so the router's type stays small).
#[component(transparent)]
pub fn SettingsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <>
            <Route path=path!("/settings") view=settings_page::SettingsPage/>
        </>
    }
    .into_any_nested_route()
}
