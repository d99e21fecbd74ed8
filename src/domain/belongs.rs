//! Whose a record is: the people (contact ids) an activity, follow-up, consent, objection,
//! document, deal or request belongs to. Every audit event of such a record names them, so that
//! erasing a person finds its history after the record itself is gone.

use super::activity::Activity;
use super::breach::Breach;
use super::consent::{ConsentRecord, Limit};
use super::contact::Contact;
use super::deal::{Deal, Pipeline};
use super::do_not_contact::ErasedPeople;
use super::document::Document;
use super::erasure::{reference, ERASED_SUBJECT};
use super::organisation::Organisation;
use super::profile::ControllerProfile;
use super::purpose::Purpose;
use super::request::SubjectRequest;
use super::task::Task;
use chrono::NaiveDate;

/// The people a record belongs to.
pub trait BelongsTo: Sized {
    /// Their contact ids (none for a record that is nobody's, or that is the person itself).
    fn people(&self) -> Vec<String>;

    /// This record (with id `id`) as an import may bring it into a vault that erased
    /// `erased`, as the erasure on `today` would have left it: None when it was theirs alone,
    /// otherwise without what names them. Records that are nobody's come back as they are.
    fn after_erasure(self, id: &str, erased: &ErasedPeople, _today: NaiveDate) -> Option<Self> {
        let people = self.people();
        let theirs = erased.contains(id)
            || (!people.is_empty() && people.iter().all(|p| erased.contains(p)));
        (!theirs).then_some(self)
    }
}

macro_rules! nobody {
    ($($t:ty),*) => {
        $(impl BelongsTo for $t {
            fn people(&self) -> Vec<String> {
                Vec::new()
            }
        })*
    };
}

nobody!(Organisation, Purpose, ControllerProfile, Pipeline);

impl BelongsTo for Contact {
    fn people(&self) -> Vec<String> {
        Vec::new()
    }

    /// An erased person comes back only as what a hold kept of them (erased, restricted).
    fn after_erasure(self, id: &str, erased: &ErasedPeople, _today: NaiveDate) -> Option<Self> {
        (!erased.contains(id) || self.erased_on.is_some()).then_some(self)
    }
}

impl BelongsTo for Activity {
    fn people(&self) -> Vec<String> {
        vec![self.contact_id.clone()]
    }
}

impl BelongsTo for ConsentRecord {
    fn people(&self) -> Vec<String> {
        vec![self.contact_id.clone()]
    }
}

impl BelongsTo for Limit {
    fn people(&self) -> Vec<String> {
        vec![self.contact_id.clone()]
    }
}

impl BelongsTo for Task {
    fn people(&self) -> Vec<String> {
        self.contact_id.iter().cloned().collect()
    }
}

impl BelongsTo for SubjectRequest {
    fn people(&self) -> Vec<String> {
        self.contact_id.iter().cloned().collect()
    }

    /// The register keeps an erased person's requests under a reference, not their name (one
    /// already under its reference, linked to what a hold keeps, stays as it is).
    fn after_erasure(self, _id: &str, erased: &ErasedPeople, _today: NaiveDate) -> Option<Self> {
        if self.subject.starts_with(ERASED_SUBJECT) {
            return Some(self);
        }
        match self.contact_id.as_deref() {
            Some(person) if erased.contains(person) => Some(SubjectRequest {
                subject: format!("{ERASED_SUBJECT}{}", reference(person)),
                contact_id: None,
                ..self
            }),
            _ => Some(self),
        }
    }
}

impl BelongsTo for Document {
    fn people(&self) -> Vec<String> {
        self.contact_ids.clone()
    }

    /// A document under its retention hold comes back whole (the erasure kept it, and what is
    /// left of the person with it); past it, without the erased people, and not at all when
    /// it named nothing else.
    fn after_erasure(mut self, _id: &str, erased: &ErasedPeople, today: NaiveDate) -> Option<Self> {
        if self.holds_on(today) || !self.contact_ids.iter().any(|c| erased.contains(c)) {
            return Some(self);
        }
        self.contact_ids.retain(|c| !erased.contains(c));
        let named_else = !self.contact_ids.is_empty()
            || self.organisation_id.is_some()
            || self.deal_id.is_some();
        named_else.then_some(self)
    }
}

/// Records that are not the people's but name them: a deal (the business's) and an entry of
/// the breach register (the controller's, Art. 33(5)) come back without the erased people,
/// never dropped.
macro_rules! kept_without_them {
    ($($t:ty),*) => {
        $(impl BelongsTo for $t {
            fn people(&self) -> Vec<String> {
                self.contact_ids.clone()
            }

            fn after_erasure(
                mut self,
                _id: &str,
                erased: &ErasedPeople,
                _today: NaiveDate,
            ) -> Option<Self> {
                self.contact_ids.retain(|c| !erased.contains(c));
                Some(self)
            }
        })*
    };
}

kept_without_them!(Deal, Breach);
