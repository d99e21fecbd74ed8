//! Follow-ups of a contact or a deal: the open ones by due time, then the done ones; each can
//! be ticked done (and back) or deleted (at once, with Undo in the status message); a form adds
//! one. `TaskItem` is shared with the Agenda.

use crate::app::clock::{local_day, local_to_utc};
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::task::{fields, Task, TaskDraft};
use crate::domain::FieldErrors;
use crate::i18n::{format, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::form_opener::FormOpener;
use crate::ui::common::locale::{use_locale, use_ui};
use crate::ui::common::status::use_status;
use crate::ui::common::text_field::TextField;
use crate::ui::deals::task_moves::TaskMoves;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// One follow-up: a checkbox named by its title, when it is due, what it is about, delete.
#[component]
pub fn TaskItem(
    id: String,
    task: Task,
    /// Show the contact and deal it belongs to (the Agenda does; a contact's page does not).
    #[prop(optional)]
    with_links: bool,
    failure: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let status = use_status();
    let box_id = format!("task-{id}");
    let toggle_id = id.clone();
    let delete_id = id.clone();
    let overdue = !task.done && local_day(task.due) < local_day(chrono::Utc::now());
    let links = with_links.then(|| {
        session.data.with_untracked(|d| {
            let contact = task.contact_id.as_ref().and_then(|c| {
                d.contacts
                    .get(c)
                    .map(|r| (format!("/contacts/{c}"), r.data.display_name()))
            });
            let deal = task.deal_id.as_ref().and_then(|x| {
                d.deals
                    .get(x)
                    .map(|r| (format!("/deals/{x}"), r.data.title.clone()))
            });
            contact.into_iter().chain(deal).collect::<Vec<_>>()
        })
    });
    // A title Folio wrote is a code, worded in the reader's language.
    let title = crate::i18n::phrases::history::stored_text(untrack(|| locale.get()), &task.title);
    view! {
        <li class="task" class:done=task.done class:overdue=overdue>
            <input
                type="checkbox"
                id=box_id.clone()
                prop:checked=task.done
                on:change=move |ev| {
                    let done = event_target_checked(&ev);
                    let id = toggle_id.clone();
                    spawn_local(async move {
                        if let Err(e) = session.write(move |v, now| async move { v.set_task_done(&id, done, now).await }).await {
                            failure.set(Some(e));
                        }
                    });
                }
            />
            <label for=box_id>{title.clone()}</label>
            " "
            <time class="due" datetime=task.due.to_rfc3339()>{move || format::date_time(locale.get(), task.due)}</time>
            {links.map(|links| {
                links
                    .into_iter()
                    .map(|(href, name)| view! { " · " <A href=href>{name}</A> })
                    .collect_view()
            })}
            " "
            {(!task.done).then(|| view! { <TaskMoves id=id.clone() title=title.clone() due=task.due failure=failure/> })}
            " "
            <button
                type="button"
                class="link-button"
                aria-label=format!("{} {}", untrack(|| locale.t(Text::Delete)), title)
                on:click=move |_| {
                    let id = delete_id.clone();
                    status.delete_undoable(
                        session,
                        untrack(|| locale.get()),
                        (Text::FollowUpDeleted, Text::FollowUpRestored),
                        move |v, now| async move { v.delete_task(&id, now).await },
                        |v, removed, now| async move { v.restore_task(removed, now).await },
                        failure,
                        || {},
                    );
                }
            >
                {move || locale.t(Text::Delete)}
            </button>
        </li>
    }
}

/// The form that adds a follow-up to a contact and/or a deal (or to nothing, on the Agenda).
#[component]
pub fn FollowUpForm(
    contact_id: Option<String>,
    deal_id: Option<String>,
    /// The form is behind a button: saving or Cancel closes it.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let title = RwSignal::new(String::new());
    let due_date = RwSignal::new(String::new());
    let due_time = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let error_for = move |field: &'static str| error_of(errors, locale, field);
    let links = StoredValue::new((contact_id, deal_id));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (contact_id, deal_id) = links.get_value();
        let draft = TaskDraft {
            title: title.get_untracked(),
            due_date: due_date.get_untracked(),
            due_time: due_time.get_untracked(),
            contact_id,
            deal_id,
        };
        failure.set(None);
        saved.set(false);
        spawn_local(async move {
            match session
                .write(
                    move |v, now| async move { v.save_task(None, &draft, local_to_utc, now).await },
                )
                .await
            {
                Ok(_) => {
                    title.set(String::new());
                    due_time.set(String::new());
                    errors.set(vec![]);
                    saved.set(true);
                    if let Some(open) = open {
                        open.set(false);
                    }
                }
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form inline-form" novalidate=true on:submit=save>
            <TextField label=Text::FollowUpTitle id="follow-up-title" value=title error=error_for(fields::TITLE) required=true/>
            <TextField label=Text::DueDate id="follow-up-date" value=due_date input_type="date" error=error_for(fields::DUE) required=true/>
            <TextField label=Text::DueTime id="follow-up-time" value=due_time input_type="time" hint=Text::DueTimeHint/>
            <ActionError failure/>
            <div class="actions">
                <button type="submit" class="button">{t(Text::AddFollowUp)}</button>
                {open.map(|open| view! {
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>{t(Text::Cancel)}</button>
                })}
                <Show when=move || saved.get()><span class="hint" role="status">{t(Text::Saved)}</span></Show>
            </div>
        </form>
    }
}

/// A contact's or a deal's follow-ups with the form to add one.
#[component]
pub fn FollowUpsPanel(contact_id: Option<String>, deal_id: Option<String>) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let failure = RwSignal::new(None::<AppError>);
    let adding = RwSignal::new(false);
    let filter = StoredValue::new((contact_id.clone(), deal_id.clone()));
    let tasks = Memo::new(move |_| {
        let (contact, deal) = filter.get_value();
        let mut list: Vec<(String, Task)> = session.data.with(|d| {
            d.tasks
                .iter()
                .filter(|(_, t)| {
                    (contact.is_some() && t.data.contact_id == contact)
                        || (deal.is_some() && t.data.deal_id == deal)
                })
                .map(|(id, t)| (id.clone(), t.data.clone()))
                .collect()
        });
        list.sort_by_key(|(_, t)| (t.done, t.due));
        list
    });
    view! {
        <section class="panel" aria-labelledby="follow-ups-heading">
            <h2 id="follow-ups-heading">{t(Text::FollowUpsHeading)}</h2>
            <ActionError failure/>
            {move || {
                let list = tasks.get();
                if list.is_empty() && session.loading() {
                    return view! { <p class="hint" role="status">{locale.t(Text::LoadingRest)}</p> }.into_any();
                }
                if list.is_empty() {
                    return view! { <p class="empty-state">{locale.t(Text::NoFollowUps)}</p> }.into_any();
                }
                view! {
                    <ul class="tasks">
                        {list
                            .into_iter()
                            .map(|(id, task)| view! { <TaskItem id=id task=task failure=failure/> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <FormOpener label=Text::OpenFollowUpForm id="open-follow-up-form" open=adding>
                <FollowUpForm contact_id=contact_id.clone() deal_id=deal_id.clone() open=adding/>
            </FormOpener>
        </section>
    }
}
