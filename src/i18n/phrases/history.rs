//! Words for history entries and the audit log: field names, records by name (an erased person
//! by the erasure's reference, a deleted record as no longer there), values by what they are
//! (money, times and days through `format`), texts Folio stored as codes (and the sentences
//! older versions stored), and "Showing 26–50 of 132 events". Must not import `ui`.

use super::super::plural::count;
use super::super::{format, Lang, Text};
use crate::app::history::{Named, RecordRef, Shown};
use crate::domain::activity::ActivityKind;
use crate::domain::audit::{Action, AuditEvent};
use crate::domain::consent::LimitKind;
use crate::domain::request::{RequestKind, RequestStatus};
use crate::domain::stored::Stored;

/// The user's word for a field name of the audit trail.
pub fn field_label(field: &str) -> Option<Text> {
    Some(match field {
        "given_name" => Text::GivenName,
        "family_name" => Text::FamilyName,
        "email" => Text::Email,
        "phone" => Text::Phone,
        "organisation" => Text::Organisation,
        "role" => Text::Role,
        "ico" => Text::Ico,
        "vat_id" => Text::VatId,
        "address" => Text::Address,
        "birthday" => Text::Birthday,
        "tags" => Text::Tags,
        "preferences" => Text::Preferences,
        "notes" => Text::Notes,
        "name" => Text::Name,
        "kind" => Text::ActivityKindLabel,
        "at" => Text::When,
        "subject" => Text::Subject,
        "body" => Text::Body,
        "website" => Text::Website,
        "merged_from" => Text::MergeHeading,
        "title" => Text::DealTitle,
        "stage" => Text::StageLabel,
        "value" => Text::DealValue,
        "expected_close" => Text::ExpectedClose,
        "probability" => Text::ProbabilityLabel,
        "contacts" => Text::DealContacts,
        "outcome_reason" => Text::OutcomeReason,
        "number" => Text::DocumentNumber,
        "date" => Text::DocumentDate,
        "amount" => Text::AmountLabel,
        "note" => Text::DocumentNote,
        "deal" => Text::DealLabel,
        "contract_end" => Text::ContractEnd,
        "retain_until" => Text::RetainUntil,
        "retention_reason" => Text::RetentionReason,
        "due" => Text::DueDate,
        "done" => Text::DoneLabel,
        "contact" => Text::NavContacts,
        "stages" => Text::PipelineHeading,
        "received" => Text::RequestReceived,
        "extended_to" => Text::RequestDue,
        "extension_reason" => Text::ExtensionReason,
        "status" => Text::RequestStatusLabel,
        "steps" => Text::RequestSteps,
        "outcome" => Text::RequestOutcome,
        "deleted_activities" => Text::ErasedActivities,
        "deleted_consents" => Text::ErasedConsents,
        "deleted_limits" => Text::ErasedLimits,
        "deleted_tasks" => Text::ErasedTasks,
        "deleted_documents" => Text::ErasedDocuments,
        "unlinked_documents" => Text::UnlinkedDocuments,
        "unlinked_deals" => Text::UnlinkedDeals,
        "erased_history_events" => Text::ErasedHistoryEvents,
        "restricted_until" => Text::RestrictedUntil,
        "request" => Text::RequestLabel,
        "description" => Text::PurposeDescription,
        "lawful_basis" => Text::LawfulBasisLabel,
        "data_categories" => Text::DataCategories,
        "subject_categories" => Text::SubjectCategories,
        "recipients" => Text::Recipients,
        "transfers" => Text::Transfers,
        "retention" => Text::Retention,
        "opt_out" => Text::OptOut,
        "security" => Text::Security,
        "retired" => Text::Retired,
        "direct_marketing" => Text::DirectMarketing,
        "audience" => Text::AudienceLabel,
        "own_similar" => Text::OwnSimilar,
        "email_collected" => Text::EmailCollected,
        "refusal_offered" => Text::RefusalOffered,
        "purpose" => Text::PurposeLabel,
        "notice" => Text::NoticeLabel,
        "notice_sha256" => Text::NoticeHash,
        "language" => Text::LanguageHeading,
        "method" => Text::MethodLabel,
        "source" => Text::SourceLabel,
        "channel" => Text::ChannelLabel,
        "proof" => Text::ProofLabel,
        "proof_sha256" => Text::ProofHash,
        "validity_months" => Text::ValidityLabel,
        "event" => Text::FieldConsentEvent,
        "reason" => Text::ReasonLabel,
        "lifted" => Text::FieldLifted,
        "do_not_contact" => Text::DoNotContactHeading,
        "file_sha256" => Text::FieldFileSha,
        "mode" => Text::FieldImportMode,
        _ => return super::breaches::field_label(field),
    })
}

