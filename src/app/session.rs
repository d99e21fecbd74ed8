//! The vault session in the browser: no vault / locked / unlocked, the writer lock across tabs,
//! the automatic lock, and the decrypted state the screens read. Every write goes through its
//! one door, `write`; the few operations kept here add behaviour of their own (the export
//! reminder, a merge's choice of fields, an import's progress). Locking drops the data key and
//! every decrypted value. Must not import `ui`.

#[path = "key_session.rs"]
mod key_session;
#[path = "sync_session.rs"]
mod sync_session;
pub use sync_session::{origin_allowed, SyncState};

use super::clock::{next_turn, perf_mark, perf_now};
use super::idle::Idle;
use super::preferences;
use super::service::{self, AppError, UnlockedVault, VaultSnapshot};
use crate::store::writer_lock::{self, Acquired, WriterLock};
use crate::store::{durability, IdbRepository};
use crate::vault::{KdfParams, Passphrase};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Opening the database.
    Starting,
    /// The browser does not let Folio store anything.
    Unavailable(AppError),
    NoVault,
    Locked,
    Unlocked,
}

/// Something the unlock screen tells the user about why it is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Locked after this many minutes without activity.
    IdleLocked(u32),
    /// Another tab took the vault over.
    OpenedElsewhere,
    /// The database is slow to open (another tab may block it).
    WaitingForStorage,
}

/// How long the last unlock took, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnlockTiming {
    pub key_derivation_ms: f64,
    pub total_ms: f64,
}

/// The unlocked vault a write runs on.
pub type Vault = Rc<UnlockedVault<IdbRepository>>;

/// The decrypted state the screens read, borrowed from the unlocked vault (never copied) and
/// tracked by a trigger that fires after every change. Empty while locked.
#[derive(Clone, Copy)]
pub struct Data {
    changed: Trigger,
    vault: StoredValue<Option<Vault>, LocalStorage>,
    /// Values derived from the state (e.g. the contact list's search index), kept until the
    /// state changes or the vault locks, so a page opened again does not rebuild them.
    derived: StoredValue<Derived, LocalStorage>,
}

type Derived = HashMap<TypeId, Rc<dyn Any>>;

impl Data {
    /// Reads the state, and re-runs the caller when it changes.
    pub fn with<U>(&self, f: impl FnOnce(&VaultSnapshot) -> U) -> U {
        self.changed.track();
        self.with_untracked(f)
    }

    pub fn with_untracked<U>(&self, f: impl FnOnce(&VaultSnapshot) -> U) -> U {
        match self.vault.with_value(|v| v.clone()) {
            Some(vault) => vault.with_snapshot(f),
            None => f(&VaultSnapshot::default()),
        }
    }

    /// `build` of the current state, built once per change of the state (tracked like `with`).
    pub fn derived<T: 'static>(&self, build: impl FnOnce(&VaultSnapshot) -> T) -> Rc<T> {
        self.changed.track();
        let kept = self
            .derived
            .with_value(|d| d.get(&TypeId::of::<T>()).cloned());
        if let Some(value) = kept.and_then(|v| v.downcast::<T>().ok()) {
            return value;
        }
        let value = Rc::new(self.with_untracked(build));
        let any: Rc<dyn Any> = value.clone();
        self.derived
            .update_value(|d| _ = d.insert(TypeId::of::<T>(), any));
        value
    }

    fn changed(&self) {
        self.derived.update_value(HashMap::clear);
        self.changed.notify();
    }
}

