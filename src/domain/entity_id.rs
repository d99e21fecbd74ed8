//! The identifier an audit event names (the record it is about, the people it concerns), held
//! compactly: a record id is a UUID, 36 characters of text, held here as its 16 bytes. Pure:
//! imports nothing of the app.

use std::fmt;

const DIGITS: &[u8; 16] = b"0123456789abcdef";
/// Where the hyphens of a UUID's text are.
const HYPHENS: [usize; 4] = [8, 13, 18, 23];

/// An identifier as the audit trail names it. A UUID in its canonical text (lower-case hex,
/// hyphenated: what Folio writes) is held as its 16 bytes, with nothing allocated; any other
/// text (a trail's own names such as "vault", an older or a foreign trail's ids) is held as it
/// was read. Either way it is written, compared and hashed as exactly the text it was made from.
/// Equal ids are equal texts: the text of a canonical UUID is only ever held as bytes.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EntityId(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Uuid([u8; 16]),
    Text(Box<str>),
}

impl EntityId {
    /// Text as read: a canonical UUID is held as bytes, anything else as it is.
    pub fn parse(text: &str) -> Self {
        match canonical_uuid(text) {
            Some(bytes) => EntityId(Repr::Uuid(bytes)),
            None => EntityId(Repr::Text(text.into())),
        }
    }

    /// The text, written into a buffer on the stack (nothing allocated): use it as a `&str`.
    pub fn text(&self) -> IdText<'_> {
        match &self.0 {
            Repr::Uuid(bytes) => {
                let mut text = [b'-'; 36];
                let mut at = 0;
                for b in bytes {
                    if HYPHENS.contains(&at) {
                        at += 1;
                    }
                    text[at] = DIGITS[usize::from(b >> 4)];
                    text[at + 1] = DIGITS[usize::from(b & 0x0f)];
                    at += 2;
                }
                IdText::Uuid(text)
            }
            Repr::Text(text) => IdText::Text(text),
        }
    }

    /// Calls `f` with the text.
    pub fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.text())
    }
}

/// An id's text, for as long as the id is borrowed.
pub enum IdText<'a> {
    /// A UUID's 36 characters (ASCII hex digits and hyphens).
    Uuid([u8; 36]),
    Text(&'a str),
}

impl IdText<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            // Only ASCII digits and hyphens are written there.
            IdText::Uuid(text) => std::str::from_utf8(text).unwrap_or_default(),
            IdText::Text(text) => text,
        }
    }
}

impl std::ops::Deref for IdText<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// The 16 bytes of a UUID in canonical text (36 characters: lower-case hex digits, hyphens at
/// 8, 13, 18 and 23); None for any other text, so that the bytes give back the same text.
fn canonical_uuid(text: &str) -> Option<[u8; 16]> {
    let text = text.as_bytes();
    if text.len() != 36 || HYPHENS.iter().any(|&h| text[h] != b'-') {
        return None;
    }
    let digit = |c: u8| DIGITS.iter().position(|&d| d == c).map(|d| d as u8);
    let mut bytes = [0u8; 16];
    let mut digits = text
        .iter()
        .enumerate()
        .filter(|(i, _)| !HYPHENS.contains(i));
    for b in &mut bytes {
        let (_, &high) = digits.next()?;
        let (_, &low) = digits.next()?;
        *b = digit(high)? << 4 | digit(low)?;
    }
    Some(bytes)
}

/// In the order of their texts, as the ids were ordered when they were held as text.
impl Ord for EntityId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (&self.0, &other.0) {
            (Repr::Uuid(a), Repr::Uuid(b)) => a.cmp(b),
            _ => self.text().as_str().cmp(other.text().as_str()),
        }
    }
}

impl PartialOrd for EntityId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_str(|text| f.write_str(text))
    }
}

impl fmt::Debug for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_str(|text| write!(f, "{text:?}"))
    }
}

