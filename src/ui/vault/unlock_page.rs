//! Later visits: unlock the vault with its passphrase, then (for a vault with security keys) the
//! key the browser asks for, or the recovery code.

use crate::app::session::Notice;
use crate::app::AppError;
use crate::i18n::errors::describe;
use crate::i18n::{phrases, Text};
use crate::ui::common::locale::use_ui;
use crate::ui::vault::take_over_callout::TakeOverCallout;
use crate::vault::Passphrase;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn UnlockPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let passphrase = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<Option<AppError>>);
    let working = RwSignal::new(false);
    let shown = RwSignal::new(false);
    // A recovery code instead of the security key (#24).
    let use_code = RwSignal::new(false);
    let recovery = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    // The passphrase has the focus on load; after a wrong attempt it is selected, to retype.
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let select_again = move || {
        if let Some(el) = input.get_untracked() {
            let _ = el.focus();
            el.select();
        }
    };

    let unlock = move |take_over: bool| {
        failure.set(None);
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            failure.set(Some(None));
            return;
        }
        let code = use_code.get_untracked().then(|| recovery.get_untracked());
        working.set(true);
        spawn_local(async move {
            match session
                .unlock_by(Passphrase::new(typed), code, take_over)
                .await
            {
                Ok(true) => {
                    passphrase.set(String::new());
                    recovery.set(String::new());
                }
                Ok(false) => {}
                Err(e) => {
                    failure.set(Some(Some(e)));
                    working.set(false);
                    select_again();
                    return;
                }
            }
            working.set(false);
        });
    };
    let notice = move || {
        session.notice.get().and_then(|n| match n {
            Notice::IdleLocked(minutes) => Some(phrases::locked_after_idle(locale.get(), minutes)),
            Notice::OpenedElsewhere => Some(locale.t(Text::NoticeOpenedElsewhere).to_string()),
            Notice::WaitingForStorage => None,
        })
    };

    view! {
        <section class="page narrow" aria-labelledby="unlock-heading">
            <h1 id="unlock-heading">{t(Text::UnlockHeading)}</h1>
            {move || notice().map(|n| view! { <p class="callout" role="status">{n}</p> })}
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    unlock(false);
                }
            >
                <div class="field">
                    <label for="passphrase">{t(Text::Passphrase)}</label>
                    <div class="input-with-button">
                        <input
                            id="passphrase"
                            name="passphrase"
                            type=move || if shown.get() { "text" } else { "password" }
                            autocomplete="current-password"
                            aria-required="true"
                            aria-invalid=move || failure.with(Option::is_some).then_some("true")
                            node_ref=input
                            bind:value=passphrase
                        />
                        <button
                            type="button"
                            class="button secondary"
                            aria-controls="passphrase"
                            aria-pressed=move || shown.get().to_string()
                            on:click=move |_| shown.update(|s| *s = !*s)
                        >
                            {t(Text::ShowPassphrase)}
                        </button>
                    </div>
                </div>
                <Show when=move || session.key_protected.get()>
                    <Show
                        when=move || use_code.get()
                        fallback=move || view! { <p class="hint">{t(Text::UnlockAsksForKey)}</p> }
                    >
                        <div class="field">
                            <label for="recovery-code">{t(Text::RecoveryCode)}</label>
                            <input id="recovery-code" name="recovery-code" type="text"
                                autocomplete="off" spellcheck="false" autocapitalize="characters"
                                bind:value=recovery/>
                        </div>
                    </Show>
                    <p>
                        <button type="button" class="link-button" on:click=move |_| {
                            use_code.update(|u| *u = !*u);
                            recovery.set(String::new());
                            failure.set(None);
                        }>
                            {move || if use_code.get() {
                                locale.t(Text::UseSecurityKeyInstead)
                            } else {
                                locale.t(Text::UseRecoveryCode)
                            }}
                        </button>
                    </p>
                </Show>
                {move || {
                    failure
                        .get()
                        .map(|f| {
                            let text = match f {
                                None => locale.t(Text::EnterPassphrase).to_string(),
                                Some(e) => describe(locale.get(), &e),
                            };
                            view! { <p class="form-error" role="alert">{text}</p> }
                        })
                }}
                <TakeOverCallout on_take_over=move || unlock(true)/>
                <button type="submit" class="button" disabled=move || working.get()>
                    {t(Text::Unlock)}
                </button>
                <Show when=move || working.get()>
                    <p class="hint" role="status">
                        {move || if session.key_protected.get() && !use_code.get() {
                            locale.t(Text::AskingForKey)
                        } else {
                            locale.t(Text::Unlocking)
                        }}
                    </p>
                </Show>
            </form>
        </section>
    }
}
