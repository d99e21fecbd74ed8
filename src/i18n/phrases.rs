//! Texts with numbers or names in them, with the right plural and case in each language.

use super::plural::{self, count, Counted, Noun};
use super::{format, Lang, Text};
use crate::domain::consent::{EventKind, Exclusion, Method, State};
use crate::domain::deal::Stage;
use crate::domain::document::DocumentKind;
use crate::domain::purpose::LawfulBasis;
use chrono::{DateTime, NaiveDate, Utc};

mod breaches;
mod contacts_import;
mod feedback;
pub mod history;
mod law;
pub mod notice;
pub use breaches::*;
pub mod retention;
pub use contacts_import::*;
pub use feedback::*;
pub use law::*;
pub use notice::{notice_version, source_kind, source_text};
pub mod outreach;
mod recipients;
pub use recipients::*;
pub mod security_key;
mod vault_state;
pub use vault_state::*;
pub mod sync;

/// "Folio locked itself after 15 minutes without activity."
pub fn locked_after_idle(lang: Lang, minutes: u32) -> String {
    let m = u64::from(minutes);
    match lang {
        Lang::En => format!(
            "Folio locked itself after {} without activity.",
            duration(lang, minutes)
        ),
        // Czech needs the locative: po 1 minutě, po 5 minutách, po 1 hodině, po 4 hodinách.
        Lang::Cs => {
            let (n, one, other) = if minutes >= 60 && minutes.is_multiple_of(60) {
                (m / 60, "hodině", "hodinách")
            } else {
                (m, "minutě", "minutách")
            };
            format!(
                "Folio se zamklo po {n} {} nečinnosti.",
                if n == 1 { one } else { other }
            )
        }
    }
}

/// "3 addresses on the list" / "3 adresy na seznamu".
pub fn do_not_contact_count(lang: Lang, n: usize) -> String {
    let n = n as u64;
    match lang {
        Lang::En => format!(
            "{} on the list.",
            count(lang, n, "address", "", "addresses")
        ),
        Lang::Cs => format!(
            "{} na seznamu.",
            count(lang, n, "adresa", "adresy", "adres")
        ),
    }
}

/// "2 records of erased people were not restored" (an import or merge that met them).
pub fn erased_not_restored(lang: Lang, n: usize) -> String {
    let n = n as u64;
    match lang {
        Lang::En => format!(
            "{} of erased people {} not restored.",
            count(lang, n, "record", "", "records"),
            if n == 1 { "was" } else { "were" }
        ),
        Lang::Cs => format!(
            "{} vymazaných osob {} obnoven{}.",
            count(lang, n, "záznam", "záznamy", "záznamů"),
            match n {
                1 => "nebyl",
                2..=4 => "nebyly",
                _ => "nebylo",
            },
            match n {
                1 => "",
                2..=4 => "y",
                _ => "o",
            }
        ),
    }
}

/// A delay for a menu: "1 minute", "15 minutes", "1 hour" / "1 minuta", "15 minut", "4 hodiny".
pub fn duration(lang: Lang, minutes: u32) -> String {
    let (n, unit_is_hours) = if minutes >= 60 && minutes.is_multiple_of(60) {
        (u64::from(minutes / 60), true)
    } else {
        (u64::from(minutes), false)
    };
    match (lang, unit_is_hours) {
        (Lang::En, false) => count(lang, n, "minute", "", "minutes"),
        (Lang::En, true) => count(lang, n, "hour", "", "hours"),
        (Lang::Cs, false) => count(lang, n, "minuta", "minuty", "minut"),
        (Lang::Cs, true) => count(lang, n, "hodina", "hodiny", "hodin"),
    }
}

/// An audit action in words.
pub fn action(lang: Lang, action: crate::domain::audit::Action) -> &'static str {
    use crate::domain::audit::Action::*;
    match (lang, action) {
        (Lang::En, a) => a.as_str(),
        (Lang::Cs, VaultCreated) => "trezor vytvořen",
        (Lang::Cs, PassphraseChanged) => "heslo změněno",
        (Lang::Cs, Create) => "vytvořeno",
        (Lang::Cs, Update) => "změněno",
        (Lang::Cs, Delete) => "smazáno",
        (Lang::Cs, Merge) => "sloučeno",
        (Lang::Cs, Erase) => "vymazáno (čl. 17)",
        (Lang::Cs, KeyStrengthened) => "odvození klíče zesíleno",
        (Lang::Cs, Import) => "importováno",
        (Lang::Cs, Reconciled) => "přijato, jak bylo nalezeno",
        (Lang::Cs, Restore) => "obnoveno",
        (Lang::Cs, SecurityKeyAdded) => "přidán bezpečnostní klíč",
        (Lang::Cs, SecurityKeyRemoved) => "odebrán bezpečnostní klíč",
        (Lang::Cs, RecoveryCodeRenewed) => "vytvořen nový záchranný kód",
    }
}

