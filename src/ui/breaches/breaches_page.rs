//! The register of breaches: every entry, newest discovery first, with its status badge (an
//! open 72-hour clock, overdue, notified, or not notified with a reason), and the way to record one.

use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BreachesPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let list = Memo::new(move |_| session.data.with(|d| d.breaches_newest_first()));
    view! {
        <section class="page" aria-labelledby="breaches-heading">
            <div class="page-head">
                <h1 id="breaches-heading">{t(Text::BreachesHeading)}</h1>
                <div class="actions">
                    <A href="/breaches/new" attr:class="button">{t(Text::RecordBreach)}</A>
                </div>
            </div>
            <p class="lead">{t(Text::BreachesLead)}</p>
            {move || {
                let list = list.get();
                if list.is_empty() {
                    let text = if session.loading() { Text::LoadingRest } else { Text::NoBreaches };
                    return view! { <p class="empty-state">{locale.t(text)}</p> }.into_any();
                }
                let lang = locale.get();
                let now = chrono::Utc::now();
                view! {
                    <ul class="simple-list breaches">
                        {list
                            .into_iter()
                            .map(|(id, b)| {
                                let (class, text) = super::badge(&b, now);
                                let clock = phrases::breach_clock(lang, b.clock(now));
                                view! {
                                    <li data-testid="breach">
                                        <A href=format!("/breaches/{id}")>{super::short(&b.nature)}</A>
                                        <span>{format!("{} {}", locale.t(Text::BreachDiscovered), format::date_time(lang, b.discovered_at))}</span>
                                        <span class=class>{locale.t(text)}</span>
                                        {(!clock.is_empty()).then(|| view! { <span>{clock}</span> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
