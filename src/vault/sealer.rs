//! The sealer: the one holder of an unlocked vault's data key. It seals values to an address and
//! opens them again, so the layers above handle sealed bytes and plaintext values, never a key.

use super::seal::{self, Address, Plaintext, Sealed};
use super::{Key, VaultError};
use serde::{de::DeserializeOwned, Serialize};

/// The data key of an unlocked vault, wrapped so it cannot be read, printed or passed on; it is
/// wiped when the sealer is dropped (locking the vault drops it).
pub struct Sealer {
    key: Key,
}

impl Sealer {
    pub(super) fn new(key: Key) -> Self {
        Self { key }
    }

    /// A sealer with a fixed key (native tests of the layers above).
    #[cfg(test)]
    pub fn for_tests(byte: u8) -> Self {
        Self::new(Key::from_bytes([byte; 32]))
    }

    pub(super) fn key(&self) -> &Key {
        &self.key
    }

    /// `value` as JSON, sealed to `address` with a fresh nonce.
    pub fn seal<T: Serialize + ?Sized>(
        &self,
        address: Address<'_>,
        value: &T,
    ) -> Result<Sealed, VaultError> {
        seal::seal(&self.key, address, &Plaintext::from_json(value)?)
    }

    /// The value sealed to `address`: fails if the key, the address or any bit is not what was
    /// sealed, or if the plaintext is not a `T`.
    pub fn open<T: DeserializeOwned>(
        &self,
        address: Address<'_>,
        nonce: &[u8; 12],
        ciphertext: &[u8],
    ) -> Result<T, VaultError> {
        seal::open_parts(&self.key, address, nonce, ciphertext)?.to_json()
    }
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(…)")
    }
}

impl PartialEq for Sealer {
    /// Whether two sealers hold the same key (tests of key wrapping).
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HERE: Address<'static> = Address {
        store: "records",
        kind: "contact",
        id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
    };

    #[test]
    fn a_value_opens_only_where_it_was_sealed() {
        let sealer = Sealer::for_tests(7);
        let sealed = sealer.seal(HERE, &("Jana", 3)).unwrap();
        let back: (String, u32) = sealer
            .open(HERE, &sealed.nonce, &sealed.ciphertext)
            .unwrap();
        assert_eq!(back, ("Jana".to_string(), 3));
        let elsewhere = Address {
            id: "other",
            ..HERE
        };
        assert_eq!(
            sealer
                .open::<(String, u32)>(elsewhere, &sealed.nonce, &sealed.ciphertext)
                .unwrap_err(),
            VaultError::CouldNotDecrypt
        );
        assert_eq!(format!("{sealer:?}"), "Sealer(…)");
    }
}
