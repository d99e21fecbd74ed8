//! The access report for one person (GDPR Art. 15): their data, the purposes and lawful bases,
//! recipients, retention (with retention holds), source, their rights; printable, with the data
//! as JSON (Art. 20) and the contact card as CSV.

use crate::app::clock::local_day;
use crate::app::AppError;
use crate::i18n::{format, phrases, Text};
use crate::portability::contacts_out;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::save_text;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn AccessPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let id_value = StoredValue::new(id.clone());
    let failure = RwSignal::new(None::<AppError>);
    // Download names carry the date, never the person's name: the browser's download history
    // keeps them after an erasure.
    let day = move || crate::app::clock::local_day(chrono::Utc::now()).to_string();
    let download_json = move |_| {
        spawn_local(async move {
            match session.subject_json(id_value.get_value()).await {
                Ok(text) => {
                    let name = format!("folio-access-{}.json", day());
                    if let Err(e) = save_text(&name, "application/json", &text) {
                        failure.set(Some(e));
                    }
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let download_csv = move |_| {
        let row = session.data.with_untracked(|d| {
            d.contacts.get(&id_value.get_value()).map(|c| {
                let org = c
                    .data
                    .organisation_id
                    .as_ref()
                    .and_then(|o| d.organisations.get(o))
                    .map(|o| o.data.name.clone())
                    .unwrap_or_default();
                contacts_out::csv_row(&c.data, &org, &d.objections_text(&c.id, chrono::Utc::now()))
            })
        });
        if let Some(row) = row {
            let text = format!("{}\r\n{row}\r\n", contacts_out::CSV_HEADER);
            let name = format!("folio-contact-{}.csv", day());
            if let Err(e) = save_text(&name, "text/csv", &text) {
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
        <section class="page printable" aria-labelledby="access-heading">
            <p class="no-print"><A href=format!("/contacts/{id}")>{t(Text::BackToContacts)}</A></p>
            <h1 id="access-heading">{t(Text::AccessHeading)}</h1>
            <p class="lead no-print">{t(Text::AccessLead)}</p>
            <div class="actions no-print">
                <button type="button" class="button" on:click=print>{t(Text::Print)}</button>
                <button type="button" class="button secondary" on:click=download_json>{t(Text::DownloadAccessJson)}</button>
                <button type="button" class="button secondary" on:click=download_csv>{t(Text::DownloadContactCsv)}</button>
            </div>
            <ActionError failure/>
            {move || {
                let lang = locale.get();
                let id = id_value.get_value();
                session.data.with(|d| {
                    let Some(contact) = d.contacts.get(&id) else {
                        return view! { <p class="form-error" role="alert">{locale.t(Text::ContactNotFound)}</p> }.into_any();
                    };
                    let c = &contact.data;
                    let today = local_day(chrono::Utc::now());
                    let controller = d.profile().map(|p| {
                        let p = &p.data;
                        [Some(p.name.clone()), p.address.clone(), p.email.clone(), p.phone.clone(), p.ico.as_ref().map(|i| format!("IČO {i}"))]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(", ")
                    });
                    let consents: Vec<_> = d.consents.values().filter(|r| r.data.contact_id == id).collect();
                    // Only the purposes that apply to this person: by audience, basis and
                    // consent state, and none they objected to.
                    let purposes: Vec<_> = d.purposes_for(&id, chrono::Utc::now(), local_day).into_iter().map(|(_, p)| p).collect();
                    let holds = crate::domain::document::holds_on(&id, d.documents.iter().map(|(k, r)| (k, &r.data)), today);
                    let sources: Vec<String> = c
                        .source
                        .iter()
                        .map(|s| phrases::source_text(lang, s))
                        .chain(consents.iter().map(|c| c.data.source.clone()).filter(|s| !s.is_empty()))
                        .collect();
                    let mut activities: Vec<_> = d.activities.values().filter(|a| a.data.contact_id == id).map(|a| a.data.clone()).collect();
                    activities.sort_by_key(|a| std::cmp::Reverse(a.at));
                    let informed = phrases::notice::informed(lang, c);
                    let deals: Vec<String> = d.deals.values().filter(|x| x.data.contact_ids.contains(&id)).map(|x| x.data.title.clone()).collect();
                    let documents: Vec<String> = d
                        .documents
                        .values()
                        .filter(|x| x.data.contact_ids.contains(&id))
                        .map(|x| format!("{} {} ({})", locale.t(phrases::document_kind(x.data.kind)), x.data.number, phrases::day(lang, x.data.date)))
                        .collect();
                    // Who actually received their data (Art. 15(1)(c)): recipient, data, date, purpose.
                    let recipients: Vec<String> = d
                        .disclosures_of(&id)
                        .into_iter()
                        .rev()
                        .map(|(_, x)| {
                            let mut line = format!("{} — {} ({})", x.recipient_name(|p| d.processor_name(p)), x.data, phrases::day(lang, x.on));
                            if let Some(p) = x.purpose_id.as_deref().and_then(|p| d.purposes.get(p)) {
                                line.push_str(&format!(", {}", p.data.name));
                            }
                            line
                        })
                        .collect();
                    let row = |label: String, value: String| view! { <div class="fact-row"><dt>{label}</dt><dd>{value}</dd></div> };
                    let list = |l: &[crate::domain::contact::Labelled]| l.iter().map(|x| x.value.clone()).collect::<Vec<_>>().join(", ");
                    let organisation = c.organisation_id.as_ref().and_then(|o| d.organisations.get(o)).map(|o| o.data.name.clone()).unwrap_or_default();
                    view! {
                        <dl class="details">
                            {row(locale.t(Text::DataSubject).to_string(), c.display_name())}
                            {row(locale.t(Text::Controller).to_string(), controller.unwrap_or_else(|| locale.t(Text::ControllerMissing).to_string()))}
                            {row(locale.t(Text::AccessPreparedOn).to_string(), format::date(lang, chrono::Utc::now()))}
                        </dl>
                        <h2>{locale.t(Text::AccessDataHeading)}</h2>
                        <dl class="details" data-testid="access-data">
                            {row(locale.t(Text::GivenName).to_string(), c.given_name.clone())}
                            {row(locale.t(Text::FamilyName).to_string(), c.family_name.clone())}
                            {(!c.emails.is_empty()).then(|| row(locale.t(Text::Email).to_string(), list(&c.emails)))}
                            {(!c.phones.is_empty()).then(|| row(locale.t(Text::Phone).to_string(), list(&c.phones)))}
                            {(!organisation.is_empty()).then(|| row(locale.t(Text::Organisation).to_string(), organisation.clone()))}
                            {(!c.role.is_empty()).then(|| row(locale.t(Text::Role).to_string(), c.role.clone()))}
                            {c.ico.clone().map(|v| row(locale.t(Text::Ico).to_string(), v))}
                            {c.vat_id.clone().map(|v| row(locale.t(Text::VatId).to_string(), v))}
                            {c.addresses.iter().map(|a| {
                                let label = if a.label.is_empty() { locale.t(Text::Address).to_string() } else { format!("{} ({})", locale.t(Text::Address), a.label) };
                                row(label, a.value.lines().collect::<Vec<_>>().join(", "))
                            }).collect_view()}
                            {c.birthday.map(|b| row(locale.t(Text::Birthday).to_string(), format::birthday(lang, b)))}
                            {(!c.tags.is_empty()).then(|| row(locale.t(Text::Tags).to_string(), c.tags.join(", ")))}
                            {(!c.notes.is_empty()).then(|| row(locale.t(Text::Notes).to_string(), c.notes.clone()))}
                            {(!c.preferences.is_empty()).then(|| row(
                                locale.t(Text::AccessPreferences).to_string(),
                                c.preferences.iter().map(|(k, v)| if v.is_empty() { k.clone() } else { format!("{k}: {v}") }).collect::<Vec<_>>().join("; "),
                            ))}
                        </dl>
                        <h2>{locale.t(Text::AccessPurposesHeading)}</h2>
                        {purposes.is_empty().then(|| view! { <p class="hint">{locale.t(Text::AccessNoPurposes)}</p> })}
                        <ul class="simple-list purposes-list" data-testid="access-purposes">
                            {purposes
                                .into_iter()
                                .map(|p| {
                                    let basis = phrases::basis_with_article(locale.get(), p.basis);
                                    let or_not = |s: &str| if s.is_empty() { locale.t(Text::NotStated).to_string() } else { s.to_string() };
                                    view! {
                                        <li>
                                            <div>
                                                <strong>{p.name.clone()}</strong>
                                                {format!(" — {basis}")}
                                                <br/>
                                                {format!("{}: {}", locale.t(Text::AccessRecipients), or_not(&p.recipients))}
                                                <br/>
                                                {format!("{}: {}", locale.t(Text::AccessRetention), or_not(&p.retention))}
                                            </div>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        {(!holds.is_empty()).then(|| view! {
                            <p data-testid="access-holds">
                                {format!("{}: ", locale.t(Text::RetentionHold))}
                                {holds.iter().map(|h| format!("{} {} — {}", locale.t(phrases::document_kind(h.kind)), h.number, phrases::keep_until(lang, h.until))).collect::<Vec<_>>().join("; ")}
                            </p>
                        })}
                        <h2>{locale.t(Text::AccessActualRecipients)}</h2>
                        {if recipients.is_empty() {
                            view! { <p>{locale.t(Text::AccessNoRecipients)}</p> }.into_any()
                        } else {
                            view! { <ul data-testid="access-recipients">{recipients.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }.into_any()
                        }}
                        <h2>{locale.t(Text::AccessSource)}</h2>
                        <p data-testid="access-source">{if sources.is_empty() { locale.t(Text::AccessSourceDirect).to_string() } else { sources.join("; ") }}</p>
                        {(!informed.is_empty()).then(|| view! { <p>{format!("{}: {informed}", locale.t(Text::AccessInformed))}</p> })}
                        <h2>{locale.t(Text::AccessRecordsHeading)}</h2>
                        <dl class="details">
                            {row(locale.t(Text::ConsentPanelHeading).to_string(), if consents.is_empty() {
                                locale.t(Text::NoneWord).to_string()
                            } else {
                                consents.iter().map(|c| {
                                    let purpose = d.purposes.get(&c.data.purpose_id).map(|p| p.data.name.clone()).unwrap_or_default();
                                    format!("{purpose}: {}", phrases::consent_state(lang, c.data.state(today, local_day)))
                                }).collect::<Vec<_>>().join("; ")
                            })}
                            {row(locale.t(Text::DealsHeading).to_string(), if deals.is_empty() { locale.t(Text::NoneWord).to_string() } else { deals.join("; ") })}
                            {row(locale.t(Text::DocumentsHeading).to_string(), if documents.is_empty() { locale.t(Text::NoneWord).to_string() } else { documents.join("; ") })}
                        </dl>
                        <h2>{locale.t(Text::AccessActivitiesHeading)}</h2>
                        {activities.is_empty().then(|| view! { <p class="hint">{locale.t(Text::NoneWord)}</p> })}
                        <ul class="simple-list" data-testid="access-activities">
                            {activities
                                .iter()
                                .map(|a| view! {
                                    <li>{format!("{} · {} · {}", format::date(lang, a.at), locale.t(phrases::history::activity_kind(a.kind)), a.subject)}</li>
                                })
                                .collect_view()}
                        </ul>
                        <crate::ui::breaches::access_breaches::AccessBreaches contact_id=id_value.get_value()/>
                        <h2>{locale.t(Text::AccessRightsHeading)}</h2>
                        <p>{locale.t(Text::AccessRights)}</p>
                    }
                    .into_any()
                })
            }}
        </section>
    }
}
