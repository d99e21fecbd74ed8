//! Asks before destroying data: the question, "Yes, delete" and "Cancel".

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn ConfirmDelete(
    /// Shown while true; Cancel sets it to false.
    open: RwSignal<bool>,
    question: Text,
    on_confirm: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Show when=move || open.get()>
            <div class="callout danger" role="alertdialog" aria-labelledby="confirm-delete-question">
                <p id="confirm-delete-question">{move || locale.t(question)}</p>
                <div class="actions">
                    <button type="button" class="button danger" on:click=move |_| on_confirm()>
                        {move || locale.t(Text::ConfirmDelete)}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>
                        {move || locale.t(Text::Cancel)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
