//! Erasure of one person (GDPR Art. 17): what goes, what must stay and why (documents under a
//! legal retention hold, Art. 17(3)(b)), and what is left of the person meanwhile, restricted
//! (Art. 18). Pure rules; must not import anything outside `domain`.

use super::activity::Activity;
use super::consent::{ConsentRecord, Limit};
use super::contact::Contact;
use super::deal::Deal;
use super::document::{holds_on, Document, Hold};
use super::request::{RequestKind, RequestStatus, SubjectRequest};
use super::task::Task;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// The records an erasure looks at, as (id, data) pairs.
#[derive(Default)]
pub struct Records<'a> {
    pub activities: Vec<(&'a String, &'a Activity)>,
    pub consents: Vec<(&'a String, &'a ConsentRecord)>,
    pub limits: Vec<(&'a String, &'a Limit)>,
    pub tasks: Vec<(&'a String, &'a Task)>,
    pub deals: Vec<(&'a String, &'a Deal)>,
    pub documents: Vec<(&'a String, &'a Document)>,
    pub requests: Vec<(&'a String, &'a SubjectRequest)>,
    pub breaches: Vec<(&'a String, &'a super::breach::Breach)>,
    /// The "Shared with" log (#21).
    pub disclosures: Vec<(&'a String, &'a super::disclosure::Disclosure)>,
}

/// What erasing one person does, worked out before anything is touched (the user sees it first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub contact_id: String,
    /// Documents that must be kept, latest end first. While any holds, the contact stays,
    /// reduced to what they need and restricted.
    pub holds: Vec<Hold>,
    /// Deleted: the person's activities, consent records, objections/restrictions, follow-ups.
    pub activities: Vec<String>,
    pub consents: Vec<String>,
    pub limits: Vec<String>,
    pub tasks: Vec<String>,
    /// Deals that stay, without the person.
    pub deals: Vec<String>,
    /// Documents past their retention that name the person: the person is taken off; one that
    /// then refers to nothing at all is deleted.
    pub documents_unlinked: Vec<String>,
    pub documents_deleted: Vec<String>,
    /// Register entries about the person: kept (the controller must show how it answered), the
    /// person's name replaced by a reference unless the contact stays.
    pub requests: Vec<String>,
    /// Breach register entries that affected the person: kept (the register is the
    /// controller's, Art. 33(5)), the person unlinked.
    pub breaches: Vec<String>,
    /// Deleted: the log of whom their data was shared with (the recipients are told of the
    /// erasure by follow-ups that do not name the person, Art. 19).
    pub disclosures: Vec<String>,
    /// The records whose history (audit event values) is erased.
    pub history: BTreeSet<String>,
    /// Whether the contact record still exists (a person deleted earlier is erased from the
    /// history alone).
    pub live: bool,
    /// Where the person's name, e-mail or phone appear in other records' free text: left as
    /// they are unless the user edits them first.
    pub mentions: Vec<Mention>,
}

/// A record whose free text names the person being erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// "deal", "contact", "activity", "document" or "request".
    pub kind: &'static str,
    pub id: String,
    /// For an activity, the contact whose timeline it is on (where to edit it).
    pub owner: Option<String>,
    /// What names the person there: their name, an e-mail or a phone number.
    pub by: MentionedBy,
}

/// What in a text names the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionedBy {
    Name,
    Email,
    Phone,
}

/// What identifies a person in free text: their full name (folded: no case, no diacritics),
/// e-mail addresses (lower case) and phone numbers (digits only, the last nine).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needles {
    names: Vec<String>,
    emails: Vec<String>,
    phones: Vec<String>,
}

impl Needles {
    /// What identifies `contact`. A name of one short word alone would match too much: only a
    /// full name (two words, or one of at least five letters) is searched for.
    pub fn of(contact: &Contact) -> Self {
        let name = super::search::fold(&contact.display_name());
        let names = if name.split_whitespace().count() >= 2 || name.chars().count() >= 5 {
            vec![name]
        } else {
            Vec::new()
        };
        Needles {
            names,
            emails: contact
                .emails
                .iter()
                .map(|e| e.value.trim().to_lowercase())
                .filter(|e| e.contains('@'))
                .collect(),
            phones: contact
                .phones
                .iter()
                .filter_map(|p| digits_tail(&p.value))
                .collect(),
        }
    }

