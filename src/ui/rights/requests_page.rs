//! The register of data subject requests: open ones by deadline (overdue and due soon marked),
//! then closed ones; a form registers one (from a contact's page it starts with that contact);
//! each open request takes steps, one extension with its reason, and closes as done or refused.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::request::{
    fields, RequestDraft, RequestKind, RequestStatus, SubjectRequest, Urgency,
};
use crate::domain::FieldErrors;
use crate::i18n::phrases::history::{request_kind, request_status};
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::choice_fields::IdSelect;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::locale::{use_locale, use_ui};
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RequestsPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let failure = RwSignal::new(None::<AppError>);
    // Requests whose actions are open: kept open while the list redraws after a change.
    let expanded = RwSignal::new(std::collections::HashSet::<String>::new());
    let for_contact = use_query_map().with_untracked(|q| q.get("contact"));
    let list = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        let mut list: Vec<(String, SubjectRequest, Urgency)> = session.data.with(|d| {
            d.requests
                .iter()
                .map(|(id, r)| (id.clone(), r.data.clone(), r.data.urgency(today)))
                .collect()
        });
        list.sort_by(|a, b| a.2.cmp(&b.2).then(a.1.due().cmp(&b.1.due())));
        list
    });
    view! {
        <section class="page" aria-labelledby="requests-heading">
            <h1 id="requests-heading">{t(Text::RequestsHeading)}</h1>
            <p class="lead">{t(Text::RequestsLead)}</p>
            <p><A href="/breaches">{t(Text::BreachesHeading)}</A></p>
            <ActionError failure/>
            <section class="panel" aria-labelledby="new-request-heading">
                <h2 id="new-request-heading">{t(Text::NewRequest)}</h2>
                <RequestForm contact_id=for_contact/>
            </section>
            <section class="panel" aria-labelledby="open-requests-heading">
                <h2 id="open-requests-heading">{t(Text::OpenRequests)}</h2>
                {move || {
                    let open: Vec<_> = list.get().into_iter().filter(|r| r.2 != Urgency::Closed).collect();
                    if open.is_empty() {
                        let text = if session.loading() { Text::LoadingRest } else { Text::NoRequests };
                        return view! { <p class="empty-state">{locale.t(text)}</p> }.into_any();
                    }
                    view! {
                        <ul class="requests">
                            {open.into_iter().map(|(id, r, u)| view! { <RequestItem id=id request=r urgency=u failure=failure expanded=expanded/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="closed-requests-heading">
                <h2 id="closed-requests-heading">{t(Text::ClosedRequests)}</h2>
                {move || {
                    let closed: Vec<_> = list.get().into_iter().filter(|r| r.2 == Urgency::Closed).collect();
                    if closed.is_empty() {
                        return view! { <p class="empty-state">{locale.t(Text::NothingDue)}</p> }.into_any();
                    }
                    view! {
                        <ul class="requests">
                            {closed.into_iter().map(|(id, r, u)| view! { <RequestItem id=id request=r urgency=u failure=failure expanded=expanded/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        </section>
    }
}

#[component]
fn RequestForm(contact_id: Option<String>) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let kind = RwSignal::new(RequestKind::Access.code().to_string());
    let contact = RwSignal::new(contact_id.unwrap_or_default());
    let subject = RwSignal::new(String::new());
    let received = RwSignal::new(local_day(chrono::Utc::now()).to_string());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let error_for = move |field: &'static str| error_of(errors, locale, field);
    let contacts = Memo::new(move |_| {
        let mut list: Vec<(String, String)> = session.data.with(|d| {
            d.contacts
                .iter()
                .map(|(id, c)| (id.clone(), c.data.display_name()))
                .collect()
        });
        list.sort_by_key(|(_, n)| crate::domain::search::fold(n));
        list
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = RequestDraft {
            kind: kind.get_untracked(),
            contact_id: Some(contact.get_untracked()).filter(|c| !c.is_empty()),
            subject: subject.get_untracked(),
            received: received.get_untracked(),
            note: note.get_untracked(),
        };
        failure.set(None);
        saved.set(false);
        spawn_local(async move {
            match session
                .write(move |v, now| async move { v.create_request(&draft, now).await })
                .await
            {
                Ok(_) => {
                    subject.set(String::new());
                    note.set(String::new());
                    errors.set(vec![]);
                    saved.set(true);
                }
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form" novalidate=true on:submit=save>
            <div class="field">
                <label for="request-kind">{t(Text::RequestKindLabel)}</label>
                <select id="request-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {RequestKind::ALL
                        .into_iter()
                        .map(|k| view! {
                            <option value=k.code() prop:selected=move || kind.get() == k.code()>
                                {move || phrases::request_with_article(locale.get(), request_kind(k), k)}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
            <IdSelect id="request-contact" label=Text::RequestContact none=Text::NoneWord value=contact choices=contacts/>
            <TextField label=Text::RequestSubject id="request-subject" value=subject error=error_for(fields::SUBJECT) hint=Text::RequestSubjectHint/>
            <TextField label=Text::RequestReceived id="request-received" value=received input_type="date" error=error_for(fields::RECEIVED) required=true/>
            <TextField label=Text::RequestNote id="request-note" value=note multiline=true/>
            <ActionError failure/>
            <div class="actions">
                <button type="submit" class="button">{t(Text::RegisterRequest)}</button>
                <Show when=move || saved.get()><span class="hint" role="status">{t(Text::Saved)}</span></Show>
            </div>
        </form>
    }
}

/// A change to one request: given it, the time and the local day.
type RequestChange = Box<
    dyn FnOnce(
        &mut SubjectRequest,
        chrono::DateTime<chrono::Utc>,
        chrono::NaiveDate,
    ) -> Result<(), crate::domain::request::RequestError>,
>;

#[component]
fn RequestItem(
    id: String,
    request: SubjectRequest,
    urgency: Urgency,
    failure: RwSignal<Option<AppError>>,
    expanded: RwSignal<std::collections::HashSet<String>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let step = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let id_value = StoredValue::new(id.clone());
    let change = move |f: RequestChange| {
        failure.set(None);
        spawn_local(async move {
            if let Err(e) = session
                .write(move |v, now| async move {
                    v.change_request(
                        &(id_value.get_value()),
                        |r| (f)(r, now, local_day(now)),
                        now,
                    )
                    .await
                })
                .await
            {
                failure.set(Some(e));
            }
        });
    };
    let lang = untrack(|| locale.get());
    let open = request.status == RequestStatus::Open;
    let badge = match urgency {
        Urgency::Overdue => Some(("badge overdue", Text::OverdueBadge)),
        Urgency::DueSoon => Some(("badge due-soon", Text::DueSoonBadge)),
        _ => None,
    };
    let name = phrases::request_subject(lang, &request.subject);
    let who = match &request.contact_id {
        Some(c) => view! { <A href=format!("/contacts/{c}")>{name}</A> }.into_any(),
        None => view! { <span>{name}</span> }.into_any(),
    };
    // An open erasure request leads to the guided erasure.
    let erase = (open && request.kind == crate::domain::request::RequestKind::Erasure)
        .then(|| request.contact_id.clone())
        .flatten()
        .map(|c| view! { " · " <A href=format!("/contacts/{c}/erase")>{locale.t(Text::EraseLink)}</A> });
    let field = |key: &str| format!("request-{key}-{id}");
    view! {
        <li class="request" data-testid="request">
            <p class="history-head">
                <strong>{phrases::request_with_article(lang, request_kind(request.kind), request.kind)}</strong>
                " · "
                {who}
                " · "
                {format!("{} {}", locale.t(Text::RequestReceived), phrases::day(lang, request.received))}
                " · "
                {format!("{} {}", locale.t(Text::RequestDue), phrases::day(lang, request.due()))}
                {request.extended_to.map(|_| format!(" ({}: {})", locale.t(Text::ExtendedBecause), request.extension_reason))}
                {badge.map(|(class, text)| view! { " " <span class=class>{locale.t(text)}</span> })}
                {(!open).then(|| format!(" · {}", locale.t(request_status(request.status))))}
                {erase}
            </p>
            {(!request.steps.is_empty()).then(|| view! {
                <ol class="consent-events">
                    {request.steps.iter().map(|s| view! { <li>{format!("{} — {}", phrases::day(lang, local_day(s.at)), s.note)}</li> }).collect_view()}
                </ol>
            })}
            {(!request.outcome.is_empty()).then(|| view! { <p>{format!("{}: {}", locale.t(Text::RequestOutcome), crate::i18n::phrases::history::stored_text(locale.get(), &request.outcome))}</p> })}
            {open.then(|| view! {
                <details
                    class="request-actions"
                    prop:open=expanded.with_untracked(|e| e.contains(&id_value.get_value()))
                    on:toggle=move |ev| {
                        use wasm_bindgen::JsCast;
                        let open = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                            .is_some_and(|d| d.open());
                        expanded.update(|e| {
                            if open {
                                e.insert(id_value.get_value());
                            } else {
                                e.remove(&id_value.get_value());
                            }
                        });
                    }
                >
                    <summary>{locale.t(Text::AddStep)}" · "{locale.t(Text::ExtendDeadline)}" · "{locale.t(Text::RequestOutcome)}</summary>
                    <div class="field">
                        <label for=field("step")>{locale.t(Text::StepNote)}</label>
                        <input id=field("step") type="text" autocomplete="off" bind:value=step/>
                        <button type="button" class="button secondary small" on:click=move |_| {
                            let note = step.get_untracked();
                            step.set(String::new());
                            change(Box::new(move |r, now, _| r.add_step(&note, now)));
                        }>{locale.t(Text::AddStep)}</button>
                    </div>
                    {request.extended_to.is_none().then(|| view! {
                        <div class="field">
                            <label for=field("reason")>{locale.t(Text::ExtensionReason)}</label>
                            <input id=field("reason") type="text" autocomplete="off" bind:value=reason/>
                            <button type="button" class="button secondary small" on:click=move |_| {
                                let why = reason.get_untracked();
                                change(Box::new(move |r, _, today| r.extend(&why, today)));
                            }>{locale.t(Text::ExtendDeadline)}</button>
                        </div>
                    })}
                    <div class="field">
                        <label for=field("outcome")>{locale.t(Text::OutcomeLabel)}</label>
                        <input id=field("outcome") type="text" autocomplete="off" bind:value=outcome/>
                        <div class="actions">
                            <button type="button" class="button small" on:click=move |_| {
                                let text = outcome.get_untracked();
                                change(Box::new(move |r, _, today| r.close(RequestStatus::Done, &text, today)));
                            }>{locale.t(Text::CloseDone)}</button>
                            <button type="button" class="button secondary small" on:click=move |_| {
                                let text = outcome.get_untracked();
                                change(Box::new(move |r, _, today| r.close(RequestStatus::Refused, &text, today)));
                            }>{locale.t(Text::CloseRefused)}</button>
                        </div>
                    </div>
                </details>
            })}
        </li>
    }
}
