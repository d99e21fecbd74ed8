//! Opening a vault: creating one, unlocking it (the passphrase unwraps the sealer), and loading
//! what it holds in two stages — what the first screens need, then the rest and the audit trail
//! with its verification — reporting every stored item that does not open as damaged.

use super::error::AppError;
use super::kinds::{self, OpenAs, RecordKind};
use super::trail::{
    block_ranges, item_name, open_audit, open_record, resealed_items, Entry, AUDIT_KIND,
    KIND_AUDIT_HEAD,
};
use super::types::{Damaged, Inner, OpenRecord, UnlockedVault, VaultSnapshot};
use super::HEADER_KEY;
use crate::domain::audit::{self, Action, AuditEvent, ChainHead};
use crate::domain::Id;
use crate::store::{Batch, Repository, SealedRecord};
use crate::vault::{KdfParams, Passphrase, Sealer, VaultError, VaultHeader};
use chrono::{DateTime, Utc};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Records and events decrypted between two pauses of `load_rest`.
const LOAD_CHUNK: usize = 2_000;

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
    let vault_id = Id::new().map_err(|_| VaultError::NoRandomness)?.to_string();
    let meta = vec![(HEADER_KEY.to_string(), header.to_json())];
    let kdf = header.kdf.clone();
    let vault = UnlockedVault {
        repo,
        sealer,
        inner: RefCell::new(Inner::new(header)),
    };
    {
        let mut inner = vault.inner.borrow_mut();
        inner.snapshot.kdf = Some(kdf);
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
    snapshot: &'a mut VaultSnapshot,
}

