//! The audit trail: events (who/what/when, field by field) chained by SHA-256 so that a removed,
//! reordered or edited event is detected, and whose values can be erased (Art. 17) while the
//! chain still verifies. Must not import anything outside `domain`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use super::entity_id::EntityId;
pub use super::field_change::FieldChange;
pub use super::field_name::FieldName;
pub use super::hex::{HexDigest, HexSalt};

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
    /// A person erased (Art. 17): what went and what stayed, as counts, no personal data.
    Erase,
    /// The data key wrapped anew under stronger key-derivation parameters (same passphrase).
    KeyStrengthened,
    /// A file imported (restored, merged or replacing the vault's data): its SHA-256, the mode
    /// and the counts, in this vault's own trail.
    Import,
    /// The user accepted the vault as storage holds it after unlock found it altered: what was
    /// found, as counts; the ledger records the vault as it is from then on.
    Reconciled,
    /// A deleted record written back by Undo (a new revision; the deletion stays in the trail).
    Restore,
    /// A security key was added as a second factor (its name in the change).
    SecurityKeyAdded,
    /// A security key was removed (its name in the change).
    SecurityKeyRemoved,
    /// A new recovery code was made; the old one opens nothing any more.
    RecoveryCodeRenewed,
}

impl Action {
    /// Every action, in the order the audit log's filter lists them.
    pub const ALL: [Action; 13] = [
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Merge,
        Action::Erase,
        Action::Import,
        Action::VaultCreated,
        Action::PassphraseChanged,
        Action::KeyStrengthened,
        Action::SecurityKeyAdded,
        Action::SecurityKeyRemoved,
        Action::RecoveryCodeRenewed,
        Action::Reconciled,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Action::VaultCreated => "vault created",
            Action::PassphraseChanged => "passphrase changed",
            Action::Create => "created",
            Action::Update => "updated",
            Action::Delete => "deleted",
            Action::Merge => "merged",
            Action::Erase => "erased",
            Action::KeyStrengthened => "key derivation strengthened",
            Action::Import => "imported",
            Action::Reconciled => "accepted as found",
            Action::Restore => "restored",
            Action::SecurityKeyAdded => "security key added",
            Action::SecurityKeyRemoved => "security key removed",
            Action::RecoveryCodeRenewed => "new recovery code made",
        }
    }
}

/// The position of the newest event: its sequence number and hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub seq: u64,
    pub hash: HexDigest,
}

impl ChainHead {
    /// Before the first event.
    pub fn genesis() -> Self {
        Self {
            seq: 0,
            hash: HexDigest::ZERO,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub action: Action,
    pub entity_kind: FieldName,
    /// The record's id (a UUID, held as its bytes) or the trail's name for what it is about.
    pub entity_id: EntityId,
    #[serde(deserialize_with = "super::exact::vec")]
    pub changes: Vec<FieldChange>,
    pub prev_hash: HexDigest,
    pub hash: HexDigest,
    /// The people the record belongs to (an activity's, a follow-up's, a consent's contact; a
    /// deal's or document's contacts), so an erasure finds the event after the record itself is
    /// gone. Not covered by the hash: it names who, not what happened, and can be linked after.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact::vec"
    )]
    pub subjects: Vec<EntityId>,
    /// The event's random salt (hex): each change's digest is salted with a value derived from
    /// it, so that once values are erased (and the salt with them) nothing left can confirm a
    /// guess of them. Not covered by the hash (the digests it went into are).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<HexSalt>,
}

/// SHA-256 (lower-case hex) of `value`'s compact JSON, written into one buffer kept for the
/// next call: the trail hashes every change of every event at each unlock and import, and a
/// new buffer a hash was an allocation each.
pub(super) fn json_digest(value: &impl Serialize) -> String {
    super::hex::encode(&json_sha256(value))
}

