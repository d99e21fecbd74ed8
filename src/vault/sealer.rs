//! The sealer: the one holder of an unlocked vault's data key. It seals values to an address and
//! opens them again, and makes keyed digests under a key derived from the data key (never the
//! data key itself), so the layers above handle sealed bytes, plaintext values and digests,
//! never a key. Closing it wipes the key: nothing can be sealed or opened after a lock.

use super::seal::{self, Address, Plaintext, Sealed, FORMAT_VERSION};
use super::{Key, VaultError};
use hmac::{KeyInit, Mac};
use serde::{de::DeserializeOwned, Serialize};
use std::cell::{OnceCell, RefCell};

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// A keyed digest (HMAC-SHA-256): 32 bytes that say nothing of what they digest to anyone
/// without the vault's key.
pub type Tag = [u8; 32];

/// The data key of an unlocked vault, wrapped so it cannot be read, printed or passed on; it is
/// wiped when the sealer is closed or dropped (locking the vault does both).
pub struct Sealer {
    key: RefCell<Option<Key>>,
    /// The Argon2id output of the passphrase this vault was unlocked with: it lets a security key
    /// or a recovery code be wrapped while the vault is open (after the passphrase typed again
    /// is checked against it). Wiped with the data key.
    passphrase_key: RefCell<Option<Key>>,
    /// HMAC-SHA-256 keyed with HKDF(data key, "folio tags v1"), ready to be cloned per digest.
    tagger: OnceCell<HmacSha256>,
}

impl Sealer {
    pub(super) fn new(key: Key) -> Self {
        Self {
            key: RefCell::new(Some(key)),
            passphrase_key: RefCell::new(None),
            tagger: OnceCell::new(),
        }
    }

    /// Remembers the passphrase's Argon2id output beside the data key (until `close`).
    pub(super) fn remembering(self, passphrase_key: Key) -> Self {
        *self.passphrase_key.borrow_mut() = Some(passphrase_key);
        self
    }

    /// Runs `f` with the data key and the remembered passphrase key, or says the vault is
    /// locked.
    pub(super) fn with_both<T>(
        &self,
        f: impl FnOnce(&Key, &Key) -> Result<T, VaultError>,
    ) -> Result<T, VaultError> {
        match (
            self.key.borrow().as_ref(),
            self.passphrase_key.borrow().as_ref(),
        ) {
            (Some(key), Some(pk)) => f(key, pk),
            _ => Err(VaultError::Locked),
        }
    }

    /// Replaces the remembered passphrase key (after the passphrase changed).
    pub(super) fn remember(&self, passphrase_key: Key) {
        *self.passphrase_key.borrow_mut() = Some(passphrase_key);
    }

    /// A sealer with a fixed key (native tests of the layers above).
    #[cfg(test)]
    pub fn for_tests(byte: u8) -> Self {
        Self::new(Key::from_bytes([byte; 32]))
    }

    /// Runs `f` with the key, or says the vault is locked.
    pub(super) fn with_key<T>(
        &self,
        f: impl FnOnce(&Key) -> Result<T, VaultError>,
    ) -> Result<T, VaultError> {
        match self.key.borrow().as_ref() {
            Some(key) => f(key),
            None => Err(VaultError::Locked),
        }
    }

    /// Wipes the key: every later seal, open or digest fails as locked.
    pub fn close(&self) {
        self.key.borrow_mut().take();
        self.passphrase_key.borrow_mut().take();
        let _ = self.tagger.get();
    }

    /// Whether the key is still here.
    pub fn is_open(&self) -> bool {
        self.key.borrow().is_some()
    }

    /// `value` as JSON, sealed to `address` with a fresh nonce.
    pub fn seal<T: Serialize + ?Sized>(
        &self,
        address: Address<'_>,
        value: &T,
    ) -> Result<Sealed, VaultError> {
        let plain = Plaintext::from_json(value)?;
        self.with_key(|key| seal::seal(key, address, &plain))
    }

    /// The value sealed to `address`: fails if the key, the address or any bit is not what was
    /// sealed, or if the plaintext is not a `T`.
    pub fn open<T: DeserializeOwned>(
        &self,
        address: Address<'_>,
        nonce: &[u8; 12],
        ciphertext: &[u8],
    ) -> Result<T, VaultError> {
        self.open_in(FORMAT_VERSION, address, nonce, ciphertext)
    }

