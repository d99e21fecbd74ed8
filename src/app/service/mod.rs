//! The vault service: creating, unlocking and writing to a vault, over any `Repository`. Every
//! write passes through it: validate with `domain` → build the audit events → seal with the
//! vault's `Sealer` → one `store` transaction (`trail::commit`) → update the decrypted state.
//!
//! One file per reason to change: `types` (the open vault and its state), `error`, `kinds` (the
//! one list of record kinds), `trail` (the audit trail and the one commit path), `ledger` (what
//! the vault must hold, checked at unlock), `open` (create,
//! unlock, load), `records` (saving and deleting one record), one file per feature (`contacts`,
//! `consent`, `deals`, `rights`, `settings`), `portable` (export and import),
//! `contacts_import`, `undo` (the writes that put back what an action just did), `queries` (what the pages ask of the state), `today` (Home's lists), `upgrade` (bringing an
//! older history under the erasure rules), and `bulk` (the generator's
//! and the benchmark's writers, not in the shipped app). Must not import `ui`.

mod breaches;
mod bulk;
mod consent;
pub mod contacts;
pub mod contacts_import;
mod deals;
mod error;
#[cfg(test)]
mod integrity_tests;
pub mod kinds;
pub mod ledger;
mod notice;
mod open;
mod portable;
mod queries;
mod recipients;
mod records;
mod retention;
mod rights;
mod security_keys;
mod settings;
pub mod sync;
mod sync_chains;
mod sync_conflicts;
pub mod sync_doc;
mod sync_erasure;
mod sync_header;
mod sync_pull;
mod sync_purge;
#[cfg(test)]
mod testing;
pub mod today;
mod trail;
mod types;
mod undo;
mod upgrade;

pub use error::{AppError, KeyError};
pub use kinds::RecordKind;
pub use open::{
    create_vault, open_first, open_with_key, read_header, stronger_header, unlock, vault_exists,
};
pub use portable::{Difference, ImportSummary, Kept, MergeReport, Whole, PROGRESS_CHUNK};
pub use rights::{plan_erasure, KeepOnList};
pub use security_keys::unlock_with;
pub use trail::AUDIT_BLOCK;
pub use types::{Damaged, OpenRecord, Records, UnlockedVault, VaultSnapshot};
pub use undo::{DealMove, Removed};

/// Meta key of the vault header.
pub const HEADER_KEY: &str = "vault_header";
