//! Records a breach, or edits one: when it was discovered (now, unless changed), its nature, the
//! data categories, the people affected in Folio and approximate numbers, consequences,
//! measures, and whether ÚOOÚ and the people were notified, when, and why or why not. Escape
//! cancels.

use crate::domain::breach::{fields, BreachDraft, Notice};
use crate::i18n::{phrases, Text};
use crate::ui::common::form_state::{
    escape_cancels, record_from_route, FormActions, FormPage, FormState,
};
use crate::ui::common::locale::{use_locale, use_ui};
use crate::ui::common::text_field::TextField;
use crate::ui::contacts::activity_form::{from_local_input, to_local_input};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// A select of the three notice decisions.
#[component]
fn NoticeSelect(id: &'static str, label: Text, value: RwSignal<Notice>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="field">
            <label for=id>{move || locale.t(label)}</label>
            <select id=id on:change=move |ev| {
                if let Some(n) = Notice::from_code(&event_target_value(&ev)) {
                    value.set(n);
                }
            }>
                {Notice::ALL
                    .into_iter()
                    .map(|n| view! {
                        <option value=n.code() prop:selected=move || value.get() == n>{move || locale.t(phrases::notice_text(n))}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn BreachFormPage() -> impl IntoView {
    let (session, _, t) = use_ui();
    let (route, existing) = record_from_route(session, |d, id| {
        d.breaches
            .get(id)
            .map(|b| BreachDraft::from_breach(&b.data))
    });
    let draft = existing.unwrap_or_default();
    let input =
        |at: Option<chrono::DateTime<chrono::Utc>>| at.map(to_local_input).unwrap_or_default();
    let discovered = RwSignal::new(to_local_input(
        draft.discovered_at.unwrap_or_else(chrono::Utc::now),
    ));
    let nature = RwSignal::new(draft.nature);
    let categories = RwSignal::new(draft.categories);
    let people = RwSignal::new(draft.contact_ids);
    let people_count = RwSignal::new(draft.people_count);
    let records_count = RwSignal::new(draft.records_count);
    let consequences = RwSignal::new(draft.consequences);
    let measures = RwSignal::new(draft.measures);
    let authority = RwSignal::new(draft.authority);
    let authority_at = RwSignal::new(input(draft.authority_at));
    let authority_reason = RwSignal::new(draft.authority_reason);
    let informed = RwSignal::new(draft.people);
    let informed_at = RwSignal::new(input(draft.people_at));
    let informed_reason = RwSignal::new(draft.people_reason);
    let form = FormState::new();
    let error_for = move |field: &'static str| form.error_for(field);
    let contacts = Memo::new(move |_| {
        let mut list: Vec<(String, String)> = session.data.with(|d| {
            d.contacts
                .iter()
                .filter(|(_, c)| c.data.erased_on.is_none())
                .map(|(id, c)| (id.clone(), c.data.display_name()))
                .collect()
        });
        list.sort_by_key(|(_, n)| crate::domain::search::fold(n));
        list
    });
    let navigate = StoredValue::new_local(use_navigate());
    let back = move || match route.id.get_value() {
        Some(id) => format!("/breaches/{id}"),
        None => "/breaches".to_string(),
    };
    let cancel = move || navigate.with_value(|n| n(&back(), Default::default()));
    escape_cancels(cancel);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = BreachDraft {
            discovered_at: from_local_input(&discovered.get_untracked()),
            nature: nature.get_untracked(),
            categories: categories.get_untracked(),
            contact_ids: people.get_untracked(),
            people_count: people_count.get_untracked(),
            records_count: records_count.get_untracked(),
            consequences: consequences.get_untracked(),
            measures: measures.get_untracked(),
            authority: authority.get_untracked(),
            authority_at: from_local_input(&authority_at.get_untracked()),
            authority_reason: authority_reason.get_untracked(),
            people: informed.get_untracked(),
            people_at: from_local_input(&informed_at.get_untracked()),
            people_reason: informed_reason.get_untracked(),
        };
        form.submit(
            session,
            move |v, now| async move {
                v.save_breach(route.id.get_value().as_deref(), &draft, now)
                    .await
            },
            move |saved| {
                navigate.with_value(|n| n(&format!("/breaches/{saved}"), Default::default()))
            },
        );
    };
    let select_people = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let options = select.selected_options();
        let chosen = (0..options.length())
            .filter_map(|i| options.item(i))
            .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
            .map(|o| o.value())
            .collect();
        people.set(chosen);
    };
    view! {
        <FormPage route heading_id="breach-form-heading" new=Text::RecordBreach edit=Text::EditBreach not_found=Text::BreachNotFound>
                <form class="form wide" novalidate=true on:submit=save>
                    <TextField label=Text::BreachDiscovered id="breach-discovered" value=discovered error=error_for(fields::DISCOVERED_AT) input_type="datetime-local" required=true/>
                    <TextField label=Text::BreachNature id="breach-nature" value=nature error=error_for(fields::NATURE) hint=Text::BreachNatureHint multiline=true required=true/>
                    <TextField label=Text::BreachCategories id="breach-categories" value=categories error=error_for(fields::CATEGORIES) required=true/>
                    <div class="field" class:field-invalid=move || error_for(fields::CONTACTS).get().is_some()>
                        <label for="breach-people">{t(Text::BreachPeople)}</label>
                        <select id="breach-people" multiple=true size="6" on:change=select_people>
                            {move || contacts
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    let chosen = people.with_untracked(|p| p.contains(&id));
                                    view! { <option value=id prop:selected=chosen>{name}</option> }
                                })
                                .collect_view()}
                        </select>
                        {move || error_for(fields::CONTACTS).get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    </div>
                    <div class="field-row">
                        <TextField label=Text::BreachPeopleCount id="breach-people-count" value=people_count error=error_for(fields::PEOPLE_COUNT) input_type="text"/>
                        <TextField label=Text::BreachRecordsCount id="breach-records-count" value=records_count error=error_for(fields::RECORDS_COUNT) input_type="text"/>
                    </div>
                    <TextField label=Text::BreachConsequences id="breach-consequences" value=consequences error=error_for(fields::CONSEQUENCES) multiline=true/>
                    <TextField label=Text::BreachMeasures id="breach-measures" value=measures error=error_for(fields::MEASURES) multiline=true/>
                    <fieldset class="field">
                        <NoticeSelect id="breach-authority" label=Text::BreachAuthority value=authority/>
                        <Show when=move || authority.get() == Notice::Notified>
                            <TextField label=Text::BreachAuthorityAt id="breach-authority-at" value=authority_at error=error_for(fields::AUTHORITY_AT) input_type="datetime-local"/>
                        </Show>
                        <Show when=move || authority.get() != Notice::Pending>
                            <TextField label=Text::BreachAuthorityReason id="breach-authority-reason" value=authority_reason error=error_for(fields::AUTHORITY_REASON) multiline=true/>
                        </Show>
                    </fieldset>
                    <fieldset class="field">
                        <NoticeSelect id="breach-informed" label=Text::BreachPeopleNotice value=informed/>
                        <Show when=move || informed.get() == Notice::Notified>
                            <TextField label=Text::BreachPeopleAt id="breach-informed-at" value=informed_at error=error_for(fields::PEOPLE_AT) input_type="datetime-local"/>
                        </Show>
                        <Show when=move || informed.get() == Notice::NotNotified>
                            <TextField label=Text::BreachPeopleReason id="breach-informed-reason" value=informed_reason error=error_for(fields::PEOPLE_REASON) multiline=true/>
                        </Show>
                    </fieldset>
                    <FormActions form on_cancel=cancel save=if route.editing { Text::Save } else { Text::RecordBreach }/>
                </form>
        </FormPage>
    }
}
