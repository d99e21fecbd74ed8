//! The common passwords, Czech words and names of `lists/`, found anywhere in a passphrase:
//! whatever the capitals and diacritics, in leetspeak (`p@ssw0rd`) and reversed.

use super::{Kind, Match, Text};
use std::sync::OnceLock;

/// The lists, in sections of words (sorted) that take the same number of guesses. A line of a
/// list is `#guesses`, or a word front-coded: how many first letters (one digit) it shares with
/// the word above, then the rest of it.
fn sections() -> &'static [(u32, Vec<String>)] {
    static SECTIONS: OnceLock<Vec<(u32, Vec<String>)>> = OnceLock::new();
    SECTIONS.get_or_init(|| {
        let mut sections: Vec<(u32, Vec<String>)> = Vec::new();
        let lists = concat!(
            include_str!("lists/passwords.txt"),
            include_str!("lists/czech.txt")
        );
        for line in lists.lines() {
            if let Some(guesses) = line.strip_prefix('#') {
                sections.push((guesses.parse().unwrap_or(1), Vec::new()));
                continue;
            }
            let shared = line.chars().next().and_then(|c| c.to_digit(10));
            let (Some((_, words)), Some(shared)) = (sections.last_mut(), shared) else {
                continue;
            };
            let previous = words.last().map_or("", String::as_str);
            let mut word = String::from(previous.get(..shared as usize).unwrap_or(""));
            word.push_str(line.get(1..).unwrap_or(""));
            words.push(word);
        }
        sections
    })
}

/// The letters a leetspeak character may stand for.
fn leet(c: char) -> &'static [u8] {
    match c {
        '4' | '@' => b"a",
        '8' => b"b",
        '(' | '{' | '[' | '<' => b"c",
        '3' => b"e",
        '6' | '9' => b"g",
        '1' | '|' => b"il",
        '!' => b"i",
        '0' => b"o",
        '$' | '5' => b"s",
        '7' => b"lt",
        '+' => b"t",
        '%' => b"x",
        '2' => b"z",
        _ => b"",
    }
}

/// At most this many readings of a stretch are followed at once (leetspeak makes several).
const MAX_READINGS: usize = 8;

/// Every listed word in the passphrase, forwards and backwards.
pub(super) fn find(text: &Text, out: &mut Vec<Match>) {
    let n = text.plain.len();
    let forwards: &[char] = &text.plain;
    let backwards: Vec<char> = forwards.iter().rev().copied().collect();
    for (plain, reversed) in [(forwards, false), (&backwards[..], true)] {
        for_each_word(plain, |start, end, guesses, substitutions| {
            let (start, end) = if reversed {
                (n - end, n - start)
            } else {
                (start, end)
            };
            let typed = &text.chars[start..end];
            let diacritics = typed
                .iter()
                .zip(&text.plain[start..end])
                .any(|(c, p)| c.is_alphabetic() && !c.to_lowercase().eq([*p]));
            let doubled = u8::from(reversed) + u8::from(diacritics) + substitutions;
            out.push(Match {
                start,
                end,
                guesses_log10: f64::from(guesses).log10()
                    + capitals_log10(typed)
                    + f64::from(doubled) * 2f64.log10(),
                kind: Kind::Word,
            });
        });
    }
}

/// Calls `found(start, end, guesses, substitutions)` for each listed word in `plain`, following
/// from each start the range of a section's words that begin with what was read so far.
fn for_each_word(plain: &[char], mut found: impl FnMut(usize, usize, u32, u8)) {
    let mut readings: Vec<(usize, usize, u8)> = Vec::new();
    let mut next: Vec<(usize, usize, u8)> = Vec::new();
    for (guesses, words) in sections() {
        for start in 0..plain.len() {
            readings.clear();
            readings.push((0, words.len(), 0));
            for (depth, &c) in plain[start..].iter().enumerate() {
                next.clear();
                let typed = u8::try_from(c).ok().filter(u8::is_ascii).map(|b| (b, 0));
                let letters = leet(c).iter().map(|&b| (b, 1));
                for &(lo, hi, substitutions) in &readings {
                    for (b, substituted) in typed.into_iter().chain(letters.clone()) {
                        let (from, to) = narrow(words, lo, hi, depth, b);
                        let substitutions = substitutions + substituted;
                        if from == to {
                            continue;
                        }
                        match next.iter().position(|r| (r.0, r.1) == (from, to)) {
                            Some(i) => next[i].2 = next[i].2.min(substitutions),
                            None if next.len() < MAX_READINGS => {
                                next.push((from, to, substitutions))
                            }
                            None => {}
                        }
                    }
                }
                for &(from, _, substitutions) in &next {
                    if words.get(from).is_some_and(|word| word.len() == depth + 1) {
                        found(start, start + depth + 1, *guesses, substitutions);
                    }
                }
                if next.is_empty() {
                    break;
                }
                std::mem::swap(&mut readings, &mut next);
            }
        }
    }
}

