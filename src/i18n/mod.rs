//! The translation layer: the language (English, Czech), the message catalogue in which every
//! key has both translations (a missing one does not compile), plural rules, the words for
//! errors, and locale formatting through the browser's Intl. Must not import `ui`.

pub mod catalog;
pub mod errors;
pub mod format;
pub mod phrases;
pub mod plural;

pub use catalog::Text;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Cs,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cs];

    /// The BCP 47 tag used for `<html lang>` and for Intl formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cs => "cs-CZ",
        }
    }

    /// The decimal separator people type amounts with.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Cs => ',',
        }
    }

    /// The short code stored in LocalStorage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cs => "cs",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "cs" => Some(Lang::Cs),
            _ => None,
        }
    }

    /// The language's own name, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cs => "Čeština",
        }
    }

    /// The first of the browser's preferred languages that Folio speaks (English otherwise).
    /// Slovak readers get Czech, which they read without effort.
    pub fn from_preferences<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "cs" | "sk" => return Lang::Cs,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_preferences_pick_the_language() {
        assert_eq!(Lang::from_preferences(["cs-CZ", "en"]), Lang::Cs);
        assert_eq!(Lang::from_preferences(["de-DE", "sk", "en"]), Lang::Cs);
        assert_eq!(Lang::from_preferences(["de-DE", "en-US", "cs"]), Lang::En);
        assert_eq!(Lang::from_preferences(["fr"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
    }
}
