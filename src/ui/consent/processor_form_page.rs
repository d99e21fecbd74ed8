//! Create or edit a processor of the register (name, service, the agreement's date, location,
//! a transfer outside the EU/EEA with its safeguard, the purposes that use it); delete it after
//! confirming. Escape cancels.

use crate::domain::processor::{fields, ProcessorDraft};
use crate::i18n::Text;
use crate::ui::common::choice_fields::{CheckboxField, ChosenCheckbox};
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::form_state::{
    escape_cancels, record_from_route, DeleteButton, FormActions, FormPage, FormState,
};
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ProcessorFormPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let (route, existing) = record_from_route(session, |d, id| {
        d.processors
            .get(id)
            .map(|p| ProcessorDraft::from_processor(&p.data))
    });
    let draft = existing.unwrap_or_default();
    let name = RwSignal::new(draft.name);
    let service = RwSignal::new(draft.service);
    let dpa = RwSignal::new(draft.dpa_signed_on);
    let location = RwSignal::new(draft.location);
    let transfers = RwSignal::new(draft.transfers_outside_eu);
    let safeguard = RwSignal::new(draft.safeguard);
    let purposes = RwSignal::new(draft.purpose_ids);
    let form = FormState::new();
    let confirming = RwSignal::new(false);
    let error_for = move |field: &'static str| form.error_for(field);
    let navigate = StoredValue::new_local(use_navigate());
    let cancel = move || navigate.with_value(|n| n("/processors", Default::default()));
    escape_cancels(cancel);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ProcessorDraft {
            name: name.get_untracked(),
            service: service.get_untracked(),
            dpa_signed_on: dpa.get_untracked(),
            location: location.get_untracked(),
            transfers_outside_eu: transfers.get_untracked(),
            safeguard: safeguard.get_untracked(),
            purpose_ids: purposes.get_untracked(),
        };
        form.submit(
            session,
            move |v, now| async move {
                v.save_processor(route.id.get_value().as_deref(), &draft, now)
                    .await
            },
            move |_| cancel(),
        );
    };
    let delete = move || {
        form.delete(
            session,
            route.id.get_value(),
            |v, id, now| async move { v.delete_processor(&id, now).await },
            cancel,
        )
    };
    let purposes_error = error_for(fields::PURPOSES);
    view! {
        <FormPage route heading_id="processor-form-heading" new=Text::NewProcessor edit=Text::EditProcessor not_found=Text::ProcessorNotFound>
                <form class="form wide" novalidate=true on:submit=save>
                    <TextField label=Text::ProcessorName id="processor-name" value=name error=error_for(fields::NAME) required=true/>
                    <TextField label=Text::ProcessorService id="processor-service" value=service error=error_for(fields::SERVICE) required=true/>
                    <TextField label=Text::ProcessorDpa id="processor-dpa" value=dpa error=error_for(fields::DPA_SIGNED) input_type="date"/>
                    <TextField label=Text::ProcessorLocation id="processor-location" value=location error=error_for(fields::LOCATION) required=true/>
                    <CheckboxField id="processor-transfers" label=Text::ProcessorTransfers checked=transfers/>
                    <Show when=move || transfers.get()>
                        <TextField label=Text::ProcessorSafeguard id="processor-safeguard" value=safeguard error=error_for(fields::SAFEGUARD) hint=Text::ProcessorSafeguardHint required=true/>
                    </Show>
                    <fieldset class="field">
                        <legend>{t(Text::ProcessorPurposes)}</legend>
                        {move || session.data.with(|d| {
                            let mut list: Vec<(String, String)> = d.purposes.iter().map(|(id, p)| (id.clone(), p.data.name.clone())).collect();
                            list.sort_by_key(|(_, n)| crate::domain::search::fold(n));
                            if list.is_empty() {
                                return view! { <p class="hint">{locale.t(Text::NoPurposesYet)}</p> }.into_any();
                            }
                            list.into_iter().map(|(pid, pname)| view! {
                                <ChosenCheckbox id=format!("processor-purpose-{pid}") value=pid chosen=purposes>{pname}</ChosenCheckbox>
                            }).collect_view().into_any()
                        })}
                        {move || purposes_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    </fieldset>
                    <FormActions form on_cancel=cancel/>
                </form>
                <Show when=move || route.editing>
                    <DeleteButton confirming/>
                    <ConfirmDelete open=confirming question=Text::DeleteProcessorQuestion on_confirm=delete/>
                </Show>
        </FormPage>
    }
}