    /// What names the person in `text`, if anything does.
    pub fn found_in(&self, text: &str) -> Option<MentionedBy> {
        if text.trim().is_empty() {
            return None;
        }
        let lower = text.to_lowercase();
        if self.emails.iter().any(|e| lower.contains(e.as_str())) {
            return Some(MentionedBy::Email);
        }
        if !self.phones.is_empty() {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            if self.phones.iter().any(|p| digits.contains(p.as_str())) {
                return Some(MentionedBy::Phone);
            }
        }
        let folded = super::search::fold(text);
        if self.names.iter().any(|n| folded.contains(n.as_str())) {
            return Some(MentionedBy::Name);
        }
        None
    }
}

/// The last nine digits of a phone number (none for fewer than six digits).
fn digits_tail(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 6).then(|| digits[digits.len().saturating_sub(9)..].iter().collect())
}

/// The other records' free texts an erasure looks for the person in.
#[derive(Default)]
pub struct Texts<'a> {
    /// (id, notes) of the other contacts.
    pub contacts: Vec<(&'a String, &'a str)>,
    /// (id, title and notes) of deals.
    pub deals: Vec<(&'a String, String)>,
    /// (id, contact, subject and body) of other people's activities.
    pub activities: Vec<(&'a String, &'a String, String)>,
    /// (id, note) of documents.
    pub documents: Vec<(&'a String, &'a str)>,
    /// (id, steps and outcome) of register entries.
    pub requests: Vec<(&'a String, String)>,
}

/// Where `needles` appear in `texts`.
pub fn mentions(needles: &Needles, texts: &Texts) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut look = |kind, id: &String, owner: Option<&String>, text: &str| {
        if let Some(by) = needles.found_in(text) {
            found.push(Mention {
                kind,
                id: id.clone(),
                owner: owner.cloned(),
                by,
            });
        }
    };
    for (id, text) in &texts.contacts {
        look("contact", id, None, text);
    }
    for (id, text) in &texts.deals {
        look("deal", id, None, text);
    }
    for (id, owner, text) in &texts.activities {
        look("activity", id, Some(owner), text);
    }
    for (id, text) in &texts.documents {
        look("document", id, None, text);
    }
    for (id, text) in &texts.requests {
        look("request", id, None, text);
    }
    found
}

/// A deleted person as the audit trail still knows them: each field's newest value in the
/// events of their contact record (what an erasure must find in free text and put on the
/// do-not-contact list).
pub fn person_from_history(id: &str, events: &[super::audit::AuditEvent]) -> Contact {
    use super::contact::{fields, Labelled};
    let mut person = Contact::default();
    let split = |v: &str| -> Vec<Labelled> {
        v.split(", ")
            .map(|part| match part.split_once(": ") {
                Some((label, value)) => Labelled {
                    label: label.to_string(),
                    value: value.to_string(),
                },
                None => Labelled {
                    label: String::new(),
                    value: part.to_string(),
                },
            })
            .collect()
    };
    for e in events.iter().filter(|e| e.entity_id == id) {
        for c in &e.changes {
            let value = c.after.as_deref().or(c.before.as_deref()).unwrap_or("");
            if value.is_empty() {
                continue;
            }
            match c.field.as_str() {
                fields::GIVEN_NAME => person.given_name = value.to_string(),
                fields::FAMILY_NAME => person.family_name = value.to_string(),
                fields::EMAIL => person.emails = split(value),
                fields::PHONE => person.phones = split(value),
                _ => {}
            }
        }
    }
    person
}

/// The fields a contact keeps while documents hold it: what an invoice or contract must carry
/// about its party (name, company, IČO, DIČ, address), nothing else.
pub const KEPT_FIELDS: [&str; 6] = [
    super::contact::fields::GIVEN_NAME,
    super::contact::fields::FAMILY_NAME,
    super::contact::fields::ORGANISATION,
    super::contact::fields::ICO,
    super::contact::fields::VAT_ID,
    super::contact::fields::ADDRESS,
];

