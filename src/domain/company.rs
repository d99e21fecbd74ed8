//! Company identifiers: the Czech IČO (with its mod-11 check digit) and DIČ / EU VAT numbers.
//! Must not import anything outside `domain`.

use std::fmt;

/// Why a typed IČO was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcoError {
    #[error("enter the IČO")]
    Empty,
    #[error("an IČO contains digits only, not “{0}”")]
    NotDigits(char),
    #[error("an IČO has 8 digits; this one has {0}")]
    WrongLength(usize),
    #[error("this IČO has a wrong check digit (a typo?)")]
    BadCheckDigit,
}

/// A Czech company identification number (identifikační číslo osoby): 8 digits, the last a check digit.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Ico(String);

impl Ico {
    /// Accepts 8 digits, with spaces anywhere ("256 96 431"); verifies the check digit.
    pub fn parse(input: &str) -> Result<Self, IcoError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err(IcoError::Empty);
        }
        if let Some(c) = digits.chars().find(|c| !c.is_ascii_digit()) {
            return Err(IcoError::NotDigits(c));
        }
        if digits.len() != 8 {
            return Err(IcoError::WrongLength(digits.len()));
        }
        if !ico_check_digit_ok(digits.as_bytes()) {
            return Err(IcoError::BadCheckDigit);
        }
        Ok(Self(digits))
    }

    /// The 8 digits, no spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The IČO rule: weights 8..2 over the first seven digits; r = sum mod 11;
/// check digit = (11 - r) mod 10, i.e. 1 when r = 0 and 0 when r = 1.
fn ico_check_digit_ok(digits: &[u8]) -> bool {
    let sum: u32 = digits[..7]
        .iter()
        .zip((2..=8).rev())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let expected = (11 - sum % 11) % 10;
    u32::from(digits[7] - b'0') == expected
}

impl fmt::Display for Ico {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Ico {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ico({})", self.0)
    }
}

/// Why a typed DIČ / VAT number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VatIdError {
    #[error("enter the VAT number (DIČ)")]
    Empty,
    #[error("a VAT number starts with a two-letter country prefix, as in CZ12345678")]
    MissingCountry,
    #[error("{0} is not an EU VAT country prefix (Greece uses EL, Northern Ireland XI)")]
    UnknownCountry(String),
    #[error("a VAT number contains letters and digits only, not “{0}”")]
    BadCharacter(char),
    #[error("this is not the format of a {country} VAT number (expected {expected})")]
    WrongFormat {
        country: String,
        expected: &'static str,
    },
    #[error("this {0} VAT number has a wrong check digit (a typo?)")]
    BadCheckDigit(String),
}

/// A DIČ or EU VAT identification number: country prefix plus the national number, upper case, no spaces.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct VatId {
    normalised: String,
}

/// One EU VAT format: the prefix, a shape per accepted variant, and how to describe it to a user.
/// Shape letters: `9` a digit, `A` a letter, `X` a letter or digit, `+` a letter, digit, `+` or `*`.
struct VatFormat {
    prefix: &'static str,
    shapes: &'static [&'static str],
    expected: &'static str,
}

const VAT_FORMATS: &[VatFormat] = &[
    VatFormat {
        prefix: "AT",
        shapes: &["U99999999"],
        expected: "U and 8 digits",
    },
    VatFormat {
        prefix: "BE",
        shapes: &["9999999999"],
        expected: "10 digits",
    },
    VatFormat {
        prefix: "BG",
        shapes: &["999999999", "9999999999"],
        expected: "9 or 10 digits",
    },
    VatFormat {
        prefix: "CY",
        shapes: &["99999999A"],
        expected: "8 digits and a letter",
    },
    VatFormat {
        prefix: "CZ",
        shapes: &["99999999", "999999999", "9999999999"],
        expected: "8, 9 or 10 digits",
    },
    VatFormat {
        prefix: "DE",
        shapes: &["999999999"],
        expected: "9 digits",
    },
    VatFormat {
        prefix: "DK",
        shapes: &["99999999"],
        expected: "8 digits",
    },
    VatFormat {
        prefix: "EE",
        shapes: &["999999999"],
        expected: "9 digits",
    },
    VatFormat {
        prefix: "EL",
        shapes: &["999999999"],
        expected: "9 digits",
    },
    VatFormat {
        prefix: "ES",
        shapes: &["X9999999X"],
        expected: "9 characters: a letter or digit, 7 digits, a letter or digit",
    },
    VatFormat {
        prefix: "FI",
        shapes: &["99999999"],
        expected: "8 digits",
    },
    VatFormat {
        prefix: "FR",
        shapes: &["XX999999999"],
        expected: "2 letters or digits and 9 digits",
    },
    VatFormat {
        prefix: "HR",
        shapes: &["99999999999"],
        expected: "11 digits",
    },
    VatFormat {
        prefix: "HU",
        shapes: &["99999999"],
        expected: "8 digits",
    },
    VatFormat {
        prefix: "IE",
        shapes: &["9999999A", "9999999AA", "9+99999A"],
        expected: "7 digits and 1 or 2 letters",
    },
    VatFormat {
        prefix: "IT",
        shapes: &["99999999999"],
        expected: "11 digits",
    },
    VatFormat {
        prefix: "LT",
        shapes: &["999999999", "999999999999"],
        expected: "9 or 12 digits",
    },
    VatFormat {
        prefix: "LU",
        shapes: &["99999999"],
        expected: "8 digits",
    },
    VatFormat {
        prefix: "LV",
        shapes: &["99999999999"],
        expected: "11 digits",
    },
    VatFormat {
        prefix: "MT",
        shapes: &["99999999"],
        expected: "8 digits",
    },
    VatFormat {
        prefix: "NL",
        shapes: &["999999999A99"],
        expected: "9 digits, B and 2 digits",
    },
    VatFormat {
        prefix: "PL",
        shapes: &["9999999999"],
        expected: "10 digits",
    },
    VatFormat {
        prefix: "PT",
        shapes: &["999999999"],
        expected: "9 digits",
    },
    VatFormat {
        prefix: "RO",
        shapes: &[
            "99",
            "999",
            "9999",
            "99999",
            "999999",
            "9999999",
            "99999999",
            "999999999",
            "9999999999",
        ],
        expected: "2 to 10 digits",
    },
    VatFormat {
        prefix: "SE",
        shapes: &["999999999999"],
        expected: "12 digits",
    },
    VatFormat {
        prefix: "SI",
        shapes: &["99999999"],
        expected: "8 digits",
    },
    VatFormat {
        prefix: "SK",
        shapes: &["9999999999"],
        expected: "10 digits",
    },
    VatFormat {
        prefix: "XI",
        shapes: &["999999999", "999999999999", "AA999"],
        expected: "9 or 12 digits",
    },
];