/// SHA-256 of `value`'s compact JSON.
fn json_sha256(value: &impl Serialize) -> [u8; 32] {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|buffer| {
        // Only this function borrows it, and it does not call itself.
        let Ok(mut bytes) = buffer.try_borrow_mut() else {
            return Sha256::digest(serde_json::to_vec(value).unwrap_or_default()).into();
        };
        bytes.clear();
        // Serialising strings, numbers and times into memory cannot fail.
        let _ = serde_json::to_writer(&mut *bytes, value);
        let digest = Sha256::digest(bytes.as_slice()).into();
        // A value that was unusually large does not keep its memory.
        if bytes.capacity() > 1 << 16 {
            *bytes = Vec::new();
        }
        digest
    })
}

/// What the hash covers: every field but the hash itself, in a fixed order, with each change
/// as its digest (so a change's values can be erased without breaking the chain).
#[derive(Serialize)]
struct Hashed<'a> {
    seq: u64,
    at: &'a DateTime<Utc>,
    action: Action,
    entity_kind: &'a str,
    entity_id: &'a EntityId,
    changes: Vec<String>,
    prev_hash: &'a HexDigest,
}

/// What the hash covered in export format version 1 (before erasure existed): the changes'
/// values themselves. Only read to verify a version 1 file before it is brought up to date.
#[derive(Serialize)]
struct HashedV1<'a> {
    seq: u64,
    at: &'a DateTime<Utc>,
    action: Action,
    entity_kind: &'a str,
    entity_id: &'a EntityId,
    changes: Vec<ChangeV1<'a>>,
    prev_hash: &'a HexDigest,
}

#[derive(Serialize)]
struct ChangeV1<'a> {
    field: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
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
            entity_kind: FieldName::new(entity_kind),
            entity_id: EntityId::parse(entity_id),
            changes,
            prev_hash: head.hash.clone(),
            hash: HexDigest::ZERO,
            subjects: Vec::new(),
            salt: None,
        };
        event.hash = event.compute_hash();
        event
    }

    /// The event that follows `head`, its changes' digests salted with `salt`, about the
    /// records of `subjects`.
    #[allow(clippy::too_many_arguments)]
    pub fn next_salted(
        head: &ChainHead,
        at: DateTime<Utc>,
        action: Action,
        entity_kind: &str,
        entity_id: &str,
        changes: Vec<FieldChange>,
        salt: String,
        subjects: Vec<String>,
    ) -> Self {
        let mut event = Self::next(head, at, action, entity_kind, entity_id, changes);
        event.salt = Some(HexSalt::parse(&salt));
        event.subjects = subjects.into_iter().map(EntityId::from).collect();
        event.hash = event.compute_hash();
        event
    }

    /// The salt of change `j`: its own (kept when other changes of the event were erased), or
    /// one derived from the event's, or none (written before salting).
    fn salt_of(&self, j: usize) -> Option<String> {
        let change = self.changes.get(j)?;
        if let Some(own) = change.salt() {
            return Some(own.to_string());
        }
        let event = self.salt.as_ref()?;
        let mut hasher = Sha256::new();
        event.with_str(|text| hasher.update(text.as_bytes()));
        hasher.update(b":");
        hasher.update(j.to_string().as_bytes());
        Some(super::hex::encode(&hasher.finalize()[..16]))
    }

    /// What the hash covers for change `j`.
    fn change_digest(&self, j: usize) -> String {
        match self.changes.get(j) {
            Some(c) => c.digest_with(self.salt_of(j).as_deref()),
            None => String::new(),
        }
    }

    /// Whether the event is about `who`: their own record, or one that belongs to them.
    pub fn concerns(&self, who: &str) -> bool {
        self.entity_id == who || self.subjects.iter().any(|s| s == who)
    }

    pub fn compute_hash(&self) -> HexDigest {
        let content = Hashed {
            seq: self.seq,
            at: &self.at,
            action: self.action,
            entity_kind: &self.entity_kind,
            entity_id: &self.entity_id,
            changes: (0..self.changes.len())
                .map(|j| self.change_digest(j))
                .collect(),
            prev_hash: &self.prev_hash,
        };
        HexDigest::of(json_sha256(&content))
    }

    /// The hash as export format version 1 (and vaults before it) computed it.
    pub(crate) fn compute_hash_v1(&self) -> HexDigest {
        let content = HashedV1 {
            seq: self.seq,
            at: &self.at,
            action: self.action,
            entity_kind: &self.entity_kind,
            entity_id: &self.entity_id,
            changes: self
                .changes
                .iter()
                .map(|c| ChangeV1 {
                    field: &c.field,
                    before: c.before.as_deref(),
                    after: c.after.as_deref(),
                })
                .collect(),
            prev_hash: &self.prev_hash,
        };
        HexDigest::of(json_sha256(&content))
    }

    /// Erases every value of the event's changes (Art. 17); its hash still verifies.
    pub fn erase_values(&mut self) {
        self.erase_where(|_| true);
    }

    /// Erases the values of the changes `which` picks (their digests stay); the others keep
    /// their values, each with the salt it had, and the event's salt goes: nothing left can
    /// confirm a guess of what was erased. The hash is unchanged.
    pub fn erase_where(&mut self, which: impl Fn(&FieldChange) -> bool) {
        let salts: Vec<Option<String>> = (0..self.changes.len()).map(|j| self.salt_of(j)).collect();
        let digests: Vec<String> = (0..self.changes.len())
            .map(|j| self.change_digest(j))
            .collect();
        let mut any = false;
        for ((change, salt), digest) in self.changes.iter_mut().zip(salts).zip(digests) {
            if change.is_erased() {
                continue;
            }
            if which(change) {
                change.erase_to(digest);
                any = true;
            } else {
                change.set_salt(salt);
            }
        }
        if any {
            self.salt = None;
        }
    }

    /// Whether any value of the event is still readable.
    pub fn has_values(&self) -> bool {
        self.changes
            .iter()
            .any(|c| c.before.is_some() || c.after.is_some())
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
    let current = walk(events, AuditEvent::compute_hash)?;
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

/// Follows the chain from its start: each event next in sequence, linked to the one before,
/// and its hash as `hash` computes it. Returns the last event's position.
fn walk(
    events: &[AuditEvent],
    hash: impl Fn(&AuditEvent) -> HexDigest,
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
        if hash(event) != event.hash {
            return Err(ChainError::Altered(event.seq));
        }
        current = event.head();
    }
    Ok(current)
}

