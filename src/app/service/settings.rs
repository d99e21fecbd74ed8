//! The vault's settings: the controller's details (the profile) and the passphrase.

use super::error::AppError;
use super::trail::Entry;
use super::types::UnlockedVault;
use super::HEADER_KEY;
use crate::domain::audit::Action;
use crate::domain::profile::{ControllerProfile, ProfileDraft};
use crate::store::{Batch, Repository};
use crate::vault::{KdfParams, Passphrase};
use chrono::{DateTime, Utc};

impl<R: Repository> UnlockedVault<R> {
    /// Saves the controller's details: validate → audit event → seal → one transaction → state.
    pub async fn save_profile(
        &self,
        draft: &ProfileDraft,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let profile = draft.validate().map_err(AppError::Invalid)?;
        let id = self.with_snapshot(|s| s.profile().map(|p| p.id.clone()));
        self.save_record::<ControllerProfile>(id.as_deref(), profile, now)
            .await
            .map(|_| ())
    }

    /// Re-wraps the data key under a new passphrase; the header and its audit event commit
    /// together.
    pub async fn change_passphrase(
        &self,
        current: &Passphrase,
        new: &Passphrase,
        kdf: KdfParams,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let header = {
            let inner = self.inner.borrow();
            // Security keys' wrappings cannot follow a new passphrase (each needs its key).
            if inner.header.is_protected() {
                return Err(crate::vault::VaultError::SecurityKeysRegistered.into());
            }
            // The current passphrase must be right, even though the vault is unlocked.
            inner.header.unlock(current)?;
            inner.header.rewrap(&self.sealer, new, kdf)?
        };
        let batch = Batch {
            meta: vec![(HEADER_KEY.to_string(), header.to_json())],
            ..Batch::default()
        };
        let changed = Entry::new(Action::PassphraseChanged, "vault", "passphrase", vec![]);
        self.commit(batch, vec![changed], now).await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.kdf = Some(header.kdf.clone());
        inner.header = header;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn updates_are_audited_field_by_field() {
        let (_, vault) = vault_with_profile();
        block_on(vault.save_profile(&draft("Jana Nováková"), t(2))).unwrap();
        let s = vault.snapshot();
        let last = s.audit.last().unwrap();
        assert_eq!(last.action, Action::Update);
        assert_eq!(last.changes.len(), 1);
        assert_eq!(last.changes[0].field, "name");
        assert_eq!(last.changes[0].before.as_deref(), Some("Jana"));
        assert_eq!(last.changes[0].after.as_deref(), Some("Jana Nováková"));
        assert_eq!(s.profile().unwrap().rev, 2);
    }

    #[test]
    fn invalid_input_is_refused_before_anything_is_written() {
        let (repo, vault) = new_vault();
        let bad = ProfileDraft {
            name: "".into(),
            ..ProfileDraft::default()
        };
        assert!(matches!(
            block_on(vault.save_profile(&bad, t(1))),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(repo.raw_audit_event_count(), 1);
    }

    #[test]
    fn change_passphrase_rewraps_in_one_step() {
        let (repo, vault) = vault_with_profile();
        let new = Passphrase::new("another long passphrase");
        assert!(matches!(
            block_on(vault.change_passphrase(
                &Passphrase::new("wrong one entirely"),
                &new,
                fast(),
                t(2)
            )),
            Err(AppError::Vault(VaultError::WrongPassphrase))
        ));
        block_on(vault.change_passphrase(&pass(), &new, fast(), t(3))).unwrap();
        assert!(block_on(unlock(repo.clone(), &pass())).is_err());
        let reopened = block_on(unlock(repo, &new)).unwrap();
        let s = reopened.snapshot();
        assert_eq!(s.profile().unwrap().data.name, "Jana");
        assert_eq!(s.audit.last().unwrap().action, Action::PassphraseChanged);
        assert_eq!(s.chain, None);
    }
}
