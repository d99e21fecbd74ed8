//! The data subject's rights: the access report (Art. 15), erasure (Art. 17) and the requests register.

pub mod access_page;
pub mod erase_page;
pub mod erasure_parts;
pub mod requests_page;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The pages of this folder, by address (type-erased, so the router's type stays small).
#[component(transparent)]
pub fn RightsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <>
            <Route path=path!("/contacts/:id/access") view=access_page::AccessPage/>
            <Route path=path!("/contacts/:id/erase") view=erase_page::ErasePage/>
            <Route path=path!("/requests") view=requests_page::RequestsPage/>
        </>
    }
    .into_any_nested_route()
}
