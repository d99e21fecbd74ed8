//! Documents of a deal or a contact: offers, contracts, invoices… with their number, date,
//! amount and how long they must be kept; a form adds or edits one (blank "Retain until" means
//! the kind's default; another date needs a reason); deleting asks first.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::document::{fields, Document, DocumentDraft, DocumentKind};
use crate::domain::FieldErrors;
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::item_actions::EditDeleteLinks;
use crate::ui::common::locale::{use_locale, use_ui};
use crate::ui::common::status::use_status;
use crate::ui::common::text_field::TextField;
use crate::ui::deals::deal_view::amount_text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn DocumentsPanel(
    /// Documents of this deal (new ones are placed on it)…
    #[prop(optional)]
    deal_id: Option<String>,
    /// …or concerning this contact (new ones concern it).
    #[prop(optional)]
    contact_id: Option<String>,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let scope = StoredValue::new((deal_id, contact_id));
    let documents = Memo::new(move |_| {
        let (deal, contact) = scope.get_value();
        let mut list: Vec<(String, Document)> = session.data.with(|d| {
            d.documents
                .iter()
                .filter(|(_, doc)| match (&deal, &contact) {
                    (Some(deal), _) => doc.data.deal_id.as_ref() == Some(deal),
                    (None, Some(c)) => doc.data.contact_ids.contains(c),
                    (None, None) => false,
                })
                .map(|(id, doc)| (id.clone(), doc.data.clone()))
                .collect()
        });
        list.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(a.1.number.cmp(&b.1.number)));
        list
    });
    // The form: None closed, Some(None) adding, Some(Some(id)) editing.
    let form = RwSignal::new(None::<Option<String>>);
    let kind = RwSignal::new(DocumentKind::Invoice.code().to_string());
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let currency = RwSignal::new("CZK".to_string());
    let note = RwSignal::new(String::new());
    let contract_end = RwSignal::new(String::new());
    let retain_until = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let linked = StoredValue::new((Vec::<String>::new(), None::<String>, None::<String>));
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let deleting = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);
    let status = use_status();
    let error_for = move |field: &'static str| error_of(errors, locale, field);

    let open = move |editing: Option<(String, Document)>| {
        let separator = untrack(|| locale.get()).decimal_separator();
        let (deal, contact) = scope.get_value();
        let (id, draft) = match editing {
            Some((id, doc)) => (Some(id), DocumentDraft::from_document(&doc, separator)),
            None => (
                None,
                DocumentDraft {
                    kind: DocumentKind::Invoice.code().into(),
                    date: local_day(chrono::Utc::now()).to_string(),
                    currency: "CZK".into(),
                    deal_id: deal,
                    contact_ids: contact.into_iter().collect(),
                    ..DocumentDraft::default()
                },
            ),
        };
        kind.set(draft.kind);
        number.set(draft.number);
        date.set(draft.date);
        amount.set(draft.amount);
        currency.set(if draft.currency.is_empty() {
            "CZK".into()
        } else {
            draft.currency
        });
        note.set(draft.note);
        contract_end.set(draft.contract_end);
        retain_until.set(draft.retain_until);
        reason.set(draft.retention_reason);
        linked.set_value((draft.contact_ids, draft.organisation_id, draft.deal_id));
        errors.set(vec![]);
        failure.set(None);
        form.set(Some(id));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (contact_ids, organisation_id, deal_id) = linked.get_value();
        let draft = DocumentDraft {
            kind: kind.get_untracked(),
            number: number.get_untracked(),
            date: date.get_untracked(),
            amount: amount.get_untracked(),
            currency: currency.get_untracked(),
            note: note.get_untracked(),
            deal_id,
            contact_ids,
            organisation_id,
            contract_end: contract_end.get_untracked(),
            retain_until: retain_until.get_untracked(),
            retention_reason: reason.get_untracked(),
        };
        let id = form.get_untracked().flatten();
        let separator = untrack(|| locale.get()).decimal_separator();
        spawn_local(async move {
            match session
                .write(move |v, now| async move {
                    v.save_document(id.as_deref(), &draft, separator, now).await
                })
                .await
            {
                Ok(_) => form.set(None),
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let delete = move || {
        let Some(id) = deleting.get_untracked() else {
            return;
        };
        status.delete_undoable(
            session,
            untrack(|| locale.get()),
            (Text::DocumentDeleted, Text::DocumentRestored),
            move |v, now| async move { v.delete_document(&id, now).await },
            |v, removed, now| async move { v.restore_document(removed, now).await },
            failure,
            move || {
                confirm_open.set(false);
                deleting.set(None);
            },
        );
    };
    let on_deal_page = scope.with_value(|(deal, _)| deal.is_some());

    view! {
        <section class="panel" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t(Text::DocumentsHeading)}</h2>
            <p class="hint">{t(Text::DocumentsLead)}</p>
            <ActionError failure/>
            <ConfirmDelete open=confirm_open question=Text::DeleteDocumentQuestion on_confirm=delete/>
            {move || {
                let lang = locale.get();
                let list = documents.get();
                if list.is_empty() && session.loading() {
                    return view! { <p class="hint" role="status">{locale.t(Text::LoadingRest)}</p> }.into_any();
                }
                if list.is_empty() {
                    return view! { <p class="empty-state">{locale.t(Text::NoDocuments)}</p> }.into_any();
                }
                let today = local_day(chrono::Utc::now());
                view! {
                    <ul class="documents">
                        {list
                            .into_iter()
                            .map(|(id, doc)| {
                                let for_edit = (id.clone(), doc.clone());
                                let delete_id = id.clone();
                                let keep = match doc.retain_until {
                                    Some(until) if doc.holds_on(today) => phrases::keep_until(lang, until),
                                    _ => locale.t(Text::NoLegalHold).to_string(),
                                };
                                let deal = (!on_deal_page)
                                    .then(|| doc.deal_id.clone())
                                    .flatten()
                                    .and_then(|x| session.data.with_untracked(|d| d.deals.get(&x).map(|r| (x.clone(), r.data.title.clone()))));
                                view! {
                                    <li class="document" data-testid="document">
                                        <span class="tag">{locale.t(phrases::document_kind(doc.kind))}</span>
                                        " "
                                        <strong>{doc.number.clone()}</strong>
                                        " · "
                                        {phrases::day(lang, doc.date)}
                                        {(doc.amount.is_some()).then(|| format!(" · {}", amount_text(lang, doc.amount.as_ref())))}
                                        " · "
                                        <span class="retention" class:holds=doc.holds_on(today)>{keep}</span>
                                        {(!doc.retention_reason.is_empty()).then(|| format!(" ({})", doc.retention_reason))}
                                        {deal.map(|(x, title)| view! { " · " <A href=format!("/deals/{x}")>{title}</A> })}
                                        {(!doc.note.is_empty()).then(|| view! { <p class="activity-body">{doc.note.clone()}</p> })}
                                        <EditDeleteLinks
                                            on_edit=move || open(Some(for_edit.clone()))
                                            on_delete=move || {
                                                deleting.set(Some(delete_id.clone()));
                                                confirm_open.set(true);
                                            }
                                        />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <Show
                when=move || form.get().is_some()
                fallback=move || view! {
                    <button type="button" class="button secondary" on:click=move |_| open(None)>{t(Text::AddDocument)}</button>
                }
            >
                <form class="form" novalidate=true on:submit=save>
                    <h3>{move || locale.t(if form.get().flatten().is_some() { Text::EditDocument } else { Text::AddDocument })}</h3>
                    <div class="field">
                        <label for="document-kind">{t(Text::DocumentKindLabel)}</label>
                        <select id="document-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                            {DocumentKind::ALL
                                .into_iter()
                                .map(|k| view! {
                                    <option value=k.code() prop:selected=move || kind.get() == k.code()>
                                        {move || locale.t(phrases::document_kind(k))}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <TextField label=Text::DocumentNumber id="document-number" value=number error=error_for(fields::NUMBER) required=true/>
                    <TextField label=Text::DocumentDate id="document-date" value=date input_type="date" error=error_for(fields::DATE) required=true/>
                    <div class="field-pair">
                        <TextField label=Text::AmountLabel id="document-amount" value=amount error=error_for(fields::AMOUNT)/>
                        <TextField label=Text::CurrencyLabel id="document-currency" value=currency error=error_for(fields::CURRENCY)/>
                    </div>
                    <Show when=move || kind.get() == DocumentKind::Contract.code()>
                        <TextField label=Text::ContractEnd id="document-contract-end" value=contract_end input_type="date" error=error_for(fields::CONTRACT_END)/>
                    </Show>
                    <TextField label=Text::RetainUntil id="document-retain-until" value=retain_until input_type="date" error=error_for(fields::RETAIN_UNTIL) hint=Text::RetainUntilHint/>
                    <Show when=move || !retain_until.get().is_empty()>
                        <TextField label=Text::RetentionReason id="document-retention-reason" value=reason error=error_for(fields::RETENTION_REASON)/>
                    </Show>
                    <TextField label=Text::DocumentNote id="document-note" value=note error=error_for(fields::NOTE) multiline=true/>
                    <div class="actions">
                        <button type="submit" class="button">{t(Text::Save)}</button>
                        <button type="button" class="button secondary" on:click=move |_| form.set(None)>{t(Text::Cancel)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}

/// The retention holds on a contact or organisation: a badge with the latest end, and which
/// documents hold, until when.
#[component]
pub fn HoldBadge(subject_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let subject = StoredValue::new(subject_id);
    let holds = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        subject.with_value(|id| {
            session.data.with(|d| {
                crate::domain::document::holds_on(
                    id,
                    d.documents.iter().map(|(id, r)| (id, &r.data)),
                    today,
                )
            })
        })
    });
    move || {
        let lang = locale.get();
        let holds = holds.get();
        let until = holds.first().map(|h| h.until)?;
        Some(view! {
            <div class="hold" data-testid="retention-hold">
                <p><span class="badge hold-badge">{phrases::hold_until(lang, until)}</span></p>
                <p class="hint">{locale.t(Text::HoldsLead)}</p>
                <ul>
                    {holds
                        .into_iter()
                        .map(|h| view! {
                            <li>
                                {format!("{} {} — {}", locale.t(phrases::document_kind(h.kind)), h.number, phrases::keep_until(lang, h.until))}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </div>
        })
    }
}
