//! Opening a vault: creating one, unlocking it (the passphrase unwraps the sealer), and loading
//! what it holds in two stages — what the first screens need, then the rest and the audit trail
//! with its verification. Every stored item is accounted for: one that does not open is
//! damaged, and what storage holds is checked against the ledger in the sealed head (a record
//! deleted, rolled back, added or duplicated behind Folio's back is named). A vault written
//! before the ledger existed is brought up to date once, after loading.

use super::error::AppError;
use super::kinds::{self, OpenAs, RecordKind};
use super::ledger::{Finding, Head, Ledger, AUDIT_ITEMS};
use super::trail::{
    item_name, open_audit, open_record, resealed_items, Base, Entry, Format, Formats, Reseal,
    AUDIT_KIND, KIND_AUDIT_HEAD,
};
use super::types::{Damaged, HeadState, Inner, OpenRecord, Seen, UnlockedVault, VaultSnapshot};
use super::HEADER_KEY;
use crate::domain::audit::{self, Action, AuditEvent, ChainHead, FieldChange};
use crate::domain::Id;
use crate::store::{Batch, Expect, Listing, Malformed, Repository, SealedAuditEvent, SealedRecord};
use crate::vault::{KdfParams, Passphrase, Sealer, VaultError, VaultHeader};
use chrono::{DateTime, Utc};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};

/// Records and events decrypted between two pauses of `load_rest`.
const LOAD_CHUNK: usize = 2_000;

/// At most this many events' room is set aside before the trail is read (some 28 MB in the
/// browser; a longer trail grows as it is read).
const MAX_RESERVED_EVENTS: u64 = 1 << 18;

/// Whether this repository holds a vault.
pub async fn vault_exists<R: Repository>(repo: &R) -> Result<bool, AppError> {
    Ok(repo.get_meta(HEADER_KEY).await?.is_some())
}

/// Creates a new vault with its first audit event, all in one transaction.
pub async fn create_vault<R: Repository>(
    repo: R,
    passphrase: &Passphrase,
    kdf: KdfParams,
    now: DateTime<Utc>,
) -> Result<UnlockedVault<R>, AppError> {
    if vault_exists(&repo).await? {
        return Err(AppError::VaultExists);
    }
    let (header, sealer) = VaultHeader::create(passphrase, kdf)?;
    create_with(repo, header, sealer, now).await
}

/// Creates a vault in this repository with a header and data key made elsewhere (a new one, or
/// a synced vault's, which this device joins), with its first audit event.
pub(super) async fn create_with<R: Repository>(
    repo: R,
    header: VaultHeader,
    sealer: Sealer,
    now: DateTime<Utc>,
) -> Result<UnlockedVault<R>, AppError> {
    if vault_exists(&repo).await? {
        return Err(AppError::VaultExists);
    }
    let vault_id = Id::new().map_err(|_| VaultError::NoRandomness)?.to_string();
    let meta = vec![(HEADER_KEY.to_string(), header.to_json())];
    let kdf = header.kdf.clone();
    let protection = header.protection(&sealer);
    let vault = UnlockedVault {
        repo,
        sealer,
        inner: RefCell::new(Inner::new(header)),
    };
    {
        let mut inner = vault.inner.borrow_mut();
        inner.snapshot.kdf = Some(kdf);
        inner.snapshot.protection = protection;
        inner.snapshot.complete = true;
    }
    let created = Entry::new(Action::VaultCreated, "vault", &vault_id, vec![]);
    vault
        .commit(
            Batch {
                meta,
                ..Batch::default()
            },
            vec![created],
            now,
        )
        .await?;
    Ok(vault)
}

/// Reads the vault header (no secrets) of this repository.
pub async fn read_header<R: Repository>(repo: &R) -> Result<VaultHeader, AppError> {
    let text = repo.get_meta(HEADER_KEY).await?.ok_or(AppError::NoVault)?;
    Ok(VaultHeader::from_json(&text)?)
}

