//! How long the vault stays unlocked without activity (kept in LocalStorage: not personal data).

use crate::app::session::{Session, IDLE_CHOICES};
use leptos::prelude::*;

fn label(minutes: u32) -> String {
    match minutes {
        60 => "1 hour".to_string(),
        m if m % 60 == 0 => format!("{} hours", m / 60),
        1 => "1 minute".to_string(),
        m => format!("{m} minutes"),
    }
}

#[component]
pub fn AutoLockSetting() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <section class="panel" aria-labelledby="autolock-heading">
            <h2 id="autolock-heading">"Automatic lock"</h2>
            <div class="field">
                <label for="idle-minutes">"Lock after inactivity"</label>
                <p class="field-hint" id="idle-minutes-hint">
                    "Also when the tab stays hidden that long. Locking removes the key and all decrypted data from memory."
                </p>
                <select
                    id="idle-minutes"
                    aria-describedby="idle-minutes-hint"
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                            session.set_idle_minutes(m);
                        }
                    }
                >
                    {IDLE_CHOICES
                        .iter()
                        .map(|m| {
                            let m = *m;
                            view! {
                                <option value=m.to_string() selected=move || session.idle_minutes.get() == m>
                                    {label(m)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_read_naturally() {
        assert_eq!(label(1), "1 minute");
        assert_eq!(label(15), "15 minutes");
        assert_eq!(label(60), "1 hour");
        assert_eq!(label(240), "4 hours");
    }
}
