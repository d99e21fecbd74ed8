//! The guided erasure of one person (GDPR Art. 17): what will be deleted, what must be kept,
//! why and until when, where others' notes still name them, which copies it cannot reach, the
//! do-not-contact list, a typed confirmation, then one transaction. Works for a person deleted
//! earlier too (by id, from the history). Reads the plan from `app::service::plan_erasure`;
//! writes only through the session.

use crate::app::clock::local_day;
use crate::app::service::plan_erasure;
use crate::app::service::KeepOnList;
use crate::app::AppError;
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::choice_fields::LineInput;
use crate::ui::common::locale::use_ui;
use crate::ui::rights::erasure_parts::{KeepOnListChoice, Mentions, OldCopies};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn ErasePage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let id_value = StoredValue::new(id.clone());
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<String>);
    let keep = RwSignal::new(true);
    let acknowledged = RwSignal::new(false);
    let plan = Memo::new(move |_| {
        session
            .data
            .with(|d| plan_erasure(d, &id_value.get_value(), local_day(chrono::Utc::now())).ok())
    });
    let confirmed = move || {
        typed.with(|w| crate::ui::typed_word_is(w, Text::EraseConfirmWord, locale.get()))
            && plan.with(|p| p.as_ref().is_none_or(|p| p.mentions.is_empty()))
            || typed.with(|w| crate::ui::typed_word_is(w, Text::EraseConfirmWord, locale.get()))
                && acknowledged.get()
    };
    let erase = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        if !confirmed() || busy.get_untracked() {
            return;
        }
        let lang = locale.lang.get_untracked();
        // Stored as a code, worded in the reader's language when shown.
        let outcome = crate::domain::stored::Stored::Erased(plan.summary()).code();
        let keep = if keep.get_untracked() {
            KeepOnList::Yes
        } else {
            KeepOnList::No
        };
        busy.set(true);
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    let wording = crate::i18n::phrases::notify_wording(lang, local_day(now));
                    v.erase_contact_notifying(
                        &(id_value.get_value()),
                        &outcome,
                        keep,
                        &wording,
                        now,
                        local_day(now),
                    )
                    .await
                    .map(|_| ())
                })
                .await
            {
                Ok(()) => done.set(Some(match plan.keep_until() {
                    Some(until) => format!(
                        "{} {}.",
                        Text::EraseDoneKept.get(lang),
                        phrases::day(lang, until)
                    ),
                    None => Text::EraseDone.get(lang).to_string(),
                })),
                Err(e) => failure.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="page" aria-labelledby="erase-heading">
            <p><A href="/contacts">{t(Text::BackToContacts)}</A></p>
            <h1 id="erase-heading">{t(Text::EraseHeading)}</h1>
            {move || match done.get() {
                Some(message) => view! {
                    <p class="callout" role="status" data-testid="erase-done">{message}</p>
                    <p class="actions">
                        <A href="/requests" attr:class="button secondary">{t(Text::GoToRequests)}</A>
                        <A href="/contacts" attr:class="button secondary">{t(Text::BackToContacts)}</A>
                    </p>
                }.into_any(),
                None => view! { <ErasePlan plan=plan typed=typed busy=busy keep=keep acknowledged=acknowledged confirmed=confirmed on_submit=erase/> }.into_any(),
            }}
            <ActionError failure/>
        </section>
    }
}

#[component]
fn ErasePlan(
    plan: Memo<Option<crate::domain::erasure::Plan>>,
    typed: RwSignal<String>,
    busy: RwSignal<bool>,
    keep: RwSignal<bool>,
    acknowledged: RwSignal<bool>,
    confirmed: impl Fn() -> bool + Copy + Send + Sync + 'static,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    move || {
        let lang = locale.lang.get_untracked();
        let Some(p) = plan.get() else {
            return view! { <p class="form-error" role="alert">{locale.t(Text::ContactNotFound)}</p> }.into_any();
        };
        let name = session.data.with(|d| {
            d.contacts
                .get(&p.contact_id)
                .map(|c| c.data.display_name())
                .unwrap_or_else(|| {
                    crate::domain::erasure::person_from_history(&p.contact_id, &d.audit)
                        .display_name()
                })
        });
        let mut deleted = vec![locale
            .t(if !p.live {
                Text::ErasedHistoryOnly
            } else if p.keeps_contact() {
                Text::EraseContactDetails
            } else {
                Text::EraseWholeContact
            })
            .to_string()];
        deleted.extend(phrases::erasure_counts(lang, &p));
        let holds = p.holds.clone();
        view! {
            <p class="lead">{t(Text::EraseLead)}</p>
            <p><strong data-testid="erase-subject">{name}</strong></p>
            <section class="panel" aria-labelledby="erase-deleted-heading">
                <h2 id="erase-deleted-heading">{t(Text::EraseDeletedHeading)}</h2>
                <ul data-testid="erase-deleted">
                    {deleted.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </section>
            <section class="panel" aria-labelledby="erase-kept-heading">
                <h2 id="erase-kept-heading">{t(Text::EraseKeptHeading)}</h2>
                {if holds.is_empty() {
                    view! { <p data-testid="erase-kept">{t(Text::EraseNothingKept)}</p> }.into_any()
                } else {
                    view! {
                        <ul data-testid="erase-kept">
                            {holds
                                .into_iter()
                                .map(|h| view! {
                                    <li>
                                        {format!(
                                            "{} {}: {} — {}",
                                            phrases::document_kind(h.kind).get(lang),
                                            h.number,
                                            phrases::keep_until(lang, h.until),
                                            locale.t(Text::EraseLegalReason),
                                        )}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                        <p>{t(Text::EraseKeptFields)}</p>
                    }.into_any()
                }}
                <p class="hint">{t(Text::EraseRegisterNote)}</p>
            </section>
            <Mentions plan=p.clone() acknowledged=acknowledged/>
            <OldCopies/>
            <form class="form" on:submit=on_submit>
                <KeepOnListChoice keep=keep id="erase-keep-on-list"/>
                <LineInput id="erase-confirm" label=Text::EraseConfirmLabel value=typed/>
                <button type="submit" class="button danger" disabled=move || !confirmed() || busy.get()>
                    {t(Text::EraseButton)}
                </button>
            </form>
        }
        .into_any()
    }
}
