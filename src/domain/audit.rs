//! The audit trail: events (who/what/when, field by field) chained by SHA-256 so that a removed,
//! reordered or edited event is detected. Must not import anything outside `domain`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    VaultCreated,
    PassphraseChanged,
    Create,
    Update,
    Delete,
    Merge,
}

impl Action {
    pub fn as_str(&self) -> &'static str {
        match self {
            Action::VaultCreated => "vault created",
            Action::PassphraseChanged => "passphrase changed",
            Action::Create => "created",
            Action::Update => "updated",
            Action::Delete => "deleted",
            Action::Merge => "merged",
        }
    }
}

/// One field's change: its value before and after (None where it had none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The position of the newest event: its sequence number and hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub seq: u64,
    pub hash: String,
}

impl ChainHead {
    /// Before the first event.
    pub fn genesis() -> Self {
        Self {
            seq: 0,
            hash: "0".repeat(64),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub action: Action,
    pub entity_kind: String,
    pub entity_id: String,
    pub changes: Vec<FieldChange>,
    pub prev_hash: String,
    pub hash: String,
}

/// What the hash covers: every field but the hash itself, in a fixed order.
#[derive(Serialize)]
struct Hashed<'a> {
    seq: u64,
    at: &'a DateTime<Utc>,
    action: Action,
    entity_kind: &'a str,
    entity_id: &'a str,
    changes: &'a [FieldChange],
    prev_hash: &'a str,
}

impl AuditEvent {
    /// The event that follows `head`.
    pub fn next(
        head: &ChainHead,
        at: DateTime<Utc>,
        action: Action,
        entity_kind: &str,
        entity_id: &str,
        changes: Vec<FieldChange>,
    ) -> Self {
        let mut event = Self {
            seq: head.seq + 1,
            at,
            action,
            entity_kind: entity_kind.to_string(),
            entity_id: entity_id.to_string(),
            changes,
            prev_hash: head.hash.clone(),
            hash: String::new(),
        };
        event.hash = event.compute_hash();
        event
    }

    pub fn compute_hash(&self) -> String {
        let content = Hashed {
            seq: self.seq,
            at: &self.at,
            action: self.action,
            entity_kind: &self.entity_kind,
            entity_id: &self.entity_id,
            changes: &self.changes,
            prev_hash: &self.prev_hash,
        };
        let bytes = serde_json::to_vec(&content).unwrap_or_default();
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub fn head(&self) -> ChainHead {
        ChainHead {
            seq: self.seq,
            hash: self.hash.clone(),
        }
    }
}

/// Why the audit trail does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("event {expected} is missing (found {found} in its place)")]
    Missing { expected: u64, found: u64 },
    #[error("event {0} does not follow the event before it")]
    BrokenLink(u64),
    #[error("event {0} was altered after it was written")]
    Altered(u64),
    #[error(
        "the newest events are missing: the trail ends at {found}, but {expected} were written"
    )]
    Truncated { expected: u64, found: u64 },
}

/// Verifies the chain in order of `seq`; with a stored `head`, also that nothing was cut off the end.
pub fn verify_chain(
    events: &[AuditEvent],
    head: Option<&ChainHead>,
) -> Result<ChainHead, ChainError> {
    let mut current = ChainHead::genesis();
    for event in events {
        if event.seq != current.seq + 1 {
            return Err(ChainError::Missing {
                expected: current.seq + 1,
                found: event.seq,
            });
        }
        if event.prev_hash != current.hash {
            return Err(ChainError::BrokenLink(event.seq));
        }
        if event.compute_hash() != event.hash {
            return Err(ChainError::Altered(event.seq));
        }
        current = event.head();
    }
    if let Some(head) = head {
        if head.seq != current.seq {
            return Err(ChainError::Truncated {
                expected: head.seq,
                found: current.seq,
            });
        }
        if head.hash != current.hash {
            return Err(ChainError::Altered(current.seq));
        }
    }
    Ok(current)
}

