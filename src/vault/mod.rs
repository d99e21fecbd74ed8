//! The vault's cryptography: passphrase → Argon2id → key-encryption key → data key, and sealing
//! records with AES-256-GCM. Must not import `store`, `app` or `ui`: it only turns plaintext into
//! sealed bytes and back, and it is the only module that does. Keys never leave it: an unlocked
//! vault's data key lives inside a `Sealer`.

pub mod backup;
pub mod factors;
pub mod header;
pub mod kdf;
pub mod keys;
pub mod passphrase;
pub mod seal;
pub mod sealer;
pub mod strength;
mod wrap;

pub use factors::{
    Factor, KeyAnswer, KeyInfo, KeyRequest, NewKey, Opening, Protection, RecoveryCode,
};
pub use header::VaultHeader;
pub use kdf::{KdfBound, KdfParams};
pub use keys::Key;
pub use passphrase::{Passphrase, PassphraseError};
pub use seal::{Address, Plaintext, Sealed, FORMAT_VERSION, LEGACY_FORMAT};
pub use sealer::{Sealer, Tag};
pub use strength::Strength;

/// What can go wrong in the vault's cryptography.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("this record could not be decrypted (it is damaged or was moved)")]
    CouldNotDecrypt,
    #[error("the system could not provide randomness")]
    NoRandomness,
    #[error("the key derivation failed: {0}")]
    Kdf(String),
    #[error("this vault was made by a newer version of Folio (format {0})")]
    UnsupportedFormat(u32),
    #[error("the vault header is damaged: {0}")]
    BadHeader(String),
    #[error("the record's content could not be read: {0}")]
    BadContent(String),
    /// Key-derivation parameters outside the accepted range (from a header or a backup file).
    #[error("the key derivation's parameters are outside what Folio accepts: {0:?}")]
    KdfBounds(KdfBound),
    /// The vault was locked while something still wanted its key.
    #[error("the vault is locked")]
    Locked,
    /// Security keys protect this vault: the passphrase alone opens nothing.
    #[error("this vault also needs its security key or the recovery code")]
    SecondFactorNeeded,
    /// The key that answered is not one registered for this vault (or answered wrongly).
    #[error("this security key does not open this vault")]
    UnknownSecurityKey,
    /// The recovery code does not open the vault (the passphrase was right).
    #[error("wrong recovery code")]
    WrongRecoveryCode,
    /// What was typed is not a recovery code (wrong length or characters).
    #[error("that is not a recovery code (it has 32 letters and digits in groups of 4)")]
    NotARecoveryCode,
    /// The passphrase cannot change while security keys are registered.
    #[error("the passphrase cannot be changed while security keys are registered")]
    SecurityKeysRegistered,
    #[error("this vault has no security key")]
    NoSecurityKeys,
    #[error("give the security key a name of at most 64 characters")]
    BadKeyName,
    #[error("this vault has as many security keys as it can hold")]
    TooManySecurityKeys,
    #[error("this security key is already registered")]
    KeyAlreadyAdded,
}

/// Fills `buf` with cryptographically secure random bytes.
pub(crate) fn random_bytes(buf: &mut [u8]) -> Result<(), VaultError> {
    getrandom::fill(buf).map_err(|_| VaultError::NoRandomness)
}
