//! The consent overview: consents expiring within 30 days, expired, withdrawn, and consent
//! purposes with no consents; each line links to the contact. Links to the purposes register,
//! "May I contact?" and the Record of processing activities.

use crate::app::clock::local_day;
use crate::domain::consent::State;
use crate::domain::purpose::LawfulBasis;
use crate::i18n::{phrases, Text};
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

#[derive(Clone, PartialEq)]
struct Line {
    contact_id: String,
    contact: String,
    purpose: String,
    state: State,
}

/// Expiring soon, expired, withdrawn; and the consent purposes (id, name) with no consent.
type Buckets = (Vec<Line>, Vec<Line>, Vec<Line>, Vec<(String, String)>);

#[component]
pub fn ConsentOverviewPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let buckets = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        session.data.with(|d| {
            let (mut expiring, mut expired, mut withdrawn) = (vec![], vec![], vec![]);
            for c in d.consents.values() {
                let state = c.data.state(today, local_day);
                let line = || Line {
                    contact_id: c.data.contact_id.clone(),
                    contact: d
                        .contacts
                        .get(&c.data.contact_id)
                        .map(|x| x.data.display_name())
                        .unwrap_or_default(),
                    purpose: d
                        .purposes
                        .get(&c.data.purpose_id)
                        .map(|p| p.data.name.clone())
                        .unwrap_or_default(),
                    state,
                };
                match state {
                    State::Given { .. } if state.expiring_soon(today).is_some() => {
                        expiring.push(line())
                    }
                    State::Expired { .. } => expired.push(line()),
                    State::Withdrawn { .. } => withdrawn.push(line()),
                    _ => {}
                }
            }
            for list in [&mut expiring, &mut expired, &mut withdrawn] {
                list.sort_by(|a, b| a.contact.cmp(&b.contact));
            }
            let unused: Vec<(String, String)> = d
                .purposes
                .iter()
                .filter(|(id, p)| {
                    !p.data.retired
                        && p.data.basis == LawfulBasis::Consent
                        && !d.consents.values().any(|c| c.data.purpose_id == **id)
                })
                .map(|(id, p)| (id.clone(), p.data.name.clone()))
                .collect();
            (expiring, expired, withdrawn, unused)
        })
    });
    let list = move |heading: Text, id: &'static str, pick: fn(&Buckets) -> Vec<Line>| {
        view! {
            <section class="panel" aria-labelledby=id>
                <h2 id=id>{move || format!("{} ({})", locale.t(heading), buckets.with(|b| pick(b).len()))}</h2>
                {move || {
                    let lang = locale.get();
                    let lines = buckets.with(pick);
                    if lines.is_empty() {
                        return view! { <p class="empty-state">{locale.t(Text::NothingHere)}</p> }.into_any();
                    }
                    view! {
                        <ul class="simple-list">
                            {lines.into_iter().map(|l| view! {
                                <li>
                                    <A href=format!("/contacts/{}", l.contact_id)>{l.contact.clone()}</A>
                                    <span class="contact-detail">{format!("{} · {}", l.purpose, phrases::consent_state(lang, l.state))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        }
    };
    view! {
        <section class="page" aria-labelledby="consent-overview-heading">
            <h1 id="consent-overview-heading">{t(Text::ConsentHeading)}</h1>
            <p class="lead">{t(Text::ConsentLead)}</p>
            <p class="actions">
                <A href="/may-contact" attr:class="button">{t(Text::MayContactHeading)}</A>
                <A href="/purposes" attr:class="button secondary">{t(Text::PurposesHeading)}</A>
                <A href="/purposes/record" attr:class="button secondary">{t(Text::ProcessingRecordHeading)}</A>
            </p>
            <Show when=move || session.loading()>
                <p class="hint" role="status">{t(Text::LoadingConsents)}</p>
            </Show>
            {list(Text::ExpiringSoon, "expiring-heading", |b| b.0.clone())}
            {list(Text::ExpiredList, "expired-heading", |b| b.1.clone())}
            {list(Text::WithdrawnList, "withdrawn-heading", |b| b.2.clone())}
            <section class="panel" aria-labelledby="unused-heading">
                <h2 id="unused-heading">{t(Text::PurposesWithoutConsents)}</h2>
                {move || {
                    let unused = buckets.with(|b| b.3.clone());
                    if unused.is_empty() {
                        return view! { <p class="empty-state">{locale.t(Text::NothingHere)}</p> }.into_any();
                    }
                    view! {
                        <ul class="simple-list">
                            {unused.into_iter().map(|(id, name)| view! { <li><A href=format!("/purposes/{id}")>{name}</A></li> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        </section>
    }
}
