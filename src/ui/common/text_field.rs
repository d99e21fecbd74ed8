//! A labelled input with its hint and its error shown (and announced) next to it.

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn TextField(
    /// The visible label, which is also the input's accessible name.
    label: Text,
    /// The input's id (also used for its hint and error).
    id: &'static str,
    value: RwSignal<String>,
    #[prop(into, default = Signal::derive(|| None))] error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<Text>,
    /// Marked as required for assistive technology; the form's own validation says what is missing
    /// (the browser's built-in check would block the submit with a message in its own words).
    #[prop(optional)]
    required: bool,
    /// A text area (several lines) instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let locale = use_locale();
    // An error belongs to the value it was found in: once the field is changed it is no longer
    // shown (nor announced), and the next Save checks the new value.
    let checked_value = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if error.get().is_some() {
            checked_value.set(Some(value.get_untracked()));
        }
    });
    let error = Signal::derive(move || {
        error
            .get()
            .filter(|_| checked_value.with(|v| v.as_deref() == Some(value.read().as_str())))
    });
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{move || locale.t(label)}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{move || locale.t(h)}</p> })}
            {if multiline {
                view! {
                    <textarea
                        id=id
                        name=id
                        rows="3"
                        aria-required=required.then_some("true")
                        aria-invalid=move || error.get().is_some().then_some("true")
                        aria-describedby=described_by
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    ></textarea>
                }
                    .into_any()
            } else {
                view! {
                    <input
                        id=id
                        name=id
                        type=input_type
                        autocomplete=autocomplete
                        aria-required=required.then_some("true")
                        aria-invalid=move || error.get().is_some().then_some("true")
                        aria-describedby=described_by
                        bind:value=value
                    />
                }
                    .into_any()
            }}
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id=error_id.clone() role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
