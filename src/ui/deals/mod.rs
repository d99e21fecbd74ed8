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

routes!(DealsRoutes {
    "/deals" => deals_page::DealsPage,
    "/deals/new" => deal_form_page::DealFormPage,
    "/deals/:id" => deal_page::DealPage,
    "/deals/:id/edit" => deal_form_page::DealFormPage,
    "/agenda" => agenda_page::AgendaPage,
});