/// Unlocks a vault: derives the key, unwraps the data key, decrypts everything. Records that do
/// not open are listed as damaged; the rest of the vault opens regardless.
pub async fn unlock<R: Repository>(
    repo: R,
    passphrase: &Passphrase,
) -> Result<UnlockedVault<R>, AppError> {
    let header = read_header(&repo).await?;
    let sealer = header.unlock(passphrase)?;
    open_with_key(repo, header, sealer).await
}

/// The second half of `unlock`, once the data key is unwrapped (so callers can time the KDF
/// alone). Loads everything; the session instead calls `open_first` then `load_rest`.
pub async fn open_with_key<R: Repository>(
    repo: R,
    header: VaultHeader,
    sealer: Sealer,
) -> Result<UnlockedVault<R>, AppError> {
    let vault = open_first(repo, header, sealer).await?;
    vault.load_rest(|| async { true }).await?;
    Ok(vault)
}

/// The header wrapped anew for `target` key-derivation costs (today's recommendation, in the
/// app), when the vault's own are weaker in any of them; `None` when they are not. The same
/// passphrase, the same data key: only the wrapping changes. `strengthen_later` then writes it,
/// audited, once loading is done.
pub fn stronger_header(
    header: &VaultHeader,
    sealer: &Sealer,
    passphrase: &Passphrase,
    target: &KdfParams,
) -> Result<Option<VaultHeader>, AppError> {
    // A vault protected by security keys keeps its parameters: its wrappings need each key.
    if header.is_protected() || !header.kdf.is_weaker_than(target) {
        return Ok(None);
    }
    let kdf = header.kdf.at_least(target)?;
    Ok(Some(header.rewrap(sealer, passphrase, kdf)?))
}

/// Opens the vault with only what the first screens need decrypted (profile, contacts,
/// organisations and the chain head); `load_rest` must follow before any write.
pub async fn open_first<R: Repository>(
    repo: R,
    header: VaultHeader,
    sealer: Sealer,
) -> Result<UnlockedVault<R>, AppError> {
    let vault = UnlockedVault {
        repo,
        sealer,
        inner: RefCell::new(Inner::new(header)),
    };
    vault.load_first().await?;
    Ok(vault)
}

/// Opens one sealed record into the state as the kind it is stored as.
struct Opening<'a> {
    sealer: &'a Sealer,
    sealed: &'a SealedRecord,
    formats: Formats,
    snapshot: &'a mut VaultSnapshot,
}

impl OpenAs for Opening<'_> {
    fn open<K: RecordKind>(&mut self) -> Result<(), AppError> {
        let record: OpenRecord<K> = self
            .formats
            .open(|f| open_record(self.sealer, self.sealed, f))?;
        K::records_mut(self.snapshot).insert(record.id.clone(), record);
        Ok(())
    }
}

/// Moves the kinds the second stage opened into the state the first stage made.
struct TakeRest<'a> {
    from: &'a mut VaultSnapshot,
    into: &'a mut VaultSnapshot,
}

impl kinds::EachKind for TakeRest<'_> {
    fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
        if !K::FIRST {
            *K::records_mut(self.into) = std::mem::take(K::records_mut(self.from));
        }
        Ok(())
    }
}

/// Seals every opened record of every kind anew in today's format, at its own revision.
struct Resealing<'a, R: Repository> {
    vault: &'a UnlockedVault<R>,
    snapshot: &'a VaultSnapshot,
    puts: Vec<(SealedRecord, Expect)>,
}

impl<R: Repository> kinds::EachKind for Resealing<'_, R> {
    fn kind<K: RecordKind>(&mut self) -> Result<(), AppError> {
        for r in K::records(self.snapshot).values() {
            self.puts.push((self.vault.seal(r)?, Expect::Rev(r.rev)));
        }
        Ok(())
    }
}

/// What loading the records found, kept for the check once the trail is read: every stored
/// record seen, those of kinds this build does not know, and the ledger and head as they were
/// then (before any write).
pub(super) struct Loaded {
    stored: Vec<Seen>,
    unknown: Vec<OpenRecord<serde_json::Value>>,
    ledger: Ledger,
    head: ChainHead,
    head_rev: u64,
    /// The trail is read up to the item holding this event (what was stored when the records
    /// were loaded; `u64::MAX`: all of it, when no write could start before it).
    through: u64,
}

