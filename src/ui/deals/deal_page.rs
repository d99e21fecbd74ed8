//! One deal: its facts, a stage menu, the stage history, its documents, follow-ups and linked
//! activities, and its audit history; edit, or delete after confirming (or, with documents
//! that must be kept, why it cannot be deleted, before any question).

use crate::i18n::{format, phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::history_list::HistoryList;
use crate::ui::common::locale::use_ui;
use crate::ui::common::record_page::{BackLink, RecordDelete, RecordShell};
use crate::ui::common::status::use_status;
use crate::ui::contacts::contact_timeline::{activity_body, activity_head};
use crate::ui::deals::deal_view::amount_text;
use crate::ui::deals::documents_panel::DocumentsPanel;
use crate::ui::deals::follow_ups_panel::FollowUpsPanel;
use crate::ui::deals::stage_move::move_with_undo;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn DealPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let id_value = StoredValue::new(id.clone());
    let deal = Memo::new(move |_| {
        session
            .data
            .with(|d| d.deals.get(&id_value.get_value()).map(|r| r.data.clone()))
    });
    let activities = Memo::new(move |_| {
        session
            .data
            .with(|d| d.activities_of_deal(&id_value.get_value()))
    });
    let history =
        Signal::derive(move || session.data.with(|d| d.history_of(&id_value.get_value())));
    let deleting = RecordDelete::new();
    let confirming = deleting.confirming;
    let failure = deleting.failure;
    let status = use_status();
    let delete = move || {
        deleting.run(
            session,
            move |v, now| async move { v.delete_deal(&(id_value.get_value()), now).await },
            Text::DealDeleted,
            "/deals",
        )
    };
    let move_to = move |stage: String| {
        failure.set(None);
        let lang = untrack(|| locale.get());
        spawn_local(async move {
            let id = id_value.get_value();
            if let Err(e) = move_with_undo(session, status, lang, id, stage).await {
                failure.set(Some(e));
            }
        });
    };
    // Why the deal cannot be deleted is said before any question is asked.
    let ask_delete = move || {
        deleting.ask(
            session
                .data
                .with_untracked(|s| s.deal_deletion_refused(&id_value.get_value())),
        )
    };
    let edit_href = format!("/deals/{id}/edit");

    view! {
        <RecordShell found=Signal::derive(move || deal.with(Option::is_some)) missing=Text::DealNotFound back="/deals" back_text=Text::BackToDeals wait_for_load=true>
            <section class="page" aria-labelledby="deal-heading">
                <BackLink href="/deals" text=Text::BackToDeals/>
                <div class="page-head">
                    <h1 id="deal-heading">{move || deal.with(|d| d.as_ref().map(|d| d.title.clone()))}</h1>
                    <div class="actions">
                        <A href=edit_href.clone() attr:class="button">{t(Text::Edit)}</A>
                        <button type="button" class="button secondary" on:click=move |_| ask_delete()>
                            {t(Text::Delete)}
                        </button>
                    </div>
                </div>
                <ConfirmDelete open=confirming question=Text::DeleteDealQuestion on_confirm=delete/>
                <ActionError failure/>
                {move || {
                    let lang = locale.get();
                    let d = deal.get()?;
                    let pipeline = session.data.with(|s| s.pipeline());
                    let (organisation, contacts) = session.data.with(|s| {
                        let org = d.organisation_id.as_ref().and_then(|o| s.organisations.get(o).map(|r| (o.clone(), r.data.name.clone())));
                        let contacts: Vec<(String, String)> = d
                            .contact_ids
                            .iter()
                            .filter_map(|c| s.contacts.get(c).map(|r| (c.clone(), r.data.display_name())))
                            .collect();
                        (org, contacts)
                    });
                    let weighted = d.weighted().and_then(Result::ok).map(|m| format::money(lang, &m));
                    let current = d.stage_id().to_string();
                    let row = |label: Text, value: String| {
                        (!value.is_empty()).then(|| view! {
                            <div class="fact-row"><dt>{locale.t(label)}</dt><dd>{value}</dd></div>
                        })
                    };
                    Some(view! {
                        <div class="field stage-field">
                            <label for="deal-page-stage">{locale.t(Text::StageLabel)}</label>
                            <select id="deal-page-stage" on:change=move |ev| move_to(event_target_value(&ev))>
                                {pipeline
                                    .stages
                                    .iter()
                                    .map(|s| view! { <option value=s.id.clone() prop:selected=s.id == current>{phrases::stage_name(lang, s)}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <dl class="details">
                            {organisation.map(|(oid, name)| view! {
                                <div class="fact-row">
                                    <dt>{locale.t(Text::Organisation)}</dt>
                                    <dd><A href=format!("/organisations/{oid}")>{name}</A></dd>
                                </div>
                            })}
                            {(!contacts.is_empty()).then(|| view! {
                                <div class="fact-row">
                                    <dt>{locale.t(Text::DealContacts)}</dt>
                                    <dd>
                                        {contacts
                                            .into_iter()
                                            .enumerate()
                                            .map(|(i, (cid, name))| view! {
                                                {(i > 0).then_some(", ")}
                                                <A href=format!("/contacts/{cid}")>{name}</A>
                                            })
                                            .collect_view()}
                                    </dd>
                                </div>
                            })}
                            {row(Text::DealValue, amount_text(lang, d.value.as_ref()))}
                            {row(Text::WeightedLabel, weighted.unwrap_or_default())}
                            {row(Text::ProbabilityLabel, d.probability.to_string())}
                            {row(Text::ExpectedClose, d.expected_close.map(|c| phrases::day(lang, c)).unwrap_or_default())}
                            {row(Text::Notes, d.notes.clone())}
                            {row(Text::OutcomeReason, d.outcome_reason.clone())}
                        </dl>
                        <section class="panel" aria-labelledby="stage-history-heading">
                            <h2 id="stage-history-heading">{locale.t(Text::StageHistory)}</h2>
                            <ol class="history">
                                {d.history()
                                    .iter()
                                    .rev()
                                    .map(|c| view! {
                                        <li>
                                            <strong>{pipeline.stage(&c.stage_id).map(|s| phrases::stage_name(lang, s)).unwrap_or_else(|| c.stage_id.clone())}</strong>
                                            " · "
                                            <time datetime=c.at.to_rfc3339()>{format::date_time(lang, c.at)}</time>
                                        </li>
                                    })
                                    .collect_view()}
                            </ol>
                        </section>
                    })
                }}
                <DocumentsPanel deal_id=id_value.get_value()/>
                <FollowUpsPanel contact_id=None deal_id=Some(id_value.get_value())/>
                <section class="panel" aria-labelledby="deal-activities-heading">
                    <h2 id="deal-activities-heading">{t(Text::Activities)}</h2>
                    {move || {
                        let lang = locale.get();
                        let list = activities.get();
                        if list.is_empty() {
                            return view! { <p class="empty-state">{locale.t(Text::NoDealActivities)}</p> }.into_any();
                        }
                        view! {
                            <ol class="timeline">
                                {list
                                    .into_iter()
                                    .map(|(cid, who, a)| view! {
                                        <li class="timeline-item">
                                            <p class="history-head">
                                                {activity_head(lang, &a)}
                                                " · "
                                                <A href=format!("/contacts/{cid}")>{who}</A>
                                            </p>
                                            {activity_body(&a)}
                                        </li>
                                    })
                                    .collect_view()}
                            </ol>
                        }
                        .into_any()
                    }}
                </section>
                <section class="panel" aria-labelledby="deal-history-heading">
                    <h2 id="deal-history-heading">{t(Text::History)}</h2>
                    <HistoryList events=history/>
                </section>
            </section>
        </RecordShell>
    }
}
