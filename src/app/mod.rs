//! The application service: the one door every write goes through (validate with `domain` →
//! build the audit event → seal with `vault` → one `store` transaction → update the in-memory
//! state) and the vault session. Errors are worded for the user by `i18n::errors`.
//! Must not import `ui`; it knows nothing of pages or components.

pub mod clock;
#[cfg(any(test, feature = "bench"))]
pub mod generator;
pub mod history;
pub mod idle;
pub mod preferences;
pub mod release;
pub mod service;
pub mod session;
pub mod webauthn;

pub use service::{AppError, Damaged, KeyError, OpenRecord, UnlockedVault, VaultSnapshot};
