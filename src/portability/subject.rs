//! One person's export (GDPR Art. 15 access and Art. 20 portability), in the same format.

use super::format::*;
use std::collections::HashSet;

/// What Folio holds about one person, in the same format (GDPR Art. 15 access and Art. 20
/// portability): their contact record, organisation, activities, consents with every event,
/// objections and restrictions, the deals, documents and follow-ups they are part of, the
/// purposes their consents refer to, and the audit events about these records. Other people
/// named on a shared deal or document are left out (Art. 15(4)); the audit events are a
/// selection, so the file is an access copy, not a backup (its chain does not verify alone).
pub fn subject(all: &Export, contact_id: &str) -> Option<Export> {
    let contact = all.contacts.iter().find(|c| c.id == contact_id)?.clone();
    let only = |ids: &[String]| {
        ids.iter()
            .filter(|c| *c == contact_id)
            .cloned()
            .collect::<Vec<_>>()
    };
    let organisation = contact.data.organisation_id.clone();
    let named = |ids: &[String]| ids.iter().any(|c| c == contact_id);
    let mut deals = kept(&all.deals, |d| named(&d.data.contact_ids));
    for d in &mut deals {
        d.data.contact_ids = only(&d.data.contact_ids);
    }
    // A link to a deal this person is not on would name someone else's deal.
    let unlink_other_deal = |deal: &mut Option<String>| {
        if deal
            .as_ref()
            .is_some_and(|x| !deals.iter().any(|k| &k.id == x))
        {
            *deal = None;
        }
    };
    let mut documents = kept(&all.documents, |d| named(&d.data.contact_ids));
    for d in &mut documents {
        d.data.contact_ids = only(&d.data.contact_ids);
        unlink_other_deal(&mut d.data.deal_id);
    }
    let consents = kept(&all.consents, |c| c.data.contact_id == contact_id);
    let mut activities = kept(&all.activities, |a| a.data.contact_id == contact_id);
    for a in &mut activities {
        unlink_other_deal(&mut a.data.deal_id);
    }
    let limits = kept(&all.limits, |l| l.data.contact_id == contact_id);
    let theirs = |id: &Option<String>| id.as_deref() == Some(contact_id);
    let tasks = kept(&all.tasks, |t| theirs(&t.data.contact_id));
    let requests = kept(&all.requests, |r| theirs(&r.data.contact_id));
    // Who received their data (Art. 15(1)(c)).
    let disclosures = kept(&all.disclosures, |d| d.data.contact_id == contact_id);
    // Breaches that affected them (Art. 15 and 34), without the other people affected.
    let mut breaches = kept(&all.breaches, |b| named(&b.data.contact_ids));
    for b in &mut breaches {
        b.data.contact_ids = only(&b.data.contact_ids);
    }
    let mut records: HashSet<String> = HashSet::from([contact.id.clone()]);
    records.extend(ids(&disclosures));
    records.extend(ids(&requests));
    records.extend(ids(&activities));
    records.extend(ids(&consents));
    records.extend(ids(&limits));
    records.extend(ids(&tasks));
    let purposes = kept(&all.purposes, |p| {
        consents.iter().any(|c| c.data.purpose_id == p.id)
            || limits
                .iter()
                .any(|l| l.data.purpose_id.as_ref() == Some(&p.id))
    });
    // The history of the person's own records (shared deals and documents name others too).
    let audit_log = all
        .audit_log
        .iter()
        .filter(|e| records.contains(&e.entity_id))
        .cloned()
        .collect();
    // The notice versions this person was given: with the contact record, or with a consent.
    let given: HashSet<&str> = contact
        .data
        .informed
        .iter()
        .filter_map(|i| i.notice_sha256.as_deref())
        .chain(
            consents
                .iter()
                .filter_map(|c| c.data.notice_sha256.as_deref()),
        )
        .collect();
    let notices = kept(&all.notices, |n| given.contains(n.data.sha256.as_str()));
    Some(Export {
        format: all.format.clone(),
        version: all.version,
        exported_at: all.exported_at,
        app_version: all.app_version.clone(),
        controller: all.controller.clone(),
        pipeline: all.pipeline.clone(),
        organisations: kept(&all.organisations, |o| organisation.as_ref() == Some(&o.id)),
        contacts: vec![contact],
        activities,
        purposes,
        consents,
        limits,
        deals,
        documents,
        tasks,
        requests,
        #[cfg(test)]
        probes: Vec::new(),
        audit_log,
        do_not_contact: None,
        erased_people: None,
        notices,
        breaches,
        processors: Vec::new(),
        disclosures,
    })
}

/// The records of a section that `keep` picks, copied.
fn kept<T: Clone>(section: &[Record<T>], keep: impl Fn(&Record<T>) -> bool) -> Vec<Record<T>> {
    section.iter().filter(|r| keep(r)).cloned().collect()
}

/// The ids of records.
fn ids<T>(records: &[Record<T>]) -> impl Iterator<Item = String> + '_ {
    records.iter().map(|r| r.id.clone())
}
