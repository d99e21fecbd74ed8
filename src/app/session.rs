//! The vault session in the browser: no vault / locked / unlocked, the writer lock across tabs,
//! the automatic lock, and the decrypted state the screens read. Locking drops the data key and
//! every decrypted value. Must not import `ui`.

use super::service::{self, AppError, UnlockedVault, VaultSnapshot};
use crate::domain::activity::ActivityDraft;
use crate::domain::consent::{ConsentDraft, EventKind, LimitKind};
use crate::domain::contact::ContactDraft;
use crate::domain::deal::{DealDraft, Pipeline};
use crate::domain::document::DocumentDraft;
use crate::domain::organisation::OrganisationDraft;
use crate::domain::profile::ProfileDraft;
use crate::domain::purpose::PurposeDraft;
use crate::domain::task::TaskDraft;
use crate::store::writer_lock::{self, Acquired, WriterLock};
use crate::store::{durability, IdbRepository};
use crate::vault::{KdfParams, Passphrase};
use gloo_storage::{LocalStorage as Browser, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::rc::Rc;

/// LocalStorage key of the automatic-lock delay (minutes). Not personal data.
pub const IDLE_MINUTES_KEY: &str = "folio.idle_minutes";
pub const DEFAULT_IDLE_MINUTES: u32 = 15;
/// LocalStorage key of when the last full export was made (milliseconds since 1970). Not
/// personal data; it drives the backup reminder.
pub const LAST_EXPORT_KEY: &str = "folio.last_export";
/// Days without an export after which the backup reminder shows.
pub const BACKUP_REMINDER_DAYS: i64 = 7;
pub const IDLE_CHOICES: [u32; 6] = [1, 5, 15, 30, 60, 240];

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

type Vault = Rc<UnlockedVault<IdbRepository>>;

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

/// The user's local date of an instant (the browser's time zone, daylight saving included).
pub fn local_day(at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    at.with_timezone(&chrono::Local).date_naive()
}

/// A local date and time (the browser's time zone) as UTC; the earlier of two at a DST overlap,
/// None in a DST gap.
pub fn local_to_utc(at: chrono::NaiveDateTime) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::TimeZone;
    chrono::Local
        .from_local_datetime(&at)
        .earliest()
        .map(|d| d.with_timezone(&chrono::Utc))
}

/// Waits for the next turn of the browser's event loop (a zero-delay timer).
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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
    pub idle_minutes: RwSignal<u32>,
    pub persisted: RwSignal<Option<bool>>,
    pub last_unlock: RwSignal<Option<UnlockTiming>>,
    /// When the last full export was made on this device (None: never).
    pub last_export: RwSignal<Option<chrono::DateTime<chrono::Utc>>>,
    vault: StoredValue<Option<Vault>, LocalStorage>,
    writer: StoredValue<Option<WriterLock>, LocalStorage>,
    last_activity: StoredValue<f64>,
    /// Bumped on every lock, so an operation that finishes after a lock cannot unlock again.
    generation: StoredValue<u64>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn perf_mark(name: &str) {
    let performance =
        web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok());
    if let Some(p) = performance {
        if let Ok(mark) = js_sys::Reflect::get(&p, &"mark".into()) {
            let _ = js_sys::Function::from(mark).call1(&p, &name.into());
        }
    }
}

/// The page's high-resolution clock, in milliseconds (Date.now() where there is none).
pub fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok())
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            let f: js_sys::Function = now.into();
            f.call0(&p).ok()?.as_f64()
        })
        .unwrap_or_else(now_ms)
}

