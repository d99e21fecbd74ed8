//! The interface language as reactive state: follows the browser's preference until the user
//! picks one in Settings (remembered in LocalStorage), and keeps `<html lang>` in step.

use crate::app::preferences;
use crate::app::session::Session;
use crate::i18n::{Lang, Text};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Locale {
    pub lang: RwSignal<Lang>,
}

fn browser_preference() -> Lang {
    let languages: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::from_preferences(languages.iter().map(String::as_str))
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

impl Locale {
    pub fn new() -> Self {
        let lang = preferences::language()
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_else(browser_preference);
        set_document_lang(lang);
        Self {
            lang: RwSignal::new(lang),
        }
    }

    /// The text in the current language (reactive when read inside a view closure).
    pub fn t(self, text: Text) -> &'static str {
        text.get(self.lang.get())
    }

    /// The current language (reactive).
    pub fn get(self) -> Lang {
        self.lang.get()
    }

    pub fn choose(self, lang: Lang) {
        preferences::set_language(lang.code());
        set_document_lang(lang);
        self.lang.set(lang);
    }
}

impl Default for Locale {
    fn default() -> Self {
        Self::new()
    }
}

/// The locale from context.
pub fn use_locale() -> Locale {
    expect_context::<Locale>()
}

/// `t`: a catalog text's words in the current language, kept up to date; what a view shows
/// (`{t(Text::Save)}`) or an attribute takes.
pub fn texts(locale: Locale) -> impl Fn(Text) -> Signal<&'static str> + Copy + 'static {
    move |text| Signal::derive(move || locale.t(text))
}

/// The locale from context and its `t` (see `texts`).
pub fn use_texts() -> (
    Locale,
    impl Fn(Text) -> Signal<&'static str> + Copy + 'static,
) {
    let locale = use_locale();
    (locale, texts(locale))
}

/// What most components start with: the session, the locale and its `t` (see `texts`).
pub fn use_ui() -> (
    Session,
    Locale,
    impl Fn(Text) -> Signal<&'static str> + Copy + 'static,
) {
    let locale = use_locale();
    (expect_context::<Session>(), locale, texts(locale))
}
