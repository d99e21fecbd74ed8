//! Whose a record is: the people (contact ids) an activity, follow-up, consent, objection,
//! document, deal or request belongs to. Every audit event of such a record names them, so that
//! erasing a person finds its history after the record itself is gone.

use super::activity::Activity;
use super::consent::{ConsentRecord, Limit};
use super::contact::Contact;
use super::deal::{Deal, Pipeline};
use super::document::Document;
use super::organisation::Organisation;
use super::profile::ControllerProfile;
use super::purpose::Purpose;
use super::request::SubjectRequest;
use super::task::Task;

/// The people a record belongs to.
pub trait BelongsTo {
    /// Their contact ids (none for a record that is nobody's, or that is the person itself).
    fn people(&self) -> Vec<String>;
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

nobody!(Contact, Organisation, Purpose, ControllerProfile, Pipeline);

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
}

impl BelongsTo for Document {
    fn people(&self) -> Vec<String> {
        self.contact_ids.clone()
    }
}

impl BelongsTo for Deal {
    fn people(&self) -> Vec<String> {
        self.contact_ids.clone()
    }
}
