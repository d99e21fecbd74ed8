//! The printable draft of an entry's notification to ÚOOÚ (GDPR Art. 33(3)): the controller and
//! contact point from the profile, the nature, categories and approximate numbers of people and
//! records, the likely consequences, the measures taken or proposed, the timing (with the
//! reasons for any delay past 72 hours) and the communication to the people affected. In Czech
//! or English, chosen here whatever the interface's language; printed without the navigation.

use crate::i18n::{format, phrases, Lang, Text};
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotificationPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let id_value = StoredValue::new(id.clone());
    let lang = RwSignal::new(untrack(|| locale.get()));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let back = format!("/breaches/{id}");
    view! {
        <section class="page printable" aria-labelledby="notification-heading">
            <p class="no-print"><A href=back>{t(Text::BackToBreaches)}</A></p>
            <div class="actions no-print notification-tools">
                <div class="field">
                    <label for="notification-language">{t(Text::NotificationLanguage)}</label>
                    <select id="notification-language" on:change=move |ev| {
                        if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                            lang.set(l);
                        }
                    }>
                        {Lang::ALL
                            .into_iter()
                            .map(|l| view! { <option value=l.code() prop:selected=move || lang.get() == l>{l.native_name()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <button type="button" class="button" on:click=print>{t(Text::Print)}</button>
            </div>
            {move || {
                let lang = lang.get();
                let now = chrono::Utc::now();
                session.data.with(|d| {
                    let Some(b) = d.breaches.get(&id_value.get_value()).map(|b| b.data.clone()) else {
                        return view! { <p class="form-error" role="alert">{locale.t(Text::BreachNotFound)}</p> }.into_any();
                    };
                    let profile = d.profile().map(|p| p.data.clone());
                    let controller = profile.as_ref().map_or_else(
                        || Text::ControllerMissing.get(lang).to_string(),
                        |p| {
                            [Some(p.name.clone()), p.address.clone(), p.ico.clone().map(|i| format!("IČO {i}"))]
                                .into_iter()
                                .flatten()
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                    );
                    let contact = profile
                        .as_ref()
                        .map(|p| [p.name.clone()].into_iter().chain(p.email.clone()).chain(p.phone.clone()).collect::<Vec<_>>().join(", "))
                        .unwrap_or_default();
                    let sent = if b.authority == crate::domain::breach::Notice::Notified { b.authority_at.unwrap_or(now) } else { now };
                    let timing = phrases::notification_timing(
                        lang,
                        &format::date_time(lang, b.discovered_at),
                        &format::date_time(lang, b.deadline()),
                        sent > b.deadline(),
                        &b.authority_reason,
                    );
                    let informed = phrases::notification_people(
                        lang,
                        b.people,
                        &b.people_at.map(|at| format::date_time(lang, at)).unwrap_or_default(),
                        &b.people_reason,
                    );
                    let none = Text::NoneWord.get(lang).to_string();
                    let or_none = move |s: String| if s.trim().is_empty() { none.clone() } else { s };
                    let row = move |label: Text, value: String| view! {
                        <div class="fact-row"><dt>{label.get(lang)}</dt><dd>{value}</dd></div>
                    };
                    view! {
                        <article class="notification" lang=lang.tag() data-testid="notification">
                            <h1 id="notification-heading">{Text::NotificationHeading.get(lang)}</h1>
                            <p class="hint no-print">{Text::NotificationDraftNote.get(lang)}</p>
                            <dl class="details">
                                {row(Text::NotificationTo, Text::NotificationAuthority.get(lang).to_string())}
                                {row(Text::Controller, controller)}
                                {row(Text::NotificationContactPoint, or_none(contact))}
                                {row(Text::BreachDiscovered, format::date_time(lang, b.discovered_at))}
                                {row(Text::BreachNature, b.nature.clone())}
                                {row(Text::BreachCategories, b.categories.clone())}
                                {row(Text::BreachPeopleCount, phrases::about(lang, b.people_count))}
                                {row(Text::BreachRecordsCount, phrases::about(lang, b.records_count))}
                                {row(Text::BreachConsequences, or_none(b.consequences.clone()))}
                                {row(Text::BreachMeasures, or_none(b.measures.clone()))}
                                {row(Text::NotificationTiming, timing)}
                                {row(Text::NotificationPeople, informed)}
                                {row(Text::NotificationDate, format::date(lang, sent))}
                            </dl>
                        </article>
                    }
                    .into_any()
                })
            }}
        </section>
    }
}
