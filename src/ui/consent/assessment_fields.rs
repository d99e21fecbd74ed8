//! The purpose form's legitimate-interest assessment (Art. 6(1)(f)): shown only while the basis
//! is legitimate interest. Holds its own signals; the form reads them back as a draft.

use crate::domain::assessment::{fields, AssessmentDraft};
use crate::domain::FieldErrors;
use crate::i18n::Text;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::locale::use_texts;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;

/// The assessment's fields as the form holds them.
#[derive(Clone, Copy)]
pub struct AssessmentSignals {
    interest: RwSignal<String>,
    necessity: RwSignal<String>,
    balancing: RwSignal<String>,
    safeguards: RwSignal<String>,
    review_on: RwSignal<String>,
}

impl AssessmentSignals {
    pub fn new(draft: AssessmentDraft) -> Self {
        Self {
            interest: RwSignal::new(draft.interest),
            necessity: RwSignal::new(draft.necessity),
            balancing: RwSignal::new(draft.balancing),
            safeguards: RwSignal::new(draft.safeguards),
            review_on: RwSignal::new(draft.review_on),
        }
    }

    pub fn draft(&self) -> AssessmentDraft {
        AssessmentDraft {
            interest: self.interest.get_untracked(),
            necessity: self.necessity.get_untracked(),
            balancing: self.balancing.get_untracked(),
            safeguards: self.safeguards.get_untracked(),
            review_on: self.review_on.get_untracked(),
        }
    }
}

#[component]
pub fn AssessmentFields(
    lia: AssessmentSignals,
    /// Whether the basis chosen is legitimate interest.
    #[prop(into)]
    shown: Signal<bool>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let (locale, t) = use_texts();
    let error_for = move |field: &'static str| error_of(errors, locale, field);
    view! {
        <Show when=move || shown.get()>
            <fieldset class="field">
                <legend>{t(Text::LiaHeading)}</legend>
                <p class="hint">{t(Text::LiaLead)}</p>
                <TextField label=Text::LiaInterest id="purpose-lia-interest" value=lia.interest error=error_for(fields::INTEREST) multiline=true/>
                <TextField label=Text::LiaNecessity id="purpose-lia-necessity" value=lia.necessity error=error_for(fields::NECESSITY) multiline=true/>
                <TextField label=Text::LiaBalancing id="purpose-lia-balancing" value=lia.balancing error=error_for(fields::BALANCING) multiline=true/>
                <TextField label=Text::LiaSafeguards id="purpose-lia-safeguards" value=lia.safeguards error=error_for(fields::SAFEGUARDS) multiline=true/>
                <TextField label=Text::LiaReview id="purpose-lia-review" value=lia.review_on error=error_for(fields::REVIEW) input_type="date"/>
            </fieldset>
        </Show>
    }
}
