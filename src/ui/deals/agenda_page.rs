//! The Agenda: open follow-ups overdue, due today and upcoming (on this device's local day),
//! the ones done in the last 14 days, a form to add one, and "losing touch": contacts with a
//! chosen tag and no activity for N days.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::task::{bucket, losing_touch, Bucket, Task};
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::{use_locale, use_ui};
use crate::ui::deals::follow_ups_panel::{FollowUpForm, TaskItem};
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;

/// Days without activity after which a contact is "losing touch", unless the user picks others.
const DEFAULT_DAYS: u32 = 90;
/// At most this many contacts are listed as losing touch (the most neglected first).
const LOSING_TOUCH_SHOWN: usize = 50;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let failure = RwSignal::new(None::<AppError>);
    let buckets = Memo::new(move |_| {
        let now = chrono::Utc::now();
        let today = local_day(now);
        let recent = now - chrono::Duration::days(14);
        let mut out: [Vec<(String, Task)>; 4] = Default::default();
        session.data.with(|d| {
            for (id, r) in &d.tasks {
                let slot = match bucket(&r.data, today, local_day) {
                    Some(Bucket::Overdue) => 0,
                    Some(Bucket::Today) => 1,
                    Some(Bucket::Upcoming) => 2,
                    None if r.updated_at >= recent => 3,
                    None => continue,
                };
                out[slot].push((id.clone(), r.data.clone()));
            }
        });
        for list in &mut out {
            list.sort_by_key(|(_, t)| t.due);
        }
        out[3].reverse();
        out
    });
    let section = move |slot: usize, heading: Text, key: &'static str| {
        view! {
            <section class="panel" aria-labelledby=format!("agenda-{key}")>
                <h2 id=format!("agenda-{key}")>
                    {move || locale.t(heading)}
                    " "
                    <span class="count">{move || buckets.with(|b| b[slot].len())}</span>
                </h2>
                {move || {
                    let list = buckets.with(|b| b[slot].clone());
                    if list.is_empty() {
                        let text = if session.loading() { Text::LoadingRest } else { Text::NothingDue };
                        return view! { <p class="empty-state">{locale.t(text)}</p> }.into_any();
                    }
                    view! {
                        <ul class="tasks">
                            {list
                                .into_iter()
                                .map(|(id, task)| view! { <TaskItem id=id task=task with_links=true failure=failure/> })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        }
    };
    view! {
        <section class="page" aria-labelledby="agenda-heading">
            <h1 id="agenda-heading">{t(Text::AgendaHeading)}</h1>
            <p class="lead">{t(Text::AgendaLead)}</p>
            <ActionError failure/>
            <crate::ui::breaches::agenda_breaches::BreachesDue/>
            <RequestsDue/>
            <crate::ui::consent::assessments_due::AssessmentsDue/>
            <FinishErasure/>
            {section(0, Text::Overdue, "overdue")}
            {section(1, Text::TodayLabel, "today")}
            {section(2, Text::Upcoming, "upcoming")}
            <section class="panel" aria-labelledby="agenda-add">
                <h2 id="agenda-add">{t(Text::AddFollowUp)}</h2>
                <FollowUpForm contact_id=None deal_id=None/>
            </section>
            {section(3, Text::RecentlyDone, "done")}
            <LosingTouch/>
            <crate::ui::deals::due_for_review::DueForReview/>
        </section>
    }
}

#[component]
fn LosingTouch() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let tags = Memo::new(move |_| {
        session.data.with(|d| {
            d.contacts
                .values()
                .flat_map(|c| c.data.tags.iter().cloned())
                .collect::<BTreeSet<String>>()
        })
    });
    let tag = RwSignal::new(String::new());
    let days = RwSignal::new(DEFAULT_DAYS.to_string());
    let chosen = move || {
        let tag = tag.get();
        let tags = tags.get();
        if tags.contains(&tag) {
            Some(tag)
        } else {
            // "client"/"klient" first when there is one: the usual thing to watch.
            tags.iter()
                .find(|t| matches!(t.to_lowercase().as_str(), "client" | "klient"))
                .or_else(|| tags.iter().next())
                .cloned()
        }
    };
    let list = Memo::new(move |_| {
        let Some(tag) = chosen() else {
            return Vec::new();
        };
        let days: u32 = days.get().trim().parse().unwrap_or(DEFAULT_DAYS);
        let today = local_day(chrono::Utc::now());
        session.data.with(|d| {
            let mut last: std::collections::HashMap<&str, chrono::DateTime<chrono::Utc>> =
                std::collections::HashMap::new();
            for a in d.activities.values() {
                let e = last.entry(a.data.contact_id.as_str()).or_insert(a.data.at);
                if a.data.at > *e {
                    *e = a.data.at;
                }
            }
            // Someone who objected, or whose processing is restricted, is not chased.
            let now = chrono::Utc::now();
            let objected: std::collections::HashSet<&str> = d
                .limits
                .values()
                .filter(|l| l.data.active_at(now))
                .map(|l| l.data.contact_id.as_str())
                .collect();
            let mut out: Vec<(String, String, Option<chrono::DateTime<chrono::Utc>>)> = d
                .contacts
                .iter()
                .filter(|(_, c)| c.data.tags.contains(&tag))
                .filter(|(id, c)| !c.data.restricted && !objected.contains(id.as_str()))
                .filter_map(|(id, c)| {
                    let at = last.get(id.as_str()).copied();
                    losing_touch(at, today, days, local_day)
                        .then(|| (id.clone(), c.data.display_name(), at))
                })
                .collect();
            out.sort_by_key(|(_, _, at)| *at);
            out.truncate(LOSING_TOUCH_SHOWN);
            out
        })
    });
    view! {
        <section class="panel" aria-labelledby="losing-touch-heading">
            <h2 id="losing-touch-heading">{t(Text::LosingTouchHeading)}</h2>
            <p class="hint">{t(Text::LosingTouchLead)}</p>
            <Show when=move || !tags.with(BTreeSet::is_empty) fallback=move || view! { <p class="empty-state">{t(Text::NoTagsYet)}</p> }>
                <div class="filters">
                    <div class="field">
                        <label for="losing-touch-tag">{t(Text::TagLabel)}</label>
                        <select id="losing-touch-tag" on:change=move |ev| tag.set(event_target_value(&ev))>
                            {move || {
                                let current = chosen();
                                tags.get()
                                    .into_iter()
                                    .map(|name| {
                                        let selected = current.as_ref() == Some(&name);
                                        let label = name.clone();
                                        view! { <option value=name prop:selected=selected>{label}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <div class="field">
                        <label for="losing-touch-days">{t(Text::DaysLabel)}</label>
                        <input id="losing-touch-days" type="number" min="1" max="3650" prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev))/>
                    </div>
                </div>
                {move || {
                    let lang = locale.get();
                    let rows = list.get();
                    if rows.is_empty() {
                        let text = if session.loading() { Text::LoadingRest } else { Text::NobodyLosingTouch };
                        return view! { <p class="empty-state">{locale.t(text)}</p> }.into_any();
                    }
                    let today = local_day(chrono::Utc::now());
                    view! {
                        <ul class="simple-list">
                            {rows
                                .into_iter()
                                .map(|(id, name, at)| {
                                    let when = match at {
                                        Some(at) => phrases::last_contacted(lang, at, (today - local_day(at)).num_days()),
                                        None => locale.t(Text::NeverContacted).to_string(),
                                    };
                                    view! {
                                        <li>
                                            <A href=format!("/contacts/{id}")>{name}</A>
                                            <span class="hint">{when}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </Show>
        </section>
    }
}

/// Open data subject requests that are overdue or due within a week.
#[component]
fn RequestsDue() -> impl IntoView {
    use crate::domain::request::Urgency;
    let session = expect_context::<Session>();
    let locale = use_locale();
    let due = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        let mut list: Vec<_> = session.data.with(|d| {
            d.requests
                .values()
                .map(|r| (r.data.clone(), r.data.urgency(today)))
                .filter(|(_, u)| matches!(u, Urgency::Overdue | Urgency::DueSoon))
                .collect()
        });
        list.sort_by_key(|(r, _)| r.due());
        list
    });
    move || {
        let list = due.get();
        (!list.is_empty()).then(|| {
            let lang = locale.get();
            view! {
                <section class="panel" aria-labelledby="agenda-requests">
                    <h2 id="agenda-requests">{locale.t(Text::RequestsDue)}</h2>
                    <ul class="simple-list">
                        {list
                            .into_iter()
                            .map(|(r, u)| {
                                let badge = if u == Urgency::Overdue { Text::OverdueBadge } else { Text::DueSoonBadge };
                                view! {
                                    <li>
                                        <A href="/requests">{format!("{} · {}", phrases::request_with_article(lang, crate::i18n::phrases::history::request_kind(r.kind), r.kind), phrases::request_subject(lang, &r.subject))}</A>
                                        <span>{format!("{} {}", locale.t(Text::RequestDue), phrases::day(lang, r.due()))}</span>
                                        <span class="badge" class:overdue=u == Urgency::Overdue class:due-soon=u == Urgency::DueSoon>{locale.t(badge)}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// People erased while documents had to be kept, whose last hold has ended: their erasure can
/// be finished now.
#[component]
fn FinishErasure() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let ready = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        session.data.with(|d| d.erasures_ready(today))
    });
    move || {
        let list = ready.get();
        (!list.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="agenda-erasure">
                <h2 id="agenda-erasure">{locale.t(Text::FinishErasureHeading)}</h2>
                <p class="hint">{locale.t(Text::FinishErasureLead)}</p>
                <ul class="simple-list">
                    {list
                        .into_iter()
                        .map(|(id, name)| view! {
                            <li>
                                <span>{name}</span>
                                <A href=format!("/contacts/{id}/erase")>{locale.t(Text::FinishErasure)}</A>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        })
    }
}
