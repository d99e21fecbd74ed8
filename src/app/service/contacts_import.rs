//! Contacts imported from CSV or vCard rows into a vault that may hold data already: the valid
//! rows become contacts (validated, audited and sealed like any new contact), organisations are
//! matched by name or created, company cards become organisations only, rows whose e-mail is
//! already in Folio are skipped, and everything is written in one transaction. Part of the service; must not import `ui` or browser types.

use super::error::AppError;
use super::records::Revision;
use super::types::{OpenRecord, UnlockedVault, VaultSnapshot};
use crate::domain::contact::{self as contact_rules, Contact};
use crate::domain::organisation::{Organisation, OrganisationDraft};
use crate::domain::Email;
use crate::domain::FieldErrors;
use crate::portability::contacts_in::{ImportRow, RowKind};
use crate::store::{Batch, Expect, Repository};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// Why a row was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The domain's validation refused it (the organisation's name included).
    Invalid(FieldErrors),
    /// A contact with one of its e-mail addresses is in Folio already.
    AlreadyInFolio,
    /// An earlier row of the same file has one of its e-mail addresses (its number).
    RepeatsRow(usize),
    /// A company card or row whose organisation (by name) is in Folio already.
    OrganisationInFolio,
    /// A company card or row whose organisation an earlier row of the file names (its number).
    OrganisationRepeatsRow(usize),
    /// One of its e-mails or phones is on the do-not-contact list, for this reason.
    DoNotContact(crate::domain::do_not_contact::Reason),
}

/// What a contacts import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactsImportSummary {
    pub imported: usize,
    /// Organisations created because no existing one had the name (company rows included).
    pub organisations_created: usize,
    /// Company cards and rows with only a company: imported as organisations, no person.
    pub companies: usize,
    /// (row or card number, why), in file order.
    pub skipped: Vec<(usize, SkipReason)>,
}

/// A name compared as people mean it: trimmed, whitespace collapsed, case ignored.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The organisation a row's contact will belong to.
enum OrganisationChoice {
    None,
    /// An organisation in the vault (its id).
    Existing(String),
    /// One this import creates (its name; rows with the same name key share it).
    New(Organisation, String),
}

/// What the import creates for one row.
enum Create {
    /// A person (and maybe their organisation).
    Person(Box<Contact>, OrganisationChoice),
    /// An organisation only (a company card), with its name key.
    Company(Organisation, String),
}

/// What the import does with one row: skip it, or create what it holds.
type Planned = (usize, Result<Create, SkipReason>);

