//! Small form pieces: a checkbox with its label (and hint), a checkbox that keeps one id in a
//! list of chosen ids, a bare labelled one-line input, and a select of ids by name. Must not
//! import a feature folder.

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

/// A checkbox and its label, with its hint below (and described by it) when there is one.
#[component]
pub fn CheckboxField(
    id: &'static str,
    label: Text,
    checked: RwSignal<bool>,
    #[prop(optional)] hint: Option<Text>,
) -> impl IntoView {
    let locale = use_locale();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field checkbox">
            <input
                id=id
                type="checkbox"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label for=id>{move || locale.t(label)}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{move || locale.t(h)}</p> })}
        </div>
    }
}

/// A checkbox (labelled by `children`) that is on while `value` is in `chosen`; ticking it adds
/// `value` to the list, unticking takes it out.
#[component]
pub fn ChosenCheckbox(
    id: String,
    value: String,
    chosen: RwSignal<Vec<String>>,
    children: Children,
) -> impl IntoView {
    let checked = value.clone();
    view! {
        <div class="field checkbox">
            <input
                id=id.clone()
                type="checkbox"
                prop:checked=move || chosen.with(|l| l.contains(&checked))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let value = value.clone();
                    chosen.update(|l| {
                        l.retain(|x| *x != value);
                        if on {
                            l.push(value);
                        }
                    });
                }
            />
            <label for=id>{children()}</label>
        </div>
    }
}

/// A label and a one-line input bound to `value`, in a `div` of `class` (no autocomplete).
#[component]
pub fn LineInput(
    id: &'static str,
    label: Text,
    value: RwSignal<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "field")] class: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class=class>
            <label for=id>{move || locale.t(label)}</label>
            <input
                id=id
                type=input_type
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A label and a select bound to `value` (an id): first `none` (the empty value), then
/// `choices`, each an id and the name shown.
#[component]
pub fn IdSelect(
    id: &'static str,
    label: Text,
    none: Text,
    value: RwSignal<String>,
    #[prop(into)] choices: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="field">
            <label for=id>{move || locale.t(label)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" prop:selected=move || value.with(String::is_empty)>{move || locale.t(none)}</option>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(choice, name)| {
                            let mine = choice.clone();
                            view! { <option value=choice prop:selected=move || value.with(|v| *v == mine)>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
