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
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The pages of this folder, by address (type-erased, so the router's type stays small).
#[component(transparent)]
pub fn ContactsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <>
            <Route path=path!("/contacts") view=contacts_page::ContactsPage/>
            <Route path=path!("/contacts/new") view=contact_form_page::ContactFormPage/>
            <Route path=path!("/contacts/:id") view=contact_page::ContactPage/>
            <Route path=path!("/contacts/:id/edit") view=contact_form_page::ContactFormPage/>
            <Route path=path!("/contacts/:id/merge") view=merge_page::MergePage/>
            <Route path=path!("/organisations") view=organisations_page::OrganisationsPage/>
            <Route path=path!("/organisations/new") view=organisation_form_page::OrganisationFormPage/>
            <Route path=path!("/organisations/:id") view=organisation_page::OrganisationPage/>
            <Route path=path!("/organisations/:id/edit") view=organisation_form_page::OrganisationFormPage/>
        </>
    }
    .into_any_nested_route()
}
