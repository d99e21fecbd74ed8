//! The rules a file must keep beyond its types: unique ids, references that resolve (one table
//! of section, field and what it must name), money, stages, ordered histories and an audit chain
//! that verifies.

use super::format::{Amount, Export, Record};
use super::read::{at, chain_error, ImportError, Problem};
use crate::domain::audit;
use std::collections::{HashMap, HashSet};

/// What a reference must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Contact,
    Organisation,
    Purpose,
    Deal,
    Stage,
}

impl Target {
    fn word(self) -> &'static str {
        match self {
            Target::Contact => "contact",
            Target::Organisation => "organisation",
            Target::Purpose => "purpose",
            Target::Deal => "deal",
            Target::Stage => "stage",
        }
    }
}

/// The ids a field of one record holds.
enum Refs<'a> {
    One(&'a str),
    Maybe(Option<&'a str>),
    All(&'a [String]),
}

/// One reference of a section: the field (as the JSON path names it), what it must name, and
/// how to read its ids from a record.
type Reference<T> = (&'static str, Target, fn(&T) -> Refs<'_>);

/// The ids each target may be referred to by.
type Known<'a> = HashMap<Target, HashSet<&'a str>>;

/// Every reference of every record of `section` must resolve.
fn references<T>(
    section: &str,
    records: &[Record<T>],
    table: &[Reference<T>],
    known: &Known<'_>,
) -> Result<(), ImportError> {
    for (i, r) in records.iter().enumerate() {
        for (field, target, ids) in table {
            let set = &known[target];
            let must = |id: &str, path: String| {
                if set.contains(id) {
                    Ok(())
                } else {
                    Err(at(
                        path,
                        Problem::Dangling(format!("{} {id}", target.word())),
                    ))
                }
            };
            let path = format!("$.{section}[{i}].data.{field}");
            match ids(&r.data) {
                Refs::One(id) => must(id, path)?,
                Refs::Maybe(Some(id)) => must(id, path)?,
                Refs::Maybe(None) => {}
                Refs::All(list) => {
                    for (j, id) in list.iter().enumerate() {
                        must(id, format!("{path}[{j}]"))?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Every reference of the file, one line a section: `section: field -> Target (how), …;`, where
/// `how` says how the field holds its ids (`One`, `Maybe` or `All`); checked in the table's order.
macro_rules! reference_table {
    (@read One $r:ident.$field:ident) => { Refs::One(&$r.$field) };
    (@read Maybe $r:ident.$field:ident) => { Refs::Maybe($r.$field.as_deref()) };
    (@read All $r:ident.$field:ident) => { Refs::All(&$r.$field) };
    ($e:ident, $known:ident; $(
        $section:ident: $($field:ident -> $target:ident ($how:ident)),+;
    )*) => {
        $(
            references(
                stringify!($section),
                &$e.$section,
                &[$((
                    stringify!($field),
                    Target::$target,
                    |r| reference_table!(@read $how r.$field),
                )),+],
                &$known,
            )?;
        )*
    };
}

/// The largest revision or sequence number a file may hold: what JavaScript (and so the
/// browser's storage) counts exactly, 2⁵³ − 1.
pub const MAX_COUNTER: u64 = (1 << 53) - 1;

/// Whether `id` is an id as Folio writes it: a UUID, hyphenated, in lower case.
fn is_folio_id(id: &str) -> bool {
    id.parse::<crate::domain::Id>()
        .is_ok_and(|parsed| parsed.to_string() == id)
}

/// The ids of one section, each a UUID as Folio writes it and used once in the whole file, each
/// record's revision counted from 1 and no more than `MAX_COUNTER`.
fn ids_of<'a, T>(
    section: &str,
    records: &'a [Record<T>],
    seen: &mut HashSet<&'a str>,
) -> Result<HashSet<&'a str>, ImportError> {
    for (i, r) in records.iter().enumerate() {
        if r.id.trim().is_empty() {
            return Err(at(
                format!("$.{section}[{i}].id"),
                Problem::Rule("an id cannot be empty".into()),
            ));
        }
        if !is_folio_id(&r.id) {
            return Err(at(
                format!("$.{section}[{i}].id"),
                Problem::Rule(
                    "an id is a UUID as Folio writes it (lower case, with hyphens)".into(),
                ),
            ));
        }
        if r.rev > MAX_COUNTER {
            return Err(at(
                format!("$.{section}[{i}].rev"),
                Problem::Rule(format!("a revision is at most {MAX_COUNTER}")),
            ));
        }
        if !seen.insert(&r.id) {
            return Err(at(
                format!("$.{section}[{i}].id"),
                Problem::DuplicateId(r.id.clone()),
            ));
        }
        if r.rev == 0 {
            return Err(at(
                format!("$.{section}[{i}].rev"),
                Problem::Rule("a revision counts from 1".into()),
            ));
        }
    }
    Ok(records.iter().map(|r| r.id.as_str()).collect())
}

/// A rule broken at `path`.
fn rule(path: String, why: &str) -> ImportError {
    at(path, Problem::Rule(why.into()))
}

/// The index of the first entry of a list whose time is before the one before it.
fn out_of_order<T, K: PartialOrd>(list: &[T], key: impl Fn(&T) -> K) -> Option<usize> {
    list.windows(2)
        .position(|w| key(&w[1]) < key(&w[0]))
        .map(|j| j + 1)
}

/// The rules a file must keep beyond its types.
pub fn check(e: &Export) -> Result<(), ImportError> {
    use Target::{Contact, Deal, Organisation, Purpose, Stage};
    let mut seen = HashSet::new();
    let mut known: Known<'_> = HashMap::new();
    known.insert(
        Organisation,
        ids_of("organisations", &e.organisations, &mut seen)?,
    );
    known.insert(Contact, ids_of("contacts", &e.contacts, &mut seen)?);
    ids_of("activities", &e.activities, &mut seen)?;
    known.insert(Purpose, ids_of("purposes", &e.purposes, &mut seen)?);
    ids_of("consents", &e.consents, &mut seen)?;
    ids_of("limits", &e.limits, &mut seen)?;
    known.insert(Deal, ids_of("deals", &e.deals, &mut seen)?);
    ids_of("documents", &e.documents, &mut seen)?;
    ids_of("tasks", &e.tasks, &mut seen)?;
    ids_of("requests", &e.requests, &mut seen)?;
    ids_of("breaches", &e.breaches, &mut seen)?;
    ids_of("processors", &e.processors, &mut seen)?;
    ids_of("disclosures", &e.disclosures, &mut seen)?;
    if let Some(r) = &e.controller {
        ids_of("controller", std::slice::from_ref(r), &mut seen)?;
    }
    if let Some(r) = &e.pipeline {
        ids_of("pipeline", std::slice::from_ref(r), &mut seen)?;
    }
    if let Some((i, a)) = e
        .audit_log
        .iter()
        .enumerate()
        .find(|(_, a)| a.seq > MAX_COUNTER)
    {
        return Err(at(
            format!("$.audit_log[{i}].seq"),
            Problem::Rule(format!(
                "a sequence number is at most {MAX_COUNTER}; {} is not",
                a.seq
            )),
        ));
    }
    let default_stages = crate::domain::deal::Pipeline::default();
    let stages = match &e.pipeline {
        Some(p) => p.data.stages.iter().map(|s| s.id.as_str()).collect(),
        None => default_stages
            .stages
            .iter()
            .map(|s| s.id.as_str())
            .collect(),
    };
    known.insert(Stage, stages);

    reference_table! { e, known;
        contacts: organisation_id -> Organisation (Maybe);
        activities: contact_id -> Contact (One), deal_id -> Deal (Maybe);
        consents: contact_id -> Contact (One), purpose_id -> Purpose (One);
        limits: contact_id -> Contact (One), purpose_id -> Purpose (Maybe);
        deals: contact_ids -> Contact (All), organisation_id -> Organisation (Maybe);
        documents: deal_id -> Deal (Maybe), contact_ids -> Contact (All),
            organisation_id -> Organisation (Maybe);
        requests: contact_id -> Contact (Maybe);
        breaches: contact_ids -> Contact (All);
        processors: purpose_ids -> Purpose (All);
        disclosures: contact_id -> Contact (One), purpose_id -> Purpose (Maybe);
        tasks: contact_id -> Contact (Maybe), deal_id -> Deal (Maybe);
    }

    for (i, r) in e.consents.iter().enumerate() {
        let p = format!("$.consents[{i}].data");
        if r.data.events.is_empty() {
            return Err(rule(
                format!("{p}.events"),
                "a consent has at least one event",
            ));
        }
        if let Some(j) = out_of_order(&r.data.events, |e| e.at) {
            return Err(rule(
                format!("{p}.events[{j}].at"),
                "events must be in time order",
            ));
        }
    }
    for (i, r) in e.deals.iter().enumerate() {
        let p = format!("$.deals[{i}].data");
        check_amount(&r.data.value, format!("{p}.value"))?;
        if r.data.probability > 100 {
            return Err(rule(
                format!("{p}.probability"),
                "a probability is 0 to 100",
            ));
        }
        if r.data.history.is_empty() {
            return Err(rule(
                format!("{p}.history"),
                "a deal has entered at least one stage",
            ));
        }
        let stages = &known[&Stage];
        for (j, c) in r.data.history.iter().enumerate() {
            if !stages.contains(c.stage_id.as_str()) {
                return Err(at(
                    format!("{p}.history[{j}].stage_id"),
                    Problem::Dangling(format!("stage {}", c.stage_id)),
                ));
            }
        }
        if let Some(j) = out_of_order(&r.data.history, |c| c.at) {
            return Err(rule(
                format!("{p}.history[{j}].at"),
                "stage changes must be in time order",
            ));
        }
    }
    for (i, r) in e.documents.iter().enumerate() {
        check_amount(&r.data.amount, format!("$.documents[{i}].data.amount"))?;
    }
    let events: Vec<audit::AuditEvent> = e
        .audit_log
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.to_domain()
                .map_err(|why| at(format!("$.audit_log[{i}]"), Problem::WrongField(why)))
        })
        .collect::<Result<_, _>>()?;
    if let Err(why) = audit::verify_chain(&events, None) {
        return Err(chain_error(&why, |seq| {
            e.audit_log.iter().position(|a| a.seq == seq)
        }));
    }
    Ok(())
}

fn check_amount(amount: &Option<Amount>, path: String) -> Result<(), ImportError> {
    match amount {
        Some(a) => crate::domain::Currency::parse(&a.currency)
            .map(|_| ())
            .map_err(|e| at(format!("{path}.currency"), Problem::Rule(e.to_string()))),
        None => Ok(()),
    }
}
