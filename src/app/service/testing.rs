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

/// A new vault over `repo`, created at `t(0)` with the tests' passphrase and fast key derivation.
pub fn vault_over(repo: &MemoryRepository) -> UnlockedVault<MemoryRepository> {
    block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap()
}

/// A new vault over a new repository, and the repository.
pub fn new_vault() -> (MemoryRepository, UnlockedVault<MemoryRepository>) {
    let repo = MemoryRepository::new();
    let vault = vault_over(&repo);
    (repo, vault)
}

/// A new vault over a repository of its own.
pub fn empty_vault() -> UnlockedVault<MemoryRepository> {
    vault_over(&MemoryRepository::new())
}

/// Fills `vault` with generated records (`populate` with `seed`, at `t(1)`): `[organisations,
/// contacts, activities, consents, deals]`.
pub fn populate_with(vault: &UnlockedVault<MemoryRepository>, seed: u64, counts: [usize; 5]) {
    let [organisations, contacts, activities, consents, deals] = counts;
    let counts = crate::app::generator::Counts {
        organisations,
        contacts,
        activities,
        consents,
        deals,
    };
    block_on(crate::app::generator::populate(vault, seed, counts, t(1))).unwrap();
}

/// The sync settings of the tests' server (a `FakeCouch`), as device `device`.
pub fn device_settings(device: &str) -> super::sync::SyncSettings {
    super::sync::SyncSettings {
        url: "http://127.0.0.1:5984/folio".into(),
        user: "jana".into(),
        password: "pw".into(),
        device_id: device.into(),
        enabled: true,
    }
}

/// Joins the vault `server` holds from the device whose storage is `repo`, as `device`, with
/// `passphrase` (and `second`), at `t(at)`.
pub fn join_device(
    repo: &MemoryRepository,
    server: &crate::sync::fake::FakeCouch,
    passphrase: &Passphrase,
    second: Option<crate::vault::Factor<'_>>,
    device: &str,
    at: i64,
) -> Result<UnlockedVault<MemoryRepository>, AppError> {
    let joined = super::sync::join_vault(
        repo.clone(),
        server,
        passphrase,
        second,
        device_settings(device),
        t(at),
    );
    block_on(joined).map(|(vault, _)| vault)
}

/// A new vault (and its repository) holding one contact, Jana Nováková, saved at `t(1)`; the
/// third part is her id.
pub fn vault_with_jana() -> (MemoryRepository, UnlockedVault<MemoryRepository>, String) {
    let (repo, vault) = new_vault();
    let jana = block_on(vault.save_contact(None, &contact("Jana", "Nováková"), t(1))).unwrap();
    (repo, vault, jana)
}

/// A new vault (and its repository) whose controller's details, `draft("Jana")`, were saved at
/// `t(1)`.
pub fn vault_with_profile() -> (MemoryRepository, UnlockedVault<MemoryRepository>) {
    let (repo, vault) = new_vault();
    block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
    (repo, vault)
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
    let vault = vault_over(&repo);
    let mut generator = crate::app::generator::Generator::new(seed, t(0));
    let drafts = (0..n).map(|i| generator.contact(i, None)).collect();
    (repo, vault, drafts)
}

/// `vault` replaced as a whole by `export` (no progress shown), as the Data page's Replace does.
pub async fn replace_whole(
    vault: &UnlockedVault<MemoryRepository>,
    export: &crate::portability::Checked,
    now: DateTime<Utc>,
) -> Result<ImportSummary, AppError> {
    vault
        .import_whole_with(export, Whole::Replace, now, |_, _| async { true })
        .await
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

/// A deal called `title` at `stage` of the default pipeline, with nothing else filled in.
pub fn deal(title: &str, stage: &str) -> DealDraft {
    DealDraft {
        title: title.into(),
        stage: stage.into(),
        ..DealDraft::default()
    }
}

/// A document of `kind` ("offer", "invoice"…) numbered `number`, dated `date`, linked to nothing.
pub fn document(kind: &str, number: &str, date: &str) -> DocumentDraft {
    DocumentDraft {
        kind: kind.into(),
        number: number.into(),
        date: date.into(),
        ..DocumentDraft::default()
    }
}

/// A follow-up called `title` with contact `who`, due on 1 December 2026.
pub fn follow_up(title: &str, who: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        due_date: "2026-12-01".into(),
        contact_id: Some(who.to_string()),
        ..TaskDraft::default()
    }
}

/// An organisation called `name`, with nothing else filled in.
pub fn firm(name: &str) -> OrganisationDraft {
    OrganisationDraft {
        name: name.into(),
        ..OrganisationDraft::default()
    }
}

/// An activity of `kind` with `who` at `at` about `subject`: no body, no deal.
pub fn activity(
    kind: crate::domain::activity::ActivityKind,
    who: &str,
    at: DateTime<Utc>,
    subject: &str,
) -> ActivityDraft {
    ActivityDraft {
        contact_id: who.to_string(),
        kind,
        at: Some(at),
        subject: subject.into(),
        body: String::new(),
        deal_id: None,
    }
}

/// A call with `who` at `at` about `subject`: no body, no deal.
pub fn call(who: &str, at: DateTime<Utc>, subject: &str) -> ActivityDraft {
    activity(
        crate::domain::activity::ActivityKind::Call,
        who,
        at,
        subject,
    )
}

/// A note about `who` at `at`: no body, no deal.
pub fn note(who: &str, at: DateTime<Utc>, subject: &str) -> ActivityDraft {
    activity(
        crate::domain::activity::ActivityKind::Note,
        who,
        at,
        subject,
    )
}

pub fn utc_of(n: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
    Some(n.and_utc())
}

/// The stored kind of the controller's details.
pub const KIND_PROFILE: &str = <ControllerProfile as RecordKind>::KIND;
