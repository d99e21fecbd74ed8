//! Sync while the vault is open (#22): the status the Settings page shows, Start / Sync now /
//! Stop, joining a synced vault, and the loop that runs a round at unlock, then waits on the
//! server's changes feed (or a local write) for the next, backing off while offline. Runs only
//! in the tab holding the writer lock; locking stops it before the key is dropped. A part of
//! `session` (its private state); must not import `ui`.

use super::{Phase, Session};
use crate::app::clock::sleep;
use crate::app::service::sync::{self, SyncSettings};
use crate::app::service::AppError;
use crate::store::IdbRepository;
use crate::sync::fetch::FetchRemote;
use crate::sync::{protocol, wire::Seq, SyncError};
use crate::vault::Passphrase;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// The sync status the screens read.
#[derive(Clone, Copy)]
pub struct SyncState {
    /// The server and user, while sync is set up and on.
    pub configured: RwSignal<Option<(String, String)>>,
    pub last_sync: RwSignal<Option<DateTime<Utc>>>,
    /// This device's changes waiting to go (after the last round).
    pub waiting: RwSignal<usize>,
    pub error: RwSignal<Option<AppError>>,
    pub running: RwSignal<bool>,
    remote: StoredValue<Option<Rc<FetchRemote>>, LocalStorage>,
    /// Bumped to end the running loop.
    epoch: StoredValue<u64>,
    /// Set to run a round now (a write, Sync now).
    wake: StoredValue<bool>,
}

impl SyncState {
    pub fn new() -> Self {
        SyncState {
            configured: RwSignal::new(None),
            last_sync: RwSignal::new(None),
            waiting: RwSignal::new(0),
            error: RwSignal::new(None),
            running: RwSignal::new(false),
            remote: StoredValue::new_local(None),
            epoch: StoredValue::new(0),
            wake: StoredValue::new(false),
        }
    }

    /// Asks for a round soon (after a local write).
    pub fn poke(&self) {
        if self.configured.get_untracked().is_some() {
            self.wake.set_value(true);
        }
    }

    /// Ends the loop and aborts whatever request is in flight.
    pub(super) fn halt(&self) {
        self.epoch.update_value(|e| *e += 1);
        if let Some(r) = self.remote.get_value() {
            r.stop();
        }
        self.remote.set_value(None);
        self.running.set(false);
    }
}

impl Default for SyncState {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether this build may connect to `url`'s origin: the origins given at build time in
/// `FOLIO_SYNC_ORIGINS` (space-separated; a port may be `*`), which the Content-Security-Policy
/// allows too. None given: sync is off in this build.
pub fn origin_allowed(url: &str) -> bool {
    let allowed = option_env!("FOLIO_SYNC_ORIGINS").unwrap_or_default();
    let origin = protocol::canonical_url(url);
    let origin: String = {
        let (scheme, rest) = origin.split_once("://").unwrap_or(("", ""));
        format!("{scheme}://{}", rest.split('/').next().unwrap_or_default())
    };
    allowed.split_whitespace().any(|pattern| {
        let pattern = pattern.trim_end_matches('/').to_lowercase();
        match pattern.strip_suffix(":*") {
            Some(base) => origin.strip_prefix(base).is_some_and(|rest| {
                rest.is_empty()
                    || rest
                        .strip_prefix(':')
                        .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
            }),
            None => origin == pattern,
        }
    })
}

fn checked_url(url: &str) -> Result<String, AppError> {
    let url = sync::check_address(url)?;
    if !origin_allowed(&url) {
        return Err(SyncError::OriginNotAllowed.into());
    }
    Ok(url)
}

impl Session {
    /// Sets sync up with this server and user and starts it (the first round runs at once).
    pub async fn start_syncing(
        self,
        url: String,
        user: String,
        password: String,
    ) -> Result<(), AppError> {
        let url = checked_url(&url)?;
        if user.trim().is_empty() || password.is_empty() {
            return Err(SyncError::PasswordRefused.into());
        }
        let vault = self.vault().ok_or(AppError::NoVault)?;
        // The server is asked first: nothing is kept when it refuses.
        let remote = FetchRemote::new(&url, user.trim(), &password);
        protocol::verify_peers(&remote).await?;
        // The device keeps its id on another server: its audit chain keeps its name (#22).
        let device_id = match vault.sync_settings().await? {
            Some(s) if !s.device_id.is_empty() => s.device_id,
            _ => sync::new_device_id()?,
        };
        let settings = SyncSettings {
            url,
            user: user.trim().to_string(),
            password,
            device_id,
            enabled: true,
        };
        self.write(|v, now| async move { v.save_sync_settings(&settings, now).await })
            .await?;
        self.sync.error.set(None);
        self.resume_sync();
        Ok(())
    }

    /// Runs a round now.
    pub fn sync_now(self) {
        if self.sync.configured.get_untracked().is_some() {
            self.sync.wake.set_value(true);
            if !self.sync.running.get_untracked() && self.sync.remote.get_value().is_none() {
                self.resume_sync();
            }
        }
    }

    /// Stops syncing on this device (the settings are kept, turned off).
    pub async fn stop_syncing(self) -> Result<(), AppError> {
        self.sync.halt();
        self.sync.configured.set(None);
        self.write(|v, now| async move { v.stop_syncing(now).await })
            .await
    }

