//! The one way an action's failure is shown: a paragraph announced to screen readers, worded by
//! `i18n::errors` in the interface's language, present only while there is a failure.

use crate::app::AppError;
use crate::i18n::errors::describe;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

/// Shows `failure` while it holds an error.
#[component]
pub fn ActionError(failure: RwSignal<Option<AppError>>) -> impl IntoView {
    let locale = use_locale();
    move || {
        failure
            .get()
            .map(|e| view! { <p class="form-error" role="alert">{describe(locale.get(), &e)}</p> })
    }
}
