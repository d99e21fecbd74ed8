//! The session's side of security keys (#24): unlocking with a key or the recovery code, and
//! adding and removing keys and making a new recovery code from Settings, each through the one
//! write door. The browser's WebAuthn calls are `app::webauthn`'s. Must not import `ui`.

use super::Session;
use crate::app::service::AppError;
use crate::app::webauthn;
use crate::vault::factors::new_prf_salt;
use crate::vault::{Factor, NewKey, Passphrase, RecoveryCode, Sealer, VaultError, VaultHeader};
use zeroize::Zeroizing;

/// Unwraps the data key of `header`: with the passphrase alone when no security key protects
/// it, else with the recovery code when one was typed, else with a key the browser asks for.
pub(super) async fn open_header(
    header: &VaultHeader,
    passphrase: &Passphrase,
    recovery: Option<&RecoveryCode>,
) -> Result<Sealer, AppError> {
    if !header.is_protected() {
        return Ok(header.unlock(passphrase)?);
    }
    if let Some(code) = recovery {
        return Ok(header.unlock_with(passphrase, Factor::Recovery(code))?);
    }
    // The passphrase first: a wrong one is named before the browser asks for a key.
    let opening = header.begin(passphrase)?;
    let answer = webauthn::ask(&opening.key_requests()).await?;
    Ok(opening.finish(header, Factor::Key(&answer))?)
}

impl Session {
    /// Registers a new security key named `name` (after checking the passphrase), asks it for
    /// its secret, and wraps the data key for it. The first key returns the recovery code as
    /// it is shown, once.
    pub async fn add_security_key(
        self,
        name: String,
        passphrase: Passphrase,
    ) -> Result<Option<Zeroizing<String>>, AppError> {
        self.write(|v, now| async move {
            let name = name.trim().to_string();
            if name.is_empty() || name.chars().count() > crate::vault::factors::MAX_KEY_NAME_CHARS {
                return Err(VaultError::BadKeyName.into());
            }
            v.check_passphrase(&passphrase)?;
            let exclude: Vec<Vec<u8>> = v
                .key_requests()?
                .into_iter()
                .map(|k| k.credential_id)
                .collect();
            let salt = new_prf_salt()?;
            let (id, answer) = webauthn::register(&name, &salt, &exclude).await?;
            // Most browsers evaluate the PRF only when the key is used: ask it once now.
            let answer = match answer {
                Some(a) => a,
                None => {
                    let request = crate::vault::KeyRequest {
                        credential_id: id,
                        prf_salt: salt.to_vec(),
                    };
                    webauthn::ask(std::slice::from_ref(&request)).await?
                }
            };
            let new = NewKey {
                name: &name,
                prf_salt: &salt,
                answer: &answer,
            };
            let code = v.add_security_key(&passphrase, new, now).await?;
            Ok(code.map(|c| c.grouped()))
        })
        .await
    }

    /// Removes a security key, given the passphrase and the recovery code as typed, or (None)
    /// that key, which the browser asks for.
    pub async fn remove_security_key(
        self,
        credential_id: String,
        passphrase: Passphrase,
        recovery: Option<String>,
    ) -> Result<(), AppError> {
        self.write(|v, now| async move {
            match recovery {
                Some(text) => {
                    let code = RecoveryCode::parse(&text).ok_or(VaultError::NotARecoveryCode)?;
                    v.remove_security_key(&credential_id, &passphrase, Factor::Recovery(&code), now)
                        .await
                }
                None => {
                    let request: Vec<_> = v
                        .key_requests()?
                        .into_iter()
                        .filter(|k| crate::vault::factors::b64(&k.credential_id) == credential_id)
                        .collect();
                    if request.is_empty() {
                        return Err(VaultError::UnknownSecurityKey.into());
                    }
                    let answer = webauthn::ask(&request).await?;
                    v.remove_security_key(&credential_id, &passphrase, Factor::Key(&answer), now)
                        .await
                }
            }
        })
        .await
    }

    /// A new recovery code (the old one stops working), as it is shown, once.
    pub async fn new_recovery_code(
        self,
        passphrase: Passphrase,
    ) -> Result<Zeroizing<String>, AppError> {
        self.write(|v, now| async move {
            let code = v.new_recovery_code(&passphrase, now).await?;
            Ok(code.grouped())
        })
        .await
    }
}
