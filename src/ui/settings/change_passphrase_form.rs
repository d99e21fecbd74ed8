//! Change passphrase: re-wraps the data key; the records are not touched.

use crate::app::AppError;
use crate::i18n::errors::passphrase_error;
use crate::i18n::Text;
use crate::ui::common::form_outcome::FormOutcome;
use crate::ui::common::locale::use_ui;
use crate::ui::common::strength_meter::StrengthMeter;
use crate::ui::common::text_field::TextField;
use crate::vault::{Passphrase, PassphraseError, VaultError};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What is wrong with the current-passphrase field.
#[derive(Clone, Copy, PartialEq)]
enum CurrentProblem {
    Missing,
    Wrong,
}

#[component]
pub fn ChangePassphraseForm() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let current_problem = RwSignal::new(None::<CurrentProblem>);
    let new_problem = RwSignal::new(None::<PassphraseError>);
    let confirmation_problem = RwSignal::new(None::<PassphraseError>);
    let outcome = RwSignal::new(None::<Result<(), AppError>>);
    let working = RwSignal::new(false);

    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        current_problem.set(None);
        new_problem.set(None);
        confirmation_problem.set(None);
        outcome.set(None);
        if current.get_untracked().is_empty() {
            current_problem.set(Some(CurrentProblem::Missing));
            return;
        }
        let chosen = match Passphrase::choose(&new.get_untracked(), &confirmation.get_untracked()) {
            Ok(p) => p,
            Err(e @ PassphraseError::Mismatch) => {
                confirmation_problem.set(Some(e));
                return;
            }
            Err(e) => {
                new_problem.set(Some(e));
                return;
            }
        };
        let old = Passphrase::new(current.get_untracked());
        working.set(true);
        spawn_local(async move {
            let change = move |v: crate::app::session::Vault, now| async move {
                let kdf = crate::vault::KdfParams::recommended()?;
                v.change_passphrase(&old, &chosen, kdf, now).await
            };
            match session.write(change).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    confirmation.set(String::new());
                    outcome.set(Some(Ok(())));
                }
                Err(AppError::Vault(VaultError::WrongPassphrase)) => {
                    current_problem.set(Some(CurrentProblem::Wrong))
                }
                Err(e) => outcome.set(Some(Err(e))),
            }
            working.set(false);
        });
    };
    let current_error = Signal::derive(move || {
        current_problem.get().map(|p| match p {
            CurrentProblem::Missing => locale.t(Text::EnterCurrentPassphrase).to_string(),
            CurrentProblem::Wrong => locale.t(Text::NotCurrentPassphrase).to_string(),
        })
    });
    let new_error = Signal::derive(move || {
        new_problem
            .get()
            .map(|e| passphrase_error(locale.get(), &e))
    });
    let confirmation_error = Signal::derive(move || {
        confirmation_problem
            .get()
            .map(|e| passphrase_error(locale.get(), &e))
    });

    view! {
        <section class="panel" aria-labelledby="passphrase-heading">
            <h2 id="passphrase-heading">{t(Text::PassphraseHeading)}</h2>
            // While security keys are registered the form would only fail: it is not offered.
            <Show
                when=move || session.data.with(|d| d.protection.keys.is_empty())
                fallback=move || view! { <p class="hint">{t(Text::PassphraseLockedByKeys)}</p> }
            >
            <form class="form" novalidate=true on:submit=change>
                <TextField label=Text::CurrentPassphrase id="current-passphrase" value=current error=current_error input_type="password" autocomplete="current-password"/>
                <TextField label=Text::NewPassphrase id="new-passphrase" value=new error=new_error input_type="password" autocomplete="new-password" hint=Text::NewPassphraseHint/>
                <StrengthMeter passphrase=new id="new-passphrase-strength"/>
                <TextField label=Text::ConfirmNewPassphrase id="confirm-new-passphrase" value=confirmation error=confirmation_error input_type="password" autocomplete="new-password"/>
                <FormOutcome outcome=outcome success=Text::PassphraseChanged/>
                <button type="submit" class="button" disabled=move || working.get()>
                    {t(Text::ChangePassphrase)}
                </button>
                <Show when=move || working.get()>
                    <p class="hint" role="status">{t(Text::Rewrapping)}</p>
                </Show>
            </form>
            </Show>
        </section>
    }
}
