//! Secret keys: 256-bit, wiped from memory on drop, never printed.

use aes_gcm::{Aes256Gcm, KeyInit};
use std::cell::OnceCell;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A 256-bit secret key (a key-encryption key or the vault's data key), with its AES-256-GCM
/// cipher made once on first use (its key schedule is wiped on drop by the cipher itself).
pub struct Key {
    bytes: [u8; 32],
    cipher: OnceCell<Aes256Gcm>,
}

impl Zeroize for Key {
    /// Wipes the bytes and drops the cipher (which wipes its key schedule).
    fn zeroize(&mut self) {
        self.bytes.zeroize();
        self.cipher = OnceCell::new();
    }
}

impl Drop for Key {
    fn drop(&mut self) {
        self.zeroize();
    }
}

impl ZeroizeOnDrop for Key {}

impl Clone for Key {
    fn clone(&self) -> Self {
        Self::from_bytes(self.bytes)
    }
}

impl Key {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self {
            bytes,
            cipher: OnceCell::new(),
        }
    }

    /// A fresh random key.
    pub fn random() -> Result<Self, super::VaultError> {
        let mut bytes = [0u8; 32];
        super::random_bytes(&mut bytes)?;
        let key = Self::from_bytes(bytes);
        bytes.zeroize();
        Ok(key)
    }

    pub(crate) fn expose(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// The AES-256-GCM cipher of this key: its key schedule is computed once, not per seal
    /// (which was a measurable part of sealing a whole vault).
    pub(crate) fn cipher(&self) -> &Aes256Gcm {
        self.cipher
            .get_or_init(|| Aes256Gcm::new((&self.bytes).into()))
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
        self.bytes
            .iter()
            .zip(other.bytes.iter())
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
        let _ = key.cipher();
        key.zeroize();
        assert_eq!(key.expose(), &[0u8; 32]);
        assert!(
            key.cipher.get().is_none(),
            "the cipher made from them is gone too"
        );
    }

    #[test]
    fn random_keys_differ() {
        assert_ne!(Key::random().unwrap(), Key::random().unwrap());
    }
}
