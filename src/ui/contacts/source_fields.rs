//! The contact form's source and notice fields: where the data came from (**Source**, **Source
//! details**) and when the person was given the privacy notice (**Informed on**, **Notice
//! version**, a published version). Only the form's signals; no writes.

use crate::domain::source::{fields, SourceKind};
use crate::domain::FieldErrors;
use crate::i18n::{phrases, Text};
use crate::ui::common::field_errors::error_of;
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;

/// The form's values, as typed.
#[derive(Clone, Copy)]
pub struct SourceSignals {
    pub kind: RwSignal<String>,
    pub detail: RwSignal<String>,
    pub informed_on: RwSignal<String>,
    pub notice: RwSignal<String>,
}

#[component]
pub fn SourceFields(values: SourceSignals, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let error_for = move |field: &'static str| error_of(errors, locale, field);
    let kind_error = error_for(fields::SOURCE);
    let versions = Memo::new(move |_| session.data.with(|d| d.notice_versions()));
    let indirect =
        move || SourceKind::from_code(&values.kind.get()).is_some_and(SourceKind::indirect);
    view! {
        <div class="field-row">
            <div class="field">
                <label for="contact-source">{t(Text::Source)}</label>
                <select
                    id="contact-source"
                    aria-describedby="contact-source-hint"
                    aria-invalid=move || kind_error.get().is_some().to_string()
                    on:change=move |ev| values.kind.set(event_target_value(&ev))
                >
                    <option value="" prop:selected=move || values.kind.get().is_empty()>{t(Text::SourceNotRecorded)}</option>
                    {SourceKind::ALL
                        .into_iter()
                        .map(|k| view! {
                            <option value=k.code() prop:selected=move || values.kind.get() == k.code()>
                                {move || locale.t(phrases::source_kind(k))}
                            </option>
                        })
                        .collect_view()}
                </select>
                <p class="field-hint" id="contact-source-hint" aria-live="polite">
                    {move || indirect().then(|| locale.t(Text::SourceIndirectHint))}
                </p>
                {move || kind_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <TextField label=Text::SourceDetail id="contact-source-detail" value=values.detail error=error_for(fields::SOURCE_DETAIL) hint=Text::SourceDetailHint/>
        </div>
        <div class="field-row">
            <TextField label=Text::InformedOn id="contact-informed-on" value=values.informed_on error=error_for(fields::INFORMED) hint=Text::InformedOnHint input_type="date"/>
            <div class="field">
                <label for="contact-notice-version">{t(Text::NoticeVersionLabel)}</label>
                <select id="contact-notice-version" on:change=move |ev| values.notice.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || values.notice.get().is_empty()>{t(Text::NoticeVersionUnknown)}</option>
                    {move || {
                        versions
                            .get()
                            .into_iter()
                            .map(|v| {
                                let hash = v.sha256.clone();
                                let label = phrases::notice_version(locale.get(), &v);
                                view! { <option value=v.sha256.clone() prop:selected=move || values.notice.get() == hash>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}
