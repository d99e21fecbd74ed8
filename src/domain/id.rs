//! Record identifiers: random UUID v4 values, parsed and printed in the canonical form.
//! Must not import anything outside `domain` (the randomness comes from `getrandom`).

use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// What can be wrong with a text that should be an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("this is not a valid identifier (expected a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)")]
    Malformed,
    #[error("the system could not provide randomness for a new identifier")]
    NoRandomness,
}

/// The identity of every record in the vault.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Uuid);

impl Id {
    /// A fresh random identifier (UUID version 4, 122 random bits).
    pub fn new() -> Result<Self, IdError> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|_| IdError::NoRandomness)?;
        Ok(Self::from_random_bytes(bytes))
    }

    /// Builds a version-4 identifier from 16 random bytes (the version and variant bits are set).
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }
}

impl FromStr for Id {
    type Err = IdError;

    /// Accepts the hyphenated form only (any letter case), so an identifier has one spelling.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.len() != 36 {
            return Err(IdError::Malformed);
        }
        Uuid::parse_str(s).map(Self).map_err(|_| IdError::Malformed)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.hyphenated())
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.0.hyphenated())
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_version_4_and_distinct() {
        let a = Id::new().unwrap();
        let b = Id::new().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.0.get_version_num(), 4);
        assert_eq!(a.0.get_variant(), uuid::Variant::RFC4122);
    }

    #[test]
    fn round_trips_through_text() {
        let id = Id::from_random_bytes([7; 16]);
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(text.parse::<Id>().unwrap(), id);
        assert_eq!(text.to_uppercase().parse::<Id>().unwrap(), id);
    }

    #[test]
    fn rejects_malformed_text() {
        for bad in [
            "",
            "not-a-uuid",
            "1b4e28ba2fa111d2883f0016d3cca427",
            "{1b4e28ba-2fa1-11d2-883f-0016d3cca427}",
            "1b4e28ba-2fa1-11d2-883f-0016d3cca42g",
        ] {
            assert_eq!(bad.parse::<Id>(), Err(IdError::Malformed), "{bad:?}");
        }
    }
}
