//! Home after unlock: the day's work (from `app::service::today`) as lists that link to where
//! each item is dealt with, the backup status, and the first-run checklist until it is done or
//! dismissed. Renders only; the lists are computed by the app.

use crate::app::clock::local_day;
use crate::app::preferences;
use crate::app::service::today::{Checklist, DayWork, Place};
use crate::domain::consent::State;
use crate::i18n::phrases::history::request_kind;
use crate::i18n::{format, phrases, Lang, Text};
use crate::ui::common::locale::{use_texts, use_ui};
use leptos::prelude::*;
use leptos_router::components::A;

/// Where a place is, as a link.
fn href(place: &Place) -> String {
    match place {
        Place::Contact(id) => format!("/contacts/{id}"),
        Place::Organisation(id) => format!("/organisations/{id}"),
        Place::Deal(id) => format!("/deals/{id}"),
        Place::Erase(id) => format!("/contacts/{id}/erase"),
        Place::Requests => "/requests".into(),
        Place::Agenda => "/agenda".into(),
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let work = Memo::new(move |_| {
        session.data.with(|d| {
            d.day_work(
                chrono::Utc::now(),
                preferences::last_backup(),
                preferences::last_export(),
                local_day,
            )
        })
    });
    let checklist = Memo::new(move |_| {
        session
            .data
            .with(|d| d.checklist(preferences::last_backup()))
    });
    let dismissed = RwSignal::new(preferences::checklist_dismissed());
    let summary = move || {
        let lang = locale.get();
        if session.loading() {
            return locale.t(Text::LoadingRest).to_string();
        }
        work.with(|w| {
            if w.nothing_to_do() {
                locale.t(Text::HomeNothingToDo).to_string()
            } else {
                let n = w.follow_ups.len()
                    + w.breaches.len()
                    + w.requests.len()
                    + w.consents.len()
                    + w.holds.len()
                    + w.erasures.len()
                    + w.review
                    + usize::from(w.backup.due);
                phrases::things_to_do(lang, n)
            }
        })
    };
    view! {
        <section class="page home" aria-labelledby="home-heading">
            <h1 id="home-heading">{t(Text::HomeHeading)}</h1>
            <p class="lead">
                {move || phrases::day(locale.get(), local_day(chrono::Utc::now()))}
                ". "
                {t(Text::HomeLead)}
            </p>
            <p class="home-summary" role="status" class:all-clear=move || !session.loading() && work.with(DayWork::nothing_to_do)>
                {summary}
            </p>
            <Show when=move || !session.loading() && !dismissed.get() && !checklist.with(Checklist::done)>
                <FirstRun checklist dismissed/>
            </Show>
            <Show when=move || !session.loading()>
                {move || {
                    let lang = locale.get();
                    work.with(|w| render(lang, w))
                }}
            </Show>
        </section>
    }
}

/// The day's lists, each only when it has something, and the backup status always.
fn render(lang: Lang, w: &DayWork) -> impl IntoView {
    let t = move |text: Text| text.get(lang);
    let section = |key: &'static str, heading: Text, n: usize, body: AnyView| {
        view! {
            <section class="panel" aria-labelledby=format!("home-{key}")>
                <h2 id=format!("home-{key}")>{t(heading)} " " <span class="count">{format!("({n})")}</span></h2>
                {body}
            </section>
        }
    };
    let badge = |overdue: bool| {
        overdue.then(|| view! { <span class="badge overdue">{t(Text::OverdueBadge)}</span> })
    };
    let all_follow_ups = t(Text::HomeAllFollowUps);
    let follow_ups = (!w.follow_ups.is_empty()).then(|| {
        let items = w
            .follow_ups
            .iter()
            .map(|f| {
                let title = crate::i18n::phrases::history::stored_text(lang, &f.title);
                let name = match &f.about {
                    Some(about) => format!("{title} — {about}"),
                    None => title,
                };
                view! {
                    <li data-testid="home-follow-up">
                        <A href=href(&f.place)>{name}</A>
                        <time datetime=f.due.to_rfc3339()>{format::date_time(lang, f.due)}</time>
                        {badge(f.overdue)}
                    </li>
                }
            })
            .collect_view();
        section(
            "follow-ups",
            Text::HomeFollowUpsHeading,
            w.follow_ups.len(),
            view! {
                <ul class="simple-list day-list">{items}</ul>
                <p><A href="/agenda">{all_follow_ups}</A></p>
            }
            .into_any(),
        )
    });
    let requests = (!w.requests.is_empty()).then(|| {
        let items = w
            .requests
            .iter()
            .map(|r| {
                let name = format!(
                    "{} · {}",
                    phrases::request_with_article(lang, request_kind(r.kind), r.kind),
                    phrases::request_subject(lang, &r.subject)
                );
                view! {
                    <li data-testid="home-request">
                        <A href=href(&Place::Requests)>{name}</A>
                        <span>{format!("{} {}", t(Text::RequestDue), phrases::day(lang, r.due))}</span>
                        <span class="badge" class:overdue=r.overdue class:due-soon=!r.overdue>
                            {t(if r.overdue { Text::OverdueBadge } else { Text::DueSoonBadge })}
                        </span>
                    </li>
                }
            })
            .collect_view();
        section(
            "requests",
            Text::HomeRequestsHeading,
            w.requests.len(),
            view! { <ul class="simple-list day-list">{items}</ul> }.into_any(),
        )
    });
    let consents = (!w.consents.is_empty()).then(|| {
        let items = w
            .consents
            .iter()
            .map(|c| {
                let state = phrases::consent_state(lang, State::Given { until: Some(c.on) });
                view! {
                    <li data-testid="home-consent">
                        <A href=href(&Place::Contact(c.contact_id.clone()))>{format!("{} · {}", c.contact, c.purpose)}</A>
                        <span>{state}</span>
                    </li>
                }
            })
            .collect_view();
        section(
            "consents",
            Text::HomeConsentsHeading,
            w.consents.len(),
            view! { <ul class="simple-list day-list">{items}</ul> }.into_any(),
        )
    });
    let holds = (!w.holds.is_empty() || !w.erasures.is_empty()).then(|| {
        let items = w
            .holds
            .iter()
            .map(|h| {
                let mut name = format!("{} {}", t(phrases::document_kind(h.kind)), h.number);
                if !h.about.is_empty() {
                    name = format!("{name} · {}", h.about);
                }
                let link = match &h.place {
                    Some(place) => view! { <A href=href(place)>{name}</A> }.into_any(),
                    None => view! { <span>{name}</span> }.into_any(),
                };
                view! {
                    <li data-testid="home-hold">
                        {link}
                        <span>{format!("{} {}", t(Text::HomeKeptUntil), phrases::day(lang, h.until))}</span>
                    </li>
                }
            })
            .collect_view();
        let erasures = w
            .erasures
            .iter()
            .map(|(id, name)| {
                view! {
                    <li data-testid="home-erasure">
                        <A href=href(&Place::Erase(id.clone()))>{format!("{}: {name}", t(Text::FinishErasure))}</A>
                    </li>
                }
            })
            .collect_view();
        section(
            "holds",
            Text::HomeHoldsHeading,
            w.holds.len() + w.erasures.len(),
            view! {
                <p class="hint">{t(Text::HomeHoldsLead)}</p>
                <ul class="simple-list day-list">{items}{erasures}</ul>
            }
            .into_any(),
        )
    });
    // The retention schedule: how many people are due for review, to the Agenda.
    let review = (w.review > 0).then(|| {
        let line = phrases::retention::due_count(lang, w.review);
        section(
            "review",
            Text::DueForReview,
            w.review,
            view! {
                <p data-testid="home-review">
                    <A href=href(&Place::Agenda)>{line}</A>
                </p>
            }
            .into_any(),
        )
    });
    let now = chrono::Utc::now();
    let backup = w.backup;
    let last = match backup.last_backup {
        Some(at) => format!(
            "{} {} ({})",
            t(Text::LastBackupWas),
            format::date(lang, at),
            phrases::days_ago(lang, (local_day(now) - local_day(at)).num_days())
        ),
        None => t(Text::HomeBackupNever).to_string(),
    };
    let export = backup
        .plain_export_since()
        .map(|at| format!("{} {}", t(Text::HomeLastExport), format::date(lang, at)));
    let make_backup = t(Text::HomeMakeBackup);
    let backup = view! {
        <section class="panel" aria-labelledby="home-backup">
            <h2 id="home-backup">{t(Text::HomeBackupHeading)}</h2>
            <p data-testid="home-backup-status">
                {last}
                {(backup.due && backup.last_backup.is_some()).then(|| format!(" {}", t(Text::HomeBackupOld)))}
            </p>
            {export.map(|e| view! { <p class="hint">{e}</p> })}
            <p>
                <A href="/data" attr:class=if backup.due { "button" } else { "button secondary" }>{make_backup}</A>
            </p>
        </section>
    };
    let breaches = crate::ui::breaches::home_breaches::section(lang, &w.breaches);
    view! { {breaches} {follow_ups} {requests} {consents} {holds} {review} {backup} }
}

