//! Data: **Export all data (JSON)** with when it was last done, the format's schema, and the
//! import of an export or encrypted backup (read and checked first, with what is wrong and
//! where; restored into an empty vault, merged or replaced into one with data, in one step).
//! Also the backup reminder shown on every page.

use crate::app::preferences::BACKUP_REMINDER_DAYS;
use crate::app::session::Session;
use crate::app::AppError;
use crate::i18n::errors::import_error;
use crate::i18n::{format, phrases, Text};
use crate::portability::Checked;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::{chosen_file, file_bytes, save_bytes, save_text};
use crate::ui::common::locale::{use_locale, use_ui};
use crate::vault::Passphrase;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// What the chosen file turned out to be.
#[derive(Clone)]
enum Chosen {
    Reading,
    /// An encrypted backup, waiting for its passphrase.
    Locked(std::rc::Rc<Vec<u8>>),
    Ready(std::rc::Rc<Checked>),
    Refused(String),
}

#[component]
pub fn DataPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let exporting = RwSignal::new(false);
    let exported = RwSignal::new(false);
    let failure = RwSignal::new(None::<AppError>);
    let export = move |_| {
        exporting.set(true);
        exported.set(false);
        failure.set(None);
        spawn_local(async move {
            match session.export_json().await {
                Ok(text) => {
                    let day = chrono::Utc::now().format("%Y-%m-%d");
                    match save_text(
                        &format!("folio-export-{day}.json"),
                        "application/json",
                        &text,
                    ) {
                        Ok(()) => exported.set(true),
                        Err(e) => failure.set(Some(e)),
                    }
                }
                Err(e) => failure.set(Some(e)),
            }
            exporting.set(false);
        });
    };
    let chosen = RwSignal::new_local(None::<Chosen>);
    let restored = RwSignal::new(None::<String>);
    let importing = RwSignal::new(false);
    // Into a vault with data: merge (the default) or replace, the latter confirmed by typing.
    let replace = RwSignal::new(false);
    let replace_typed = RwSignal::new(String::new());
    let differences = RwSignal::new(Vec::<String>::new());
    // (sealed, total) while an import encrypts the file's records.
    let progress = RwSignal::new(None::<(usize, usize)>);
    // Emptied after each import, so that choosing the same file again is noticed.
    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = chosen_file(&input) else {
            chosen.set(None);
            return;
        };
        restored.set(None);
        failure.set(None);
        chosen.set(Some(Chosen::Reading));
        spawn_local(async move {
            let lang = untrack(|| locale.get());
            let outcome = if file.size() > crate::portability::MAX_BYTES as f64 {
                Err(crate::portability::ImportError {
                    path: "$".into(),
                    problem: crate::portability::Problem::TooLarge(crate::portability::MAX_BYTES),
                })
            } else {
                match file_bytes(&file).await {
                    Some(bytes) => {
                        if crate::vault::backup::is_backup(&bytes) {
                            chosen.set(Some(Chosen::Locked(std::rc::Rc::new(bytes))));
                            return;
                        }
                        crate::portability::parse(&bytes)
                    }
                    None => Err(crate::portability::ImportError {
                        path: "$".into(),
                        problem: crate::portability::Problem::NotJson(
                            "the file could not be read".into(),
                        ),
                    }),
                }
            };
            chosen.set(Some(match outcome {
                Ok(export) => Chosen::Ready(std::rc::Rc::new(export)),
                Err(e) => Chosen::Refused(import_error(lang, &e)),
            }));
        });
    };
    // Every contact, sorted by name, as CSV or as vCards.
    let contacts_out = move |vcard: bool| {
        let text = session.data.with_untracked(|d| {
            let mut list: Vec<_> = d
                .contacts
                .values()
                .map(|c| {
                    let org = c
                        .data
                        .organisation_id
                        .as_ref()
                        .and_then(|o| d.organisations.get(o))
                        .map(|o| o.data.name.as_str())
                        .unwrap_or("");
                    // Who objected is marked, so another program does not mail them.
                    (c, org, d.objections_text(&c.id, chrono::Utc::now()))
                })
                .collect();
            list.sort_by_key(|(c, _, _)| crate::domain::search::fold(&c.data.display_name()));
            if vcard {
                list.iter()
                    .map(|(c, org, objected)| {
                        crate::portability::contacts_out::vcard(
                            &c.id,
                            &c.data,
                            org,
                            objected,
                            c.updated_at,
                        )
                    })
                    .collect::<String>()
            } else {
                crate::portability::contacts_out::csv(
                    list.iter()
                        .map(|(c, org, objected)| (&c.data, *org, objected.as_str())),
                )
            }
        });
        let day = chrono::Utc::now().format("%Y-%m-%d");
        let saved = if vcard {
            save_text(&format!("folio-contacts-{day}.vcf"), "text/vcard", &text)
        } else {
            save_text(&format!("folio-contacts-{day}.csv"), "text/csv", &text)
        };
        if let Err(e) = saved {
            failure.set(Some(e));
        }
    };
    let backup_pass = RwSignal::new(String::new());
    let backup_confirm = RwSignal::new(String::new());
    let backup_error = RwSignal::new(None::<String>);
    let backing_up = RwSignal::new(false);
    let backed_up = RwSignal::new(false);
    let backup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = untrack(|| locale.get());
        let passphrase = match Passphrase::choose(
            &backup_pass.get_untracked(),
            &backup_confirm.get_untracked(),
        ) {
            Ok(p) => p,
            Err(e) => {
                backup_error.set(Some(crate::i18n::errors::passphrase_error(lang, &e)));
                return;
            }
        };
        backup_error.set(None);
        backed_up.set(false);
        backing_up.set(true);
        spawn_local(async move {
            match session.export_backup(passphrase).await {
                Ok(bytes) => {
                    let day = chrono::Utc::now().format("%Y-%m-%d");
                    match save_bytes(
                        &format!("folio-backup-{day}.folio-backup"),
                        "application/octet-stream",
                        &bytes,
                    ) {
                        Ok(()) => {
                            backed_up.set(true);
                            backup_pass.set(String::new());
                            backup_confirm.set(String::new());
                        }
                        Err(e) => failure.set(Some(e)),
                    }
                }
                Err(e) => failure.set(Some(e)),
            }
            backing_up.set(false);
        });
    };
    let open_pass = RwSignal::new(String::new());
    let open_error = RwSignal::new(false);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Chosen::Locked(bytes)) = chosen.get_untracked() else {
            return;
        };
        let lang = untrack(|| locale.get());
        match Session::open_backup(&bytes, &Passphrase::new(open_pass.get_untracked())) {
            Ok(export) => {
                open_error.set(false);
                open_pass.set(String::new());
                chosen.set(Some(Chosen::Ready(std::rc::Rc::new(export))));
            }
            Err(AppError::Import(e)) => chosen.set(Some(Chosen::Refused(import_error(lang, &e)))),
            Err(_) => open_error.set(true),
        }
    };
    let replace_confirmed = move || {
        replace_typed.with(|w| crate::ui::typed_word_is(w, Text::ReplaceConfirmWord, locale.get()))
    };
    let import = move |_| {
        let Some(Chosen::Ready(export)) = chosen.get_untracked() else {
            return;
        };
        let empty = session.vault_is_empty();
        let replacing = !empty && replace.get_untracked();
        if replacing && !untrack(replace_confirmed) {
            return;
        }
        importing.set(true);
        failure.set(None);
        differences.set(Vec::new());
        spawn_local(async move {
            let lang = untrack(|| locale.get());
            let export = (*export).clone();
            let outcome = if empty {
                session
                    .import_export(export, progress)
                    .await
                    .map(|summary| phrases::restore_summary(lang, &summary))
            } else if replacing {
                session
                    .import_replace(export, progress)
                    .await
                    .map(|summary| phrases::restore_summary(lang, &summary))
            } else {
                session
                    .write(move |v, now| async move { v.import_merge(&export, now).await })
                    .await
                    .map(|report| {
                        differences.set(difference_lines(session, lang, &report));
                        phrases::merge_report(lang, &report)
                    })
            };
            progress.set(None);
            match outcome {
                Ok(text) => {
                    restored.set(Some(text));
                    replace_typed.set(String::new());
                    chosen.set(None);
                    if let Some(input) = file_input.get_untracked() {
                        input.set_value("");
                    }
                }
                Err(e) => failure.set(Some(e)),
            }
            importing.set(false);
        });
    };
    let last_export = move || {
        let lang = locale.get();
        match session.last_export.get() {
            Some(at) => format::date_time(lang, at),
            None => locale.t(Text::NeverExported).to_string(),
        }
    };
    view! {
        <section class="page" aria-labelledby="data-heading">
            <h1 id="data-heading">{t(Text::DataHeading)}</h1>
            <p class="lead">{t(Text::DataLead)}</p>
            <ActionError failure/>
            // The encrypted backup first: it is what a user should keep; the export is plain text.
            <section class="panel" aria-labelledby="backup-heading">
                <h2 id="backup-heading">{t(Text::BackupHeading)}</h2>
                <p class="hint">{t(Text::BackupLead)}</p>
                <p class="hint" data-testid="backup-not-tied">{t(Text::BackupNotTiedToKey)}</p>
                <form class="form" novalidate=true on:submit=backup>
                    <div class="field">
                        <label for="backup-passphrase">{t(Text::BackupPassphrase)}</label>
                        <input id="backup-passphrase" type="password" autocomplete="new-password" bind:value=backup_pass/>
                    </div>
                    <div class="field">
                        <label for="backup-confirm">{t(Text::ConfirmBackupPassphrase)}</label>
                        <input id="backup-confirm" type="password" autocomplete="new-password" bind:value=backup_confirm/>
                    </div>
                    {move || backup_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                    <div class="actions">
                        <button type="submit" class="button" disabled=move || backing_up.get()>{t(Text::DownloadBackup)}</button>
                        <Show when=move || backing_up.get()><span class="hint" role="status">{t(Text::Exporting)}</span></Show>
                        <Show when=move || backed_up.get()><span class="form-success" role="status">{t(Text::BackupSaved)}</span></Show>
                    </div>
                </form>
            </section>
            <section class="panel" aria-labelledby="export-heading">
                <h2 id="export-heading">{t(Text::ExportHeading)}</h2>
                <dl class="details">
                    <div class="fact-row"><dt>{t(Text::LastExport)}</dt><dd data-testid="last-export">{last_export}</dd></div>
                </dl>
                <p class="hint">{t(Text::ExportUnencrypted)}</p>
                <div class="actions">
                    <button type="button" class="button secondary" disabled=move || exporting.get() on:click=export>{t(Text::ExportAll)}</button>
                    <Show when=move || exporting.get()><span class="hint" role="status">{t(Text::Exporting)}</span></Show>
                    <Show when=move || exported.get()><span class="form-success" role="status">{t(Text::ExportDone)}</span></Show>
                </div>
                <p><a href="/folio-export-v3.schema.json" download="folio-export-v3.schema.json">{t(Text::FormatLink)}</a></p>
            </section>
            <section class="panel" aria-labelledby="contacts-out-heading">
                <h2 id="contacts-out-heading">{t(Text::ContactsOutHeading)}</h2>
                <p class="hint">{t(Text::ContactsOutLead)}</p>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| contacts_out(false)>{t(Text::ExportContactsCsv)}</button>
                    <button type="button" class="button secondary" on:click=move |_| contacts_out(true)>{t(Text::ExportContactsVcard)}</button>
                </div>
            </section>
            <crate::ui::data::contacts_import::ContactsImport/>
            <section class="panel" aria-labelledby="import-heading">
                <h2 id="import-heading">{t(Text::ImportHeading)}</h2>
                <p class="hint">{t(Text::ImportLead)}</p>
                {move || progress.get().map(|(done, total)| view! {
                    <div class="field" role="status">
                        <label for="import-progress">{phrases::import_progress(locale.get(), done, total)}</label>
                        <progress id="import-progress" max=total.to_string() value=done.to_string()></progress>
                    </div>
                })}
                {move || restored.get().map(|what| view! { <p class="form-success" role="status" data-testid="import-outcome">{format!("{} {what}", locale.t(Text::Saved))}</p> })}
                {move || {
                    let lines = differences.get();
                    (!lines.is_empty()).then(|| view! {
                        <h3>{t(Text::MergeConflictsHeading)}</h3>
                        <ul data-testid="merge-differences">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    })
                }}
                    <div class="field">
                        <label for="import-file">{t(Text::ImportFile)}</label>
                        <input id="import-file" type="file" accept="application/json,.json,.folio-backup" node_ref=file_input on:change=on_file/>
                    </div>
                    {move || match chosen.get() {
                        None => None,
                        Some(Chosen::Reading) => Some(view! { <p class="hint" role="status">{t(Text::ImportReading)}</p> }.into_any()),
                        Some(Chosen::Locked(_)) => Some(view! {
                            <form class="form" novalidate=true on:submit=open>
                                <p>{t(Text::BackupNeedsPassphrase)}</p>
                                <div class="field">
                                    <label for="open-backup-passphrase">{t(Text::ThisBackupPassphrase)}</label>
                                    <input id="open-backup-passphrase" type="password" autocomplete="off" bind:value=open_pass/>
                                </div>
                                <Show when=move || open_error.get()><p class="form-error" role="alert">{t(Text::WrongBackupPassphrase)}</p></Show>
                                <div class="actions"><button type="submit" class="button">{t(Text::OpenBackup)}</button></div>
                            </form>
                        }.into_any()),
                        Some(Chosen::Refused(why)) => Some(view! { <p class="form-error" role="alert" data-testid="import-problem">{why}</p> }.into_any()),
                        Some(Chosen::Ready(export)) => {
                            let summary = crate::app::service::ImportSummary::of_export(&export);
                            let lang = locale.get();
                            Some(view! {
                                <p data-testid="import-preview">{format!("{} {}: {}", locale.t(Text::ExportHeading), format::date_time(lang, export.exported_at), phrases::import_summary(lang, &summary))}</p>
                                {(!session.vault_is_empty()).then(|| view! {
                                    <fieldset class="field">
                                        <legend>{t(Text::ImportHow)}</legend>
                                        <label class="choice">
                                            <input type="radio" name="import-mode" value="merge" prop:checked=move || !replace.get() on:change=move |_| replace.set(false)/>
                                            {t(Text::ImportMerge)}
                                        </label>
                                        <label class="choice">
                                            <input type="radio" name="import-mode" value="replace" prop:checked=move || replace.get() on:change=move |_| replace.set(true)/>
                                            {t(Text::ImportReplace)}
                                        </label>
                                    </fieldset>
                                    <Show when=move || replace.get()>
                                        <div class="field">
                                            <label for="replace-confirm">{t(Text::ReplaceConfirmLabel)}</label>
                                            <input id="replace-confirm" type="text" autocomplete="off" bind:value=replace_typed/>
                                        </div>
                                    </Show>
                                })}
                                <div class="actions">
                                    <button
                                        type="button"
                                        class="button"
                                        class:danger=move || replace.get() && !session.vault_is_empty()
                                        disabled=move || importing.get() || (replace.get() && !session.vault_is_empty() && !replace_confirmed())
                                        on:click=import
                                    >{t(Text::ImportButton)}</button>
                                </div>
                            }.into_any())
                        }
                    }}
            </section>
        </section>
    }
}

