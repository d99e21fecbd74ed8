//! Passphrases: held in memory that is wiped on drop, and the rule for choosing a new one (long
//! enough, and not guessable: see `strength`).

use super::strength::{self, Pattern, Strength};
use zeroize::Zeroizing;

/// The shortest passphrase Folio accepts for a new vault.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Why a new passphrase was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    #[error("enter a passphrase")]
    Empty,
    #[error("use at least {MIN_PASSPHRASE_CHARS} characters; a few unrelated words are easy to remember")]
    TooShort,
    #[error("the two passphrases differ")]
    Mismatch,
    #[error("too easy to guess: it repeats the same characters or words (like aaaa or abcabc); a few unrelated words are easy to remember")]
    Repeated,
    #[error("too easy to guess: it follows the alphabet, the digits or a row of the keyboard (like abcd, 1234 or qwerty); a few unrelated words are easy to remember")]
    Sequence,
    #[error("too easy to guess: it is made of common passwords, names or years, even with digits or symbols added or letters swapped (like Password2024! or p@ssw0rd); a few unrelated words are easy to remember")]
    Common,
}

/// A passphrase as typed. Its text is wiped from memory when dropped and never printed.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        Self(Zeroizing::new(text.into()))
    }

    /// Checks a new passphrase and its confirmation.
    pub fn choose(text: &str, confirmation: &str) -> Result<Self, PassphraseError> {
        Self::problem(text).map_or(Ok(()), Err)?;
        if text != confirmation {
            return Err(PassphraseError::Mismatch);
        }
        Ok(Self::new(text))
    }

    /// How strong `text` is as a new passphrase, as the meter shows it while it is typed: weak
    /// whenever `choose` would refuse it.
    pub fn strength(text: &str) -> Strength {
        if text.chars().count() < MIN_PASSPHRASE_CHARS {
            return Strength::Weak;
        }
        strength::estimate(text).strength()
    }

    /// Why `text` cannot be a new passphrase, whatever its confirmation.
    fn problem(text: &str) -> Option<PassphraseError> {
        if text.is_empty() {
            return Some(PassphraseError::Empty);
        }
        if text.chars().count() < MIN_PASSPHRASE_CHARS {
            return Some(PassphraseError::TooShort);
        }
        let estimate = strength::estimate(text);
        (estimate.strength() == Strength::Weak).then_some(match estimate.pattern {
            Some(Pattern::Repeat) => PassphraseError::Repeated,
            Some(Pattern::Sequence) => PassphraseError::Sequence,
            Some(Pattern::Common) | None => PassphraseError::Common,
        })
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_passphrase_rules() {
        assert_eq!(
            Passphrase::choose("", "").unwrap_err(),
            PassphraseError::Empty
        );
        assert_eq!(
            Passphrase::choose("short one", "short one").unwrap_err(),
            PassphraseError::TooShort
        );
        assert_eq!(
            Passphrase::choose("correct horse battery", "correct horse batery").unwrap_err(),
            PassphraseError::Mismatch
        );
        // Characters, not bytes: twelve Czech letters are enough.
        assert!(Passphrase::choose("žluťoučkýkůň", "žluťoučkýkůň").is_ok());
        assert_eq!(
            format!("{:?}", Passphrase::new("secret words here")),
            "Passphrase(…)"
        );
    }

    /// Ordinary phrases of a few words, as people (and Folio's own tests) choose them.
    const ACCEPTED: &[&str] = &[
        "correct horse battery staple",
        "backup passphrase 2026",
        "another long passphrase",
        "another long passphrase here",
        "a brand new passphrase",
        "a completely new passphrase",
        "a third vault passphrase",
        "žluťoučkýkůň",
        "příliš žluťoučký kůň",
        "kůň skáče přes plot",
        "Tr0ub4dor&3 is not enough",
        "violet tractor umbrella",
        "rain on the old bridge",
        "x7#kQ9!mZp2v",
    ];

    #[test]
    fn ordinary_phrases_of_a_few_words_are_accepted() {
        for text in ACCEPTED {
            assert!(
                Passphrase::choose(text, text).is_ok(),
                "{text}: {:?}",
                Passphrase::choose(text, text).err()
            );
            assert!(Passphrase::strength(text) >= Strength::Fair, "{text}");
        }
    }

    #[test]
    fn guessable_passphrases_are_refused_and_say_why() {
        use PassphraseError::*;
        let refused = [
            ("aaaaaaaaaaaa", Repeated),
            ("abcabcabcabc", Repeated),
            ("1234512345123", Repeated),
            ("monkeymonkey", Repeated),
            ("qwertyuiopasdf", Common),
            ("asdfghjkl;'#", Sequence),
            ("qwertzuiopú)", Sequence),
            ("+ěščřžýáíé=´", Sequence),
            ("123456789012", Sequence),
            ("1qaz2wsx3edc", Common),
            ("zaq12wsxcde3", Common),
            ("abcdefghijkl", Sequence),
            ("lkjihgfedcba", Sequence),
            ("password1234", Common),
            ("Password2024!", Common),
            ("p@ssw0rd2024", Common),
            ("P4$$W0RD!!!!", Common),
            ("drowssap2024", Common),
            ("iloveyou2026", Common),
            ("dragonshadowmaster", Common),
            ("dragon shadow master", Common),
            ("sunshine football", Common),
            ("heslo12345678", Common),
            ("Heslo2026!!!", Common),
            ("martin19851985", Common),
            ("novakova1990!", Common),
            ("19851985198519", Repeated),
        ];
        let wrong: Vec<_> = refused
            .iter()
            .filter(|(text, why)| {
                Passphrase::choose(text, text).err() != Some(why.clone())
                    || Passphrase::strength(text) != Strength::Weak
            })
            .map(|(text, _)| (text, Passphrase::choose(text, text).err()))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn the_meter_says_weak_whenever_the_passphrase_would_be_refused() {
        assert_eq!(Passphrase::strength(""), Strength::Weak);
        assert_eq!(
            Passphrase::strength("x7#kQ9!mZp2"),
            Strength::Weak,
            "11 characters"
        );
        assert!(Passphrase::strength("correct horse battery staple") > Strength::Fair);
    }
}
