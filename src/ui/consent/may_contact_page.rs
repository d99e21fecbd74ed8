//! "May I contact?": for a chosen purpose and today, the contacts Folio may process, and every
//! other contact with the reason it is excluded; the first list downloads as CSV (name, e-mail).

use crate::app::clock::local_day;
use crate::app::service::VaultSnapshot;
use crate::domain::consent::{eligibility, ConsentRecord, Exclusion, Limit};
use crate::domain::search::fold;
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::save_text;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::HashMap;

/// (contact id, name, first e-mail) of who may be processed, and (id, name, why) of the rest.
type Answer = (
    Vec<(String, String, String)>,
    Vec<(String, String, Exclusion)>,
);

fn answer(d: &VaultSnapshot, purpose_id: &str, now: chrono::DateTime<chrono::Utc>) -> Answer {
    let Some(purpose) = d.purposes.get(purpose_id) else {
        return (vec![], vec![]);
    };
    // Consents to this purpose and limits, by contact (one pass each, not one per contact).
    let mut consents: HashMap<&str, Vec<&ConsentRecord>> = HashMap::new();
    for r in d
        .consents
        .values()
        .filter(|r| r.data.purpose_id == purpose_id)
    {
        consents
            .entry(r.data.contact_id.as_str())
            .or_default()
            .push(&r.data);
    }
    let mut limits: HashMap<&str, Vec<&Limit>> = HashMap::new();
    for l in d.limits.values() {
        limits
            .entry(l.data.contact_id.as_str())
            .or_default()
            .push(&l.data);
    }
    // The do-not-contact list holds addresses, not people: any of theirs excludes them.
    let listed = d.do_not_contact_list();
    let on_list = |c: &crate::domain::contact::Contact| {
        listed.reason_for_any(
            c.emails.iter().map(|e| e.value.as_str()),
            c.phones.iter().map(|p| p.value.as_str()),
        )
    };
    let people = d.outreach_people();
    let nobody = crate::domain::outreach::Person::default();
    let mut eligible = Vec::new();
    let mut excluded = Vec::new();
    for c in d.contacts.values() {
        let name = c.data.display_name();
        let answer = eligibility(
            purpose_id,
            &purpose.data,
            c.data.restricted,
            people.get(&c.id).unwrap_or(&nobody),
            consents.get(c.id.as_str()).into_iter().flatten().copied(),
            limits.get(c.id.as_str()).into_iter().flatten().copied(),
            now,
            local_day,
        );
        // The person's own "no" is named before any other reason: an objection or restriction
        // (with its date and words), else an address on the do-not-contact list.
        let answer = match (answer, on_list(&c.data)) {
            (Err(own @ (Exclusion::Objected(..) | Exclusion::Restricted(..))), _) => Err(own),
            (_, Some(r)) => Err(Exclusion::DoNotContact(r)),
            (answer, None) => answer,
        };
        match answer {
            Ok(()) => {
                let email = c
                    .data
                    .emails
                    .first()
                    .map(|e| e.value.clone())
                    .unwrap_or_default();
                eligible.push((c.id.clone(), name, email));
            }
            Err(why) => excluded.push((c.id.clone(), name, why)),
        }
    }
    eligible.sort_by_key(|(_, n, _)| fold(n));
    excluded.sort_by_key(|(_, n, _)| fold(n));
    (eligible, excluded)
}

#[component]
pub fn MayContactPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let purposes = Memo::new(move |_| crate::ui::consent::consent_form::active_purposes(session));
    let chosen = RwSignal::new(String::new());
    let purpose_id = move || {
        let c = chosen.get();
        if c.is_empty() {
            purposes.with(|p| p.first().map(|(id, _)| id.clone()).unwrap_or_default())
        } else {
            c
        }
    };
    let result = Memo::new(move |_| {
        let id = purpose_id();
        session.data.with(|d| answer(d, &id, chrono::Utc::now()))
    });
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let download = move |_| {
        let mut csv = String::from("name,email\r\n");
        for (_, name, email) in result.get_untracked().0 {
            csv.push_str(&format!(
                "{},{}\r\n",
                crate::portability::csv_field(&name),
                crate::portability::csv_field(&email)
            ));
        }
        let file = purposes.with_untracked(|p| {
            let id = purpose_id();
            p.iter()
                .find(|(pid, _)| *pid == id)
                .map(|(_, n)| fold(n).replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
                .unwrap_or_default()
        });
        if let Err(e) = save_text(&format!("may-contact-{file}.csv"), "text/csv", &csv) {
            failure.set(Some(e));
        }
    };
    view! {
        <section class="page" aria-labelledby="may-contact-heading">
            <h1 id="may-contact-heading">{t(Text::MayContactHeading)}</h1>
            <p class="lead">{t(Text::MayContactLead)}</p>
            <Show when=move || purposes.with(|p| !p.is_empty()) fallback=move || view! { <p class="empty-state">{t(Text::NoActivePurposes)} " " <A href="/purposes">{t(Text::PurposesHeading)}</A></p> }>
                <div class="toolbar">
                    <div class="field">
                        <label for="may-contact-purpose">{t(Text::PurposeLabel)}</label>
                        <select id="may-contact-purpose" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {move || purposes.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                {move || {
                    let lang = locale.get();
                    session.data.with(|d| {
                        d.purposes.get(&purpose_id()).map(|p| {
                            format!("{}: {}", Text::LawfulBasisLabel.get(lang), phrases::basis_with_article(lang, p.data.basis))
                        })
                    }).map(|text| view! { <p class="hint">{text}</p> })
                }}
                <section class="panel" aria-labelledby="eligible-heading">
                    <h2 id="eligible-heading">{move || format!("{} ({})", locale.t(Text::Eligible), result.with(|r| r.0.len()))}</h2>
                    <div class="actions">
                        <button type="button" class="button secondary" on:click=download>{t(Text::DownloadCsv)}</button>
                    </div>
                    <ActionError failure/>
                    {move || {
                        let list = result.with(|r| r.0.clone());
                        if list.is_empty() {
                            return view! { <p class="empty-state">{locale.t(Text::NoOneEligible)}</p> }.into_any();
                        }
                        view! {
                            <ul class="simple-list" data-testid="eligible">
                                {list.into_iter().map(|(id, name, email)| view! {
                                    <li><A href=format!("/contacts/{id}")>{name}</A> <span class="contact-detail">{email}</span></li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </section>
                <section class="panel" aria-labelledby="excluded-heading">
                    <h2 id="excluded-heading">{move || format!("{} ({})", locale.t(Text::Excluded), result.with(|r| r.1.len()))}</h2>
                    {move || {
                        let lang = locale.get();
                        let list = result.with(|r| r.1.clone());
                        if list.is_empty() {
                            return view! { <p class="empty-state">{locale.t(Text::NoOneExcluded)}</p> }.into_any();
                        }
                        view! {
                            <ul class="simple-list" data-testid="excluded">
                                {list.into_iter().map(|(id, name, why)| view! {
                                    <li><A href=format!("/contacts/{id}")>{name}</A> <span class="contact-detail">{phrases::exclusion(lang, &why)}</span></li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </section>
            </Show>
        </section>
    }
}
