//! The contact's **Shared with** log (Art. 19, Art. 15(1)(c)): whom their data was given to,
//! which data, when and for which purpose; a form behind a button to record one (a recipient
//! typed, or one of the processors), and deletion after confirming.

use crate::app::AppError;
use crate::domain::disclosure::{fields, DisclosureDraft};
use crate::domain::FieldErrors;
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::form_opener::FormOpener;
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SharedWithPanel(contact_id: String) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let contact = StoredValue::new(contact_id);
    let failure = RwSignal::new(None::<AppError>);
    let adding = RwSignal::new(false);
    let deleting = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let id = contact.get_value();
        session.data.with(|d| {
            d.disclosures_of(&id)
                .into_iter()
                .map(|(did, x)| {
                    let name = x.recipient_name(|p| d.processor_name(p));
                    let purpose = x
                        .purpose_id
                        .as_deref()
                        .and_then(|p| d.purposes.get(p))
                        .map(|p| p.data.name.clone());
                    (did, name, x.data, x.on, purpose)
                })
                .collect::<Vec<_>>()
        })
    });
    let delete = move || {
        let Some(id) = deleting.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if let Err(e) = session
                .write(move |v, now| async move { v.delete_disclosure(&id, now).await })
                .await
            {
                failure.set(Some(e));
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="shared-with-heading">
            <h2 id="shared-with-heading">{t(Text::SharedWith)}</h2>
            <p class="hint">{t(Text::SharedWithLead)}</p>
            <ActionError failure/>
            {move || {
                let lang = locale.lang.get_untracked();
                let list = rows.get();
                if list.is_empty() {
                    return view! { <p class="empty-state">{locale.t(Text::NoDisclosures)}</p> }.into_any();
                }
                view! {
                    <ul class="simple-list" aria-labelledby="shared-with-heading">
                        {list.into_iter().map(|(id, name, data, on, purpose)| {
                            let mut line = format!("{} · {data}", phrases::day(lang, on));
                            if let Some(p) = purpose {
                                line.push_str(&format!(" · {p}"));
                            }
                            view! {
                                <li data-testid="disclosure">
                                    <strong>{name.clone()}</strong>
                                    <span class="contact-detail">{line}</span>
                                    <button
                                        type="button"
                                        class="link-button"
                                        aria-label=format!("{}: {name}", Text::Delete.get(lang))
                                        on:click=move |_| {
                                            deleting.set(Some(id.clone()));
                                            confirming.set(true);
                                        }
                                    >{Text::Delete.get(lang)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <ConfirmDelete open=confirming question=Text::DeleteDisclosureQuestion on_confirm=delete/>
            <FormOpener label=Text::RecordSharing id="open-sharing-form" open=adding>
                <SharingForm contact=contact.get_value() open=adding/>
            </FormOpener>
        </section>
    }
}

/// The form that records one disclosure.
#[component]
fn SharingForm(contact: String, open: RwSignal<bool>) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let contact = StoredValue::new(contact);
    let recipient = RwSignal::new(String::new());
    let processor = RwSignal::new(String::new());
    let data = RwSignal::new(String::new());
    let on = RwSignal::new(crate::app::clock::local_day(chrono::Utc::now()).to_string());
    let purpose = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let choices = Memo::new(move |_| {
        session.data.with(|d| {
            let processors: Vec<(String, String)> = d
                .processors_by_name()
                .into_iter()
                .map(|(id, p)| (id, p.name))
                .collect();
            let mut purposes: Vec<(String, String)> = d
                .purposes
                .iter()
                .map(|(id, p)| (id.clone(), p.data.name.clone()))
                .collect();
            purposes.sort_by_key(|(_, n)| crate::domain::search::fold(n));
            (processors, purposes)
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let some = |s: String| (!s.is_empty()).then_some(s);
        let draft = DisclosureDraft {
            contact_id: contact.get_value(),
            recipient: recipient.get_untracked(),
            processor_id: some(processor.get_untracked()),
            data: data.get_untracked(),
            on: on.get_untracked(),
            purpose_id: some(purpose.get_untracked()),
        };
        failure.set(None);
        spawn_local(async move {
            match session
                .write(move |v, now| async move { v.save_disclosure(None, &draft, now).await })
                .await
            {
                Ok(_) => {
                    recipient.set(String::new());
                    data.set(String::new());
                    errors.set(Vec::new());
                    open.set(false);
                }
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form wide" novalidate=true on:submit=save>
            <TextField label=Text::DisclosureRecipient id="sharing-recipient" value=recipient error=error_of(errors, locale, fields::RECIPIENT)/>
            <Show when=move || choices.with(|(p, _)| !p.is_empty())>
                <div class="field">
                    <label for="sharing-processor">{t(Text::DisclosureProcessor)}</label>
                    <select id="sharing-processor" on:change=move |ev| processor.set(event_target_value(&ev))>
                        <option value="">{t(Text::NoChoice)}</option>
                        {move || choices.get().0.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
            </Show>
            <TextField label=Text::DisclosureData id="sharing-data" value=data error=error_of(errors, locale, fields::DATA) required=true/>
            <TextField label=Text::DisclosureOn id="sharing-on" value=on error=error_of(errors, locale, fields::ON) input_type="date" required=true/>
            <div class="field">
                <label for="sharing-purpose">{t(Text::DisclosurePurpose)}</label>
                <select id="sharing-purpose" on:change=move |ev| purpose.set(event_target_value(&ev))>
                    <option value="">{t(Text::NoChoice)}</option>
                    {move || choices.get().1.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </div>
            <ActionError failure/>
            <div class="actions">
                <button type="submit" class="button secondary">{t(Text::RecordSharing)}</button>
                <button type="button" class="button secondary" on:click=move |_| open.set(false)>{t(Text::Cancel)}</button>
            </div>
        </form>
    }
}
