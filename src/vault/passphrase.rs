//! Passphrases: held in memory that is wiped on drop, and the rule for choosing a new one.

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
}

/// A passphrase as typed. Its text is wiped from memory when dropped and never printed.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        Self(Zeroizing::new(text.into()))
    }

    /// Checks a new passphrase and its confirmation.
    pub fn choose(text: &str, confirmation: &str) -> Result<Self, PassphraseError> {
        if text.is_empty() {
            return Err(PassphraseError::Empty);
        }
        if text.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(PassphraseError::TooShort);
        }
        if text != confirmation {
            return Err(PassphraseError::Mismatch);
        }
        Ok(Self::new(text))
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
}
