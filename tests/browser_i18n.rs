//! In-browser tests of locale formatting, which uses the browser's own Intl data.
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use folio::domain::{Currency, Money};
use folio::i18n::{format, Lang};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Intl separates with no-break spaces; compare with plain ones.
fn plain(s: String) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

#[wasm_bindgen_test]
fn dates_follow_the_language() {
    let at = Utc.with_ymd_and_hms(2026, 3, 15, 12, 0, 0).unwrap();
    assert_eq!(plain(format::date(Lang::Cs, at)), "15. 3. 2026");
    assert_eq!(plain(format::date(Lang::En, at)), "15 Mar 2026");
    assert!(plain(format::date_time(Lang::Cs, at)).starts_with("15. 3. 2026"));
}

#[wasm_bindgen_test]
fn money_is_formatted_exactly_from_minor_units() {
    let czk = Money::from_minor(1_250_000, Currency::CZK);
    assert_eq!(plain(format::money(Lang::Cs, &czk)), "12 500,00 Kč");
    assert_eq!(plain(format::money(Lang::En, &czk)), "CZK 12,500.00");
    // Beyond f64's exact integers: every digit survives because a decimal string is formatted.
    let big = Money::from_minor(9_007_199_254_740_993, Currency::EUR);
    assert_eq!(
        plain(format::money(Lang::En, &big)),
        "EUR 90,071,992,547,409.93"
    );
    let yen = Money::from_minor(1500, Currency::parse("JPY").unwrap());
    assert_eq!(plain(format::money(Lang::En, &yen)), "JPY 1,500");
}

#[wasm_bindgen_test]
fn numbers_are_grouped_for_the_language() {
    assert_eq!(plain(format::number(Lang::Cs, 12_500)), "12 500");
    assert_eq!(plain(format::number(Lang::En, 12_500)), "12,500");
}
