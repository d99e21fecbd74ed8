use super::*;

fn guesses(text: &str) -> f64 {
    estimate(text).guesses_log10
}

#[test]
fn the_estimate_grows_with_what_an_attacker_must_try() {
    let ladder = [
        "aaaaaaaaaaaa",
        "password1234",
        "Password2024!",
        "dragon shadow master",
        "violet tractor",
        "correct horse battery staple",
    ];
    for pair in ladder.windows(2) {
        assert!(guesses(pair[0]) < guesses(pair[1]), "{pair:?}");
    }
    assert_eq!(guesses(""), 0.0);
    // Random characters: their classes to the power of the length, about.
    let random = guesses("x7#kQ9!mZp2v");
    assert!(random > 14.0 && random < (95f64).log10() * 12.0, "{random}");
}

#[test]
fn strength_levels_follow_the_guesses() {
    let at = |guesses_log10| {
        Estimate {
            guesses_log10,
            pattern: None,
        }
        .strength()
    };
    assert_eq!(at(7.9), Strength::Weak);
    assert_eq!(at(8.0), Strength::Fair);
    assert_eq!(at(10.0), Strength::Strong);
    assert_eq!(at(14.0), Strength::VeryStrong);
}

#[test]
fn each_weak_passphrase_says_what_makes_it_weak() {
    let pattern = |text| estimate(text).pattern;
    assert_eq!(pattern("aaaaaaaaaaaa"), Some(Pattern::Repeat));
    assert_eq!(pattern("abcabcabcabc"), Some(Pattern::Repeat));
    assert_eq!(pattern("abcdefghijkl"), Some(Pattern::Sequence));
    assert_eq!(pattern("asdfghjkl;'"), Some(Pattern::Sequence));
    assert_eq!(pattern("qwertzuiopú"), Some(Pattern::Sequence));
    assert_eq!(pattern("p@ssw0rd"), Some(Pattern::Common));
    // A listed word is the first thing to change, even beside a longer run.
    assert_eq!(pattern("heslo12345678"), Some(Pattern::Common));
    assert_eq!(pattern("x7#kQ9!mZp2v"), None);
}

#[test]
fn capitals_leetspeak_diacritics_and_reversal_cost_little() {
    let plain = guesses("monkeydragon");
    for variant in [
        "MonkeyDragon",
        "m0nkeydr@gon",
        "nogardyeknom",
        "MONKEYDRAGON",
    ] {
        let extra = guesses(variant) - plain;
        assert!((0.0..2.0).contains(&extra), "{variant}: +{extra}");
    }
    let extra = guesses("Jiří Nováková") - guesses("jiri novakova");
    assert!((0.0..1.0).contains(&extra), "diacritics: +{extra}");
}

#[test]
fn letters_are_compared_in_lower_case_without_diacritics() {
    let plain: String = "ŘeŘiCHA Ůžas Łódź ß İ".chars().map(plain_letter).collect();
    assert_eq!(plain, "rericha uzas lodz ß İ", "one character for one");
}

#[test]
fn a_separator_between_words_costs_once() {
    let joined = guesses("dragonshadowmaster");
    let spaced = guesses("dragon shadow master");
    assert!(
        spaced > joined && spaced - joined < 1.5,
        "{joined} {spaced}"
    );
    // Other characters between words are guessed one by one.
    assert!(guesses("dragon#shadow&master") > spaced + 2.0);
}

#[test]
fn only_the_first_characters_are_examined() {
    let long = "correct horse battery staple ".repeat(20);
    let prefix: String = long.chars().take(MAX_EXAMINED_CHARS).collect();
    assert_eq!(estimate(&long), estimate(&prefix));
    let repeated = "a".repeat(10_000);
    assert_eq!(estimate(&repeated).strength(), Strength::Weak);
}

/// Inputs that make each matcher work hardest, at the examined length.
fn hardest_inputs() -> Vec<String> {
    let n = MAX_EXAMINED_CHARS;
    vec![
        "a".repeat(n),
        "1".repeat(n),    // two leetspeak readings at every character
        "qaqa".repeat(n), // a keyboard run that turns at every key
        "1qaz2wsx".repeat(n),
        "ab".repeat(n),
        "password".repeat(n),
        (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect(),
        "žluťoučký kůň ".repeat(n),
    ]
}

#[test]
fn the_hardest_inputs_take_little_time() {
    for text in hardest_inputs() {
        let started = std::time::Instant::now();
        let e = estimate(&text);
        let took = started.elapsed();
        assert!(e.guesses_log10.is_finite());
        // Generous, for debug builds on a busy machine; a release build takes a few ms.
        let start: String = text.chars().take(8).collect();
        assert!(took.as_secs_f64() < 2.0, "{start}…: {took:?}");
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any text: no panic, a finite estimate, and only its first characters count, so the
        /// work stops growing with its length (the rest is only counted, in linear time).
        #[test]
        fn any_text_is_estimated_from_its_beginning(text in any::<String>(), pad in "[a-z1 ]{0,300}") {
            let text = format!("{text}{pad}");
            let e = estimate(&text);
            prop_assert!(e.guesses_log10.is_finite() && e.guesses_log10 >= 0.0);
            let prefix: String = text.chars().take(MAX_EXAMINED_CHARS).collect();
            prop_assert_eq!(e, estimate(&prefix));
        }

        /// Text made of what the matchers look for: words, leetspeak, keys, digits, separators.
        #[test]
        fn patterned_text_is_estimated_quickly(
            parts in prop::collection::vec(
                prop_oneof![
                    Just("password"), Just("p@ss"), Just("qwertz"), Just("1qaz"), Just("2026"),
                    Just("abc"), Just("aaa"), Just(" "), Just("-"), Just("Heslo"), Just("ů"),
                    Just("1"), Just("!"), Just("monkey"), Just("7896"),
                ],
                0..80,
            )
        ) {
            let text: String = parts.concat();
            let started = std::time::Instant::now();
            let e = estimate(&text);
            prop_assert!(e.guesses_log10.is_finite());
            prop_assert!(started.elapsed().as_secs_f64() < 2.0);
            // Never more than guessing every character on its own (at most 100 each), in any
            // order of at most 32 parts (32! < 10^36), with a separator chosen.
            prop_assert!(e.guesses_log10 <= 2.0 * text.chars().count() as f64 + 38.0);
        }
    }
}