/// The words of `lo..hi` (which share their first `depth` letters) whose next letter is `b`.
fn narrow(words: &[String], lo: usize, hi: usize, depth: usize, b: u8) -> (usize, usize) {
    let range = &words[lo..hi];
    let before = |w: &str, strictly: bool| {
        w.as_bytes()
            .get(depth)
            .is_none_or(|&x| if strictly { x < b } else { x <= b })
    };
    let from = range.partition_point(|w| before(w, true));
    let to = range.partition_point(|w| before(w, false));
    (lo + from, lo + to)
}

/// log10 of zxcvbn's capitalisation count: 1 in lower case; 2 for a first or last capital, or
/// all capitals; otherwise the ways to place the capitals among the letters.
fn capitals_log10(typed: &[char]) -> f64 {
    let capital = |c: &char| c.to_lowercase().next() != Some(*c);
    let upper = typed.iter().filter(|c| capital(c)).count();
    let lower = typed.iter().filter(|c| c.is_alphabetic()).count() - upper;
    let first_or_last =
        upper == 1 && (typed.first().is_some_and(capital) || typed.last().is_some_and(capital));
    match (upper, lower) {
        (0, _) => 0.0,
        (_, 0) => 2f64.log10(),
        _ if first_or_last => 2f64.log10(),
        (u, l) => super::placements_log10(u, l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found_in(text: &str) -> Vec<(String, u32, u8)> {
        let plain: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        for_each_word(&plain, |start, end, guesses, substitutions| {
            found.push((plain[start..end].iter().collect(), guesses, substitutions))
        });
        found
    }

    #[test]
    fn the_lists_are_sorted_lower_case_words_with_their_guesses() {
        let sections = sections();
        let count: usize = sections.iter().map(|(_, words)| words.len()).sum();
        assert!(count > 1500, "{count} words");
        let mut all = std::collections::HashSet::new();
        for (guesses, words) in sections {
            assert!([5, 50, 500, 5000].contains(guesses), "{guesses}");
            assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted in a section");
            for word in words {
                assert!(word.len() >= 4, "{word}");
                assert!(word
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase()));
                assert!(all.insert(word.clone()), "{word} is listed once");
            }
        }
        let guesses = |w: &str| {
            sections
                .iter()
                .find(|(_, words)| words.iter().any(|x| x == w))
                .map(|&(g, _)| g)
        };
        assert_eq!(guesses("password"), Some(5));
        assert_eq!(
            guesses("heslo"),
            Some(500),
            "Czech, among words people use as passwords"
        );
        assert_eq!(guesses("martin"), Some(50));
        assert_eq!(
            guesses("novakova"),
            Some(5),
            "the most common Czech surname"
        );
        assert_eq!(guesses("passphrase"), None);
    }

    #[test]
    fn words_are_found_anywhere_also_in_leetspeak() {
        let found = found_in("xpasswordx");
        assert!(found.contains(&("password".into(), 5, 0)), "{found:?}");
        let found = found_in("p@ssw0rd");
        assert!(found.contains(&("p@ssw0rd".into(), 5, 2)), "{found:?}");
        let found = found_in("dragonmonkey");
        assert!(found.iter().any(|f| f.0 == "dragon") && found.iter().any(|f| f.0 == "monkey"));
        assert!(found_in("zzzzqqqq").is_empty());
    }

    #[test]
    fn capitals_cost_as_zxcvbn_counts_them() {
        let log = |s: &str| capitals_log10(&s.chars().collect::<Vec<_>>());
        assert_eq!(log("password"), 0.0);
        assert_eq!(log("Password"), 2f64.log10());
        assert_eq!(log("PASSWORD"), 2f64.log10());
        assert_eq!(log("passworD"), 2f64.log10());
        // Two capitals among eight letters: C(8,1) + C(8,2) = 36.
        assert!((log("pAssWord") - 36f64.log10()).abs() < 1e-9);
    }
}
