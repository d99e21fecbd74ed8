//! Moving an open follow-up: Snooze by a day or a week, or Reschedule to a date (kept at its
//! local time of day). Every move is a write through the session, audited like any edit.
//! Must not import another feature folder.

use crate::app::clock::{local_day, local_time, local_to_utc};
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::task::{fields, Snooze};
use crate::domain::FieldErrors;
use crate::i18n::Text;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::form_opener::FormOpener;
use crate::ui::common::locale::use_locale;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn TaskMoves(
    id: String,
    title: String,
    due: DateTime<Utc>,
    failure: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let task_id = StoredValue::new(id.clone());
    let title = StoredValue::new(title);
    let named = move |text: Text| move || format!("{}: {}", locale.t(text), title.get_value());
    let snooze = move |by: Snooze| {
        let id = task_id.get_value();
        failure.set(None);
        spawn_local(async move {
            let write = move |v: crate::app::session::Vault, now| async move {
                v.snooze_task(&id, by, local_day(now), local_time, local_to_utc, now)
                    .await
            };
            if let Err(e) = session.write(write).await {
                failure.set(Some(e));
            }
        });
    };
    let open = RwSignal::new(false);
    let date = RwSignal::new(local_day(due).to_string());
    let errors = RwSignal::new(FieldErrors::new());
    let error = error_of(errors, locale, fields::DUE);
    let field_id = StoredValue::new(format!("reschedule-{id}"));
    let error_id = move || format!("{}-error", field_id.get_value());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = task_id.get_value();
        let typed = date.get_untracked();
        failure.set(None);
        spawn_local(async move {
            let write = move |v: crate::app::session::Vault, now| async move {
                v.reschedule_task(&id, &typed, local_time, local_to_utc, now)
                    .await
            };
            match session.write(write).await {
                Ok(()) => {
                    errors.set(FieldErrors::new());
                    open.set(false);
                }
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <span class="task-moves">
            <button type="button" class="link-button" aria-label=named(Text::SnoozeDay) on:click=move |_| snooze(Snooze::Day)>
                {move || locale.t(Text::SnoozeDay)}
            </button>
            <button type="button" class="link-button" aria-label=named(Text::SnoozeWeek) on:click=move |_| snooze(Snooze::Week)>
                {move || locale.t(Text::SnoozeWeek)}
            </button>
            <FormOpener label=Text::Reschedule id=format!("open-reschedule-{id}") open=open link=true about=title.get_value()>
                <form class="reschedule" novalidate=true on:submit=save>
                    <label for=field_id.get_value()>{move || locale.t(Text::NewDueDate)}</label>
                    <input
                        id=field_id.get_value()
                        type="date"
                        aria-invalid=move || error.get().is_some().then_some("true")
                        aria-describedby=move || error.get().is_some().then(error_id)
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button small">{move || locale.t(Text::Save)}</button>
                    <button type="button" class="button small secondary" on:click=move |_| open.set(false)>
                        {move || locale.t(Text::Cancel)}
                    </button>
                    {move || error.get().map(|e| view! { <span class="field-error" id=error_id() role="alert">{e}</span> })}
                </form>
            </FormOpener>
        </span>
    }
}
