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
    let deals: Vec<Record<Deal>> = all
        .deals
        .iter()
        .filter(|d| d.data.contact_ids.iter().any(|c| c == contact_id))
        .map(|d| {
            let mut d = d.clone();
            d.data.contact_ids = only(&d.data.contact_ids);
            d
        })
        .collect();
    // A link to a deal this person is not on would name someone else's deal.
    let unlink_other_deal = |deal: &mut Option<String>| {
        if deal
            .as_ref()
            .is_some_and(|x| !deals.iter().any(|k| &k.id == x))
        {
            *deal = None;
        }
    };
    let documents: Vec<Record<Document>> = all
        .documents
        .iter()
        .filter(|d| d.data.contact_ids.iter().any(|c| c == contact_id))
        .map(|d| {
            let mut d = d.clone();
            d.data.contact_ids = only(&d.data.contact_ids);
            unlink_other_deal(&mut d.data.deal_id);
            d
        })
        .collect();
    let consents: Vec<Record<Consent>> = all
        .consents
        .iter()
        .filter(|c| c.data.contact_id == contact_id)
        .cloned()
        .collect();
    let mut records: HashSet<String> = HashSet::from([contact.id.clone()]);
    let activities: Vec<Record<Activity>> = all
        .activities
        .iter()
        .filter(|a| a.data.contact_id == contact_id)
        .map(|a| {
            let mut a = a.clone();
            unlink_other_deal(&mut a.data.deal_id);
            a
        })
        .collect();
    let limits: Vec<Record<Limit>> = all
        .limits
        .iter()
        .filter(|l| l.data.contact_id == contact_id)
        .cloned()
        .collect();
    let tasks: Vec<Record<Task>> = all
        .tasks
        .iter()
        .filter(|t| t.data.contact_id.as_deref() == Some(contact_id))
        .cloned()
        .collect();
    let requests: Vec<Record<Request>> = all
        .requests
        .iter()
        .filter(|r| r.data.contact_id.as_deref() == Some(contact_id))
        .cloned()
        .collect();
    // Who received their data (Art. 15(1)(c)).
    let disclosures: Vec<Record<Disclosure>> = all
        .disclosures
        .iter()
        .filter(|d| d.data.contact_id == contact_id)
        .cloned()
        .collect();
    records.extend(disclosures.iter().map(|r| r.id.clone()));
    records.extend(requests.iter().map(|r| r.id.clone()));
    // Breaches that affected them (Art. 15 and 34), without the other people affected.
    let breaches: Vec<Record<Breach>> = all
        .breaches
        .iter()
        .filter(|b| b.data.contact_ids.iter().any(|c| c == contact_id))
        .map(|b| {
            let mut b = b.clone();
            b.data.contact_ids = only(&b.data.contact_ids);
            b
        })
        .collect();
    records.extend(activities.iter().map(|r| r.id.clone()));
    records.extend(consents.iter().map(|r| r.id.clone()));
    records.extend(limits.iter().map(|r| r.id.clone()));
    records.extend(tasks.iter().map(|r| r.id.clone()));
    let purposes: Vec<Record<Purpose>> = all
        .purposes
        .iter()
        .filter(|p| {
            consents.iter().any(|c| c.data.purpose_id == p.id)
                || limits
                    .iter()
                    .any(|l| l.data.purpose_id.as_ref() == Some(&p.id))
        })
        .cloned()
        .collect();
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
    let notices = all
        .notices
        .iter()
        .filter(|n| given.contains(n.data.sha256.as_str()))
        .cloned()
        .collect();
    Some(Export {
        format: all.format.clone(),
        version: all.version,
        exported_at: all.exported_at,
        app_version: all.app_version.clone(),
        controller: all.controller.clone(),
        pipeline: all.pipeline.clone(),
        organisations: all
            .organisations
            .iter()
            .filter(|o| organisation.as_ref() == Some(&o.id))
            .cloned()
            .collect(),
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