/// Brings a trail written under export format version 1 up to today's hashing: it must first
/// verify as version 1 computed it (so a forged trail is never re-sealed as genuine); then each
/// event is hashed anew, in order, linked to the one before.
pub fn rehash_v1(events: &mut [AuditEvent]) -> Result<ChainHead, ChainError> {
    walk(events, AuditEvent::compute_hash_v1)?;
    let mut head = ChainHead::genesis();
    for event in events.iter_mut() {
        event.prev_hash = head.hash.clone();
        event.hash = event.compute_hash();
        head = event.head();
    }
    Ok(head)
}

/// Whether an event still holds values whose digests are unsalted (written before salting).
pub fn unsalted(event: &AuditEvent) -> bool {
    event.salt.is_none()
        && event
            .changes
            .iter()
            .any(|c| c.erased().is_none() && c.salt().is_none())
}

/// How many salts `resalt` draws for `events`.
pub fn salts_needed(events: &[AuditEvent]) -> usize {
    events
        .iter()
        .map(|e| usize::from(unsalted(e)) + e.changes.iter().filter(|c| c.is_erased()).count())
        .sum()
}

/// Brings a trail written before each change's digest was salted under today's rule: it must
/// verify as it is (a forged trail is never re-sealed as genuine); then each event still holding
/// unsalted values gets a salt of its own, each digest an erasure left is digested again with
/// a salt that is then thrown away (so neither can confirm a guess of what was erased), and
/// every event is hashed anew, linked to the one before. `salt` gives `salts_needed` of them.
pub fn resalt(
    events: &mut [AuditEvent],
    mut salt: impl FnMut() -> String,
) -> Result<ChainHead, ChainError> {
    walk(events, AuditEvent::compute_hash)?;
    let mut head = ChainHead::genesis();
    for event in events.iter_mut() {
        if unsalted(event) {
            event.salt = Some(HexSalt::parse(&salt()));
        }
        for change in &mut event.changes {
            if let Some(kept) = change.erased() {
                let again = Sha256::digest(format!("{}:{kept}", salt()).as_bytes());
                change.set_erased(Some(super::hex::encode(&again)));
            }
        }
        event.prev_hash = head.hash.clone();
        event.hash = event.compute_hash();
        head = event.head();
    }
    Ok(head)
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
            changes.push(FieldChange::new(*field, old, new.clone()));
        }
    }
    for (field, old) in before {
        if old.is_some() && !after.iter().any(|(f, _)| f == field) {
            changes.push(FieldChange::new(*field, old.clone(), None));
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
                    vec![
                        FieldChange::new(
                            "name",
                            Some(format!("v{i}")),
                            Some(format!("v{}", i + 1)),
                        ),
                        FieldChange::new("email", None, Some(format!("jana{i}@firma.cz"))),
                    ],
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
    fn the_kind_of_events_read_is_one_shared_text_written_as_before() {
        let events = chain(2);
        let json = serde_json::to_string(&events).unwrap();
        assert!(json.contains(r#""entity_kind":"contact""#));
        let read: Vec<AuditEvent> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, events);
        assert_eq!(serde_json::to_string(&read).unwrap(), json);
        assert_eq!(read[0].entity_kind, *"contact");
        assert!(std::ptr::eq(
            read[0].entity_kind.as_str(),
            read[1].entity_kind.as_str()
        ));
        verify_chain(&read, Some(&events[1].head())).unwrap();
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
                FieldChange::new("email", None, Some("j@x.cz".into())),
                FieldChange::new("phone", Some("1".into()), None),
            ]
        );
        assert!(diff(&before, &before).is_empty());
    }

    #[test]
    fn erased_values_leave_a_chain_that_verifies_and_holds_none_of_them() {
        let mut events = chain(5);
        let head = events[4].head();
        events[1].erase_values();
        events[3].changes[1].erase();
        assert_eq!(verify_chain(&events, Some(&head)), Ok(head.clone()));
        assert!(!events[1].has_values());
        let text = serde_json::to_string(&events).unwrap();
        assert!(!text.contains("jana1@") && !text.contains("jana3@"));
        assert!(text.contains("jana2@"), "other events keep their values");
        // Erasing twice keeps the first digest; the field names stay readable.
        let once = events[1].clone();
        events[1].erase_values();
        assert_eq!(events[1], once);
        assert_eq!(events[1].changes[0].field, "name");
        // An erased change cannot be forged back into a value.
        events[1].changes[1].after = Some("someone@else.cz".into());
        events[1].changes[1].set_erased(None);
        assert_eq!(verify_chain(&events, None), Err(ChainError::Altered(2)));
    }

    #[test]
    fn an_erased_salted_value_cannot_be_confirmed_even_by_a_right_guess() {
        // An IČO erased from a salted change: what is left is its digest. Without the salt no
        // guess reproduces it, the true value included, so no search over all IČOs can confirm
        // one (the unsalted digest of the old scheme would have).
        let ico = "27074358";
        let salt = "9f2c61e0a4b8d3c7e5f1a2b3c4d5e6f7".to_string();
        let mut event = AuditEvent::next_salted(
            &ChainHead::genesis(),
            Utc.timestamp_opt(1_790_000_000, 0).unwrap(),
            Action::Create,
            "contact",
            "c1",
            vec![
                FieldChange::new("ico", None, Some(ico.to_string())),
                FieldChange::new("notes", None, Some("kept".to_string())),
            ],
            salt.clone(),
            vec![],
        );
        let head = event.head();
        let event_digest = event.change_digest(0);
        event.erase_where(|c| c.field == "ico");
        let change = event.changes[0].clone();
        assert_eq!(change.erased(), Some(event_digest.as_str()));
        assert_eq!(
            (change.before.clone(), change.after.clone(), change.salt()),
            (None, None, None)
        );
        assert_eq!(
            event.salt, None,
            "the event's salt goes with the erased values"
        );
        assert_eq!(event.changes[1].after.as_deref(), Some("kept"));
        assert_eq!(
            verify_chain(std::slice::from_ref(&event), Some(&head)),
            Ok(head)
        );
        let unsalted =
            |candidate: &str| FieldChange::new("ico", None, Some(candidate.to_string())).digest();
        assert_ne!(
            unsalted(ico),
            event_digest,
            "the right guess does not confirm it"
        );
        // Ten thousand IČOs around the true one, with every salt a searcher could try
        // (none, empty): none matches.
        for n in 27_070_000u32..27_080_000 {
            let candidate = n.to_string();
            assert_ne!(unsalted(&candidate), event_digest);
            let empty = FieldChange::new("ico", None, Some(candidate)).salted(String::new());
            assert_ne!(empty.digest(), event_digest);
        }
        let text = serde_json::to_string(&event).unwrap();
        assert!(!text.contains(ico) && !text.contains(&salt));
    }

    #[test]
    fn a_trail_from_before_salting_is_salted_once_and_its_old_erasures_no_longer_confirm() {
        let mut events = chain(4);
        // An erasure of the old scheme: the digest left is the unsalted one, which a guess of
        // the value reproduces.
        events[1].erase_values();
        let guess = FieldChange::new("email", None, Some("jana1@firma.cz".into())).digest();
        assert_eq!(events[1].changes[1].erased(), Some(guess.as_str()));
        let n = std::cell::Cell::new(0);
        let draw = || {
            n.set(n.get() + 1);
            format!("{:016x}", n.get())
        };
        let needed = salts_needed(&events);
        let mut upgraded = events.clone();
        let head = resalt(&mut upgraded, draw).unwrap();
        assert_eq!(n.get(), needed);
        assert_eq!(verify_chain(&upgraded, Some(&head)), Ok(head));
        assert_ne!(upgraded[1].changes[1].erased(), Some(guess.as_str()));
        assert!(upgraded
            .iter()
            .filter(|e| e.has_values())
            .all(|e| e.salt.is_some()));
        assert_eq!(
            salts_needed(&upgraded),
            2,
            "only the re-digested erasures are left"
        );
        // Values erased after it leave a salted digest.
        upgraded[2].erase_values();
        let guess = FieldChange::new("email", None, Some("jana2@firma.cz".into())).digest();
        assert_ne!(upgraded[2].changes[1].erased(), Some(guess.as_str()));
        // A trail that does not verify is not re-sealed as genuine.
        let mut forged = events.clone();
        forged[2].changes[0].after = Some("forged".into());
        assert_eq!(resalt(&mut forged, draw), Err(ChainError::Altered(3)));
    }

    #[test]
    fn a_version_1_trail_is_rehashed_only_if_it_verifies_as_version_1() {
        let mut v1 = chain(4);
        let mut head = ChainHead::genesis();
        for e in v1.iter_mut() {
            e.prev_hash = head.hash.clone();
            e.hash = e.compute_hash_v1();
            head = e.head();
        }
        assert!(
            verify_chain(&v1, None).is_err(),
            "v1 hashes are not today's"
        );
        let mut upgraded = v1.clone();
        let new_head = rehash_v1(&mut upgraded).unwrap();
        assert_eq!(verify_chain(&upgraded, None), Ok(new_head));
        assert_eq!(upgraded[2].changes, v1[2].changes);
        let mut forged = v1.clone();
        forged[2].changes[0].after = Some("forged".into());
        assert_eq!(rehash_v1(&mut forged), Err(ChainError::Altered(3)));
        assert_eq!(forged[3].hash, v1[3].hash, "nothing re-sealed");
    }
}