/// A field's name in words; a field this version does not know, with its underscores spaced.
pub fn field(lang: Lang, field: &str) -> String {
    match field_label(field) {
        Some(text) => text.get(lang).to_string(),
        None => capitalised(&field.replace('_', " ")),
    }
}

/// A field's name in an event of `action`: an import's (or an acceptance's) counts stand under
/// the kinds' names, worded as plurals ("Organisations" / "Firmy").
pub fn field_in(lang: Lang, action: Action, name: &str) -> String {
    if matches!(action, Action::Import | Action::Reconciled) {
        let summary = crate::app::service::ImportSummary::default();
        if let Some(k) = summary.kinds.iter().find(|k| k.kind == name) {
            let plural = match lang {
                Lang::En => k.noun.en[1],
                Lang::Cs => k.noun.cs[1],
            };
            return capitalised(plural);
        }
    }
    field(lang, name)
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A kind of record in words ("organisation" / "firma").
pub fn kind(lang: Lang, kind: &str) -> String {
    match kind {
        "vault" | "profile" | "pipeline" => super::entity_kind(lang, kind).to_string(),
        other => super::kind_nouns(lang, other).0,
    }
}

/// A record by name: "Dvořák & syn", "Erased person (9f8e7d6c)", "organisation — no longer in
/// the vault"; a record with no name of its own by its kind.
pub fn record(lang: Lang, r: &RecordRef) -> String {
    match &r.named {
        Named::Name(name) => name.clone(),
        Named::Erased(reference) => super::request_subject(
            lang,
            &format!("{}{reference}", crate::domain::erasure::ERASED_SUBJECT),
        ),
        Named::Gone => format!("{} — {}", kind(lang, &r.kind), Text::RecordGone.get(lang)),
        Named::Unnamed => kind(lang, &r.kind),
    }
}

/// A text Folio stored as a code, in words.
pub fn stored(lang: Lang, s: &Stored) -> String {
    match s {
        Stored::WithdrawnInApp => Text::WithdrawnInApp.get(lang).to_string(),
        Stored::RenewedInApp => Text::RenewedInApp.get(lang).to_string(),
        Stored::InformArt14 => Text::InformArt14.get(lang).to_string(),
        Stored::InformImported { people, file } => {
            super::notice::inform_imported(lang, *people, file)
        }
        Stored::WithdrawalUndone(at) => format!(
            "{} ({})",
            Text::WithdrawalUndoneInApp.get(lang),
            super::super::format::date_time(lang, *at)
        ),
        Stored::ContactDeleted => Text::StoredContactDeleted.get(lang).to_string(),
        Stored::Erased(summary) => super::erasure_outcome(lang, summary),
    }
}

/// A stored free text as shown: a code (or an old version's sentence) in words, a person's
/// own text as it is.
pub fn stored_text(lang: Lang, raw: &str) -> String {
    match Stored::read(raw) {
        Some(s) => stored(lang, &s),
        None => raw.to_string(),
    }
}

pub fn activity_kind(kind: ActivityKind) -> Text {
    match kind {
        ActivityKind::Call => Text::KindCall,
        ActivityKind::Email => Text::KindEmail,
        ActivityKind::Meeting => Text::KindMeeting,
        ActivityKind::Note => Text::KindNote,
    }
}

pub fn request_kind(kind: RequestKind) -> Text {
    match kind {
        RequestKind::Access => Text::ReqAccess,
        RequestKind::Rectification => Text::ReqRectification,
        RequestKind::Erasure => Text::ReqErasure,
        RequestKind::Portability => Text::ReqPortability,
        RequestKind::Restriction => Text::ReqRestriction,
        RequestKind::Objection => Text::ReqObjection,
    }
}

pub fn request_status(status: RequestStatus) -> Text {
    match status {
        RequestStatus::Open => Text::StatusOpen,
        RequestStatus::Done => Text::StatusDone,
        RequestStatus::Refused => Text::StatusRefused,
    }
}

pub fn limit_kind(kind: LimitKind) -> Text {
    match kind {
        LimitKind::Objection => Text::LimitObjection,
        LimitKind::Restriction => Text::LimitRestriction,
    }
}

/// A value in words. Money, times and days go through the browser's `Intl` (`format`).
pub fn value(lang: Lang, v: &Shown) -> String {
    let t = |text: Text| text.get(lang).to_string();
    match v {
        Shown::Text(text) => text.clone(),
        Shown::Record(r) => record(lang, r),
        Shown::Records(list) => list
            .iter()
            .map(|r| record(lang, r))
            .collect::<Vec<_>>()
            .join(", "),
        Shown::Stage(stage) => super::stage_name(lang, stage),
        Shown::Money(m) => format::money(lang, m),
        Shown::Time(at) => format::date_time(lang, *at),
        Shown::Day(day) => super::day(lang, *day),
        Shown::Birthday(day) => format::birthday(lang, *day),
        Shown::Flag(true) => t(Text::ValueYes),
        Shown::Flag(false) => t(Text::ValueNo),
        Shown::Basis(b) => t(super::basis(*b)),
        Shown::Method(m) => t(super::method(*m)),
        Shown::ActivityKind(k) => t(activity_kind(*k)),
        Shown::DocumentKind(k) => t(super::document_kind(*k)),
        Shown::RequestKind(k) => t(request_kind(*k)),
        Shown::RequestStatus(s) => t(request_status(*s)),
        Shown::LimitKind(k) => t(limit_kind(*k)),
        Shown::ConsentEvent(kind, how) => {
            let how = value(lang, how);
            let kind = t(super::event_kind(*kind));
            if how.trim().is_empty() {
                kind
            } else {
                format!("{kind} — {how}")
            }
        }
        Shown::Stored(s) => stored(lang, s),
    }
}

/// An event's heading in the audit log: "#12 · updated · organisation Dvořák & syn".
pub fn event_title(lang: Lang, e: &AuditEvent, r: &RecordRef) -> String {
    let what = match &r.named {
        Named::Unnamed => kind(lang, &r.kind),
        Named::Gone => record(lang, r),
        _ => format!("{} {}", kind(lang, &r.kind), record(lang, r)),
    };
    format!("#{} · {} · {what}", e.seq, super::action(lang, e.action))
}

/// An action as the audit log's filter lists it, with a capital: "Updated" / "Změněno".
pub fn action_option(lang: Lang, action: Action) -> String {
    capitalised(super::action(lang, action))
}

/// "Showing 26–50 of 132 events" / "Zobrazeno 26–50, celkem 132 událostí".
pub fn audit_range(lang: Lang, first: usize, last: usize, of: usize) -> String {
    match lang {
        Lang::En => format!(
            "Showing {first}–{last} of {}",
            count(lang, of as u64, "event", "", "events")
        ),
        Lang::Cs => format!(
            "Zobrazeno {first}–{last}, celkem {}",
            count(lang, of as u64, "událost", "události", "událostí")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::EventKind;
    use crate::domain::deal::{Outcome, Stage};
    use crate::domain::stored::ErasureSummary;

    fn org(named: Named) -> RecordRef {
        RecordRef {
            kind: "organisation".into(),
            named,
        }
    }

    #[test]
    fn records_read_by_name_never_by_id() {
        let named = org(Named::Name("Dvořák & syn".into()));
        assert_eq!(record(Lang::En, &named), "Dvořák & syn");
        assert_eq!(
            record(Lang::En, &org(Named::Gone)),
            "organisation — no longer in the vault"
        );
        assert_eq!(
            record(Lang::Cs, &org(Named::Gone)),
            "firma — už v trezoru není"
        );
        let erased = RecordRef {
            kind: "contact".into(),
            named: Named::Erased("9f8e7d6c".into()),
        };
        assert_eq!(record(Lang::En, &erased), "Erased person (9f8e7d6c)");
        assert_eq!(record(Lang::Cs, &erased), "Vymazaná osoba (9f8e7d6c)");
    }

    #[test]
    fn stages_read_in_the_interfaces_language() {
        let default = Stage {
            id: "negotiation".into(),
            name: "negotiation".into(),
            outcome: Outcome::Open,
        };
        assert_eq!(
            value(Lang::En, &Shown::Stage(default.clone())),
            "Negotiation"
        );
        assert_eq!(value(Lang::Cs, &Shown::Stage(default)), "Vyjednávání");
        let own = Stage {
            id: "s7".into(),
            name: "Pilot running".into(),
            outcome: Outcome::Open,
        };
        assert_eq!(value(Lang::Cs, &Shown::Stage(own)), "Pilot running");
    }

    #[test]
    fn field_names_and_codes_are_worded() {
        assert_eq!(field(Lang::En, "lawful_basis"), "Lawful basis");
        assert_eq!(field(Lang::Cs, "lawful_basis"), "Právní základ");
        assert_eq!(field(Lang::Cs, "event"), "Událost souhlasu");
        assert_eq!(field(Lang::En, "some_new_field"), "Some new field");
        assert_eq!(
            field_in(Lang::En, Action::Import, "organisation"),
            "Organisations"
        );
        assert_eq!(field_in(Lang::Cs, Action::Import, "organisation"), "Firmy");
        assert_eq!(
            field_in(Lang::Cs, Action::Update, "organisation"),
            "Organizace"
        );
        let withdrawn = Shown::ConsentEvent(
            EventKind::Withdrawn,
            Box::new(Shown::Stored(Stored::WithdrawnInApp)),
        );
        assert_eq!(
            value(Lang::En, &withdrawn),
            "withdrawn — withdrawn in Folio at the person's request"
        );
        assert_eq!(
            value(Lang::Cs, &withdrawn),
            "odvolán — odvoláno ve Foliu na žádost subjektu"
        );
        let given = Shown::ConsentEvent(EventKind::Given, Box::new(Shown::Text(String::new())));
        assert_eq!(value(Lang::Cs, &given), "udělen");
        assert_eq!(value(Lang::Cs, &Shown::Flag(true)), "ano");
        assert_eq!(
            value(Lang::Cs, &Shown::RequestStatus(RequestStatus::Open)),
            "otevřená"
        );
    }

    #[test]
    fn stored_codes_are_worded_in_both_languages_and_old_sentences_stay() {
        assert_eq!(
            stored_text(Lang::Cs, &Stored::WithdrawnInApp.code()),
            "odvoláno ve Foliu na žádost subjektu"
        );
        assert_eq!(
            stored_text(Lang::En, &Stored::RenewedInApp.code()),
            "renewed in Folio"
        );
        // An old vault's English sentence: shown in the reader's language.
        assert_eq!(
            stored_text(Lang::Cs, "withdrawn in Folio at the person's request"),
            "odvoláno ve Foliu na žádost subjektu"
        );
        assert_eq!(
            stored_text(Lang::Cs, "deleted"),
            "uzavřeno: osoba byla smazána"
        );
        let erased = Stored::Erased(ErasureSummary {
            activities: 2,
            history: 3,
            register: true,
            ..ErasureSummary::default()
        })
        .code();
        assert_eq!(
            stored_text(Lang::En, &erased),
            "Erased (Art. 17): 2 activities; 3 records' history: their values (who, what and when stay; the audit chain still verifies); the name in the requests register (a reference stays)."
        );
        assert!(stored_text(Lang::Cs, &erased).starts_with("Vymazáno (čl. 17): 2 aktivity; "));
        // An old outcome sentence (stored in words) is shown as it is.
        let old = "Erased (Art. 17): 1 activity.";
        assert_eq!(stored_text(Lang::Cs, old), old);
        assert_eq!(stored_text(Lang::En, "replied yes"), "replied yes");
    }

    #[test]
    fn the_range_counts_events() {
        assert_eq!(
            audit_range(Lang::En, 26, 50, 132),
            "Showing 26–50 of 132 events"
        );
        assert_eq!(audit_range(Lang::En, 1, 1, 1), "Showing 1–1 of 1 event");
        assert_eq!(
            audit_range(Lang::Cs, 26, 50, 132),
            "Zobrazeno 26–50, celkem 132 událostí"
        );
        assert_eq!(
            audit_range(Lang::Cs, 1, 3, 3),
            "Zobrazeno 1–3, celkem 3 události"
        );
    }
}
