//! The one place that turns errors into words for the user.

use super::AppError;
use crate::store::StoreError;
use crate::vault::VaultError;

/// A sentence for the user about what went wrong and what to do.
pub fn describe(error: &AppError) -> String {
    match error {
        AppError::Vault(VaultError::WrongPassphrase) => {
            "That is the wrong passphrase. Nothing was changed; try again.".to_string()
        }
        AppError::Vault(VaultError::UnsupportedFormat(_)) => {
            "This vault was made by a newer version of Folio. Reload the page to get the newest version.".to_string()
        }
        AppError::Vault(VaultError::BadHeader(_)) => {
            "The vault's header is damaged, so it cannot be unlocked. Restore it from a backup.".to_string()
        }
        AppError::Vault(VaultError::CouldNotDecrypt) => "This record could not be decrypted.".to_string(),
        AppError::Vault(e) => format!("The vault could not do that: {e}."),
        AppError::Store(StoreError::Conflict { .. }) | AppError::Store(StoreError::AuditConflict(_)) => {
            "This was changed elsewhere (probably in another tab) since you opened it. Nothing was saved: lock and unlock to see the newest version, then try again.".to_string()
        }
        AppError::Store(StoreError::QuotaExceeded) => {
            "The browser's storage for this site is full. Nothing was saved. Free some space (or export and clean up), then try again.".to_string()
        }
        AppError::Store(StoreError::Unavailable(why)) => format!(
            "This browser does not let Folio store data ({why}). Private windows and blocked site data prevent it; open Folio in a normal window."
        ),
        AppError::Store(StoreError::Aborted) => {
            "The browser cancelled the save (its storage may be full). Nothing was saved.".to_string()
        }
        AppError::Store(e) => format!("Saving failed: {e}. Nothing was saved."),
        AppError::NoVault => "There is no vault in this browser yet.".to_string(),
        AppError::VaultExists => "A vault exists in this browser already: unlock it instead.".to_string(),
        AppError::Invalid(errors) => format!(
            "{} field{} need{} attention.",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            if errors.len() == 1 { "s" } else { "" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wrong_passphrase_message_says_so() {
        let text = describe(&AppError::Vault(VaultError::WrongPassphrase));
        assert!(text.contains("wrong passphrase"));
        assert!(text.contains("Nothing was changed"));
    }

    #[test]
    fn conflicts_never_claim_a_save() {
        let text = describe(&AppError::Store(StoreError::Conflict { id: "x".into() }));
        assert!(text.contains("Nothing was saved"));
    }
}
