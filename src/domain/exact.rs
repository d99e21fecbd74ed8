//! Lists read at their exact length: a vector filled one item at a time keeps room for up to
//! twice its items, and a vault holds hundreds of thousands of short lists (an audit event's
//! changes, a contact's e-mails). Must not import anything outside `domain`.

use serde::{Deserialize, Deserializer};

/// Reads a list and gives back the room it does not use (`deserialize_with = "exact::vec"`).
pub fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "super::vec")]
        items: Vec<String>,
    }

    #[test]
    fn a_list_is_read_whole_and_keeps_no_spare_room() {
        let read: Holder = serde_json::from_str(r#"{"items": ["a", "b", "c", "d", "e"]}"#).unwrap();
        assert_eq!(read.items, ["a", "b", "c", "d", "e"]);
        assert_eq!(read.items.capacity(), 5);
        let one: Holder = serde_json::from_str(r#"{"items": ["a"]}"#).unwrap();
        assert_eq!(one.items.capacity(), 1);
        assert!(serde_json::from_str::<Holder>(r#"{"items": "a"}"#).is_err());
    }
}
