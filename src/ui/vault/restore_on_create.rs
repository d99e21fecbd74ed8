//! The create-vault page's **Restore from a backup**: a new device gets its vault from an
//! encrypted backup (or an export) in one step — the vault is created with the passphrase typed
//! above and the file restored into it before the app opens. Imports `app`, `vault` and `i18n`.

use crate::app::session::Session;
use crate::app::AppError;
use crate::i18n::errors::{import_error, passphrase_error};
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::{chosen_file, file_bytes};
use crate::ui::common::locale::use_ui;
use crate::ui::vault::create_vault_page::NewPassphrase;
use crate::vault::Passphrase;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

#[component]
pub fn RestoreOnCreate(
    /// The create form's passphrase fields: the restored vault is opened with them.
    typed: NewPassphrase,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let bytes = StoredValue::new_local(None::<Rc<Vec<u8>>>);
    let encrypted = RwSignal::new(false);
    let chosen = RwSignal::new(false);
    let backup_pass = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<AppError>);
    let working = RwSignal::new(false);
    let progress = RwSignal::new(None::<(usize, usize)>);

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        problem.set(None);
        bytes.set_value(None);
        chosen.set(false);
        encrypted.set(false);
        let Some(file) = chosen_file(&input) else {
            return;
        };
        if file.size() > crate::portability::MAX_BYTES as f64 {
            let e = crate::portability::ImportError {
                path: "$".into(),
                problem: crate::portability::Problem::TooLarge(crate::portability::MAX_BYTES),
            };
            problem.set(Some(import_error(untrack(|| locale.get()), &e)));
            return;
        }
        spawn_local(async move {
            match file_bytes(&file).await {
                Some(read) => {
                    encrypted.set(crate::vault::backup::is_backup(&read));
                    bytes.set_value(Some(Rc::new(read)));
                    chosen.set(true);
                }
                None => problem.set(Some(locale.t(Text::FileNotRead).to_string())),
            }
        });
    };

    let restore = move |_| {
        problem.set(None);
        failure.set(None);
        let lang = untrack(|| locale.get());
        let Some(chosen_pass) = typed.choose() else {
            // Said here too: the fields are above, out of sight.
            let e = typed.passphrase_problem.get_untracked();
            let e = e.or_else(|| typed.confirmation_problem.get_untracked());
            problem.set(e.map(|e| passphrase_error(lang, &e)));
            return;
        };
        let Some(file) = bytes.get_value() else {
            problem.set(Some(locale.t(Text::ChooseAFileFirst).to_string()));
            return;
        };
        // The file is opened and checked before any vault is created.
        let export = if encrypted.get_untracked() {
            match Session::open_backup(&file, &Passphrase::new(backup_pass.get_untracked())) {
                Ok(export) => export,
                Err(AppError::Import(e)) => {
                    problem.set(Some(import_error(lang, &e)));
                    return;
                }
                Err(_) => {
                    problem.set(Some(locale.t(Text::WrongBackupPassphrase).to_string()));
                    return;
                }
            }
        } else {
            match crate::portability::parse(&file) {
                Ok(export) => export,
                Err(e) => {
                    problem.set(Some(import_error(lang, &e)));
                    return;
                }
            }
        };
        working.set(true);
        spawn_local(async move {
            match session.create_restored(chosen_pass, export, progress).await {
                // The app opens on the restored vault; this page is gone.
                Ok(Some(_)) => {}
                Ok(None) => {
                    problem.set(Some(locale.t(Text::NoticeOpenedElsewhere).to_string()));
                    working.set(false);
                }
                Err(e) => {
                    failure.try_set(Some(e));
                    working.try_set(false);
                }
            }
        });
    };

    view! {
        <section class="panel" aria-labelledby="restore-heading">
            <h2 id="restore-heading">{t(Text::RestoreFromBackup)}</h2>
            <p class="hint">{t(Text::RestoreFromBackupLead)}</p>
            <div class="form">
            <div class="field">
                <label for="restore-file">{t(Text::BackupOrExportFile)}</label>
                <input id="restore-file" type="file" accept="application/json,.json,.folio-backup" on:change=on_file/>
            </div>
            <Show when=move || encrypted.get()>
                <div class="field">
                    <label for="restore-backup-passphrase">{t(Text::ThisBackupPassphrase)}</label>
                    <input id="restore-backup-passphrase" type="password" autocomplete="off" bind:value=backup_pass/>
                </div>
            </Show>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
            <ActionError failure/>
            <div class="actions">
                <button type="button" class="button secondary" disabled=move || working.get() || !chosen.get() on:click=restore>
                    {t(Text::RestoreFromBackup)}
                </button>
            </div>
            {move || progress.get().map(|(done, total)| view! {
                <p class="hint" role="status">{phrases::import_progress(locale.get(), done, total)}</p>
            })}
            </div>
        </section>
    }
}
