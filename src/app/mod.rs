//! The application service: the one door every write goes through (validate with `domain` →
//! build the audit event → seal with `vault` → one `store` transaction → update the in-memory
//! state), the vault session, and the one place that words errors for the user.
//! Must not import `ui`; it knows nothing of pages or components.

pub mod messages;
pub mod service;
pub mod session;

pub use messages::describe;
pub use service::{AppError, Damaged, StoredRecord, UnlockedVault, VaultSnapshot};
