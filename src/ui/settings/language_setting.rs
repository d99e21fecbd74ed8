//! The interface language (remembered in LocalStorage; not personal data).

use crate::i18n::{Lang, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn LanguageSetting() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="panel" aria-labelledby="language-heading">
            <h2 id="language-heading">{move || locale.t(Text::LanguageHeading)}</h2>
            <div class="field">
                <label for="language">{move || locale.t(Text::LanguageLabel)}</label>
                <select
                    id="language"
                    on:change=move |ev| {
                        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                            locale.choose(lang);
                        }
                    }
                >
                    {Lang::ALL
                        .iter()
                        .map(|lang| {
                            let lang = *lang;
                            view! {
                                <option value=lang.code() lang=lang.tag() prop:selected=move || locale.get() == lang>
                                    {lang.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </section>
    }
}
