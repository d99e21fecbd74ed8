//! The user interface: pages and components grouped by feature, each folder declaring its own
//! routes; kept thin. Must not touch IndexedDB or keys directly; it calls `app` and shows what it
//! returns.

/// A folder's pages by address, as its `…Routes` component (type-erased, so the router's type
/// stays small): `routes!(BreachesRoutes { "/breaches" => breaches_page::BreachesPage, … });`.
macro_rules! routes {
    ($name:ident { $($path:tt => $view:path),* $(,)? }) => {
        /// The pages of this folder, by address.
        #[leptos::component(transparent)]
        pub fn $name() -> impl leptos_router::MatchNestedRoutes + Clone {
            use leptos::prelude::*;
            use leptos_router::any_nested_route::IntoAnyNestedRoute;
            use leptos_router::components::Route;
            view! {
                <>
                    $(<Route path=leptos_router::path!($path) view=$view/>)*
                </>
            }
            .into_any_nested_route()
        }
    };
}

pub mod breaches;
pub mod common;
pub mod consent;
pub mod contacts;
pub mod data;
pub mod deals;
pub mod rights;
pub mod settings;
pub mod vault;

/// The `:id` of the current route (empty when there is none).
pub fn route_id() -> String {
    use leptos::prelude::WithUntracked;
    leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default()
}

/// Whether the user typed the confirmation word `word` (in the interface's language, in any
/// case) before something that destroys data.
pub fn typed_word_is(typed: &str, word: crate::i18n::Text, lang: crate::i18n::Lang) -> bool {
    typed.trim().to_uppercase() == word.get(lang)
}
