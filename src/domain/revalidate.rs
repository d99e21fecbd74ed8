//! A stored record keeps the rules its form keeps: what an import checks of each record before
//! anything is written (a file made by hand, or by another program, is no form). Each record
//! goes back through its form's own validation where it has one; the rest keep their own rules.

use super::activity::{Activity, ActivityDraft};
use super::consent::{ConsentRecord, Limit};
use super::contact::{Contact, ContactDraft};
use super::deal::{Deal, Pipeline};
use super::document::{Document, DocumentDraft};
use super::field::Text;
use super::organisation::{Organisation, OrganisationDraft};
use super::profile::{ControllerProfile, ProfileDraft};
use super::purpose::{Purpose, PurposeDraft};
use super::request::SubjectRequest;
use super::task::Task;
use super::{FieldError, FieldErrors};

/// A record checked against the rules of its form.
pub trait Revalidate {
    fn revalidate(&self) -> Result<(), FieldErrors>;
}

fn done(errors: FieldErrors) -> Result<(), FieldErrors> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

impl Revalidate for Contact {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        let mut draft = ContactDraft::from_contact(self);
        // A name the erasure left empty (only an IČO kept for a retention hold) stays valid.
        if self.erased_on.is_some() && draft.given_name.trim().is_empty() {
            draft.given_name = "-".into();
        }
        draft.validate().map(|_| ())
    }
}

impl Revalidate for Organisation {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        OrganisationDraft::from_organisation(self)
            .validate()
            .map(|_| ())
    }
}

impl Revalidate for ControllerProfile {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        ProfileDraft::from_profile(self).validate().map(|_| ())
    }
}

impl Revalidate for Purpose {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        PurposeDraft::from_purpose(self).validate().map(|_| ())
    }
}

impl Revalidate for Activity {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        ActivityDraft {
            contact_id: self.contact_id.clone(),
            kind: self.kind,
            at: Some(self.at),
            subject: self.subject.clone(),
            body: self.body.clone(),
            deal_id: self.deal_id.clone(),
        }
        .validate()
        .map(|_| ())
    }
}

impl Revalidate for Document {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        DocumentDraft::from_document(self, '.')
            .validate('.')
            .map(|_| ())
    }
}

impl Revalidate for Deal {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        Text::required(300).read(&mut errors, "title", &self.title);
        if self.value.as_ref().is_some_and(|v| v.minor < 0) {
            errors.push(("value", FieldError::Negative));
        }
        if self.probability > 100 {
            errors.push(("probability", FieldError::Required));
        }
        done(errors)
    }
}

impl Revalidate for Task {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        Text::required(300).read(&mut errors, "title", &self.title);
        done(errors)
    }
}

impl Revalidate for SubjectRequest {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        Text::required(300).read(&mut errors, "subject", &self.subject);
        done(errors)
    }
}

impl Revalidate for Limit {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.reason.chars().count() > 2_000 {
            errors.push(("reason", FieldError::TooLong(2_000)));
        }
        done(errors)
    }
}

impl Revalidate for ConsentRecord {
    /// Its events are checked by the export's rules (at least one, in time order); its texts
    /// here.
    fn revalidate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.notice.chars().count() > 2_000 {
            errors.push(("notice", FieldError::TooLong(2_000)));
        }
        done(errors)
    }
}

impl Revalidate for Pipeline {
    fn revalidate(&self) -> Result<(), FieldErrors> {
        match self.check() {
            Ok(()) => Ok(()),
            Err(_) => Err(vec![("stages", FieldError::Required)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_contact_keeps_the_form_s_rules() {
        let good = ContactDraft {
            given_name: "Jana".into(),
            emails: "jana@firma.cz".into(),
            ..ContactDraft::default()
        }
        .validate()
        .unwrap();
        assert!(good.revalidate().is_ok());
        let mut bad = good.clone();
        bad.emails[0].value = "not an address".into();
        assert!(bad.revalidate().is_err());
        let mut nameless = good;
        nameless.given_name.clear();
        nameless.emails.clear();
        assert!(nameless.revalidate().is_err());
    }
}