impl Plan {
    /// Whether the contact stays (reduced and restricted) because documents must be kept.
    pub fn keeps_contact(&self) -> bool {
        !self.holds.is_empty()
    }

    /// The day the last hold ends: after it the erasure can be finished.
    pub fn keep_until(&self) -> Option<NaiveDate> {
        self.holds.iter().map(|h| h.until).max()
    }

    /// What the erasure does, as counts and dates (the register's outcome, stored as a code).
    pub fn summary(&self) -> super::stored::ErasureSummary {
        super::stored::ErasureSummary {
            activities: self.activities.len(),
            consents: self.consents.len(),
            limits: self.limits.len(),
            tasks: self.tasks.len(),
            documents_deleted: self.documents_deleted.len(),
            history: self.history.len(),
            unlinked: self.deals.len() + self.documents_unlinked.len(),
            register: !self.requests.is_empty() && !self.keeps_contact(),
            keep_until: self.keep_until(),
            holds: self
                .holds
                .iter()
                .map(|h| (h.kind, h.number.clone()))
                .collect(),
            breaches: self.breaches.len(),
        }
    }
}

/// The pseudonymous reference that stands for an erased person where a trace must remain
/// (the requests register): the first part of their random id, which names no one.
pub fn reference(contact_id: &str) -> String {
    contact_id.chars().take(8).collect()
}

/// How the register names an erased person: `erased:` and the reference.
pub const ERASED_SUBJECT: &str = "erased:";

/// The ids of the records `which` picks.
fn ids_where<T>(records: &[(&String, &T)], which: impl Fn(&T) -> bool) -> Vec<String> {
    records
        .iter()
        .filter(|(_, r)| which(r))
        .map(|(id, _)| (*id).clone())
        .collect()
}

/// Works out the erasure of `contact` (with id `contact_id`) on `today`.
pub fn plan(contact_id: &str, contact: &Contact, records: &Records, today: NaiveDate) -> Plan {
    let mine = |id: &str| id == contact_id;
    let holds = holds_on(contact_id, records.documents.iter().copied(), today);
    let held: BTreeSet<&str> = holds.iter().map(|h| h.document_id.as_str()).collect();
    let activities = ids_where(&records.activities, |a| mine(&a.contact_id));
    let consents = ids_where(&records.consents, |c| mine(&c.contact_id));
    let limits = ids_where(&records.limits, |l| mine(&l.contact_id));
    let tasks = ids_where(&records.tasks, |t| {
        t.contact_id.as_deref() == Some(contact_id)
    });
    let deals = ids_where(&records.deals, |d| d.contact_ids.iter().any(|c| mine(c)));
    let mut documents_unlinked = Vec::new();
    let mut documents_deleted = Vec::new();
    for (id, d) in &records.documents {
        if held.contains(id.as_str()) || !d.contact_ids.iter().any(|c| mine(c)) {
            continue;
        }
        let others = d.contact_ids.iter().any(|c| !mine(c));
        if others || d.organisation_id.is_some() || d.deal_id.is_some() {
            documents_unlinked.push((*id).clone());
        } else {
            documents_deleted.push((*id).clone());
        }
    }
    let requests = ids_where(&records.requests, |r| {
        r.contact_id.as_deref() == Some(contact_id)
    });
    let breaches = ids_where(&records.breaches, |b| b.contact_ids.iter().any(|c| mine(c)));
    let disclosures = ids_where(&records.disclosures, |d| mine(&d.contact_id));
    let mut history: BTreeSet<String> = BTreeSet::from([contact_id.to_string()]);
    history.extend(contact.merged_from.iter().cloned());
    for list in [
        &activities,
        &consents,
        &limits,
        &tasks,
        &documents_deleted,
        &requests,
        &disclosures,
    ] {
        history.extend(list.iter().cloned());
    }
    Plan {
        contact_id: contact_id.to_string(),
        holds,
        activities,
        consents,
        limits,
        tasks,
        deals,
        documents_unlinked,
        documents_deleted,
        requests,
        breaches,
        disclosures,
        history,
        live: true,
        mentions: Vec::new(),
    }
}

