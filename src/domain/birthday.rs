//! Birthdays: a day with or without its year, read from what people and contact files write
//! ("1985-04-12", "12. 4. 1985", "19850412", "--0412", "--04-12", "12. 4.") and written back.
//! Must not import anything outside `domain`.
//!
//! A birthday is a `NaiveDate`. A day whose year is unknown (vCard's `--0412`, Google's
//! `--04-12`) is kept, not lost: it is stored with the year [`NO_YEAR`], 1604, the year Apple
//! Contacts uses for the same purpose (`X-APPLE-OMIT-YEAR=1604`). 1604 is a leap year, so 29
//! February without a year is a valid date too, and nobody alive was born in it. Every place
//! that shows or writes a birthday asks [`has_year`] and leaves the year out.

use chrono::{Datelike, NaiveDate};

/// The year that stands for "no year" (Apple's convention; a leap year).
pub const NO_YEAR: i32 = 1604;

/// The earliest year a birthday may have (besides [`NO_YEAR`]).
const EARLIEST: i32 = 1850;

/// Why a birthday could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BirthdayError {
    #[error("enter a birthday such as 1985-04-12, 12. 4. 1985 or --04-12")]
    NotADate,
    #[error("a birthday cannot be in the future or before 1850")]
    OutOfRange,
}

/// Whether the birthday has a known year.
pub fn has_year(day: NaiveDate) -> bool {
    day.year() != NO_YEAR
}

/// A day of a year as numbers, validated (the year may be [`NO_YEAR`]).
fn day(year: i32, month: u32, d: u32) -> Result<NaiveDate, BirthdayError> {
    NaiveDate::from_ymd_opt(year, month, d).ok_or(BirthdayError::NotADate)
}

/// The ASCII digits of `text` as a number, if it is 1 to `max_len` digits and nothing else.
fn number(text: &str, max_len: usize) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Reads a birthday. `today` bounds it (a birthday is not in the future). Time and zone parts
/// ("1955-07-19T00:00:00Z") are ignored: a birthday is a day. Slashes are read day first
/// ("12/04/1985"), as in Europe.
pub fn parse(text: &str, today: NaiveDate) -> Result<NaiveDate, BirthdayError> {
    parse_in(text, today, false)
}

/// Reads a birthday as [`parse`] does; `month_first` says how slashes are read ("4/12/1985" is
/// 12 April in a US English file, 4 December in a French one).
pub fn parse_in(
    text: &str,
    today: NaiveDate,
    month_first: bool,
) -> Result<NaiveDate, BirthdayError> {
    let text = text.trim();
    // "1955-07-19T00:00:00Z" → "1955-07-19"
    let text = text.split(['T', 't']).next().unwrap_or(text).trim();
    let parsed = if let Some(rest) = text.strip_prefix("--") {
        // --MMDD or --MM-DD
        let digits: String = rest.chars().filter(|c| *c != '-').collect();
        match (digits.get(..2), digits.get(2..), digits.len()) {
            (Some(m), Some(d), 4) => day(
                NO_YEAR,
                number(m, 2).ok_or(BirthdayError::NotADate)?,
                number(d, 2).ok_or(BirthdayError::NotADate)?,
            )?,
            _ => return Err(BirthdayError::NotADate),
        }
    } else if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        // 19850412 (vCard basic format)
        let (y, md) = text.split_at(4);
        let (m, d) = md.split_at(2);
        day(
            number(y, 4).ok_or(BirthdayError::NotADate)? as i32,
            number(m, 2).ok_or(BirthdayError::NotADate)?,
            number(d, 2).ok_or(BirthdayError::NotADate)?,
        )?
    } else if text.contains('-') {
        // 1985-04-12
        let parts: Vec<&str> = text.split('-').collect();
        match parts.as_slice() {
            [y, m, d] if y.trim().len() == 4 => day(
                number(y, 4).ok_or(BirthdayError::NotADate)? as i32,
                number(m, 2).ok_or(BirthdayError::NotADate)?,
                number(d, 2).ok_or(BirthdayError::NotADate)?,
            )?,
            _ => return Err(BirthdayError::NotADate),
        }
    } else if text.contains('.') {
        // Czech, Slovak, Polish, German: "12. 4. 1985", "12.04.1985", "12. 4." (no year)
        let parts: Vec<&str> = text.split('.').map(str::trim).collect();
        match parts.as_slice() {
            [d, m, y] | [d, m, y, ""] if !y.is_empty() => {
                let year = number(y, 4).ok_or(BirthdayError::NotADate)? as i32;
                if y.len() != 4 {
                    return Err(BirthdayError::NotADate);
                }
                day(
                    year,
                    number(m, 2).ok_or(BirthdayError::NotADate)?,
                    number(d, 2).ok_or(BirthdayError::NotADate)?,
                )?
            }
            [d, m, ""] => day(
                NO_YEAR,
                number(m, 2).ok_or(BirthdayError::NotADate)?,
                number(d, 2).ok_or(BirthdayError::NotADate)?,
            )?,
            _ => return Err(BirthdayError::NotADate),
        }
    } else if text.contains('/') {
        let parts: Vec<&str> = text.split('/').map(str::trim).collect();
        match parts.as_slice() {
            [a, b, y] if y.len() == 4 => {
                let (a, b) = (
                    number(a, 2).ok_or(BirthdayError::NotADate)?,
                    number(b, 2).ok_or(BirthdayError::NotADate)?,
                );
                let (m, d) = if month_first { (a, b) } else { (b, a) };
                day(number(y, 4).ok_or(BirthdayError::NotADate)? as i32, m, d)?
            }
            _ => return Err(BirthdayError::NotADate),
        }
    } else {
        return Err(BirthdayError::NotADate);
    };
    if has_year(parsed) && (parsed.year() < EARLIEST || parsed > today) {
        return Err(BirthdayError::OutOfRange);
    }
    Ok(parsed)
}

