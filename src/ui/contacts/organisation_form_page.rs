//! Create or edit an organisation. Escape cancels.

use crate::app::session::Session;
use crate::domain::organisation::{fields, OrganisationDraft};
use crate::i18n::Text;
use crate::ui::common::form_state::{
    escape_cancels, record_from_route, FormActions, FormPage, FormState,
};
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn OrganisationFormPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let (route, existing) = record_from_route(session, |d, id| {
        d.organisations
            .get(id)
            .map(|o| OrganisationDraft::from_organisation(&o.data))
    });
    let draft = existing.unwrap_or_default();
    let name = RwSignal::new(draft.name);
    let ico = RwSignal::new(draft.ico);
    let vat_id = RwSignal::new(draft.vat_id);
    let address = RwSignal::new(draft.address);
    let website = RwSignal::new(draft.website);
    let tags = RwSignal::new(draft.tags);
    let notes = RwSignal::new(draft.notes);
    let form = FormState::new();
    let error_for = move |field: &'static str| form.error_for(field);
    let navigate = StoredValue::new_local(use_navigate());
    let back = move || match route.id.get_value() {
        Some(id) => format!("/organisations/{id}"),
        None => "/organisations".to_string(),
    };
    let cancel = move || navigate.with_value(|n| n(&back(), Default::default()));
    escape_cancels(cancel);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = OrganisationDraft {
            name: name.get_untracked(),
            ico: ico.get_untracked(),
            vat_id: vat_id.get_untracked(),
            address: address.get_untracked(),
            website: website.get_untracked(),
            tags: tags.get_untracked(),
            notes: notes.get_untracked(),
        };
        form.submit(
            session,
            move |v, now| async move {
                v.save_organisation(route.id.get_value().as_deref(), &draft, now)
                    .await
            },
            move |saved| {
                navigate.with_value(|n| n(&format!("/organisations/{saved}"), Default::default()))
            },
        );
    };
    view! {
        <FormPage route heading_id="organisation-form-heading" new=Text::NewOrganisation edit=Text::EditOrganisation not_found=Text::OrganisationNotFound>
                <form class="form wide" novalidate=true on:submit=save>
                    <TextField label=Text::OrganisationName id="organisation-name" value=name error=error_for(fields::NAME)/>
                    <div class="field-row">
                        <TextField label=Text::Ico id="organisation-ico" value=ico error=error_for(fields::ICO)/>
                        <TextField label=Text::VatId id="organisation-vat" value=vat_id error=error_for(fields::VAT_ID)/>
                    </div>
                    <TextField label=Text::Address id="organisation-address" value=address error=error_for(fields::ADDRESS) multiline=true/>
                    <TextField label=Text::Website id="organisation-website" value=website error=error_for(fields::WEBSITE) input_type="url"/>
                    <TextField label=Text::Tags id="organisation-tags" value=tags error=error_for(fields::TAGS) hint=Text::TagsHint/>
                    <TextField label=Text::Notes id="organisation-notes" value=notes error=error_for(fields::NOTES) multiline=true/>
                    <FormActions form on_cancel=cancel/>
                </form>
        </FormPage>
    }
}