/// The first-run checklist: each step links to its page and ticks itself when done.
#[component]
fn FirstRun(checklist: Memo<Checklist>, dismissed: RwSignal<bool>) -> impl IntoView {
    let (locale, t) = use_texts();
    let step = move |done: fn(&Checklist) -> bool, text: Text, to: &'static str| {
        view! {
            <li class="checklist-step" class:done=move || checklist.with(done)>
                <span class="tick" aria-hidden="true">{move || if checklist.with(done) { "✓" } else { "" }}</span>
                <A href=to>{t(text)}</A>
                <span class="hint">
                    {move || locale.t(if checklist.with(done) { Text::ChecklistDone } else { Text::ChecklistToDo })}
                </span>
            </li>
        }
    };
    let progress = move || {
        let c = checklist.get();
        let done = [c.profile, c.purposes, c.contact, c.backup]
            .iter()
            .filter(|d| **d)
            .count();
        phrases::steps_done(locale.get(), done, 4)
    };
    view! {
        <section class="panel checklist" aria-labelledby="home-checklist">
            <h2 id="home-checklist">{t(Text::ChecklistHeading)} " " <span class="count">{progress}</span></h2>
            <p class="hint">{t(Text::ChecklistLead)}</p>
            <ol class="checklist-steps">
                {step(|c| c.profile, Text::ChecklistProfile, "/settings")}
                {step(|c| c.purposes, Text::ChecklistPurposes, "/purposes")}
                {step(|c| c.contact, Text::ChecklistContact, "/contacts/new")}
                {step(|c| c.backup, Text::ChecklistBackup, "/data")}
            </ol>
            <button
                type="button"
                class="button secondary small"
                on:click=move |_| {
                    preferences::dismiss_checklist();
                    dismissed.set(true);
                }
            >
                {t(Text::ChecklistDismiss)}
            </button>
        </section>
    }
}
