//! A record's own page: its contents while the record its address names exists, else a
//! not-found message with the way back; the way back at its top; and its delete (asked first,
//! or refused with the reason before any question), which says it is done and goes back. Must
//! not import a feature folder.

use crate::app::session::{Session, Vault};
use crate::app::AppError;
use crate::i18n::Text;
use crate::ui::common::locale::{use_locale, use_ui, Locale};
use crate::ui::common::status::{use_status, Status};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// `children` while `found`; else the page says the record is not there (`missing`) and links
/// back to `back` (labelled `back_text`). With `wait_for_load`, while the vault is still
/// loading it says so instead of "not found".
#[component]
pub fn RecordShell(
    found: Signal<bool>,
    missing: Text,
    back: &'static str,
    back_text: Text,
    #[prop(optional)] wait_for_load: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let (session, _locale, t) = use_ui();
    view! {
        <Show
            when=move || found.get()
            fallback=move || view! {
                <section class="page">
                    {move || if wait_for_load && session.loading() {
                        view! { <p class="hint" role="status">{t(Text::LoadingRest)}</p> }.into_any()
                    } else {
                        view! { <p class="form-error" role="alert">{t(missing)}</p> }.into_any()
                    }}
                    <A href=back>{t(back_text)}</A>
                </section>
            }
        >
            {children()}
        </Show>
    }
}

/// The way back at the top of a page: a paragraph with one link.
#[component]
pub fn BackLink(href: &'static str, text: Text) -> impl IntoView {
    let locale = use_locale();
    view! { <p><A href=href>{move || locale.t(text)}</A></p> }
}

/// Goes to an address of the app.
type Navigate = Box<dyn Fn(&str)>;

/// A record page's delete: whether its question is open, the failure to show, and where the
/// page goes once the record is gone.
#[derive(Clone, Copy)]
pub struct RecordDelete {
    pub confirming: RwSignal<bool>,
    pub failure: RwSignal<Option<AppError>>,
    navigate: StoredValue<Navigate, LocalStorage>,
    status: Status,
    locale: Locale,
}

impl RecordDelete {
    pub fn new() -> Self {
        let navigate = use_navigate();
        Self {
            confirming: RwSignal::new(false),
            failure: RwSignal::new(None),
            navigate: StoredValue::new_local(Box::new(move |to: &str| {
                navigate(to, Default::default())
            })),
            status: use_status(),
            locale: use_locale(),
        }
    }

    /// Opens the question, or, when the record may not be deleted, shows why instead.
    pub fn ask(self, refused: Option<AppError>) {
        self.confirming.set(refused.is_none());
        self.failure.set(refused);
    }

    /// Runs the delete `op` through `Session::write`: then posts `done` and goes to `back`; on
    /// failure, closes the question and shows why.
    pub fn run<T, F, Fut>(self, session: Session, op: F, done: Text, back: &'static str)
    where
        T: 'static,
        F: FnOnce(Vault, chrono::DateTime<chrono::Utc>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<T, AppError>> + 'static,
    {
        spawn_local(async move {
            match session.write(op).await {
                Ok(_) => {
                    let lang = untrack(|| self.locale.get());
                    self.status.post(done.get(lang));
                    self.navigate.with_value(|n| n(back));
                }
                Err(e) => {
                    self.confirming.set(false);
                    self.failure.set(Some(e));
                }
            }
        });
    }
}

impl Default for RecordDelete {
    fn default() -> Self {
        Self::new()
    }
}
