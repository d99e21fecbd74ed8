//! Secret keys: 256-bit, wiped from memory on drop, never printed.

use zeroize::{Zeroize, ZeroizeOnDrop};

/// A 256-bit secret key (a key-encryption key or the vault's data key).
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Key([u8; 32]);

impl Key {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// A fresh random key.
    pub fn random() -> Result<Self, super::VaultError> {
        let mut bytes = [0u8; 32];
        super::random_bytes(&mut bytes)?;
        Ok(Self(bytes))
    }

    pub(crate) fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl PartialEq for Key {
    /// Constant-time enough for tests; keys are never compared on a user path.
    fn eq(&self, other: &Self) -> bool {
        self.0
            .iter()
            .zip(other.0.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_prints_nothing_secret() {
        let key = Key::from_bytes([0xAB; 32]);
        let shown = format!("{key:?}");
        assert_eq!(shown, "Key(…)");
        assert!(!shown.to_lowercase().contains("ab"));
    }

    #[test]
    fn zeroize_wipes_the_bytes() {
        let mut key = Key::from_bytes([7; 32]);
        key.zeroize();
        assert_eq!(key.expose(), &[0u8; 32]);
    }

    #[test]
    fn random_keys_differ() {
        assert_ne!(Key::random().unwrap(), Key::random().unwrap());
    }
}
