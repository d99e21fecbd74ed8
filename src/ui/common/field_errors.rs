//! A form's field errors, and the worded error of one field as a signal for its input.

use crate::domain::FieldErrors;
use crate::i18n::errors::field_error;
use crate::ui::common::locale::Locale;
use leptos::prelude::*;

/// The error of `field` among `errors`, worded in the current language (None when it is fine).
pub fn error_of(
    errors: RwSignal<FieldErrors>,
    locale: Locale,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, err)| field_error(locale.get(), err))
        })
    })
}
