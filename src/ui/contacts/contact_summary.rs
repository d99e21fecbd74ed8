//! The head of a contact's page, what must be seen at a glance: organisation (linked), role,
//! e-mails and phones, the consent state per purpose as badges, objections and restrictions in
//! force, and retention holds; and the rest of the details, shown beside the timeline.
//! Queries come from `app`; this only draws them. Must not import another feature folder
//! except the hold badge of deals.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::domain::consent::State;
use crate::domain::contact::Labelled;
use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

/// "jana@firma.cz (work)" for a labelled value.
fn labelled(item: &Labelled) -> String {
    if item.label.is_empty() {
        item.value.clone()
    } else {
        format!("{} ({})", item.value, item.label)
    }
}

/// The badge class of a consent state: given, ended (refused, withdrawn, expired) or none.
fn state_class(state: &State) -> &'static str {
    match state {
        State::Given { .. } => "badge consent-badge given",
        State::None => "badge consent-badge",
        State::Refused | State::Withdrawn { .. } | State::Expired { .. } => {
            "badge consent-badge ended"
        }
    }
}

#[component]
pub fn ContactSummary(contact_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let id = StoredValue::new(contact_id);
    let contact = Memo::new(move |_| {
        session
            .data
            .with(|d| d.contacts.get(&id.get_value()).map(|c| c.data.clone()))
    });
    let consents = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        session
            .data
            .with(|d| d.consent_states_of(&id.get_value(), today, local_day))
    });
    let limits = Memo::new(move |_| {
        session
            .data
            .with(|d| d.limits_in_force(&id.get_value(), chrono::Utc::now()))
    });
    let facts = move || {
        let c = contact.get()?;
        let organisation = c.organisation_id.as_ref().and_then(|oid| {
            session.data.with(|d| {
                d.organisations
                    .get(oid)
                    .map(|o| (oid.clone(), o.data.name.clone()))
            })
        });
        let row = |label: Text, value: AnyView| {
            view! { <div class="fact-row"><dt>{locale.t(label)}</dt><dd>{value}</dd></div> }
        };
        let links = |items: &[Labelled], scheme: &'static str| {
            items
                .iter()
                .map(|i| {
                    let href =
                        format!("{scheme}{}", i.value.split_whitespace().collect::<String>());
                    view! { <span class="summary-value"><a href=href>{labelled(i)}</a></span> }
                })
                .collect_view()
        };
        Some(view! {
            <dl class="details summary-facts">
                {organisation.map(|(oid, name)| row(Text::Organisation, view! { <A href=format!("/organisations/{oid}")>{name}</A> }.into_any()))}
                {(!c.role.is_empty()).then(|| row(Text::Role, c.role.clone().into_any()))}
                {(!c.emails.is_empty()).then(|| row(Text::Email, links(&c.emails, "mailto:").into_any()))}
                {(!c.phones.is_empty()).then(|| row(Text::Phone, links(&c.phones, "tel:").into_any()))}
            </dl>
        })
    };
    let badges = move || {
        let lang = locale.get();
        let consents = consents.get();
        let limits = limits.get();
        if consents.is_empty() && limits.is_empty() {
            return None;
        }
        Some(view! {
            <ul class="badges" aria-label=Text::ConsentByPurpose.get(lang)>
                {limits
                    .into_iter()
                    .map(|(kind, purpose)| {
                        let what = crate::i18n::phrases::history::limit_kind(kind);
                        let scope = purpose.unwrap_or_else(|| Text::AllPurposes.get(lang).to_string());
                        view! { <li class="badge limit-badge" data-testid="limit-badge">{format!("{}: {scope}", what.get(lang))}</li> }
                    })
                    .collect_view()}
                {consents
                    .into_iter()
                    .map(|(purpose, state)| {
                        let class = state_class(&state);
                        view! { <li class=class data-testid="consent-badge">{format!("{purpose}: {}", phrases::consent_state(lang, state))}</li> }
                    })
                    .collect_view()}
            </ul>
        })
    };
    view! {
        <div class="contact-summary">
            {facts}
            {badges}
            <crate::ui::deals::documents_panel::HoldBadge subject_id=id.get_value()/>
        </div>
    }
}

/// The rest of a contact's details: IČO, VAT id, addresses, birthday, tags, preferences, notes.
#[component]
pub fn ContactDetails(contact_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let id = StoredValue::new(contact_id);
    move || {
        let c = session
            .data
            .with(|d| d.contacts.get(&id.get_value()).map(|c| c.data.clone()))?;
        let lang = locale.get();
        let rows: Vec<(Text, String)> = vec![
            (Text::Ico, c.ico.clone().unwrap_or_default()),
            (Text::VatId, c.vat_id.clone().unwrap_or_default()),
            (
                Text::Addresses,
                c.addresses
                    .iter()
                    .map(|a| {
                        let value = a.value.lines().collect::<Vec<_>>().join(", ");
                        if a.label.is_empty() {
                            value
                        } else {
                            format!("{value} ({})", a.label)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            (
                Text::Birthday,
                c.birthday
                    .map(|b| format::birthday(lang, b))
                    .unwrap_or_default(),
            ),
            (Text::Tags, c.tags.join(", ")),
            (
                Text::Preferences,
                c.preferences
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            (Text::Notes, c.notes.clone()),
            (
                Text::Source,
                c.source
                    .as_ref()
                    .map(|s| phrases::source_text(lang, s))
                    .unwrap_or_default(),
            ),
            (Text::InformedOn, phrases::notice::informed(lang, &c)),
        ];
        let rows: Vec<(Text, String)> = rows.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="panel" aria-labelledby="contact-details-heading">
                    <h2 id="contact-details-heading">{Text::ContactDetailsHeading.get(lang)}</h2>
                    <dl class="more-details">
                        {rows
                            .into_iter()
                            .map(|(label, value)| view! { <div class="fact-row"><dt>{label.get(lang)}</dt><dd>{value}</dd></div> })
                            .collect_view()}
                    </dl>
                </section>
            }
        })
    }
}
