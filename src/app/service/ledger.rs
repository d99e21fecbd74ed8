//! The ledger: what the vault must hold, kept in the sealed chain head and checked at unlock. For
//! each kind of stored item (each record kind, and the audit trail's items) it keeps how many
//! there are and keyed digests of the set of their ids and of their revisions, under a key
//! derived from the data key. Every commit moves it by what the commit writes and deletes; at
//! unlock it is compared with what storage holds, and each difference is named: a record
//! deleted, rolled back to an older revision, added, duplicated, the trail cut, the head gone.

use crate::domain::audit::ChainHead;
use crate::vault::{Sealer, Tag, VaultError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The ledger's name for the audit trail's stored items (single events and blocks).
pub const AUDIT_ITEMS: &str = "audit";

/// What the vault holds of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub count: u64,
    /// XOR of the tags of the items' ids (hex).
    pub ids: String,
    /// The sum of each item's revision weighted by its tag, modulo 2¹²⁸ (hex): changes when any
    /// item's revision does.
    pub revs: String,
    /// The plain sum of the revisions: which way they moved.
    pub rev_total: String,
}

/// The working form of a tally.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sums {
    count: u64,
    ids: [u8; 32],
    revs: u128,
    rev_total: u128,
}

fn hex(bytes: &[u8]) -> String {
    crate::domain::hex::encode(bytes)
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.is_empty() {
        return Some([0; N]);
    }
    let bytes = crate::domain::hex::decode(text)?;
    bytes.try_into().ok()
}

impl Sums {
    fn of(t: &Tally) -> Option<Sums> {
        Some(Sums {
            count: t.count,
            ids: unhex::<32>(&t.ids)?,
            revs: u128::from_be_bytes(unhex::<16>(&t.revs)?),
            rev_total: if t.rev_total.is_empty() {
                0
            } else {
                t.rev_total.parse().ok()?
            },
        })
    }

    fn tally(&self) -> Tally {
        Tally {
            count: self.count,
            ids: hex(&self.ids),
            revs: hex(&self.revs.to_be_bytes()),
            rev_total: self.rev_total.to_string(),
        }
    }

    /// No item left, and nothing of any counted.
    fn is_empty(&self) -> bool {
        self.count == 0 && self.ids == [0; 32] && self.revs == 0
    }

    /// Adds (`sign` 1) or removes (`sign` -1) an item of tag `tag` at revision `rev`.
    fn apply(&mut self, tag: &Tag, rev: u64, add: bool) {
        self.count = if add {
            self.count.wrapping_add(1)
        } else {
            self.count.wrapping_sub(1)
        };
        for (a, b) in self.ids.iter_mut().zip(tag) {
            *a ^= b;
        }
        let mut low = [0u8; 16];
        low.copy_from_slice(&tag[..16]);
        let weight = u128::from_be_bytes(low) | 1;
        let weighted = weight.wrapping_mul(u128::from(rev));
        if add {
            self.revs = self.revs.wrapping_add(weighted);
            self.rev_total = self.rev_total.wrapping_add(u128::from(rev));
        } else {
            self.revs = self.revs.wrapping_sub(weighted);
            self.rev_total = self.rev_total.wrapping_sub(u128::from(rev));
        }
    }
}

/// What the vault holds, kind by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub kinds: BTreeMap<String, Tally>,
}

/// The tag of a stored item's place: its kind and id.
pub fn tag_of(sealer: &Sealer, kind: &str, id: &str) -> Result<Tag, VaultError> {
    sealer.tag("ledger", &[kind.as_bytes(), id.as_bytes()])
}

impl Ledger {
    /// Adds (or removes) the item of `kind` and `id` at revision `rev`.
    pub fn apply(
        &mut self,
        sealer: &Sealer,
        kind: &str,
        id: &str,
        rev: u64,
        add: bool,
    ) -> Result<(), VaultError> {
        self.apply_all(sealer, [(kind, id, rev, add)])
    }

