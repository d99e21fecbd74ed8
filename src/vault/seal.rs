//! Sealing: AES-256-GCM over a whole record, a fresh random 96-bit nonce per write, and associated
//! data binding the format version, the store, the record kind, the record id and its revision.

use super::{Key, VaultError};
use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::{de::DeserializeOwned, Serialize};
use zeroize::Zeroizing;

/// The version of the sealed-record format, bound into every ciphertext. Version 2 binds the
/// revision too, so a record (or an audit item) can only be opened as the revision it was sealed
/// as; version 1 (before it) is only read, to bring a vault up to date once.
pub const FORMAT_VERSION: u8 = 2;
/// The format before the revision was bound.
pub const LEGACY_FORMAT: u8 = 1;

/// Decrypted bytes. Wiped from memory when dropped; only `vault` makes one from a `Sealed`.
pub struct Plaintext(Zeroizing<Vec<u8>>);

impl Plaintext {
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// Serialises a value as JSON plaintext.
    pub fn from_json<T: Serialize + ?Sized>(value: &T) -> Result<Self, VaultError> {
        serde_json::to_vec(value)
            .map(Self::new)
            .map_err(|e| VaultError::BadContent(e.to_string()))
    }

    /// Reads the JSON value back.
    pub fn to_json<T: DeserializeOwned>(&self) -> Result<T, VaultError> {
        serde_json::from_slice(&self.0).map_err(|e| VaultError::BadContent(e.to_string()))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for Plaintext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Plaintext({} bytes)", self.0.len())
    }
}

/// Encrypted bytes: the nonce and the ciphertext with its 16-byte tag. Safe to store.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Sealed {
    pub nonce: [u8; 12],
    pub ciphertext: Vec<u8>,
}

/// Where a sealed value lives, and which revision of it this is; bound into the ciphertext so
/// it cannot be moved elsewhere or passed off as another revision.
#[derive(Clone, Copy, Debug)]
pub struct Address<'a> {
    pub store: &'a str,
    pub kind: &'a str,
    pub id: &'a str,
    pub rev: u64,
}

impl Address<'_> {
    fn associated_data(&self, format: u8) -> Vec<u8> {
        let mut aad = Vec::with_capacity(32 + self.store.len() + self.kind.len() + self.id.len());
        aad.extend_from_slice(b"folio");
        aad.push(format);
        for part in [self.store, self.kind, self.id] {
            aad.extend_from_slice(&(part.len() as u32).to_be_bytes());
            aad.extend_from_slice(part.as_bytes());
        }
        if format >= 2 {
            aad.extend_from_slice(&self.rev.to_be_bytes());
        }
        aad
    }
}

/// The address the tests of sealing seal to: a contact's third revision.
#[cfg(test)]
pub(super) const HERE: Address<'static> = Address {
    store: "records",
    kind: "contact",
    id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
    rev: 3,
};

/// Seals plaintext for one address under a key, with a fresh random nonce.
pub fn seal(key: &Key, address: Address<'_>, plaintext: &Plaintext) -> Result<Sealed, VaultError> {
    seal_in(key, address, plaintext, FORMAT_VERSION)
}

/// `seal` as version 1 did (no revision bound): only for tests of reading old vaults.
#[cfg(test)]
pub fn seal_legacy(
    key: &Key,
    address: Address<'_>,
    plaintext: &Plaintext,
) -> Result<Sealed, VaultError> {
    seal_in(key, address, plaintext, LEGACY_FORMAT)
}

/// `seal` in `format` (what the associated data binds).
fn seal_in(
    key: &Key,
    address: Address<'_>,
    plaintext: &Plaintext,
    format: u8,
) -> Result<Sealed, VaultError> {
    let mut nonce = [0u8; 12];
    super::random_bytes(&mut nonce)?;
    let aad = address.associated_data(format);
    let ciphertext = encrypt(key.cipher(), &nonce, plaintext.as_bytes(), &aad)?;
    Ok(Sealed { nonce, ciphertext })
}