impl Session {
    pub fn new() -> Self {
        let idle = Browser::get::<u32>(IDLE_MINUTES_KEY)
            .ok()
            .filter(|m| IDLE_CHOICES.contains(m))
            .unwrap_or(DEFAULT_IDLE_MINUTES);
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
            idle_minutes: RwSignal::new(idle),
            persisted: RwSignal::new(None),
            last_unlock: RwSignal::new(None),
            last_export: RwSignal::new(
                Browser::get::<i64>(LAST_EXPORT_KEY)
                    .ok()
                    .and_then(chrono::DateTime::from_timestamp_millis),
            ),
            vault,
            writer: StoredValue::new_local(None),
            last_activity: StoredValue::new(now_ms()),
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
        self.touch();
        self.phase.set(Phase::Unlocked);
        if vault.is_complete() {
            return;
        }
        let generation = self.generation.get_value();
        let still_open = move || self.generation.get_value() == generation;
        spawn_local(async move {
            let pause = || async move {
                next_turn().await;
                still_open()
            };
            let loaded = vault.load_rest(pause).await;
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

    /// Whether activities and the audit trail are still being decrypted after unlock.
    pub fn loading(&self) -> bool {
        self.data.with(|d| !d.complete) && self.phase.with(|p| *p == Phase::Unlocked)
    }

    /// Creates the vault. Returns Ok(false) when another tab holds it open.
    pub async fn create(self, passphrase: Passphrase, take_over: bool) -> Result<bool, AppError> {
        if !self
            .take_writer_lock(take_over)
            .await
            .map_err(|e| AppError::Store(crate::store::StoreError::Failed(e)))?
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

    /// Unlocks the vault. Returns Ok(false) when another tab holds it open.
    pub async fn unlock(self, passphrase: Passphrase, take_over: bool) -> Result<bool, AppError> {
        if !self
            .take_writer_lock(take_over)
            .await
            .map_err(|e| AppError::Store(crate::store::StoreError::Failed(e)))?
        {
            return Ok(false);
        }
        let outcome = async {
            let repo = IdbRepository::open().await?;
            let started = perf_now();
            let header = service::read_header(&repo).await?;
            let key = header.unlock(&passphrase)?;
            let derived = perf_now();
            // A User Timing mark: the benchmark measures from here to the first list on screen.
            perf_mark("folio:key-ready");
            let vault = service::open_first(repo, header, key).await?;
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

    /// Drops the data key and every decrypted value, and returns to the unlock screen.
    pub fn lock(self, notice: Option<Notice>) {
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

    /// Runs a write on the unlocked vault and refreshes the screens' state from it.
    async fn write<T, F, Fut>(self, op: F) -> Result<T, AppError>
    where
        F: FnOnce(Vault) -> Fut,
        Fut: std::future::Future<Output = Result<T, AppError>>,
    {
        let generation = self.generation.get_value();
        let vault = self.vault().ok_or(AppError::NoVault)?;
        // Nothing is written before the whole vault is loaded (a delete must see all activities).
        while !vault.is_complete() {
            next_turn().await;
            if self.generation.get_value() != generation {
                return Err(AppError::NoVault);
            }
        }
        let result = op(vault.clone()).await;
        if self.generation.get_value() == generation {
            self.data.changed();
        }
        self.touch();
        result
    }

    pub async fn save_profile(self, draft: ProfileDraft) -> Result<(), AppError> {
        self.write(|v| async move { v.save_profile(&draft, chrono::Utc::now()).await })
            .await
    }

    /// Creates (`id` None) or updates a contact; returns its id.
    pub async fn save_contact(
        self,
        id: Option<String>,
        draft: ContactDraft,
    ) -> Result<String, AppError> {
        self.write(|v| async move {
            v.save_contact(id.as_deref(), &draft, chrono::Utc::now())
                .await
        })
        .await
    }

    /// Creates (`id` None) or updates an organisation; returns its id.
    pub async fn save_organisation(
        self,
        id: Option<String>,
        draft: OrganisationDraft,
    ) -> Result<String, AppError> {
        self.write(|v| async move {
            v.save_organisation(id.as_deref(), &draft, chrono::Utc::now())
                .await
        })
        .await
    }

    pub async fn delete_organisation(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.delete_organisation(&id, chrono::Utc::now()).await })
            .await
    }

    /// Merges `other` into `keep`, taking the other's value for the fields in `take_other`.
    pub async fn merge_contacts(
        self,
        keep: String,
        other: String,
        take_other: Vec<String>,
    ) -> Result<(), AppError> {
        self.write(|v| async move {
            let choose = |field: &str| {
                if take_other.iter().any(|f| f == field) {
                    crate::domain::contact::Side::Other
                } else {
                    crate::domain::contact::Side::Keep
                }
            };
            v.merge_contacts(&keep, &other, choose, chrono::Utc::now())
                .await
        })
        .await
    }

    /// Erases a person (Art. 17) as the erasure page showed, logging `outcome` in the register.
    pub async fn erase_contact(self, id: String, outcome: String) -> Result<(), AppError> {
        self.write(|v| async move {
            let now = chrono::Utc::now();
            v.erase_contact(&id, &outcome, now, local_day(now))
                .await
                .map(|_| ())
        })
        .await
    }

    pub async fn delete_contact(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.delete_contact(&id, chrono::Utc::now()).await })
            .await
    }

    pub async fn save_activity(
        self,
        id: Option<String>,
        draft: ActivityDraft,
    ) -> Result<(), AppError> {
        self.write(|v| async move {
            v.save_activity(id.as_deref(), &draft, chrono::Utc::now())
                .await
                .map(|_| ())
        })
        .await
    }

    pub async fn save_purpose(
        self,
        id: Option<String>,
        draft: PurposeDraft,
    ) -> Result<String, AppError> {
        self.write(|v| async move {
            v.save_purpose(id.as_deref(), &draft, chrono::Utc::now())
                .await
        })
        .await
    }

    pub async fn delete_purpose(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.delete_purpose(&id, chrono::Utc::now()).await })
            .await
    }

    /// Creates a contact and records its consents in the same step (the "new inquiry" flow).
    pub async fn create_contact_with_consents(
        self,
        draft: ContactDraft,
        consents: Vec<ConsentDraft>,
    ) -> Result<String, AppError> {
        self.write(|v| async move {
            v.create_contact_with_consents(&draft, &consents, chrono::Utc::now())
                .await
        })
        .await
    }

    pub async fn create_consent(self, draft: ConsentDraft) -> Result<String, AppError> {
        self.write(|v| async move { v.create_consent(&draft, chrono::Utc::now()).await })
            .await
    }

    /// Withdraws, renews… a consent: appends the event, now, judged on the user's local day.
    pub async fn append_consent_event(
        self,
        id: String,
        kind: EventKind,
        how: String,
    ) -> Result<(), AppError> {
        self.write(|v| async move {
            v.append_consent_event(&id, kind, &how, chrono::Utc::now(), local_day)
                .await
        })
        .await
    }

    pub async fn add_limit(
        self,
        contact_id: String,
        kind: LimitKind,
        purpose_id: Option<String>,
        reason: String,
    ) -> Result<String, AppError> {
        self.write(|v| async move {
            v.add_limit(&contact_id, kind, purpose_id, &reason, chrono::Utc::now())
                .await
        })
        .await
    }

    pub async fn lift_limit(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.lift_limit(&id, chrono::Utc::now()).await })
            .await
    }

    pub async fn delete_activity(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.delete_activity(&id, chrono::Utc::now()).await })
            .await
    }

    pub async fn save_pipeline(self, pipeline: Pipeline) -> Result<(), AppError> {
        self.write(|v| async move { v.save_pipeline(pipeline, chrono::Utc::now()).await })
            .await
    }

    /// Creates (`id` None) or updates a deal, amounts read with `decimal_separator`.
    pub async fn save_deal(
        self,
        id: Option<String>,
        draft: DealDraft,
        decimal_separator: char,
    ) -> Result<String, AppError> {
        self.write(|v| async move {
            v.save_deal(id.as_deref(), &draft, decimal_separator, chrono::Utc::now())
                .await
        })
        .await
    }

    pub async fn move_deal(self, id: String, stage: String) -> Result<(), AppError> {
        self.write(|v| async move { v.move_deal(&id, &stage, chrono::Utc::now()).await })
            .await
    }

    pub async fn delete_deal(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.delete_deal(&id, chrono::Utc::now()).await })
            .await
    }

    pub async fn save_document(
        self,
        id: Option<String>,
        draft: DocumentDraft,
        decimal_separator: char,
    ) -> Result<String, AppError> {
        self.write(|v| async move {
            v.save_document(id.as_deref(), &draft, decimal_separator, chrono::Utc::now())
                .await
        })
        .await
    }

    pub async fn delete_document(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.delete_document(&id, chrono::Utc::now()).await })
            .await
    }

    /// Creates (`id` None) or updates a follow-up, its due time read in the local time zone.
    pub async fn save_task(self, id: Option<String>, draft: TaskDraft) -> Result<String, AppError> {
        self.write(|v| async move {
            v.save_task(id.as_deref(), &draft, local_to_utc, chrono::Utc::now())
                .await
        })
        .await
    }

    pub async fn set_task_done(self, id: String, done: bool) -> Result<(), AppError> {
        self.write(|v| async move { v.set_task_done(&id, done, chrono::Utc::now()).await })
            .await
    }

    pub async fn delete_task(self, id: String) -> Result<(), AppError> {
        self.write(|v| async move { v.delete_task(&id, chrono::Utc::now()).await })
            .await
    }

    /// The whole vault as the portability format's JSON (waits until everything is loaded),
    /// and when it was made, remembered for the backup reminder.
    pub async fn export_json(self) -> Result<String, AppError> {
        self.write(|v| async move {
            let now = chrono::Utc::now();
            let export = v.export(now, env!("CARGO_PKG_VERSION"))?;
            let text = serde_json::to_string(&export)
                .map_err(|e| AppError::Store(crate::store::StoreError::Failed(e.to_string())))?;
            let _ = Browser::set(LAST_EXPORT_KEY, now.timestamp_millis());
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
        Ok(crate::vault::backup::seal_backup(
            &passphrase,
            kdf,
            &crate::vault::Plaintext::new(text.into_bytes()),
        )?)
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
        self.write(|v| async move {
            let all = v.export(chrono::Utc::now(), env!("CARGO_PKG_VERSION"))?;
            let mine = crate::portability::subject(&all, &contact_id)
                .ok_or_else(|| AppError::NotFound(contact_id.clone()))?;
            serde_json::to_string_pretty(&mine)
                .map_err(|e| AppError::Store(crate::store::StoreError::Failed(e.to_string())))
        })
        .await
    }

    /// Imports contacts read from a CSV or vCard file (the valid rows, in one transaction).
    pub async fn import_contacts(
        self,
        rows: Vec<crate::portability::contacts_in::ImportRow>,
    ) -> Result<service::contacts_import::ContactsImportSummary, AppError> {
        self.write(|v| async move { v.import_contacts(&rows, chrono::Utc::now()).await })
            .await
    }

    pub async fn create_request(
        self,
        draft: crate::domain::request::RequestDraft,
    ) -> Result<String, AppError> {
        self.write(|v| async move { v.create_request(&draft, chrono::Utc::now()).await })
            .await
    }

    /// Extends, adds a step to or closes a request (`change` gets the time and the local day).
    pub async fn change_request(
        self,
        id: String,
        change: impl FnOnce(
                &mut crate::domain::request::SubjectRequest,
                chrono::DateTime<chrono::Utc>,
                chrono::NaiveDate,
            ) -> Result<(), crate::domain::request::RequestError>
            + 'static,
    ) -> Result<(), AppError> {
        self.write(|v| async move {
            let now = chrono::Utc::now();
            v.change_request(&id, |r| change(r, now, local_day(now)), now)
                .await
        })
        .await
    }

    /// Restores a checked export into this (empty) vault.
    pub async fn import_export(
        self,
        export: crate::portability::Checked,
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> Result<service::ImportSummary, AppError> {
        self.write(|v| async move {
            v.import_into_empty_with(&export, chrono::Utc::now(), Self::reporter(progress))
                .await
        })
        .await
    }

    /// An import's progress callback: shows (sealed, total) and lets the page draw a frame.
    fn reporter(
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> impl FnMut(usize, usize) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>
    {
        move |done, total| {
            progress.set(Some((done, total)));
            Box::pin(async {
                next_turn().await;
                true
            })
        }
    }

    /// Merges an export into a vault that has data (the newer revision wins).
    pub async fn import_merge(
        self,
        export: crate::portability::Checked,
    ) -> Result<service::MergeReport, AppError> {
        self.write(|v| async move { v.import_merge(&export, chrono::Utc::now()).await })
            .await
    }

    /// Replaces everything in the vault by an export.
    pub async fn import_replace(
        self,
        export: crate::portability::Checked,
        progress: RwSignal<Option<(usize, usize)>>,
    ) -> Result<service::ImportSummary, AppError> {
        self.write(|v| async move {
            v.import_replace_with(&export, chrono::Utc::now(), Self::reporter(progress))
                .await
        })
        .await
    }

    /// Whether the vault holds no record yet (only then can an export be restored into it).
    pub fn vault_is_empty(&self) -> bool {
        self.data.with(|_| ());
        self.vault
            .with_value(|v| v.as_ref().map(|v| v.is_empty()))
            .unwrap_or(true)
    }

    pub async fn change_passphrase(
        self,
        current: Passphrase,
        new: Passphrase,
    ) -> Result<(), AppError> {
        let kdf = KdfParams::recommended()?;
        self.write(|v| async move {
            v.change_passphrase(&current, &new, kdf, chrono::Utc::now())
                .await
        })
        .await
    }

    /// Records user activity (keys, pointer, scrolling) for the automatic lock.
    pub fn touch(self) {
        self.last_activity.set_value(now_ms());
    }

    pub fn set_idle_minutes(self, minutes: u32) {
        if IDLE_CHOICES.contains(&minutes) {
            let _ = Browser::set(IDLE_MINUTES_KEY, minutes);
            self.idle_minutes.set(minutes);
            self.touch();
        }
    }

    /// Locks if the vault has been idle (or the tab hidden) longer than the chosen delay.
    pub fn check_idle(self) {
        if !matches!(self.phase.get_untracked(), Phase::Unlocked) {
            return;
        }
        let minutes = self.idle_minutes.get_untracked();
        if now_ms() - self.last_activity.get_value() >= f64::from(minutes) * 60_000.0 {
            self.lock(Some(Notice::IdleLocked(minutes)));
        }
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}
