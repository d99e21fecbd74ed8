//! The status message any page can post to: what an action just did ("Consent withdrawn."),
//! announced by screen readers (a polite live region that is always in the page), shown for a
//! few seconds and dismissable, with Undo for an action that can be put back. The shell
//! provides it; pages take it with `use_status`. Must not import a feature folder.

use crate::app::session::{Session, Vault};
use crate::app::AppError;
use crate::i18n::{Lang, Text};
use crate::ui::common::locale::use_locale;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long a message stays (longer while the keyboard focus is on it).
pub const SHOWN_FOR: Duration = Duration::from_secs(8);

type UndoAction = Arc<dyn Fn() + Send + Sync>;

/// The message shown, and the Undo that goes with it, if any.
#[derive(Clone, Copy)]
pub struct Status {
    message: RwSignal<Option<String>>,
    undo: RwSignal<Option<UndoAction>>,
    /// Counts the messages, so a timer only clears the one it was set for.
    serial: StoredValue<u64>,
}

impl Status {
    fn new() -> Self {
        Status {
            message: RwSignal::new(None),
            undo: RwSignal::new(None),
            serial: StoredValue::new(0),
        }
    }

    /// Says what an action did.
    pub fn post(self, text: impl Into<String>) {
        self.show(text.into(), None);
    }

    /// Says what an action did and offers Undo, which runs `undo` once.
    pub fn post_with_undo(self, text: impl Into<String>, undo: impl Fn() + Send + Sync + 'static) {
        self.show(text.into(), Some(Arc::new(undo)));
    }

    /// Says `done` in `lang` with an Undo that runs `undo` through the session's write door,
    /// then says `undone`, or why it could not be undone.
    pub fn post_undoable<F, Fut>(
        self,
        session: Session,
        lang: Lang,
        done: Text,
        undone: Text,
        undo: F,
    ) where
        F: Fn(Vault, DateTime<Utc>) -> Fut + Clone + Send + Sync + 'static,
        Fut: std::future::Future<Output = Result<(), AppError>> + 'static,
    {
        self.post_with_undo(done.get(lang), move || {
            let undo = undo.clone();
            leptos::task::spawn_local(async move {
                match session.write(undo).await {
                    Ok(()) => self.post(undone.get(lang)),
                    Err(e) => self.post(crate::i18n::errors::describe(lang, &e)),
                }
            });
        });
    }

    /// Deletes a record with `delete` through the session's write door; once it is gone, runs
    /// `then` and says `texts.0` with an Undo that puts back what `delete` returned with
    /// `restore` (then says `texts.1`, see `post_undoable`). A failure shows in `failure`.
    #[allow(clippy::too_many_arguments)]
    pub fn delete_undoable<T, D, DFut, R, RFut>(
        self,
        session: Session,
        lang: Lang,
        texts: (Text, Text),
        delete: D,
        restore: R,
        failure: RwSignal<Option<AppError>>,
        then: impl FnOnce() + 'static,
    ) where
        T: Clone + Send + Sync + 'static,
        D: FnOnce(Vault, DateTime<Utc>) -> DFut + 'static,
        DFut: std::future::Future<Output = Result<T, AppError>> + 'static,
        R: Fn(Vault, T, DateTime<Utc>) -> RFut + Clone + Send + Sync + 'static,
        RFut: std::future::Future<Output = Result<(), AppError>> + 'static,
    {
        leptos::task::spawn_local(async move {
            match session.write(delete).await {
                Ok(removed) => {
                    then();
                    self.post_undoable(session, lang, texts.0, texts.1, move |v, now| {
                        restore(v, removed.clone(), now)
                    });
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    }

    /// Takes the message away.
    pub fn clear(self) {
        self.serial.update_value(|s| *s += 1);
        self.message.set(None);
        self.undo.set(None);
    }

    fn show(self, text: String, undo: Option<UndoAction>) {
        self.serial.update_value(|s| *s += 1);
        let serial = self.serial.get_value();
        let offers_undo = undo.is_some();
        self.undo.set(undo);
        self.message.set(Some(text));
        // The button that was clicked may have gone with what it acted on: focus then moves to
        // the message's first button instead of being lost.
        set_timeout(
            move || {
                if focus_is_lost() {
                    focus_by_id(if offers_undo { UNDO_ID } else { DISMISS_ID });
                }
            },
            Duration::ZERO,
        );
        self.expire_later(serial);
    }

    /// Clears message `serial` after `SHOWN_FOR`, unless another replaced it; waits again
    /// while the keyboard focus is on it.
    fn expire_later(self, serial: u64) {
        set_timeout(
            move || {
                if self.serial.try_get_value() != Some(serial) {
                    return;
                }
                if focus_is_within(REGION_ID) {
                    self.expire_later(serial);
                } else {
                    self.clear();
                }
            },
            SHOWN_FOR,
        );
    }

    /// Runs the Undo on offer (once) and keeps the focus in the message.
    fn run_undo(self) {
        let undo = self.undo.get_untracked();
        self.undo.set(None);
        focus_by_id(DISMISS_ID);
        if let Some(undo) = undo {
            undo();
        }
    }
}

const REGION_ID: &str = "action-status";
const UNDO_ID: &str = "action-status-undo";
const DISMISS_ID: &str = "action-status-dismiss";

fn focus_is_lost() -> bool {
    let document = document();
    match document.active_element() {
        None => true,
        Some(el) => document
            .body()
            .is_some_and(|b| el == *b.unchecked_ref::<web_sys::Element>()),
    }
}

fn focus_is_within(id: &str) -> bool {
    let document = document();
    match (document.get_element_by_id(id), document.active_element()) {
        (Some(region), Some(active)) => region.contains(Some(active.unchecked_ref())),
        _ => false,
    }
}

fn focus_by_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Makes the status available to every page below (called once, by the shell).
pub fn provide_status() {
    provide_context(Status::new());
}

/// The status the shell provides.
pub fn use_status() -> Status {
    expect_context::<Status>()
}

/// The message itself: a live region that is always present (so a new text is announced),
/// with Undo and Dismiss while a message shows.
#[component]
pub fn StatusMessage() -> impl IntoView {
    let status = use_status();
    let locale = use_locale();
    let shown = move || status.message.with(Option::is_some);
    let offers_undo = move || status.undo.with(Option::is_some);
    let dismiss = move |_| {
        status.clear();
        focus_by_id("main");
    };
    view! {
        <div id=REGION_ID class="action-status" class:shown=shown>
            <p role="status" aria-live="polite" aria-atomic="true" data-testid="action-status">
                {move || status.message.get()}
            </p>
            <Show when=shown>
                <div class="actions small">
                    <Show when=offers_undo>
                        <button id=UNDO_ID type="button" class="button secondary" on:click=move |_| status.run_undo()>
                            {move || locale.t(Text::Undo)}
                        </button>
                    </Show>
                    <button id=DISMISS_ID type="button" class="link-button" on:click=dismiss>
                        {move || locale.t(Text::Dismiss)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
