//! Settings: the controller's details, the pipeline's stages, language, automatic lock, the
//! passphrase and the do-not-contact list.

pub mod auto_lock_setting;
pub mod change_passphrase_form;
pub mod do_not_contact_setting;
pub mod language_setting;
pub mod pipeline_setting;
pub mod profile_form;
pub mod settings_page;
pub mod sync_setting;

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
