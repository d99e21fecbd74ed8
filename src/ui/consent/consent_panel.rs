//! A contact's consents: every purpose it answered, with its state, validity and history
//! (events are only ever added), one-click Withdraw and Renew, a receipt, and the form to
//! record a new answer.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::consent::{EventKind, State};
use crate::domain::purpose::LawfulBasis;
use crate::i18n::{format, phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::form_opener::FormOpener;
use crate::ui::common::locale::use_locale;
use crate::ui::consent::consent_form::ConsentForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn ConsentPanel(contact_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let failure = RwSignal::new(None::<AppError>);
    let recording = RwSignal::new(false);
    let contact = StoredValue::new(contact_id.clone());
    let consents = Memo::new(move |_| {
        let id = contact.get_value();
        session.data.with(|d| {
            let mut list: Vec<_> = d
                .consents
                .values()
                .filter(|c| c.data.contact_id == id)
                .map(|c| {
                    let purpose = d
                        .purposes
                        .get(&c.data.purpose_id)
                        .map(|p| p.data.name.clone())
                        .unwrap_or_else(|| c.data.purpose_id.clone());
                    (c.id.clone(), purpose, c.data.clone())
                })
                .collect();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        })
    });
    // Every other active purpose, so the panel answers for all of them: no answer yet, or no
    // consent needed (another lawful basis).
    let unanswered = Memo::new(move |_| {
        let id = contact.get_value();
        session.data.with(|d| {
            let answered: std::collections::HashSet<&str> = d
                .consents
                .values()
                .filter(|c| c.data.contact_id == id)
                .map(|c| c.data.purpose_id.as_str())
                .collect();
            let mut list: Vec<(String, LawfulBasis)> = d
                .purposes
                .iter()
                .filter(|(pid, p)| !p.data.retired && !answered.contains(pid.as_str()))
                .map(|(_, p)| (p.data.name.clone(), p.data.basis))
                .collect();
            list.sort_by(|a, b| a.0.cmp(&b.0));
            list
        })
    });
    let act = move |id: String, kind: EventKind| {
        let how = locale.t(if kind == EventKind::Withdrawn {
            Text::WithdrawnInApp
        } else {
            Text::RenewedInApp
        });
        failure.set(None);
        spawn_local(async move {
            let how = how.to_string();
            let withdraw = move |v: crate::app::session::Vault, now| async move {
                v.append_consent_event(&id, kind, &how, now, local_day)
                    .await
            };
            if let Err(e) = session.write(withdraw).await {
                failure.set(Some(e));
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="consent-heading">
            <h2 id="consent-heading">{t(Text::ConsentPanelHeading)}</h2>
            <ActionError failure/>
            {move || {
                let lang = locale.get();
                let list = consents.get();
                let others = unanswered.get();
                if session.loading() {
                    return view! { <p class="hint" role="status">{locale.t(Text::LoadingConsents)}</p> }.into_any();
                }
                if list.is_empty() && others.is_empty() {
                    return view! { <p class="empty-state">{locale.t(Text::NoConsentsYet)}</p> }.into_any();
                }
                let today = local_day(chrono::Utc::now());
                view! {
                    <ul class="consent-list">
                        {list
                            .into_iter()
                            .map(|(id, purpose, c)| {
                                let state = c.state(today, local_day);
                                let can_withdraw = matches!(state, State::Given { .. });
                                let can_renew = matches!(state, State::Given { .. } | State::Expired { .. });
                                let (withdraw_id, renew_id) = (id.clone(), id.clone());
                                view! {
                                    <li class="consent-item" data-testid="consent">
                                        <p class="history-head">
                                            <strong>{purpose.clone()}</strong>
                                            ": "
                                            <span class="consent-state">{phrases::consent_state(lang, state)}</span>
                                        </p>
                                        <ol class="consent-events">
                                            {c.events()
                                                .iter()
                                                .map(|e| view! {
                                                    <li>
                                                        <time datetime=e.at.to_rfc3339()>{format::date_time(lang, e.at)}</time>
                                                        " " {phrases::event_kind(e.kind).get(lang)}
                                                        {(!e.how.is_empty()).then(|| format!(" — {}", e.how))}
                                                    </li>
                                                })
                                                .collect_view()}
                                        </ol>
                                        <div class="actions small">
                                            {can_withdraw.then(|| view! {
                                                <button type="button" class="button secondary" on:click=move |_| act(withdraw_id.clone(), EventKind::Withdrawn)>
                                                    {Text::Withdraw.get(lang)}
                                                </button>
                                            })}
                                            {can_renew.then(|| view! {
                                                <button type="button" class="button secondary" on:click=move |_| act(renew_id.clone(), EventKind::Renewed)>
                                                    {Text::Renew.get(lang)}
                                                </button>
                                            })}
                                            <A href=format!("/consents/{id}/receipt")>{Text::Receipt.get(lang)}</A>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                        {others
                            .into_iter()
                            .map(|(name, basis)| {
                                let state = if basis == LawfulBasis::Consent {
                                    Text::StateNone.get(lang).to_string()
                                } else {
                                    format!("{} ({}), {}", phrases::basis(basis).get(lang), basis.article(), Text::NoConsentNeeded.get(lang))
                                };
                                view! {
                                    <li class="consent-item unanswered">
                                        <p class="history-head"><strong>{name}</strong> ": " <span class="consent-state">{state}</span></p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <FormOpener label=Text::RecordConsent id="open-consent-form" open=recording>
                <ConsentForm contact_id=contact_id.clone() open=recording/>
            </FormOpener>
        </section>
    }
}
