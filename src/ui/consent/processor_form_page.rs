//! Create or edit a processor of the register (name, service, the agreement's date, location,
//! a transfer outside the EU/EEA with its safeguard, the purposes that use it); delete it after
//! confirming. Escape cancels.

use crate::domain::processor::{fields, ProcessorDraft};
use crate::i18n::Text;
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::form_state::{escape_cancels, record_from_route, FormActions, FormState};
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ProcessorFormPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let (id, existing) = record_from_route(session, |d, id| {
        d.processors
            .get(id)
            .map(|p| ProcessorDraft::from_processor(&p.data))
    });
    let editing = id.is_some();
    let missing = editing && existing.is_none();
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
    let id_value = StoredValue::new(id.clone());
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
                v.save_processor(id_value.get_value().as_deref(), &draft, now)
                    .await
            },
            move |_| cancel(),
        );
    };
    let delete = move || {
        let Some(id) = id_value.get_value() else {
            return;
        };
        form.act(
            session,
            move |v, now| async move { v.delete_processor(&id, now).await },
            move |()| cancel(),
        );
    };
    let purposes_error = error_for(fields::PURPOSES);
    view! {
        <section class="page" aria-labelledby="processor-form-heading">
            <h1 id="processor-form-heading">
                {move || locale.t(if editing { Text::EditProcessor } else { Text::NewProcessor })}
            </h1>
            <Show when=move || !missing fallback=move || view! { <p class="form-error" role="alert">{t(Text::ProcessorNotFound)}</p> }>
                <form class="form wide" novalidate=true on:submit=save>
                    <TextField label=Text::ProcessorName id="processor-name" value=name error=error_for(fields::NAME) required=true/>
                    <TextField label=Text::ProcessorService id="processor-service" value=service error=error_for(fields::SERVICE) required=true/>
                    <TextField label=Text::ProcessorDpa id="processor-dpa" value=dpa error=error_for(fields::DPA_SIGNED) input_type="date"/>
                    <TextField label=Text::ProcessorLocation id="processor-location" value=location error=error_for(fields::LOCATION) required=true/>
                    <div class="field checkbox">
                        <input id="processor-transfers" type="checkbox" prop:checked=move || transfers.get() on:change=move |ev| transfers.set(event_target_checked(&ev))/>
                        <label for="processor-transfers">{t(Text::ProcessorTransfers)}</label>
                    </div>
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
                            list.into_iter().map(|(pid, pname)| {
                                let input_id = format!("processor-purpose-{pid}");
                                let checked = pid.clone();
                                let toggled = pid.clone();
                                view! {
                                    <div class="field checkbox">
                                        <input
                                            id=input_id.clone()
                                            type="checkbox"
                                            prop:checked=move || purposes.with(|l| l.contains(&checked))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let pid = toggled.clone();
                                                purposes.update(|l| {
                                                    l.retain(|x| *x != pid);
                                                    if on {
                                                        l.push(pid);
                                                    }
                                                });
                                            }
                                        />
                                        <label for=input_id>{pname}</label>
                                    </div>
                                }
                            }).collect_view().into_any()
                        })}
                        {move || purposes_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    </fieldset>
                    <FormActions form on_cancel=cancel/>
                </form>
                <Show when=move || editing>
                    <div class="actions">
                        <button type="button" class="button danger" on:click=move |_| confirming.set(true)>{t(Text::Delete)}</button>
                    </div>
                    <ConfirmDelete open=confirming question=Text::DeleteProcessorQuestion on_confirm=delete/>
                </Show>
            </Show>
        </section>
    }
}
