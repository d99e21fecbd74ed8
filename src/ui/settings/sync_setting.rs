//! Settings → Sync (#22): the server, user name and password; Start syncing, Sync now, Stop
//! syncing; the status in words (last sync, what waits to go, the last error); and the Sync
//! conflicts list, where a value not kept can be taken instead or dismissed.

use crate::app::session::Session;
use crate::i18n::errors::describe;
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::use_locale;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SyncSetting() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let sync = session.sync;
    let url = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let working = RwSignal::new(false);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        working.set(true);
        spawn_local(async move {
            let started = session
                .start_syncing(
                    url.get_untracked(),
                    user.get_untracked(),
                    password.get_untracked(),
                )
                .await;
            match started {
                Ok(()) => password.set(String::new()),
                Err(e) => failure.set(Some(e)),
            }
            working.set(false);
        });
    };
    let stop = move |_| {
        spawn_local(async move {
            if let Err(e) = session.stop_syncing().await {
                failure.set(Some(e));
            }
        });
    };
    let status = move || {
        let lang = locale.get();
        let mut lines = Vec::new();
        if sync.running.get() {
            lines.push(locale.t(Text::SyncRunning).to_string());
        }
        match sync.last_sync.get() {
            Some(at) => lines.push(phrases::sync::last_synced(lang, at)),
            None => lines.push(locale.t(Text::SyncNever).to_string()),
        }
        lines.push(phrases::sync::waiting(lang, sync.waiting.get()));
        if let Some(e) = sync.error.get() {
            lines.push(phrases::sync::last_error(lang, &describe(lang, &e)));
        }
        lines
            .into_iter()
            .map(|l| view! { <p>{l}</p> })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="sync-heading">
            <h2 id="sync-heading">{t(Text::SyncHeading)}</h2>
            <p class="field-hint">{t(Text::SyncLead)}</p>
            <Show
                when=move || sync.configured.get().is_some()
                fallback=move || view! {
                    <p>{t(Text::SyncOff)}</p>
                    <form class="form" on:submit=start>
                        <TextField label=Text::ServerAddress id="sync-url" value=url input_type="url"
                            hint=Text::ServerAddressHint required=true/>
                        <TextField label=Text::SyncUserName id="sync-user" value=user
                            autocomplete="username" required=true/>
                        <TextField label=Text::SyncPassword id="sync-password" value=password
                            input_type="password" autocomplete="current-password"
                            hint=Text::SyncPasswordHint required=true/>
                        <ActionError failure/>
                        <button type="submit" class="button" disabled=move || working.get()>
                            {t(Text::StartSyncing)}
                        </button>
                    </form>
                }
            >
                <p>
                    {move || sync.configured.get().map(|(u, name)| format!("{u} ({name})"))}
                </p>
                <div role="status" aria-live="polite" class="sync-status">{status}</div>
                <ActionError failure/>
                <div class="actions">
                    // Never disabled: during a round it asks for another one right after.
                    <button type="button" class="button" on:click=move |_| session.sync_now()>
                        {t(Text::SyncNow)}
                    </button>
                    <button type="button" class="button secondary" on:click=stop>
                        {t(Text::StopSyncing)}
                    </button>
                </div>
            </Show>
            <SyncConflicts/>
        </section>
    }
}

#[component]
fn SyncConflicts() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let conflicts = move || {
        session.data.with(|s| {
            let mut list: Vec<_> = s
                .sync_conflicts
                .values()
                .map(|c| {
                    let name = match c.data.kind.as_str() {
                        "contact" => s
                            .contacts
                            .get(&c.data.record_id)
                            .map(|p| format!("{} {}", p.data.given_name, p.data.family_name)),
                        _ => None,
                    }
                    .unwrap_or_else(|| phrases::history::kind(locale.get(), &c.data.kind));
                    (c.id.clone(), name, c.data.clone())
                })
                .collect();
            list.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.field.cmp(&b.2.field)));
            list
        })
    };
    let act = move |id: String, take: bool| {
        spawn_local(async move {
            let done = session
                .write(move |v, now| async move {
                    if take {
                        v.take_conflict(&id, now).await
                    } else {
                        v.dismiss_conflict(&id, now).await
                    }
                })
                .await;
            failure.set(done.err());
        });
    };
    let show = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "—".to_string(),
        other => other.to_string(),
    };
    view! {
        <section aria-labelledby="sync-conflicts-heading">
            <h3 id="sync-conflicts-heading">{t(Text::SyncConflicts)}</h3>
            <p class="field-hint">{t(Text::SyncConflictsLead)}</p>
            <ActionError failure/>
            {move || {
                let list = conflicts();
                if list.is_empty() {
                    return view! { <p>{t(Text::NoSyncConflicts)}</p> }.into_any();
                }
                view! {
                    <ul class="sync-conflicts" aria-label=move || locale.t(Text::SyncConflicts)>
                        {list
                            .into_iter()
                            .map(|(id, name, c)| {
                                let (take_id, dismiss_id) = (id.clone(), id.clone());
                                let deleted = c.field.is_empty();
                                view! {
                                    <li>
                                        <p>
                                            <strong>{name}</strong>
                                            {(!deleted).then(|| format!(" · {}", phrases::history::field(locale.get(), &c.field)))}
                                        </p>
                                        {if deleted {
                                            view! { <p>{t(Text::DeletedElsewhere)}</p> }.into_any()
                                        } else {
                                            view! {
                                                <dl class="sync-values">
                                                    <dt>{t(Text::SyncKept)}</dt>
                                                    <dd>{show(&c.taken)}</dd>
                                                    <dt>{t(Text::SyncNotKept)}</dt>
                                                    <dd>{show(&c.value)}</dd>
                                                </dl>
                                            }
                                                .into_any()
                                        }}
                                        <div class="actions">
                                            {(!deleted).then(|| view! {
                                                <button type="button" class="button secondary"
                                                    on:click=move |_| act(take_id.clone(), true)>
                                                    {t(Text::TakeThisOne)}
                                                </button>
                                            })}
                                            <button type="button" class="button secondary"
                                                on:click=move |_| act(dismiss_id.clone(), false)>
                                                {t(Text::DismissConflict)}
                                            </button>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}
