//! Key derivation: passphrase + salt → key-encryption key, by Argon2id with stored parameters.

use super::{Key, Passphrase, VaultError};
use serde::{Deserialize, Serialize};

/// Argon2id parameters, stored beside the salt in the vault header so that stronger ones can be
/// chosen later without breaking vaults made with older ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Always "argon2id" today; kept so another algorithm can be recognised later.
    pub algorithm: String,
    /// Memory in KiB.
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// 16 random bytes, hex.
    pub salt: String,
}

impl KdfParams {
    /// Today's parameters for a new vault: m = 64 MiB, t = 3, p = 4, a fresh 16-byte salt.
    pub const MEMORY_KIB: u32 = 64 * 1024;
    pub const ITERATIONS: u32 = 3;
    pub const PARALLELISM: u32 = 4;

    pub fn recommended() -> Result<Self, VaultError> {
        Self::with_cost(Self::MEMORY_KIB, Self::ITERATIONS, Self::PARALLELISM)
    }

    /// Parameters with a fresh salt and the given cost (tests use small costs to run fast).
    pub fn with_cost(
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    ) -> Result<Self, VaultError> {
        let mut salt = [0u8; 16];
        super::random_bytes(&mut salt)?;
        Ok(Self {
            algorithm: "argon2id".to_string(),
            memory_kib,
            iterations,
            parallelism,
            salt: hex_encode(&salt),
        })
    }

    /// Derives the key-encryption key from a passphrase.
    pub fn derive(&self, passphrase: &Passphrase) -> Result<Key, VaultError> {
        if self.algorithm != "argon2id" {
            return Err(VaultError::BadHeader(format!(
                "unknown key derivation {:?}",
                self.algorithm
            )));
        }
        let salt = hex_decode(&self.salt)
            .filter(|s| s.len() >= 16)
            .ok_or_else(|| VaultError::BadHeader("the salt is not 16 hex bytes".into()))?;
        let params =
            argon2::Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
                .map_err(|e| VaultError::Kdf(e.to_string()))?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut out = zeroize::Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passphrase.as_bytes(), &salt, out.as_mut())
            .map_err(|e| VaultError::Kdf(e.to_string()))?;
        Ok(Key::from_bytes(*out))
    }
}

pub(crate) fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommended_parameters_meet_the_floor() {
        let p = KdfParams::recommended().unwrap();
        assert!(p.memory_kib >= 64 * 1024);
        assert!(p.iterations >= 3);
        assert!(p.parallelism >= 4);
        assert_eq!(hex_decode(&p.salt).unwrap().len(), 16);
        assert_ne!(p.salt, KdfParams::recommended().unwrap().salt);
    }

    #[test]
    fn same_inputs_same_key_other_salt_other_key() {
        let p = KdfParams::with_cost(64, 1, 1).unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        assert_eq!(p.derive(&pass).unwrap(), p.derive(&pass).unwrap());
        let q = KdfParams::with_cost(64, 1, 1).unwrap();
        assert_ne!(p.derive(&pass).unwrap(), q.derive(&pass).unwrap());
        assert_ne!(
            p.derive(&pass).unwrap(),
            p.derive(&Passphrase::new("correct horse battery stapler"))
                .unwrap()
        );
    }

    #[test]
    fn every_stored_parameter_reaches_the_algorithm() {
        // Changing any cost read from the header changes the derived key.
        let pass = Passphrase::new("password");
        let base = KdfParams {
            algorithm: "argon2id".into(),
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
            salt: hex_encode(b"somesaltsomesalt"),
        };
        let k = base.derive(&pass).unwrap();
        for changed in [
            KdfParams {
                memory_kib: 128,
                ..base.clone()
            },
            KdfParams {
                iterations: 2,
                ..base.clone()
            },
            KdfParams {
                parallelism: 2,
                ..base.clone()
            },
        ] {
            assert_ne!(changed.derive(&pass).unwrap(), k);
        }
    }

    #[test]
    fn damaged_parameters_are_reported() {
        let mut p = KdfParams::with_cost(64, 1, 1).unwrap();
        p.salt = "zz".into();
        assert!(matches!(
            p.derive(&Passphrase::new("x")),
            Err(VaultError::BadHeader(_))
        ));
        let mut p = KdfParams::with_cost(64, 1, 1).unwrap();
        p.algorithm = "scrypt".into();
        assert!(matches!(
            p.derive(&Passphrase::new("x")),
            Err(VaultError::BadHeader(_))
        ));
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(hex_encode(&[0, 15, 255]), "000fff");
        assert_eq!(hex_decode("000fff").unwrap(), vec![0, 15, 255]);
        assert!(hex_decode("abc").is_none());
        assert!(hex_decode("zz").is_none());
    }
}
