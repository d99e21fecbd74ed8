//! One contact's page: the summary head and its actions (edit, merge, access, request, erase,
//! delete), then the timeline and history beside a column of follow-ups, deals, documents,
//! consent, objections and the other details. Each part is its own component.

use crate::app::AppError;
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::history_list::HistoryList;
use crate::ui::common::locale::use_ui;
use crate::ui::common::status::use_status;
use crate::ui::contacts::contact_summary::{ContactDetails, ContactSummary};
use crate::ui::contacts::contact_timeline::ContactTimeline;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ContactPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let contact = {
        let id = id.clone();
        Memo::new(move |_| session.data.with(|d| d.contacts.get(&id).cloned()))
    };
    let history = {
        let id = id.clone();
        Signal::derive(move || session.data.with(|d| d.history_of(&id)))
    };
    let confirming = RwSignal::new(false);
    let status = use_status();
    let failure = RwSignal::new(None::<AppError>);
    let navigate = StoredValue::new_local(use_navigate());
    let id_value = StoredValue::new(id.clone());
    let keep = RwSignal::new(true);
    let acknowledged = RwSignal::new(false);
    // The same plan as the erase page: what goes, what a hold keeps, where others name them.
    let plan = Memo::new(move |_| {
        confirming.get().then(|| {
            session.data.with(|d| {
                crate::app::service::plan_erasure(
                    d,
                    &id_value.get_value(),
                    crate::app::clock::local_day(chrono::Utc::now()),
                )
                .ok()
            })
        })?
    });
    let delete = move || {
        let id = id_value.get_value();
        let keep = if keep.get_untracked() {
            crate::app::service::KeepOnList::Yes
        } else {
            crate::app::service::KeepOnList::No
        };
        let lang = locale.lang.get_untracked();
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    let today = crate::app::clock::local_day(now);
                    let wording = crate::i18n::phrases::notify_wording(lang, today);
                    v.delete_contact_notifying(&id, keep, &wording, now, today)
                        .await
                })
                .await
            {
                // A hold keeps what documents need, restricted: the page shows what is left.
                Ok(plan) if plan.keeps_contact() => {
                    status.post(Text::ContactErasedKept.get(untrack(|| locale.get())));
                    confirming.set(false)
                }
                Ok(_) => {
                    status.post(Text::ContactErased.get(untrack(|| locale.get())));
                    navigate.with_value(|n| n("/contacts", Default::default()))
                }
                Err(e) => {
                    confirming.set(false);
                    failure.set(Some(e));
                }
            }
        });
    };
    let restricted = move || contact.with(|c| c.as_ref().is_some_and(|c| c.data.restricted));
    let edit_href = format!("/contacts/{id}/edit");
    let merge_href = format!("/contacts/{id}/merge");
    let access_href = format!("/contacts/{id}/access");
    let erase_href = format!("/contacts/{id}/erase");
    let request_href = format!("/requests?contact={id}");

    view! {
        <Show
            when=move || contact.with(Option::is_some)
            fallback=move || view! {
                <section class="page">
                    <p class="form-error" role="alert">{t(Text::ContactNotFound)}</p>
                    <A href="/contacts">{t(Text::BackToContacts)}</A>
                </section>
            }
        >
            <section class="page contact-page" aria-labelledby="contact-heading">
                <p><A href="/contacts">{t(Text::BackToContacts)}</A></p>
                <div class="page-head">
                    <h1 id="contact-heading">{move || contact.with(|c| c.as_ref().map(|c| c.data.display_name()))}</h1>
                    <div class="actions">
                        <A href=edit_href.clone() attr:class="button">{t(Text::Edit)}</A>
                        <A href=merge_href.clone() attr:class="button secondary">{t(Text::MergeLink)}</A>
                        <A href=access_href.clone() attr:class="button secondary">{t(Text::AccessLink)}</A>
                        <A href=request_href.clone() attr:class="button secondary">{t(Text::NewRequest)}</A>
                        <A href=erase_href.clone() attr:class="button secondary">{t(Text::EraseLink)}</A>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(true)>
                            {t(Text::Delete)}
                        </button>
                    </div>
                </div>
                <ContactSummary contact_id=id_value.get_value()/>
                {move || contact.with(|c| c.as_ref().and_then(|c| c.data.erased_on)).map(|on| view! {
                    <p class="callout" data-testid="erased-notice">
                        {format!("{} {}. {}", locale.t(Text::ErasedNotice), crate::i18n::phrases::day(locale.get(), on), locale.t(Text::ErasedRestricted))}
                    </p>
                })}
                {move || {
                    let lang = locale.lang.get_untracked();
                    let said = session.data.with(|d| {
                        let mut names: Vec<String> = crate::domain::consent::objections(
                            &id_value.get_value(),
                            d.limits.values().map(|l| &l.data),
                            chrono::Utc::now(),
                        )
                        .into_iter()
                        .map(|p| match p {
                            None => Text::AllPurposes.get(lang).to_lowercase(),
                            Some(p) => d.purposes.get(p).map_or_else(|| p.to_string(), |p| p.data.name.clone()),
                        })
                        .collect();
                        names.sort();
                        names.dedup();
                        names.join(", ")
                    });
                    (!said.is_empty()).then(|| view! {
                        <p class="callout warning" role="status" data-testid="objection-banner">
                            <strong>{Text::ObjectionBanner.get(lang)}</strong>
                            {format!(" {said}. {}", Text::ObjectionBannerHint.get(lang))}
                        </p>
                    })
                }}
                <Show when=move || confirming.get()>
                    <div class="callout danger" role="alertdialog" aria-labelledby="delete-person-question">
                        <p id="delete-person-question">{t(Text::DeletePersonLead)}</p>
                        {move || plan.get().map(|plan| view! {
                            <crate::ui::rights::erasure_parts::PlanSummary plan=plan.clone()/>
                            <crate::ui::rights::erasure_parts::Mentions plan=plan acknowledged=acknowledged/>
                        })}
                        <crate::ui::rights::erasure_parts::OldCopies/>
                        <crate::ui::rights::erasure_parts::KeepOnListChoice keep=keep id="delete-keep-on-list"/>
                        <div class="actions">
                            <button
                                type="button"
                                class="button danger"
                                disabled=move || !(acknowledged.get() || plan.with(|p| p.as_ref().is_none_or(|p| p.mentions.is_empty())))
                                on:click=move |_| delete()
                            >
                                {t(Text::ConfirmDelete)}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                                {t(Text::Cancel)}
                            </button>
                        </div>
                    </div>
                </Show>
                <ActionError failure/>
                <div class="contact-layout">
                    <div class="contact-main">
                        <ContactTimeline contact_id=id_value.get_value() restricted=Signal::derive(restricted) failure=failure/>
                    </div>
                    <div class="contact-side">
                        <Show when=move || !restricted()>
                            <crate::ui::deals::follow_ups_panel::FollowUpsPanel contact_id=Some(id_value.get_value()) deal_id=None/>
                            <crate::ui::deals::deals_panel::DealsPanel contact_id=id_value.get_value()/>
                        </Show>
                        <crate::ui::deals::documents_panel::DocumentsPanel contact_id=id_value.get_value()/>
                        <Show when=move || !restricted()>
                            <crate::ui::consent::consent_panel::ConsentPanel contact_id=id_value.get_value()/>
                            <crate::ui::consent::limits_panel::LimitsPanel contact_id=id_value.get_value()/>
                        </Show>
                        <super::shared_with_panel::SharedWithPanel contact_id=id_value.get_value()/>
                        <ContactDetails contact_id=id_value.get_value()/>
                    </div>
                    // Beside the column on a wide screen, last on a narrow one.
                    <section class="panel contact-history" aria-labelledby="history-heading">
                        <h2 id="history-heading">{t(Text::History)}</h2>
                        <HistoryList events=history/>
                    </section>
                </div>
            </section>
        </Show>
    }
}