/// A kind of record in words.
pub fn entity_kind(lang: Lang, kind: &str) -> &str {
    match (lang, kind) {
        (Lang::En, "contact") => "contact",
        (Lang::En, "activity") => "activity",
        (Lang::En, "profile") => "your details",
        (Lang::En, "organisation") => "organisation",
        (Lang::Cs, "organisation") => "firma",
        (Lang::Cs, "contact") => "kontakt",
        (Lang::Cs, "activity") => "aktivita",
        (Lang::Cs, "profile") => "vaše údaje",
        (Lang::Cs, "vault") => "trezor",
        (Lang::Cs, "deal") => "obchod",
        (Lang::Cs, "document") => "doklad",
        (Lang::Cs, "task") => "úkol",
        (Lang::Cs, "pipeline") => "fáze obchodů",
        (Lang::En, "task") => "follow-up",
        (Lang::En, "pipeline") => "pipeline stages",
        (_, other) => other,
    }
}

/// "Already in your contacts with the e-mail jana@firma.cz:"
pub fn duplicate(lang: Lang, why: &crate::domain::contact::Duplicate) -> String {
    use crate::domain::contact::Duplicate::*;
    match (lang, why) {
        (Lang::En, Email(v)) => format!("Already in your contacts with the e-mail {v}:"),
        (Lang::En, Phone(v)) => format!("Already in your contacts with the phone {v}:"),
        (Lang::En, Ico(v)) => format!("Already in your contacts with the IČO {v}:"),
        (Lang::Cs, Email(v)) => format!("V kontaktech už je s e-mailem {v}:"),
        (Lang::Cs, Phone(v)) => format!("V kontaktech už je s telefonem {v}:"),
        (Lang::Cs, Ico(v)) => format!("V kontaktech už je s IČO {v}:"),
    }
}

/// "3 contacts" / "3 kontakty"
pub fn contacts_count(lang: Lang, n: usize) -> String {
    plural::CONTACTS.count(lang, n as u64)
}

/// "3 deals" / "3 obchody"
pub fn deals_count(lang: Lang, n: usize) -> String {
    plural::DEALS.count(lang, n as u64)
}

/// "1 consent" / "3 souhlasy"
pub fn consents_count(lang: Lang, n: u64) -> String {
    plural::CONSENTS.count(lang, n)
}

/// A stage's name: the user's own, or the default stages' names in the user's language.
pub fn stage_name(lang: Lang, stage: &Stage) -> String {
    let default = match stage.id.as_str() {
        "lead" => Some(Text::StageLead),
        "qualified" => Some(Text::StageQualified),
        "proposal" => Some(Text::StageProposal),
        "negotiation" => Some(Text::StageNegotiation),
        "won" => Some(Text::StageWon),
        "lost" => Some(Text::StageLost),
        _ => None,
    };
    match default {
        Some(text) if stage.name == stage.id => text.get(lang).to_string(),
        _ => stage.name.clone(),
    }
}

pub fn document_kind(kind: DocumentKind) -> Text {
    match kind {
        DocumentKind::Offer => Text::DocOffer,
        DocumentKind::Contract => Text::DocContract,
        DocumentKind::Invoice => Text::DocInvoice,
        DocumentKind::Other => Text::DocOther,
    }
}

/// "Moved “Audit” to Proposal." — announced after a move on the board.
pub fn moved_to(lang: Lang, title: &str, stage: &str) -> String {
    match lang {
        Lang::En => format!("Moved “{title}” to {stage}."),
        Lang::Cs => format!("„{title}“ přesunuto do fáze {stage}."),
    }
}

/// "Retention hold until 31 Dec 2036"
pub fn hold_until(lang: Lang, until: NaiveDate) -> String {
    match lang {
        Lang::En => format!("Retention hold until {}", day(lang, until)),
        Lang::Cs => format!("Lhůta uchování do {}", day(lang, until)),
    }
}

