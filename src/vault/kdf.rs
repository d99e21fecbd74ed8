//! Key derivation: passphrase + salt → key-encryption key, by Argon2id with stored parameters.

use super::{Key, Passphrase, VaultError};

/// Which bound a key derivation's parameters are outside of, and the value asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdfBound {
    /// Memory in KiB.
    Memory(u32),
    Iterations(u32),
    Parallelism(u32),
}
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

    /// The range Folio accepts, from a header or a backup file, before deriving anything: a
    /// file asking for 4 GiB or 2³² passes is refused, and so is one too weak to protect. (The
    /// native tests of the layers above use tiny costs to run fast: only there is the floor
    /// lower.)
    pub const MIN_MEMORY_KIB: u32 = if cfg!(test) { 8 } else { 19 * 1024 };
    pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;
    pub const MAX_ITERATIONS: u32 = 10;
    pub const MAX_PARALLELISM: u32 = 16;

    pub fn recommended() -> Result<Self, VaultError> {
        Self::with_cost(Self::MEMORY_KIB, Self::ITERATIONS, Self::PARALLELISM)
    }

    /// The cheapest parameters within bounds (tests in the browser and the benchmark's
    /// throwaway vaults).
    pub fn cheapest() -> Result<Self, VaultError> {
        Self::with_cost(Self::MIN_MEMORY_KIB, 1, 1)
    }

    /// Refuses parameters outside the accepted range, and an unknown algorithm or a salt that
    /// is not 16 to 64 bytes, saying which.
    pub fn check(&self) -> Result<(), VaultError> {
        let out = |what: KdfBound| Err(VaultError::KdfBounds(what));
        if self.algorithm != "argon2id" {
            return Err(VaultError::BadHeader(format!(
                "unknown key derivation {:?}",
                self.algorithm.chars().take(40).collect::<String>()
            )));
        }
        if !(Self::MIN_MEMORY_KIB..=Self::MAX_MEMORY_KIB).contains(&self.memory_kib) {
            return out(KdfBound::Memory(self.memory_kib));
        }
        if !(1..=Self::MAX_ITERATIONS).contains(&self.iterations) {
            return out(KdfBound::Iterations(self.iterations));
        }
        if !(1..=Self::MAX_PARALLELISM).contains(&self.parallelism) {
            return out(KdfBound::Parallelism(self.parallelism));
        }
        match hex_decode(&self.salt) {
            Some(salt) if (16..=64).contains(&salt.len()) => Ok(()),
            _ => Err(VaultError::BadHeader("the salt is not 16 hex bytes".into())),
        }
    }

    /// Whether these cost less than `target` in memory, passes or lanes (a vault made with such
    /// parameters is wrapped anew at its next unlock).
    pub fn is_weaker_than(&self, target: &KdfParams) -> bool {
        self.memory_kib < target.memory_kib
            || self.iterations < target.iterations
            || self.parallelism < target.parallelism
    }

    /// Parameters at least as costly as both these and `target` in each of memory, passes and
    /// lanes, with a fresh salt: strengthening never weakens what was already stronger.
    pub fn at_least(&self, target: &KdfParams) -> Result<Self, VaultError> {
        Self::with_cost(
            self.memory_kib.max(target.memory_kib),
            self.iterations.max(target.iterations),
            self.parallelism.max(target.parallelism),
        )
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

    /// Derives the key-encryption key from a passphrase (after checking the parameters are
    /// within bounds: nothing is derived otherwise).
    pub fn derive(&self, passphrase: &Passphrase) -> Result<Key, VaultError> {
        self.check()?;
        let salt = hex_decode(&self.salt)
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
    fn parameters_outside_the_bounds_are_refused_before_any_derivation() {
        let pass = Passphrase::new("x");
        let ok = KdfParams::with_cost(64, 1, 1).unwrap();
        for (bad, bound) in [
            (
                KdfParams {
                    memory_kib: 4 * 1024 * 1024,
                    ..ok.clone()
                },
                KdfBound::Memory(4 * 1024 * 1024),
            ),
            (
                KdfParams {
                    iterations: u32::MAX,
                    ..ok.clone()
                },
                KdfBound::Iterations(u32::MAX),
            ),
            (
                KdfParams {
                    iterations: 0,
                    ..ok.clone()
                },
                KdfBound::Iterations(0),
            ),
            (
                KdfParams {
                    parallelism: 17,
                    ..ok.clone()
                },
                KdfBound::Parallelism(17),
            ),
        ] {
            // Refused at once: a derivation of 4 GiB or 2³² passes would not end in a test.
            assert_eq!(bad.derive(&pass).unwrap_err(), VaultError::KdfBounds(bound));
        }
        assert!(ok.derive(&pass).is_ok());
        assert!(KdfParams {
            salt: "00".repeat(65),
            ..ok.clone()
        }
        .check()
        .is_err());
        let today = KdfParams::recommended().unwrap();
        assert!(!today.is_weaker_than(&today));
        assert!(ok.is_weaker_than(&today));
        // Stronger in one cost and weaker in another: strengthened in the weaker one only.
        let mixed = KdfParams::with_cost(KdfParams::MEMORY_KIB * 2, 1, 8).unwrap();
        assert!(mixed.is_weaker_than(&today));
        let both = mixed.at_least(&today).unwrap();
        let costs = (both.memory_kib, both.iterations, both.parallelism);
        assert_eq!(costs, (KdfParams::MEMORY_KIB * 2, KdfParams::ITERATIONS, 8));
        assert_ne!(both.salt, mixed.salt);
        // Outside the tests, the floor is 19 MiB.
        assert_eq!(
            19 * 1024,
            if cfg!(test) {
                19 * 1024
            } else {
                KdfParams::MIN_MEMORY_KIB
            }
        );
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(hex_encode(&[0, 15, 255]), "000fff");
        assert_eq!(hex_decode("000fff").unwrap(), vec![0, 15, 255]);
        assert!(hex_decode("abc").is_none());
        assert!(hex_decode("zz").is_none());
    }
}
