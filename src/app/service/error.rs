//! What can go wrong when the service is asked to do something: one variant per thing that can
//! happen, worded for the user in one place, `i18n::errors`.

use crate::domain::consent::ConsentError;
use crate::domain::deal::DealError;
use crate::domain::request::RequestError;
use crate::domain::FieldErrors;
use crate::store::StoreError;
use crate::vault::VaultError;

/// What the browser or the security key answered instead of a usable key (#24).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The browser has no WebAuthn (PublicKeyCredential is missing).
    #[error("this browser cannot use security keys")]
    Unsupported,
    /// The browser or the key cannot derive a secret (the WebAuthn PRF extension).
    #[error("this browser or security key cannot derive a secret (the WebAuthn PRF extension)")]
    NoPrf,
    /// The person cancelled, or the time ran out (NotAllowedError).
    #[error("the security key request was cancelled or timed out")]
    Cancelled,
    /// The key is registered for this vault already (InvalidStateError on create).
    #[error("this security key is registered for this vault already")]
    AlreadyRegistered,
    /// Anything else the browser said.
    #[error("the browser refused the security key request: {0}")]
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    SecurityKey(#[from] KeyError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no vault exists in this browser yet")]
    NoVault,
    #[error("a vault exists in this browser already")]
    VaultExists,
    /// The vault is still decrypting what it holds (writes and exports wait for it).
    #[error("the vault is still loading")]
    NotLoaded,
    /// The work was stopped before anything was written (the vault was locked meanwhile).
    #[error("stopped before anything was written")]
    Cancelled,
    /// A browser facility other than storage refused (the tab lock), with its own message.
    #[error("the browser refused: {0}")]
    BrowserRefused(String),
    /// A file could not be written (an export or backup), with why.
    #[error("could not write the file: {0}")]
    FileNotWritten(String),
    #[error("a contact cannot be merged into itself")]
    MergeIntoItself,
    #[error("some fields need attention")]
    Invalid(FieldErrors),
    #[error("record {0} does not exist (any more)")]
    NotFound(String),
    #[error("{0} other records still refer to this one")]
    InUse(usize),
    #[error(transparent)]
    Consent(#[from] ConsentError),
    #[error(transparent)]
    Deal(#[from] DealError),
    #[error("{0} documents still refer to this record and must be kept")]
    Documents(usize),
    #[error(transparent)]
    Import(#[from] crate::portability::ImportError),
    #[error("this vault has data already")]
    NotEmpty,
    #[error(
        "processing of this person is restricted (Art. 18): Folio only keeps what must be kept"
    )]
    Restricted,
    #[error(transparent)]
    Request(#[from] RequestError),
    /// Undo came too late: what it would put back has changed since (or is back already).
    #[error("this can no longer be undone: it has changed since")]
    UndoTooLate,
    #[error(transparent)]
    Sync(#[from] crate::sync::SyncError),
}
