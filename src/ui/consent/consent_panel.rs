//! A contact's consents: every purpose it answered, with its state, validity and history
//! (events are only ever added), Withdraw (after a confirmation naming the purpose, then with
//! Undo in the status message) and Renew, a receipt, and the form to record a new answer.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::consent::{EventKind, State};
use crate::domain::purpose::LawfulBasis;
use crate::domain::stored::Stored;
use crate::i18n::phrases::history::stored_text;
use crate::i18n::{format, phrases, Lang, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::form_opener::FormOpener;
use crate::ui::common::locale::{use_locale, use_ui};
use crate::ui::common::status::{use_status, Status};
use crate::ui::consent::consent_form::ConsentForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn ConsentPanel(contact_id: String) -> impl IntoView {
    let (session, locale, t) = use_ui();
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
    let status = use_status();
    // The consent a Withdraw is asking about: (id, purpose). Nothing is written until confirmed.
    let asking = RwSignal::new(None::<(String, String)>);
    let ask = move |id: String, purpose: String| {
        failure.set(None);
        asking.set(Some((id, purpose)));
        focus_later(CANCEL_ID.to_string());
    };
    let cancel = move || {
        if let Some((id, _)) = asking.get_untracked() {
            focus_later(format!("withdraw-{id}"));
        }
        asking.set(None);
    };
    let act = move |id: String, purpose: String, kind: EventKind| {
        let lang = untrack(|| locale.get());
        // Stored as a code, worded in the reader's language when shown.
        let how = if kind == EventKind::Withdrawn {
            Stored::WithdrawnInApp
        } else {
            Stored::RenewedInApp
        }
        .code();
        asking.set(None);
        failure.set(None);
        spawn_local(async move {
            let target = id.clone();
            let write = move |v: crate::app::session::Vault, now| async move {
                v.append_consent_event(&target, kind, &how, now, local_day)
                    .await
            };
            match session.write(write).await {
                Ok(()) if kind == EventKind::Withdrawn => status
                    .post_with_undo(phrases::consent_withdrawn(lang, &purpose), move || {
                        undo_withdrawal(session, status, lang, id.clone(), purpose.clone())
                    }),
                Ok(()) => status.post(phrases::consent_renewed(lang, &purpose)),
                Err(e) => failure.set(Some(e)),
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
                                let (withdraw_id, renew_id, asked_id) = (id.clone(), id.clone(), id.clone());
                                let (withdraw_purpose, renew_purpose) = (purpose.clone(), purpose.clone());
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
                                                        " "
                                                        {match e.undoes {
                                                            Some(_) => Text::EventWithdrawalUndone.get(lang),
                                                            None => phrases::event_kind(e.kind).get(lang),
                                                        }}
                                                        {(!e.how.is_empty()).then(|| format!(" — {}", stored_text(lang, &e.how)))}
                                                    </li>
                                                })
                                                .collect_view()}
                                        </ol>
                                        <div class="actions small">
                                            {can_withdraw.then(|| view! {
                                                <button
                                                    type="button"
                                                    id=format!("withdraw-{withdraw_id}")
                                                    class="button secondary"
                                                    on:click=move |_| ask(withdraw_id.clone(), withdraw_purpose.clone())
                                                >
                                                    {Text::Withdraw.get(lang)}
                                                </button>
                                            })}
                                            {can_renew.then(|| view! {
                                                <button type="button" class="button secondary" on:click=move |_| act(renew_id.clone(), renew_purpose.clone(), EventKind::Renewed)>
                                                    {Text::Renew.get(lang)}
                                                </button>
                                            })}
                                            <A href=format!("/consents/{id}/receipt")>{Text::Receipt.get(lang)}</A>
                                        </div>
                                        {move || {
                                            let (aid, purpose) = asking.get().filter(|(a, _)| *a == asked_id)?;
                                            Some(view! { <WithdrawQuestion purpose on_confirm=move || act(aid.clone(), purpose_of(asking), EventKind::Withdrawn) on_cancel=cancel/> })
                                        }}
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
                                    format!("{}, {}", phrases::basis_with_article(lang, basis), Text::NoConsentNeeded.get(lang))
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

/// The id of the withdrawal question's Cancel, which has the focus while it is asked.
const CANCEL_ID: &str = "withdraw-cancel";

/// The purpose the open question names.
fn purpose_of(asking: RwSignal<Option<(String, String)>>) -> String {
    asking.get_untracked().map(|(_, p)| p).unwrap_or_default()
}

/// Moves the focus to element `id` once the view has drawn it.
fn focus_later(id: String) {
    set_timeout(
        move || {
            use wasm_bindgen::JsCast;
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Undo of a withdrawal just made: a new event, through the session; says how it went.
fn undo_withdrawal(session: Session, status: Status, lang: Lang, id: String, purpose: String) {
    spawn_local(async move {
        let undo = move |v: crate::app::session::Vault, now| async move {
            v.undo_withdrawal(&id, now, local_day).await
        };
        match session.write(undo).await {
            Ok(()) => status.post(phrases::withdrawal_undone(lang, &purpose)),
            Err(e) => status.post(crate::i18n::errors::describe(lang, &e)),
        }
    });
}

/// "Withdraw consent to Newsletter?", with what that records, "Yes, withdraw" and Cancel.
/// Cancel has the focus (the safe choice); Escape cancels.
#[component]
fn WithdrawQuestion(
    purpose: String,
    on_confirm: impl Fn() + Send + Sync + 'static,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            on_cancel();
        }
    };
    view! {
        <div
            class="callout danger"
            role="alertdialog"
            aria-labelledby="withdraw-question"
            aria-describedby="withdraw-explained"
            on:keydown=on_keydown
        >
            <p id="withdraw-question"><strong>{move || phrases::withdraw_question(locale.get(), &purpose)}</strong></p>
            <p id="withdraw-explained" class="hint">{move || phrases::withdraw_explained(locale.get())}</p>
            <div class="actions">
                <button type="button" class="button danger" on:click=move |_| on_confirm()>
                    {move || locale.t(Text::ConfirmWithdraw)}
                </button>
                <button type="button" id=CANCEL_ID class="button secondary" on:click=move |_| on_cancel()>
                    {move || locale.t(Text::Cancel)}
                </button>
            </div>
        </div>
    }
}