/// Decides, row by row and before anything is written, what an import of `rows` into the vault
/// `s` does. The preview and the import itself both follow it, so they cannot disagree.
fn plan(s: &VaultSnapshot, rows: &[ImportRow]) -> Vec<Planned> {
    let known: std::collections::HashSet<String> = s
        .contacts
        .values()
        .flat_map(|c| c.data.emails.iter())
        .filter_map(|e| Email::parse(&e.value).ok())
        .map(|e| e.comparable())
        .collect();
    let existing: BTreeMap<String, String> = s
        .organisations
        .iter()
        .map(|(id, o)| (name_key(&o.data.name), id.clone()))
        .collect();
    let listed = s.do_not_contact_list();
    let mut in_file: BTreeMap<String, usize> = BTreeMap::new();
    let mut companies: BTreeMap<String, usize> = BTreeMap::new();
    let mut planned = Vec::with_capacity(rows.len());
    for row in rows {
        let decision = (|| {
            if let RowKind::Organisation(draft) = &row.kind {
                let key = name_key(&draft.name);
                if existing.contains_key(&key) {
                    return Err(SkipReason::OrganisationInFolio);
                }
                if let Some(earlier) = companies.get(&key) {
                    return Err(SkipReason::OrganisationRepeatsRow(*earlier));
                }
                let o = draft.validate().map_err(|errors| {
                    SkipReason::Invalid(
                        errors
                            .into_iter()
                            .map(|(_, e)| (contact_rules::fields::ORGANISATION, e))
                            .collect(),
                    )
                })?;
                companies.insert(key.clone(), row.number);
                return Ok(Create::Company(o, key));
            }
            let contact = match row.draft.validate() {
                Ok(c) if row.problems.is_empty() => c,
                Ok(_) => return Err(SkipReason::Invalid(row.problems.clone())),
                Err(errors) => return Err(SkipReason::Invalid(errors)),
            };
            let emails: Vec<String> = contact
                .emails
                .iter()
                .filter_map(|e| Email::parse(&e.value).ok())
                .map(|e| e.comparable())
                .collect();
            // Someone who objected, or was erased and kept on the list, does not come back.
            if let Some(reason) = listed.reason_for_any(
                contact.emails.iter().map(|e| e.value.as_str()),
                contact.phones.iter().map(|p| p.value.as_str()),
            ) {
                return Err(SkipReason::DoNotContact(reason));
            }
            if emails.iter().any(|e| known.contains(e)) {
                return Err(SkipReason::AlreadyInFolio);
            }
            if let Some(earlier) = emails.iter().find_map(|e| in_file.get(e)) {
                return Err(SkipReason::RepeatsRow(*earlier));
            }
            let name = row.organisation.trim();
            let organisation = if name.is_empty() {
                OrganisationChoice::None
            } else if let Some(id) = existing.get(&name_key(name)) {
                OrganisationChoice::Existing(id.clone())
            } else {
                let draft = OrganisationDraft {
                    name: name.to_string(),
                    ..OrganisationDraft::default()
                };
                match draft.validate() {
                    Ok(o) => OrganisationChoice::New(o, name_key(name)),
                    Err(errors) => {
                        return Err(SkipReason::Invalid(
                            errors
                                .into_iter()
                                .map(|(_, e)| (contact_rules::fields::ORGANISATION, e))
                                .collect(),
                        ))
                    }
                }
            };
            for e in emails {
                in_file.entry(e).or_insert(row.number);
            }
            if let OrganisationChoice::New(_, key) = &organisation {
                companies.entry(key.clone()).or_insert(row.number);
            }
            Ok(Create::Person(Box::new(contact), organisation))
        })();
        planned.push((row.number, decision));
    }
    planned
}

/// The rows an import into the vault `s` would skip, and why (for the preview).
pub fn contacts_import_skips(s: &VaultSnapshot, rows: &[ImportRow]) -> Vec<(usize, SkipReason)> {
    plan(s, rows)
        .into_iter()
        .filter_map(|(n, d)| d.err().map(|why| (n, why)))
        .collect()
}

impl<R: Repository> UnlockedVault<R> {
    /// Imports the rows that can be imported, in one transaction: each new contact and each new
    /// organisation with its own "create" audit event. Returns what was imported and skipped.
    pub async fn import_contacts(
        &self,
        rows: &[ImportRow],
        now: DateTime<Utc>,
    ) -> Result<ContactsImportSummary, AppError> {
        self.import_contacts_from(rows, "", now).await
    }

