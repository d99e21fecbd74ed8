//! Second factors of an open vault: adding and removing security keys and making a new recovery
//! code. The cryptography is `vault::factors`'; this writes the new header with its audit event
//! in one transaction (the header travels to sync as it is). Must not import `ui`.

use super::error::AppError;
use super::open::read_header;
use super::trail::Entry;
use super::types::UnlockedVault;
use super::HEADER_KEY;
use crate::domain::audit::{Action, FieldChange};
use crate::store::{Batch, Repository};
use crate::vault::{Factor, NewKey, Passphrase, RecoveryCode, VaultError, VaultHeader};
use chrono::{DateTime, Utc};

impl<R: Repository> UnlockedVault<R> {
    /// Adds a security key; the first one returns the recovery code, to be shown once.
    pub async fn add_security_key(
        &self,
        passphrase: &Passphrase,
        new: NewKey<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<RecoveryCode>, AppError> {
        let name = new.name.trim().to_string();
        let (header, code) = {
            let inner = self.inner.borrow();
            inner
                .header
                .add_security_key(&self.sealer, passphrase, new, now)?
        };
        let change = FieldChange::new("name", None, Some(name));
        self.write_header(header, Action::SecurityKeyAdded, vec![change], now)
            .await?;
        Ok(code)
    }

    /// Removes a security key, given the passphrase and that key's answer or the recovery code.
    pub async fn remove_security_key(
        &self,
        credential_id: &str,
        passphrase: &Passphrase,
        proof: Factor<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let (header, name) = {
            let inner = self.inner.borrow();
            let name = inner
                .header
                .protection(&self.sealer)
                .keys
                .into_iter()
                .find(|k| k.credential_id == credential_id)
                .map(|k| k.name)
                .ok_or(VaultError::UnknownSecurityKey)?;
            let header =
                inner
                    .header
                    .remove_security_key(&self.sealer, credential_id, passphrase, proof)?;
            (header, name)
        };
        let change = FieldChange::new("name", Some(name), None);
        self.write_header(header, Action::SecurityKeyRemoved, vec![change], now)
            .await
    }

    /// A new recovery code; the old one opens nothing from then on.
    pub async fn new_recovery_code(
        &self,
        passphrase: &Passphrase,
        now: DateTime<Utc>,
    ) -> Result<RecoveryCode, AppError> {
        let (header, code) = {
            let inner = self.inner.borrow();
            inner
                .header
                .new_recovery_code(&self.sealer, passphrase, now)?
        };
        self.write_header(header, Action::RecoveryCodeRenewed, vec![], now)
            .await?;
        Ok(code)
    }

    /// Whether `passphrase` is the one this vault was unlocked with (before the browser is asked
    /// to register a key, so a typo does not leave a key registered for nothing).
    pub fn check_passphrase(&self, passphrase: &Passphrase) -> Result<(), AppError> {
        let inner = self.inner.borrow();
        Ok(inner.header.check_passphrase(&self.sealer, passphrase)?)
    }

    /// What the browser needs to ask for this vault's keys.
    pub fn key_requests(&self) -> Result<Vec<crate::vault::KeyRequest>, AppError> {
        Ok(self.inner.borrow().header.key_requests(&self.sealer)?)
    }

    /// The header as this vault holds it (what sync sends).
    pub fn header(&self) -> VaultHeader {
        self.inner.borrow().header.clone()
    }

    async fn write_header(
        &self,
        header: VaultHeader,
        action: Action,
        changes: Vec<FieldChange>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let batch = Batch {
            meta: vec![(HEADER_KEY.to_string(), header.to_json())],
            ..Batch::default()
        };
        let entry = Entry::new(action, "vault", "security-key", changes);
        self.commit(batch, vec![entry], now).await?;
        let mut inner = self.inner.borrow_mut();
        inner.snapshot.protection = header.protection(&self.sealer);
        inner.header = header;
        Ok(())
    }
}

/// Unlocks a vault with the passphrase and a second factor (see `open::unlock`).
pub async fn unlock_with<R: Repository>(
    repo: R,
    passphrase: &Passphrase,
    factor: Factor<'_>,
) -> Result<UnlockedVault<R>, AppError> {
    let header = read_header(&repo).await?;
    let sealer = header.unlock_with(passphrase, factor)?;
    super::open::open_with_key(repo, header, sealer).await
}

#[cfg(test)]
#[path = "security_keys_tests.rs"]
mod tests;