/// After a week without an export (and with data to lose), a gentle reminder on every page.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let dismissed = RwSignal::new(false);
    let due = move || {
        if dismissed.get() || session.phase.get() != crate::app::session::Phase::Unlocked {
            return false;
        }
        let stale = match session.last_export.get() {
            Some(at) => chrono::Utc::now() - at > chrono::Duration::days(BACKUP_REMINDER_DAYS),
            None => true,
        };
        // A vault a week old or more with records; a brand-new vault is not nagged.
        stale
            && !session.vault_is_empty()
            && session.data.with(|d| {
                d.audit.first().is_some_and(|e| {
                    chrono::Utc::now() - e.at > chrono::Duration::days(BACKUP_REMINDER_DAYS)
                })
            })
    };
    view! {
        <Show when=due>
            <div class="callout backup-reminder" role="note">
                <p>{move || locale.t(Text::BackupReminder)}</p>
                <div class="actions">
                    <A href="/data" attr:class="button">{move || locale.t(Text::BackupNow)}</A>
                    <button type="button" class="button secondary" on:click=move |_| dismissed.set(true)>{move || locale.t(Text::Later)}</button>
                </div>
            </div>
        </Show>
    }
}

/// The records a merge found different on both sides, each with how it was settled.
fn difference_lines(
    session: Session,
    lang: crate::i18n::Lang,
    report: &crate::app::service::MergeReport,
) -> Vec<String> {
    use crate::app::service::Kept;
    session.data.with_untracked(|d| {
        report
            .differences
            .iter()
            .map(|diff| {
                let name = d
                    .contacts
                    .get(&diff.id)
                    .map(|c| c.data.display_name())
                    .or_else(|| d.organisations.get(&diff.id).map(|o| o.data.name.clone()))
                    .or_else(|| d.deals.get(&diff.id).map(|x| x.data.title.clone()))
                    .unwrap_or_else(|| diff.id.clone());
                let how = match diff.kept {
                    Kept::Theirs => Text::KeptTheirs,
                    Kept::YoursNewer => Text::KeptYoursNewer,
                    Kept::YoursConflict => Text::KeptYoursConflict,
                };
                format!(
                    "{} {name}: {}",
                    phrases::entity_kind(lang, diff.kind),
                    how.get(lang)
                )
            })
            .collect()
    })
}
