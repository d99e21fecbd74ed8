//! Join a synced vault (#22), on the create-vault page: the server, user name and password,
//! then the vault's own passphrase (and, for a vault with security keys, the key the browser asks
//! for or the recovery code); this device gets the whole vault from the server.

use crate::app::session::Session;
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::use_locale;
use crate::ui::common::text_field::TextField;
use crate::vault::Passphrase;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn JoinVaultForm(on_cancel: impl Fn() + 'static + Copy) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let url = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let recovery = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let working = RwSignal::new(false);
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        working.set(true);
        let chosen = Passphrase::new(passphrase.get_untracked());
        spawn_local(async move {
            let joined = session
                .join(
                    url.get_untracked(),
                    user.get_untracked(),
                    password.get_untracked(),
                    chosen,
                    recovery.get_untracked(),
                )
                .await;
            match joined {
                Ok(_) => {
                    password.set(String::new());
                    passphrase.set(String::new());
                    recovery.set(String::new());
                }
                Err(e) => failure.set(Some(e)),
            }
            working.set(false);
        });
    };
    view! {
        <form class="form" aria-labelledby="join-heading" on:submit=join
            on:keydown=move |ev| if ev.key() == "Escape" { on_cancel() }>
            <h2 id="join-heading">{t(Text::JoinSyncedVault)}</h2>
            <p class="lead">{t(Text::JoinLead)}</p>
            <TextField label=Text::ServerAddress id="join-url" value=url input_type="url"
                hint=Text::ServerAddressHint required=true/>
            <TextField label=Text::SyncUserName id="join-user" value=user autocomplete="username"
                required=true/>
            <TextField label=Text::SyncPassword id="join-password" value=password
                input_type="password" autocomplete="current-password" required=true/>
            <TextField label=Text::Passphrase id="join-passphrase" value=passphrase
                input_type="password" autocomplete="current-password"
                hint=Text::JoinPassphraseHint required=true/>
            <TextField label=Text::RecoveryCode id="join-recovery" value=recovery
                hint=Text::JoinRecoveryCodeHint/>
            <ActionError failure/>
            <div class="actions">
                <button type="submit" class="button" disabled=move || working.get()>
                    {t(Text::JoinSyncedVault)}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel()>
                    {t(Text::Cancel)}
                </button>
            </div>
            <Show when=move || working.get()>
                <p class="hint" role="status">{t(Text::Joining)}</p>
            </Show>
        </form>
    }
}
