//! Keys and lists sealed under a key-encryption key as the vault header keeps them: nonce and
//! ciphertext in hex. One way to wrap the data key (under the passphrase's key or a factor's
//! key) and to open it again. Must not import `store`, `app` or `ui`.

use super::kdf::{hex_decode, hex_encode};
use super::seal::{open_parts, seal, Address, Plaintext};
use super::{Key, VaultError};

/// `plain` sealed under `kek` at `address`: its nonce and its ciphertext, in hex.
pub(super) fn seal_hex(
    kek: &Key,
    address: Address<'_>,
    plain: &Plaintext,
) -> Result<(String, String), VaultError> {
    let sealed = seal(kek, address, plain)?;
    Ok((hex_encode(&sealed.nonce), hex_encode(&sealed.ciphertext)))
}

/// `data_key` wrapped under `kek` at `address`: its nonce and its ciphertext, in hex.
pub(super) fn wrap_key(
    kek: &Key,
    address: Address<'_>,
    data_key: &Key,
) -> Result<(String, String), VaultError> {
    seal_hex(kek, address, &Plaintext::new(data_key.expose().to_vec()))
}

/// A nonce and a ciphertext read back from hex; either one damaged is a bad header, worded by
/// `damaged` (the nonce's words, the ciphertext's).
pub(super) fn from_hex(
    nonce: &str,
    ciphertext: &str,
    damaged: [&str; 2],
) -> Result<([u8; 12], Vec<u8>), VaultError> {
    let nonce: [u8; 12] = hex_decode(nonce)
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| VaultError::BadHeader(damaged[0].into()))?;
    let ciphertext =
        hex_decode(ciphertext).ok_or_else(|| VaultError::BadHeader(damaged[1].into()))?;
    Ok((nonce, ciphertext))
}

/// Opens what was sealed under `kek` at `address`, in the first of `formats` that opens it; a
/// key that opens it in none of them is `wrong`.
pub(super) fn open_under(
    kek: &Key,
    address: Address<'_>,
    (nonce, ciphertext): (&[u8; 12], &[u8]),
    formats: &[u8],
    wrong: VaultError,
) -> Result<Plaintext, VaultError> {
    let mut opened = Err(VaultError::CouldNotDecrypt);
    for &format in formats {
        opened = open_parts(kek, address, nonce, ciphertext, format);
        if opened.is_ok() {
            break;
        }
    }
    opened.map_err(|e| match e {
        VaultError::CouldNotDecrypt => wrong,
        other => other,
    })
}

/// The data key an opened wrapping holds.
pub(super) fn key_of(plain: &Plaintext) -> Result<Key, VaultError> {
    let bytes: [u8; 32] = plain
        .as_bytes()
        .try_into()
        .map_err(|_| VaultError::BadHeader("the data key has the wrong length".into()))?;
    Ok(Key::from_bytes(bytes))
}