    /// `import_contacts`, recording on each new contact that its data came from the file
    /// `file_name` (its source, Art. 14(2)(f)).
    pub async fn import_contacts_from(
        &self,
        rows: &[ImportRow],
        file_name: &str,
        now: DateTime<Utc>,
    ) -> Result<ContactsImportSummary, AppError> {
        self.ready().await?;
        let source = crate::domain::source::imported_from(file_name);
        let planned = self.with_snapshot(|s| plan(s, rows));
        let mut summary = ContactsImportSummary::default();
        let mut organisations: Vec<OpenRecord<Organisation>> = Vec::new();
        let mut contacts: Vec<OpenRecord<Contact>> = Vec::new();
        let mut created: BTreeMap<String, String> = BTreeMap::new();
        let mut puts = Vec::new();
        let mut entries = Vec::new();
        let mut companies = 0;
        let mut follow_up = None;
        for (number, decision) in planned {
            let (mut contact, organisation) = match decision {
                Ok(Create::Person(contact, organisation)) => (*contact, organisation),
                Ok(Create::Company(data, key)) => {
                    let revision = Revision::of(None, data, now)?;
                    puts.push((self.seal(&revision.record)?, Expect::Absent));
                    entries.push(revision.entry());
                    created.insert(key, revision.record.id.clone());
                    organisations.push(revision.record);
                    companies += 1;
                    continue;
                }
                Err(why) => {
                    summary.skipped.push((number, why));
                    continue;
                }
            };
            contact.organisation_id = match organisation {
                OrganisationChoice::None => None,
                OrganisationChoice::Existing(id) => Some(id),
                OrganisationChoice::New(data, key) => match created.get(&key) {
                    Some(id) => Some(id.clone()),
                    None => {
                        let revision = Revision::of(None, data, now)?;
                        puts.push((self.seal(&revision.record)?, Expect::Absent));
                        entries.push(revision.entry());
                        let id = revision.record.id.clone();
                        created.insert(key, id.clone());
                        organisations.push(revision.record);
                        Some(id)
                    }
                },
            };
            if contact.source.is_none() {
                contact.source = Some(source.clone());
            }
            let revision = Revision::of(None, contact, now)?;
            puts.push((self.seal(&revision.record)?, Expect::Absent));
            entries.push(revision.entry());
            contacts.push(revision.record);
        }
        if entries.is_empty() {
            return Ok(summary);
        }
        // Their data came from a file, not from them: one follow-up to inform them (Art. 14(3)).
        if !contacts.is_empty() {
            let title = crate::domain::stored::Stored::InformImported {
                people: contacts.len(),
                file: source.detail.chars().take(100).collect(),
            }
            .code();
            let task = crate::domain::task::Task {
                title,
                due: crate::domain::source::inform_by(Some(&source), None, now).unwrap_or(now),
                done: false,
                contact_id: None,
                deal_id: None,
            };
            let revision = Revision::of(None, task, now)?;
            puts.push((self.seal(&revision.record)?, Expect::Absent));
            entries.push(revision.entry());
            follow_up = Some(revision.record);
        }
        let batch = Batch {
            puts,
            ..Batch::default()
        };
        self.commit(batch, entries, now).await?;
        summary.imported = contacts.len();
        summary.organisations_created = organisations.len();
        summary.companies = companies;
        self.keep_all(organisations);
        self.keep_all(contacts);
        self.keep_all(follow_up.into_iter().collect());
        Ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{empty_vault, firm, new_vault, pass, t, unlock, ContactDraft};
    use super::*;
    use crate::domain::FieldError;
    use crate::portability::contacts_in::{read, Source};
    use futures_executor::block_on;

    fn rows(file: &str) -> Vec<ImportRow> {
        match read(file.as_bytes()).unwrap().source {
            Source::Csv(t) => t.rows(&t.guess_mapping()),
            Source::Vcard(f) => f.rows,
        }
    }

    const FILE: &str = "\u{feff}Jméno;Příjmení;E-mail;Firma\r\n\
        Zdeňka;Šťastná;zdenka@stastna.cz;ŠŤASTNÝ A SYN,  S.R.O.\r\n\
        ;;petr@;\r\n\
        Věra;Šťastná;vera@stastna.cz;\r\n\
        Jan;Dvořák;jan@dvorak.cz;Dvořák s.r.o.\r\n\
        Jana;Dvořáková;JAN@dvorak.cz;\r\n\
        Eva;Malá;;dvořák S.R.O.\r\n";

    #[test]
    fn valid_rows_are_imported_in_one_transaction_and_the_rest_reported() {
        let (repo, v) = new_vault();
        let existing = ContactDraft {
            given_name: "Věra".into(),
            emails: "VERA@stastna.cz".into(),
            ..ContactDraft::default()
        };
        block_on(v.save_contact(None, &existing, t(1))).unwrap();
        let acme_id =
            block_on(v.save_organisation(None, &firm("Šťastný a syn, s.r.o."), t(2))).unwrap();
        let audit_before = repo.raw_audit_event_count();

        // A failed transaction writes nothing at all: the import is one transaction.
        repo.fail_next_commit();
        assert!(block_on(v.import_contacts(&rows(FILE), t(3))).is_err());
        assert_eq!(repo.raw_audit_event_count(), audit_before);
        assert_eq!(v.snapshot().contacts.len(), 1);

        let summary = block_on(v.import_contacts_from(&rows(FILE), "google.csv", t(3))).unwrap();
        assert!(v
            .snapshot()
            .contacts
            .values()
            .filter(|c| c.created_at == t(3))
            .all(|c| c.data.source
                == Some(crate::domain::source::Source {
                    kind: crate::domain::source::SourceKind::Import,
                    detail: "google.csv".into()
                })));
        // One follow-up to inform the people imported (Art. 14(3)), due in a month.
        let follow_ups: Vec<_> = v
            .snapshot()
            .tasks
            .values()
            .map(|t| t.data.clone())
            .collect();
        assert_eq!(follow_ups.len(), 1);
        assert_eq!(
            crate::domain::stored::Stored::read(&follow_ups[0].title),
            Some(crate::domain::stored::Stored::InformImported {
                people: summary.imported,
                file: "google.csv".into()
            })
        );
        assert_eq!(
            follow_ups[0].due,
            t(3).checked_add_months(chrono::Months::new(1)).unwrap()
        );
        assert_eq!(summary.imported, 3);
        assert_eq!(summary.organisations_created, 1);
        assert_eq!(
            summary.skipped,
            vec![
                (
                    3,
                    SkipReason::Invalid(vec![(
                        contact_rules::fields::GIVEN_NAME,
                        FieldError::Required
                    )])
                ),
                (4, SkipReason::AlreadyInFolio),
                (6, SkipReason::RepeatsRow(5)),
            ]
        );
        assert_eq!(
            repo.raw_audit_event_count(),
            audit_before + 5,
            "each new contact and organisation audited, and the follow-up to inform them"
        );
        // Everything is back after unlocking again: sealed and stored, with a sound chain.
        let s = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(s.chain, None);
        assert_eq!(s.contacts.len(), 4);
        assert_eq!(s.organisations.len(), 2);
        let by_name = |given: &str| {
            s.contacts
                .values()
                .find(|c| c.data.given_name == given)
                .unwrap()
                .data
                .clone()
        };
        assert_eq!(by_name("Zdeňka").family_name, "Šťastná");
        assert_eq!(
            by_name("Zdeňka").organisation_id.as_deref(),
            Some(&*acme_id),
            "an existing organisation is matched by name, case and spacing ignored"
        );
        let dvorak = by_name("Jan").organisation_id.unwrap();
        assert_eq!(s.organisations[&dvorak].data.name, "Dvořák s.r.o.");
        assert_eq!(
            by_name("Eva").organisation_id.as_deref(),
            Some(&*dvorak),
            "an organisation created by this import is matched too"
        );
        assert_eq!(v.snapshot().contacts.len(), 4, "memory follows the store");
    }

    #[test]
    fn an_address_on_the_do_not_contact_list_is_skipped_with_its_reason() {
        use crate::domain::do_not_contact::Reason;
        let v = empty_vault();
        let jan = ContactDraft {
            given_name: "Jan".into(),
            emails: "jan@dvorak.cz".into(),
            phones: "+420 601 111 222".into(),
            ..ContactDraft::default()
        };
        let id = block_on(v.save_contact(None, &jan, t(1))).unwrap();
        block_on(v.delete_contact(
            &id,
            crate::app::service::KeepOnList::Yes,
            t(2),
            t(2).date_naive(),
        ))
        .unwrap();
        // Jan's row (its e-mail in capitals) and Jana's (another e-mail, his phone).
        let file = "given_name;family_name;email;phone\r\n\
            Jan;Dvořák;JAN@dvorak.cz;\r\n\
            Jana;Dvořáková;jana@dvorak.cz;601 111 222\r\n\
            Eva;Malá;eva@mala.cz;\r\n";
        let summary = block_on(v.import_contacts(&rows(file), t(3))).unwrap();
        assert_eq!(summary.imported, 1);
        assert_eq!(
            summary.skipped,
            vec![
                (2, SkipReason::DoNotContact(Reason::Erased)),
                (3, SkipReason::DoNotContact(Reason::Erased)),
            ]
        );
        assert_eq!(
            crate::i18n::phrases::skip_reason(crate::i18n::Lang::En, &summary.skipped[0].1, false),
            "on the do-not-contact list: an erased person's address"
        );
    }

    #[test]
    fn a_hostile_file_name_leaves_a_follow_up_and_a_source_folio_would_write() {
        use crate::domain::Revalidate;
        let v = empty_vault();
        let name = format!("\u{0}\n\u{1b}[31m{}{}", "\"\\".repeat(150), "ř".repeat(300));
        block_on(v.import_contacts_from(&rows(FILE), &name, t(1))).unwrap();
        let snapshot = v.snapshot();
        for c in snapshot.contacts.values() {
            let detail = &c.data.source.as_ref().unwrap().detail;
            assert!(!detail.chars().any(char::is_control));
            assert!(detail.chars().count() <= crate::domain::source::MAX_DETAIL_CHARS);
            assert_eq!(c.data.revalidate(), Ok(()), "an export of it imports again");
        }
        let task = &snapshot.tasks.values().next().unwrap().data;
        assert!(task.title.chars().count() <= 300, "{}", task.title.len());
        assert_eq!(task.revalidate(), Ok(()));
    }

    #[test]
    fn importing_the_same_file_twice_adds_nobody() {
        let (repo, v) = new_vault();
        let first = block_on(v.import_contacts(&rows(FILE), t(1))).unwrap();
        assert_eq!(first.imported, 4);
        let audit = repo.raw_audit_event_count();
        let again = block_on(v.import_contacts(&rows(FILE), t(2))).unwrap();
        assert_eq!(
            again
                .skipped
                .iter()
                .filter(|(_, why)| *why == SkipReason::AlreadyInFolio)
                .count(),
            4,
            "every row with an e-mail is already in Folio"
        );
        // Eva has no e-mail, so nothing says she is the same person: she comes in again.
        assert_eq!(again.imported, 1);
        assert_eq!(again.organisations_created, 0);
        // Eva's creation, and the follow-up to inform the one person imported (Art. 14(3)).
        assert_eq!(repo.raw_audit_event_count(), audit + 2);
        assert_eq!(v.snapshot().contacts.len(), 5);
    }

    #[test]
    fn the_preview_skips_exactly_what_the_import_skips() {
        let v = empty_vault();
        let existing = ContactDraft {
            given_name: "Věra".into(),
            emails: "vera@stastna.cz".into(),
            ..ContactDraft::default()
        };
        block_on(v.save_contact(None, &existing, t(1))).unwrap();
        let rows = rows(FILE);
        let preview = v.with_snapshot(|s| contacts_import_skips(s, &rows));
        let done = block_on(v.import_contacts(&rows, t(2))).unwrap();
        assert_eq!(preview, done.skipped);
        assert_eq!(
            preview.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            vec![3, 4, 6]
        );
    }

    #[test]
    fn a_bad_value_is_left_out_and_the_person_comes_in() {
        let v = empty_vault();
        let rows = rows("Jméno;E-mail;Telefon\r\nPetr;petr@;BusinessPhone\r\n");
        assert_eq!(rows[0].dropped.len(), 2);
        let summary = block_on(v.import_contacts(&rows, t(1))).unwrap();
        assert_eq!((summary.imported, summary.skipped.len()), (1, 0));
        let s = v.snapshot();
        let petr = s.contacts.values().next().unwrap();
        assert_eq!(petr.data.given_name, "Petr");
        assert!(petr.data.emails.is_empty() && petr.data.phones.is_empty());
    }

    #[test]
    fn a_company_card_becomes_an_organisation_only_counted_apart() {
        let v = empty_vault();
        let file = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Apple Computer AG\r\nORG:Apple Computer AG;\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n\
            BEGIN:VCARD\r\nVERSION:3.0\r\nN:Cook;Tim\r\nORG:apple computer ag\r\nEND:VCARD\r\n\
            BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Apple Computer AG\r\nEND:VCARD\r\n";
        let summary = block_on(v.import_contacts(&rows(file), t(1))).unwrap();
        assert_eq!(summary.imported, 1);
        assert_eq!(summary.companies, 1);
        assert_eq!(
            summary.organisations_created, 1,
            "the person joins the company card's"
        );
        assert_eq!(
            summary.skipped,
            vec![(3, SkipReason::OrganisationRepeatsRow(1))]
        );
        let s = v.snapshot();
        let tim = s.contacts.values().next().unwrap();
        let org = s.organisations.values().next().unwrap();
        assert_eq!(tim.data.organisation_id.as_deref(), Some(org.id.as_str()));
        // Once it is in Folio, the card is said to be there.
        let again = v.with_snapshot(|s| contacts_import_skips(s, &rows(file)));
        assert_eq!(again[0], (1, SkipReason::OrganisationInFolio));
    }

    #[test]
    fn nothing_to_import_writes_nothing() {
        let (repo, v) = new_vault();
        let audit = repo.raw_audit_event_count();
        let summary = block_on(v.import_contacts(&rows("Jméno;E-mail\r\n;x@\r\n"), t(1))).unwrap();
        assert_eq!(summary.imported, 0);
        assert_eq!(summary.skipped.len(), 1);
        assert_eq!(repo.raw_audit_event_count(), audit);
    }
}