    /// Adds (or removes) many items: `(kind, id, revision, add)` each. Each kind's tally is
    /// read and written once, not once an item (unlock counts every stored item; an import
    /// writes them all in one commit).
    pub fn apply_all<K: AsRef<str>, I: AsRef<str>>(
        &mut self,
        sealer: &Sealer,
        items: impl IntoIterator<Item = (K, I, u64, bool)>,
    ) -> Result<(), VaultError> {
        let mut working: BTreeMap<String, Sums> = BTreeMap::new();
        for (kind, id, rev, add) in items {
            let (kind, id) = (kind.as_ref(), id.as_ref());
            let tag = tag_of(sealer, kind, id)?;
            if !working.contains_key(kind) {
                let sums = self.kinds.get(kind).and_then(Sums::of).unwrap_or_default();
                working.insert(kind.to_string(), sums);
            }
            if let Some(sums) = working.get_mut(kind) {
                sums.apply(&tag, rev, add);
                // A kind back to nothing starts again from nothing (as if never written).
                if sums.is_empty() {
                    *sums = Sums::default();
                }
            }
        }
        for (kind, sums) in working {
            if sums.is_empty() {
                self.kinds.remove(&kind);
            } else {
                self.kinds.insert(kind, sums.tally());
            }
        }
        Ok(())
    }

    /// The differences from `actual` (what storage holds), as findings named by kind.
    pub fn compare(&self, actual: &Ledger) -> Vec<Finding> {
        let kinds: std::collections::BTreeSet<&String> =
            self.kinds.keys().chain(actual.kinds.keys()).collect();
        let mut findings = Vec::new();
        for kind in kinds {
            let want = self.kinds.get(kind).and_then(Sums::of).unwrap_or_default();
            let have = actual
                .kinds
                .get(kind)
                .and_then(Sums::of)
                .unwrap_or_default();
            if want == have {
                continue;
            }
            let kind = kind.clone();
            let finding = if have.count < want.count {
                Finding::Deleted {
                    kind,
                    count: want.count - have.count,
                }
            } else if have.count > want.count {
                Finding::Added {
                    kind,
                    count: have.count - want.count,
                }
            } else if have.ids != want.ids {
                Finding::Replaced { kind }
            } else if have.rev_total < want.rev_total || have.revs != want.revs {
                Finding::RolledBack { kind }
            } else {
                Finding::Replaced { kind }
            };
            findings.push(finding);
        }
        findings
    }
}

/// The sealed chain head's content: where the trail ends and, since the vault was brought up to
/// date, what the vault holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub seq: u64,
    pub hash: crate::domain::audit::HexDigest,
    /// Absent in a head written before the ledger existed (the vault is brought up to date at
    /// its next unlock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<Ledger>,
    /// Whether the trail is under today's erasure rules: every change's digest salted, every
    /// event linked to the people it belongs to (false in a head written before; the trail is
    /// brought up to them once, at unlock).
    #[serde(default)]
    pub salted: bool,
}

impl Head {
    pub fn chain(&self) -> ChainHead {
        ChainHead {
            seq: self.seq,
            hash: self.hash.clone(),
        }
    }
}

/// Something found at unlock that storage does not hold as the vault recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The sealed chain head is gone: nothing says where the trail ends or what the vault holds.
    HeadMissing,
    /// The sealed chain head does not open.
    HeadDamaged,
    /// Fewer items of a kind than recorded.
    Deleted { kind: String, count: u64 },
    /// More items of a kind than recorded.
    Added { kind: String, count: u64 },
    /// As many, but some with another id than recorded.
    Replaced { kind: String },
    /// The same items, some at an older revision than recorded.
    RolledBack { kind: String },
    /// Items stored twice (the same sealed bytes under another key).
    Duplicated { kind: String, count: u64 },
}

