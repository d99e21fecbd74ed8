//! A list of audit events, newest first, field by field (before → after), with their time.

use crate::domain::audit::AuditEvent;
use crate::i18n::{format, phrases, Lang, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

/// The user's word for a field name of the audit trail.
pub fn field_label(field: &str) -> Option<Text> {
    Some(match field {
        "given_name" => Text::GivenName,
        "family_name" => Text::FamilyName,
        "email" => Text::Email,
        "phone" => Text::Phone,
        "organisation" => Text::Organisation,
        "role" => Text::Role,
        "ico" => Text::Ico,
        "vat_id" => Text::VatId,
        "address" => Text::Address,
        "tags" => Text::Tags,
        "preferences" => Text::Preferences,
        "notes" => Text::Notes,
        "name" => Text::Name,
        "kind" => Text::ActivityKindLabel,
        "at" => Text::When,
        "subject" => Text::Subject,
        "body" => Text::Body,
        "website" => Text::Website,
        "merged_from" => Text::MergeHeading,
        "title" => Text::DealTitle,
        "stage" => Text::StageLabel,
        "value" => Text::DealValue,
        "expected_close" => Text::ExpectedClose,
        "probability" => Text::ProbabilityLabel,
        "contacts" => Text::DealContacts,
        "outcome_reason" => Text::OutcomeReason,
        "number" => Text::DocumentNumber,
        "date" => Text::DocumentDate,
        "amount" => Text::AmountLabel,
        "note" => Text::DocumentNote,
        "deal" => Text::DealLabel,
        "contract_end" => Text::ContractEnd,
        "retain_until" => Text::RetainUntil,
        "retention_reason" => Text::RetentionReason,
        "due" => Text::DueDate,
        "done" => Text::DoneLabel,
        "contact" => Text::NavContacts,
        "stages" => Text::PipelineHeading,
        "received" => Text::RequestReceived,
        "extended_to" => Text::RequestDue,
        "extension_reason" => Text::ExtensionReason,
        "status" => Text::RequestStatusLabel,
        "steps" => Text::RequestSteps,
        "outcome" => Text::RequestOutcome,
        "deleted_activities" => Text::ErasedActivities,
        "deleted_consents" => Text::ErasedConsents,
        "deleted_limits" => Text::ErasedLimits,
        "deleted_tasks" => Text::ErasedTasks,
        "deleted_documents" => Text::ErasedDocuments,
        "unlinked_documents" => Text::UnlinkedDocuments,
        "unlinked_deals" => Text::UnlinkedDeals,
        "erased_history_events" => Text::ErasedHistoryEvents,
        "restricted_until" => Text::RestrictedUntil,
        "request" => Text::RequestLabel,
        _ => return None,
    })
}

fn field_name(lang: Lang, field: &str) -> String {
    field_label(field)
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| field.to_string())
}

#[component]
pub fn HistoryList(
    #[prop(into)] events: Signal<Vec<AuditEvent>>,
    #[prop(optional)] show_entity: bool,
) -> impl IntoView {
    let locale = use_locale();
    move || {
        let lang = locale.get();
        let mut list = events.get();
        list.reverse();
        if list.is_empty() {
            return view! { <p class="empty-state">{locale.t(Text::NoHistory)}</p> }.into_any();
        }
        view! {
            <ol class="history">
                {list
                    .into_iter()
                    .map(|e| {
                        let title = if show_entity {
                            format!(
                                "#{} · {} · {} {}",
                                e.seq,
                                phrases::action(lang, e.action),
                                phrases::entity_kind(lang, &e.entity_kind),
                                e.entity_id
                            )
                        } else {
                            phrases::action(lang, e.action).to_string()
                        };
                        view! {
                            <li class="history-event">
                                <p class="history-head">
                                    <strong>{title}</strong>
                                    " "
                                    <time datetime=e.at.to_rfc3339()>{format::date_time(lang, e.at)}</time>
                                </p>
                                {(!e.changes.is_empty())
                                    .then(|| {
                                        view! {
                                            <table class="changes">
                                                <thead>
                                                    <tr>
                                                        <th scope="col">{locale.t(Text::Fields)}</th>
                                                        <th scope="col">{locale.t(Text::Before)}</th>
                                                        <th scope="col">{locale.t(Text::After)}</th>
                                                    </tr>
                                                </thead>
                                                <tbody>
                                                    {e
                                                        .changes
                                                        .iter()
                                                        .map(|c| {
                                                            let empty = locale
                                                                .t(if c.is_erased() { Text::ErasedValue } else { Text::NoValue })
                                                                .to_string();
                                                            view! {
                                                                <tr>
                                                                    <th scope="row">{field_name(lang, &c.field)}</th>
                                                                    <td>{c.before.clone().unwrap_or_else(|| empty.clone())}</td>
                                                                    <td>{c.after.clone().unwrap_or(empty)}</td>
                                                                </tr>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </tbody>
                                            </table>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    }
}
