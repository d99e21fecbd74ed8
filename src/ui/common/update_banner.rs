//! Offers a downloaded new release; reloading locks the vault, so the user decides when.

use crate::app::release::Release;
use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let release = expect_context::<Release>();
    let locale = use_locale();
    view! {
        <Show when=move || release.update_ready.get()>
            <div class="update-banner" role="status">
                <p>{move || locale.t(Text::UpdateReady)}</p>
                <button type="button" class="button" on:click=move |_| release.apply()>
                    {move || locale.t(Text::ReloadToUpdate)}
                </button>
            </div>
        </Show>
    }
}