fn seen(sealed: &SealedRecord) -> Seen {
    Seen {
        kind: sealed.kind.clone(),
        id: sealed.id.clone(),
        rev: sealed.rev,
        nonce: sealed.nonce,
    }
}

fn damaged_of(m: &Malformed) -> Damaged {
    Damaged {
        kind: m.store.to_string(),
        id: m.key.clone(),
    }
}

impl<R: Repository> UnlockedVault<R> {
    /// Reads and decrypts everything again from storage.
    pub async fn reload(&self) -> Result<(), AppError> {
        self.load_first().await?;
        self.load_rest(|| async { true }).await
    }

    /// Keeps a header sealed under today's recommended key-derivation parameters, to be
    /// written (audited) once loading is done: the vault's own were weaker.
    pub fn strengthen_later(&self, header: VaultHeader) {
        self.inner.borrow_mut().stronger_header = Some(header);
    }

    /// Stage one: the kinds the first screens need, and the sealed chain head (which says how
    /// the vault was sealed and what it holds).
    async fn load_first(&self) -> Result<(), AppError> {
        let mut wanted = kinds::first_kinds();
        wanted.push(KIND_AUDIT_HEAD);
        // The kinds are read together (the browser reads them side by side), then opened.
        let mut lists: Vec<Listing<SealedRecord>> =
            futures_util::future::try_join_all(wanted.iter().map(|k| self.repo.list(k))).await?;
        let heads = lists.pop().unwrap_or_default();
        let (head, state) = self.open_head(&heads);
        let formats = Formats::of(state);
        let mut snapshot = VaultSnapshot::default();
        let mut first_seen = Vec::new();
        for sealed in lists.iter().flat_map(|l| &l.items) {
            first_seen.push(seen(sealed));
            self.open_into(sealed, formats, &mut snapshot, &mut None);
        }
        let mut inner = self.inner.borrow_mut();
        inner.loaded = None;
        inner.early_writes = false;
        inner.trail_loading = false;
        snapshot.kdf = Some(inner.header.kdf.clone());
        snapshot.protection = inner.header.protection(&self.sealer);
        inner.head_state = state;
        inner.first_seen = first_seen;
        match head {
            Some((rev, head)) => {
                inner.head = head.chain();
                inner.head_rev = rev;
                inner.salted = head.salted;
                inner.ledger = head.ledger.unwrap_or_default();
            }
            None => {
                inner.head = ChainHead::genesis();
                inner.salted = false;
                // A head that exists but does not open is still overwritten at its revision.
                inner.head_rev = heads.items.first().map_or(0, |h| h.rev);
                inner.ledger = Ledger::default();
            }
        }
        inner.snapshot = snapshot;
        Ok(())
    }

    /// The sealed chain head (its revision and content) and how it was found.
    fn open_head(&self, heads: &Listing<SealedRecord>) -> (Option<(u64, Head)>, HeadState) {
        let Some(sealed) = heads.items.first() else {
            let state = if heads.malformed.is_empty() {
                HeadState::Missing
            } else {
                HeadState::Damaged
            };
            return (None, state);
        };
        match open_record::<Head>(&self.sealer, sealed, Format::Current) {
            Ok(h) if h.data.ledger.is_some() => (Some((h.rev, h.data)), HeadState::Current),
            _ => match open_record::<Head>(&self.sealer, sealed, Format::Legacy) {
                Ok(h) => (Some((h.rev, h.data)), HeadState::Legacy),
                Err(_) => (None, HeadState::Damaged),
            },
        }
    }

    /// Stage two: activities, records of other kinds, the audit trail and its verification,
    /// decrypted `LOAD_CHUNK` at a time with `pause` awaited between chunks (the page stays
    /// responsive). `pause` answering false stops loading (the vault was locked meanwhile).
    /// Then every stored item is accounted for against the ledger.
    pub async fn load_rest<F, P>(&self, mut pause: P) -> Result<(), AppError>
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = bool>,
    {
        self.load_records(&mut pause).await?;
        self.load_trail(&mut pause).await
    }

