//! A contact's objections (Art. 21) and restrictions of processing (Art. 18): recorded with
//! date and reason, listed, and lifted (the record stays, with when it ended).

use crate::app::AppError;
use crate::domain::consent::{fields, LimitKind};
use crate::domain::FieldErrors;
use crate::i18n::{format, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::form_opener::FormOpener;
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use crate::ui::consent::consent_form::active_purposes;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LimitsPanel(contact_id: String) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let contact = StoredValue::new(contact_id);
    let limits = Memo::new(move |_| {
        let id = contact.get_value();
        session.data.with(|d| {
            let mut list: Vec<_> = d
                .limits
                .values()
                .filter(|l| l.data.contact_id == id)
                .map(|l| {
                    let purpose = l
                        .data
                        .purpose_id
                        .as_ref()
                        .and_then(|p| d.purposes.get(p))
                        .map(|p| p.data.name.clone());
                    (l.id.clone(), purpose, l.data.clone())
                })
                .collect();
            list.sort_by_key(|(_, _, l)| std::cmp::Reverse(l.since));
            list
        })
    });
    let purposes = Memo::new(move |_| active_purposes(session));
    let kind = RwSignal::new("objection".to_string());
    let purpose = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let recording = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let kind = if kind.get_untracked() == "restriction" {
            LimitKind::Restriction
        } else {
            LimitKind::Objection
        };
        let chosen = purpose.get_untracked();
        let purpose_id = (kind == LimitKind::Objection && !chosen.is_empty()).then_some(chosen);
        let text = reason.get_untracked();
        let lang = locale.lang.get_untracked();
        spawn_local(async move {
            let contact = contact.get_value();
            let add = move |v: crate::app::session::Vault, now| async move {
                let wording =
                    crate::i18n::phrases::notify_wording(lang, crate::app::clock::local_day(now));
                v.add_limit_notifying(&contact, kind, purpose_id, &text, &wording, now)
                    .await
            };
            match session.write(add).await {
                Ok(_) => {
                    reason.set(String::new());
                    errors.set(FieldErrors::new());
                    recording.set(false);
                }
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let lift = move |id: String| {
        spawn_local(async move {
            if let Err(e) = session
                .write(move |v, now| async move { v.lift_limit(&id, now).await })
                .await
            {
                failure.set(Some(e));
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="limits-heading">
            <h2 id="limits-heading">{t(Text::LimitsHeading)}</h2>
            <ActionError failure/>
            {move || {
                let lang = locale.lang.get_untracked();
                let list = limits.get();
                if list.is_empty() {
                    return view! { <p class="empty-state">{locale.t(Text::NoLimits)}</p> }.into_any();
                }
                view! {
                    <ul class="simple-list">
                        {list
                            .into_iter()
                            .map(|(id, purpose, l)| {
                                let what = crate::i18n::phrases::history::limit_kind(l.kind);
                                let scope = purpose.unwrap_or_else(|| Text::AllPurposes.get(lang).to_string());
                                view! {
                                    <li data-testid="limit">
                                        <strong>{what.get(lang)}</strong>
                                        {format!(" · {scope} · {} {} · {}", Text::SinceWord.get(lang), format::date(lang, l.since), l.reason)}
                                        {match l.lifted {
                                            Some(at) => view! { <span class="tag">{format!("{} {}", Text::LiftedOn.get(lang), format::date(lang, at))}</span> }.into_any(),
                                            None => view! {
                                                " "
                                                <button type="button" class="button secondary" on:click=move |_| lift(id.clone())>{Text::Lift.get(lang)}</button>
                                            }
                                            .into_any(),
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <FormOpener label=Text::OpenLimitForm id="open-limit-form" open=recording>
            <form class="form wide" novalidate=true on:submit=add>
                <div class="field-row">
                    <div class="field">
                        <label for="limit-kind">{t(Text::LimitKindLabel)}</label>
                        <select id="limit-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                            <option value="objection">{t(Text::LimitObjection)}</option>
                            <option value="restriction">{t(Text::LimitRestriction)}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="limit-purpose">{t(Text::PurposeLabel)}</label>
                        <select id="limit-purpose" disabled=move || kind.get() == "restriction" on:change=move |ev| purpose.set(event_target_value(&ev))>
                            <option value="">{t(Text::AllPurposes)}</option>
                            {move || purposes.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <TextField label=Text::ReasonLabel id="limit-reason" value=reason error=error_of(errors, locale, fields::REASON) required=true/>
                <div class="actions">
                    <button type="submit" class="button secondary">{t(Text::RecordLimit)}</button>
                    <button type="button" class="button secondary" on:click=move |_| recording.set(false)>{t(Text::Cancel)}</button>
                </div>
            </form>
            </FormOpener>
        </section>
    }
}
