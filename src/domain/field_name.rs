//! The name of a field in an audit change, or of the kind of record an event is about, shared:
//! a trail names a few dozen fields and kinds hundreds of thousands of times, and each name held
//! as its own text was an allocation each (some 8 MB at the benchmark's L). Must not import
//! anything outside `domain`.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

/// The longest name shared, and how many names are shared at most: a schema's names are short
/// and few, and a file naming thousands of odd fields still allocates each as before.
const MAX_SHARED_BYTES: usize = 48;
const MAX_SHARED: usize = 512;

thread_local! {
    static SHARED: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::new());
}

/// A field's name ("email", "stage"…) or a record kind's ("contact"); the same name is one
/// shared text.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldName(Arc<str>);

impl FieldName {
    pub fn new(name: &str) -> Self {
        // Only names that look like a schema's are shared (never a value put where a name goes).
        let schema_like = !name.is_empty()
            && name.len() <= MAX_SHARED_BYTES
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-');
        if !schema_like {
            return FieldName(Arc::from(name));
        }
        SHARED.with(|shared| {
            let Ok(mut shared) = shared.try_borrow_mut() else {
                return FieldName(Arc::from(name));
            };
            if let Some(known) = shared.get(name) {
                return FieldName(known.clone());
            }
            let text: Arc<str> = Arc::from(name);
            if shared.len() < MAX_SHARED {
                shared.insert(text.clone());
            }
            FieldName(text)
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for FieldName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for FieldName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl PartialEq<str> for FieldName {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for FieldName {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl From<&str> for FieldName {
    fn from(name: &str) -> Self {
        FieldName::new(name)
    }
}

impl From<&String> for FieldName {
    fn from(name: &String) -> Self {
        FieldName::new(name)
    }
}

impl From<String> for FieldName {
    fn from(name: String) -> Self {
        FieldName::new(&name)
    }
}

impl serde::Serialize for FieldName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for FieldName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FieldName;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a field's name")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<FieldName, E> {
                Ok(FieldName::new(name))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_read_twice_is_one_shared_text() {
        let a: FieldName = serde_json::from_str("\"given_name\"").unwrap();
        let b = FieldName::from("given_name");
        assert_eq!(a, b);
        assert_eq!(a, "given_name");
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"given_name\"");
    }

    #[test]
    fn odd_text_is_kept_whole_and_never_shared() {
        for odd in [
            "Jana Nováková",
            "",
            &"x".repeat(MAX_SHARED_BYTES + 1),
            "a\"b",
        ] {
            let a = FieldName::from(odd);
            let b = FieldName::from(odd);
            assert_eq!(a, b);
            assert_eq!(a.as_str(), odd);
            assert!(!Arc::ptr_eq(&a.0, &b.0), "{odd:?}");
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(serde_json::from_str::<FieldName>(&json).unwrap(), a);
        }
    }

    #[test]
    fn no_more_than_the_cap_is_shared() {
        for n in 0..MAX_SHARED + 100 {
            let _ = FieldName::from(format!("field_{n}").as_str());
        }
        assert!(SHARED.with(|s| s.borrow().len()) <= MAX_SHARED);
    }
}
