//! A person's preferred language, read from their preferences ("language: cs", "jazyk:
//! čeština"…) as a language tag. Must not import anything outside `domain`.

/// Keys under which people note a language, folded to lower case.
const KEYS: [&str; 6] = [
    "language",
    "lang",
    "preferred language",
    "jazyk",
    "preferovaný jazyk",
    "komunikační jazyk",
];

/// Names of the languages a Czech consultant's clients most often use, in English and Czech.
const NAMES: [(&str, &[&str]); 8] = [
    ("cs", &["czech", "čeština", "česky", "cesky", "čj"]),
    ("en", &["english", "angličtina", "anglicky"]),
    ("sk", &["slovak", "slovenština", "slovensky"]),
    ("de", &["german", "deutsch", "němčina", "německy"]),
    ("pl", &["polish", "polski", "polština", "polsky"]),
    ("uk", &["ukrainian", "ukrajinština", "ukrajinsky"]),
    ("fr", &["french", "français", "francouzština"]),
    ("ru", &["russian", "ruština", "rusky"]),
];

/// The language tag in the preferences, if one is noted: a tag as written ("cs", "en-GB"), or
/// a known language's name. `None` for anything else (never a guess).
pub fn preferred_language(preferences: &[(String, String)]) -> Option<String> {
    preferences
        .iter()
        .find(|(k, _)| KEYS.contains(&k.trim().to_lowercase().as_str()))
        .and_then(|(_, v)| language_tag(v))
}

/// The same, from preferences as typed in the contact form: one "key: value" per line.
pub fn preferred_language_in(text: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    preferred_language(&pairs)
}

/// "cs", "EN-gb" → "en-GB"; "čeština" → "cs".
pub fn language_tag(text: &str) -> Option<String> {
    let t = text.trim().to_lowercase();
    if let Some((tag, _)) = NAMES.iter().find(|(_, names)| names.contains(&t.as_str())) {
        return Some(tag.to_string());
    }
    let mut parts = t.split(['-', '_']);
    let primary = parts.next()?;
    let region = parts.next();
    if parts.next().is_some() || !(2..=3).contains(&primary.len()) {
        return None;
    }
    if !primary.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    match region {
        None => Some(primary.to_string()),
        Some(r) if r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(format!("{primary}-{}", r.to_ascii_uppercase()))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_language_noted_in_the_preferences_is_its_tag() {
        assert_eq!(
            preferred_language(&prefs(&[("prefers", "phone"), ("language", "cs")])).as_deref(),
            Some("cs")
        );
        assert_eq!(
            preferred_language(&prefs(&[("Jazyk", "Angličtina")])).as_deref(),
            Some("en")
        );
        assert_eq!(
            preferred_language(&prefs(&[("lang", "en_gb")])).as_deref(),
            Some("en-GB")
        );
        assert_eq!(
            preferred_language(&prefs(&[("language", "Deutsch")])).as_deref(),
            Some("de")
        );
        // Nothing noted, or not a language: no guess.
        assert_eq!(preferred_language(&prefs(&[("prefers", "cs")])), None);
        assert_eq!(
            preferred_language(&prefs(&[("language", "whatever works")])),
            None
        );
        assert_eq!(preferred_language(&prefs(&[("language", "čšť")])), None);
        assert_eq!(preferred_language(&[]), None);
        assert_eq!(
            preferred_language_in("prefers: phone\nJazyk: čeština").as_deref(),
            Some("cs")
        );
        assert_eq!(preferred_language_in("language"), None);
    }

    proptest::proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_text_is_a_tag_or_none(text in "\\PC{0,40}") {
            if let Some(tag) = language_tag(&text) {
                proptest::prop_assert!(tag.len() <= 6 && tag.is_ascii());
            }
        }
    }
}