fn matches_shape(number: &str, shape: &str) -> bool {
    number.len() == shape.len()
        && number.bytes().zip(shape.bytes()).all(|(c, s)| match s {
            b'9' => c.is_ascii_digit(),
            b'A' => c.is_ascii_uppercase(),
            b'X' => c.is_ascii_uppercase() || c.is_ascii_digit(),
            b'+' => c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'+' || c == b'*',
            literal => c == literal,
        })
}

impl VatId {
    /// Accepts e.g. "CZ 27082440", "cz27082440", "DE-123456789". Checks the country's format, and for
    /// Czech and Slovak numbers the check digit (a Czech 8-digit DIČ is "CZ" + the firm's IČO).
    pub fn parse(input: &str) -> Result<Self, VatIdError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
            .flat_map(char::to_uppercase)
            .collect();
        if compact.is_empty() {
            return Err(VatIdError::Empty);
        }
        let mut chars = compact.chars();
        let prefix: String = chars.by_ref().take(2).collect();
        if prefix.chars().count() < 2 || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(VatIdError::MissingCountry);
        }
        let number: String = chars.collect();
        if let Some(c) = number
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '+' || *c == '*'))
        {
            return Err(VatIdError::BadCharacter(c));
        }
        let format = VAT_FORMATS
            .iter()
            .find(|f| f.prefix == prefix)
            .ok_or_else(|| VatIdError::UnknownCountry(prefix.clone()))?;
        if !format.shapes.iter().any(|s| matches_shape(&number, s)) {
            return Err(VatIdError::WrongFormat {
                country: prefix,
                expected: format.expected,
            });
        }
        let check_ok = match prefix.as_str() {
            "CZ" => cz_number_ok(&number),
            "SK" => divisible_by_11(&number),
            "NL" => number.as_bytes()[9] == b'B',
            _ => true,
        };
        if !check_ok {
            return Err(if prefix == "NL" {
                VatIdError::WrongFormat {
                    country: prefix,
                    expected: format.expected,
                }
            } else {
                VatIdError::BadCheckDigit(prefix)
            });
        }
        Ok(Self {
            normalised: compact,
        })
    }

    /// The number with its prefix, upper case and without spacing, e.g. "CZ27082440".
    pub fn as_str(&self) -> &str {
        &self.normalised
    }

    /// The two-letter prefix, e.g. "CZ" (Greece is "EL").
    pub fn country(&self) -> &str {
        &self.normalised[..2]
    }
}

/// Czech DIČ numbers: 8 digits are an IČO (mod-11 check); 10 digits are a birth number
/// (divisible by 11, or the pre-1985 exception: first nine mod 11 = 10 and the last digit 0);
/// 9 digits (birth numbers before 1954, or numbers assigned by the tax office) carry no check.
fn cz_number_ok(number: &str) -> bool {
    match number.len() {
        8 => ico_check_digit_ok(number.as_bytes()),
        10 => {
            divisible_by_11(number)
                || (number[..9]
                    .parse::<u64>()
                    .map(|n| n % 11 == 10)
                    .unwrap_or(false)
                    && number.ends_with('0'))
        }
        _ => true,
    }
}

fn divisible_by_11(number: &str) -> bool {
    number.parse::<u64>().map(|n| n % 11 == 0).unwrap_or(false)
}