impl OpenAs for Opening<'_> {
    fn open<K: RecordKind>(&mut self) -> Result<(), AppError> {
        let record: OpenRecord<K> = open_record(self.sealer, self.sealed)?;
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

impl<R: Repository> UnlockedVault<R> {
    /// Reads and decrypts everything again from storage.
    pub async fn reload(&self) -> Result<(), AppError> {
        self.load_first().await?;
        self.load_rest(|| async { true }).await
    }

    /// Stage one: the kinds the first screens need, and the sealed chain head.
    async fn load_first(&self) -> Result<(), AppError> {
        let mut snapshot = VaultSnapshot::default();
        let mut head: Option<OpenRecord<ChainHead>> = None;
        let mut wanted = kinds::first_kinds();
        wanted.push(KIND_AUDIT_HEAD);
        // The kinds are read together (the browser reads them side by side), then opened.
        let lists = futures_util::future::try_join_all(wanted.iter().map(|k| self.repo.list(k)));
        for sealed in lists.await?.iter().flatten() {
            self.open_into(sealed, &mut snapshot, &mut head);
        }
        let mut inner = self.inner.borrow_mut();
        snapshot.kdf = Some(inner.header.kdf.clone());
        inner.head = head
            .as_ref()
            .map(|h| h.data.clone())
            .unwrap_or_else(ChainHead::genesis);
        inner.head_rev = head.map(|h| h.rev).unwrap_or(0);
        inner.snapshot = snapshot;
        Ok(())
    }

    /// Stage two: activities, records of other kinds, the audit trail and its verification,
    /// decrypted `LOAD_CHUNK` at a time with `pause` awaited between chunks (the page stays
    /// responsive). `pause` answering false stops loading (the vault was locked meanwhile).
    pub async fn load_rest<F, P>(&self, mut pause: P) -> Result<(), AppError>
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = bool>,
    {
        if self.is_complete() {
            return Ok(());
        }
        let first = kinds::first_kinds();
        let records: Vec<SealedRecord> = self
            .repo
            .list_all()
            .await?
            .into_iter()
            .filter(|r| r.kind != KIND_AUDIT_HEAD && !first.contains(&r.kind.as_str()))
            .collect();
        let mut rest = VaultSnapshot::default();
        let mut no_head = None;
        for chunk in records.chunks(LOAD_CHUNK) {
            for sealed in chunk {
                self.open_into(sealed, &mut rest, &mut no_head);
            }
            if !pause().await {
                return Err(AppError::Cancelled);
            }
        }
        drop(records);
        // The trail is read about `LOAD_CHUNK` events at a time, so its ciphertext never sits in
        // memory whole.
        let mut audit = Vec::new();
        let mut blocks = BTreeMap::new();
        let mut after = 0;
        loop {
            let chunk = self
                .repo
                .audit_items_after(after, LOAD_CHUNK as u32)
                .await?;
            let Some(last) = chunk.last() else { break };
            after = last.last;
            blocks.extend(block_ranges(&chunk));
            for sealed in &chunk {
                match open_audit(&self.sealer, sealed) {
                    Ok(events) => audit.extend(events),
                    Err(_) => rest.damaged.push(Damaged {
                        kind: AUDIT_KIND.to_string(),
                        id: item_name(sealed),
                    }),
                }
            }
            if !pause().await {
                return Err(AppError::Cancelled);
            }
        }
        audit.sort_by_key(|e| e.seq);
        self.inner.borrow_mut().blocks = blocks;
        let mut chain = {
            let inner = self.inner.borrow();
            let sealed_head = (inner.head_rev > 0).then(|| inner.head.clone());
            audit::verify_chain(&audit, sealed_head.as_ref()).err()
        };
        if chain.is_some() && self.upgrade_trail(&mut audit).await {
            chain = None;
        }
        let mut inner = self.inner.borrow_mut();
        let sealed_head = (inner.head_rev > 0).then(|| inner.head.clone());
        // New events extend the newest head we know, whether or not the chain verified.
        if let Some(last) = audit.last().map(AuditEvent::head) {
            if sealed_head.as_ref().is_none_or(|h| last.seq > h.seq) {
                inner.head = last;
            }
        }
        let snapshot = &mut inner.snapshot;
        kinds::each_kind(&mut TakeRest {
            from: &mut rest,
            into: snapshot,
        })?;
        snapshot.damaged.extend(rest.damaged);
        snapshot.audit = audit;
        snapshot.chain = chain;
        snapshot.complete = true;
        Ok(())
    }

    /// A trail written before the audit hash covered each change's digest (what export format
    /// version 1 calls its hashing) is verified as it was hashed, up to the sealed head, then
    /// hashed anew and stored, once. A trail that verifies neither way is left as it is (and
    /// reported); so is one whose rewrite fails (it is tried again at the next unlock).
    /// Returns whether the trail was upgraded (and so verifies).
    async fn upgrade_trail(&self, audit: &mut Vec<AuditEvent>) -> bool {
        let (head, head_rev) = {
            let inner = self.inner.borrow();
            (
                (inner.head_rev > 0).then(|| inner.head.clone()),
                inner.head_rev,
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
        let sealed = resealed_items(&self.sealer, audit, &self.inner.borrow().blocks, &changed);
        let Ok(rewrite_audit) = sealed else {
            return false;
        };
        let batch = Batch {
            rewrite_audit,
            ..Batch::default()
        };
        // No event of its own: the same events, hashed anew, and the head moved to the new hash.
        let Ok(chained) = self.chain(batch, None, vec![], (&new_head, head_rev), Utc::now()) else {
            return false;
        };
        if self.commit_chained(chained).await.is_err() {
            return false;
        }
        *audit = upgraded;
        true
    }

    /// Decrypts one record into the snapshot (or lists it as damaged).
    fn open_into(
        &self,
        sealed: &SealedRecord,
        snapshot: &mut VaultSnapshot,
        head: &mut Option<OpenRecord<ChainHead>>,
    ) {
        let opened = if sealed.kind == KIND_AUDIT_HEAD {
            open_record(&self.sealer, sealed)
                .map(|r| *head = Some(r))
                .map_err(AppError::from)
        } else {
            let mut opening = Opening {
                sealer: &self.sealer,
                sealed,
                snapshot,
            };
            match kinds::open_as(&sealed.kind, &mut opening) {
                Ok(true) => Ok(()),
                // Kinds of a newer Folio: kept untouched, but checked to open.
                Ok(false) => open_record::<serde_json::Value>(&self.sealer, sealed)
                    .map(|_| ())
                    .map_err(AppError::from),
                Err(e) => Err(e),
            }
        };
        if opened.is_err() {
            snapshot.damaged.push(Damaged {
                kind: sealed.kind.clone(),
                id: sealed.id.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn create_then_unlock_restores_everything() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana Nováková"), t(1))).unwrap();
        drop(vault);
        let vault = block_on(unlock(repo.clone(), &pass())).unwrap();
        let s = vault.snapshot();
        assert_eq!(s.profile().unwrap().data.name, "Jana Nováková");
        assert_eq!(s.audit.len(), 2);
        assert_eq!(s.chain, None);
        assert!(s.damaged.is_empty());
    }

    #[test]
    fn a_second_vault_is_refused() {
        let repo = MemoryRepository::new();
        block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        assert!(matches!(
            block_on(create_vault(repo, &pass(), fast(), t(0))),
            Err(AppError::VaultExists)
        ));
    }

    #[test]
    fn wrong_passphrase_changes_nothing() {
        let repo = MemoryRepository::new();
        block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let before = (repo.raw_records(), repo.raw_audit());
        assert!(matches!(
            block_on(unlock(repo.clone(), &Passphrase::new("not the passphrase"))),
            Err(AppError::Vault(VaultError::WrongPassphrase))
        ));
        assert_eq!((repo.raw_records(), repo.raw_audit()), before);
    }

    #[test]
    fn damaged_records_are_reported_and_the_rest_opens() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        let mut profile = repo
            .raw_records()
            .into_iter()
            .find(|r| r.kind == KIND_PROFILE)
            .unwrap();
        profile.ciphertext[3] ^= 0x01;
        repo.raw_put(profile.clone());
        let reopened = block_on(unlock(repo.clone(), &pass())).unwrap();
        let s = reopened.snapshot();
        assert_eq!(s.profile(), None, "a damaged record is never shown");
        assert_eq!(
            s.damaged,
            vec![Damaged {
                kind: KIND_PROFILE.into(),
                id: profile.id.clone()
            }]
        );
        assert_eq!(s.audit.len(), 2, "the rest of the vault opened");
    }

    #[test]
    fn a_record_moved_onto_another_id_does_not_open() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        let mut copy = repo
            .raw_records()
            .into_iter()
            .find(|r| r.kind == KIND_PROFILE)
            .unwrap();
        copy.id = "00000000-0000-4000-8000-000000000000".into();
        repo.raw_put(copy.clone());
        let s = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert!(s.damaged.iter().any(|d| d.id == copy.id));
    }

    #[test]
    fn unlock_shows_contacts_first_and_the_rest_after_pauses() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        let counts = crate::app::generator::Counts {
            organisations: 3,
            contacts: 30,
            activities: 4_500,
            consents: 0,
            deals: 0,
        };
        block_on(crate::app::generator::populate(&vault, 1, counts, t(1))).unwrap();
        let full = vault.snapshot();
        drop(vault);

        let header = block_on(read_header(&repo)).unwrap();
        let key = header.unlock(&pass()).unwrap();
        let vault = block_on(open_first(repo.clone(), header, key)).unwrap();
        let first = vault.snapshot();
        assert!(!first.complete && !vault.is_complete());
        assert_eq!(first.contacts, full.contacts);
        assert_eq!(first.organisations, full.organisations);
        assert!(first.activities.is_empty() && first.audit.is_empty());

        // A pause that says "locked" stops loading; nothing half-loaded is shown as complete.
        let stopped = block_on(vault.load_rest(|| async { false }));
        assert!(stopped.is_err());
        assert!(!vault.is_complete());

        let mut pauses = 0;
        block_on(vault.load_rest(|| {
            pauses += 1;
            async { true }
        }))
        .unwrap();
        // 4,500 activities and 4,534 audit events, 2,000 per chunk: 3 + 3 pauses.
        assert_eq!(pauses, 6);
        let rest = vault.snapshot();
        assert!(rest.complete);
        assert_eq!(rest.activities, full.activities);
        assert_eq!(rest.audit, full.audit);
        assert_eq!(rest.chain, None);
        // Writes after loading extend the chain that was read.
        let id = block_on(vault.save_contact(None, &contact("Eva", "Nová"), t(2))).unwrap();
        let again = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(again.chain, None);
        assert!(again.contacts.contains_key(&id));
        assert_eq!(again.audit.len(), full.audit.len() + 1);
    }

    #[test]
    fn a_trail_hashed_the_old_way_is_upgraded_once_on_unlock() {
        let repo = MemoryRepository::new();
        let vault = block_on(create_vault(repo.clone(), &pass(), fast(), t(0))).unwrap();
        block_on(vault.save_profile(&draft("Jana"), t(1))).unwrap();
        block_on(vault.save_profile(&draft("Jana N."), t(2))).unwrap();
        // Re-seal the stored trail and head as builds before the digest hashing wrote them.
        let mut head = ChainHead::genesis();
        for sealed in repo.raw_audit() {
            let [mut e] = open_audit(&vault.sealer, &sealed)
                .unwrap()
                .try_into()
                .unwrap();
            e.prev_hash = head.hash.clone();
            e.hash = e.compute_hash_v1();
            head = e.head();
            repo.raw_put_audit(seal_audit_block(&vault.sealer, std::slice::from_ref(&e)).unwrap());
        }
        let head_rev = vault.inner.borrow().head_rev;
        let (record, _) = sealed_head(&vault.sealer, head_rev - 1, head, t(2)).unwrap();
        repo.raw_put(record);
        let reopened = block_on(unlock(repo.clone(), &pass())).unwrap();
        let s = reopened.snapshot();
        assert_eq!(s.chain, None, "upgraded, and it verifies");
        assert_eq!(s.audit.len(), 3);
        block_on(reopened.save_profile(&draft("Jana Nováková"), t(3))).unwrap();
        let again = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(again.chain, None);
        assert_eq!(again.audit.len(), 4);
        // An old-style trail that was tampered with is not upgraded: it still fails.
        let mut events: Vec<AuditEvent> = repo
            .raw_audit()
            .iter()
            .flat_map(|e| open_audit(&vault.sealer, e).unwrap())
            .collect();
        events[1].changes[0].after = Some("forged".into());
        repo.raw_put_audit(
            seal_audit_block(&vault.sealer, std::slice::from_ref(&events[1])).unwrap(),
        );
        let forged = block_on(unlock(repo, &pass())).unwrap().snapshot();
        assert_eq!(forged.chain, Some(ChainError::Altered(2)));
    }
}
