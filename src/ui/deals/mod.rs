//! Deals: the board and list, a deal's page and form, documents with their retention holds, follow-ups and the Agenda.

pub mod agenda_page;
pub mod deal_form_page;
pub mod deal_page;
pub mod deal_view;
pub mod deals_page;
pub mod deals_panel;
pub mod documents_panel;
pub mod due_for_review;
pub mod follow_ups_panel;
pub mod pipeline_chart;
pub mod stage_move;
pub mod task_moves;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The pages of this folder, by address (type-erased, so the router's type stays small).
#[component(transparent)]
pub fn DealsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <>
            <Route path=path!("/deals") view=deals_page::DealsPage/>
            <Route path=path!("/deals/new") view=deal_form_page::DealFormPage/>
            <Route path=path!("/deals/:id") view=deal_page::DealPage/>
            <Route path=path!("/deals/:id/edit") view=deal_form_page::DealFormPage/>
            <Route path=path!("/agenda") view=agenda_page::AgendaPage/>
        </>
    }
    .into_any_nested_route()
}
