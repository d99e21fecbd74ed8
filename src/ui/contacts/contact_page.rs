//! One contact: its details, its activity timeline (newest first), and its history.

use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::activity::Activity;
use crate::i18n::{format, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::history_list::HistoryList;
use crate::ui::common::locale::use_locale;
use crate::ui::common::status::use_status;
use crate::ui::contacts::activity_form::{kind_text, ActivityForm};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ContactPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let id = crate::ui::route_id();
    let contact = {
        let id = id.clone();
        Memo::new(move |_| session.data.with(|d| d.contacts.get(&id).cloned()))
    };
    let activities = {
        let id = id.clone();
        Memo::new(move |_| session.data.with(|d| d.activities_of(&id)))
    };
    let history = {
        let id = id.clone();
        Signal::derive(move || session.data.with(|d| d.history_of(&id)))
    };
    let confirming = RwSignal::new(false);
    let status = use_status();
    let failure = RwSignal::new(None::<AppError>);
    let editing = RwSignal::new(None::<(String, Activity)>);
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
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    v.delete_contact(&id, keep, now, crate::app::clock::local_day(now))
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
            <section class="page" aria-labelledby="contact-heading">
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
                {move || contact.with(|c| c.as_ref().and_then(|c| c.data.erased_on)).map(|on| view! {
                    <p class="callout" data-testid="erased-notice">
                        {format!("{} {}. {}", locale.t(Text::ErasedNotice), crate::i18n::phrases::day(locale.get(), on), locale.t(Text::ErasedRestricted))}
                    </p>
                })}
                {move || {
                    let lang = locale.get();
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
                <crate::ui::deals::documents_panel::HoldBadge subject_id=id_value.get_value()/>
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
                {move || {
                    contact.get().map(|c| {
                        let c = c.data;
                        let row = |label: Text, value: String| {
                            (!value.is_empty()).then(|| view! {
                                <div class="fact-row"><dt>{locale.t(label)}</dt><dd>{value}</dd></div>
                            })
                        };
                        let list = |items: &[crate::domain::contact::Labelled]| items
                            .iter()
                            .map(|i| if i.label.is_empty() { i.value.clone() } else { format!("{} ({})", i.value, i.label) })
                            .collect::<Vec<_>>()
                            .join(", ");
                        let organisation = c.organisation_id.as_ref().and_then(|oid| {
                            session.data.with(|d| d.organisations.get(oid).map(|o| (oid.clone(), o.data.name.clone())))
                        });
                        view! {
                            <dl class="details">
                                {organisation.map(|(oid, name)| view! {
                                    <div class="fact-row">
                                        <dt>{locale.t(Text::Organisation)}</dt>
                                        <dd><A href=format!("/organisations/{oid}")>{name}</A></dd>
                                    </div>
                                })}
                                {row(Text::Email, list(&c.emails))}
                                {row(Text::Phone, list(&c.phones))}
                                {row(Text::Role, c.role.clone())}
                                {row(Text::Ico, c.ico.clone().unwrap_or_default())}
                                {row(Text::VatId, c.vat_id.clone().unwrap_or_default())}
                                {row(Text::Addresses, c.addresses.iter().map(|a| {
                                    let value = a.value.lines().collect::<Vec<_>>().join(", ");
                                    if a.label.is_empty() { value } else { format!("{value} ({})", a.label) }
                                }).collect::<Vec<_>>().join("; "))}
                                {row(Text::Birthday, c.birthday.map(|b| format::birthday(locale.get(), b)).unwrap_or_default())}
                                {row(Text::Tags, c.tags.join(", "))}
                                {row(Text::Preferences, c.preferences.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("; "))}
                                {row(Text::Notes, c.notes.clone())}
                            </dl>
                        }
                    })
                }}
                <section class="panel" aria-labelledby="timeline-heading">
                    <h2 id="timeline-heading">{t(Text::Timeline)}</h2>
                    // Nothing new is recorded about a person whose processing is restricted.
                    <Show when=move || !restricted()>
                        <ActivityForm contact_id=id_value.get_value() editing=editing/>
                    </Show>
                    {move || {
                        let lang = locale.get();
                        let list = activities.get();
                        if list.is_empty() && session.loading() {
                            return view! { <p class="hint" role="status">{locale.t(Text::LoadingRest)}</p> }.into_any();
                        }
                        if list.is_empty() {
                            return view! { <p class="empty-state">{locale.t(Text::NoActivities)}</p> }.into_any();
                        }
                        view! {
                            <ol class="timeline">
                                {list
                                    .into_iter()
                                    .map(|(aid, a)| {
                                        let for_edit = (aid.clone(), a.clone());
                                        let delete_id = aid.clone();
                                        view! {
                                            <li class="timeline-item">
                                                <p class="history-head">
                                                    <span class="tag">{locale.t(kind_text(a.kind))}</span>
                                                    " "
                                                    <time datetime=a.at.to_rfc3339()>{format::date_time(lang, a.at)}</time>
                                                    " "
                                                    <strong>{a.subject.clone()}</strong>
                                                </p>
                                                {(!a.body.is_empty()).then(|| view! { <p class="activity-body">{a.body.clone()}</p> })}
                                                <div class="actions small">
                                                    <button type="button" class="link-button" on:click=move |_| editing.set(Some(for_edit.clone()))>
                                                        {locale.t(Text::Edit)}
                                                    </button>
                                                    <button
                                                        type="button"
                                                        class="link-button"
                                                        on:click=move |_| {
                                                            let id = delete_id.clone();
                                                            let lang = untrack(|| locale.get());
                                                            spawn_local(async move {
                                                                match session.write(move |v, now| async move { v.delete_activity(&id, now).await }).await {
                                                                    Ok(removed) => status.post_undoable(session, lang, Text::ActivityDeleted, Text::ActivityRestored, move |v, now| {
                                                                        let removed = removed.clone();
                                                                        async move { v.restore_activity(removed, now).await }
                                                                    }),
                                                                    Err(e) => failure.set(Some(e)),
                                                                }
                                                            });
                                                        }
                                                    >
                                                        {locale.t(Text::Delete)}
                                                    </button>
                                                </div>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                        .into_any()
                    }}
                </section>
                <Show when=move || !restricted()>
                    <crate::ui::deals::deals_panel::DealsPanel contact_id=id_value.get_value()/>
                    <crate::ui::deals::follow_ups_panel::FollowUpsPanel contact_id=Some(id_value.get_value()) deal_id=None/>
                </Show>
                <crate::ui::deals::documents_panel::DocumentsPanel contact_id=id_value.get_value()/>
                <Show when=move || !restricted()>
                    <crate::ui::consent::consent_panel::ConsentPanel contact_id=id_value.get_value()/>
                    <crate::ui::consent::limits_panel::LimitsPanel contact_id=id_value.get_value()/>
                </Show>
                <section class="panel" aria-labelledby="history-heading">
                    <h2 id="history-heading">{t(Text::History)}</h2>
                    <HistoryList events=history/>
                </section>
            </section>
        </Show>
    }
}
