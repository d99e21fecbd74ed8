//! A form page's shell: the record its `:id` names, its field errors, the failure of its last
//! save and whether a save is under way, the save that routes a write's outcome onto them (and
//! the delete beside it), Escape to cancel, the page around the form (its heading, or that the
//! record is gone), and its closing actions (the failure, Save and Cancel; Delete). Must not
//! import a feature folder.

use crate::app::session::{Session, Vault};
use crate::app::{AppError, VaultSnapshot};
use crate::domain::FieldErrors;
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::locale::{use_locale, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

/// What a form page's `:id` says: which record it edits, if any, and whether that record is gone.
#[derive(Clone, Copy)]
pub struct FormRoute {
    /// The `:id` (None on the form of a new record), kept for the save and the delete.
    pub id: StoredValue<Option<String>>,
    /// Whether the address names a record to edit.
    pub editing: bool,
    /// Whether the record it names is gone.
    pub missing: bool,
}

/// The form page's route and, when its `:id` names a record, that record's draft (read once,
/// untracked). An id without a record is a record that is gone.
pub fn record_from_route<D>(
    session: Session,
    draft_of: impl FnOnce(&VaultSnapshot, &str) -> Option<D>,
) -> (FormRoute, Option<D>) {
    let id = use_params_map().with_untracked(|p| p.get("id"));
    let existing = id
        .as_deref()
        .and_then(|id| session.data.with_untracked(|d| draft_of(d, id)));
    let route = FormRoute {
        editing: id.is_some(),
        missing: id.is_some() && existing.is_none(),
        id: StoredValue::new(id),
    };
    (route, existing)
}

/// The three signals of a form: its field errors, the failure of its last save (shown by
/// `ActionError`), and whether a save is under way (the Save button is disabled meanwhile).
#[derive(Clone, Copy)]
pub struct FormState {
    pub errors: RwSignal<FieldErrors>,
    pub failure: RwSignal<Option<AppError>>,
    pub working: RwSignal<bool>,
    locale: Locale,
}

impl FormState {
    pub fn new() -> Self {
        Self {
            errors: RwSignal::new(FieldErrors::new()),
            failure: RwSignal::new(None),
            working: RwSignal::new(false),
            locale: use_locale(),
        }
    }

    /// The error of `field`, worded in the current language (None when it is fine).
    pub fn error_for(self, field: &'static str) -> Signal<Option<String>> {
        error_of(self.errors, self.locale, field)
    }

    /// Runs `op` through `Session::write`: `done` gets the value it returns; a refusal with
    /// field errors shows them beside their fields; any other error shows as the failure.
    pub fn submit<T, F, Fut>(self, session: Session, op: F, done: impl FnOnce(T) + 'static)
    where
        T: 'static,
        F: FnOnce(Vault, chrono::DateTime<chrono::Utc>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<T, AppError>> + 'static,
    {
        self.failure.set(None);
        self.working.set(true);
        spawn_local(async move {
            match session.write(op).await {
                Ok(value) => done(value),
                Err(AppError::Invalid(list)) => self.errors.set(list),
                Err(e) => self.failure.set(Some(e)),
            }
            self.working.set(false);
        });
    }

    /// Deletes the record `id` names with `op(vault, id, now)` through `Session::write`, then
    /// runs `done`; any error shows as the failure. Without an id (a new record) it does nothing.
    pub fn delete<F, Fut>(
        self,
        session: Session,
        id: Option<String>,
        op: F,
        done: impl FnOnce() + 'static,
    ) where
        F: FnOnce(Vault, String, chrono::DateTime<chrono::Utc>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<(), AppError>> + 'static,
    {
        let Some(id) = id else {
            return;
        };
        spawn_local(async move {
            match session.write(move |v, now| op(v, id, now)).await {
                Ok(()) => done(),
                Err(e) => self.failure.set(Some(e)),
            }
        });
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

/// Escape anywhere on the page runs `cancel`, until the page is left.
pub fn escape_cancels(cancel: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            cancel();
        }
    });
    on_cleanup(move || handle.remove());
}

/// The end of a form: the failure of its last save, then Save (`save`, disabled while saving)
/// and Cancel.
#[component]
pub fn FormActions(
    form: FormState,
    on_cancel: impl Fn() + 'static,
    #[prop(optional)] save: Option<Text>,
) -> impl IntoView {
    let locale = use_locale();
    let save = save.unwrap_or(Text::Save);
    let failure = form.failure;
    view! {
        <ActionError failure/>
        <div class="actions">
            <button type="submit" class="button" disabled=move || form.working.get()>{move || locale.t(save)}</button>
            <button type="button" class="button secondary" on:click=move |_| on_cancel()>{move || locale.t(Text::Cancel)}</button>
        </div>
    }
}

/// A form page: its heading (`edit` when it edits a record, else `new`), then the form
/// (`children`), or, when the record it would edit is gone, `not_found` instead.
#[component]
pub fn FormPage(
    route: FormRoute,
    heading_id: &'static str,
    new: Text,
    edit: Text,
    not_found: Text,
    children: ChildrenFn,
) -> impl IntoView {
    let locale = use_locale();
    let FormRoute {
        editing, missing, ..
    } = route;
    view! {
        <section class="page" aria-labelledby=heading_id>
            <h1 id=heading_id>{move || locale.t(if editing { edit } else { new })}</h1>
            <Show when=move || !missing fallback=move || view! { <p class="form-error" role="alert">{move || locale.t(not_found)}</p> }>
                {children()}
            </Show>
        </section>
    }
}

/// The button that asks before a record is deleted (it opens `confirming`'s question).
#[component]
pub fn DeleteButton(confirming: RwSignal<bool>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="actions">
            <button type="button" class="button danger" on:click=move |_| confirming.set(true)>{move || locale.t(Text::Delete)}</button>
        </div>
    }
}
