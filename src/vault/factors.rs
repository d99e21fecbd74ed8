//! Second factors: security keys (WebAuthn PRF) and the recovery code. Once a key is added, the
//! data key is wrapped only under keys derived by HKDF-SHA256 from the passphrase's Argon2id
//! output together with a key's PRF output (one wrapping per key) or with the recovery code
//! (one wrapping): the passphrase alone opens nothing. The keys' list (credential ids, names,
//! dates, PRF salts and their wrappings) is itself sealed under a key derived from the
//! passphrase, so storage shows nothing about the keys; unlocking derives the passphrase's key
//! first (`begin`), which says a wrong passphrase at once and names the keys to ask the
//! browser for, then unwraps with the key's answer (`finish`). Pure cryptography on the
//! header; the browser's WebAuthn calls live in `app`, which hands in the PRF output as bytes.
//! Must not import `store`, `app` or `ui`.
//!
//! ```text
//! passphrase ──Argon2id──▶ P ─┬─HKDF─▶ K_list ──seals──▶ the keys' list (ids, names, salts)
//! key i's PRF(salt i) ────────┼─HKDF─▶ K_i ──wraps──▶ data key ──seals──▶ records
//! recovery code ──────────────┴─HKDF─▶ K_r ──wraps──▶ data key
//! ```

use super::seal::{Address, Plaintext, FORMAT_VERSION};
use super::wrap::{from_hex, key_of, open_under, seal_hex, wrap_key};
use super::{Key, Passphrase, Sealer, VaultError, VaultHeader};
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// The most security keys one vault holds.
pub const MAX_SECURITY_KEYS: usize = 16;
/// The longest name of a security key, in characters.
pub const MAX_KEY_NAME_CHARS: usize = 64;
/// The longest credential id WebAuthn allows, in bytes.
const MAX_CREDENTIAL_ID_BYTES: usize = 1023;
/// The recovery code's random bytes: 160 bits, 32 Crockford base32 characters.
const RECOVERY_BYTES: usize = 20;
const RECOVERY_CHARS: usize = 32;
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const KEY_WRAP_ADDRESS: Address<'static> = Address {
    store: "meta",
    kind: "vault-header",
    id: "security-key",
    rev: 0,
};
const KEY_LIST_ADDRESS: Address<'static> = Address {
    store: "meta",
    kind: "vault-header",
    id: "security-key-list",
    rev: 0,
};
/// The largest sealed list of keys read from a header, in hex characters.
const MAX_SEALED_LIST_CHARS: usize = 256 * 1024;
const RECOVERY_WRAP_ADDRESS: Address<'static> = Address {
    store: "meta",
    kind: "vault-header",
    id: "recovery-code",
    rev: 0,
};

/// The data key wrapped for one security key, with what the browser needs to ask that key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyWrapping {
    /// The WebAuthn credential id, base64url without padding.
    pub credential_id: String,
    pub name: String,
    pub added: DateTime<Utc>,
    /// The 32 random bytes the key's PRF is evaluated on, base64url without padding.
    pub prf_salt: String,
    pub nonce: String,
    pub wrapped: String,
}

/// The list of security keys, sealed under HKDF(passphrase key, "security key list").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedKeys {
    pub nonce: String,
    pub sealed: String,
}

/// A protected vault's header opened with the passphrase: the passphrase's key and the keys'
/// list, ready for a key's answer or the recovery code. The key is wiped on drop.
pub struct Opening {
    kek: Key,
    keys: Vec<KeyWrapping>,
}

impl std::fmt::Debug for Opening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opening(…)")
    }
}

/// The data key wrapped for the recovery code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryWrapping {
    pub made: DateTime<Utc>,
    pub nonce: String,
    pub wrapped: String,
}

/// What a security key answered: its credential id and its PRF output (32 bytes, wiped on
/// drop, never printed).
pub struct KeyAnswer {
    pub credential_id: Vec<u8>,
    prf: Zeroizing<[u8; 32]>,
}

impl KeyAnswer {
    /// A key's answer; `None` when the PRF output is not 32 bytes.
    pub fn new(credential_id: Vec<u8>, prf_output: &[u8]) -> Option<Self> {
        let prf: [u8; 32] = prf_output.try_into().ok()?;
        Some(Self {
            credential_id,
            prf: Zeroizing::new(prf),
        })
    }
}

impl std::fmt::Debug for KeyAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyAnswer(…)")
    }
}

