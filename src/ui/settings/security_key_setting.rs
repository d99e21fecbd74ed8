//! Settings → Security key (#24): what the browser can do, the keys with the date each was
//! added and a remove button (confirmed with the passphrase and that key or the recovery code),
//! adding a key (name and passphrase), the recovery code shown once, and making a new one.
//! Offers nothing the browser cannot do.

use crate::app::webauthn::{self, Support};
use crate::app::AppError;
use crate::i18n::errors::describe;
use crate::i18n::phrases::security_key as words;
use crate::i18n::{format, Text};
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use crate::vault::Passphrase;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Which form is open.
#[derive(Debug, Clone, PartialEq)]
enum Open {
    Nothing,
    Add,
    /// Removing the key with this credential id.
    Remove(String),
    NewCode,
}

#[component]
pub fn SecurityKeySetting() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let support = RwSignal::new(None::<Support>);
    spawn_local(async move { support.set(Some(webauthn::support().await)) });
    let open = RwSignal::new(Open::Nothing);
    let name = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let recovery = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let failure = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<Text>);
    // The recovery code, shown once: kept only until the person says they have kept it.
    let code = RwSignal::new(None::<String>);
    let keys = move || session.data.with(|d| d.protection.keys.clone());
    let protected = move || session.data.with(|d| !d.protection.keys.is_empty());

    let reset = move |to: Open| {
        name.set(String::new());
        passphrase.set(String::new());
        recovery.set(String::new());
        failure.set(None);
        done.set(None);
        open.set(to);
    };
    let finished = move |result: Result<Option<String>, AppError>, success: Text| {
        match result {
            Ok(shown) => {
                reset(Open::Nothing);
                done.set(Some(success));
                if shown.is_some() {
                    code.set(shown);
                }
            }
            Err(e) => {
                // The key or browser turned out unable to do PRF: offer adding no more.
                if e == AppError::SecurityKey(crate::app::KeyError::NoPrf) {
                    support.set(Some(Support::NoPrf));
                    open.set(Open::Nothing);
                }
                failure.set(Some(e));
            }
        }
        passphrase.set(String::new());
        working.set(false);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let typed = Passphrase::new(passphrase.get_untracked());
        working.set(true);
        match open.get_untracked() {
            Open::Nothing => working.set(false),
            Open::Add => {
                let chosen = name.get_untracked();
                spawn_local(async move {
                    let r = session.add_security_key(chosen, typed).await;
                    finished(r.map(|c| c.map(|c| c.to_string())), Text::KeyAdded);
                });
            }
            Open::Remove(id) => {
                let code_typed = recovery.get_untracked();
                let code_typed = (!code_typed.trim().is_empty()).then_some(code_typed);
                spawn_local(async move {
                    let r = session.remove_security_key(id, typed, code_typed).await;
                    finished(r.map(|()| None), Text::KeyRemoved);
                });
            }
            Open::NewCode => spawn_local(async move {
                let r = session.new_recovery_code(typed).await;
                finished(r.map(|c| Some(c.to_string())), Text::NewRecoveryCodeLead);
            }),
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    let key_list = move || {
        let lang = locale.get();
        let list = keys();
        if list.is_empty() {
            return view! { <p class="empty-state">{t(Text::NoSecurityKeys)}</p> }.into_any();
        }
        view! {
            <ul class="simple-list key-list" aria-label=move || locale.t(Text::SecurityKeysList)>
                {list
                    .into_iter()
                    .map(|k| {
                        let id = k.credential_id.clone();
                        let label = words::remove_key(lang, &k.name);
                        view! {
                            <li>
                                <strong class="key-name">{k.name.clone()}</strong>
                                <span class="hint">{words::added_on(lang, &format::date(lang, k.added))}</span>
                                <button type="button" class="button secondary small" aria-label=label
                                    on:click=move |_| reset(Open::Remove(id.clone()))>
                                    {t(Text::RemoveSecurityKey)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    let form = move || {
        let which = open.get();
        let (lead, button, last) = match &which {
            Open::Nothing => return None,
            Open::Add => (None, Text::RegisterSecurityKey, false),
            Open::Remove(_) => (
                Some(Text::RemoveKeyLead),
                Text::ConfirmRemoveKey,
                keys().len() == 1,
            ),
            Open::NewCode => (
                Some(Text::NewRecoveryCodeLead),
                Text::MakeNewRecoveryCode,
                false,
            ),
        };
        let removing = matches!(which, Open::Remove(_));
        let danger = removing;
        Some(view! {
            <form class="form" class:callout=danger class:danger=danger novalidate=true on:submit=submit
                on:keydown=move |ev| if ev.key() == "Escape" { reset(Open::Nothing) }>
                {lead.map(|l| view! { <p>{t(l)}</p> })}
                {last.then(|| view! { <p><strong>{t(Text::RemoveLastKeyWarning)}</strong></p> })}
                {(which == Open::Add).then(|| view! {
                    <TextField label=Text::SecurityKeyName id="security-key-name" value=name
                        hint=Text::SecurityKeyNameHint required=true/>
                })}
                <TextField label=Text::Passphrase id="security-key-passphrase" value=passphrase
                    input_type="password" autocomplete="current-password" required=true/>
                {removing.then(|| view! {
                    <TextField label=Text::RecoveryCode id="security-key-recovery" value=recovery
                        hint=Text::RecoveryCodeOptionalHint/>
                })}
                <div class="actions">
                    <button type="submit" class="button" class:danger=danger disabled=move || working.get()>
                        {t(button)}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| reset(Open::Nothing)>
                        {t(Text::Cancel)}
                    </button>
                </div>
                <Show when=move || working.get()>
                    <p class="hint" role="status">{t(Text::RegisteringKey)}</p>
                </Show>
            </form>
        })
    };

    let can_add = move || support.get() == Some(Support::Likely);
    view! {
        <section class="panel" aria-labelledby="security-key-heading">
            <h2 id="security-key-heading">{t(Text::SecurityKeyHeading)}</h2>
            <p class="hint">{t(Text::SecurityKeyLead)}</p>
            {move || match support.get() {
                None => Some(view! { <p class="hint" role="status">{t(Text::SecurityKeyChecking)}</p> }.into_any()),
                Some(Support::NoWebAuthn) => Some(view! { <p class="callout warning" data-testid="no-prf">{t(Text::SecurityKeyNoWebAuthn)}</p> }.into_any()),
                Some(Support::NoPrf) => Some(view! { <p class="callout warning" data-testid="no-prf">{t(Text::SecurityKeyNoPrf)}</p> }.into_any()),
                Some(Support::Likely) => None,
            }}
            {key_list}
            {move || code.get().map(|shown| view! {
                <div class="recovery-code-panel callout" role="region" aria-labelledby="recovery-code-heading">
                    <h3 id="recovery-code-heading">{t(Text::RecoveryCodeHeading)}</h3>
                    <p>{t(Text::RecoveryCodeLead)}</p>
                    <p class="recovery-code" data-testid="recovery-code">{shown.replace('-', " ")}</p>
                    <div class="actions no-print">
                        <button type="button" class="button secondary" on:click=print>{t(Text::PrintRecoveryCode)}</button>
                        <button type="button" class="button" on:click=move |_| code.set(None)>{t(Text::RecoveryCodeKept)}</button>
                    </div>
                </div>
            })}
            {move || done.get().map(|d| view! { <p class="form-success" role="status">{t(d)}</p> })}
            {move || failure.get().map(|e| view! { <p class="form-error" role="alert">{describe(locale.get(), &e)}</p> })}
            {form}
            <Show when=move || open.get() == Open::Nothing>
                <div class="actions">
                    <Show when=can_add>
                        <button type="button" class="button" on:click=move |_| reset(Open::Add)>
                            {t(Text::AddSecurityKey)}
                        </button>
                    </Show>
                    <Show when=protected>
                        <button type="button" class="button secondary" on:click=move |_| reset(Open::NewCode)>
                            {t(Text::NewRecoveryCode)}
                        </button>
                    </Show>
                </div>
            </Show>
        </section>
    }
}
