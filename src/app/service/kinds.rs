//! The one list of record kinds, in the order people are told about them. Each kind says here its stored name, its map in the decrypted
//! state, its section of the export format, whether the first stage of unlocking opens it, and
//! what people call it; everything done "for every kind" (opening, loading, restoring, what a
//! replace removes, counting, the import summary and its wording) walks this list, so adding a
//! kind means adding it here (with its domain and export types), and nothing else.

use super::error::AppError;
use super::types::{Records, VaultSnapshot};
use crate::domain::audit::FieldValues;
use crate::portability::{Export, Record};
use serde::{de::DeserializeOwned, Serialize};

/// What people call one record of a kind and several, in English (one, other) and Czech (one,
/// few, other), for sentences such as "12 contacts, 3 organisations".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub en: [&'static str; 2],
    pub cs: [&'static str; 3],
}

/// One kind of record the vault holds.
pub trait RecordKind:
    Clone
    + PartialEq
    + Serialize
    + DeserializeOwned
    + crate::domain::Revalidate
    + crate::domain::BelongsTo
    + crate::domain::do_not_contact::Grows
    + 'static
{
    /// The stored name: IndexedDB's clear `kind`, part of each seal's address and of the audit
    /// events about it.
    const KIND: &'static str;
    /// The JSON name of its section in the export format.
    const SECTION: &'static str;
    /// Whether the first stage of unlocking opens it (what the first screens need).
    const FIRST: bool;
    /// Whether the vault holds at most one record of it (the controller's details, the
    /// pipeline): its export section is a record, not a list.
    const SINGLE: bool;
    const NOUN: Noun;
    /// Its type in the export format, of the same JSON shape as the domain type.
    type Exported: Clone + PartialEq + Serialize + DeserializeOwned;
    fn records(s: &VaultSnapshot) -> &Records<Self>;
    fn records_mut(s: &mut VaultSnapshot) -> &mut Records<Self>;
    fn section(e: &Export) -> &[Record<Self::Exported>];
    fn section_mut(e: &mut Export) -> Section<'_, Self::Exported>;
    /// Its fields as the audit trail compares them.
    fn audited(&self) -> FieldValues;
}

/// A section of an export to write to: a list, or a single record.
pub enum Section<'a, E> {
    Many(&'a mut Vec<Record<E>>),
    One(&'a mut Option<Record<E>>),
}

impl<E> Section<'_, E> {
    /// Puts a record in, over the one with its id.
    pub fn put(self, record: Record<E>) {
        match self {
            Section::Many(list) => match list.iter_mut().find(|r| r.id == record.id) {
                Some(r) => *r = record,
                None => list.push(record),
            },
            Section::One(one) => *one = Some(record),
        }
    }

    /// Appends records (to an empty section: no search for ids).
    pub fn extend(self, records: impl IntoIterator<Item = Record<E>>) {
        match self {
            Section::Many(list) => list.extend(records),
            Section::One(one) => {
                if let Some(last) = records.into_iter().last() {
                    *one = Some(last);
                }
            }
        }
    }
}

/// Something done for every kind of the list, in its order.
pub trait EachKind {
    fn kind<K: RecordKind>(&mut self) -> Result<(), AppError>;
}

/// `EachKind` for work that awaits between records (progress, a pause).
#[allow(async_fn_in_trait)]
pub trait EachKindAsync {
    async fn kind<K: RecordKind>(&mut self) -> Result<(), AppError>;
}

/// What an opened record does with the state (`open_as`), by its stored kind.
pub trait OpenAs {
    fn open<K: RecordKind>(&mut self) -> Result<(), AppError>;
}

macro_rules! section_of {
    (many $section:ident) => {
        const SINGLE: bool = false;
        fn section(e: &Export) -> &[Record<Self::Exported>] {
            &e.$section
        }
        fn section_mut(e: &mut Export) -> Section<'_, Self::Exported> {
            Section::Many(&mut e.$section)
        }
    };
    (one $section:ident) => {
        const SINGLE: bool = true;
        fn section(e: &Export) -> &[Record<Self::Exported>] {
            e.$section.as_slice()
        }
        fn section_mut(e: &mut Export) -> Section<'_, Self::Exported> {
            Section::One(&mut e.$section)
        }
    };
}