/// A recovery code: 160 random bits, shown once as eight groups of four Crockford base32
/// characters. Wiped on drop, never printed by `Debug`.
pub struct RecoveryCode(Zeroizing<[u8; RECOVERY_BYTES]>);

impl RecoveryCode {
    fn random() -> Result<Self, VaultError> {
        let mut bytes = Zeroizing::new([0u8; RECOVERY_BYTES]);
        super::random_bytes(bytes.as_mut())?;
        Ok(Self(bytes))
    }

    /// The code as a person copies it down: "7K3M-Q9TZ-…" (8 groups of 4).
    pub fn grouped(&self) -> Zeroizing<String> {
        let mut chars = Zeroizing::new(String::with_capacity(RECOVERY_CHARS + 7));
        let mut acc: u32 = 0;
        let mut bits = 0;
        let mut n = 0;
        for byte in self.0.iter() {
            acc = (acc << 8) | u32::from(*byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                if n > 0 && n % 4 == 0 {
                    chars.push('-');
                }
                chars.push(char::from(CROCKFORD[((acc >> bits) & 31) as usize]));
                n += 1;
            }
            acc &= (1 << bits) - 1;
        }
        chars
    }

    /// Reads a typed code: case, spaces and hyphens do not matter, and O, I and L are read as
    /// 0, 1 and 1 (Crockford). `None` when it is not a code of the right length.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() > 200 {
            return None;
        }
        let mut bytes = Zeroizing::new([0u8; RECOVERY_BYTES]);
        let mut acc: u32 = 0;
        let mut bits = 0;
        let mut n = 0;
        let mut out = 0;
        for c in text.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let value = CROCKFORD.iter().position(|&a| char::from(a) == c)? as u32;
            n += 1;
            if n > RECOVERY_CHARS {
                return None;
            }
            acc = (acc << 5) | value;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                *bytes.get_mut(out)? = ((acc >> bits) & 0xff) as u8;
                out += 1;
                acc &= (1 << bits) - 1;
            }
        }
        (n == RECOVERY_CHARS && out == RECOVERY_BYTES).then_some(Self(bytes))
    }
}

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

/// The second factor given with the passphrase.
#[derive(Debug)]
pub enum Factor<'a> {
    Key(&'a KeyAnswer),
    Recovery(&'a RecoveryCode),
}

/// A new security key to add: its credential id, the name the user gave, the salt its PRF was
/// evaluated on and the answer.
pub struct NewKey<'a> {
    pub name: &'a str,
    pub prf_salt: &'a [u8; 32],
    pub answer: &'a KeyAnswer,
}

/// What the Settings page lists of a security key (no secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyInfo {
    pub credential_id: String,
    pub name: String,
    pub added: DateTime<Utc>,
}

/// Which factors protect a vault, as Settings and About show them (no secret).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Protection {
    pub keys: Vec<KeyInfo>,
    pub recovery_code: bool,
}

/// What the browser needs to ask a registered key: its credential id and its PRF salt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRequest {
    pub credential_id: Vec<u8>,
    pub prf_salt: Vec<u8>,
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn unb64(text: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .ok()
}

/// A fresh random PRF salt for a new key.
pub fn new_prf_salt() -> Result<[u8; 32], VaultError> {
    let mut salt = [0u8; 32];
    super::random_bytes(&mut salt)?;
    Ok(salt)
}

/// HKDF-SHA256 over (the passphrase's Argon2id output ‖ the factor's secret), with a label
/// that names the factor (and, for a key, its credential id).
fn factor_key(passphrase_key: &Key, factor: &Factor<'_>) -> Key {
    let mut ikm = Zeroizing::new(Vec::with_capacity(64));
    ikm.extend_from_slice(passphrase_key.expose());
    let mut info = Vec::new();
    match factor {
        Factor::Key(answer) => {
            ikm.extend_from_slice(answer.prf.as_ref());
            info.extend_from_slice(b"folio security key v1\0");
            info.extend_from_slice(&answer.credential_id);
        }
        Factor::Recovery(code) => {
            ikm.extend_from_slice(code.0.as_ref());
            info.extend_from_slice(b"folio recovery code v1");
        }
    }
    let mut okm = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA256's limit of 8160: expand cannot fail.
    let _ = hkdf::Hkdf::<sha2::Sha256>::new(Some(b"folio vault factors"), &ikm)
        .expand(&info, okm.as_mut());
    Key::from_bytes(*okm)
}

