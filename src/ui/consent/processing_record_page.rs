//! The Record of processing activities (GDPR Art. 30(1)), generated from the purposes register:
//! printable, and downloadable as JSON.

use crate::app::service::VaultSnapshot;
use crate::app::session::Session;
use crate::i18n::{phrases, Lang, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::save_text;
use crate::ui::common::locale::{use_locale, use_ui};
use leptos::prelude::*;

/// The record as JSON: the controller and every purpose with its Art. 30 fields.
pub fn record_json(d: &VaultSnapshot, now: chrono::DateTime<chrono::Utc>) -> serde_json::Value {
    let controller = d.profile().map(|p| {
        serde_json::json!({
            "name": p.data.name, "email": p.data.email, "phone": p.data.phone,
            "address": p.data.address, "ico": p.data.ico, "vat_id": p.data.vat_id,
        })
    });
    let purposes: Vec<_> = d
        .purposes
        .iter()
        .map(|(id, p)| {
            let p = &p.data;
            serde_json::json!({
                "id": id, "name": p.name, "description": p.description,
                "lawful_basis": p.basis.code(), "article": p.basis.article(),
                "data_categories": p.data_categories, "subject_categories": p.subject_categories,
                "recipients": p.recipients, "transfers_outside_eu": p.transfers,
                "retention": p.retention, "opt_out": p.opt_out, "security": p.security,
                "retired": p.retired, "direct_marketing": p.direct_marketing,
                "audience": p.audience(),
                "retention_rule": p.retention_rule.map(|r| serde_json::json!({"months": r.months, "after": r.after.code()})),
                "legitimate_interest_assessment": p.lia,
                "processors": d.processors_of(id).into_iter().map(|(pid, _)| pid).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "format": "folio-record-of-processing",
        "version": 1,
        "generated_at": now.to_rfc3339(),
        "controller": controller,
        "purposes": purposes,
        "processors": d.processors_by_name().into_iter().map(|(id, p)| serde_json::json!({
            "id": id, "name": p.name, "service": p.service, "dpa_signed_on": p.dpa_signed_on,
            "location": p.location, "transfers_outside_eu": p.transfers_outside_eu,
            "safeguard": p.safeguard, "purposes": p.purpose_ids,
        })).collect::<Vec<_>>(),
    })
}

#[component]
pub fn ProcessingRecordPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let download = move |_| {
        let json = session
            .data
            .with_untracked(|d| record_json(d, chrono::Utc::now()));
        let text = serde_json::to_string_pretty(&json).unwrap_or_default();
        if let Err(e) = save_text("record-of-processing.json", "application/json", &text) {
            failure.set(Some(e));
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let yes_no = |lang: Lang, b: bool| {
        if b {
            Text::YesWord.get(lang)
        } else {
            Text::NoWord.get(lang)
        }
    };
    view! {
        <section class="page printable" aria-labelledby="record-heading">
            <h1 id="record-heading">{t(Text::ProcessingRecordHeading)}</h1>
            <p class="lead">{t(Text::ProcessingRecordLead)}</p>
            <div class="actions no-print">
                <button type="button" class="button" on:click=print>{t(Text::Print)}</button>
                <button type="button" class="button secondary" on:click=download>{t(Text::DownloadJson)}</button>
                <leptos_router::components::A href="/purposes/notice" attr:class="button secondary">{t(Text::PrivacyNoticeHeading)}</leptos_router::components::A>
            </div>
            <ActionError failure/>
            <h2>{t(Text::Controller)}</h2>
            {move || session.data.with(|d| match d.profile() {
                None => view! { <p class="hint">{locale.t(Text::ControllerMissing)}</p> }.into_any(),
                Some(p) => {
                    let p = &p.data;
                    let lines: Vec<String> = [Some(p.name.clone()), p.address.clone(), p.email.clone(), p.phone.clone(), p.ico.clone().map(|i| format!("IČO {i}"))]
                        .into_iter()
                        .flatten()
                        .collect();
                    view! { <p>{lines.join(" · ")}</p> }.into_any()
                }
            })}
            <Show when=move || session.data.with(|d| !d.purposes.is_empty()) fallback=move || view! { <p class="empty-state">{t(Text::NoPurposesYet)}</p> }>
                {move || {
                    let lang = locale.get();
                    session.data.with(|d| {
                        let today = crate::app::clock::local_day(chrono::Utc::now());
                        let pipeline = d.pipeline();
                        d.purposes
                            .iter()
                            .map(|(pid, p)| {
                                let p = p.data.clone();
                                let processors: Vec<String> = d
                                    .processors_of(pid)
                                    .into_iter()
                                    .map(|(_, x)| x.name)
                                    .collect();
                                let lia = lia_rows(lang, &p, today);
                                let row = move |label: Text, value: String| view! {
                                    <dt>{label.get(lang)}</dt>
                                    <dd>{if value.is_empty() { Text::NoneWord.get(lang).to_string() } else { value }}</dd>
                                };
                                view! {
                                    <article class="panel record-entry">
                                        <h2>{p.name.clone()} {p.retired.then(|| view! { " " <span class="tag">{Text::RetiredBadge.get(lang)}</span> })}</h2>
                                        <dl class="facts">
                                            {row(Text::PurposeDescription, p.description.clone())}
                                            {row(Text::LawfulBasisLabel, phrases::basis_with_article(lang, p.basis))}
                                            {row(Text::AudienceLabel, phrases::outreach::audience(lang, &p.audience(), &pipeline))}
                                            {row(Text::DataCategories, p.data_categories.clone())}
                                            {row(Text::SubjectCategories, p.subject_categories.clone())}
                                            {row(Text::Recipients, p.recipients.clone())}
                                            {row(Text::Transfers, p.transfers.clone())}
                                            {row(Text::Retention, match p.retention_rule {
                                                Some(rule) => format!("{} ({})", p.retention, phrases::retention::rule_text(lang, rule)),
                                                None => p.retention.clone(),
                                            })}
                                            {row(Text::OptOut, yes_no(lang, p.opt_out).to_string())}
                                            {row(Text::DirectMarketing, yes_no(lang, p.direct_marketing).to_string())}
                                            {row(Text::Security, p.security.clone())}
                                            {row(Text::ProcessorsHeading, processors.join(", "))}
                                            {lia}
                                        </dl>
                                    </article>
                                }
                            })
                            .collect_view()
                    })
                }}
            </Show>
            <ProcessorsRegister/>
        </section>
    }
}

/// A legitimate-interest purpose's assessment, as rows of the record ("assessment missing"
/// when it is not written, "review due" once its day has come); nothing for another basis.
fn lia_rows(
    lang: Lang,
    p: &crate::domain::purpose::Purpose,
    today: chrono::NaiveDate,
) -> Option<impl IntoView> {
    use crate::domain::assessment::LiaState;
    let state = p.lia_state(today)?;
    let a = p.lia.clone().unwrap_or_default();
    let status = match state {
        LiaState::Missing => Some(Text::LiaMissing.get(lang).to_string()),
        LiaState::ReviewDue(on) => Some(phrases::lia_review_since(lang, on)),
        LiaState::Complete => None,
    };
    let row = move |label: Text, value: String| {
        (!value.trim().is_empty()).then(|| view! { <dt>{label.get(lang)}</dt> <dd>{value}</dd> })
    };
    Some(view! {
        <dt>{Text::LiaHeading.get(lang)}</dt>
        <dd>{status.map(|s| view! { <span class="tag" data-testid="lia-status">{s}</span> })}</dd>
        {row(Text::LiaInterest, a.interest)}
        {row(Text::LiaNecessity, a.necessity)}
        {row(Text::LiaBalancing, a.balancing)}
        {row(Text::LiaSafeguards, a.safeguards)}
        {row(Text::LiaReview, a.review_on.map(|d| phrases::day(lang, d)).unwrap_or_default())}
    })
}

/// The register of processors, as the record shows it.
#[component]
fn ProcessorsRegister() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    view! {
        <h2 id="record-processors">{move || locale.t(Text::ProcessorsRegister)}</h2>
        {move || {
            let lang = locale.get();
            session.data.with(|d| {
                let list = d.processors_by_name();
                if list.is_empty() {
                    return view! { <p class="empty-state">{Text::NoProcessorsYet.get(lang)}</p> }.into_any();
                }
                view! {
                    <ul class="simple-list" aria-labelledby="record-processors">
                        {list.into_iter().map(|(_, p)| {
                            let line = super::processors_page::processor_line(lang, &p);
                            view! { <li><strong>{p.name}</strong> <span class="contact-detail">{line}</span></li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })
        }}
    }
}
