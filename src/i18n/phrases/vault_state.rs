//! Sentences about the vault's own state, with values in them: its encryption, its audit trail's
//! status, unlock timing, storage use, and what unlocking found damaged or altered. Must not
//! import `ui`.

use super::super::plural::count;
use super::super::Lang;

/// "Argon2id, 64 MiB memory, 3 iterations, 4 lanes; AES-256-GCM for every record"
pub fn encryption(lang: Lang, memory_mib: u32, iterations: u32, lanes: u32) -> String {
    let (i, l) = (u64::from(iterations), u64::from(lanes));
    match lang {
        Lang::En => format!(
            "Argon2id, {memory_mib} MiB memory, {}, {}; AES-256-GCM for every record",
            count(lang, i, "iteration", "", "iterations"),
            count(lang, l, "lane", "", "lanes")
        ),
        Lang::Cs => format!(
            "Argon2id, paměť {memory_mib} MiB, {}, {}; AES-256-GCM pro každý záznam",
            count(lang, i, "iterace", "iterace", "iterací"),
            count(lang, l, "pruh", "pruhy", "pruhů")
        ),
    }
}

/// "2 events; the hash chain verifies." (or the problem when it does not)
pub fn audit_status(lang: Lang, events: usize, problem: Option<&str>) -> String {
    let n = events as u64;
    let events = match lang {
        Lang::En => count(lang, n, "event", "", "events"),
        Lang::Cs => count(lang, n, "událost", "události", "událostí"),
    };
    match (lang, problem) {
        (Lang::En, None) => format!("{events}; the hash chain verifies."),
        (Lang::En, Some(p)) => format!("{events}; the hash chain does NOT verify: {p}."),
        (Lang::Cs, None) => format!("{events}; hashový řetězec souhlasí."),
        (Lang::Cs, Some(p)) => format!("{events}; hashový řetězec NESOUHLASÍ: {p}."),
    }
}

/// "412 ms (key derivation 380 ms, reading and decrypting 32 ms)"
pub fn unlock_timing(lang: Lang, total_ms: f64, kdf_ms: f64) -> String {
    let load = total_ms - kdf_ms;
    match lang {
        Lang::En => format!(
            "{total_ms:.0} ms (key derivation {kdf_ms:.0} ms, reading and decrypting {load:.0} ms)"
        ),
        Lang::Cs => format!(
            "{total_ms:.0} ms (odvození klíče {kdf_ms:.0} ms, čtení a dešifrování {load:.0} ms)"
        ),
    }
}

/// "73.7 kB used of 10.7 GB available (0.0 %)"
pub fn storage_usage(lang: Lang, used: &str, quota: &str, percent: &str) -> String {
    match lang {
        Lang::En => format!("{used} used of {quota} available ({percent})"),
        Lang::Cs => format!("využito {used} z {quota} dostupných ({percent})"),
    }
}

/// "Unknown: reason."
pub fn unknown(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::En => format!("Unknown: {reason}."),
        Lang::Cs => format!("Neznámé: {reason}."),
    }
}

/// "profile 1b4e…: could not be decrypted"
pub fn damaged_item(lang: Lang, kind: &str, id: &str) -> String {
    let kind = match (lang, kind) {
        (Lang::Cs, "profile") => "profil",
        (Lang::Cs, "audit_event") => "událost auditní stopy",
        (Lang::Cs, "audit_head") => "hlava auditní stopy",
        (_, k) => k,
    };
    match lang {
        Lang::En => format!("{kind} {id}: could not be decrypted"),
        Lang::Cs => format!("{kind} {id}: nešlo dešifrovat"),
    }
}

/// What people call a stored kind, by its stored name, in the singular and plural (the list of
/// kinds has the nouns; the trail's items are named here).
pub(super) fn kind_nouns(lang: Lang, kind: &str) -> (String, String) {
    if kind == crate::app::service::ledger::AUDIT_ITEMS {
        return match lang {
            Lang::En => ("audit trail item".into(), "audit trail items".into()),
            Lang::Cs => (
                "položka auditní stopy".into(),
                "položek auditní stopy".into(),
            ),
        };
    }
    let summary = crate::app::service::ImportSummary::default();
    match summary.kinds.iter().find(|k| k.kind == kind) {
        Some(k) => match lang {
            Lang::En => (k.noun.en[0].into(), k.noun.en[1].into()),
            Lang::Cs => (k.noun.cs[0].into(), k.noun.cs[2].into()),
        },
        None => (kind.to_string(), kind.to_string()),
    }
}

/// One thing unlocking found that storage does not hold as the vault recorded it.
pub fn finding(lang: Lang, f: &crate::app::service::ledger::Finding) -> String {
    use crate::app::service::ledger::Finding::*;
    let counted = |kind: &str, n: u64| {
        let (one, many) = kind_nouns(lang, kind);
        let few = match lang {
            Lang::Cs if kind == crate::app::service::ledger::AUDIT_ITEMS => {
                "položky auditní stopy".to_string()
            }
            Lang::Cs => crate::app::service::ImportSummary::default()
                .kinds
                .iter()
                .find(|k| k.kind == kind)
                .map_or(many.clone(), |k| k.noun.cs[1].to_string()),
            Lang::En => many.clone(),
        };
        count(lang, n, &one, &few, &many)
    };
    match (lang, f) {
        (Lang::En, HeadMissing) => "The record of where the audit trail ends and what the vault holds is missing: the newest history may have been removed.".into(),
        (Lang::Cs, HeadMissing) => "Chybí záznam o tom, kde auditní stopa končí a co trezor obsahuje: nejnovější historie mohla být odstraněna.".into(),
        (Lang::En, HeadDamaged) => "The record of where the audit trail ends and what the vault holds is damaged.".into(),
        (Lang::Cs, HeadDamaged) => "Záznam o tom, kde auditní stopa končí a co trezor obsahuje, je poškozený.".into(),
        (Lang::En, Deleted { kind, count }) => format!("Deleted: {} missing.", counted(kind, *count)),
        (Lang::Cs, Deleted { kind, count }) => format!("Smazáno: chybí {}.", counted(kind, *count)),
        (Lang::En, Added { kind, count }) => format!("Added: {} the vault never recorded.", counted(kind, *count)),
        (Lang::Cs, Added { kind, count }) => format!("Přidáno: {}, které trezor nikdy nezaznamenal.", counted(kind, *count)),
        (Lang::En, Replaced { kind }) => format!("Replaced: some {} are not the ones the vault recorded.", kind_nouns(lang, kind).1),
        (Lang::Cs, Replaced { kind }) => format!("Vyměněno: některé položky ({}) nejsou ty, které trezor zaznamenal.", kind_nouns(lang, kind).1),
        (Lang::En, RolledBack { kind }) => format!("Rolled back: some {} were put back as they were before their last change.", kind_nouns(lang, kind).1),
        (Lang::Cs, RolledBack { kind }) => format!("Vráceno zpět: některé položky ({}) byly vráceny do stavu před poslední změnou.", kind_nouns(lang, kind).1),
        (Lang::En, Duplicated { kind, count }) => format!("Duplicated: {} stored twice.", counted(kind, *count)),
        (Lang::Cs, Duplicated { kind, count }) => format!("Zdvojeno: {} uloženo dvakrát.", counted(kind, *count)),
    }
}