    /// Stage two, first half: the records of every kind the first stage left. Writes that need
    /// no more than the records may start after it (`may_write`), when the stored trail ends at
    /// the sealed head and nothing is left to bring up to date; `load_trail` must follow.
    pub async fn load_records<F, P>(&self, pause: &mut P) -> Result<(), AppError>
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = bool>,
    {
        if self.is_complete() || self.inner.borrow().loaded.is_some() {
            return Ok(());
        }
        let state = self.inner.borrow().head_state;
        let formats = Formats::of(state);
        let first = kinds::first_kinds();
        let mut rest = VaultSnapshot::default();
        let mut stored = std::mem::take(&mut self.inner.borrow_mut().first_seen);
        let mut unknown = Vec::new();
        // Read a page at a time (never every sealed record at once), the next page read while
        // this one is decrypted; the first stage's kinds are only counted again.
        let mut next = Some(self.repo.list_page(None, LOAD_CHUNK as u32).await?);
        while let Some((page, more)) = next.take() {
            let fetch = async {
                match &more {
                    Some(key) => self
                        .repo
                        .list_page(Some(key), LOAD_CHUNK as u32)
                        .await
                        .map(Some),
                    None => Ok(None),
                }
            };
            let open = async {
                rest.damaged.extend(page.malformed.iter().map(damaged_of));
                let wanted = page
                    .items
                    .iter()
                    .filter(|r| r.kind != KIND_AUDIT_HEAD && !first.contains(&r.kind.as_str()));
                for sealed in wanted {
                    stored.push(seen(sealed));
                    self.open_into(sealed, formats, &mut rest, &mut Some(&mut unknown));
                }
            };
            let (fetched, ()) = futures_util::future::join(fetch, open).await;
            next = fetched?;
            if !pause().await {
                return Err(AppError::Cancelled);
            }
        }
        let (head, head_rev, maintenance) = {
            let inner = self.inner.borrow();
            let maintenance = state != HeadState::Current
                || !inner.salted
                || inner.stronger_header.is_some()
                || inner.head_rev == 0;
            (inner.head.clone(), inner.head_rev, maintenance)
        };
        // Writes chain from the sealed head, so they may start early only when nothing is
        // stored beyond it (a trail longer than its head, found in the check, moves the head).
        let beyond = self.repo.audit_items_after(head.seq, 1).await?;
        let early = !maintenance && beyond.items.is_empty() && beyond.malformed.is_empty();
        let mut inner = self.inner.borrow_mut();
        let loaded = Loaded {
            stored,
            unknown,
            ledger: inner.ledger.clone(),
            through: if early { head.seq } else { u64::MAX },
            head,
            head_rev,
        };
        let snapshot = &mut inner.snapshot;
        kinds::each_kind(&mut TakeRest {
            from: &mut rest,
            into: snapshot,
        })?;
        snapshot.damaged.extend(rest.damaged);
        snapshot.sync_conflicts = std::mem::take(&mut rest.sync_conflicts);
        snapshot.peer_audit = std::mem::take(&mut rest.peer_audit);
        snapshot.records_loaded = true;
        inner.loaded = Some(loaded);
        inner.early_writes = early;
        inner.trail_loading = true;
        Ok(())
    }

    /// Stage two, second half: the audit trail read and verified, every stored item accounted
    /// for against the ledger as it was when the records were loaded, and what is left to bring
    /// up to date. Events written meanwhile follow the ones read. Operations waiting for the
    /// whole trail (`ready`) go on once it ends, or fail as cancelled when it does not.
    pub async fn load_trail<F, P>(&self, pause: &mut P) -> Result<(), AppError>
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = bool>,
    {
        let checked = self.check_trail(pause).await;
        let waiters = {
            let mut inner = self.inner.borrow_mut();
            inner.trail_loading = false;
            std::mem::take(&mut inner.trail_waiters)
        };
        waiters.into_iter().for_each(std::task::Waker::wake);
        checked
    }

