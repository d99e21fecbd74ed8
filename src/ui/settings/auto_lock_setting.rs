//! How long the vault stays unlocked without activity (kept in LocalStorage: not personal data).

use crate::app::preferences::IDLE_CHOICES;
use crate::app::session::Session;
use crate::i18n::{phrases, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn AutoLockSetting() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    view! {
        <section class="panel" aria-labelledby="autolock-heading">
            <h2 id="autolock-heading">{move || locale.t(Text::AutoLockHeading)}</h2>
            <div class="field">
                <label for="idle-minutes">{move || locale.t(Text::LockAfter)}</label>
                <p class="field-hint" id="idle-minutes-hint">{move || locale.t(Text::LockAfterHint)}</p>
                <select
                    id="idle-minutes"
                    aria-describedby="idle-minutes-hint"
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                            session.idle.set_minutes(m);
                        }
                    }
                >
                    {IDLE_CHOICES
                        .iter()
                        .map(|m| {
                            let m = *m;
                            view! {
                                <option value=m.to_string() prop:selected=move || session.idle.minutes.get() == m>
                                    {move || phrases::duration(locale.get(), m)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </section>
    }
}