    /// Joins the vault a sync server holds: a new vault on this device with that vault's key,
    /// opened with `passphrase`, filled by a first pull. Ok(false): another tab holds the vault.
    pub async fn join(
        self,
        url: String,
        user: String,
        password: String,
        passphrase: Passphrase,
        recovery: String,
    ) -> Result<bool, AppError> {
        let url = checked_url(&url)?;
        if !self
            .take_writer_lock(false)
            .await
            .map_err(AppError::BrowserRefused)?
        {
            return Ok(false);
        }
        let remote = FetchRemote::new(&url, user.trim(), &password);
        let settings = SyncSettings {
            url,
            user: user.trim().to_string(),
            password,
            device_id: String::new(),
            enabled: true,
        };
        let joined = async {
            let repo = IdbRepository::open().await?;
            // A vault protected by security keys needs one of them, or the recovery code (#24).
            let header = sync::remote_header(&remote).await?;
            let code = match recovery.trim() {
                "" => None,
                typed => Some(
                    crate::vault::RecoveryCode::parse(typed)
                        .ok_or(crate::vault::VaultError::NotARecoveryCode)?,
                ),
            };
            let answer = match (&code, header.is_protected()) {
                (None, true) => {
                    let opening = header.begin(&passphrase)?;
                    Some(crate::app::webauthn::ask(&opening.key_requests()).await?)
                }
                _ => None,
            };
            let second = match (&code, &answer) {
                (Some(c), _) => Some(crate::vault::Factor::Recovery(c)),
                (None, Some(a)) => Some(crate::vault::Factor::Key(a)),
                (None, None) => None,
            };
            sync::join_vault(
                repo,
                &remote,
                &passphrase,
                second,
                settings,
                chrono::Utc::now(),
            )
            .await
        }
        .await;
        drop(passphrase);
        match joined {
            Ok((vault, _)) => {
                self.sync.last_sync.set(Some(chrono::Utc::now()));
                self.enter(vault);
                Ok(true)
            }
            Err(e) => {
                self.writer.set_value(None);
                Err(e)
            }
        }
    }

    /// Starts the loop when sync is set up and on (after unlock, once everything is loaded).
    pub(super) fn resume_sync(self) {
        self.sync.halt();
        let epoch = self.sync.epoch.get_value();
        let sync_state = self.sync;
        let current = move || sync_state.epoch.get_value() == epoch;
        spawn_local(async move {
            let Some(vault) = self.vault() else { return };
            while !vault.is_complete() {
                sleep(100).await;
                if !current() {
                    return;
                }
            }
            let settings = match vault.sync_settings().await {
                Ok(Some(s)) if s.enabled => s,
                _ => {
                    sync_state.configured.set(None);
                    return;
                }
            };
            drop(vault);
            sync_state
                .configured
                .set(Some((settings.url.clone(), settings.user.clone())));
            let remote = Rc::new(FetchRemote::new(
                &settings.url,
                &settings.user,
                &settings.password,
            ));
            sync_state.remote.set_value(Some(remote.clone()));
            let mut failures = 0u32;
            loop {
                if !current() || self.phase.get_untracked() != Phase::Unlocked {
                    return;
                }
                sync_state.wake.set_value(false);
                sync_state.running.set(true);
                let (r, s) = (remote.clone(), settings.clone());
                let round = self
                    .write(|v, now| async move { v.sync_round(r.as_ref(), &s, now).await })
                    .await;
                if !current() {
                    return;
                }
                // The round's own write asked for another round: it has just run.
                sync_state.wake.set_value(false);
                sync_state.running.set(false);
                let since = match round {
                    Ok(report) => {
                        failures = 0;
                        sync_state.last_sync.set(Some(chrono::Utc::now()));
                        sync_state.error.set(None);
                        if let Some(v) = self.vault() {
                            sync_state.waiting.set(v.sync_waiting().await.unwrap_or(0));
                        }
                        Some(report.since)
                    }
                    Err(e) => {
                        let retry = matches!(&e, AppError::Sync(s) if s.retries());
                        sync_state.error.set(Some(e));
                        if !retry {
                            sync_state.remote.set_value(None);
                            return;
                        }
                        failures = failures.saturating_add(1);
                        None
                    }
                };
                match since {
                    // Caught up: wait on the changes feed, or a local write, or Sync now.
                    Some(since) if !since.is_empty() => {
                        let since = Seq(since);
                        let feed = Box::pin(protocol::wait_for_changes(remote.as_ref(), &since));
                        let woken = Box::pin(async move {
                            while !sync_state.wake.get_value() && current() {
                                sleep(500).await;
                            }
                        });
                        let _ = futures_util::future::select(feed, woken).await;
                    }
                    _ => {
                        // Offline or a busy server: 1 s doubling to 5 minutes, with jitter;
                        // Sync now or coming back online tries at once.
                        let cap = 1_000u32.saturating_mul(1 << failures.min(9)).min(300_000);
                        let mut jitter = [0u8; 2];
                        let _ = getrandom::fill(&mut jitter);
                        let wait = cap / 2 + u32::from(u16::from_le_bytes(jitter)) % (cap / 2 + 1);
                        let mut waited = 0;
                        while waited < wait && !sync_state.wake.get_value() && current() {
                            let online = web_sys::window()
                                .map(|w| w.navigator().on_line())
                                .unwrap_or(true);
                            if online
                                && waited >= 1_000
                                && failures > 0
                                && matches!(
                                    sync_state.error.get_untracked(),
                                    Some(AppError::Sync(SyncError::Offline))
                                )
                                && waited % 5_000 == 0
                            {
                                break;
                            }
                            sleep(500).await;
                            waited += 500;
                        }
                    }
                }
            }
        });
    }
}

/// Reads the sync status of the vault into the signals (after unlock).
pub(super) async fn load_status(session: Session) {
    let Some(vault) = session.vault() else { return };
    if let Ok(status) = vault.sync_status().await {
        session.sync.last_sync.set(status.last_sync);
    }
    if let Ok(Some(s)) = vault.sync_settings().await {
        if s.enabled {
            session.sync.configured.set(Some((s.url, s.user)));
        }
    }
}
