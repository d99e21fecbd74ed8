//! The identifier an audit event names (the record it is about, the people it concerns), held
//! compactly: a record id is a UUID, 36 characters of text, held here as its 16 bytes. Pure:
//! imports nothing of the app.

use std::fmt;
use uuid::Uuid;

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
                let mut text = [0u8; 36];
                Uuid::from_bytes(*bytes)
                    .hyphenated()
                    .encode_lower(&mut text);
                IdText::Uuid(text)
            }
            Repr::Text(text) => IdText::Text(text),
        }
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

/// The 16 bytes of a UUID in canonical text (lower-case hex, hyphenated: what Folio writes);
/// None for any other text, so that the bytes always give back the same text.
fn canonical_uuid(text: &str) -> Option<[u8; 16]> {
    let uuid = Uuid::try_parse(text).ok()?;
    let mut canonical = [0u8; 36];
    (uuid.hyphenated().encode_lower(&mut canonical) == text).then(|| uuid.into_bytes())
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
        f.write_str(&self.text())
    }
}

impl fmt::Debug for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.text())
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
        serializer.serialize_str(&self.text())
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
