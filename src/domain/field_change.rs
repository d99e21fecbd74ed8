//! One field's change in an audit event: its values before and after, and once erased the
//! digest kept in their place (with the salt that makes it unguessable). Must not import
//! anything outside `domain`.

use super::audit::json_digest;
use super::field_name::FieldName;
use serde::{Deserialize, Serialize};

/// One field's change: its value before and after (None where it had none). After an erasure
/// both values are gone and `erased` holds the digest the event's hash covers in their place.
/// The digest is salted with a random value kept with the change and destroyed with the values,
/// so that what is left after an erasure cannot confirm a guess of what was erased.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "StoredChange")]
pub struct FieldChange {
    pub field: FieldName,
    /// The values as text of their exact length (a trail holds hundreds of thousands: the
    /// room a `String` keeps for growing is four or eight bytes each).
    pub before: Option<Box<str>>,
    pub after: Option<Box<str>>,
    /// The digest kept for erased values, and the change's own salt: few changes have either,
    /// and a trail holds hundreds of thousands of changes, so both live apart, boxed.
    kept: Option<Box<Kept>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Kept {
    erased: Option<String>,
    /// The change's own random salt (hex), until its values are erased.
    salt: Option<String>,
}

/// A change as it is written and read.
#[derive(Deserialize)]
struct StoredChange {
    field: FieldName,
    before: Option<String>,
    after: Option<String>,
    #[serde(default)]
    erased: Option<String>,
    #[serde(default)]
    salt: Option<String>,
}

impl From<StoredChange> for FieldChange {
    fn from(c: StoredChange) -> Self {
        let mut change = FieldChange::new(c.field, c.before, c.after);
        change.set_erased(c.erased);
        change.set_salt(c.salt);
        change
    }
}

impl Serialize for FieldChange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (erased, salt) = (self.erased(), self.salt());
        let fields = 3 + usize::from(erased.is_some()) + usize::from(salt.is_some());
        let mut out = serializer.serialize_struct("FieldChange", fields)?;
        out.serialize_field("field", &self.field)?;
        out.serialize_field("before", &self.before)?;
        out.serialize_field("after", &self.after)?;
        if let Some(erased) = erased {
            out.serialize_field("erased", erased)?;
        }
        if let Some(salt) = salt {
            out.serialize_field("salt", salt)?;
        }
        out.end()
    }
}

impl FieldChange {
    pub fn new(field: impl Into<FieldName>, before: Option<String>, after: Option<String>) -> Self {
        Self {
            field: field.into(),
            before: before.map(String::into_boxed_str),
            after: after.map(String::into_boxed_str),
            kept: None,
        }
    }

    /// The digest kept in place of erased values.
    pub fn erased(&self) -> Option<&str> {
        self.kept.as_ref()?.erased.as_deref()
    }

    /// The change's own salt (none when its event's salt is used, or once erased).
    pub fn salt(&self) -> Option<&str> {
        self.kept.as_ref()?.salt.as_deref()
    }

    pub fn set_erased(&mut self, erased: Option<String>) {
        self.keep(|k| k.erased = erased);
    }

    pub fn set_salt(&mut self, salt: Option<String>) {
        self.keep(|k| k.salt = salt);
    }

    /// Changes what is kept apart; nothing is boxed when nothing is kept.
    fn keep(&mut self, change: impl FnOnce(&mut Kept)) {
        let mut kept = self.kept.take().map(|k| *k).unwrap_or_default();
        change(&mut kept);
        if kept != Kept::default() {
            self.kept = Some(Box::new(kept));
        }
    }

    /// The change with its own salt (random, from the layer that has randomness).
    pub fn salted(mut self, salt: String) -> Self {
        self.set_salt(Some(salt));
        self
    }

    /// What the event's hash covers for this change, salted with `salt` (its own, or the one
    /// its event gives it; none in changes written before salting existed): SHA-256 of the
    /// salt, the field and both values, or the digest kept in their place once erased.
    pub(super) fn digest_with(&self, salt: Option<&str>) -> String {
        if let Some(kept) = self.erased() {
            return kept.to_string();
        }
        match salt {
            Some(salt) => json_digest(&(salt, &self.field, &self.before, &self.after)),
            None => json_digest(&(&self.field, &self.before, &self.after)),
        }
    }

    /// The digest of a change that stands alone (its own salt, if any).
    pub fn digest(&self) -> String {
        self.digest_with(self.salt())
    }

    /// Removes both values and the change's own salt, keeping their digest so that the chain
    /// still verifies. For a change in an event with a salt, use the event's `erase_values`.
    pub fn erase(&mut self) {
        if self.erased().is_none() {
            self.erase_to(self.digest());
        }
    }

    /// Removes both values and the change's own salt, keeping `digest` in their place.
    pub(super) fn erase_to(&mut self, digest: String) {
        self.before = None;
        self.after = None;
        self.kept = Some(Box::new(Kept {
            erased: Some(digest),
            salt: None,
        }));
    }

    /// Whether the change names `who` (a person's id) in a value: a deal's or document's list
    /// of contacts.
    pub fn names(&self, who: &str) -> bool {
        [&self.before, &self.after]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| v.contains(who)))
    }

    pub fn is_erased(&self) -> bool {
        self.erased().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_written_and_read_as_before_and_boxes_nothing_it_does_not_keep() {
        let plain = FieldChange::new("email", None, Some("jana@firma.cz".into()));
        let json = serde_json::to_string(&plain).unwrap();
        assert_eq!(
            json,
            r#"{"field":"email","before":null,"after":"jana@firma.cz"}"#
        );
        let read: FieldChange = serde_json::from_str(&json).unwrap();
        assert_eq!(read, plain);
        assert!(read.kept.is_none());
        let mut salted = plain.clone().salted("ab".into());
        assert_eq!(
            serde_json::to_string(&salted).unwrap(),
            r#"{"field":"email","before":null,"after":"jana@firma.cz","salt":"ab"}"#
        );
        salted.erase();
        let json = serde_json::to_string(&salted).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"field":"email","before":null,"after":null,"erased":"{}"}}"#,
                salted.erased().unwrap()
            )
        );
        assert_eq!(serde_json::from_str::<FieldChange>(&json).unwrap(), salted);
        // Written by older versions: values may be missing; an empty salt is still a salt.
        let old: FieldChange =
            serde_json::from_str(r#"{"field":"x","salt":"","erased":null}"#).unwrap();
        assert_eq!(
            (&old.before, &old.after, old.salt()),
            (&None, &None, Some(""))
        );
        // Nothing kept is nothing boxed.
        let mut unsalted = plain.salted("ab".into());
        unsalted.set_salt(None);
        assert!(unsalted.kept.is_none());
    }
}
