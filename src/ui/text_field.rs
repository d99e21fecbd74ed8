//! A labelled input with its error shown (and announced) next to it.

use leptos::prelude::*;

#[component]
pub fn TextField(
    /// The visible label, which is also the input's accessible name.
    label: &'static str,
    /// The input's id (also used for its hint and error).
    id: &'static str,
    value: RwSignal<String>,
    #[prop(into, default = Signal::derive(|| None))] error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
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
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                required=required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                bind:value=value
            />
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
