//! Revision ids as CouchDB writes them (`n-hash`), a document's ancestry, and the rules every
//! device applies the same way: the digest a Folio revision maps to, a deletion's revision, the
//! winning leaf. Pure; must not import `app` or `ui`.

use super::wire::{Revisions, MAX_REVISIONS};
use sha2::{Digest, Sha256};

/// The largest revision number Folio accepts (what a JavaScript number holds exactly).
pub const MAX_REV: u64 = (1 << 53) - 1;

/// A revision id: its number and its hash.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RevId {
    pub n: u64,
    pub hash: String,
}

impl RevId {
    /// Reads `n-hash`; None for anything else (a number out of range, an empty or odd hash).
    pub fn parse(text: &str) -> Option<RevId> {
        let (n, hash) = text.split_once('-')?;
        let n: u64 = n.parse().ok()?;
        if n == 0 || n > MAX_REV || !valid_hash(hash) {
            return None;
        }
        Some(RevId {
            n,
            hash: hash.to_string(),
        })
    }
}

impl std::fmt::Display for RevId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.n, self.hash)
    }
}

fn valid_hash(hash: &str) -> bool {
    !hash.is_empty() && hash.len() <= 64 && hash.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn hex32(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p);
    }
    let digest = h.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of the CouchDB revision a sealed item maps to: a digest of what is stored, so any
/// device recomputes it and nothing of it is trusted from the server.
pub fn digest(nonce: &[u8], ciphertext: &[u8]) -> String {
    hex32(&[b"folio-rev/1", nonce, ciphertext])
}

/// The revision that deletes `parent`: the same on every device, so two devices deleting the
/// same revision make one deletion, not a conflict.
pub fn tombstone(parent: &RevId) -> RevId {
    RevId {
        n: parent.n.saturating_add(1),
        hash: hex32(&[b"folio-del/1", parent.to_string().as_bytes()]),
    }
}

/// The hash standing for revision `n` between a revision and its newest known ancestor when this
/// device never sent that revision (edited twice between syncs): derived from the child, so it
/// is stable and names no content.
fn gap(child: &RevId, n: u64) -> String {
    hex32(&[
        b"folio-gap/1",
        child.to_string().as_bytes(),
        &n.to_be_bytes(),
    ])
}

/// A document's history as the protocol sends it: its newest revision's number and the hashes
/// from that one back (at most `MAX_REVISIONS`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct History {
    pub start: u64,
    pub ids: Vec<String>,
}

impl History {
    /// The history of a revision with no known ancestor.
    pub fn root(rev: &RevId) -> History {
        History {
            start: rev.n,
            ids: vec![rev.hash.clone()],
        }
    }

    /// The history the server sent with a document, checked against its `_rev`.
    pub fn of(rev: &RevId, revisions: Option<&Revisions>) -> History {
        match revisions {
            Some(r)
                if r.start == rev.n
                    && r.ids.first() == Some(&rev.hash)
                    && r.ids.iter().all(|h| valid_hash(h)) =>
            {
                History {
                    start: r.start,
                    ids: r.ids.iter().take(MAX_REVISIONS).cloned().collect(),
                }
            }
            _ => History::root(rev),
        }
    }

    /// Its newest revision.
    pub fn head(&self) -> Option<RevId> {
        Some(RevId {
            n: self.start,
            hash: self.ids.first()?.clone(),
        })
    }

    /// Whether `rev` is this revision or one of its ancestors.
    pub fn contains(&self, rev: &RevId) -> bool {
        rev.n <= self.start
            && usize::try_from(self.start - rev.n)
                .ok()
                .and_then(|i| self.ids.get(i))
                .is_some_and(|h| *h == rev.hash)
    }

    /// The history of `rev`, a descendant of this one's head (numbers between them that this
    /// device never sent get stable stand-in hashes).
    pub fn child(&self, rev: &RevId) -> History {
        if rev.n <= self.start {
            return History::root(rev);
        }
        let mut ids = vec![rev.hash.clone()];
        for n in (self.start + 1..rev.n).rev().take(MAX_REVISIONS) {
            ids.push(gap(rev, n));
        }
        ids.extend(self.ids.iter().cloned());
        ids.truncate(MAX_REVISIONS);
        History { start: rev.n, ids }
    }

    /// As the protocol's `_revisions` field.
    pub fn revisions(&self) -> Revisions {
        Revisions {
            start: self.start,
            ids: self.ids.clone(),
        }
    }
}

/// Which of a document's leaves wins, as CouchDB picks it: a live one over a deleted one, then
/// the higher revision number, then the greater hash. Every device picks the same.
pub fn winner<'a>(leaves: impl IntoIterator<Item = (&'a RevId, bool)>) -> Option<&'a RevId> {
    leaves
        .into_iter()
        .max_by(|(a, a_del), (b, b_del)| (!a_del, a.n, &a.hash).cmp(&(!b_del, b.n, &b.hash)))
        .map(|(r, _)| r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rev(t: &str) -> RevId {
        RevId::parse(t).unwrap()
    }

    #[test]
    fn revision_ids_read_only_in_couchdbs_shape() {
        assert_eq!(rev("3-abc").n, 3);
        assert_eq!(rev("3-abc").to_string(), "3-abc");
        for bad in [
            "",
            "3",
            "-abc",
            "0-abc",
            "x-abc",
            "3-",
            "3-a b",
            "9007199254740992-a",
        ] {
            assert_eq!(RevId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn histories_know_their_ancestors_and_fill_gaps_stably() {
        let h = History::root(&rev("2-bb"));
        let child = h.child(&rev("5-ee"));
        assert_eq!(child.ids.len(), 4);
        assert!(child.contains(&rev("5-ee")) && child.contains(&rev("2-bb")));
        assert!(!child.contains(&rev("2-cc")) && !child.contains(&rev("6-ee")));
        assert_eq!(child, h.child(&rev("5-ee")), "the same on every device");
        assert_eq!(tombstone(&rev("2-bb")), tombstone(&rev("2-bb")));
        assert_eq!(tombstone(&rev("2-bb")).n, 3);
        let sent = Revisions {
            start: 3,
            ids: vec!["x".into(), "y".into()],
        };
        assert_eq!(History::of(&rev("3-x"), Some(&sent)).ids.len(), 2);
        assert_eq!(
            History::of(&rev("3-z"), Some(&sent)),
            History::root(&rev("3-z"))
        );
    }

    #[test]
    fn the_winner_is_couchdbs() {
        let (a, b, c) = (rev("3-aa"), rev("3-bb"), rev("4-00"));
        assert_eq!(winner([(&a, false), (&b, false)]), Some(&b));
        assert_eq!(winner([(&a, false), (&c, true)]), Some(&a));
        assert_eq!(winner([(&a, false), (&c, false)]), Some(&c));
    }

    proptest! {
        #[test]
        fn parsing_never_panics(text in "\\PC{0,40}") {
            if let Some(r) = RevId::parse(&text) {
                prop_assert_eq!(RevId::parse(&r.to_string()), Some(r));
            }
        }

        #[test]
        fn a_child_contains_its_parent(n in 1u64..1000, k in 1u64..50) {
            let parent = History::root(&RevId { n, hash: "ab".into() });
            let c = RevId { n: n + k, hash: "cd".into() };
            let child = parent.child(&c);
            prop_assert!(child.contains(&parent.head().unwrap()));
            prop_assert!(child.contains(&c));
        }
    }
}
