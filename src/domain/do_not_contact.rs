//! The people who must not come back: the do-not-contact list (e-mail addresses and phone
//! numbers whose owners objected to direct marketing or were erased, kept only as keyed
//! digests, so no address remains in the clear) and the ids of erased people (so that an old
//! export or backup merged back does not restore them). Pure rules; the keys come from outside.

use super::{Email, Phone};
use chrono::NaiveDate;
use hmac::{KeyInit, Mac};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// How a person could be contacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
}

/// Why an address is on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Its owner objected to direct marketing (Art. 21(3): absolute).
    Objected,
    /// Its owner was erased (Art. 17) and kept on the list.
    Erased,
}

/// One address on the list: its keyed digest, never the address itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub tag: String,
    pub channel: Channel,
    pub reason: Reason,
    pub since: NaiveDate,
}

/// Entries digested under one key (a vault's; a list merged from another vault keeps its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyedList {
    /// The HMAC key, hex (32 bytes).
    pub key: String,
    pub entries: Vec<Entry>,
}

/// The do-not-contact list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoNotContact {
    pub lists: Vec<KeyedList>,
}

/// An address as the list compares it: an e-mail by its comparable form, a phone by its digits
/// with the calling code; None when it is no address at all.
pub fn normalized(channel: Channel, value: &str) -> Option<String> {
    match channel {
        Channel::Email => Email::parse(value).ok().map(|e| e.comparable()),
        Channel::Phone => Phone::parse(value, "420")
            .ok()
            .map(|p| p.comparable().to_string()),
    }
}

fn tag(key: &str, channel: Channel, normalized: &str) -> Option<String> {
    let key = super::hex::decode(key)?;
    let mut mac = HmacSha256::new_from_slice(&key).ok()?;
    mac.update(match channel {
        Channel::Email => b"email\0",
        Channel::Phone => b"phone\0",
    });
    mac.update(normalized.as_bytes());
    Some(super::hex::encode(&mac.finalize().into_bytes()))
}

impl DoNotContact {
    /// Why `value` is on the list, if it is.
    pub fn reason(&self, channel: Channel, value: &str) -> Option<Reason> {
        let normal = normalized(channel, value)?;
        self.lists.iter().find_map(|list| {
            let t = tag(&list.key, channel, &normal)?;
            list.entries
                .iter()
                .find(|e| e.channel == channel && e.tag == t)
                .map(|e| e.reason)
        })
    }

    /// Puts `value` on the list (under the first list's key, or `new_key` when there is none);
    /// false when it is no address or already there.
    pub fn add(
        &mut self,
        channel: Channel,
        value: &str,
        reason: Reason,
        since: NaiveDate,
        new_key: impl FnOnce() -> String,
    ) -> bool {
        if self.reason(channel, value).is_some() {
            return false;
        }
        let Some(normal) = normalized(channel, value) else {
            return false;
        };
        if self.lists.is_empty() {
            self.lists.push(KeyedList {
                key: new_key(),
                entries: Vec::new(),
            });
        }
        let list = &mut self.lists[0];
        match tag(&list.key, channel, &normal) {
            Some(t) => {
                list.entries.push(Entry {
                    tag: t,
                    channel,
                    reason,
                    since,
                });
                true
            }
            None => false,
        }
    }

    /// Takes `value` off the list; false when it was not on it.
    pub fn remove(&mut self, channel: Channel, value: &str) -> bool {
        let Some(normal) = normalized(channel, value) else {
            return false;
        };
        let mut removed = false;
        for list in &mut self.lists {
            if let Some(t) = tag(&list.key, channel, &normal) {
                let before = list.entries.len();
                list.entries
                    .retain(|e| !(e.channel == channel && e.tag == t));
                removed |= list.entries.len() < before;
            }
        }
        self.lists
            .retain(|l| !l.entries.is_empty() || l.key.is_empty());
        removed
    }