/// "keep until 31 Dec 2036"
pub fn keep_until(lang: Lang, until: NaiveDate) -> String {
    match lang {
        Lang::En => format!("keep until {}", day(lang, until)),
        Lang::Cs => format!("uchovat do {}", day(lang, until)),
    }
}

/// "last contacted 3 Feb 2026 (120 days ago)"
pub fn last_contacted(lang: Lang, at: DateTime<Utc>, days: i64) -> String {
    match lang {
        Lang::En => format!(
            "last contacted {} ({})",
            format::date(lang, at),
            count(lang, days as u64, "day ago", "", "days ago")
        ),
        Lang::Cs => format!(
            "naposledy {} (před {})",
            format::date(lang, at),
            count(lang, days as u64, "dnem", "dny", "dny")
        ),
    }
}

/// "today", "yesterday", "3 days ago" / "dnes", "včera", "před 3 dny" (how old a backup is).
pub fn days_ago(lang: Lang, days: i64) -> String {
    let n = days.max(0) as u64;
    match (lang, n) {
        (Lang::En, 0) => "today".into(),
        (Lang::En, 1) => "yesterday".into(),
        (Lang::En, _) => format!("{} ago", count(lang, n, "day", "", "days")),
        (Lang::Cs, 0) => "dnes".into(),
        (Lang::Cs, 1) => "včera".into(),
        (Lang::Cs, _) => format!("před {}", count(lang, n, "dnem", "dny", "dny")),
    }
}

/// "3 things need you today." / "Dnes na vás čekají 3 věci." (Home's summary).
pub fn things_to_do(lang: Lang, n: usize) -> String {
    let n = n as u64;
    match lang {
        Lang::En => format!(
            "{} {} you today.",
            count(lang, n, "thing", "", "things"),
            if n == 1 { "needs" } else { "need" }
        ),
        Lang::Cs => format!(
            "Dnes na vás {} {}.",
            if (2..=4).contains(&n) {
                "čekají"
            } else {
                "čeká"
            },
            count(lang, n, "věc", "věci", "věcí")
        ),
    }
}

/// "1 of 4 done" / "hotovo 1 ze 4" (the first-run checklist's progress).
pub fn steps_done(lang: Lang, done: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("{done} of {of} done"),
        Lang::Cs => format!("hotovo {done} ze {of}"),
    }
}

