//! What the service's native tests share: a fast key derivation, fixed times, the passphrase,
//! drafts, and a vault over the in-memory repository.

pub use super::kinds::RecordKind;
pub(super) use super::trail::{open_audit, seal_audit_block, sealed_head};
pub use super::*;
pub use crate::domain::activity::ActivityDraft;
pub use crate::domain::audit::{Action, AuditEvent, ChainError, ChainHead};
pub use crate::domain::consent::{ConsentDraft, EventKind, LimitKind};
pub use crate::domain::contact::{ContactDraft, Side};
pub use crate::domain::deal::{DealDraft, DealError, Pipeline};
pub use crate::domain::document::DocumentDraft;
pub use crate::domain::organisation::OrganisationDraft;
pub use crate::domain::profile::{ControllerProfile, ProfileDraft};
pub use crate::domain::purpose::PurposeDraft;
pub use crate::domain::request::RequestError;
pub use crate::domain::task::TaskDraft;
pub use crate::store::{MemoryRepository, SealedAuditEvent, StoreError};
pub use crate::vault::{KdfParams, Passphrase, VaultError};
pub use chrono::{DateTime, TimeZone, Utc};
pub use futures_executor::block_on;

pub fn fast() -> KdfParams {
    KdfParams::with_cost(256, 1, 1).unwrap()
}

/// A new vault and `n` generated contact drafts (seeded) to write into it.
pub fn vault_and_drafts(
    seed: u64,
    n: usize,
) -> (
    MemoryRepository,
    UnlockedVault<MemoryRepository>,
    Vec<ContactDraft>,
) {
    let repo = MemoryRepository::new();
    let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
    let mut generator = crate::app::generator::Generator::new(seed, t(0));
    let drafts = (0..n).map(|i| generator.contact(i, None)).collect();
    (repo, vault, drafts)
}

pub fn t(n: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_790_000_000 + n, 0).unwrap()
}

pub fn pass() -> Passphrase {
    Passphrase::new("correct horse battery staple")
}

pub fn draft(name: &str) -> ProfileDraft {
    ProfileDraft {
        name: name.into(),
        email: "jana@novakova.cz".into(),
        ..ProfileDraft::default()
    }
}

/// A consent-based newsletter purpose, as the tests of consents use it.
pub fn newsletter() -> crate::domain::purpose::PurposeDraft {
    crate::domain::purpose::PurposeDraft {
        name: "Newsletter".into(),
        basis: "consent".into(),
        data_categories: "name, e-mail".into(),
        retention: "until withdrawn".into(),
        ..Default::default()
    }
}

pub fn contact(given: &str, family: &str) -> ContactDraft {
    ContactDraft {
        given_name: given.into(),
        family_name: family.into(),
        emails: "work: jana@firma.cz".into(),
        tags: "klient".into(),
        ..ContactDraft::default()
    }
}

pub fn utc_of(n: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
    Some(n.and_utc())
}

/// The stored kind of the controller's details.
pub const KIND_PROFILE: &str = <ControllerProfile as RecordKind>::KIND;