    async fn check_trail<F, P>(&self, pause: &mut P) -> Result<(), AppError>
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = bool>,
    {
        if self.is_complete() {
            return Ok(());
        }
        let loaded = self.inner.borrow_mut().loaded.take();
        let Some(Loaded {
            stored,
            unknown,
            ledger,
            head,
            head_rev,
            through,
        }) = loaded
        else {
            return Err(AppError::NotLoaded);
        };
        let state = self.inner.borrow().head_state;
        let formats = Formats::of(state);
        // What storage holds, and the same sealed bytes stored twice: the records are counted
        // first and their list let go, so it is not held beside the trail as that is read (at
        // the benchmark's L, some 12 MB of the most an unlock held).
        let mut actual = Ledger::default();
        let mut nonces = HashSet::with_capacity(stored.len() + stored.len() / 8);
        let mut duplicated: BTreeMap<String, u64> = BTreeMap::new();
        let records = stored
            .iter()
            .map(|s| (s.kind.as_str(), s.id.as_str(), s.rev, true));
        actual.apply_all(&self.sealer, records)?;
        for s in &stored {
            if !nonces.insert(s.nonce) {
                *duplicated.entry(s.kind.clone()).or_default() += 1;
            }
        }
        drop(stored);
        let mut damaged = Vec::new();
        let (mut audit, items, map) = self
            .read_trail(formats, through, &mut damaged, pause)
            .await?;
        // The items read, and those written since the records were loaded (what upgrading the
        // trail and bringing the vault up to date reseal).
        {
            let mut inner = self.inner.borrow_mut();
            let mut map = map;
            map.extend(std::mem::take(&mut inner.items));
            inner.items = map;
        }
        let trail = items
            .iter()
            .map(|(name, rev, _)| (AUDIT_ITEMS, name.as_str(), *rev, true));
        actual.apply_all(&self.sealer, trail)?;
        nonces.reserve(items.len());
        for (_, _, nonce) in &items {
            if !nonces.insert(*nonce) {
                *duplicated.entry(AUDIT_ITEMS.to_string()).or_default() += 1;
            }
        }
        let sealed_head = (head_rev > 0 && matches!(state, HeadState::Current | HeadState::Legacy))
            .then(|| head.clone());
        let mut chain = audit::verify_chain(&audit, sealed_head.as_ref()).err();
        if state == HeadState::Legacy {
            // Brought up to date from what it holds now: there is no record of more.
            self.inner.borrow_mut().ledger = actual.clone();
        }
        if chain.is_some() && self.upgrade_trail(&mut audit).await {
            chain = None;
        }
        let mut findings = match state {
            HeadState::Current => ledger.compare(&actual),
            HeadState::Legacy => Vec::new(),
            HeadState::Missing => vec![Finding::HeadMissing],
            HeadState::Damaged => vec![Finding::HeadDamaged],
        };
        findings.extend(
            duplicated
                .into_iter()
                .map(|(kind, count)| Finding::Duplicated { kind, count }),
        );
        {
            let mut inner = self.inner.borrow_mut();
            let current = (inner.head_rev > 0).then(|| inner.head.clone());
            // New events extend the newest head we know, whether or not the chain verified.
            if let Some(last) = audit.last().map(AuditEvent::head) {
                if current.as_ref().is_none_or(|h| last.seq > h.seq) {
                    inner.head = last;
                }
            }
            // Events written since the records were loaded follow the ones read.
            let snapshot = &mut inner.snapshot;
            audit.append(&mut snapshot.audit);
            snapshot.damaged.extend(damaged);
            snapshot.audit = audit;
            snapshot.chain = chain;
            snapshot.findings = findings;
        }
        if state == HeadState::Legacy {
            self.bring_up_to_date(unknown).await?;
        }
        self.strengthen_key_derivation().await?;
        self.inner.borrow_mut().snapshot.complete = true;
        // A failure leaves the trail as it was: it is tried again at the next unlock, and the
        // vault opens meanwhile.
        if let Err(AppError::Cancelled) = self.upgrade_erasure(Utc::now()).await {
            return Err(AppError::Cancelled);
        }
        Ok(())
    }