/// "12 contacts, 3 organisations, 40 activities…, 85 audit events" — what an import file holds
/// or restored: every kind of record, in the order of the list of kinds, then the audit events.
/// A kind the vault holds at most one of (the controller's details) is named only when present.
pub fn import_summary(lang: Lang, s: &crate::app::service::ImportSummary) -> String {
    const AUDIT_EVENTS: Noun = Noun {
        en: ["audit event", "audit events"],
        cs: ["auditní záznam", "auditní záznamy", "auditních záznamů"],
    };
    s.kinds
        .iter()
        .filter(|k| !k.single || k.count > 0)
        .map(|k| {
            if k.single {
                match lang {
                    Lang::En => k.noun.en[0],
                    Lang::Cs => k.noun.cs[0],
                }
                .to_string()
            } else {
                k.noun.count(lang, k.count as u64)
            }
        })
        .chain([AUDIT_EVENTS.count(lang, s.audit_events as u64)])
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a restore wrote, and how many records of erased people it left out.
pub fn restore_summary(lang: Lang, s: &crate::app::service::ImportSummary) -> String {
    let mut out = import_summary(lang, s);
    if s.erased_skipped > 0 {
        out.push_str(". ");
        out.push_str(&erased_not_restored(lang, s.erased_skipped));
    }
    out
}

/// The name of a lawful basis.
pub fn basis(b: LawfulBasis) -> Text {
    match b {
        LawfulBasis::Consent => Text::BasisConsent,
        LawfulBasis::Contract => Text::BasisContract,
        LawfulBasis::LegalObligation => Text::BasisLegalObligation,
        LawfulBasis::VitalInterest => Text::BasisVitalInterest,
        LawfulBasis::PublicTask => Text::BasisPublicTask,
        LawfulBasis::LegitimateInterest => Text::BasisLegitimateInterest,
    }
}

/// The name of a collection method.
pub fn method(m: Method) -> Text {
    match m {
        Method::WebForm => Text::MethodWebForm,
        Method::Email => Text::MethodEmail,
        Method::PaperForm => Text::MethodPaperForm,
        Method::Phone => Text::MethodPhone,
        Method::InPerson => Text::MethodInPerson,
    }
}

pub fn event_kind(k: EventKind) -> Text {
    match k {
        EventKind::Given => Text::EventGiven,
        EventKind::Refused => Text::EventRefused,
        EventKind::Withdrawn => Text::EventWithdrawn,
        EventKind::Expired => Text::EventExpired,
        EventKind::Renewed => Text::EventRenewed,
    }
}

/// A local calendar day, in the language's style.
pub fn day(lang: Lang, day: NaiveDate) -> String {
    // Noon UTC is the same calendar day in every time zone from UTC-11 to UTC+11.
    format::date(
        lang,
        day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc(),
    )
}

/// "given, valid until 1 Jan 2027" / "withdrawn on 3 Feb 2026"…
pub fn consent_state(lang: Lang, state: State) -> String {
    let t = |text: Text| text.get(lang);
    match state {
        State::None => t(Text::StateNone).to_string(),
        State::Given { until: None } => {
            format!("{}, {}", t(Text::StateGiven), t(Text::ValidUntilWithdrawn))
        }
        State::Given { until: Some(on) } => {
            format!(
                "{}, {} {}",
                t(Text::StateGiven),
                t(Text::ExpiresOn),
                day(lang, on)
            )
        }
        State::Refused => t(Text::StateRefused).to_string(),
        State::Withdrawn { at } => {
            format!("{} {}", t(Text::StateWithdrawn), format::date(lang, at))
        }
        State::Expired { on } => format!("{} {}", t(Text::StateExpired), day(lang, on)),
    }
}

/// Why a contact is excluded from a purpose: "consent withdrawn on 3 Feb 2026"…
pub fn exclusion(lang: Lang, why: &Exclusion) -> String {
    let t = |text: Text| text.get(lang);
    let with_reason = |text: Text, at: DateTime<Utc>, reason: &str| {
        let mut out = format!("{} {}", t(text), format::date(lang, at));
        if !reason.is_empty() {
            out.push_str(&format!(" ({reason})"));
        }
        out
    };
    match why {
        Exclusion::NoConsent => t(Text::WhyNoConsent).to_string(),
        Exclusion::Refused => t(Text::WhyRefused).to_string(),
        Exclusion::Withdrawn(at) => {
            format!("{} {}", t(Text::WhyWithdrawn), format::date(lang, *at))
        }
        Exclusion::Expired(on) => format!("{} {}", t(Text::WhyExpired), day(lang, *on)),
        Exclusion::Objected(at, reason) => with_reason(Text::WhyObjected, *at, reason),
        Exclusion::Restricted(at, reason) => with_reason(Text::WhyRestricted, *at, reason),
        Exclusion::Retired => t(Text::WhyRetired).to_string(),
        Exclusion::DoNotContact(reason) => t(match reason {
            crate::domain::do_not_contact::Reason::Objected => Text::WhyListedObjected,
            crate::domain::do_not_contact::Reason::Erased => Text::WhyListedErased,
        })
        .to_string(),
        Exclusion::Outside(outside) => outside_audience(lang, outside),
    }
}

/// Why a person is outside a purpose's audience or the soft opt-in.
fn outside_audience(lang: Lang, why: &crate::domain::outreach::Outside) -> String {
    use crate::domain::outreach::Outside;
    let t = |text: Text| text.get(lang).to_string();
    match why {
        Outside::NotTagged(tag) => match lang {
            Lang::En => format!("{} “{tag}”", t(Text::WhyNotTagged)),
            Lang::Cs => format!("{} „{tag}“", t(Text::WhyNotTagged)),
        },
        Outside::NotCustomer => t(Text::WhyNotCustomer),
        Outside::NotInStages => t(Text::WhyNotInStages),
        Outside::NoSale => t(Text::WhyNoSale),
        Outside::NotOwnSimilar => t(Text::WhyNotOwnSimilar),
        Outside::EmailNotFromSale => t(Text::WhyEmailNotFromSale),
        Outside::NoRefusalOffered => t(Text::WhyNoRefusalOffered),
    }
}

/// What an erasure deletes, as a list of "N things" (only the non-zero ones).
pub fn erasure_counts(lang: Lang, plan: &crate::domain::erasure::Plan) -> Vec<String> {
    summary_counts(lang, &plan.summary())
}

/// What an erasure deleted, from its summary, as a list of "N things" (only the non-zero ones).
pub fn summary_counts(lang: Lang, plan: &crate::domain::stored::ErasureSummary) -> Vec<String> {
    let parts: [(usize, Noun); 6] = [
        (
            plan.activities,
            Noun {
                en: ["activity", "activities"],
                cs: ["aktivita", "aktivity", "aktivit"],
            },
        ),
        (
            plan.consents,
            Noun {
                en: ["consent record", "consent records"],
                cs: ["záznam o souhlasu", "záznamy o souhlasu", "záznamů o souhlasu"],
            },
        ),
        (
            plan.limits,
            Noun {
                en: ["objection or restriction", "objections or restrictions"],
                cs: ["námitka či omezení", "námitky či omezení", "námitek či omezení"],
            },
        ),
        (
            plan.tasks,
            Noun {
                en: ["follow-up", "follow-ups"],
                cs: ["připomínka", "připomínky", "připomínek"],
            },
        ),
        (
            plan.documents_deleted,
            Noun {
                en: ["document past its retention", "documents past their retention"],
                cs: ["doklad po lhůtě uchování", "doklady po lhůtě uchování", "dokladů po lhůtě uchování"],
            },
        ),
        (
            plan.history,
            Noun {
                en: [
                    "record's history: its values (who, what and when stay; the audit chain still verifies)",
                    "records' history: their values (who, what and when stay; the audit chain still verifies)",
                ],
                cs: [
                    "historie záznamu: její hodnoty (kdo, co a kdy zůstává; auditní řetězec dál platí)",
                    "historie záznamů: jejich hodnoty (kdo, co a kdy zůstává; auditní řetězec dál platí)",
                    "historie záznamů: jejich hodnoty (kdo, co a kdy zůstává; auditní řetězec dál platí)",
                ],
            },
        ),
    ];
    let mut lines: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, noun)| noun.count(lang, *n as u64))
        .collect();
    let unlinked = plan.unlinked;
    if unlinked > 0 {
        lines.push(match lang {
            Lang::En => format!(
                "the person's name on {} (they stay, without the person)",
                count(
                    lang,
                    unlinked as u64,
                    "deal or document",
                    "",
                    "deals and documents"
                )
            ),
            Lang::Cs => format!(
                "osoba u {} (zůstanou, bez ní)",
                count(
                    lang,
                    unlinked as u64,
                    "obchodu či dokladu",
                    "obchodů a dokladů",
                    "obchodů a dokladů"
                )
            ),
        });
    }
    if plan.register {
        lines.push(match lang {
            Lang::En => "the name in the requests register (a reference stays)".to_string(),
            Lang::Cs => "jméno v evidenci žádostí (zůstane odkaz)".to_string(),
        });
    }
    lines.extend(erasure_breaches(lang, plan.breaches));
    lines
}

