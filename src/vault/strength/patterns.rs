//! Patterns found by looking at the characters alone: alphabet and digit runs, years, and
//! repeats of any unit.

use super::{Kind, Match};

/// Runs of at least three letters or digits of one kind, each a constant step (1 to 5) from the
/// one before: `abcd`, `9753`, `ACEG`. Two runs may share their boundary character.
pub(super) fn sequences(chars: &[char], out: &mut Vec<Match>) {
    let step = |k: usize| -> Option<i64> {
        let (a, b) = (*chars.get(k.checked_sub(1)?)?, *chars.get(k)?);
        let same_kind = (a.is_ascii_lowercase() && b.is_ascii_lowercase())
            || (a.is_ascii_uppercase() && b.is_ascii_uppercase())
            || (a.is_ascii_digit() && b.is_ascii_digit());
        let delta = i64::from(u32::from(b)) - i64::from(u32::from(a));
        (same_kind && (1..=5).contains(&delta.abs())).then_some(delta)
    };
    let mut i = 0;
    while i + 1 < chars.len() {
        let Some(delta) = step(i + 1) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while step(j + 1) == Some(delta) {
            j += 1;
        }
        if j - i >= 2 {
            let first = chars[i];
            let mut base: f64 = if "aAzZ019".contains(first) {
                4.0
            } else if first.is_ascii_digit() {
                10.0
            } else {
                26.0
            };
            if delta < 0 {
                base *= 2.0;
            }
            out.push(Match {
                start: i,
                end: j + 1,
                guesses_log10: (base * (j + 1 - i) as f64).log10(),
                kind: Kind::Sequence,
            });
        }
        i = j;
    }
}

/// The year zxcvbn's guesses are counted from (the distance to it, at least 20 years).
const REFERENCE_YEAR: i64 = 2026;

/// Four digits that read as a year from 1900 to 2099.
pub(super) fn years(chars: &[char], out: &mut Vec<Match>) {
    for (start, window) in chars.windows(4).enumerate() {
        let digits: Option<Vec<u32>> = window.iter().map(|c| c.to_digit(10)).collect();
        let Some(year) = digits.map(|d| d.iter().fold(0i64, |y, &x| y * 10 + i64::from(x))) else {
            continue;
        };
        if (1900..=2099).contains(&year) {
            out.push(Match {
                start,
                end: start + 4,
                guesses_log10: ((year - REFERENCE_YEAR).abs().max(20) as f64).log10(),
                kind: Kind::Year,
            });
        }
    }
}

/// Repeats in a text of `len` characters: for each unit length, each longest stretch of
/// characters `k` that are `same(k, unit)` as the one `unit` before them; `found(from, to, unit)`
/// gets the stretch. Work: len × len / 2 calls of `same` at most.
pub(super) fn repeats(
    len: usize,
    same: impl Fn(usize, usize) -> bool,
    mut found: impl FnMut(usize, usize, usize),
) {
    for unit in 1..=len / 2 {
        let mut k = unit;
        while k < len {
            if !same(k, unit) {
                k += 1;
                continue;
            }
            let from = k;
            while k < len && same(k, unit) {
                k += 1;
            }
            found(from, k, unit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(found: &[Match]) -> Vec<(usize, usize)> {
        found.iter().map(|m| (m.start, m.end)).collect()
    }

    #[test]
    fn sequences_are_runs_of_a_constant_step() {
        let chars: Vec<char> = "xabcdz97531".chars().collect();
        let mut found = Vec::new();
        sequences(&chars, &mut found);
        // "abcd" (1 to 5), then "97531" descending by two (6 to 11).
        assert_eq!(spans(&found), vec![(1, 5), (6, 11)]);
        let chars: Vec<char> = "aB1".chars().collect();
        let mut found = Vec::new();
        sequences(&chars, &mut found);
        assert!(found.is_empty(), "mixed kinds are no run");
    }

    #[test]
    fn years_are_1900_to_2099() {
        let chars: Vec<char> = "x1899y2026".chars().collect();
        let mut found = Vec::new();
        years(&chars, &mut found);
        assert_eq!(spans(&found), vec![(6, 10)]);
        assert_eq!(found[0].guesses_log10, 20f64.log10());
    }

    #[test]
    fn repeats_find_every_unit_length() {
        let text: Vec<char> = "xabcabcabcy".chars().collect();
        let mut found = Vec::new();
        repeats(
            text.len(),
            |k, unit| text[k] == text[k - unit],
            |from, to, unit| found.push((from, to, unit)),
        );
        // "abc" from 1, then again from 4 to 10; the 'a' at 4 equals the 'a' at 1, and so on.
        assert_eq!(found, vec![(4, 10, 3)]);
        let text: Vec<char> = "aaaa".chars().collect();
        let mut found = Vec::new();
        repeats(
            text.len(),
            |k, unit| text[k] == text[k - unit],
            |from, to, unit| found.push((from, to, unit)),
        );
        assert_eq!(found, vec![(1, 4, 1), (2, 4, 2)]);
    }
}