impl fmt::Display for VatId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.normalised)
    }
}

impl fmt::Debug for VatId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VatId({})", self.normalised)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_icos_pass() {
        // Published IČOs: Ministerstvo financí, Alza.cz a.s., Seznam.cz a.s., ČEZ a.s.
        for ok in ["00006947", "27082440", "26168685", "45274649", "000 06 947"] {
            let ico = Ico::parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert_eq!(ico.as_str().len(), 8);
        }
        assert_eq!(Ico::parse(" 2708 2440 ").unwrap().as_str(), "27082440");
    }

    #[test]
    fn check_digit_covers_the_remainder_0_and_1_cases() {
        // Alza: weighted sum 133, remainder 1 → check digit 0.
        assert!(Ico::parse("27082440").is_ok());
        assert_eq!(Ico::parse("27082441"), Err(IcoError::BadCheckDigit));
        // 0001003: 1×5 + 3×2 = 11, remainder 0 → check digit 1.
        assert!(Ico::parse("00010031").is_ok());
        assert_eq!(Ico::parse("00010030"), Err(IcoError::BadCheckDigit));
    }

    #[test]
    fn ico_errors_are_specific() {
        assert_eq!(Ico::parse(""), Err(IcoError::Empty));
        assert_eq!(Ico::parse("2708244O"), Err(IcoError::NotDigits('O')));
        assert_eq!(Ico::parse("2708244"), Err(IcoError::WrongLength(7)));
        assert_eq!(Ico::parse("270824400"), Err(IcoError::WrongLength(9)));
        assert_eq!(Ico::parse("27082441"), Err(IcoError::BadCheckDigit));
        assert_eq!(
            IcoError::WrongLength(7).to_string(),
            "an IČO has 8 digits; this one has 7"
        );
    }

    #[test]
    fn czech_dic_normalises_and_checks() {
        let v = VatId::parse("cz 270 82 440").unwrap();
        assert_eq!(v.as_str(), "CZ27082440");
        assert_eq!(v.country(), "CZ");
        assert_eq!(
            VatId::parse("CZ27082441"),
            Err(VatIdError::BadCheckDigit("CZ".into()))
        );
        // A 10-digit birth-number DIČ divisible by 11.
        assert!(VatId::parse("CZ7103192745").is_ok());
        assert_eq!(
            VatId::parse("CZ7103192746"),
            Err(VatIdError::BadCheckDigit("CZ".into()))
        );
        assert!(VatId::parse("CZ123456789").is_ok());
    }

    #[test]
    fn other_eu_formats() {
        for ok in [
            "SK2020317068",
            "DE123456789",
            "ATU12345678",
            "FR40303265045",
            "NL123456789B01",
            "EL123456789",
            "ESX1234567X",
            "IE1234567WA",
            "IE1+23456A",
            "PL5260250995",
            "RO18547290",
            "XIGD123",
        ] {
            assert!(VatId::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn vat_errors_are_specific() {
        assert_eq!(VatId::parse(""), Err(VatIdError::Empty));
        assert_eq!(VatId::parse("27082440"), Err(VatIdError::MissingCountry));
        assert_eq!(
            VatId::parse("GR123456789"),
            Err(VatIdError::UnknownCountry("GR".into()))
        );
        assert_eq!(
            VatId::parse("US123456789"),
            Err(VatIdError::UnknownCountry("US".into()))
        );
        assert_eq!(
            VatId::parse("CZ2708_440"),
            Err(VatIdError::BadCharacter('_'))
        );
        assert_eq!(
            VatId::parse("DE12345678"),
            Err(VatIdError::WrongFormat {
                country: "DE".into(),
                expected: "9 digits"
            })
        );
        assert!(matches!(
            VatId::parse("NL123456789X01"),
            Err(VatIdError::WrongFormat { .. })
        ));
        assert_eq!(
            VatId::parse("SK2020317069"),
            Err(VatIdError::BadCheckDigit("SK".into()))
        );
        assert_eq!(
            VatId::parse("DE12345678").unwrap_err().to_string(),
            "this is not the format of a DE VAT number (expected 9 digits)"
        );
    }

    proptest::proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_text_is_an_ico_a_vat_id_or_an_error(text in "\\PC{0,30}") {
            let _ = Ico::parse(&text);
            let _ = VatId::parse(&text);
        }

        #[test]
        fn ids_read_back_as_themselves(digits in "[0-9 ]{6,12}", prefix in "(CZ|SK|DE|PL|AT|FR|GB|EL|cz)?") {
            if let Ok(i) = Ico::parse(&digits) {
                proptest::prop_assert_eq!(Ico::parse(i.as_str()).unwrap().as_str().to_string(), i.as_str());
            }
            let vat = format!("{prefix}{digits}");
            if let Ok(v) = VatId::parse(&vat) {
                proptest::prop_assert_eq!(VatId::parse(v.as_str()).unwrap().as_str().to_string(), v.as_str());
            }
        }
    }
}