/// What is left of a contact while documents hold it: the fields those documents need,
/// processing restricted (Art. 18), and the day of the erasure (so it can be finished).
pub fn remainder(contact: &Contact, today: NaiveDate) -> Contact {
    Contact {
        given_name: contact.given_name.clone(),
        family_name: contact.family_name.clone(),
        organisation_id: contact.organisation_id.clone(),
        ico: contact.ico.clone(),
        vat_id: contact.vat_id.clone(),
        addresses: contact.addresses.clone(),
        restricted: true,
        erased_on: Some(contact.erased_on.unwrap_or(today)),
        ..Contact::default()
    }
}

/// A register entry about the erased person: kept, with a reference instead of their name. It
/// stays linked to the contact only when a hold keeps what is left of it (`keeps_contact`).
pub fn pseudonymised_request(request: &SubjectRequest, plan: &Plan) -> SubjectRequest {
    SubjectRequest {
        contact_id: request.contact_id.clone().filter(|_| plan.keeps_contact()),
        subject: format!("{ERASED_SUBJECT}{}", reference(&plan.contact_id)),
        ..request.clone()
    }
}

/// The register entry that records this erasure: the person's open erasure request closed as
/// done, or (when there is none) a new one received and done today.
pub fn logged_request(
    existing: Option<&SubjectRequest>,
    plan: &Plan,
    subject: &str,
    outcome: &str,
    today: NaiveDate,
) -> SubjectRequest {
    let mut request = match existing {
        Some(r) => pseudonymised_request(r, plan),
        None => pseudonymised_request(
            &SubjectRequest::new_open(
                RequestKind::Erasure,
                Some(plan.contact_id.clone()),
                subject.to_string(),
                today,
            ),
            plan,
        ),
    };
    if request.close(RequestStatus::Done, outcome, today).is_err() {
        // Already closed (an erasure finished later): the outcome says what happened last.
        request.outcome = outcome.trim().to_string();
    }
    request
}