    /// Why any of these e-mails or phones is on the list, if one is.
    pub fn reason_for_any<'a>(
        &self,
        emails: impl IntoIterator<Item = &'a str>,
        phones: impl IntoIterator<Item = &'a str>,
    ) -> Option<Reason> {
        if self.is_empty() {
            return None;
        }
        let emails = emails.into_iter().map(|v| (Channel::Email, v));
        let phones = phones.into_iter().map(|v| (Channel::Phone, v));
        emails
            .chain(phones)
            .find_map(|(channel, value)| self.reason(channel, value))
    }

    /// How many addresses are on the list.
    pub fn len(&self) -> usize {
        self.lists.iter().map(|l| l.entries.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// This list with `other`'s entries too (a list merged from another vault keeps its key).
    pub fn union(&self, other: &DoNotContact) -> DoNotContact {
        let mut merged = self.clone();
        for theirs in &other.lists {
            match merged.lists.iter_mut().find(|l| l.key == theirs.key) {
                Some(ours) => {
                    for e in &theirs.entries {
                        if !ours
                            .entries
                            .iter()
                            .any(|o| o.tag == e.tag && o.channel == e.channel)
                        {
                            ours.entries.push(e.clone());
                        }
                    }
                }
                None => merged.lists.push(theirs.clone()),
            }
        }
        merged
    }
}

/// A record that only grows: merged with another copy of itself (from another vault's export)
/// it takes both, instead of the newer revision winning.
pub trait Grows: Sized {
    /// Both together; None for a record that does not merge this way.
    fn grown(&self, _other: &Self) -> Option<Self> {
        None
    }
}

macro_rules! does_not_grow {
    ($($t:ty),*) => { $(impl Grows for $t {})* };
}

does_not_grow!(
    super::contact::Contact,
    super::organisation::Organisation,
    super::activity::Activity,
    super::purpose::Purpose,
    super::consent::ConsentRecord,
    super::consent::Limit,
    super::deal::Deal,
    super::deal::Pipeline,
    super::document::Document,
    super::task::Task,
    super::request::SubjectRequest,
    super::profile::ControllerProfile
);

impl Grows for DoNotContact {
    fn grown(&self, other: &Self) -> Option<Self> {
        Some(self.union(other))
    }
}

impl Grows for ErasedPeople {
    fn grown(&self, other: &Self) -> Option<Self> {
        Some(self.union(other))
    }
}

impl DoNotContact {
    /// What the audit trail records of a change: how many addresses, never which.
    pub fn fields(&self) -> super::audit::FieldValues {
        vec![("do_not_contact", Some(self.len().to_string()))]
    }
}

impl ErasedPeople {
    /// What the audit trail records of a change: how many people.
    pub fn fields(&self) -> super::audit::FieldValues {
        vec![("erased_people", Some(self.people.len().to_string()))]
    }
}

impl super::Revalidate for DoNotContact {
    fn revalidate(&self) -> Result<(), super::FieldErrors> {
        let bad = self.lists.iter().any(|l| {
            super::hex::decode(&l.key).is_none_or(|k| k.len() != 32)
                || l.entries
                    .iter()
                    .any(|e| super::hex::decode(&e.tag).is_none_or(|t| t.len() != 32))
        });
        if bad {
            Err(vec![("do_not_contact", super::FieldError::Required)])
        } else {
            Ok(())
        }
    }
}

impl super::Revalidate for ErasedPeople {
    fn revalidate(&self) -> Result<(), super::FieldErrors> {
        if self.people.keys().all(|id| id.parse::<super::Id>().is_ok()) {
            Ok(())
        } else {
            Err(vec![("erased_people", super::FieldError::Required)])
        }
    }
}

impl super::BelongsTo for DoNotContact {
    fn people(&self) -> Vec<String> {
        Vec::new()
    }
}

impl super::BelongsTo for ErasedPeople {
    fn people(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The people who were erased, by id, with the day: they are not brought back by an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasedPeople {
    pub people: BTreeMap<String, NaiveDate>,
}

impl ErasedPeople {
    pub fn contains(&self, id: &str) -> bool {
        self.people.contains_key(id)
    }

    /// This list with `other`'s people too (the earlier day kept).
    pub fn union(&self, other: &ErasedPeople) -> ErasedPeople {
        let mut merged = self.clone();
        for (id, day) in &other.people {
            merged
                .people
                .entry(id.clone())
                .and_modify(|d| *d = (*d).min(*day))
                .or_insert(*day);
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn key(n: u8) -> String {
        super::super::hex::encode(&[n; 32])
    }

    #[test]
    fn an_address_is_found_however_it_is_written_and_never_kept_in_the_clear() {
        let mut list = DoNotContact::default();
        assert!(list.add(
            Channel::Email,
            "Jana@Firma.cz",
            Reason::Erased,
            day(),
            || key(1)
        ));
        assert!(list.add(
            Channel::Phone,
            "+420 601 234 567",
            Reason::Objected,
            day(),
            || key(9)
        ));
        assert!(!list.add(
            Channel::Email,
            "jana@firma.cz ",
            Reason::Objected,
            day(),
            || key(2)
        ));
        assert!(!list.add(
            Channel::Email,
            "not an address",
            Reason::Erased,
            day(),
            || key(2)
        ));
        assert_eq!(list.len(), 2);
        assert_eq!(list.lists.len(), 1, "one key: the first list's");
        assert_eq!(
            list.reason(Channel::Email, "jana@firma.cz"),
            Some(Reason::Erased)
        );
        assert_eq!(
            list.reason(Channel::Phone, "601234567"),
            Some(Reason::Objected)
        );
        assert_eq!(list.reason(Channel::Email, "petr@firma.cz"), None);
        let text = serde_json::to_string(&list).unwrap();
        assert!(!text.contains("jana") && !text.contains("601"));
        assert!(list.remove(Channel::Email, "JANA@firma.cz"));
        assert!(!list.remove(Channel::Email, "jana@firma.cz"));
        assert_eq!(list.reason(Channel::Email, "jana@firma.cz"), None);
    }

    #[test]
    fn lists_of_two_vaults_merge_each_under_its_own_key() {
        let mut a = DoNotContact::default();
        a.add(Channel::Email, "a@x.cz", Reason::Erased, day(), || key(1));
        let mut b = DoNotContact::default();
        b.add(Channel::Email, "b@x.cz", Reason::Objected, day(), || key(2));
        let both = a.union(&b);
        assert_eq!(both.len(), 2);
        assert!(both.reason(Channel::Email, "a@x.cz").is_some());
        assert!(both.reason(Channel::Email, "b@x.cz").is_some());
        assert_eq!(both.union(&b), both, "merging again adds nothing");
    }
}