    /// Waits until the whole trail is read and checked (for what reads or rewrites it: an
    /// erasure, an export, an import); fails as not loaded when it is not being read.
    pub async fn ready(&self) -> Result<(), AppError> {
        futures_util::future::poll_fn(|cx| {
            let mut inner = self.inner.borrow_mut();
            if inner.snapshot.complete {
                std::task::Poll::Ready(Ok(()))
            } else if !inner.trail_loading {
                std::task::Poll::Ready(Err(AppError::NotLoaded))
            } else {
                inner.trail_waiters.push(cx.waker().clone());
                std::task::Poll::Pending
            }
        })
        .await
    }

    /// The audit trail read about `LOAD_CHUNK` events at a time (so its ciphertext never sits
    /// in memory whole), up to the item holding event `through`: its events in order, each
    /// stored item as (name, revision, nonce), and the items' map. Items that do not open, or
    /// are not in Folio's format, are damaged.
    #[allow(clippy::type_complexity)]
    async fn read_trail<F, P>(
        &self,
        formats: Formats,
        through: u64,
        damaged: &mut Vec<Damaged>,
        pause: &mut P,
    ) -> Result<
        (
            Vec<AuditEvent>,
            Vec<(String, u64, [u8; 12])>,
            super::types::AuditItems,
        ),
        AppError,
    >
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = bool>,
    {
        // Room for the events up to the sealed head and some written after it, so the trail is
        // not copied while it grows nor left with twice the room it needs (a head is sealed, but
        // a damaged count is still not taken at its word beyond a bound).
        let known = through
            .min(self.inner.borrow().head.seq)
            .min(MAX_RESERVED_EVENTS);
        let mut audit = Vec::with_capacity(known as usize + known as usize / 16 + 64);
        let mut items = Vec::new();
        let mut map = BTreeMap::new();
        let mut after = 0;
        let mut next = Some(
            self.repo
                .audit_items_after(after, LOAD_CHUNK as u32)
                .await?,
        );
        while let Some(chunk) = next.take() {
            let end = chunk
                .items
                .iter()
                .map(|i| i.last)
                .chain(chunk.malformed.iter().filter_map(|m| m.position))
                .max();
            let Some(end) = end.filter(|e| *e > after) else {
                break;
            };
            after = end;
            // The next chunk is read while this one is decrypted.
            let fetch = async {
                if after >= through {
                    Ok(None)
                } else {
                    let more = self.repo.audit_items_after(after, LOAD_CHUNK as u32);
                    more.await.map(Some)
                }
            };
            let open = async {
                let within = |seq: u64| seq <= through;
                damaged.extend(
                    chunk
                        .malformed
                        .iter()
                        .filter(|m| m.position.is_none_or(within))
                        .map(damaged_of),
                );
                let chunk: Vec<&SealedAuditEvent> =
                    chunk.items.iter().filter(|i| within(i.seq)).collect();
                map.extend(chunk.iter().map(|i| (i.seq, (i.last, i.rev))));
                for sealed in chunk {
                    items.push((item_name(sealed), sealed.rev, sealed.nonce));
                    match formats.open(|f| open_audit(&self.sealer, sealed, f)) {
                        Ok(events) => audit.extend(events),
                        Err(_) => damaged.push(Damaged {
                            kind: AUDIT_KIND.to_string(),
                            id: item_name(sealed),
                        }),
                    }
                }
            };
            let (fetched, ()) = futures_util::future::join(fetch, open).await;
            next = fetched?;
            if !pause().await {
                return Err(AppError::Cancelled);
            }
        }
        // Read in order, the trail is sorted already; a stable sort would still take scratch
        // room for half the trail (some 8 MB at the benchmark's L) before finding that out.
        if !audit.is_sorted_by_key(|e| e.seq) {
            audit.sort_by_key(|e| e.seq);
        }
        Ok((audit, items, map))
    }

