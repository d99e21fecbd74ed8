//! Phone numbers: keep what the user typed, derive a comparable international form (E.164 style).
//! Must not import anything outside `domain`.

use std::fmt;

/// The calling code assumed for numbers typed without one (Folio's first market is Czechia).
pub const DEFAULT_CALLING_CODE: &str = "420";

/// Why a typed phone number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("enter a phone number")]
    Empty,
    #[error("a phone number may contain digits, spaces, + - . / ( ) only, not “{0}”")]
    BadCharacter(char),
    #[error("the + may only stand at the start, before the country code")]
    MisplacedPlus,
    #[error("this phone number is too short")]
    TooShort,
    #[error("this phone number is too long (at most 15 digits with the country code)")]
    TooLong,
    #[error("the country calling code cannot start with 0")]
    BadCountryCode,
}

/// A phone number as typed, with its comparable form (`+` and digits only).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Phone {
    typed: String,
    comparable: String,
}

impl Phone {
    /// Parses a number, assuming `default_calling_code` (digits, e.g. "420") when none is typed.
    ///
    /// `+420 601 234 567`, `00420601234567`, `601-234-567` and `(601) 234 567` are one number.
    /// A national number's single leading 0 (the trunk prefix used in e.g. Germany or Britain) is dropped.
    pub fn parse(input: &str, default_calling_code: &str) -> Result<Self, PhoneError> {
        let typed = input.trim();
        if typed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let mut digits = String::with_capacity(typed.len());
        let mut plus = false;
        for (i, c) in typed.char_indices() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => plus = true,
                '+' => return Err(PhoneError::MisplacedPlus),
                ' ' | '-' | '.' | '/' | '(' | ')' | '\u{a0}' => {}
                other => return Err(PhoneError::BadCharacter(other)),
            }
        }
        let international = if plus {
            digits
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_string()
        } else {
            let national = digits.strip_prefix('0').unwrap_or(&digits);
            format!("{default_calling_code}{national}")
        };
        if international.starts_with('0') {
            return Err(PhoneError::BadCountryCode);
        }
        // E.164: at most 15 digits; the shortest real numbers (country code + subscriber) have about 7.
        if international.len() > 15 {
            return Err(PhoneError::TooLong);
        }
        if international.len() < 7 {
            return Err(PhoneError::TooShort);
        }
        Ok(Self {
            typed: typed.to_string(),
            comparable: format!("+{international}"),
        })
    }

    /// The number exactly as the user typed it (trimmed); this is what Folio shows.
    pub fn as_typed(&self) -> &str {
        &self.typed
    }

    /// `+` followed by the country code and number, with no spacing: equal for the same number.
    pub fn comparable(&self) -> &str {
        &self.comparable
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.typed)
    }
}

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Phone({:?} = {})", self.typed, self.comparable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cz(s: &str) -> Result<Phone, PhoneError> {
        Phone::parse(s, DEFAULT_CALLING_CODE)
    }

    #[test]
    fn same_number_in_many_spellings_compares_equal() {
        let spellings = [
            "+420 601 234 567",
            "+420601234567",
            "00420 601 234 567",
            "601 234 567",
            "601-234-567",
            "(601) 234/567",
            "601.234.567",
            "  601\u{a0}234\u{a0}567 ",
        ];
        for s in spellings {
            assert_eq!(cz(s).unwrap().comparable(), "+420601234567", "{s:?}");
        }
    }

    #[test]
    fn keeps_what_the_user_typed() {
        let p = cz(" +420 601 234 567 ").unwrap();
        assert_eq!(p.as_typed(), "+420 601 234 567");
        assert_eq!(p.to_string(), "+420 601 234 567");
    }

    #[test]
    fn foreign_numbers_keep_their_country_code() {
        assert_eq!(
            cz("+421 905 123 456").unwrap().comparable(),
            "+421905123456"
        );
        assert_eq!(
            cz("+44 20 7946 0958").unwrap().comparable(),
            "+442079460958"
        );
        // A German national number with its trunk 0, under a German default.
        assert_eq!(
            Phone::parse("030 1234567", "49").unwrap().comparable(),
            "+49301234567"
        );
    }

    #[test]
    fn refuses_what_is_not_a_phone_number() {
        assert_eq!(cz(""), Err(PhoneError::Empty));
        assert_eq!(cz("  "), Err(PhoneError::Empty));
        assert_eq!(cz("601 234 56a"), Err(PhoneError::BadCharacter('a')));
        assert_eq!(cz("call me"), Err(PhoneError::BadCharacter('c')));
        assert_eq!(cz("601+234567"), Err(PhoneError::MisplacedPlus));
        assert_eq!(cz("+0601234567"), Err(PhoneError::BadCountryCode));
        assert_eq!(cz("12"), Err(PhoneError::TooShort));
        assert_eq!(cz("+42"), Err(PhoneError::TooShort));
        assert_eq!(cz("+420 601 234 567 890 12"), Err(PhoneError::TooLong));
    }

    proptest::proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_text_is_a_number_or_an_error(text in "\\PC{0,40}") {
            let _ = cz(&text);
        }

        #[test]
        fn a_number_reads_back_as_the_same_number(text in "(\\+|00)?[0-9 ().\\-/]{0,24}") {
            if let Ok(p) = cz(&text) {
                let again = cz(p.as_typed()).unwrap();
                proptest::prop_assert_eq!(again.comparable(), p.comparable());
                let plain = cz(p.comparable()).unwrap();
                proptest::prop_assert_eq!(plain.comparable(), p.comparable());
            }
        }
    }

    #[test]
    fn a_refused_character_is_quoted_so_the_sentence_reads() {
        assert_eq!(
            PhoneError::BadCharacter('a').to_string(),
            "a phone number may contain digits, spaces, + - . / ( ) only, not “a”"
        );
    }
}