impl PartialEq<str> for EntityId {
    fn eq(&self, other: &str) -> bool {
        match &self.0 {
            // No text to write: the other is equal only if it is the same canonical UUID.
            Repr::Uuid(bytes) => canonical_uuid(other).as_ref() == Some(bytes),
            Repr::Text(text) => **text == *other,
        }
    }
}

impl PartialEq<&str> for EntityId {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<String> for EntityId {
    fn eq(&self, other: &String) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<EntityId> for str {
    fn eq(&self, other: &EntityId) -> bool {
        other == self
    }
}

impl PartialEq<EntityId> for &str {
    fn eq(&self, other: &EntityId) -> bool {
        other == *self
    }
}

impl PartialEq<EntityId> for String {
    fn eq(&self, other: &EntityId) -> bool {
        other == self.as_str()
    }
}

impl From<&str> for EntityId {
    fn from(text: &str) -> Self {
        EntityId::parse(text)
    }
}

impl From<&String> for EntityId {
    fn from(text: &String) -> Self {
        EntityId::parse(text)
    }
}

impl From<String> for EntityId {
    fn from(text: String) -> Self {
        match canonical_uuid(&text) {
            Some(bytes) => EntityId(Repr::Uuid(bytes)),
            None => EntityId(Repr::Text(text.into_boxed_str())),
        }
    }
}

impl serde::Serialize for EntityId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.with_str(|text| serializer.serialize_str(text))
    }
}

impl<'de> serde::Deserialize<'de> for EntityId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = EntityId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an identifier as text")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<EntityId, E> {
                Ok(EntityId::parse(text))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<EntityId, E> {
                Ok(EntityId::from(text))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_canonical_uuid_is_held_as_its_bytes_and_written_as_read() {
        let text = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
        let id = EntityId::parse(text);
        assert!(matches!(id.0, Repr::Uuid(_)));
        assert_eq!(id.to_string(), text);
        assert_eq!(id, text);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{text}\""));
        let read: EntityId = serde_json::from_str(&format!("\"{text}\"")).unwrap();
        assert_eq!(read, id);
    }

    #[test]
    fn any_other_text_is_held_exactly_as_read() {
        for text in [
            "",
            "vault",
            "deleted activities",
            "1B4E28BA-2FA1-41D2-883F-0016D3CCA427",
            "1b4e28ba2fa141d2883f0016d3cca427",
            "{1b4e28ba-2fa1-41d2-883f-0016d3cca427}",
            "1b4e28ba-2fa1-41d2-883f-0016d3cca42g",
            "1b4e28ba-2fa1-41d2-883f-0016d3cca4ž",
            "1b4e28ba+2fa1-41d2-883f-0016d3cca427",
        ] {
            let id = EntityId::parse(text);
            assert!(matches!(id.0, Repr::Text(_)), "{text:?}");
            assert_eq!(id.to_string(), text);
            assert_eq!(id, text);
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, serde_json::to_string(text).unwrap());
        }
        // The upper-case spelling of a UUID is a different text, so not equal to the canonical.
        assert_ne!(
            EntityId::parse("1b4e28ba-2fa1-41d2-883f-0016d3cca427"),
            "1B4E28BA-2FA1-41D2-883F-0016D3CCA427"
        );
    }

    proptest! {
        /// Whatever the text, the id is written as exactly that text and equals it, and only
        /// that text; a UUID's canonical text is always held as bytes.
        #[test]
        fn every_text_is_written_as_it_was_read(text in ".{0,40}", other in ".{0,40}") {
            let id = EntityId::parse(&text);
            prop_assert_eq!(id.to_string(), text.clone());
            prop_assert!(id == text.as_str());
            prop_assert_eq!(id == other.as_str(), text == other);
            prop_assert_eq!(EntityId::from(text.clone()), id);
        }

        #[test]
        fn every_uuid_is_held_as_bytes(bytes in any::<[u8; 16]>()) {
            let text = uuid::Uuid::from_bytes(bytes).hyphenated().to_string();
            let id = EntityId::parse(&text);
            prop_assert_eq!(&id, &EntityId(Repr::Uuid(bytes)));
            prop_assert_eq!(id.to_string(), text);
        }
    }
}
