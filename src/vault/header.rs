//! The vault header: the KDF parameters and salt, and the data key wrapped under the key derived
//! from the passphrase — or, once a security key was added, under keys derived from the
//! passphrase together with a security key or the recovery code (see `factors`). It holds
//! nothing secret in the clear and is stored as readable JSON.

use super::seal::{Address, FORMAT_VERSION, LEGACY_FORMAT};
use super::wrap::{from_hex, key_of, open_under, wrap_key};
use super::{KdfParams, Key, Passphrase, Sealer, VaultError};
use serde::{Deserialize, Serialize};

/// The newest header format this version of Folio reads and writes: 2 for a vault protected by
/// security keys (so an older Folio says it is newer instead of calling it damaged).
pub const HEADER_FORMAT: u32 = 2;
/// The format of a header the passphrase alone opens.
pub const PASSPHRASE_FORMAT: u32 = 1;

const DATA_KEY_ADDRESS: Address<'static> = Address {
    store: "meta",
    kind: "vault-header",
    id: "data-key",
    rev: 0,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultHeader {
    pub format: u32,
    pub kdf: KdfParams,
    /// The 256-bit data key sealed under the key-encryption key (hex nonce and ciphertext);
    /// empty once security keys protect the vault (the passphrase alone then opens nothing).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wrapped_key_nonce: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wrapped_key: String,
    /// The security keys (credential id, name, date added, PRF salt, and the data key wrapped
    /// under HKDF(passphrase key, its PRF output)), sealed as one list under a key derived from
    /// the passphrase: nothing about the keys is readable without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_keys: Option<super::factors::SealedKeys>,
    /// The data key wrapped under HKDF(passphrase key, the recovery code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<super::factors::RecoveryWrapping>,
}

impl VaultHeader {
    /// A new vault: a random data key, wrapped under the key derived from `passphrase`.
    pub fn create(passphrase: &Passphrase, kdf: KdfParams) -> Result<(Self, Sealer), VaultError> {
        let data_key = Key::random()?;
        let kek = kdf.derive(passphrase)?;
        let header = Self::wrap(&data_key, &kek, kdf)?;
        Ok((header, Sealer::new(data_key).remembering(kek)))
    }

    /// A passphrase-only header: the data key sealed under the passphrase's key `kek`.
    pub(super) fn wrap(data_key: &Key, kek: &Key, kdf: KdfParams) -> Result<Self, VaultError> {
        let (wrapped_key_nonce, wrapped_key) = wrap_key(kek, DATA_KEY_ADDRESS, data_key)?;
        Ok(Self {
            format: PASSPHRASE_FORMAT,
            kdf,
            wrapped_key_nonce,
            wrapped_key,
            security_keys: None,
            recovery: None,
        })
    }

    /// Unwraps the data key. A wrong passphrase is reported as such and changes nothing; a vault
    /// protected by security keys says that a key or the recovery code is needed too.
    pub fn unlock(&self, passphrase: &Passphrase) -> Result<Sealer, VaultError> {
        if self.format > HEADER_FORMAT {
            return Err(VaultError::UnsupportedFormat(self.format));
        }
        if self.is_protected() {
            return Err(VaultError::SecondFactorNeeded);
        }
        let (nonce, ciphertext) = from_hex(
            &self.wrapped_key_nonce,
            &self.wrapped_key,
            ["the key nonce is damaged", "the wrapped key is damaged"],
        )?;
        let kek = self.kdf.derive(passphrase)?;
        // Headers written before the sealed format bound revisions were wrapped as version 1.
        let plain = open_under(
            &kek,
            DATA_KEY_ADDRESS,
            (&nonce, &ciphertext),
            &[FORMAT_VERSION, LEGACY_FORMAT],
            VaultError::WrongPassphrase,
        )?;
        Ok(Sealer::new(key_of(&plain)?).remembering(kek))
    }

    /// The same data key wrapped under a new passphrase (with fresh KDF parameters and salt).
    /// Records stay as they are: only the header changes. The sealer remembers the new
    /// passphrase's key. Refused while security keys protect the vault: their wrappings need
    /// each key's own secret, which only that key can give.
    pub fn rewrap(
        &self,
        data_key: &Sealer,
        new_passphrase: &Passphrase,
        kdf: KdfParams,
    ) -> Result<Self, VaultError> {
        if self.is_protected() {
            return Err(VaultError::SecurityKeysRegistered);
        }
        let kek = kdf.derive(new_passphrase)?;
        let header = data_key.with_key(|key| Self::wrap(key, &kek, kdf))?;
        data_key.remember(kek);
        Ok(header)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, VaultError> {
        let header: Self =
            serde_json::from_str(text).map_err(|e| VaultError::BadHeader(e.to_string()))?;
        header.check_factors()?;
        Ok(header)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast() -> KdfParams {
        KdfParams::with_cost(256, 1, 1).unwrap()
    }

    #[test]
    fn create_then_unlock_gives_the_same_data_key() {
        let pass = Passphrase::new("correct horse battery staple");
        let (header, key) = VaultHeader::create(&pass, fast()).unwrap();
        assert_eq!(header.unlock(&pass).unwrap(), key);
    }

    #[test]
    fn wrong_passphrase_says_so() {
        let (header, _) =
            VaultHeader::create(&Passphrase::new("correct horse battery staple"), fast()).unwrap();
        assert_eq!(
            header
                .unlock(&Passphrase::new("correct horse battery stapler"))
                .unwrap_err(),
            VaultError::WrongPassphrase
        );
    }

    #[test]
    fn parameters_are_read_back_from_the_stored_header() {
        let pass = Passphrase::new("correct horse battery staple");
        let kdf = KdfParams::with_cost(512, 2, 2).unwrap();
        let (header, key) = VaultHeader::create(&pass, kdf.clone()).unwrap();
        let stored = header.to_json();
        let read = VaultHeader::from_json(&stored).unwrap();
        assert_eq!(read.kdf, kdf);
        assert_eq!(read.format, PASSPHRASE_FORMAT);
        assert_eq!(read.unlock(&pass).unwrap(), key);
        assert!(stored.contains("\"memory_kib\":512"));
    }

    #[test]
    fn rewrap_keeps_the_data_key_and_retires_the_old_passphrase() {
        let old = Passphrase::new("correct horse battery staple");
        let new = Passphrase::new("a brand new passphrase");
        let (header, key) = VaultHeader::create(&old, fast()).unwrap();
        let rewrapped = header.rewrap(&key, &new, fast()).unwrap();
        assert_ne!(rewrapped.kdf.salt, header.kdf.salt);
        assert_eq!(rewrapped.unlock(&new).unwrap(), key);
        assert_eq!(
            rewrapped.unlock(&old).unwrap_err(),
            VaultError::WrongPassphrase
        );
    }

    #[test]
    fn newer_or_damaged_headers_are_refused() {
        let pass = Passphrase::new("correct horse battery staple");
        let (mut header, _) = VaultHeader::create(&pass, fast()).unwrap();
        header.format = 99;
        assert_eq!(
            header.unlock(&pass).unwrap_err(),
            VaultError::UnsupportedFormat(99)
        );
        assert!(matches!(
            VaultHeader::from_json("{}"),
            Err(VaultError::BadHeader(_))
        ));
        let (mut header, _) = VaultHeader::create(&pass, fast()).unwrap();
        header.wrapped_key_nonce = "00".into();
        assert!(matches!(
            header.unlock(&pass),
            Err(VaultError::BadHeader(_))
        ));
    }
}
