//! Consent and the register of processing: purposes, consents with their receipts, objections and restrictions, and May I contact?.

pub mod assessment_fields;
pub mod assessments_due;
pub mod consent_form;
pub mod consent_overview_page;
pub mod consent_panel;
pub mod consent_receipt_page;
pub mod limits_panel;
pub mod may_contact_page;
pub mod notice_page;
pub mod processing_record_page;
pub mod processor_form_page;
pub mod processors_page;
pub mod purpose_form_page;
pub mod purposes_page;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The pages of this folder, by address (type-erased, so the router's type stays small).
#[component(transparent)]
pub fn ConsentRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <>
            <Route path=path!("/consents") view=consent_overview_page::ConsentOverviewPage/>
            <Route path=path!("/consents/:id/receipt") view=consent_receipt_page::ConsentReceiptPage/>
            <Route path=path!("/may-contact") view=may_contact_page::MayContactPage/>
            <Route path=path!("/purposes") view=purposes_page::PurposesPage/>
            <Route path=path!("/purposes/new") view=purpose_form_page::PurposeFormPage/>
            <Route path=path!("/purposes/record") view=processing_record_page::ProcessingRecordPage/>
            <Route path=path!("/purposes/notice") view=notice_page::NoticePage/>
            <Route path=path!("/purposes/:id") view=purpose_form_page::PurposeFormPage/>
            <Route path=path!("/processors") view=processors_page::ProcessorsPage/>
            <Route path=path!("/processors/new") view=processor_form_page::ProcessorFormPage/>
            <Route path=path!("/processors/:id") view=processor_form_page::ProcessorFormPage/>
        </>
    }
    .into_any_nested_route()
}