#[derive(Clone, Copy)]
pub struct Session {
    pub phase: RwSignal<Phase>,
    /// The decrypted state; emptied on lock.
    pub data: Data,
    /// Why the vault was locked, or that another tab holds it.
    pub notice: RwSignal<Option<Notice>>,
    /// Another tab holds the vault open; the user may take over.
    pub open_elsewhere: RwSignal<bool>,
    /// The automatic lock's delay and the user's last activity.
    pub idle: Idle,
    pub persisted: RwSignal<Option<bool>>,
    pub last_unlock: RwSignal<Option<UnlockTiming>>,
    /// When the last full export was made on this device (None: never).
    pub last_export: RwSignal<Option<chrono::DateTime<chrono::Utc>>>,
    /// Sync with a CouchDB server (#22).
    pub sync: SyncState,
    /// Security keys protect the vault: unlock asks for one, or the recovery code (#24).
    pub key_protected: RwSignal<bool>,
    vault: StoredValue<Option<Vault>, LocalStorage>,
    writer: StoredValue<Option<WriterLock>, LocalStorage>,
    /// Bumped on every lock, so an operation that finishes after a lock cannot unlock again.
    generation: StoredValue<u64>,
}

impl Session {
    pub fn new() -> Self {
        let vault = StoredValue::new_local(None);
        Self {
            phase: RwSignal::new(Phase::Starting),
            data: Data {
                changed: Trigger::new(),
                vault,
                derived: StoredValue::new_local(HashMap::new()),
            },
            notice: RwSignal::new(None),
            open_elsewhere: RwSignal::new(false),
            idle: Idle::new(),
            persisted: RwSignal::new(None),
            last_unlock: RwSignal::new(None),
            last_export: RwSignal::new(preferences::last_export()),
            sync: SyncState::new(),
            key_protected: RwSignal::new(false),
            vault,
            writer: StoredValue::new_local(None),
            generation: StoredValue::new(0),
        }
    }

    /// Opens the database and finds out whether a vault exists.
    pub fn start(self) {
        // A tab of an older Folio holding the database open blocks an upgrade: say so, don't hang.
        set_timeout(
            move || {
                if self.phase.get_untracked() == Phase::Starting {
                    self.notice.set(Some(Notice::WaitingForStorage));
                }
            },
            std::time::Duration::from_secs(4),
        );
        spawn_local(async move {
            match IdbRepository::open().await {
                Err(e) => self.phase.set(Phase::Unavailable(e.into())),
                Ok(repo) => match service::vault_exists(&repo).await {
                    Ok(true) => {
                        if let Ok(header) = service::read_header(&repo).await {
                            self.key_protected.set(header.is_protected());
                        }
                        self.notice.set(None);
                        self.phase.set(Phase::Locked)
                    }
                    Ok(false) => {
                        self.notice.set(None);
                        self.phase.set(Phase::NoVault)
                    }
                    Err(e) => self.phase.set(Phase::Unavailable(e)),
                },
            }
        });
    }

    fn vault(&self) -> Option<Vault> {
        self.vault.with_value(|v| v.clone())
    }

    /// Takes the writer lock (from another tab too, with `take_over`). False: held elsewhere.
    async fn take_writer_lock(self, take_over: bool) -> Result<bool, String> {
        let generation = self.generation.get_value();
        let on_lost = move || {
            if self.generation.get_value() == generation {
                self.lock(Some(Notice::OpenedElsewhere));
            }
        };
        match writer_lock::acquire(take_over, on_lost).await? {
            Acquired::Held(lock) => {
                self.writer.set_value(Some(lock));
                self.open_elsewhere.set(false);
                Ok(true)
            }
            Acquired::HeldElsewhere => {
                self.open_elsewhere.set(true);
                Ok(false)
            }
        }
    }

    /// Shows the vault as soon as its first stage is decrypted, then loads the rest in the
    /// background (activities, the audit trail and its check), yielding to the page as it goes.
    fn enter(self, vault: UnlockedVault<IdbRepository>) {
        let vault = Rc::new(vault);
        self.vault.set_value(Some(vault.clone()));
        self.data.changed();
        self.notice.set(None);
        self.idle.touch();
        self.phase.set(Phase::Unlocked);
        spawn_local(sync_session::load_status(self));
        self.resume_sync();
        if vault.is_complete() {
            return;
        }
        let generation = self.generation.get_value();
        let still_open = move || self.generation.get_value() == generation;
        spawn_local(async move {
            let mut pause = || async move {
                next_turn().await;
                still_open()
            };
            // The records first: most writes may start once they are in (`may_write`); then
            // the audit trail, read and checked, which history, erasure and export wait for.
            let mut loaded = vault.load_records(&mut pause).await;
            if loaded.is_ok() && still_open() {
                self.data.changed();
                loaded = vault.load_trail(&mut pause).await;
            }
            drop(vault);
            if !still_open() {
                return;
            }
            match loaded {
                Ok(()) => self.data.changed(),
                Err(e) => {
                    self.lock(None);
                    self.phase.set(Phase::Unavailable(e));
                }
            }
        });
    }

