//! The controller's details (the consultant keeping the vault), saved sealed and audited.

use crate::app::AppError;
use crate::domain::profile::{fields, ProfileDraft};
use crate::domain::FieldErrors;
use crate::i18n::Text;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::form_outcome::FormOutcome;
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ProfileForm() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let current = session
        .data
        .with_untracked(|d| d.profile().map(|p| ProfileDraft::from_profile(&p.data)))
        .unwrap_or_default();
    let name = RwSignal::new(current.name);
    let email = RwSignal::new(current.email);
    let phone = RwSignal::new(current.phone);
    let address = RwSignal::new(current.address);
    let ico = RwSignal::new(current.ico);
    let vat_id = RwSignal::new(current.vat_id);
    let retention_months = RwSignal::new(if current.retention_months.is_empty() {
        crate::domain::retention::RetentionRule::CONTACT_DEFAULT
            .months
            .to_string()
    } else {
        current.retention_months
    });
    let retention_after = RwSignal::new(if current.retention_after.is_empty() {
        crate::domain::retention::RetentionRule::CONTACT_DEFAULT
            .after
            .code()
            .to_string()
    } else {
        current.retention_after
    });
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Result<(), AppError>>);
    let working = RwSignal::new(false);
    let error_for = move |field: &'static str| error_of(errors, locale, field);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ProfileDraft {
            name: name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            address: address.get_untracked(),
            ico: ico.get_untracked(),
            vat_id: vat_id.get_untracked(),
            retention_months: retention_months.get_untracked(),
            retention_after: retention_after.get_untracked(),
        };
        outcome.set(None);
        working.set(true);
        spawn_local(async move {
            let result = session
                .write(move |v, now| async move { v.save_profile(&draft, now).await })
                .await;
            match &result {
                Err(AppError::Invalid(list)) => errors.set(list.clone()),
                _ => errors.set(vec![]),
            }
            outcome.set(Some(result));
            working.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t(Text::ProfileHeading)}</h2>
            <p class="hint">{t(Text::ProfileHint)}</p>
            <form class="form" novalidate=true on:submit=save>
                <TextField label=Text::Name id="profile-name" value=name error=error_for(fields::NAME) autocomplete="name" required=true/>
                <TextField label=Text::Email id="profile-email" value=email error=error_for(fields::EMAIL) input_type="email" autocomplete="email"/>
                <TextField label=Text::Phone id="profile-phone" value=phone error=error_for(fields::PHONE) input_type="tel" autocomplete="tel"/>
                <TextField label=Text::Address id="profile-address" value=address error=error_for(fields::ADDRESS) autocomplete="street-address"/>
                <div class="field-row">
                    <TextField label=Text::Ico id="profile-ico" value=ico error=error_for(fields::ICO)/>
                    <TextField label=Text::VatId id="profile-vat" value=vat_id error=error_for(fields::VAT_ID)/>
                </div>
                <fieldset class="field">
                    <legend>{t(Text::ContactRetentionHeading)}</legend>
                    <crate::ui::common::retention_rule_fields::RetentionRuleFields months_id="profile-keep-months" after_id="profile-keep-after" months_label=Text::ContactKeepForMonths hint=Text::ContactKeepHint months=retention_months after=retention_after error=error_for(fields::CONTACT_RETENTION)/>
                </fieldset>
                <FormOutcome outcome=outcome success=Text::DetailsSaved/>
                <button type="submit" class="button" disabled=move || working.get()>
                    {t(Text::SaveDetails)}
                </button>
            </form>
        </section>
    }
}
