//! Numbers, sizes, dates and money for the chosen locale. Dates, times and money use the
//! browser's own CLDR data (`Intl`), which costs nothing in size; they exist only in a browser
//! (tested there). Byte sizes and percentages are pure and tested natively.

use super::Lang;
use crate::domain::Money;
use chrono::{DateTime, Utc};
use js_sys::{Intl, Object, Reflect};
use wasm_bindgen::JsValue;

fn decimal(lang: Lang, text: String) -> String {
    match lang {
        Lang::En => text,
        Lang::Cs => text.replace('.', ","),
    }
}

/// A birthday: "12 April 1985" or "12 April" without its year (Czech "12. 4. 1985", "12. 4.").
/// Pure (no `Intl`): a birthday is a day without a time zone, and may have no year.
pub fn birthday(lang: Lang, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let year = crate::domain::birthday::has_year(day).then(|| day.year());
    match (lang, year) {
        (Lang::En, y) => {
            let month = MONTHS.get(day.month0() as usize).copied().unwrap_or("");
            match y {
                Some(y) => format!("{} {month} {y}", day.day()),
                None => format!("{} {month}", day.day()),
            }
        }
        (Lang::Cs, Some(y)) => format!("{}. {}. {y}", day.day(), day.month()),
        (Lang::Cs, None) => format!("{}. {}.", day.day(), day.month()),
    }
}

/// A byte count for people: "512 B", "1.5 kB", "23.4 MB" (Czech "1,5 kB"); decimal units, as browsers report.
pub fn bytes(lang: Lang, n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    if !n.is_finite() || n < 0.0 {
        return match lang {
            Lang::En => "unknown".into(),
            Lang::Cs => "neznámé".into(),
        };
    }
    let mut value = n;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        decimal(lang, format!("{value:.1} {}", UNITS[unit]))
    }
}

/// Share of `part` in `whole`: "25.0 %" (Czech "25,0 %"); "0.0 %" when `whole` is zero.
pub fn percent(lang: Lang, part: f64, whole: f64) -> String {
    let share = if whole <= 0.0 {
        0.0
    } else {
        part / whole * 100.0
    };
    decimal(lang, format!("{share:.1} %"))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

fn locales(lang: Lang) -> js_sys::Array {
    js_sys::Array::of1(&lang.tag().into())
}

fn js_date(at: DateTime<Utc>) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64))
}

/// A date in the user's time zone: "15 Mar 2026" / "15. 3. 2026".
/// A date formatter for the language and options, made once (making one costs far more than
/// formatting with it, and long lists format a date per row).
fn date_format(lang: Lang, opts: &'static [(&'static str, &'static str)]) -> Intl::DateTimeFormat {
    type Made = Vec<(
        Lang,
        &'static [(&'static str, &'static str)],
        Intl::DateTimeFormat,
    )>;
    thread_local! {
        static MADE: std::cell::RefCell<Made> = const { std::cell::RefCell::new(Vec::new()) };
    }
    MADE.with_borrow_mut(|made| {
        if let Some((_, _, f)) = made.iter().find(|(l, o, _)| *l == lang && *o == opts) {
            return f.clone();
        }
        let f = Intl::DateTimeFormat::new(&locales(lang), &options(opts));
        made.push((lang, opts, f.clone()));
        f
    })
}

pub fn date(lang: Lang, at: DateTime<Utc>) -> String {
    let f = date_format(lang, &[("dateStyle", "medium")]);
    f.format()
        .call1(&f, &js_date(at))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A date and time in the user's time zone: "15 Mar 2026, 14:05" / "15. 3. 2026 14:05".
pub fn date_time(lang: Lang, at: DateTime<Utc>) -> String {
    let f = date_format(lang, &[("dateStyle", "medium"), ("timeStyle", "short")]);
    f.format()
        .call1(&f, &js_date(at))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Money from its exact minor units (never a float): "CZK 12,500.00" / "12 500,00 Kč".
pub fn money(lang: Lang, amount: &Money) -> String {
    let display = match lang {
        Lang::En => "code",
        Lang::Cs => "symbol",
    };
    let o = options(&[
        ("style", "currency"),
        ("currency", amount.currency().code()),
        ("currencyDisplay", display),
    ]);
    let digits = JsValue::from_f64(f64::from(amount.currency().minor_digits()));
    let _ = Reflect::set(&o, &"minimumFractionDigits".into(), &digits);
    let f = Intl::NumberFormat::new(&locales(lang), &o);
    // A decimal string keeps every digit exact (Intl formats strings as decimals).
    f.format()
        .call1(&f, &JsValue::from_str(&amount.to_plain_string()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| amount.to_string())
}

/// A whole number with the locale's grouping: "12,500" / "12 500".
pub fn number(lang: Lang, n: i64) -> String {
    let f = Intl::NumberFormat::new(&locales(lang), &Object::new());
    f.format()
        .call1(&f, &JsValue::from_str(&n.to_string()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_read_naturally() {
        assert_eq!(bytes(Lang::En, 0.0), "0 B");
        assert_eq!(bytes(Lang::En, 512.0), "512 B");
        assert_eq!(bytes(Lang::En, 1500.0), "1.5 kB");
        assert_eq!(bytes(Lang::Cs, 1500.0), "1,5 kB");
        assert_eq!(bytes(Lang::En, 23_400_000.0), "23.4 MB");
        assert_eq!(bytes(Lang::En, 1_200_000_000.0), "1.2 GB");
        assert_eq!(bytes(Lang::En, 5.0e15), "5000.0 TB");
        assert_eq!(bytes(Lang::En, f64::NAN), "unknown");
        assert_eq!(bytes(Lang::Cs, -1.0), "neznámé");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(Lang::En, 1.0, 4.0), "25.0 %");
        assert_eq!(percent(Lang::Cs, 1.0, 4.0), "25,0 %");
        assert_eq!(percent(Lang::En, 1.0, 0.0), "0.0 %");
    }
}
