//! A form page's shell: the record its `:id` names, its field errors, the failure of its last
//! save and whether a save is under way, the save that routes a write's outcome onto them, and
//! Escape to cancel, and its closing actions (the failure, Save and Cancel). Must not import a
//! feature folder.

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

/// The `:id` of the page's address and, when it names a record, that record's draft (read once,
/// untracked). An id without a record is a record that is gone.
pub fn record_from_route<D>(
    session: Session,
    draft_of: impl FnOnce(&VaultSnapshot, &str) -> Option<D>,
) -> (Option<String>, Option<D>) {
    let id = use_params_map().with_untracked(|p| p.get("id"));
    let existing = id
        .as_deref()
        .and_then(|id| session.data.with_untracked(|d| draft_of(d, id)));
    (id, existing)
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

    /// Runs `op` (an action beside the form: a delete) through `Session::write`: `done` gets the
    /// value it returns; any error shows as the failure. The fields and Save are left alone.
    pub fn act<T, F, Fut>(self, session: Session, op: F, done: impl FnOnce(T) + 'static)
    where
        T: 'static,
        F: FnOnce(Vault, chrono::DateTime<chrono::Utc>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<T, AppError>> + 'static,
    {
        spawn_local(async move {
            match session.write(op).await {
                Ok(value) => done(value),
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
