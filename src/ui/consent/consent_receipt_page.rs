//! A consent receipt for the person it concerns: a printable page, and the same as JSON with
//! the Kantara Consent Receipt v1.1 fields.

use crate::app::clock::local_day;
use crate::domain::consent::State;
use crate::i18n::phrases::history::stored_text;
use crate::i18n::{format, phrases, Lang, Text};
use crate::portability::receipt::kantara_receipt;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::save_text;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ConsentReceiptPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let id = StoredValue::new(id);
    // (consent, purpose, contact id, contact name, subject's identifier, JSON receipt)
    let found = Memo::new(move |_| {
        let id = id.get_value();
        session.data.with(|d| {
            let c = d.consents.get(&id)?;
            let p = d.purposes.get(&c.data.purpose_id)?;
            let contact = d.contacts.get(&c.data.contact_id);
            let name = contact.map(|x| x.data.display_name()).unwrap_or_default();
            let subject = contact
                .and_then(|x| x.data.emails.first().map(|e| e.value.clone()))
                .unwrap_or_else(|| c.data.contact_id.clone());
            let expires = match c.data.state(local_day(chrono::Utc::now()), local_day) {
                State::Given { until } => until,
                State::Expired { on } => Some(on),
                _ => None,
            };
            let profile = d.profile().map(|p| &p.data);
            // The file is for the person: what Folio stored as a code is worded in the
            // consent's language where Folio speaks it, else in the interface's.
            let lang = Lang::from_code(c.data.language.get(..2).unwrap_or_default())
                .unwrap_or_else(|| locale.lang.get_untracked());
            let worded = move |how: &str| stored_text(lang, how);
            let json = kantara_receipt(&id, &c.data, &p.data, profile, &subject, expires, &worded);
            Some((
                c.data.clone(),
                p.data.clone(),
                c.data.contact_id.clone(),
                name,
                subject,
                json.to_string(),
            ))
        })
    });
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let download = move |_| {
        if let Some((.., json)) = found.get_untracked() {
            let pretty = serde_json::from_str::<serde_json::Value>(&json)
                .and_then(|v| serde_json::to_string_pretty(&v))
                .unwrap_or(json);
            let name = format!("consent-receipt-{}.json", id.get_value());
            if let Err(e) = save_text(&name, "application/json", &pretty) {
                failure.set(Some(e));
            }
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page printable" aria-labelledby="receipt-heading">
            <h1 id="receipt-heading">{t(Text::ReceiptHeading)}</h1>
            {move || match found.get() {
                None => view! { <p class="form-error" role="alert">{locale.t(Text::ConsentNotFound)}</p> }.into_any(),
                Some((c, p, contact_id, name, subject, _)) => {
                    let lang = locale.get();
                    let controller = session.data.with(|d| d.profile().map(|p| {
                        [Some(p.data.name.clone()), p.data.address.clone(), p.data.email.clone(), p.data.phone.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ")
                    }));
                    let state = c.state(local_day(chrono::Utc::now()), local_day);
                    let link_name = name.clone();
                    let row = move |label: Text, value: String| {
                        let value = if value.trim().is_empty() { Text::NoneWord.get(lang).to_string() } else { value };
                        view! { <dt>{label.get(lang)}</dt> <dd>{value}</dd> }
                    };
                    view! {
                        <p class="lead">{locale.t(Text::ReceiptLead)}</p>
                        <div class="actions no-print">
                            <button type="button" class="button" on:click=print>{locale.t(Text::Print)}</button>
                            <button type="button" class="button secondary" on:click=download>{locale.t(Text::DownloadJson)}</button>
                            <A href=format!("/contacts/{contact_id}")>{link_name}</A>
                        </div>
                        <ActionError failure/>
                        <dl class="facts">
                            {row(Text::ReceiptId, id.get_value())}
                            {row(Text::Controller, controller.unwrap_or_else(|| Text::ControllerMissing.get(lang).to_string()))}
                            {row(Text::DataSubject, format!("{name} ({subject})"))}
                            {row(Text::PurposeLabel, p.name.clone())}
                            {row(Text::LawfulBasisLabel, phrases::basis_with_article(lang, p.basis))}
                            {row(Text::DataCategories, p.data_categories.clone())}
                            {row(Text::Recipients, p.recipients.clone())}
                            {row(Text::Retention, p.retention.clone())}
                            {row(Text::NoticeLabel, c.notice.clone())}
                            {c.notice_sha256.clone().map(|h| row(Text::NoticeHash, h))}
                            {row(Text::MethodLabel, phrases::method(c.method).get(lang).to_string())}
                            {row(Text::RequestLanguage, c.language.clone())}
                            {row(Text::ChannelLabel, c.channel.clone())}
                            {c.proof_sha256.clone().map(|h| row(Text::ProofHash, h))}
                            {row(Text::CurrentState, phrases::consent_state(lang, state))}
                        </dl>
                        <h2>{Text::History.get(lang)}</h2>
                        <ol class="consent-events">
                            {c.events().iter().map(|e| view! {
                                <li>
                                    <time datetime=e.at.to_rfc3339()>{format::date_time(lang, e.at)}</time>
                                    " " {phrases::event_kind(e.kind).get(lang)}
                                    {(!e.how.is_empty()).then(|| format!(" — {}", crate::i18n::phrases::history::stored_text(lang, &e.how)))}
                                </li>
                            }).collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
