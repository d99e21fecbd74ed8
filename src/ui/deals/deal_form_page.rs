//! Create or edit a deal: title, stage, value and currency, expected close, probability, its
//! contacts (found by name) and organisation, notes, why it was won or lost, and the sale's
//! facts for the soft opt-in (e-mail collected with it, refusal offered on). A new deal
//! opened from a contact (`?contact=…`) starts with that contact and its organisation.
//! Escape cancels.

use crate::domain::deal::{fields, DealDraft};
use crate::domain::search::fold;
use crate::i18n::{phrases, Text};
use crate::ui::common::choice_fields::{CheckboxField, IdSelect};
use crate::ui::common::form_state::{
    escape_cancels, record_from_route, FormActions, FormPage, FormState,
};
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// At most this many matches are offered while typing a contact's name.
const MATCHES: usize = 8;

#[component]
pub fn DealFormPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let for_contact = use_query_map().with_untracked(|q| q.get("contact"));
    let separator = untrack(|| locale.get()).decimal_separator();
    let (route, existing) = record_from_route(session, |d, id| {
        d.deals
            .get(id)
            .map(|r| DealDraft::from_deal(&r.data, separator))
    });
    let draft = existing.unwrap_or_else(|| {
        let pipeline = session.data.with_untracked(|d| d.pipeline());
        let organisation = for_contact.as_ref().and_then(|c| {
            session.data.with_untracked(|d| {
                d.contacts
                    .get(c)
                    .and_then(|c| c.data.organisation_id.clone())
            })
        });
        DealDraft {
            stage: pipeline
                .first_open()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            currency: "CZK".into(),
            contact_ids: for_contact.clone().into_iter().collect(),
            organisation_id: organisation,
            ..DealDraft::default()
        }
    });
    let title = RwSignal::new(draft.title);
    let stage = RwSignal::new(draft.stage);
    let value = RwSignal::new(draft.value);
    let currency = RwSignal::new(draft.currency);
    let expected_close = RwSignal::new(draft.expected_close);
    let probability = RwSignal::new(draft.probability);
    let contacts = RwSignal::new(draft.contact_ids);
    let organisation = RwSignal::new(draft.organisation_id.unwrap_or_default());
    let notes = RwSignal::new(draft.notes);
    let outcome_reason = RwSignal::new(draft.outcome_reason);
    let email_collected = RwSignal::new(draft.email_collected);
    let refusal_offered = RwSignal::new(draft.refusal_offered);
    let find = RwSignal::new(String::new());
    let form = FormState::new();
    let error_for = move |field: &'static str| form.error_for(field);
    let navigate = StoredValue::new_local(use_navigate());
    let back = StoredValue::new(match (route.id.get_value(), &for_contact) {
        (Some(id), _) => format!("/deals/{id}"),
        (None, Some(c)) => format!("/contacts/{c}"),
        (None, None) => "/deals".to_string(),
    });
    let go = move |to: String| navigate.with_value(|n| n(&to, Default::default()));
    let cancel = move || go(back.get_value());
    escape_cancels(cancel);

    let name_of = move |cid: &str| {
        session.data.with_untracked(|d| {
            d.contacts
                .get(cid)
                .map(|c| c.data.display_name())
                .unwrap_or_else(|| cid.to_string())
        })
    };
    let matches = Memo::new(move |_| {
        let q = fold(find.get().trim());
        if q.is_empty() {
            return Vec::new();
        }
        let chosen = contacts.get();
        session.data.with_untracked(|d| {
            d.contacts
                .iter()
                .filter(|(cid, _)| !chosen.contains(cid))
                .map(|(cid, c)| (cid.clone(), c.data.display_name()))
                .filter(|(_, name)| fold(name).contains(&q))
                .take(MATCHES)
                .collect::<Vec<_>>()
        })
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = DealDraft {
            title: title.get_untracked(),
            stage: stage.get_untracked(),
            value: value.get_untracked(),
            currency: currency.get_untracked(),
            expected_close: expected_close.get_untracked(),
            probability: probability.get_untracked(),
            contact_ids: contacts.get_untracked(),
            organisation_id: Some(organisation.get_untracked()).filter(|o| !o.is_empty()),
            notes: notes.get_untracked(),
            outcome_reason: outcome_reason.get_untracked(),
            email_collected: email_collected.get_untracked(),
            refusal_offered: refusal_offered.get_untracked(),
        };
        let separator = untrack(|| locale.get()).decimal_separator();
        let id = route.id.get_value();
        form.submit(
            session,
            move |v, now| async move { v.save_deal(id.as_deref(), &draft, separator, now).await },
            move |id| go(format!("/deals/{id}")),
        );
    };

    let organisations = Signal::derive(move || {
        let mut orgs: Vec<(String, String)> = session.data.with(|d| {
            d.organisations
                .iter()
                .map(|(id, o)| (id.clone(), o.data.name.clone()))
                .collect()
        });
        orgs.sort_by_key(|(_, name)| fold(name));
        orgs
    });
    view! {
        <FormPage route heading_id="deal-form-heading" new=Text::NewDeal edit=Text::EditDeal not_found=Text::DealNotFound>
                <form class="form wide" novalidate=true on:submit=save>
                    <TextField label=Text::DealTitle id="deal-title" value=title error=error_for(fields::TITLE) required=true/>
                    <div class="field">
                        <label for="deal-stage">{t(Text::StageLabel)}</label>
                        <select id="deal-stage" on:change=move |ev| stage.set(event_target_value(&ev))>
                            {move || {
                                let lang = locale.get();
                                session.data.with(|d| d.pipeline())
                                    .stages
                                    .into_iter()
                                    .map(|s| {
                                        let sid = s.id.clone();
                                        view! { <option value=s.id.clone() prop:selected=move || stage.get() == sid>{phrases::stage_name(lang, &s)}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <div class="field-pair">
                        <TextField label=Text::DealValue id="deal-value" value=value error=error_for(fields::VALUE)/>
                        <TextField label=Text::CurrencyLabel id="deal-currency" value=currency error=error_for(fields::CURRENCY) hint=Text::CurrencyHint/>
                    </div>
                    <TextField label=Text::ExpectedClose id="deal-close" value=expected_close input_type="date" error=error_for(fields::EXPECTED_CLOSE)/>
                    <TextField label=Text::ProbabilityLabel id="deal-probability" value=probability error=error_for(fields::PROBABILITY) hint=Text::ProbabilityHint/>
                    <fieldset class="field">
                        <legend>{t(Text::DealContacts)}</legend>
                        <ul class="chosen">
                            {move || {
                                contacts
                                    .get()
                                    .into_iter()
                                    .map(|cid| {
                                        let name = name_of(&cid);
                                        let remove_label = format!("{} {}", locale.t(Text::RemoveWord), name);
                                        view! {
                                            <li>
                                                {name.clone()}
                                                " "
                                                <button
                                                    type="button"
                                                    class="link-button"
                                                    aria-label=remove_label
                                                    on:click=move |_| contacts.update(|list| list.retain(|c| *c != cid))
                                                >
                                                    {locale.t(Text::RemoveWord)}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                        <label for="deal-find-contact">{t(Text::FindContact)}</label>
                        <p class="field-hint" id="deal-find-contact-hint">{t(Text::FindContactHint)}</p>
                        <input
                            id="deal-find-contact"
                            type="search"
                            autocomplete="off"
                            aria-describedby="deal-find-contact-hint"
                            prop:value=move || find.get()
                            on:input=move |ev| find.set(event_target_value(&ev))
                        />
                        <ul class="matches">
                            {move || {
                                matches
                                    .get()
                                    .into_iter()
                                    .map(|(cid, name)| view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="button secondary small"
                                                on:click=move |_| {
                                                    let cid = cid.clone();
                                                    if organisation.get_untracked().is_empty() {
                                                        let org = session.data.with_untracked(|d| d.contacts.get(&cid).and_then(|c| c.data.organisation_id.clone()));
                                                        if let Some(org) = org {
                                                            organisation.set(org);
                                                        }
                                                    }
                                                    contacts.update(|list| list.push(cid));
                                                    find.set(String::new());
                                                }
                                            >
                                                {name}
                                            </button>
                                        </li>
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </fieldset>
                    <IdSelect id="deal-organisation" label=Text::Organisation none=Text::NoOrganisation value=organisation choices=organisations/>
                    <TextField label=Text::Notes id="deal-notes" value=notes error=error_for(fields::NOTES) multiline=true/>
                    <TextField label=Text::OutcomeReason id="deal-outcome-reason" value=outcome_reason error=error_for(fields::OUTCOME_REASON)/>
                    <fieldset class="field">
                        <legend>{t(Text::SaleFactsHeading)}</legend>
                        <CheckboxField id="deal-email-collected" label=Text::EmailCollected checked=email_collected/>
                        <TextField label=Text::RefusalOffered id="deal-refusal-offered" value=refusal_offered input_type="date" error=error_for(fields::REFUSAL_OFFERED)/>
                    </fieldset>
                    <FormActions form on_cancel=cancel/>
                </form>
        </FormPage>
    }
}