impl Finding {
    /// What the audit trail records of a finding: a code and a count or kind (nothing about
    /// anyone).
    pub fn code(&self) -> (&'static str, String) {
        match self {
            Finding::HeadMissing => ("head_missing", "1".into()),
            Finding::HeadDamaged => ("head_damaged", "1".into()),
            Finding::Deleted { kind, count } => ("deleted", format!("{count} {kind}")),
            Finding::Added { kind, count } => ("added", format!("{count} {kind}")),
            Finding::Replaced { kind } => ("replaced", kind.clone()),
            Finding::RolledBack { kind } => ("rolled_back", kind.clone()),
            Finding::Duplicated { kind, count } => ("duplicated", format!("{count} {kind}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger(items: &[(&str, &str, u64)]) -> Ledger {
        let sealer = Sealer::for_tests(5);
        let mut l = Ledger::default();
        for (kind, id, rev) in items {
            l.apply(&sealer, kind, id, *rev, true).unwrap();
        }
        l
    }

    #[test]
    fn many_items_at_once_count_as_one_at_a_time() {
        let sealer = Sealer::for_tests(5);
        // Adds, removals, a kind emptied and written again, and one emptied for good.
        let moves = [
            ("contact", "a", 1, true),
            ("contact", "b", 1, true),
            ("audit", "1", 1, true),
            ("contact", "a", 1, false),
            ("contact", "a", 2, true),
            ("deal", "d", 3, true),
            ("deal", "d", 3, false),
            ("deal", "d", 4, true),
            ("task", "t", 1, true),
            ("task", "t", 1, false),
        ];
        let mut one_by_one = ledger(&[("contact", "z", 7)]);
        for (kind, id, rev, add) in moves {
            one_by_one.apply(&sealer, kind, id, rev, add).unwrap();
        }
        let mut at_once = ledger(&[("contact", "z", 7)]);
        at_once
            .apply_all(&sealer, moves.map(|(k, i, r, a)| (k, i, r, a)))
            .unwrap();
        assert_eq!(at_once, one_by_one);
        assert!(
            !at_once.kinds.contains_key("task"),
            "an emptied kind is dropped"
        );
        assert_eq!(at_once.kinds["deal"].count, 1);
    }

    #[test]
    fn each_difference_is_named() {
        let recorded = ledger(&[("contact", "a", 2), ("contact", "b", 1), ("audit", "1", 1)]);
        assert!(recorded.compare(&recorded).is_empty());
        let contact = || "contact".to_string();
        for (found, expected) in [
            (
                ledger(&[("contact", "a", 2), ("audit", "1", 1)]),
                Finding::Deleted {
                    kind: contact(),
                    count: 1,
                },
            ),
            (
                ledger(&[("contact", "a", 1), ("contact", "b", 1), ("audit", "1", 1)]),
                Finding::RolledBack { kind: contact() },
            ),
            (
                ledger(&[
                    ("contact", "a", 2),
                    ("contact", "b", 1),
                    ("contact", "c", 1),
                    ("audit", "1", 1),
                ]),
                Finding::Added {
                    kind: contact(),
                    count: 1,
                },
            ),
            (
                ledger(&[("contact", "a", 2), ("contact", "z", 1), ("audit", "1", 1)]),
                Finding::Replaced { kind: contact() },
            ),
        ] {
            assert_eq!(recorded.compare(&found), [expected]);
        }
        // An audit block at an older revision (an erasure undone by an old copy).
        let old_block = ledger(&[("contact", "a", 2), ("contact", "b", 1)]);
        let mut newer = old_block.clone();
        newer
            .apply(&Sealer::for_tests(5), "audit", "2-9", 2, true)
            .unwrap();
        let mut older = old_block;
        older
            .apply(&Sealer::for_tests(5), "audit", "2-9", 1, true)
            .unwrap();
        assert_eq!(
            newer.compare(&older),
            [Finding::RolledBack {
                kind: "audit".into()
            }]
        );
    }

    #[test]
    fn moving_an_item_and_back_leaves_the_ledger_as_it_was() {
        let sealer = Sealer::for_tests(5);
        let before = ledger(&[("contact", "a", 1)]);
        let mut l = before.clone();
        l.apply(&sealer, "contact", "a", 1, false).unwrap();
        l.apply(&sealer, "contact", "a", 2, true).unwrap();
        assert_ne!(l, before);
        l.apply(&sealer, "contact", "a", 2, false).unwrap();
        l.apply(&sealer, "contact", "a", 1, true).unwrap();
        assert_eq!(l, before);
        l.apply(&sealer, "contact", "a", 1, false).unwrap();
        assert_eq!(l, Ledger::default(), "an empty kind is dropped");
    }

    #[test]
    fn another_key_makes_other_digests() {
        let mut a = Ledger::default();
        a.apply(&Sealer::for_tests(1), "contact", "a", 1, true)
            .unwrap();
        let mut b = Ledger::default();
        b.apply(&Sealer::for_tests(2), "contact", "a", 1, true)
            .unwrap();
        assert_ne!(a, b);
    }
}
