//! The Edit and Delete links under one item of a list (an activity of a timeline, a document).
//! Must not import a feature folder.

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

/// "Edit" runs `on_edit`; "Delete" runs `on_delete` (which deletes, or asks first).
#[component]
pub fn EditDeleteLinks(
    on_edit: impl Fn() + 'static,
    on_delete: impl Fn() + 'static,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="actions small">
            <button type="button" class="link-button" on:click=move |_| on_edit()>
                {move || locale.t(Text::Edit)}
            </button>
            <button type="button" class="link-button" on:click=move |_| on_delete()>
                {move || locale.t(Text::Delete)}
            </button>
        </div>
    }
}