    /// `open` of a value sealed in `format`: `FORMAT_VERSION`, or `LEGACY_FORMAT` (before the
    /// format bound revisions: the address's revision is not checked) only to bring such a
    /// vault up to date.
    pub fn open_in<T: DeserializeOwned>(
        &self,
        format: u8,
        address: Address<'_>,
        nonce: &[u8; 12],
        ciphertext: &[u8],
    ) -> Result<T, VaultError> {
        self.with_key(|key| seal::open_parts(key, address, nonce, ciphertext, format)?.to_json())
    }

    /// `value` sealed as Folio sealed before the format bound revisions (tests of bringing such
    /// a vault up to date).
    #[cfg(test)]
    pub fn seal_legacy<T: Serialize + ?Sized>(
        &self,
        address: Address<'_>,
        value: &T,
    ) -> Result<Sealed, VaultError> {
        let plain = Plaintext::from_json(value)?;
        self.with_key(|key| seal::seal_legacy(key, address, &plain))
    }

    /// The keyed digest of `parts` (each length-prefixed, so they cannot run into each other),
    /// for the purpose named by `domain` (so digests made for one purpose never match another's).
    pub fn tag(&self, domain: &str, parts: &[&[u8]]) -> Result<Tag, VaultError> {
        if !self.is_open() {
            return Err(VaultError::Locked);
        }
        let tagger = match self.tagger.get() {
            Some(t) => t,
            None => {
                let derived = self.with_key(|key| {
                    let mut okm = zeroize::Zeroizing::new([0u8; 32]);
                    hkdf::Hkdf::<sha2::Sha256>::new(None, key.expose())
                        .expand(b"folio tags v1", okm.as_mut())
                        .map_err(|_| VaultError::BadContent("key derivation".into()))?;
                    HmacSha256::new_from_slice(okm.as_ref())
                        .map_err(|_| VaultError::BadContent("key derivation".into()))
                })?;
                self.tagger.get_or_init(|| derived)
            }
        };
        let mut mac = tagger.clone();
        for part in std::iter::once(domain.as_bytes()).chain(parts.iter().copied()) {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        Ok(mac.finalize().into_bytes().into())
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
        match (self.key.borrow().as_ref(), other.key.borrow().as_ref()) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::seal::HERE;
    use super::*;

    #[test]
    fn a_value_opens_only_where_it_was_sealed() {
        let sealer = Sealer::for_tests(7);
        let sealed = sealer.seal(HERE, &("Jana", 3)).unwrap();
        let back: (String, u32) = sealer
            .open(HERE, &sealed.nonce, &sealed.ciphertext)
            .unwrap();
        assert_eq!(back, ("Jana".to_string(), 3));
        for elsewhere in [
            Address {
                id: "other",
                ..HERE
            },
            Address { rev: 2, ..HERE },
        ] {
            assert_eq!(
                sealer
                    .open::<(String, u32)>(elsewhere, &sealed.nonce, &sealed.ciphertext)
                    .unwrap_err(),
                VaultError::CouldNotDecrypt
            );
        }
        assert_eq!(format!("{sealer:?}"), "Sealer(…)");
    }

    #[test]
    fn tags_depend_on_the_key_the_domain_and_every_part() {
        let a = Sealer::for_tests(1);
        let b = Sealer::for_tests(2);
        let t = a.tag("ledger", &[b"contact", b"id-1"]).unwrap();
        assert_eq!(t, a.tag("ledger", &[b"contact", b"id-1"]).unwrap());
        assert_ne!(t, b.tag("ledger", &[b"contact", b"id-1"]).unwrap());
        assert_ne!(t, a.tag("suppress", &[b"contact", b"id-1"]).unwrap());
        assert_ne!(t, a.tag("ledger", &[b"contac", b"tid-1"]).unwrap());
        // Not the plain HMAC under the data key: the tag key is derived from it.
        let plain: [u8; 32] = {
            let mut m = HmacSha256::new_from_slice(&[1u8; 32]).unwrap();
            m.update(b"contact");
            m.finalize().into_bytes().into()
        };
        assert_ne!(a.tag("", &[b"contact"]).unwrap(), plain);
    }

    #[test]
    fn a_closed_sealer_seals_opens_and_digests_nothing() {
        let sealer = Sealer::for_tests(3);
        let sealed = sealer.seal(HERE, &"x").unwrap();
        sealer.close();
        assert!(!sealer.is_open());
        assert_eq!(sealer.seal(HERE, &"x").unwrap_err(), VaultError::Locked);
        assert_eq!(
            sealer
                .open::<String>(HERE, &sealed.nonce, &sealed.ciphertext)
                .unwrap_err(),
            VaultError::Locked
        );
        assert_eq!(sealer.tag("ledger", &[]).unwrap_err(), VaultError::Locked);
    }
}
