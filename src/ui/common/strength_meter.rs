//! How strong a new passphrase is, shown while it is typed: a short text ("Strength: fair"),
//! which screen readers announce politely when the level changes, after a bar drawn by the
//! style sheet from the level's class. Must not import a feature folder.

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use crate::vault::{Passphrase, Strength};
use leptos::prelude::*;

#[component]
pub fn StrengthMeter(
    /// The passphrase being typed.
    passphrase: RwSignal<String>,
    /// The id of the text.
    id: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let strength =
        Memo::new(move |_| passphrase.with(|p| (!p.is_empty()).then(|| Passphrase::strength(p))));
    // The level, 0 (nothing typed) to 4; its class draws the bar (see style/main.css).
    let level = move || match strength.get() {
        None => 0,
        Some(Strength::Weak) => 1,
        Some(Strength::Fair) => 2,
        Some(Strength::Strong) => 3,
        Some(Strength::VeryStrong) => 4,
    };
    const CLASSES: [&str; 5] = [
        "strength",
        "strength strength-1",
        "strength strength-2",
        "strength strength-3",
        "strength strength-4",
    ];
    let words = move || {
        strength.get().map(|s| {
            let word = match s {
                Strength::Weak => Text::StrengthWeak,
                Strength::Fair => Text::StrengthFair,
                Strength::Strong => Text::StrengthStrong,
                Strength::VeryStrong => Text::StrengthVeryStrong,
            };
            format!("{} {}", locale.t(Text::StrengthLabel), locale.t(word))
        })
    };
    view! {
        <p class=move || CLASSES[level()] id=id aria-live="polite">
            {words}
        </p>
    }
}
