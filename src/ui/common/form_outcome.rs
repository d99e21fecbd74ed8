//! The result of submitting a form: a success line (status) or the error worded for the user (alert).

use crate::app::AppError;
use crate::i18n::errors::describe;
use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn FormOutcome(
    outcome: RwSignal<Option<Result<(), AppError>>>,
    success: Text,
) -> impl IntoView {
    let locale = use_locale();
    move || {
        outcome.get().map(|o| match o {
            Ok(()) => {
                view! { <p class="form-success" role="status">{locale.t(success)}</p> }.into_any()
            }
            Err(e) => view! { <p class="form-error" role="alert">{describe(locale.get(), &e)}</p> }
                .into_any(),
        })
    }
}
