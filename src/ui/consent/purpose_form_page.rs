//! Create or edit a purpose of processing (with its audience and, for the soft opt-in, whether it
//! markets one's own similar products or services); retire it (it keeps its consents) or, when no
//! consent refers to it, delete it after confirming. Escape cancels.

use crate::domain::outreach::Audience;
use crate::domain::purpose::{fields, LawfulBasis, PurposeDraft};
use crate::domain::FieldErrors;
use crate::i18n::{phrases, Text};
use crate::ui::common::choice_fields::{CheckboxField, ChosenCheckbox};
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::form_state::{
    escape_cancels, record_from_route, DeleteButton, FormActions, FormPage, FormState,
};
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PurposeFormPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let (route, existing) = record_from_route(session, |d, id| {
        d.purposes
            .get(id)
            .map(|p| PurposeDraft::from_purpose(&p.data))
    });
    let draft = existing.unwrap_or_else(|| PurposeDraft {
        basis: LawfulBasis::Consent.code().to_string(),
        audience: Audience::default_for(LawfulBasis::Consent)
            .code()
            .to_string(),
        ..PurposeDraft::default()
    });
    let name = RwSignal::new(draft.name);
    let description = RwSignal::new(draft.description);
    let basis = RwSignal::new(draft.basis);
    let data_categories = RwSignal::new(draft.data_categories);
    let subject_categories = RwSignal::new(draft.subject_categories);
    let recipients = RwSignal::new(draft.recipients);
    let transfers = RwSignal::new(draft.transfers);
    let retention = RwSignal::new(draft.retention);
    let opt_out = RwSignal::new(draft.opt_out);
    let direct_marketing = RwSignal::new(draft.direct_marketing);
    let security = RwSignal::new(draft.security);
    let retired = RwSignal::new(draft.retired);
    let notice_title = RwSignal::new(draft.notice_title);
    let notice_url = RwSignal::new(draft.notice_url);
    let notice_text = RwSignal::new(String::new());
    let kept_digest = StoredValue::new(draft.notice_sha256);
    let audience = RwSignal::new(draft.audience);
    let audience_tag = RwSignal::new(draft.audience_tag);
    let audience_stages = RwSignal::new(draft.audience_stages);
    let own_similar = RwSignal::new(draft.own_similar);
    let retention_months = RwSignal::new(draft.retention_months);
    let retention_after = RwSignal::new(if draft.retention_after.is_empty() {
        crate::domain::retention::After::LastActivity
            .code()
            .to_string()
    } else {
        draft.retention_after
    });
    let lia = super::assessment_fields::AssessmentSignals::new(draft.lia);
    // A new purpose's audience follows its basis's default until the user chooses one.
    let audience_chosen = RwSignal::new(route.editing);
    let form = FormState::new();
    let errors = form.errors;
    let confirming = RwSignal::new(false);
    let error_for = move |field: &'static str| form.error_for(field);
    let navigate = StoredValue::new_local(use_navigate());
    let used = move || {
        route.id.with_value(|id| {
            let id = id.clone().unwrap_or_default();
            session.data.with(|d| {
                d.consents
                    .values()
                    .filter(|c| c.data.purpose_id == id)
                    .count()
            })
        })
    };
    let cancel = move || navigate.with_value(|n| n("/purposes", Default::default()));
    escape_cancels(cancel);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PurposeDraft {
            name: name.get_untracked(),
            description: description.get_untracked(),
            basis: basis.get_untracked(),
            data_categories: data_categories.get_untracked(),
            subject_categories: subject_categories.get_untracked(),
            recipients: recipients.get_untracked(),
            transfers: transfers.get_untracked(),
            retention: retention.get_untracked(),
            opt_out: opt_out.get_untracked(),
            direct_marketing: direct_marketing.get_untracked(),
            security: security.get_untracked(),
            retired: retired.get_untracked(),
            notice_title: notice_title.get_untracked(),
            notice_url: notice_url.get_untracked(),
            notice_text: notice_text.get_untracked(),
            notice_sha256: kept_digest.get_value(),
            audience: audience.get_untracked(),
            audience_tag: audience_tag.get_untracked(),
            audience_stages: audience_stages.get_untracked(),
            own_similar: own_similar.get_untracked(),
            retention_months: retention_months.get_untracked(),
            retention_after: retention_after.get_untracked(),
            lia: lia.draft(),
        };
        form.submit(
            session,
            move |v, now| async move {
                v.save_purpose(route.id.get_value().as_deref(), &draft, now)
                    .await
            },
            move |_| cancel(),
        );
    };
    let delete = move || {
        form.delete(
            session,
            route.id.get_value(),
            |v, id, now| async move { v.delete_purpose(&id, now).await },
            cancel,
        )
    };
    view! {
        <FormPage route heading_id="purpose-form-heading" new=Text::NewPurpose edit=Text::EditPurpose not_found=Text::PurposeNotFound>
                <form class="form wide" novalidate=true on:submit=save>
                    <TextField label=Text::PurposeName id="purpose-name" value=name error=error_for(fields::NAME) required=true/>
                    <TextField label=Text::PurposeDescription id="purpose-description" value=description error=error_for(fields::DESCRIPTION) multiline=true/>
                    <div class="field">
                        <label for="purpose-basis">{t(Text::LawfulBasisLabel)}</label>
                        <select id="purpose-basis" on:change=move |ev| {
                            let code = event_target_value(&ev);
                            if let Some(b) = LawfulBasis::from_code(&code).filter(|_| !audience_chosen.get_untracked()) {
                                audience.set(Audience::default_for(b).code().to_string());
                            }
                            basis.set(code);
                        }>
                            {LawfulBasis::ALL
                                .into_iter()
                                .map(|b| view! {
                                    <option value=b.code() prop:selected=move || basis.get() == b.code()>
                                        {move || phrases::basis_with_article(locale.get(), b)}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <AudienceFields audience audience_chosen audience_tag audience_stages errors/>
                    <super::assessment_fields::AssessmentFields lia errors shown=Signal::derive(move || basis.get() == LawfulBasis::LegitimateInterest.code())/>
                    <TextField label=Text::DataCategories id="purpose-data" value=data_categories error=error_for(fields::DATA_CATEGORIES) required=true/>
                    <TextField label=Text::SubjectCategories id="purpose-subjects" value=subject_categories error=error_for(fields::SUBJECT_CATEGORIES)/>
                    <TextField label=Text::Recipients id="purpose-recipients" value=recipients error=error_for(fields::RECIPIENTS)/>
                    <TextField label=Text::Transfers id="purpose-transfers" value=transfers error=error_for(fields::TRANSFERS) hint=Text::TransfersHint/>
                    <TextField label=Text::Retention id="purpose-retention" value=retention error=error_for(fields::RETENTION) required=true/>
                    <crate::ui::common::retention_rule_fields::RetentionRuleFields months_id="purpose-keep-months" after_id="purpose-keep-after" months_label=Text::KeepForMonths hint=Text::PurposeKeepHint months=retention_months after=retention_after error=error_for(fields::RETENTION_RULE)/>
                    <TextField label=Text::Security id="purpose-security" value=security error=error_for(fields::SECURITY)/>
                    <fieldset class="field">
                        <legend>{t(Text::PurposeNoticeHeading)}</legend>
                        <p class="hint">{t(Text::PurposeNoticeLead)}</p>
                        <TextField label=Text::PurposeNoticeTitle id="purpose-notice-title" value=notice_title error=error_for(fields::NOTICE_TITLE)/>
                        <TextField label=Text::PurposeNoticeUrl id="purpose-notice-url" value=notice_url error=error_for(fields::NOTICE_URL) input_type="url"/>
                        <TextField label=Text::PurposeNoticeText id="purpose-notice-text" value=notice_text error=error_for(fields::NOTICE_HASH) multiline=true/>
                        {move || kept_digest.get_value().map(|d| view! { <p class="hint">{t(Text::PurposeNoticeKept)} " " <code class="digest">{d}</code></p> })}
                    </fieldset>
                    <CheckboxField id="purpose-opt-out" label=Text::OptOut checked=opt_out/>
                    <CheckboxField id="purpose-direct-marketing" label=Text::DirectMarketing checked=direct_marketing hint=Text::DirectMarketingHint/>
                    <CheckboxField id="purpose-own-similar" label=Text::OwnSimilar checked=own_similar hint=Text::OwnSimilarHint/>
                    <Show when=move || route.editing>
                        <CheckboxField id="purpose-retired" label=Text::Retired checked=retired/>
                    </Show>
                    <FormActions form on_cancel=cancel/>
                </form>
                <Show when=move || route.editing>
                    {move || if used() > 0 {
                        view! { <p class="hint">{t(Text::PurposeInUse)}</p> }.into_any()
                    } else {
                        view! { <DeleteButton confirming/> }
                        .into_any()
                    }}
                    <ConfirmDelete open=confirming question=Text::DeletePurposeQuestion on_confirm=delete/>
                </Show>
        </FormPage>
    }
}

/// The purpose's audience: everyone, contacts with a tag (then the tag), customers, or the
/// parties to a deal in chosen stages (then a checkbox per stage of the pipeline). Blank before
/// a choice: the basis's default, chosen on save.
#[component]
fn AudienceFields(
    audience: RwSignal<String>,
    audience_chosen: RwSignal<bool>,
    audience_tag: RwSignal<String>,
    audience_stages: RwSignal<Vec<String>>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let options = [
        ("everyone", Text::AudienceEveryone),
        ("tagged", Text::AudienceTagged),
        ("customers", Text::AudienceCustomers),
        ("deal_stages", Text::AudienceDealStages),
    ];
    let stages_error = error_of(errors, locale, fields::AUDIENCE_STAGES);
    view! {
        <div class="field">
            <label for="purpose-audience">{t(Text::AudienceLabel)}</label>
            <p class="field-hint" id="purpose-audience-hint">{t(Text::AudienceHint)}</p>
            <select id="purpose-audience" aria-describedby="purpose-audience-hint" on:change=move |ev| {
                audience_chosen.set(true);
                audience.set(event_target_value(&ev));
            }>
                {options
                    .into_iter()
                    .map(|(code, text)| view! {
                        <option value=code prop:selected=move || audience.get() == code>{t(text)}</option>
                    })
                    .collect_view()}
            </select>
        </div>
        <Show when=move || audience.get() == "tagged">
            <TextField label=Text::AudienceTag id="purpose-audience-tag" value=audience_tag error=error_of(errors, locale, fields::AUDIENCE_TAG) required=true/>
        </Show>
        <Show when=move || audience.get() == "deal_stages">
            <fieldset class="field">
                <legend>{t(Text::AudienceStages)}</legend>
                {move || {
                    let lang = locale.get();
                    session.data.with(|d| d.pipeline()).stages.into_iter().map(|s| view! {
                        <ChosenCheckbox id=format!("purpose-stage-{}", s.id) value=s.id.clone() chosen=audience_stages>{phrases::stage_name(lang, &s)}</ChosenCheckbox>
                    }).collect_view()
                }}
                {move || stages_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </fieldset>
        </Show>
    }
}