    /// A vault sealed before revisions were bound and the ledger kept: every record and audit
    /// item is sealed anew in today's format (at its own revision), and the head records what
    /// the vault holds, in one transaction, once. A failure leaves it as it was (tried again at
    /// the next unlock).
    async fn bring_up_to_date(
        &self,
        unknown: Vec<OpenRecord<serde_json::Value>>,
    ) -> Result<(), AppError> {
        let (puts, rewrite_audit, base_head, head_rev, ledger) = {
            let inner = self.inner.borrow();
            let mut resealing = Resealing {
                vault: self,
                snapshot: &inner.snapshot,
                puts: Vec::new(),
            };
            kinds::each_kind(&mut resealing)?;
            let mut puts = resealing.puts;
            for r in &unknown {
                puts.push((self.seal(r)?, Expect::Rev(r.rev)));
            }
            // Every item whose events all opened (a damaged one stays as it is, reported).
            let trail = &inner.snapshot.audit;
            let everything: BTreeMap<u64, AuditEvent> = inner
                .items
                .iter()
                .filter_map(|(&first, &(last, _))| {
                    let start = trail.partition_point(|e| e.seq < first);
                    let end = trail.partition_point(|e| e.seq <= last);
                    let whole = end > start && (end - start) as u64 == last - first + 1;
                    whole.then(|| (first, trail[start].clone()))
                })
                .collect();
            let rewrite = resealed_items(
                &self.sealer,
                &inner.snapshot.audit,
                &inner.items,
                &everything,
                Reseal::SameRevision,
            )?;
            (
                puts,
                rewrite,
                inner.head.clone(),
                inner.head_rev,
                inner.ledger.clone(),
            )
        };
        let batch = Batch {
            puts,
            rewrite_audit,
            ..Batch::default()
        };
        let base = Base {
            head: &base_head,
            head_rev,
            ledger: &ledger,
        };
        let chained = self.chain(batch, None, vec![], base, Utc::now())?;
        self.commit_chained(chained).await?;
        self.inner.borrow_mut().head_state = HeadState::Current;
        Ok(())
    }

    /// Writes the header sealed under stronger key-derivation parameters, if unlocking made
    /// one, with its audit event.
    async fn strengthen_key_derivation(&self) -> Result<(), AppError> {
        let Some(header) = self.inner.borrow_mut().stronger_header.take() else {
            return Ok(());
        };
        let batch = Batch {
            meta: vec![(HEADER_KEY.to_string(), header.to_json())],
            ..Batch::default()
        };
        let entry = Entry::new(Action::KeyStrengthened, "vault", "passphrase", vec![]);
        self.commit(batch, vec![entry], Utc::now()).await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.kdf = Some(header.kdf.clone());
        inner.header = header;
        Ok(())
    }

    /// A trail written before the audit hash covered each change's digest (what export format
    /// version 1 calls its hashing) is verified as it was hashed, up to the sealed head, then
    /// hashed anew and stored, once. A trail that verifies neither way is left as it is (and
    /// reported); so is one whose rewrite fails (it is tried again at the next unlock).
    /// Returns whether the trail was upgraded (and so verifies).
    async fn upgrade_trail(&self, audit: &mut Vec<AuditEvent>) -> bool {
        let (head, head_rev, ledger) = {
            let inner = self.inner.borrow();
            (
                (inner.head_rev > 0).then(|| inner.head.clone()),
                inner.head_rev,
                inner.ledger.clone(),
            )
        };
        let mut upgraded = audit.clone();
        let Ok(new_head) = audit::rehash_v1(&mut upgraded) else {
            return false;
        };
        if audit.is_empty() || head.is_some_and(|h| audit.last().map(AuditEvent::head) != Some(h)) {
            return false;
        }
        let changed: BTreeMap<u64, AuditEvent> =
            upgraded.iter().map(|e| (e.seq, e.clone())).collect();
        let sealed = {
            let inner = self.inner.borrow();
            resealed_items(
                &self.sealer,
                audit,
                &inner.items,
                &changed,
                Reseal::NextRevision,
            )
        };
        let Ok(rewrite_audit) = sealed else {
            return false;
        };
        let batch = Batch {
            rewrite_audit,
            ..Batch::default()
        };
        // No event of its own: the same events, hashed anew, and the head moved to the new hash.
        let base = Base {
            head: &new_head,
            head_rev,
            ledger: &ledger,
        };
        let Ok(chained) = self.chain(batch, None, vec![], base, Utc::now()) else {
            return false;
        };
        if self.commit_chained(chained).await.is_err() {
            return false;
        }
        *audit = upgraded;
        true
    }