macro_rules! record_kinds {
    ($(
        $(#[$meta:meta])*
        $ty:ty => $kind:literal {
            records: $records:ident,
            section: $how:ident $section:ident,
            exported: $exported:ty,
            first: $first:literal,
            en: [$en1:literal, $en2:literal],
            cs: [$cs1:literal, $cs2:literal, $cs3:literal] $(,)?
        }
    )*) => {
        $(
            $(#[$meta])*
            impl RecordKind for $ty {
                const KIND: &'static str = $kind;
                const SECTION: &'static str = stringify!($section);
                const FIRST: bool = $first;
                const NOUN: Noun = Noun { en: [$en1, $en2], cs: [$cs1, $cs2, $cs3] };
                type Exported = $exported;
                fn records(s: &VaultSnapshot) -> &Records<Self> {
                    &s.$records
                }
                fn records_mut(s: &mut VaultSnapshot) -> &mut Records<Self> {
                    &mut s.$records
                }
                section_of!($how $section);
                fn audited(&self) -> FieldValues {
                    <$ty>::fields(self)
                }
            }
        )*

        /// Does `each` for every kind of the list, in its order.
        pub fn each_kind(each: &mut impl EachKind) -> Result<(), AppError> {
            $( $(#[$meta])* each.kind::<$ty>()?; )*
            Ok(())
        }

        /// Does `each` for every kind of the list, in its order, awaiting between kinds.
        pub async fn each_kind_async(each: &mut impl EachKindAsync) -> Result<(), AppError> {
            $( $(#[$meta])* each.kind::<$ty>().await?; )*
            Ok(())
        }

        /// Calls `open` with the kind stored as `kind`; false for a kind this build does not know
        /// (a newer Folio's).
        pub fn open_as(kind: &str, open: &mut impl OpenAs) -> Result<bool, AppError> {
            $(
                $(#[$meta])*
                if kind == $kind {
                    open.open::<$ty>()?;
                    return Ok(true);
                }
            )*
            Ok(false)
        }

        /// The stored names of the kinds the first stage of unlocking opens.
        pub fn first_kinds() -> Vec<&'static str> {
            let mut kinds = Vec::new();
            $( $(#[$meta])* if $first { kinds.push($kind); } )*
            kinds
        }
    };
}

use crate::domain::do_not_contact::{DoNotContact, ErasedPeople};
use crate::domain::{
    activity::Activity, consent::ConsentRecord, consent::Limit, contact::Contact, deal::Deal,
    deal::Pipeline, document::Document, organisation::Organisation, profile::ControllerProfile,
    purpose::Purpose, request::SubjectRequest, task::Task,
};

record_kinds! {
    Contact => "contact" {
        records: contacts, section: many contacts, exported: crate::portability::Contact,
        first: true, en: ["contact", "contacts"], cs: ["kontakt", "kontakty", "kontaktů"],
    }
    Organisation => "organisation" {
        records: organisations, section: many organisations,
        exported: crate::portability::Organisation,
        first: true, en: ["organisation", "organisations"], cs: ["firma", "firmy", "firem"],
    }
    Activity => "activity" {
        records: activities, section: many activities, exported: crate::portability::Activity,
        first: false, en: ["activity", "activities"], cs: ["aktivita", "aktivity", "aktivit"],
    }
    ConsentRecord => "consent" {
        records: consents, section: many consents, exported: crate::portability::Consent,
        first: false, en: ["consent", "consents"], cs: ["souhlas", "souhlasy", "souhlasů"],
    }
    Deal => "deal" {
        records: deals, section: many deals, exported: crate::portability::Deal,
        first: false, en: ["deal", "deals"], cs: ["obchod", "obchody", "obchodů"],
    }
    Document => "document" {
        records: documents, section: many documents, exported: crate::portability::Document,
        first: false, en: ["document", "documents"], cs: ["doklad", "doklady", "dokladů"],
    }
    Purpose => "purpose" {
        records: purposes, section: many purposes, exported: crate::portability::Purpose,
        first: true, en: ["purpose", "purposes"], cs: ["účel", "účely", "účelů"],
    }
    Limit => "limit" {
        records: limits, section: many limits, exported: crate::portability::Limit,
        first: true, en: ["objection or restriction", "objections and restrictions"],
        cs: ["námitka či omezení", "námitky a omezení", "námitek a omezení"],
    }
    Task => "task" {
        records: tasks, section: many tasks, exported: crate::portability::Task,
        first: false, en: ["follow-up", "follow-ups"], cs: ["úkol", "úkoly", "úkolů"],
    }
    SubjectRequest => "request" {
        records: requests, section: many requests, exported: crate::portability::Request,
        first: false, en: ["request", "requests"], cs: ["žádost", "žádosti", "žádostí"],
    }
    ControllerProfile => "profile" {
        records: profiles, section: one controller, exported: crate::portability::Controller,
        first: true, en: ["controller's details", "controller's details"],
        cs: ["údaje správce", "údaje správce", "údaje správce"],
    }
    Pipeline => "pipeline" {
        records: pipelines, section: one pipeline, exported: crate::portability::Pipeline,
        first: true, en: ["pipeline", "pipelines"],
        cs: ["obchodní cesta", "obchodní cesty", "obchodních cest"],
    }
    DoNotContact => "do_not_contact" {
        records: do_not_contact, section: one do_not_contact,
        exported: crate::portability::DoNotContact,
        first: false, en: ["do-not-contact list", "do-not-contact lists"],
        cs: ["seznam „nekontaktovat“", "seznamy „nekontaktovat“", "seznamů „nekontaktovat“"],
    }
    ErasedPeople => "erased" {
        records: erased, section: one erased_people, exported: crate::portability::ErasedPeople,
        first: false, en: ["list of erased people", "lists of erased people"],
        cs: ["seznam vymazaných osob", "seznamy vymazaných osob", "seznamů vymazaných osob"],
    }
    crate::domain::notice::NoticeVersion => "notice" {
        records: notices, section: many notices, exported: crate::portability::NoticeVersion,
        first: false, en: ["privacy notice version", "privacy notice versions"],
        cs: ["verze informací o zpracování", "verze informací o zpracování",
            "verzí informací o zpracování"],
    }
    crate::domain::breach::Breach => "breach" {
        records: breaches, section: many breaches, exported: crate::portability::Breach,
        first: false, en: ["breach", "breaches"],
        cs: ["porušení zabezpečení", "porušení zabezpečení", "porušení zabezpečení"],
    }
    // Recipients and processors (#21).
    crate::domain::processor::Processor => "processor" {
        records: processors, section: many processors, exported: crate::portability::Processor,
        first: false, en: ["processor", "processors"], cs: ["zpracovatel", "zpracovatelé", "zpracovatelů"],
    }
    crate::domain::disclosure::Disclosure => "disclosure" {
        records: disclosures, section: many disclosures,
        exported: crate::portability::Disclosure,
        first: false, en: ["disclosure", "disclosures"], cs: ["předání", "předání", "předání"],
    }
    #[cfg(test)]
    probe::Probe => "probe" {
        records: probes, section: many probes, exported: crate::portability::Probe,
        first: false, en: ["probe", "probes"], cs: ["sonda", "sondy", "sond"],
    }
}

/// A kind that exists only in tests, to prove that a kind added to the list is opened,
/// restored, replaced, counted and reported with nothing else to edit.
#[cfg(test)]
pub mod probe {
    use crate::domain::audit::FieldValues;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Probe {
        pub note: String,
    }

    impl Probe {
        pub fn fields(&self) -> FieldValues {
            vec![("note", Some(self.note.clone()))]
        }
    }

    impl crate::domain::do_not_contact::Grows for Probe {}

    impl crate::domain::BelongsTo for Probe {
        fn people(&self) -> Vec<String> {
            Vec::new()
        }
    }

    impl crate::domain::Revalidate for Probe {
        fn revalidate(&self) -> Result<(), crate::domain::FieldErrors> {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::probe::Probe;
    use crate::portability::Checked;

    fn probe(note: &str) -> Probe {
        Probe { note: note.into() }
    }

    #[test]
    fn a_kind_added_to_the_list_is_opened_restored_replaced_and_counted() {
        let (repo, vault) = new_vault();
        let id = block_on(vault.save_record(None, probe("first"), t(1))).unwrap();
        assert!(!vault.is_empty(), "a probe is a record like any other");
        // Opened: unlocking finds it (in the second stage, as the list says).
        let opened = block_on(unlock(repo.clone(), &pass())).unwrap().snapshot();
        assert_eq!(opened.probes[&id].data, probe("first"));
        assert_eq!(opened.chain, None);
        // Counted: the export carries it and its summary counts it.
        let export = vault.export(t(2), "test").unwrap();
        assert_eq!(export.probes.len(), 1);
        assert_eq!(ImportSummary::of_export(&export).count("probe"), 1);
        // Restored into an empty vault, with its id and revision.
        let other_repo = MemoryRepository::new();
        let other = vault_over(&other_repo);
        let file = Checked::new(export.clone()).unwrap();
        let summary = block_on(other.import_into_empty(&file, t(3))).unwrap();
        assert_eq!(summary.count("probe"), 1);
        let restored = block_on(unlock(other_repo.clone(), &pass()))
            .unwrap()
            .snapshot();
        assert_eq!(restored.probes, opened.probes);
        // Replaced: a file without it removes it; with another, puts that one in its place.
        block_on(other.save_record(None, probe("second"), t(4))).unwrap();
        let mut without = export.clone();
        without.probes.clear();
        block_on(replace_whole(&other, &Checked::new(without).unwrap(), t(5))).unwrap();
        assert!(other.snapshot().probes.is_empty());
        let reopened = block_on(unlock(other_repo, &pass())).unwrap().snapshot();
        assert!(reopened.probes.is_empty());
        // And a merge adds it, counted among what was added.
        let report = block_on(other.import_merge(&file, t(6))).unwrap();
        assert_eq!(report.added.count("probe"), 1);
    }
}
