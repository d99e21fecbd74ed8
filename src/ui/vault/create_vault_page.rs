//! First visit: create the vault with a passphrase.

use crate::i18n::errors::passphrase_error;
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::use_ui;
use crate::ui::common::strength_meter::StrengthMeter;
use crate::ui::common::text_field::TextField;
use crate::ui::vault::take_over_callout::TakeOverCallout;
use crate::vault::{Passphrase, PassphraseError};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The new passphrase typed twice, and what is wrong with each field: shared by Create vault
/// and Restore from a backup.
#[derive(Clone, Copy)]
pub struct NewPassphrase {
    pub passphrase: RwSignal<String>,
    pub confirmation: RwSignal<String>,
    pub passphrase_problem: RwSignal<Option<PassphraseError>>,
    pub confirmation_problem: RwSignal<Option<PassphraseError>>,
}

impl NewPassphrase {
    /// The passphrase chosen, or None with the problem shown at its field.
    pub fn choose(self) -> Option<Passphrase> {
        self.passphrase_problem.set(None);
        self.confirmation_problem.set(None);
        match Passphrase::choose(
            &self.passphrase.get_untracked(),
            &self.confirmation.get_untracked(),
        ) {
            Ok(p) => Some(p),
            Err(e @ PassphraseError::Mismatch) => {
                self.confirmation_problem.set(Some(e));
                None
            }
            Err(e) => {
                self.passphrase_problem.set(Some(e));
                None
            }
        }
    }
}

#[component]
pub fn CreateVaultPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let passphrase = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let passphrase_problem = RwSignal::new(None::<PassphraseError>);
    let confirmation_problem = RwSignal::new(None::<PassphraseError>);
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let working = RwSignal::new(false);
    let joining = RwSignal::new(false);

    let typed = NewPassphrase {
        passphrase,
        confirmation,
        passphrase_problem,
        confirmation_problem,
    };
    let create = move |take_over: bool| {
        failure.set(None);
        let Some(chosen) = typed.choose() else {
            return;
        };
        working.set(true);
        spawn_local(async move {
            match session.create(chosen, take_over).await {
                Ok(true) => {
                    passphrase.set(String::new());
                    confirmation.set(String::new());
                }
                Ok(false) => {}
                Err(e) => failure.set(Some(e)),
            }
            working.set(false);
        });
    };
    let passphrase_message = Signal::derive(move || {
        passphrase_problem
            .get()
            .map(|e| passphrase_error(locale.get(), &e))
    });
    let confirmation_error = Signal::derive(move || {
        confirmation_problem.get().map(|e| {
            format!(
                "{}: {}",
                passphrase_error(locale.get(), &e),
                locale.t(Text::TypeTwice)
            )
        })
    });

    view! {
        <section class="page narrow" aria-labelledby="create-heading">
            <h1 id="create-heading">{t(Text::CreateHeading)}</h1>
            <p class="lead">{t(Text::CreateLead)}</p>
            <div class="callout" role="note">
                <p>
                    <strong>{t(Text::CreateWarningStrong)}</strong>
                    {t(Text::CreateWarningBody)}
                </p>
            </div>
            <Show
                when=move || !joining.get()
                fallback=move || view! {
                    <crate::ui::vault::join_vault_form::JoinVaultForm on_cancel=move || joining.set(false)/>
                }
            >
                <form
                    class="form"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        create(false);
                    }
                >
                    <TextField
                        label=Text::Passphrase
                        id="passphrase"
                        value=passphrase
                        error=passphrase_message
                        input_type="password"
                        autocomplete="new-password"
                        hint=Text::PassphraseHint
                        required=true
                    />
                    <StrengthMeter passphrase id="passphrase-strength"/>
                    <TextField
                        label=Text::ConfirmPassphrase
                        id="confirm-passphrase"
                        value=confirmation
                        error=confirmation_error
                        input_type="password"
                        autocomplete="new-password"
                        required=true
                    />
                    <ActionError failure/>
                    <TakeOverCallout on_take_over=move || create(true)/>
                    <button type="submit" class="button" disabled=move || working.get()>
                        {t(Text::CreateVault)}
                    </button>
                    <Show when=move || working.get()>
                        <p class="hint" role="status">{t(Text::Creating)}</p>
                    </Show>
                </form>
                <crate::ui::vault::restore_on_create::RestoreOnCreate typed/>
                <section class="panel" aria-labelledby="join-offer">
                    <h2 id="join-offer">{t(Text::SyncHeading)}</h2>
                    <p>{t(Text::JoinLead)}</p>
                    <button type="button" class="button secondary" on:click=move |_| joining.set(true)>
                        {t(Text::JoinSyncedVault)}
                    </button>
                </section>
            </Show>
        </section>
    }
}