/// Whether a contact waits for its erasure to be finished: erased while held, and no document
/// holds it any more on `today`.
pub fn ready_to_finish<'a>(
    contact_id: &str,
    contact: &Contact,
    documents: impl IntoIterator<Item = (&'a String, &'a Document)>,
    today: NaiveDate,
) -> bool {
    contact.erased_on.is_some() && holds_on(contact_id, documents, today).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_found_by_name_e_mail_or_phone_however_written() {
        let needles = Needles::of(&jana());
        assert_eq!(
            needles.found_in("Call JANA NOVAKOVA back"),
            Some(MentionedBy::Name)
        );
        assert_eq!(
            needles.found_in("cc: Jana@Firma.cz"),
            Some(MentionedBy::Email)
        );
        let with_phone = Contact {
            phones: vec![crate::domain::contact::Labelled {
                label: String::new(),
                value: "+420 601 234 567".into(),
            }],
            ..jana()
        };
        assert_eq!(
            Needles::of(&with_phone).found_in("her mobile is 601-234-567"),
            Some(MentionedBy::Phone)
        );
        assert_eq!(needles.found_in("Jan Novák called"), None);
        assert_eq!(needles.found_in(""), None);
        let ids = ["d1".to_string(), "c2".to_string(), "a1".to_string()];
        let texts = Texts {
            deals: vec![(&ids[0], "Audit — Jana Nováková introduced us".to_string())],
            contacts: vec![(&ids[1], "sister of jana@firma.cz")],
            activities: vec![(&ids[2], &ids[1], "lunch".to_string())],
            ..Texts::default()
        };
        let found = mentions(&needles, &texts);
        assert_eq!(
            found
                .iter()
                .map(|m| (m.kind, m.id.as_str()))
                .collect::<Vec<_>>(),
            [("contact", "c2"), ("deal", "d1")]
        );
    }

    #[test]
    fn a_deleted_person_is_known_from_the_history_of_their_record() {
        use crate::domain::audit::{Action, AuditEvent, ChainHead, FieldChange};
        let at = chrono::Utc::now();
        let created = AuditEvent::next(
            &ChainHead::genesis(),
            at,
            Action::Create,
            "contact",
            "c1",
            vec![
                FieldChange::new("given_name", None, Some("Jana".into())),
                FieldChange::new("email", None, Some("work: jana@firma.cz, j@x.cz".into())),
            ],
        );
        let deleted = AuditEvent::next(
            &created.head(),
            at,
            Action::Delete,
            "contact",
            "c1",
            vec![FieldChange::new(
                "family_name",
                Some("Nováková".into()),
                None,
            )],
        );
        let person = person_from_history("c1", &[created, deleted]);
        assert_eq!(person.display_name(), "Jana Nováková");
        let emails: Vec<&str> = person.emails.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(emails, ["jana@firma.cz", "j@x.cz"]);
    }
    use crate::domain::activity::ActivityKind;
    use crate::domain::contact::Labelled;
    use crate::domain::document::{default_retain_until, DocumentKind};
    use crate::domain::testing::day;
    use chrono::{TimeZone, Utc};

    fn jana() -> Contact {
        Contact {
            given_name: "Jana".into(),
            family_name: "Nováková".into(),
            emails: vec![Labelled {
                label: "work".into(),
                value: "jana@firma.cz".into(),
            }],
            organisation_id: Some("org".into()),
            ico: Some("27074358".into()),
            addresses: vec![crate::domain::contact::Labelled {
                label: "work".into(),
                value: "Dlouhá 1, Praha".into(),
            }],
            birthday: chrono::NaiveDate::from_ymd_opt(1980, 1, 2),
            notes: "likes tea".into(),
            tags: vec!["vip".into()],
            merged_from: vec!["old-jana".into()],
            ..Contact::default()
        }
    }

    fn invoice(date: NaiveDate, contacts: &[&str], org: Option<&str>) -> Document {
        Document {
            kind: DocumentKind::Invoice,
            number: "2026-001".into(),
            date,
            amount: None,
            note: String::new(),
            deal_id: None,
            contact_ids: contacts.iter().map(|c| c.to_string()).collect(),
            organisation_id: org.map(str::to_string),
            retain_until: default_retain_until(DocumentKind::Invoice, date, None),
            retention_reason: String::new(),
            contract_end: None,
        }
    }

    fn activity(contact: &str) -> Activity {
        Activity {
            contact_id: contact.into(),
            kind: ActivityKind::Call,
            at: Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap(),
            subject: "call".into(),
            body: String::new(),
            deal_id: None,
        }
    }

    struct Data {
        ids: Vec<String>,
        activities: Vec<Activity>,
        documents: Vec<Document>,
        deal: Deal,
        request: SubjectRequest,
    }

    fn data(documents: Vec<Document>) -> Data {
        Data {
            ids: (0..10).map(|i| format!("id{i}")).collect(),
            activities: vec![activity("c1"), activity("someone-else")],
            documents,
            deal: {
                let pipeline = crate::domain::deal::Pipeline::default();
                let stage = pipeline.first_open().unwrap().id.clone();
                let at = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
                let mut deal = Deal::new("Audit", &pipeline, &stage, at).unwrap();
                deal.contact_ids = vec!["c1".into(), "c2".into()];
                deal
            },
            request: SubjectRequest::new_open(
                RequestKind::Erasure,
                Some("c1".into()),
                "Jana Nováková".into(),
                day(2026, 11, 1),
            ),
        }
    }

    fn records(d: &Data) -> Records<'_> {
        Records {
            activities: d.ids.iter().zip(&d.activities).collect(),
            documents: d.ids[4..].iter().zip(&d.documents).collect(),
            deals: vec![(&d.ids[8], &d.deal)],
            requests: vec![(&d.ids[9], &d.request)],
            ..Records::default()
        }
    }

    #[test]
    fn without_a_hold_everything_about_the_person_goes() {
        // An invoice from 2014 was kept to 31 Dec 2024: no longer a hold in 2026.
        let d = data(vec![invoice(day(2014, 3, 1), &["c1"], None)]);
        let plan = plan("c1", &jana(), &records(&d), day(2026, 11, 23));
        assert!(!plan.keeps_contact());
        assert_eq!(plan.keep_until(), None);
        assert_eq!(plan.activities, vec!["id0".to_string()]);
        assert_eq!(plan.documents_deleted, vec!["id4".to_string()]);
        assert_eq!(plan.deals, vec!["id8".to_string()]);
        assert_eq!(plan.requests, vec!["id9".to_string()]);
        for id in ["c1", "old-jana", "id0", "id4", "id9"] {
            assert!(plan.history.contains(id), "{id}'s history is erased");
        }
        assert!(!plan.history.contains("id1") && !plan.history.contains("id8"));
        let r = pseudonymised_request(&d.request, &plan);
        assert_eq!(r.subject, "erased:c1");
        assert_eq!(r.contact_id, None);
    }

    #[test]
    fn an_invoice_hold_keeps_the_invoice_particulars_restricted_until_it_ends() {
        let d = data(vec![
            invoice(day(2026, 3, 15), &["c1"], Some("org")),
            // An old contract with another party too: the person is only taken off it.
            invoice(day(2010, 1, 1), &["c1", "c2"], None),
        ]);
        let plan = plan("c1", &jana(), &records(&d), day(2026, 11, 23));
        assert!(plan.keeps_contact());
        assert_eq!(plan.keep_until(), Some(day(2036, 12, 31)));
        assert_eq!(plan.holds[0].document_id, "id4");
        assert_eq!(plan.documents_unlinked, vec!["id5".to_string()]);
        assert!(plan.documents_deleted.is_empty());
        let kept = remainder(&jana(), day(2026, 11, 23));
        assert_eq!(kept.display_name(), "Jana Nováková");
        assert_eq!(kept.ico.as_deref(), Some("27074358"));
        assert_eq!(kept.addresses[0].value, "Dlouhá 1, Praha");
        assert_eq!(kept.birthday, None, "an invoice needs no birthday");
        assert!(kept.emails.is_empty() && kept.notes.is_empty() && kept.tags.is_empty());
        assert!(kept.merged_from.is_empty());
        assert!(kept.restricted);
        assert_eq!(kept.erased_on, Some(day(2026, 11, 23)));
        // The register refers to them by reference, linked to what the hold keeps.
        let logged = logged_request(Some(&d.request), &plan, "", "done", day(2026, 11, 23));
        assert!(logged.subject.starts_with(ERASED_SUBJECT));
        assert!(!logged.subject.contains("Nováková"));
        assert_eq!(logged.contact_id.as_deref(), Some("c1"));
        assert_eq!(logged.status, RequestStatus::Done);
        // The hold ends on 31 Dec 2036; from 1 Jan 2037 the erasure can be finished.
        let docs: Vec<(&String, &Document)> = d.ids[4..].iter().zip(&d.documents).collect();
        assert!(!ready_to_finish(
            "c1",
            &kept,
            docs.clone(),
            day(2036, 12, 31)
        ));
        assert!(ready_to_finish("c1", &kept, docs.clone(), day(2037, 1, 1)));
        assert!(!ready_to_finish("c1", &jana(), docs, day(2037, 1, 1)));
    }

    #[test]
    fn an_erasure_without_a_request_is_logged_as_one_done_today() {
        let d = data(vec![]);
        let plan = plan("c1", &jana(), &records(&d), day(2026, 11, 23));
        let logged = logged_request(None, &plan, "Jana Nováková", "erased", day(2026, 11, 23));
        assert_eq!(logged.kind, RequestKind::Erasure);
        assert_eq!(logged.subject, "erased:c1");
        assert_eq!(logged.received, day(2026, 11, 23));
        assert_eq!(logged.closed, Some(day(2026, 11, 23)));
        assert_eq!(logged.outcome, "erased");
    }
}
