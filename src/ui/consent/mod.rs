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

routes!(ConsentRoutes {
    "/consents" => consent_overview_page::ConsentOverviewPage,
    "/consents/:id/receipt" => consent_receipt_page::ConsentReceiptPage,
    "/may-contact" => may_contact_page::MayContactPage,
    "/purposes" => purposes_page::PurposesPage,
    "/purposes/new" => purpose_form_page::PurposeFormPage,
    "/purposes/record" => processing_record_page::ProcessingRecordPage,
    "/purposes/notice" => notice_page::NoticePage,
    "/purposes/:id" => purpose_form_page::PurposeFormPage,
    "/processors" => processors_page::ProcessorsPage,
    "/processors/new" => processor_form_page::ProcessorFormPage,
    "/processors/:id" => processor_form_page::ProcessorFormPage,
});