/// A birthday as the form and the export write it: "1985-04-12", or "--04-12" without a year.
pub fn format(day: NaiveDate) -> String {
    if has_year(day) {
        day.format("%Y-%m-%d").to_string()
    } else {
        day.format("--%m-%d").to_string()
    }
}

/// Serde for `Option<NaiveDate>` birthdays: "1985-04-12" or "--04-12" (the stored record and
/// the export format write the same text).
pub mod serde_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(d) => s.serialize_str(&super::format(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        // No upper bound here: a stored birthday was checked when it was entered.
        let far = NaiveDate::MAX;
        super::parse(&text, far)
            .ok()
            .filter(|day| super::format(*day) == text)
            .map(Some)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "a birthday is YYYY-MM-DD or --MM-DD, not {text:?}"
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn the_ways_files_and_people_write_a_birthday_are_read() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (text, want) in [
            ("1985-04-12", d(1985, 4, 12)),
            ("19850412", d(1985, 4, 12)),
            ("1955-07-19T00:00:00Z", d(1955, 7, 19)),
            ("12. 4. 1985", d(1985, 4, 12)),
            ("12.04.1985", d(1985, 4, 12)),
            ("--0412", d(NO_YEAR, 4, 12)),
            ("--04-12", d(NO_YEAR, 4, 12)),
            ("--0229", d(NO_YEAR, 2, 29)),
            ("12. 4.", d(NO_YEAR, 4, 12)),
        ] {
            assert_eq!(parse(text, today()), Ok(want), "{text}");
        }
        for bad in [
            "",
            "0.0.00",
            "0/0/00",
            "1985-02-30",
            "--1332",
            "1. 5",
            "tomorrow",
            "12. 4. 85",
        ] {
            assert_eq!(parse(bad, today()), Err(BirthdayError::NotADate), "{bad}");
        }
        assert_eq!(parse("12/04/1985", today()), Ok(d(1985, 4, 12)));
        assert_eq!(parse_in("4/12/1985", today(), true), Ok(d(1985, 4, 12)));
        assert_eq!(parse("2030-01-01", today()), Err(BirthdayError::OutOfRange));
        assert_eq!(parse("1700-01-01", today()), Err(BirthdayError::OutOfRange));
    }

    #[test]
    fn a_birthday_without_a_year_keeps_no_year_when_written() {
        let no_year = parse("--06-15", today()).unwrap();
        assert!(!has_year(no_year));
        assert_eq!(format(no_year), "--06-15");
        assert_eq!(format(parse("1985-04-12", today()).unwrap()), "1985-04-12");
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct B(#[serde(with = "serde_opt")] Option<NaiveDate>);
        for b in [
            B(Some(no_year)),
            B(None),
            B(parse("1992-02-29", today()).ok()),
        ] {
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(serde_json::from_str::<B>(&json).unwrap(), b, "{json}");
        }
        assert!(serde_json::from_str::<B>("\"12. 4. 1985\"").is_err());
    }

    proptest::proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_text_is_a_birthday_or_an_error(text in "\\PC{0,24}", month_first in proptest::bool::ANY) {
            let _ = parse_in(&text, today(), month_first);
        }

        #[test]
        fn a_birthday_reads_back_as_written(y in 1850i32..2026, m in 1u32..13, d in 1u32..32, no_year in proptest::bool::ANY) {
            let year = if no_year { NO_YEAR } else { y };
            if let Some(day) = NaiveDate::from_ymd_opt(year, m, d) {
                proptest::prop_assert_eq!(parse(&format(day), today()), Ok(day));
            }
        }
    }
}
