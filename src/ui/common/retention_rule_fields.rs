//! A retention rule's two inputs side by side: how many months, and what they count from (the
//! last activity, the deal's close, the consent's end, the contract's end). Used by the purpose
//! form and by the contact record's rule in Settings; the rule itself is
//! `domain::retention::RetentionRule::parse`. Must not import a feature folder.

use crate::domain::retention::After;
use crate::i18n::phrases::retention::after_text;
use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;

#[component]
pub fn RetentionRuleFields(
    /// The months input's id; the select's is `after_id`.
    months_id: &'static str,
    after_id: &'static str,
    months_label: Text,
    hint: Text,
    months: RwSignal<String>,
    /// An `After::code`.
    after: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="field-row retention-rule">
            <TextField label=months_label id=months_id value=months error=error input_type="number" hint=hint/>
            <div class="field">
                <label for=after_id>{move || locale.t(Text::RetentionAfterLabel)}</label>
                <select id=after_id on:change=move |ev| after.set(event_target_value(&ev))>
                    {After::ALL
                        .into_iter()
                        .map(|a| view! {
                            <option value=a.code() prop:selected=move || after.get() == a.code()>
                                {move || locale.t(after_text(a))}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}