    /// Whether the audit trail is still being read and checked after the records loaded.
    pub fn checking_trail(&self) -> bool {
        self.data.with(|d| !d.complete && d.records_loaded)
            && self.phase.with(|p| *p == Phase::Unlocked)
    }

    /// Whether activities and the other records are still being decrypted after unlock.
    pub fn loading(&self) -> bool {
        self.data.with(|d| !d.complete && !d.records_loaded)
            && self.phase.with(|p| *p == Phase::Unlocked)
    }

    /// Creates the vault. Returns Ok(false) when another tab holds it open.
    pub async fn create(self, passphrase: Passphrase, take_over: bool) -> Result<bool, AppError> {
        if !self
            .take_writer_lock(take_over)
            .await
            .map_err(AppError::BrowserRefused)?
        {
            return Ok(false);
        }
        let repo = IdbRepository::open().await?;
        let kdf = KdfParams::recommended()?;
        let vault = service::create_vault(repo, &passphrase, kdf, chrono::Utc::now()).await?;
        drop(passphrase);
        self.enter(vault);
        // Ask the browser not to evict the vault; the About page shows its answer.
        self.persisted
            .set(durability::request_persistence().await.ok());
        Ok(true)
    }

    /// Creates the vault from a checked export or opened backup, in one step: the vault is
    /// created and the file restored into it (with its progress) before the app opens on it.
    /// Returns None when another tab holds the vault open. Should the restore fail, the new
    /// vault opens empty and the error is returned (the Data page can restore again).
    pub async fn create_restored(
        self,
        passphrase: Passphrase,
        export: crate::portability::Checked,
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> Result<Option<service::ImportSummary>, AppError> {
        if !self
            .take_writer_lock(false)
            .await
            .map_err(AppError::BrowserRefused)?
        {
            return Ok(None);
        }
        let repo = IdbRepository::open().await?;
        let kdf = KdfParams::recommended()?;
        let vault = service::create_vault(repo, &passphrase, kdf, chrono::Utc::now()).await?;
        drop(passphrase);
        let restored = vault
            .import_whole_with(
                &export,
                service::Whole::IntoEmpty,
                chrono::Utc::now(),
                self.reporter(progress),
            )
            .await;
        self.enter(vault);
        self.persisted
            .set(durability::request_persistence().await.ok());
        restored.map(Some)
    }

    /// Unlocks the vault (asking the browser for a security key when the vault has any).
    /// Returns Ok(false) when another tab holds it open.
    pub async fn unlock(self, passphrase: Passphrase, take_over: bool) -> Result<bool, AppError> {
        self.unlock_by(passphrase, None, take_over).await
    }

    /// Unlocks the vault with the passphrase and `recovery`, the recovery code as typed, or
    /// (None) a security key when the vault has any.
    pub async fn unlock_by(
        self,
        passphrase: Passphrase,
        recovery: Option<String>,
        take_over: bool,
    ) -> Result<bool, AppError> {
        let recovery = match recovery {
            Some(text) => Some(
                crate::vault::RecoveryCode::parse(&text)
                    .ok_or(crate::vault::VaultError::NotARecoveryCode)?,
            ),
            None => None,
        };
        if !self
            .take_writer_lock(take_over)
            .await
            .map_err(AppError::BrowserRefused)?
        {
            return Ok(false);
        }
        let outcome = async {
            let repo = IdbRepository::open().await?;
            let started = perf_now();
            let header = service::read_header(&repo).await?;
            self.key_protected.set(header.is_protected());
            let key = key_session::open_header(&header, &passphrase, recovery.as_ref()).await?;
            let derived = perf_now();
            // A vault made with weaker key-derivation parameters than today's is wrapped anew
            // with today's (the same passphrase), written once loading is done.
            let stronger =
                service::stronger_header(&header, &key, &passphrase, &KdfParams::recommended()?)?;
            // A User Timing mark: the benchmark measures from here to the first list on screen.
            perf_mark("folio:key-ready");
            let vault = service::open_first(repo, header, key).await?;
            if let Some(header) = stronger {
                vault.strengthen_later(header);
            }
            // And here: what the first screen needs is decrypted (the list is drawn next).
            perf_mark("folio:first-loaded");
            Ok::<_, AppError>((vault, derived - started, perf_now() - started))
        }
        .await;
        drop(passphrase);
        match outcome {
            Ok((vault, kdf_ms, total_ms)) => {
                self.last_unlock.set(Some(UnlockTiming {
                    key_derivation_ms: kdf_ms,
                    total_ms,
                }));
                self.enter(vault);
                Ok(true)
            }
            Err(e) => {
                self.writer.set_value(None);
                Err(e)
            }
        }
    }

    /// Drops the data key and every decrypted value, and returns to the unlock screen. A write
    /// or import still under way holds the vault a moment longer, but its key is wiped here:
    /// nothing of it commits.
    pub fn lock(self, notice: Option<Notice>) {
        if let Some(vault) = self.vault() {
            self.key_protected
                .set(vault.with_snapshot(|s| !s.protection.keys.is_empty()));
        }
        self.sync.halt();
        self.sync.configured.set(None);
        if let Some(vault) = self.vault() {
            vault.close();
        }
        self.generation.update_value(|g| *g += 1);
        self.vault.set_value(None);
        self.writer.set_value(None);
        self.data.changed();
        self.last_unlock.set(None);
        self.notice.set(notice);
        if matches!(self.phase.get_untracked(), Phase::Unlocked) {
            self.phase.set(Phase::Locked);
        }
    }

    /// The one door every write goes through: runs `op` on the unlocked vault (once it has
    /// loaded everything) with the time of the write, then refreshes the screens' state.
    pub async fn write<T, F, Fut>(self, op: F) -> Result<T, AppError>
    where
        F: FnOnce(Vault, DateTime<Utc>) -> Fut,
        Fut: std::future::Future<Output = Result<T, AppError>>,
    {
        let generation = self.generation.get_value();
        let vault = self.vault().ok_or(AppError::NoVault)?;
        // Nothing is written before every record is loaded (a delete must see all activities);
        // what needs the whole audit trail waits for it too (`UnlockedVault::ready`).
        while !vault.may_write() {
            next_turn().await;
            if self.generation.get_value() != generation {
                return Err(AppError::Cancelled);
            }
        }
        let result = op(vault.clone(), chrono::Utc::now()).await;
        if self.generation.get_value() == generation {
            self.data.changed();
            self.sync.poke();
        }
        self.idle.touch();
        result
    }

    /// Merges `other` into `keep`, taking the other's value for the fields in `take_other`.
    pub async fn merge_contacts(
        self,
        keep: String,
        other: String,
        take_other: Vec<String>,
    ) -> Result<(), AppError> {
        self.write(|v, now| async move {
            let choose = |field: &str| {
                if take_other.iter().any(|f| f == field) {
                    crate::domain::contact::Side::Other
                } else {
                    crate::domain::contact::Side::Keep
                }
            };
            v.merge_contacts(&keep, &other, choose, now).await
        })
        .await
    }

    /// The whole vault as the portability format's JSON (waits until everything is loaded),
    /// and when it was made, remembered for the backup reminder.
    pub async fn export_json(self) -> Result<String, AppError> {
        self.write(|v, now| async move {
            v.ready().await?;
            let export = v.export(now, env!("CARGO_PKG_VERSION"))?;
            let text = serde_json::to_string(&export)
                .map_err(|e| AppError::FileNotWritten(e.to_string()))?;
            preferences::set_last_export(now);
            self.last_export.set(Some(now));
            Ok(text)
        })
        .await
    }

    /// The whole vault as an encrypted backup file, sealed under `passphrase` (its own Argon2id
    /// salt and the shipped parameters, in the file's readable header).
    pub async fn export_backup(self, passphrase: Passphrase) -> Result<Vec<u8>, AppError> {
        let text = self.export_json().await?;
        let kdf = KdfParams::recommended()?;
        let sealed = crate::vault::backup::seal_backup(
            &passphrase,
            kdf,
            &crate::vault::Plaintext::new(text.into_bytes()),
        )?;
        preferences::set_last_backup(chrono::Utc::now());
        Ok(sealed)
    }

    /// Opens an encrypted backup file and reads the export inside (checked like any import).
    pub fn open_backup(
        bytes: &[u8],
        passphrase: &Passphrase,
    ) -> Result<crate::portability::Checked, AppError> {
        let plaintext = crate::vault::backup::open_backup(bytes, passphrase)?;
        crate::portability::parse(plaintext.as_bytes()).map_err(AppError::Import)
    }

    /// What the vault holds about one person, in the export format (Art. 15 / Art. 20).
    pub async fn subject_json(self, contact_id: String) -> Result<String, AppError> {
        self.write(|v, now| async move {
            v.ready().await?;
            let all = v.export(now, env!("CARGO_PKG_VERSION"))?;
            let mine = crate::portability::subject(&all, &contact_id)
                .ok_or_else(|| AppError::NotFound(contact_id.clone()))?;
            serde_json::to_string(&mine)
                .map(|compact| crate::portability::pretty(&compact))
                .map_err(|e| AppError::FileNotWritten(e.to_string()))
        })
        .await
    }

    /// Restores a checked export into this (empty) vault, showing its progress.
    pub async fn import_export(
        self,
        export: crate::portability::Checked,
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> Result<service::ImportSummary, AppError> {
        self.import_whole(export, service::Whole::IntoEmpty, progress)
            .await
    }

    /// Replaces everything in the vault by an export, showing its progress.
    pub async fn import_replace(
        self,
        export: crate::portability::Checked,
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> Result<service::ImportSummary, AppError> {
        self.import_whole(export, service::Whole::Replace, progress)
            .await
    }

    /// Imports an export as the whole vault (`whole`: in place of what), showing its progress.
    async fn import_whole(
        self,
        export: crate::portability::Checked,
        whole: service::Whole,
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> Result<service::ImportSummary, AppError> {
        self.write(|v, now| async move {
            v.import_whole_with(&export, whole, now, self.reporter(progress))
                .await
        })
        .await
    }

    /// An import's progress callback: shows (sealed, total) and lets the page draw a frame; it
    /// tells the import to stop once the vault is locked.
    fn reporter(
        self,
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> impl FnMut(usize, usize) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>
    {
        let generation = self.generation.get_value();
        move |done, total| {
            progress.set(Some((done, total)));
            Box::pin(async move {
                next_turn().await;
                self.generation.get_value() == generation
            })
        }
    }

    /// Whether the vault holds no record yet (only then can an export be restored into it).
    pub fn vault_is_empty(&self) -> bool {
        self.data.with(|_| ());
        self.vault
            .with_value(|v| v.as_ref().map(|v| v.is_empty()))
            .unwrap_or(true)
    }

    /// Locks if the vault has been idle (or the tab hidden) longer than the chosen delay.
    pub fn check_idle(self) {
        if matches!(self.phase.get_untracked(), Phase::Unlocked) && self.idle.expired() {
            self.lock(Some(Notice::IdleLocked(self.idle.minutes.get_untracked())));
        }
    }

    /// Starts the automatic lock's watch.
    pub fn watch_for_idleness(self) {
        self.idle.watch(move || self.check_idle());
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}
