//! The Agenda's **Due for review** (the retention schedule, GDPR Art. 5(1)(e)): each person whom
//! nothing justifies keeping any more, why (each ended justification, in words) and since when;
//! **Erase** one, or **Erase all** after a confirmation naming how many. Each goes through the
//! Erase page's erasure (`UnlockedVault::erase_due`), logged and respecting retention holds.
//! Reads `VaultSnapshot::due_for_review`; writes only through the session.

use crate::app::clock::local_day;
use crate::app::AppError;
use crate::domain::retention::{Ground, Review};
use crate::i18n::phrases::retention as words;
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// At most this many people are listed (the longest due first); Erase all takes all of them.
const SHOWN: usize = 100;

/// One person due for review, as listed: id, name, since, the reasons in words.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    review: Review,
}

#[component]
pub fn DueForReview() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let rows = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        session.data.with(|d| {
            d.due_for_review(today, &local_day)
                .into_iter()
                .map(|review| Row {
                    id: review.contact_id.clone(),
                    name: d
                        .contacts
                        .get(&review.contact_id)
                        .map(|c| c.data.display_name())
                        .unwrap_or_default(),
                    review,
                })
                .collect::<Vec<_>>()
        })
    });
    let failure = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<usize>);
    let busy = RwSignal::new(false);
    // Whom a confirmation is open for: one person's id, or everyone ("*").
    let confirming = RwSignal::new(None::<String>);
    let erase = move |ids: Vec<String>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        done.set(None);
        confirming.set(None);
        let lang = locale.lang.get_untracked();
        spawn_local(async move {
            let mut erased = 0;
            for id in ids {
                let result = session
                    .write(move |v, now| async move {
                        let wording = crate::i18n::phrases::notify_wording(lang, local_day(now));
                        v.erase_due(&id, &wording, now, local_day(now), &local_day)
                            .await
                            .map(|_| ())
                    })
                    .await;
                match result {
                    Ok(()) => erased += 1,
                    Err(e) => {
                        failure.set(Some(e));
                        break;
                    }
                }
            }
            done.set(Some(erased));
            busy.set(false);
        });
    };
    let purpose_name = move |ground: &Ground| match ground {
        Ground::Purpose { purpose_id, .. } | Ground::ConsentGiven { purpose_id } => session
            .data
            .with(|d| d.purposes.get(purpose_id).map(|p| p.data.name.clone()))
            .unwrap_or_default(),
        _ => String::new(),
    };
    view! {
        <section class="panel" aria-labelledby="agenda-review">
            <h2 id="agenda-review">
                {t(Text::DueForReview)}
                " "
                <span class="count">{move || rows.with(Vec::len)}</span>
            </h2>
            <p class="hint">{t(Text::DueForReviewLead)}</p>
            {move || done.get().filter(|n| *n > 0).map(|n| view! {
                <p class="callout" role="status" data-testid="review-erased">{words::erased_people(locale.get(), n)}</p>
            })}
            <ActionError failure/>
            {move || {
                let lang = locale.get();
                let list = rows.get();
                if list.is_empty() {
                    let text = if session.loading() { Text::LoadingRest } else { Text::NobodyDueForReview };
                    return view! { <p class="empty-state">{locale.t(text)}</p> }.into_any();
                }
                let count = list.len();
                let all: Vec<String> = list.iter().map(|r| r.id.clone()).collect();
                view! {
                    <ul class="review-list">
                        {list
                            .into_iter()
                            .take(SHOWN)
                            .map(|row| {
                                let id = row.id.clone();
                                let asking = {
                                    let id = id.clone();
                                    move || confirming.get().as_deref() == Some(id.as_str())
                                };
                                let question = words::erase_one_question(lang, &row.name);
                                view! {
                                    <li data-testid="due-review">
                                        <div class="review-head">
                                            <A href=format!("/contacts/{}", row.id)>{row.name.clone()}</A>
                                            <span class="hint">{words::due_since(lang, row.review.since)}</span>
                                        </div>
                                        <ul class="review-reasons">
                                            {row.review.reasons
                                                .iter()
                                                .map(|r| view! { <li>{words::ended_reason(lang, r, &purpose_name(&r.ground))}</li> })
                                                .collect_view()}
                                        </ul>
                                        {move || if asking() {
                                            let id = id.clone();
                                            view! {
                                                <div class="callout danger" role="alertdialog" aria-label=question.clone()>
                                                    <p>{question.clone()}</p>
                                                    <div class="actions">
                                                        <button type="button" class="button danger" disabled=move || busy.get() on:click=move |_| erase(vec![id.clone()])>{locale.t(Text::YesErase)}</button>
                                                        <button type="button" class="button secondary" on:click=move |_| confirming.set(None)>{locale.t(Text::Cancel)}</button>
                                                    </div>
                                                </div>
                                            }.into_any()
                                        } else {
                                            let id = id.clone();
                                            view! {
                                                <div class="actions">
                                                    <button type="button" class="button danger small" disabled=move || busy.get() on:click=move |_| confirming.set(Some(id.clone()))>{locale.t(Text::EraseButton)}</button>
                                                </div>
                                            }.into_any()
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {move || if confirming.get().as_deref() == Some("*") {
                        let question = words::erase_all_question(locale.get(), count);
                        let all = all.clone();
                        view! {
                            <div class="callout danger" role="alertdialog" aria-label=question.clone()>
                                <p>{question.clone()}</p>
                                <div class="actions">
                                    <button type="button" class="button danger" disabled=move || busy.get() on:click=move |_| erase(all.clone())>{locale.t(Text::YesErase)}</button>
                                    <button type="button" class="button secondary" on:click=move |_| confirming.set(None)>{locale.t(Text::Cancel)}</button>
                                </div>
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <div class="actions">
                                <button type="button" class="button danger" disabled=move || busy.get() on:click=move |_| confirming.set(Some("*".to_string()))>{locale.t(Text::EraseAll)}</button>
                            </div>
                        }.into_any()
                    }}
                }
                .into_any()
            }}
        </section>
    }
}
