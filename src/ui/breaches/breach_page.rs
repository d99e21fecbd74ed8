//! One entry of the breach register: every fact recorded, its 72-hour deadline while ÚOOÚ is
//! still to be notified, and the way to edit it, print the notification, or delete it (after a
//! confirmation).

use crate::i18n::{format, phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::locale::use_ui;
use crate::ui::common::record_page::{BackLink, RecordDelete, RecordShell};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BreachPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let id_value = StoredValue::new(id.clone());
    let breach = Memo::new(move |_| {
        session.data.with(|d| {
            d.breaches
                .get(&id_value.get_value())
                .map(|b| b.data.clone())
        })
    });
    let deleting = RecordDelete::new();
    let confirming = deleting.confirming;
    let failure = deleting.failure;
    let delete = move || {
        deleting.run(
            session,
            move |v, now| async move { v.delete_breach(&(id_value.get_value()), now).await },
            Text::BreachDeleted,
            "/breaches",
        )
    };
    let edit_href = format!("/breaches/{id}/edit");
    let print_href = format!("/breaches/{id}/notification");
    view! {
        <RecordShell found=Signal::derive(move || breach.with(Option::is_some)) missing=Text::BreachNotFound back="/breaches" back_text=Text::BackToBreaches>
            <section class="page" aria-labelledby="breach-heading">
                <BackLink href="/breaches" text=Text::BackToBreaches/>
                <div class="page-head">
                    <h1 id="breach-heading">{move || breach.with(|b| b.as_ref().map(|b| super::short(&b.nature)))}</h1>
                    <div class="actions">
                        <A href=print_href.clone() attr:class="button">{t(Text::PrintNotification)}</A>
                        <A href=edit_href.clone() attr:class="button secondary">{t(Text::Edit)}</A>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(true)>{t(Text::Delete)}</button>
                    </div>
                </div>
                <ConfirmDelete open=confirming question=Text::DeleteBreachQuestion on_confirm=delete/>
                <ActionError failure/>
                {move || breach.get().map(|b| {
                    let lang = locale.get();
                    let now = chrono::Utc::now();
                    let (class, badge) = super::badge(&b, now);
                    let clock = phrases::breach_clock(lang, b.clock(now));
                    let people: Vec<(String, String)> = session.data.with(|d| {
                        b.contact_ids
                            .iter()
                            .map(|c| (c.clone(), d.contacts.get(c).map(|r| r.data.display_name()).unwrap_or_default()))
                            .collect()
                    });
                    let row = move |label: Text, value: String| (!value.is_empty()).then(|| view! {
                        <div class="fact-row"><dt>{locale.t(label)}</dt><dd>{value}</dd></div>
                    });
                    let when = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(|at| format::date_time(lang, at)).unwrap_or_default();
                    view! {
                        <p>
                            <span class=class>{locale.t(badge)}</span>
                            {(!clock.is_empty()).then(|| view! {
                                " "
                                <span data-testid="breach-deadline">{format!("{} · {clock}", phrases::breach_deadline(lang, &format::date_time(lang, b.deadline())))}</span>
                            })}
                        </p>
                        <dl class="details">
                            {row(Text::BreachDiscovered, format::date_time(lang, b.discovered_at))}
                            {row(Text::BreachNature, b.nature.clone())}
                            {row(Text::BreachCategories, b.categories.clone())}
                            {(!people.is_empty()).then(|| view! {
                                <div class="fact-row">
                                    <dt>{locale.t(Text::BreachPeople)}</dt>
                                    <dd>
                                        {people.into_iter().map(|(id, name)| view! { <A href=format!("/contacts/{id}")>{name}</A> " " }).collect_view()}
                                    </dd>
                                </div>
                            })}
                            {row(Text::BreachPeopleCount, phrases::about(lang, b.people_count))}
                            {row(Text::BreachRecordsCount, phrases::about(lang, b.records_count))}
                            {row(Text::BreachConsequences, b.consequences.clone())}
                            {row(Text::BreachMeasures, b.measures.clone())}
                            {row(Text::BreachAuthority, locale.t(phrases::notice_text(b.authority)).to_string())}
                            {row(Text::BreachAuthorityAt, when(b.authority_at))}
                            {row(Text::BreachAuthorityReason, b.authority_reason.clone())}
                            {row(Text::BreachPeopleNotice, locale.t(phrases::notice_text(b.people)).to_string())}
                            {row(Text::BreachPeopleAt, when(b.people_at))}
                            {row(Text::BreachPeopleReason, b.people_reason.clone())}
                        </dl>
                    }
                })}
            </section>
        </RecordShell>
    }
}