/// Unwraps a data key; a key that does not open it is `wrong`.
fn unwrap_under(
    kek: &Key,
    address: Address<'_>,
    nonce: &str,
    wrapped: &str,
    wrong: VaultError,
) -> Result<Key, VaultError> {
    let (nonce, ciphertext) = from_hex(
        nonce,
        wrapped,
        ["a wrapping's nonce is damaged", "a wrapped key is damaged"],
    )?;
    let plain = open_under(
        kek,
        address,
        (&nonce, &ciphertext),
        &[FORMAT_VERSION],
        wrong,
    )?;
    key_of(&plain)
}

/// HKDF-SHA256 of the passphrase's key alone, for sealing the keys' list.
fn list_key(passphrase_key: &Key) -> Key {
    let mut okm = Zeroizing::new([0u8; 32]);
    let _ = hkdf::Hkdf::<sha2::Sha256>::new(Some(b"folio vault factors"), passphrase_key.expose())
        .expand(b"folio security key list v1", okm.as_mut());
    Key::from_bytes(*okm)
}

/// Checks a list of keys opened from a header (it is not trusted).
fn check_list(keys: &[KeyWrapping]) -> Result<(), VaultError> {
    let bad = |why: &str| Err(VaultError::BadHeader(why.into()));
    if keys.is_empty() || keys.len() > MAX_SECURITY_KEYS {
        return bad("the list of security keys is empty or too long");
    }
    for k in keys {
        if k.name.chars().count() > MAX_KEY_NAME_CHARS {
            return bad("a security key's name is too long");
        }
        match unb64(&k.credential_id) {
            Some(id) if !id.is_empty() && id.len() <= MAX_CREDENTIAL_ID_BYTES => {}
            _ => return bad("a security key's id is damaged"),
        }
        if unb64(&k.prf_salt).map(|s| s.len()) != Some(32) {
            return bad("a security key's salt is damaged");
        }
    }
    Ok(())
}

impl Opening {
    /// What the browser needs to ask for any of the vault's keys.
    pub fn key_requests(&self) -> Vec<KeyRequest> {
        requests(&self.keys)
    }

    /// Unwraps the data key with a key's answer or the recovery code. A key that is not one of
    /// this vault's, or answers wrongly, is `UnknownSecurityKey`; a wrong code is
    /// `WrongRecoveryCode` (the passphrase was checked already).
    pub fn finish(self, header: &VaultHeader, factor: Factor<'_>) -> Result<Sealer, VaultError> {
        let data_key = open_factor(header, &self.keys, &self.kek, &factor)?;
        Ok(Sealer::new(data_key).remembering(self.kek))
    }
}

fn requests(keys: &[KeyWrapping]) -> Vec<KeyRequest> {
    keys.iter()
        .filter_map(|k| {
            Some(KeyRequest {
                credential_id: unb64(&k.credential_id)?,
                prf_salt: unb64(&k.prf_salt)?,
            })
        })
        .collect()
}

fn infos(keys: &[KeyWrapping]) -> Vec<KeyInfo> {
    keys.iter()
        .map(|k| KeyInfo {
            credential_id: k.credential_id.clone(),
            name: k.name.clone(),
            added: k.added,
        })
        .collect()
}

/// Unwraps the data key from the wrapping `factor` names, with the passphrase's key `kek`.
fn open_factor(
    header: &VaultHeader,
    keys: &[KeyWrapping],
    kek: &Key,
    factor: &Factor<'_>,
) -> Result<Key, VaultError> {
    let (nonce, wrapped, address, wrong) = match factor {
        Factor::Key(answer) => {
            let id = b64(&answer.credential_id);
            let k = keys
                .iter()
                .find(|k| k.credential_id == id)
                .ok_or(VaultError::UnknownSecurityKey)?;
            (
                k.nonce.as_str(),
                k.wrapped.as_str(),
                KEY_WRAP_ADDRESS,
                VaultError::UnknownSecurityKey,
            )
        }
        Factor::Recovery(_) => {
            let r = header
                .recovery
                .as_ref()
                .ok_or(VaultError::WrongRecoveryCode)?;
            (
                r.nonce.as_str(),
                r.wrapped.as_str(),
                RECOVERY_WRAP_ADDRESS,
                VaultError::WrongRecoveryCode,
            )
        }
    };
    unwrap_under(&factor_key(kek, factor), address, nonce, wrapped, wrong)
}

impl VaultHeader {
    /// Whether security keys protect this vault (the passphrase alone opens nothing).
    pub fn is_protected(&self) -> bool {
        self.security_keys.is_some()
    }

