//! Create or edit an organisation. Escape cancels.

use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::organisation::{fields, OrganisationDraft};
use crate::domain::FieldErrors;
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::locale::use_locale;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn OrganisationFormPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let id = use_params_map().with_untracked(|p| p.get("id"));
    let existing = id.as_ref().and_then(|id| {
        session.data.with_untracked(|d| {
            d.organisations
                .get(id)
                .map(|o| OrganisationDraft::from_organisation(&o.data))
        })
    });
    let editing = id.is_some();
    let missing = editing && existing.is_none();
    let draft = existing.unwrap_or_default();
    let name = RwSignal::new(draft.name);
    let ico = RwSignal::new(draft.ico);
    let vat_id = RwSignal::new(draft.vat_id);
    let address = RwSignal::new(draft.address);
    let website = RwSignal::new(draft.website);
    let tags = RwSignal::new(draft.tags);
    let notes = RwSignal::new(draft.notes);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let working = RwSignal::new(false);
    let error_for = move |field: &'static str| error_of(errors, locale, field);
    let navigate = StoredValue::new_local(use_navigate());
    let id_value = StoredValue::new(id.clone());
    let back = move || match id_value.get_value() {
        Some(id) => format!("/organisations/{id}"),
        None => "/organisations".to_string(),
    };
    let cancel = move || navigate.with_value(|n| n(&back(), Default::default()));
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            cancel();
        }
    });
    on_cleanup(move || handle.remove());
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
        failure.set(None);
        working.set(true);
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    v.save_organisation((id_value.get_value()).as_deref(), &draft, now)
                        .await
                })
                .await
            {
                Ok(saved) => navigate
                    .with_value(|n| n(&format!("/organisations/{saved}"), Default::default())),
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
            working.set(false);
        });
    };
    view! {
        <section class="page" aria-labelledby="organisation-form-heading">
            <h1 id="organisation-form-heading">
                {move || locale.t(if editing { Text::EditOrganisation } else { Text::NewOrganisation })}
            </h1>
            <Show when=move || !missing fallback=move || view! { <p class="form-error" role="alert">{t(Text::OrganisationNotFound)}</p> }>
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
                    <ActionError failure/>
                    <div class="actions">
                        <button type="submit" class="button" disabled=move || working.get()>{t(Text::Save)}</button>
                        <button type="button" class="button secondary" on:click=move |_| cancel()>{t(Text::Cancel)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