/// A record's fields as (name, value) pairs, as the audit trail compares them.
pub type FieldValues = Vec<(&'static str, Option<String>)>;

/// Field-level differences between two snapshots given as (field, value) lists in the same order.
pub fn diff(
    before: &[(&str, Option<String>)],
    after: &[(&str, Option<String>)],
) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for (field, new) in after {
        let old = before
            .iter()
            .find(|(f, _)| f == field)
            .and_then(|(_, v)| v.clone());
        if &old != new {
            changes.push(FieldChange {
                field: field.to_string(),
                before: old,
                after: new.clone(),
            });
        }
    }
    for (field, old) in before {
        if old.is_some() && !after.iter().any(|(f, _)| f == field) {
            changes.push(FieldChange {
                field: field.to_string(),
                before: old.clone(),
                after: None,
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn chain(n: u64) -> Vec<AuditEvent> {
        let mut head = ChainHead::genesis();
        (0..n)
            .map(|i| {
                let e = AuditEvent::next(
                    &head,
                    Utc.timestamp_opt(1_790_000_000 + i as i64, 0).unwrap(),
                    Action::Update,
                    "contact",
                    "c1",
                    vec![FieldChange {
                        field: "name".into(),
                        before: Some(format!("v{i}")),
                        after: Some(format!("v{}", i + 1)),
                    }],
                );
                head = e.head();
                e
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        let events = chain(5);
        let head = verify_chain(&events, Some(&events[4].head())).unwrap();
        assert_eq!(head.seq, 5);
        assert_eq!(verify_chain(&[], None).unwrap(), ChainHead::genesis());
    }

    #[test]
    fn a_removed_event_is_detected() {
        let mut events = chain(5);
        events.remove(2);
        assert_eq!(
            verify_chain(&events, None),
            Err(ChainError::Missing {
                expected: 3,
                found: 4
            })
        );
    }

    #[test]
    fn reordering_is_detected() {
        let mut events = chain(5);
        events.swap(1, 2);
        assert!(verify_chain(&events, None).is_err());
        // Even with renumbered sequence numbers, the links break.
        let mut events = chain(5);
        events.swap(1, 2);
        events[1].seq = 2;
        events[2].seq = 3;
        assert!(matches!(
            verify_chain(&events, None),
            Err(ChainError::BrokenLink(2))
        ));
    }

    #[test]
    fn an_edit_is_detected() {
        let mut events = chain(5);
        events[3].changes[0].after = Some("forged".into());
        assert_eq!(verify_chain(&events, None), Err(ChainError::Altered(4)));
        // Recomputing the edited event's own hash breaks the next link instead.
        events[3].hash = events[3].compute_hash();
        assert_eq!(verify_chain(&events, None), Err(ChainError::BrokenLink(5)));
    }

    #[test]
    fn cutting_off_the_end_is_detected_against_the_head() {
        let events = chain(5);
        let head = events[4].head();
        assert_eq!(
            verify_chain(&events[..3], Some(&head)),
            Err(ChainError::Truncated {
                expected: 5,
                found: 3
            })
        );
    }

    #[test]
    fn diff_lists_changed_fields_only() {
        let before = [
            ("name", Some("Jana".to_string())),
            ("email", None),
            ("phone", Some("1".to_string())),
        ];
        let after = [
            ("name", Some("Jana".to_string())),
            ("email", Some("j@x.cz".to_string())),
            ("phone", None),
        ];
        let changes = diff(&before, &after);
        assert_eq!(
            changes,
            vec![
                FieldChange {
                    field: "email".into(),
                    before: None,
                    after: Some("j@x.cz".into())
                },
                FieldChange {
                    field: "phone".into(),
                    before: Some("1".into()),
                    after: None
                },
            ]
        );
        assert!(diff(&before, &before).is_empty());
    }
}