    /// Whether a recovery code can open this vault (with the passphrase).
    pub fn has_recovery_code(&self) -> bool {
        self.recovery.is_some()
    }

    /// The keys' list, opened with the passphrase's key (empty when no key protects the vault).
    /// A key that does not open it means a wrong passphrase.
    fn open_keys(&self, kek: &Key) -> Result<Vec<KeyWrapping>, VaultError> {
        let Some(sealed) = &self.security_keys else {
            return Ok(Vec::new());
        };
        let (nonce, ciphertext) = from_hex(
            &sealed.nonce,
            &sealed.sealed,
            ["the key list's nonce is damaged", "the key list is damaged"],
        )?;
        let plain = open_under(
            &list_key(kek),
            KEY_LIST_ADDRESS,
            (&nonce, &ciphertext),
            &[FORMAT_VERSION],
            VaultError::WrongPassphrase,
        )?;
        let keys: Vec<KeyWrapping> = plain
            .to_json()
            .map_err(|_| VaultError::BadHeader("the key list cannot be read".into()))?;
        check_list(&keys)?;
        Ok(keys)
    }

    /// This header with `keys` sealed as its list (none: no key protects it).
    fn with_keys(&self, kek: &Key, keys: &[KeyWrapping]) -> Result<Self, VaultError> {
        let mut header = self.clone();
        header.security_keys = if keys.is_empty() {
            None
        } else {
            let (nonce, sealed) = seal_hex(
                &list_key(kek),
                KEY_LIST_ADDRESS,
                &Plaintext::from_json(keys)?,
            )?;
            Some(SealedKeys { nonce, sealed })
        };
        Ok(header)
    }

    /// Which factors protect this vault, as the open vault (whose sealer remembers the
    /// passphrase's key) shows them.
    pub fn protection(&self, sealer: &Sealer) -> Protection {
        let keys = sealer
            .with_both(|_, kek| self.open_keys(kek))
            .unwrap_or_default();
        Protection {
            keys: infos(&keys),
            recovery_code: self.has_recovery_code(),
        }
    }

    /// What the browser needs to ask for the open vault's keys.
    pub fn key_requests(&self, sealer: &Sealer) -> Result<Vec<KeyRequest>, VaultError> {
        sealer.with_both(|_, kek| Ok(requests(&self.open_keys(kek)?)))
    }

    /// The sealed parts are within bounds (a header from sync or storage is not trusted).
    pub(super) fn check_factors(&self) -> Result<(), VaultError> {
        if let Some(sealed) = &self.security_keys {
            if sealed.sealed.len() > MAX_SEALED_LIST_CHARS {
                return Err(VaultError::BadHeader("the key list is too long".into()));
            }
            if self.recovery.is_none() {
                return Err(VaultError::BadHeader(
                    "the recovery code's wrapping is missing".into(),
                ));
            }
        }
        Ok(())
    }

    /// The first step of unlocking a protected vault: derives the passphrase's key and opens
    /// the keys' list (a wrong passphrase says so here, before any key is asked for).
    pub fn begin(&self, passphrase: &Passphrase) -> Result<Opening, VaultError> {
        if self.format > super::header::HEADER_FORMAT {
            return Err(VaultError::UnsupportedFormat(self.format));
        }
        if !self.is_protected() {
            return Err(VaultError::NoSecurityKeys);
        }
        let kek = self.kdf.derive(passphrase)?;
        let keys = self.open_keys(&kek)?;
        Ok(Opening { kek, keys })
    }

    /// Unlocks with the passphrase and a second factor (`begin` then `finish`); a vault without
    /// keys opens with the passphrase alone.
    pub fn unlock_with(
        &self,
        passphrase: &Passphrase,
        factor: Factor<'_>,
    ) -> Result<Sealer, VaultError> {
        if !self.is_protected() {
            return self.unlock(passphrase);
        }
        self.begin(passphrase)?.finish(self, factor)
    }

    /// The passphrase typed again is the one this vault was unlocked with.
    pub fn check_passphrase(
        &self,
        sealer: &Sealer,
        passphrase: &Passphrase,
    ) -> Result<(), VaultError> {
        let typed = self.kdf.derive(passphrase)?;
        sealer.with_both(|_, remembered| {
            if *remembered == typed {
                Ok(())
            } else {
                Err(VaultError::WrongPassphrase)
            }
        })
    }

