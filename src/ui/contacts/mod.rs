//! Contacts and organisations: the list, a person's page, the forms, merging, and activities on a timeline.

pub mod activity_form;
pub mod contact_form_page;
pub mod contact_page;
pub mod contact_summary;
pub mod contact_timeline;
pub mod contacts_page;
pub mod merge_page;
pub mod organisation_form_page;
pub mod organisation_page;
pub mod organisations_page;
pub mod shared_with_panel;
pub mod source_fields;

use leptos::prelude::*;

routes!(ContactsRoutes {
    "/contacts" => contacts_page::ContactsPage,
    "/contacts/new" => contact_form_page::ContactFormPage,
    "/contacts/:id" => contact_page::ContactPage,
    "/contacts/:id/edit" => contact_form_page::ContactFormPage,
    "/contacts/:id/merge" => merge_page::MergePage,
    "/organisations" => organisations_page::OrganisationsPage,
    "/organisations/new" => organisation_form_page::OrganisationFormPage,
    "/organisations/:id" => organisation_page::OrganisationPage,
    "/organisations/:id/edit" => organisation_form_page::OrganisationFormPage,
});
