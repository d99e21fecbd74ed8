//! Money: integer minor units with an ISO 4217 currency. No floating point anywhere.
//! Must not import anything outside `domain`; formatting for a locale belongs to the UI.

use std::fmt;

/// What can go wrong with a currency or an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("a currency is a three-letter ISO 4217 code, such as CZK or EUR")]
    BadCurrency,
    #[error("enter an amount")]
    EmptyAmount,
    #[error("an amount contains digits, one decimal separator and spaces only, not “{0}”")]
    BadCharacter(char),
    #[error("an amount has at most one decimal separator")]
    SeveralDecimalSeparators,
    #[error("{currency} has {allowed} decimal places; this amount has {given}")]
    TooManyDecimals {
        currency: Currency,
        allowed: u8,
        given: usize,
    },
    #[error("digit groups are written in threes, as in 12 500 or 1 250 000")]
    BadGrouping,
    #[error("this amount is too large")]
    Overflow,
    #[error("cannot combine amounts in {left} and {right}: convert one first")]
    CurrencyMismatch { left: Currency, right: Currency },
}

/// An ISO 4217 alphabetic code, upper case. Any well-formed code is allowed; the number of decimal
/// places comes from the standard's table for the codes listed here, and is 2 otherwise.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const CZK: Currency = Currency(*b"CZK");
    pub const EUR: Currency = Currency(*b"EUR");

    pub fn parse(code: &str) -> Result<Self, MoneyError> {
        let code = code.trim();
        let bytes = code.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(MoneyError::BadCurrency);
        }
        let mut upper = [0u8; 3];
        for (u, b) in upper.iter_mut().zip(bytes) {
            *u = b.to_ascii_uppercase();
        }
        Ok(Self(upper))
    }

    pub fn code(&self) -> &str {
        // Always three ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Decimal places of the minor unit (ISO 4217 table; 2 for codes not listed).
    pub fn minor_digits(&self) -> u8 {
        match &self.0 {
            b"BIF" | b"CLP" | b"DJF" | b"GNF" | b"ISK" | b"JPY" | b"KMF" | b"KRW" | b"PYG"
            | b"RWF" | b"UGX" | b"UYI" | b"VND" | b"VUV" | b"XAF" | b"XOF" | b"XPF" => 0,
            b"BHD" | b"IQD" | b"JOD" | b"KWD" | b"LYD" | b"OMR" | b"TND" => 3,
            b"CLF" | b"UYW" => 4,
            _ => 2,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money: a whole number of minor units (haléře, cents) in one currency.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    pub fn from_minor(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Self::from_minor(0, currency)
    }

    pub fn minor(&self) -> i64 {
        self.minor
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Parses an amount as a user types it. Both ',' and '.' are read as the decimal separator
    /// in either language; spaces (also no-break spaces) and apostrophes group digits anywhere.
    /// When both marks appear, the last is the decimal separator and the other groups digits in
    /// threes ("12.500,50", "12,500.50"); a mark that appears several times groups digits
    /// ("1,250,000"). One mark between one to three digits and exactly three ("1,500") is the
    /// only ambiguous case: there `locale_decimal` (',' in Czech, '.' in English) decides.
    pub fn parse(
        input: &str,
        currency: Currency,
        locale_decimal: char,
    ) -> Result<Self, MoneyError> {
        let text = input.trim();
        let (negative, text) = match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text),
        };
        if text.is_empty() {
            return Err(MoneyError::EmptyAmount);
        }
        if let Some(c) = text.chars().find(|c| {
            !(c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        }) {
            return Err(MoneyError::BadCharacter(c));
        }
        let decimal = decimal_mark(text, locale_decimal);
        let (whole, fraction) = match decimal {
            Some(mark) => {
                let mut parts = text.split(mark);
                let whole = parts.next().unwrap_or_default();
                let fraction = parts.next();
                if parts.next().is_some() {
                    return Err(MoneyError::SeveralDecimalSeparators);
                }
                (whole, fraction)
            }
            None => (text, None),
        };
        // Whatever mark is left in the whole part groups digits, in threes.
        if let Some(grouping) = whole.chars().find(|c| matches!(c, ',' | '.')) {
            if whole.contains(if grouping == ',' { '.' } else { ',' }) {
                return Err(MoneyError::BadGrouping);
            }
            let groups: Vec<&str> = whole.split(grouping).collect();
            let first_ok = (1..=3).contains(&groups[0].trim().len());
            let rest_ok = groups[1..].iter().all(|g| g.trim().len() == 3);
            if !(first_ok && rest_ok) {
                return Err(MoneyError::BadGrouping);
            }
        }
        if fraction.is_some_and(|f| f.contains([',', '.'])) {
            return Err(MoneyError::SeveralDecimalSeparators);
        }
        let whole_digits: String = whole.chars().filter(char::is_ascii_digit).collect();
        let fraction_digits: String = fraction
            .map(|f| f.chars().filter(char::is_ascii_digit).collect())
            .unwrap_or_default();
        if whole_digits.is_empty() && fraction_digits.is_empty() {
            return Err(MoneyError::EmptyAmount);
        }
        let allowed = currency.minor_digits();
        if fraction_digits.len() > usize::from(allowed) {
            return Err(MoneyError::TooManyDecimals {
                currency,
                allowed,
                given: fraction_digits.len(),
            });
        }
        let mut minor: i64 = 0;
        let padded = format!("{fraction_digits:0<width$}", width = usize::from(allowed));
        for d in whole_digits.bytes().chain(padded.bytes()) {
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(d - b'0')))
                .ok_or(MoneyError::Overflow)?;
        }
        Ok(Self::from_minor(
            if negative { -minor } else { minor },
            currency,
        ))
    }

    /// Adds two amounts of the same currency. Different currencies are never summed into one number.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        self.minor
            .checked_add(other.minor)
            .map(|m| Money::from_minor(m, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        self.minor
            .checked_sub(other.minor)
            .map(|m| Money::from_minor(m, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// Multiplies by a percentage (0–100), rounding half away from zero, e.g. a weighted deal value.
    pub fn percent(self, percent: u8) -> Money {
        let scaled = i128::from(self.minor) * i128::from(percent);
        let rounded = (scaled + if scaled >= 0 { 50 } else { -50 }) / 100;
        // |minor| × 100 / 100 cannot exceed |minor|.
        Money::from_minor(rounded as i64, self.currency)
    }

    fn same_currency(&self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// The amount as plain decimal text with '.' and no grouping, e.g. "12500.50" (for files, not for people).
    pub fn to_plain_string(&self) -> String {
        let digits = usize::from(self.currency.minor_digits());
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if digits == 0 {
            return format!("{sign}{abs}");
        }
        let scale = 10u64.pow(digits as u32);
        format!("{sign}{}.{:0digits$}", abs / scale, abs % scale)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.to_plain_string(), self.currency)
    }
}

/// Which of ',' and '.' separates the decimals in `text` (digits, marks and spaces only), if any.
fn decimal_mark(text: &str, locale_decimal: char) -> Option<char> {
    let last = text.rfind([',', '.'])?;
    let mark = if text[last..].starts_with(',') {
        ','
    } else {
        '.'
    };
    let other = if mark == ',' { '.' } else { ',' };
    if text.contains(other) {
        // Both marks: the last one is the decimal separator.
        return Some(mark);
    }
    if text.matches(mark).count() > 1 {
        // "1,250,000": only grouping.
        return None;
    }
    let digits = |part: &str| part.chars().filter(char::is_ascii_digit).count();
    let before = digits(&text[..last]);
    let after = &text[last + mark.len_utf8()..];
    // "1,500" or "1.500" reads either way: the locale decides. Anything else is a decimal.
    let ambiguous = (1..=3).contains(&before) && digits(after) == 3 && !after.contains(' ');
    if ambiguous && mark != locale_decimal {
        None
    } else {
        Some(mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn czk(s: &str) -> Result<Money, MoneyError> {
        Money::parse(s, Currency::CZK, ',')
    }

    #[test]
    fn currency_codes() {
        assert_eq!(Currency::parse("czk").unwrap(), Currency::CZK);
        assert_eq!(Currency::parse(" EUR ").unwrap().code(), "EUR");
        assert_eq!(Currency::parse("JPY").unwrap().minor_digits(), 0);
        assert_eq!(Currency::parse("KWD").unwrap().minor_digits(), 3);
        assert_eq!(Currency::parse("XYZ").unwrap().minor_digits(), 2);
        for bad in ["", "CZ", "CZKK", "C2K", "€"] {
            assert_eq!(
                Currency::parse(bad),
                Err(MoneyError::BadCurrency),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn parses_czech_and_english_typing() {
        assert_eq!(czk("12 500,50").unwrap().minor(), 1_250_050);
        assert_eq!(czk("12\u{a0}500").unwrap().minor(), 1_250_000);
        assert_eq!(czk("12.500,5").unwrap().minor(), 1_250_050);
        assert_eq!(czk(",5").unwrap().minor(), 50);
        assert_eq!(czk("-1 000").unwrap().minor(), -100_000);
        let eur = Money::parse("12,500.05", Currency::EUR, '.').unwrap();
        assert_eq!((eur.minor(), eur.currency()), (1_250_005, Currency::EUR));
        let yen = Money::parse("1,000", Currency::parse("JPY").unwrap(), '.').unwrap();
        assert_eq!(yen.minor(), 1000);
    }

    #[test]
    fn either_decimal_separator_is_read_in_either_language() {
        let eur = |s: &str, locale: char| Money::parse(s, Currency::EUR, locale).map(|m| m.minor());
        for locale in [',', '.'] {
            // The case: "15 000,50" typed in English is fifteen thousand and a half.
            assert_eq!(eur("15 000,50", locale), Ok(1_500_050), "{locale}");
            assert_eq!(eur("15 000.50", locale), Ok(1_500_050), "{locale}");
            assert_eq!(eur("15000,5", locale), Ok(1_500_050), "{locale}");
            assert_eq!(eur("1,5", locale), Ok(150), "{locale}");
            assert_eq!(eur("1.5", locale), Ok(150), "{locale}");
            assert_eq!(eur("12.500,50", locale), Ok(1_250_050), "{locale}");
            assert_eq!(eur("12,500.50", locale), Ok(1_250_050), "{locale}");
            assert_eq!(eur("1,250,000", locale), Ok(125_000_000), "{locale}");
            assert_eq!(eur("1.250.000", locale), Ok(125_000_000), "{locale}");
            assert_eq!(eur("1 250 000,5", locale), Ok(125_000_050), "{locale}");
            // A refusal names the real problem.
            assert_eq!(
                eur("1,2,3.4,5", locale),
                Err(MoneyError::SeveralDecimalSeparators)
            );
            assert_eq!(
                eur("1.5,5.0", locale),
                Err(MoneyError::SeveralDecimalSeparators)
            );
            assert_eq!(eur("12,50,000", locale), Err(MoneyError::BadGrouping));
            assert_eq!(eur("1,25.50", locale), Err(MoneyError::BadGrouping));
            assert_eq!(
                eur("15 000,505", locale),
                Err(MoneyError::TooManyDecimals {
                    currency: Currency::EUR,
                    allowed: 2,
                    given: 3
                })
            );
        }
        // Only "one to three digits, a mark, three digits" reads both ways: the locale decides.
        assert_eq!(eur("1,500", '.'), Ok(150_000));
        assert_eq!(eur("1.500", ','), Ok(150_000));
        assert!(matches!(
            eur("1,500", ','),
            Err(MoneyError::TooManyDecimals { .. })
        ));
        assert!(matches!(
            eur("1.500", '.'),
            Err(MoneyError::TooManyDecimals { .. })
        ));
    }

    #[test]
    fn refuses_ambiguous_or_wrong_amounts() {
        assert_eq!(czk(""), Err(MoneyError::EmptyAmount));
        assert_eq!(czk("-"), Err(MoneyError::EmptyAmount));
        assert_eq!(czk("12 Kč"), Err(MoneyError::BadCharacter('K')));
        // A mark typed several times groups digits: here not in threes.
        assert_eq!(czk("1,2,3"), Err(MoneyError::BadGrouping));
        assert_eq!(czk("1,2.3,4"), Err(MoneyError::SeveralDecimalSeparators));
        assert_eq!(
            czk("1,505"),
            Err(MoneyError::TooManyDecimals {
                currency: Currency::CZK,
                allowed: 2,
                given: 3
            })
        );
        // "1,5" typed with '.' as the decimal separator: one and a half, never fifteen.
        assert_eq!(
            Money::parse("1,5", Currency::EUR, '.').map(|m| m.minor()),
            Ok(150)
        );
        assert_eq!(czk("99999999999999999999"), Err(MoneyError::Overflow));
    }

    #[test]
    fn adding_different_currencies_is_an_error() {
        let a = Money::from_minor(100, Currency::CZK);
        let b = Money::from_minor(100, Currency::EUR);
        assert_eq!(
            a.checked_add(b),
            Err(MoneyError::CurrencyMismatch {
                left: Currency::CZK,
                right: Currency::EUR
            })
        );
        assert_eq!(a.checked_add(a).unwrap().minor(), 200);
        assert_eq!(a.checked_sub(a).unwrap(), Money::zero(Currency::CZK));
        assert_eq!(
            Money::from_minor(i64::MAX, Currency::CZK).checked_add(a),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn percent_rounds_half_away_from_zero() {
        let m = Money::from_minor(1_250_050, Currency::CZK);
        assert_eq!(m.percent(50).minor(), 625_025);
        assert_eq!(Money::from_minor(5, Currency::CZK).percent(50).minor(), 3);
        assert_eq!(Money::from_minor(-5, Currency::CZK).percent(50).minor(), -3);
        assert_eq!(m.percent(0).minor(), 0);
        assert_eq!(m.percent(100), m);
    }

    #[test]
    fn plain_text_form() {
        assert_eq!(
            Money::from_minor(1_250_050, Currency::CZK).to_plain_string(),
            "12500.50"
        );
        assert_eq!(
            Money::from_minor(-5, Currency::EUR).to_plain_string(),
            "-0.05"
        );
        assert_eq!(
            Money::from_minor(1000, Currency::parse("JPY").unwrap()).to_string(),
            "1000 JPY"
        );
        assert_eq!(
            Money::from_minor(1234, Currency::parse("KWD").unwrap()).to_plain_string(),
            "1.234"
        );
    }

    /// An amount written the ways people write it: grouped by spaces, or by the other mark, with
    /// either decimal mark.
    fn written(minor: i64, group: &str, mark: char) -> String {
        let whole = (minor / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push_str(group);
            }
            grouped.push(c);
        }
        format!("{grouped}{mark}{:02}", minor % 100)
    }

    proptest::proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_text_is_an_amount_or_an_error(text in "\\PC{0,40}", comma in proptest::bool::ANY) {
            let _ = Money::parse(&text, Currency::CZK, if comma { ',' } else { '.' });
        }

        #[test]
        fn amount_like_text_is_an_amount_or_an_error(text in "-?[0-9 ,.\u{a0}']{0,30}", comma in proptest::bool::ANY) {
            let _ = Money::parse(&text, Currency::EUR, if comma { ',' } else { '.' });
        }

        #[test]
        fn a_written_amount_reads_back_in_either_language(
            minor in 0i64..1_000_000_000_000,
            style in 0usize..4,
            comma in proptest::bool::ANY,
        ) {
            let (group, mark) = [(" ", ','), (" ", '.'), (".", ','), (",", '.')][style];
            let text = written(minor, group, mark);
            let read = Money::parse(&text, Currency::CZK, if comma { ',' } else { '.' });
            proptest::prop_assert_eq!(read.map(|m| m.minor()), Ok(minor), "{}", text);
        }
    }
}