    /// Adds a security key (after the passphrase typed again is checked). The first key turns
    /// the vault's protection on: the passphrase-only wrapping goes, and a recovery code is made
    /// and returned, to be shown once.
    pub fn add_security_key(
        &self,
        sealer: &Sealer,
        passphrase: &Passphrase,
        new: NewKey<'_>,
        now: DateTime<Utc>,
    ) -> Result<(Self, Option<RecoveryCode>), VaultError> {
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > MAX_KEY_NAME_CHARS {
            return Err(VaultError::BadKeyName);
        }
        self.check_passphrase(sealer, passphrase)?;
        let (mut header, code) = sealer.with_both(|data_key, kek| {
            let mut keys = self.open_keys(kek)?;
            if keys.len() >= MAX_SECURITY_KEYS {
                return Err(VaultError::TooManySecurityKeys);
            }
            let id = b64(&new.answer.credential_id);
            if new.answer.credential_id.is_empty()
                || new.answer.credential_id.len() > MAX_CREDENTIAL_ID_BYTES
                || keys.iter().any(|k| k.credential_id == id)
            {
                return Err(VaultError::KeyAlreadyAdded);
            }
            let under = factor_key(kek, &Factor::Key(new.answer));
            let (nonce, wrapped) = wrap_key(&under, KEY_WRAP_ADDRESS, data_key)?;
            keys.push(KeyWrapping {
                credential_id: id,
                name: name.to_string(),
                added: now,
                prf_salt: b64(new.prf_salt),
                nonce,
                wrapped,
            });
            let mut header = self.with_keys(kek, &keys)?;
            if header.recovery.is_some() {
                return Ok((header, None));
            }
            let code = RecoveryCode::random()?;
            header.recovery = Some(recovery_wrapping(kek, data_key, &code, now)?);
            Ok((header, Some(code)))
        })?;
        header.wrapped_key.clear();
        header.wrapped_key_nonce.clear();
        header.format = super::header::HEADER_FORMAT;
        Ok((header, code))
    }

    /// A new recovery code (after the passphrase typed again is checked); the old one opens
    /// nothing from then on.
    pub fn new_recovery_code(
        &self,
        sealer: &Sealer,
        passphrase: &Passphrase,
        now: DateTime<Utc>,
    ) -> Result<(Self, RecoveryCode), VaultError> {
        if !self.is_protected() {
            return Err(VaultError::NoSecurityKeys);
        }
        self.check_passphrase(sealer, passphrase)?;
        let code = RecoveryCode::random()?;
        let mut header = self.clone();
        header.recovery =
            Some(sealer.with_both(|data_key, kek| recovery_wrapping(kek, data_key, &code, now))?);
        Ok((header, code))
    }

    /// Removes a security key, given the passphrase and that key or the recovery code (each is
    /// checked by opening its wrapping). Removing the last key makes the passphrase alone open
    /// the vault again, and the recovery code is retired with it.
    pub fn remove_security_key(
        &self,
        sealer: &Sealer,
        credential_id: &str,
        passphrase: &Passphrase,
        proof: Factor<'_>,
    ) -> Result<Self, VaultError> {
        let kek = self.kdf.derive(passphrase)?;
        let mut keys = self.open_keys(&kek)?;
        let Some(index) = keys.iter().position(|k| k.credential_id == credential_id) else {
            return Err(VaultError::UnknownSecurityKey);
        };
        if let Factor::Key(answer) = &proof {
            if b64(&answer.credential_id) != credential_id {
                return Err(VaultError::UnknownSecurityKey);
            }
        }
        let opened = open_factor(self, &keys, &kek, &proof)?;
        keys.remove(index);
        sealer.with_key(|data_key| {
            if *data_key != opened {
                return Err(VaultError::BadHeader(
                    "a wrapping holds another vault's key".into(),
                ));
            }
            if keys.is_empty() {
                VaultHeader::wrap(data_key, &kek, self.kdf.clone())
            } else {
                self.with_keys(&kek, &keys)
            }
        })
    }
}

fn recovery_wrapping(
    kek: &Key,
    data_key: &Key,
    code: &RecoveryCode,
    now: DateTime<Utc>,
) -> Result<RecoveryWrapping, VaultError> {
    let under = factor_key(kek, &Factor::Recovery(code));
    let (nonce, wrapped) = wrap_key(&under, RECOVERY_WRAP_ADDRESS, data_key)?;
    Ok(RecoveryWrapping {
        made: now,
        nonce,
        wrapped,
    })
}

#[cfg(test)]
#[path = "factors_tests.rs"]
mod tests;