/// AES-256-GCM encryption of `msg` with associated data `aad` (a record's address, a backup's
/// header line).
pub(super) fn encrypt(
    cipher: &Aes256Gcm,
    nonce: &[u8; 12],
    msg: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, VaultError> {
    cipher
        .encrypt(&Nonce::from(*nonce), Payload { msg, aad })
        .map_err(|_| VaultError::BadContent("encryption failed".into()))
}

/// AES-256-GCM decryption of `msg` with associated data `aad`: `None` when the key, the data or
/// any bit of the ciphertext is not what was sealed.
pub(super) fn decrypt(
    cipher: &Aes256Gcm,
    nonce: &[u8; 12],
    msg: &[u8],
    aad: &[u8],
) -> Option<Plaintext> {
    cipher
        .decrypt(&Nonce::from(*nonce), Payload { msg, aad })
        .ok()
        .map(Plaintext::new)
}

/// Opens a sealed value; fails if the key, the address or any bit of it is not what was sealed.
pub fn open(key: &Key, address: Address<'_>, sealed: &Sealed) -> Result<Plaintext, VaultError> {
    open_parts(
        key,
        address,
        &sealed.nonce,
        &sealed.ciphertext,
        FORMAT_VERSION,
    )
}

/// `open` of a nonce and ciphertext stored apart (no copy of the ciphertext is made), sealed in
/// `format` (`FORMAT_VERSION`, or `LEGACY_FORMAT` to bring an old vault up to date).
pub fn open_parts(
    key: &Key,
    address: Address<'_>,
    nonce: &[u8; 12],
    ciphertext: &[u8],
    format: u8,
) -> Result<Plaintext, VaultError> {
    let aad = address.associated_data(format);
    decrypt(key.cipher(), nonce, ciphertext, &aad).ok_or(VaultError::CouldNotDecrypt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn key() -> Key {
        Key::from_bytes([42; 32])
    }

    #[test]
    fn round_trip() {
        let p = Plaintext::new(b"Jana Novakova, +420 601 234 567".to_vec());
        let sealed = seal(&key(), HERE, &p).unwrap();
        assert_eq!(sealed.ciphertext.len(), p.as_bytes().len() + 16);
        assert!(!sealed.ciphertext.windows(4).any(|w| w == b"Jana"));
        assert_eq!(
            open(&key(), HERE, &sealed).unwrap().as_bytes(),
            p.as_bytes()
        );
    }

    #[test]
    fn json_round_trip() {
        let value = serde_json::json!({"name": "Zdeňka Dvořáková"});
        let sealed = seal(&key(), HERE, &Plaintext::from_json(&value).unwrap()).unwrap();
        let back: serde_json::Value = open(&key(), HERE, &sealed).unwrap().to_json().unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn wrong_key_fails() {
        let sealed = seal(&key(), HERE, &Plaintext::new(b"x".to_vec())).unwrap();
        assert_eq!(
            open(&Key::from_bytes([43; 32]), HERE, &sealed).unwrap_err(),
            VaultError::CouldNotDecrypt
        );
    }

    #[test]
    fn any_flipped_bit_fails() {
        let sealed = seal(&key(), HERE, &Plaintext::new(b"hello vault".to_vec())).unwrap();
        for byte in 0..sealed.nonce.len() {
            for bit in 0..8 {
                let mut bad = sealed.clone();
                bad.nonce[byte] ^= 1 << bit;
                assert!(
                    open(&key(), HERE, &bad).is_err(),
                    "nonce byte {byte} bit {bit}"
                );
            }
        }
        // Every bit of the ciphertext and of the tag (its last 16 bytes).
        for byte in 0..sealed.ciphertext.len() {
            for bit in 0..8 {
                let mut bad = sealed.clone();
                bad.ciphertext[byte] ^= 1 << bit;
                assert!(
                    open(&key(), HERE, &bad).is_err(),
                    "ciphertext byte {byte} bit {bit}"
                );
            }
        }
        let mut truncated = sealed.clone();
        truncated.ciphertext.pop();
        assert!(open(&key(), HERE, &truncated).is_err());
    }

    #[test]
    fn moved_ciphertext_fails() {
        let sealed = seal(&key(), HERE, &Plaintext::new(b"x".to_vec())).unwrap();
        let other_id = Address {
            id: "2b4e28ba-2fa1-41d2-883f-0016d3cca427",
            ..HERE
        };
        let other_store = Address {
            store: "audit",
            ..HERE
        };
        let other_kind = Address {
            kind: "organisation",
            ..HERE
        };
        let other_rev = Address { rev: 2, ..HERE };
        for elsewhere in [other_id, other_store, other_kind, other_rev] {
            assert_eq!(
                open(&key(), elsewhere, &sealed).unwrap_err(),
                VaultError::CouldNotDecrypt
            );
        }
        // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
        let a = Address {
            store: "ab",
            kind: "c",
            id: "x",
            rev: 1,
        };
        let b = Address {
            store: "a",
            kind: "bc",
            id: "x",
            rev: 1,
        };
        let s = seal(&key(), a, &Plaintext::new(b"x".to_vec())).unwrap();
        assert!(open(&key(), b, &s).is_err());
    }

    #[test]
    fn a_legacy_seal_opens_only_as_legacy_and_binds_no_revision() {
        // What version 1 sealed (no revision in the associated data) still opens as version 1,
        // never as version 2, and the legacy format cannot tell revisions apart.
        let aad = HERE.associated_data(LEGACY_FORMAT);
        let nonce = [9u8; 12];
        let ciphertext = key()
            .cipher()
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: b"old",
                    aad: &aad,
                },
            )
            .unwrap();
        let legacy = open_parts(&key(), HERE, &nonce, &ciphertext, LEGACY_FORMAT).unwrap();
        assert_eq!(legacy.as_bytes(), b"old");
        assert!(open_parts(&key(), HERE, &nonce, &ciphertext, FORMAT_VERSION).is_err());
        let other_rev = Address { rev: 9, ..HERE };
        assert!(open_parts(&key(), other_rev, &nonce, &ciphertext, LEGACY_FORMAT).is_ok());
    }

    #[test]
    fn ten_thousand_seals_never_repeat_a_nonce() {
        let p = Plaintext::new(b"same".to_vec());
        let nonces: HashSet<[u8; 12]> = (0..10_000)
            .map(|_| seal(&key(), HERE, &p).unwrap().nonce)
            .collect();
        assert_eq!(nonces.len(), 10_000);
    }
}