    /// What storage holds now, counted as the ledger counts it (a second read of every stored
    /// item's clear bookkeeping; only when the user accepts the vault as found).
    async fn stored_ledger(&self) -> Result<Ledger, AppError> {
        let mut ledger = Ledger::default();
        let records = self.repo.list_all().await?.items;
        let records = records
            .iter()
            .filter(|r| r.kind != KIND_AUDIT_HEAD)
            .map(|r| (r.kind.clone(), r.id.clone(), r.rev, true));
        let items = self.repo.audit_events().await?.items;
        let trail = items
            .iter()
            .map(|i| (AUDIT_ITEMS.to_string(), item_name(i), i.rev, true));
        ledger.apply_all(&self.sealer, records.chain(trail))?;
        Ok(ledger)
    }

    /// The user accepts the vault as storage holds it after unlock named what it found: an
    /// audit event records what was found (counts, nothing about anyone), and the ledger counts
    /// the vault as it is from then on. Damaged items stay damaged (and reported).
    pub async fn accept_as_found(&self, now: DateTime<Utc>) -> Result<(), AppError> {
        self.ready().await?;
        let findings = self.with_snapshot(|s| s.findings.clone());
        if findings.is_empty() {
            return Ok(());
        }
        let actual = self.stored_ledger().await?;
        let changes = findings
            .iter()
            .map(|f| {
                let (what, n) = f.code();
                FieldChange::new(what, None, Some(n))
            })
            .collect();
        let entry = Entry::new(Action::Reconciled, "vault", "integrity", changes);
        let (head, head_rev) = {
            let inner = self.inner.borrow();
            (inner.head.clone(), inner.head_rev)
        };
        let base = Base {
            head: &head,
            head_rev,
            ledger: &actual,
        };
        let chained = self.chain(Batch::default(), None, vec![entry], base, now)?;
        self.commit_chained(chained).await?;
        let mut inner = self.inner.borrow_mut();
        inner.head_state = HeadState::Current;
        inner.snapshot.findings.clear();
        Ok(())
    }

    /// Decrypts one record into the snapshot (or lists it as damaged). A record of a kind this
    /// build does not know (a newer Folio's) is checked to open and kept aside in `unknown`
    /// when it must be sealed anew.
    fn open_into(
        &self,
        sealed: &SealedRecord,
        formats: Formats,
        snapshot: &mut VaultSnapshot,
        unknown: &mut Option<&mut Vec<OpenRecord<serde_json::Value>>>,
    ) {
        let mut opening = Opening {
            sealer: &self.sealer,
            sealed,
            formats,
            snapshot,
        };
        let opened = match kinds::open_as(&sealed.kind, &mut opening) {
            Ok(true) => Ok(()),
            Ok(false) if sealed.kind == super::sync_doc::CONFLICT_KIND => {
                open_record(&self.sealer, sealed, Format::Current)
                    .map(|r| {
                        opening.snapshot.sync_conflicts.insert(r.id.clone(), r);
                    })
                    .map_err(AppError::from)
            }
            Ok(false) if sealed.kind == super::sync_chains::CHAIN_KIND => {
                open_record(&self.sealer, sealed, Format::Current)
                    .map(|r| {
                        opening.snapshot.peer_audit.insert(r.id.clone(), r);
                    })
                    .map_err(AppError::from)
            }
            Ok(false) => formats
                .open(|f| open_record::<serde_json::Value>(&self.sealer, sealed, f))
                .map(|r| {
                    if let Some(unknown) = unknown {
                        unknown.push(r);
                    }
                })
                .map_err(AppError::from),
            Err(e) => Err(e),
        };
        if opened.is_err() {
            opening.snapshot.damaged.push(Damaged {
                kind: sealed.kind.clone(),
                id: sealed.id.clone(),
            });
        }
    }
}

#[cfg(test)]
#[path = "open_tests.rs"]
mod tests;
