//! Adds an activity (call, e-mail, meeting, note) to a contact's timeline, or edits one.

use crate::app::AppError;
use crate::domain::activity::{fields, Activity, ActivityDraft, ActivityKind};
use crate::domain::FieldErrors;
use crate::i18n::phrases::history::activity_kind;
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use chrono::{DateTime, TimeZone, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// A UTC instant as the value of a `datetime-local` input, in the user's time zone.
pub fn to_local_input(at: DateTime<Utc>) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A `datetime-local` value (the user's time zone) as a UTC instant.
pub fn from_local_input(value: &str) -> Option<DateTime<Utc>> {
    if value.trim().is_empty() {
        return None;
    }
    let ms = js_sys::Date::new(&JsValue::from_str(value)).get_time();
    if ms.is_nan() {
        return None;
    }
    Utc.timestamp_millis_opt(ms as i64).single()
}

#[component]
pub fn ActivityForm(
    contact_id: String,
    /// The activity being edited (None: a new one).
    editing: RwSignal<Option<(String, Activity)>>,
    /// The form is behind a button: saving or Cancel closes it.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let contact_for_deals = StoredValue::new(contact_id.clone());
    let kind = RwSignal::new(ActivityKind::Call);
    let when = RwSignal::new(to_local_input(Utc::now()));
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let deal = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let working = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some((_, a)) = editing.get() {
            kind.set(a.kind);
            when.set(to_local_input(a.at));
            subject.set(a.subject.clone());
            body.set(a.body.clone());
            deal.set(a.deal_id.clone().unwrap_or_default());
        }
    });
    let error_for = move |field: &'static str| error_of(errors, locale, field);
    let reset = move || {
        editing.set(None);
        kind.set(ActivityKind::Call);
        when.set(to_local_input(Utc::now()));
        subject.set(String::new());
        body.set(String::new());
        deal.set(String::new());
        errors.set(vec![]);
    };
    let close = move || {
        reset();
        if let Some(open) = open {
            open.set(false);
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ActivityDraft {
            contact_id: contact_id.clone(),
            kind: kind.get_untracked(),
            at: from_local_input(&when.get_untracked()),
            subject: subject.get_untracked(),
            body: body.get_untracked(),
            deal_id: Some(deal.get_untracked()).filter(|d| !d.is_empty()),
        };
        let id = editing.get_untracked().map(|(id, _)| id);
        failure.set(None);
        working.set(true);
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    v.save_activity(id.as_deref(), &draft, now)
                        .await
                        .map(|_| ())
                })
                .await
            {
                Ok(()) => close(),
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
            working.set(false);
        });
    };
    view! {
        <form class="form activity-form" novalidate=true on:submit=save>
            <div class="field-row">
                <div class="field">
                    <label for="activity-kind">{t(Text::ActivityKindLabel)}</label>
                    <select
                        id="activity-kind"
                        on:change=move |ev| {
                            if let Some(k) = ActivityKind::from_code(&event_target_value(&ev)) {
                                kind.set(k);
                            }
                        }
                    >
                        {ActivityKind::ALL
                            .into_iter()
                            .map(|k| view! {
                                <option value=k.code() prop:selected=move || kind.get() == k>{move || locale.t(activity_kind(k))}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <TextField label=Text::When id="activity-when" value=when error=error_for(fields::AT) input_type="datetime-local"/>
            </div>
            <TextField label=Text::Subject id="activity-subject" value=subject error=error_for(fields::SUBJECT)/>
            <TextField label=Text::Body id="activity-body" value=body error=error_for(fields::BODY) multiline=true/>
            {move || {
                // The contact's deals (and the one already linked): an activity may belong to one.
                let linked = deal.get();
                let deals: Vec<(String, String)> = session.data.with(|d| {
                    d.deals
                        .iter()
                        .filter(|(id, r)| r.data.contact_ids.contains(&contact_for_deals.get_value()) || **id == linked)
                        .map(|(id, r)| (id.clone(), r.data.title.clone()))
                        .collect()
                });
                (!deals.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="activity-deal">{locale.t(Text::DealLabel)}</label>
                        <select id="activity-deal" on:change=move |ev| deal.set(event_target_value(&ev))>
                            <option value="" prop:selected=linked.is_empty()>{locale.t(Text::NoDeal)}</option>
                            {deals
                                .into_iter()
                                .map(|(id, title)| {
                                    let selected = id == linked;
                                    view! { <option value=id prop:selected=selected>{title}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                })
            }}
            <ActionError failure/>
            <div class="actions">
                <button type="submit" class="button" disabled=move || working.get()>
                    {move || locale.t(if editing.get().is_some() { Text::Save } else { Text::AddActivity })}
                </button>
                <Show when=move || editing.get().is_some() || open.is_some()>
                    <button type="button" class="button secondary" on:click=move |_| close()>{t(Text::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}
