//! How two devices' changes to one record come together, the same on every device: field by
//! field against the version both started from; where both changed one field differently, the
//! version written later wins (a tie goes to the greater revision id, as CouchDB picks) and the
//! other value is kept as a sync conflict for the user to take instead. Nothing is dropped
//! silently. Pure: must not import anything outside `domain`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One side of a merge: a record's data as JSON fields, when it was written, and its revision
/// id (for ties).
#[derive(Debug, Clone, PartialEq)]
pub struct Side<'a> {
    pub data: &'a Map<String, Value>,
    pub updated_at: DateTime<Utc>,
    pub rev: &'a str,
}

/// A value that lost where both sides changed one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overlap {
    pub field: String,
    /// The value kept in the record.
    pub taken: Value,
    /// The value not kept: what the conflict list offers.
    pub other: Value,
    /// When the version holding `other` was written.
    pub other_at: DateTime<Utc>,
}

/// Whether `a` wins an overlap against `b`: written later, or at the same instant with the
/// greater revision id.
fn wins(a: &Side<'_>, b: &Side<'_>) -> bool {
    (a.updated_at, a.rev) >= (b.updated_at, b.rev)
}

/// `a` and `b` merged against `base` (None when no common version is known: then every field
/// that differs is an overlap). Fields are compared whole (a list is one field).
pub fn merge(
    base: Option<&Map<String, Value>>,
    a: &Side<'_>,
    b: &Side<'_>,
) -> (Map<String, Value>, Vec<Overlap>) {
    let (first, second) = if wins(a, b) { (a, b) } else { (b, a) };
    let mut merged = Map::new();
    let mut overlaps = Vec::new();
    let keys: std::collections::BTreeSet<&String> = a.data.keys().chain(b.data.keys()).collect();
    for key in keys {
        let (av, bv) = (a.data.get(key), b.data.get(key));
        let was = base.map(|m| m.get(key));
        let value = if av == bv || was == Some(bv) {
            av
        } else if was == Some(av) {
            bv
        } else {
            let (taken, other) = (first.data.get(key), second.data.get(key));
            overlaps.push(Overlap {
                field: key.clone(),
                taken: taken.cloned().unwrap_or(Value::Null),
                other: other.cloned().unwrap_or(Value::Null),
                other_at: second.updated_at,
            });
            taken
        };
        if let Some(v) = value {
            merged.insert(key.clone(), v.clone());
        }
    }
    (merged, overlaps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    fn at(s: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_800_000_000 + s, 0).unwrap()
    }

    #[test]
    fn changes_to_different_fields_both_stay() {
        let base = map(json!({"name": "Jana", "phone": "1", "city": "Brno"}));
        let a = map(json!({"name": "Jana", "phone": "2", "city": "Brno"}));
        let b = map(json!({"name": "Jana", "phone": "1", "city": "Praha"}));
        let (m, o) = merge(
            Some(&base),
            &Side {
                data: &a,
                updated_at: at(1),
                rev: "3-a",
            },
            &Side {
                data: &b,
                updated_at: at(2),
                rev: "3-b",
            },
        );
        assert_eq!(
            Value::Object(m),
            json!({"name": "Jana", "phone": "2", "city": "Praha"})
        );
        assert!(o.is_empty());
    }

    #[test]
    fn an_overlap_goes_to_the_later_and_the_other_is_kept() {
        let base = map(json!({"note": "x"}));
        let a = map(json!({"note": "from A"}));
        let b = map(json!({"note": "from B"}));
        let side_a = Side {
            data: &a,
            updated_at: at(5),
            rev: "3-a",
        };
        let side_b = Side {
            data: &b,
            updated_at: at(2),
            rev: "3-b",
        };
        let (m, o) = merge(Some(&base), &side_a, &side_b);
        assert_eq!(m["note"], "from A");
        assert_eq!(o[0].other, "from B");
        // The same on the other device, which sees the sides the other way round.
        let (m2, o2) = merge(Some(&base), &side_b, &side_a);
        assert_eq!((m, o), (m2, o2));
        // A tie in time goes to the greater revision id.
        let tie = Side {
            data: &b,
            updated_at: at(5),
            rev: "3-b",
        };
        assert_eq!(merge(Some(&base), &side_a, &tie).0["note"], "from B");
    }

    #[test]
    fn without_a_base_every_difference_is_an_overlap() {
        let a = map(json!({"x": 1, "y": 1}));
        let b = map(json!({"x": 2, "y": 1}));
        let (_, o) = merge(
            None,
            &Side {
                data: &a,
                updated_at: at(1),
                rev: "1-a",
            },
            &Side {
                data: &b,
                updated_at: at(1),
                rev: "1-b",
            },
        );
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].taken, json!(2));
    }
}
