//! Says that another tab holds the vault, with the button that takes it over.

use crate::app::session::Session;
use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn TakeOverCallout(on_take_over: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    view! {
        <Show when=move || session.open_elsewhere.get()>
            <div class="callout warning" role="alert">
                <p>{move || locale.t(Text::OpenElsewhere)}</p>
                <button type="button" class="button secondary" on:click=move |_| on_take_over()>
                    {move || locale.t(Text::TakeOver)}
                </button>
            </div>
        </Show>
    }
}
