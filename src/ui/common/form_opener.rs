//! A form kept behind its button: the button opens it (focus goes to its first field), Escape
//! or the form's own Cancel closes it, and focus returns to the button. The form closes itself
//! after saving by setting `open` to false. Must not import a feature folder.

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FormOpener(
    /// The button's text (and accessible name).
    label: Text,
    /// The button's id, so that focus can return to it.
    #[prop(into)]
    id: String,
    /// Whether the form is shown; the form sets it to false once saved or cancelled.
    open: RwSignal<bool>,
    /// Styled as a main action (else a secondary one).
    #[prop(optional)]
    primary: bool,
    /// Styled as a link (a small action in a list row).
    #[prop(optional)]
    link: bool,
    /// What the button acts on, added to its accessible name ("Reschedule: Call back").
    #[prop(optional, into)]
    about: Option<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let locale = use_locale();
    let id = StoredValue::new(id);
    let area = NodeRef::<leptos::html::Div>::new();
    // Opened: the first field takes focus.
    Effect::new(move |_| {
        if let Some(el) = area.get() {
            let first = el
                .query_selector("input:not([type=hidden]), select, textarea")
                .ok()
                .flatten()
                .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(field) = first {
                let _ = field.focus();
            }
        }
    });
    // Closed after being open: focus goes back to the button (drawn again in the same turn).
    Effect::new(move |was_open: Option<bool>| {
        let now_open = open.get();
        if was_open == Some(true) && !now_open {
            request_animation_frame(move || {
                if let Some(button) = document()
                    .get_element_by_id(&id.get_value())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = button.focus();
                }
            });
        }
        now_open
    });
    let class = match (primary, link) {
        (_, true) => "link-button",
        (true, false) => "button",
        (false, false) => "button secondary",
    };
    let about = StoredValue::new(about);
    let name = move || {
        about
            .get_value()
            .map(|about| format!("{}: {about}", locale.t(label)))
    };
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button type="button" class=class id=id.get_value() aria-expanded="false" aria-label=name on:click=move |_| open.set(true)>
                    {move || locale.t(label)}
                </button>
            }
        >
            <div
                class="opened-form"
                node_ref=area
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        open.set(false);
                    }
                }
            >
                {children()}
            </div>
        </Show>
    }
}