/// The outcome of an erasure, as the requests register shows it (stored as a code).
pub fn erasure_outcome(lang: Lang, plan: &crate::domain::stored::ErasureSummary) -> String {
    let deleted = summary_counts(lang, plan);
    let deleted = if deleted.is_empty() {
        String::new()
    } else {
        format!(": {}", deleted.join("; "))
    };
    match (lang, plan.keep_until) {
        (Lang::En, None) => format!("Erased (Art. 17){deleted}."),
        (Lang::Cs, None) => format!("Vymazáno (čl. 17){deleted}."),
        (Lang::En, Some(until)) => format!(
            "Erased (Art. 17){deleted}. Kept until {} for {} (Art. 17(3)(b)), processing restricted (Art. 18).",
            day(lang, until),
            holds_list(lang, plan)
        ),
        (Lang::Cs, Some(until)) => format!(
            "Vymazáno (čl. 17){deleted}. Do {} uchováno kvůli: {} (čl. 17 odst. 3 písm. b), zpracování omezeno (čl. 18).",
            day(lang, until),
            holds_list(lang, plan)
        ),
    }
}

fn holds_list(lang: Lang, plan: &crate::domain::stored::ErasureSummary) -> String {
    plan.holds
        .iter()
        .map(|(kind, number)| format!("{} {number}", document_kind(*kind).get(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the register names a subject: an erased person by their reference.
pub fn request_subject(lang: Lang, subject: &str) -> String {
    match subject.strip_prefix(crate::domain::erasure::ERASED_SUBJECT) {
        Some(reference) => format!("{} ({reference})", Text::ErasedPerson.get(lang)),
        None => subject.to_string(),
    }
}

/// "Merged: 2 contacts added, 1 record updated, 40 unchanged, 1 conflict."
pub fn merge_report(lang: Lang, r: &crate::app::service::MergeReport) -> String {
    let a = &r.added;
    let nothing = a.records() == 0;
    let added = match (nothing, lang) {
        (true, Lang::En) => "nothing new".to_string(),
        (true, Lang::Cs) => "nic nového".to_string(),
        (false, _) => import_summary(lang, a),
    };
    let conflicts = r.conflicts().count() as u64;
    let erased = match r.erased_skipped {
        0 => String::new(),
        n => format!(" {}", erased_not_restored(lang, n)),
    };
    let said = match lang {
        Lang::En => format!(
            "Merged. Added: {added}. {} updated, {} unchanged, {}.",
            count(lang, r.updated as u64, "record", "", "records"),
            r.unchanged,
            count(lang, conflicts, "conflict", "", "conflicts"),
        ),
        Lang::Cs => format!(
            "Sloučeno. Přidáno: {added}. Změněno: {}, beze změny: {}, {}.",
            count(lang, r.updated as u64, "záznam", "záznamy", "záznamů"),
            r.unchanged,
            count(lang, conflicts, "konflikt", "konflikty", "konfliktů"),
        ),
    };
    said + &erased
}

/// "Encrypting 40,000 of 170,000 items…" while an import seals a file's records.
pub fn import_progress(lang: Lang, done: usize, total: usize) -> String {
    let (done, total) = (
        super::format::number(lang, done as i64),
        super::format::number(lang, total as i64),
    );
    match lang {
        Lang::En => format!("Encrypting {done} of {total} items, then saving them all at once…"),
        Lang::Cs => format!("Šifruji {done} z {total} položek, potom je uložím najednou…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_counts_things_and_days_in_both_languages() {
        assert_eq!(things_to_do(Lang::En, 1), "1 thing needs you today.");
        assert_eq!(things_to_do(Lang::En, 3), "3 things need you today.");
        assert_eq!(things_to_do(Lang::Cs, 1), "Dnes na vás čeká 1 věc.");
        assert_eq!(things_to_do(Lang::Cs, 3), "Dnes na vás čekají 3 věci.");
        assert_eq!(things_to_do(Lang::Cs, 5), "Dnes na vás čeká 5 věcí.");
        assert_eq!(days_ago(Lang::En, 0), "today");
        assert_eq!(days_ago(Lang::En, 1), "yesterday");
        assert_eq!(days_ago(Lang::En, 9), "9 days ago");
        assert_eq!(days_ago(Lang::Cs, 1), "včera");
        assert_eq!(days_ago(Lang::Cs, 3), "před 3 dny");
        assert_eq!(days_ago(Lang::Cs, 12), "před 12 dny");
        assert_eq!(steps_done(Lang::Cs, 1, 4), "hotovo 1 ze 4");
    }

    #[test]
    fn records_of_erased_people_left_out_are_counted_in_both_languages() {
        assert_eq!(
            erased_not_restored(Lang::En, 2),
            "2 records of erased people were not restored."
        );
        assert_eq!(
            erased_not_restored(Lang::En, 1),
            "1 record of erased people was not restored."
        );
        assert_eq!(
            erased_not_restored(Lang::Cs, 2),
            "2 záznamy vymazaných osob nebyly obnoveny."
        );
        assert_eq!(
            erased_not_restored(Lang::Cs, 5),
            "5 záznamů vymazaných osob nebylo obnoveno."
        );
        let report = crate::app::service::MergeReport {
            erased_skipped: 3,
            ..Default::default()
        };
        assert!(merge_report(Lang::En, &report)
            .ends_with(" 3 records of erased people were not restored."));
    }

    #[test]
    fn an_import_names_every_kind_of_the_list_in_both_languages() {
        // Every kind of the app's list (in tests it includes a probe kind only tests have), each
        // counted once: all are named, in English and Czech, with the audit events last.
        let mut summary = crate::app::service::ImportSummary::default();
        for k in &mut summary.kinds {
            k.count = 1;
        }
        summary.audit_events = 3;
        let en = import_summary(Lang::En, &summary);
        let cs = import_summary(Lang::Cs, &summary);
        for k in &summary.kinds {
            assert!(en.contains(k.noun.en[0]), "{en} lacks {}", k.noun.en[0]);
            assert!(cs.contains(k.noun.cs[0]), "{cs} lacks {}", k.noun.cs[0]);
        }
        assert!(en.contains("1 probe") && cs.contains("1 sonda"));
        assert!(en.contains("1 request") && en.contains("1 follow-up") && en.contains("1 purpose"));
        assert!(cs.contains("1 žádost") && cs.contains("1 úkol"));
        assert!(en.ends_with("3 audit events") && cs.ends_with("3 auditní záznamy"));
        // A file with one contact and one deal: the kinds people always see stay named, zeros
        // included; the controller's details, absent, are not.
        let mut small = crate::app::service::ImportSummary::default();
        for k in &mut small.kinds {
            k.count = usize::from(k.kind == "contact" || k.kind == "deal");
        }
        let en = import_summary(Lang::En, &small);
        assert!(
            en.starts_with(
                "1 contact, 0 organisations, 0 activities, 0 consents, 1 deal, 0 documents"
            ),
            "{en}"
        );
        assert!(!en.contains("controller"));
    }

    #[test]
    fn contact_counts_use_czech_plurals() {
        assert_eq!(contacts_count(Lang::Cs, 1), "1 kontakt");
        assert_eq!(contacts_count(Lang::Cs, 2), "2 kontakty");
        assert_eq!(contacts_count(Lang::Cs, 5), "5 kontaktů");
        assert_eq!(contacts_count(Lang::En, 1), "1 contact");
        assert_eq!(contacts_count(Lang::En, 5), "5 contacts");
    }

    #[test]
    fn idle_notices() {
        assert_eq!(
            locked_after_idle(Lang::En, 15),
            "Folio locked itself after 15 minutes without activity."
        );
        assert_eq!(
            locked_after_idle(Lang::En, 1),
            "Folio locked itself after 1 minute without activity."
        );
        assert_eq!(
            locked_after_idle(Lang::Cs, 1),
            "Folio se zamklo po 1 minutě nečinnosti."
        );
        assert_eq!(
            locked_after_idle(Lang::Cs, 15),
            "Folio se zamklo po 15 minutách nečinnosti."
        );
        assert_eq!(
            locked_after_idle(Lang::Cs, 60),
            "Folio se zamklo po 1 hodině nečinnosti."
        );
        assert_eq!(
            locked_after_idle(Lang::Cs, 240),
            "Folio se zamklo po 4 hodinách nečinnosti."
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Lang::En, 1), "1 minute");
        assert_eq!(duration(Lang::En, 15), "15 minutes");
        assert_eq!(duration(Lang::En, 60), "1 hour");
        assert_eq!(duration(Lang::En, 240), "4 hours");
        assert_eq!(duration(Lang::Cs, 1), "1 minuta");
        assert_eq!(duration(Lang::Cs, 5), "5 minut");
        assert_eq!(duration(Lang::Cs, 60), "1 hodina");
        assert_eq!(duration(Lang::Cs, 240), "4 hodiny");
    }

    #[test]
    fn vault_facts() {
        assert_eq!(
            encryption(Lang::En, 64, 3, 4),
            "Argon2id, 64 MiB memory, 3 iterations, 4 lanes; AES-256-GCM for every record"
        );
        assert_eq!(
            encryption(Lang::Cs, 64, 3, 4),
            "Argon2id, paměť 64 MiB, 3 iterace, 4 pruhy; AES-256-GCM pro každý záznam"
        );
        assert_eq!(
            audit_status(Lang::En, 1, None),
            "1 event; the hash chain verifies."
        );
        assert_eq!(
            audit_status(Lang::Cs, 5, None),
            "5 událostí; hashový řetězec souhlasí."
        );
        assert_eq!(
            unlock_timing(Lang::En, 412.4, 380.0),
            "412 ms (key derivation 380 ms, reading and decrypting 32 ms)"
        );
        assert_eq!(
            damaged_item(Lang::Cs, "profile", "x"),
            "profil x: nešlo dešifrovat"
        );
    }
}
