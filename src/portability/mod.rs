//! The portability format, `folio-export` version 2: its types (separate from the domain's, so
//! the format stays put while the code changes), and the import pipeline's first stages: parse →
//! check format and version → migrate to the newest version → typed read (with the JSON path of
//! a wrong field) → the rules a file must keep (unique ids, references that resolve, money,
//! stages, ordered histories, an audit chain that verifies). Imports `domain` only; must not
//! import `app`, `store`, `vault` or `ui`.

pub mod contacts_in;
pub mod contacts_out;

use crate::domain::audit::{self, ChainError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const FORMAT: &str = "folio-export";
/// The newest version this build writes and reads.
pub const VERSION: u32 = 2;
/// Files larger than this are refused before parsing. A vault at the benchmark's L scale (10,000
/// contacts, 50,000 activities, 20,000 consents, 2,000 deals and their 85,000 audit events)
/// exports to about 70 MB; a 100 MB file is refused.
pub const MAX_BYTES: usize = 90_000_000;

/// One stored record: its bookkeeping and its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record<T> {
    pub id: String,
    pub rev: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub data: T,
}

/// A whole vault, as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    pub controller: Option<Record<Controller>>,
    pub pipeline: Option<Record<Pipeline>>,
    pub organisations: Vec<Record<Organisation>>,
    pub contacts: Vec<Record<Contact>>,
    pub activities: Vec<Record<Activity>>,
    pub purposes: Vec<Record<Purpose>>,
    pub consents: Vec<Record<Consent>>,
    pub limits: Vec<Record<Limit>>,
    pub deals: Vec<Record<Deal>>,
    pub documents: Vec<Record<Document>>,
    pub tasks: Vec<Record<Task>>,
    /// The register of data subject requests (absent in files written before it existed).
    #[serde(default)]
    pub requests: Vec<Record<Request>>,
    pub audit_log: Vec<AuditEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub ico: Option<String>,
    pub vat_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Open,
    Won,
    Lost,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub given_name: String,
    pub family_name: String,
    pub emails: Vec<Labelled>,
    pub phones: Vec<Labelled>,
    pub organisation_id: Option<String>,
    pub role: String,
    pub ico: Option<String>,
    pub vat_id: Option<String>,
    pub address: String,
    pub tags: Vec<String>,
    pub preferences: Vec<(String, String)>,
    pub notes: String,
    pub restricted: bool,
    pub merged_from: Vec<String>,
    /// When the person was erased while documents still had to be kept (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    pub ico: Option<String>,
    pub vat_id: Option<String>,
    pub address: String,
    pub website: String,
    pub tags: Vec<String>,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Call,
    Email,
    Meeting,
    Note,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub contact_id: String,
    pub kind: ActivityKind,
    pub at: DateTime<Utc>,
    pub subject: String,
    pub body: String,
    pub deal_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LawfulBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterest,
    PublicTask,
    LegitimateInterest,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    pub name: String,
    pub description: String,
    pub basis: LawfulBasis,
    pub data_categories: String,
    pub subject_categories: String,
    pub recipients: String,
    pub transfers: String,
    pub retention: String,
    pub opt_out: bool,
    pub security: String,
    pub retired: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    WebForm,
    Email,
    PaperForm,
    Phone,
    InPerson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentEventKind {
    Given,
    Refused,
    Withdrawn,
    Expired,
    Renewed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentEvent {
    pub kind: ConsentEventKind,
    pub at: DateTime<Utc>,
    pub how: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub contact_id: String,
    pub purpose_id: String,
    pub notice: String,
    pub notice_sha256: Option<String>,
    pub language: String,
    pub method: Method,
    pub source: String,
    pub channel: String,
    pub proof: String,
    pub proof_sha256: Option<String>,
    pub validity_months: Option<u32>,
    pub events: Vec<ConsentEvent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    Objection,
    Restriction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub contact_id: String,
    pub kind: LimitKind,
    pub purpose_id: Option<String>,
    pub since: DateTime<Utc>,
    pub reason: String,
    pub lifted: Option<DateTime<Utc>>,
}

/// Money: integer minor units and an ISO 4217 code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub minor: i64,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageChange {
    pub stage_id: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deal {
    pub title: String,
    pub value: Option<Amount>,
    pub expected_close: Option<NaiveDate>,
    pub probability: u8,
    pub contact_ids: Vec<String>,
    pub organisation_id: Option<String>,
    pub notes: String,
    pub outcome_reason: String,
    pub history: Vec<StageChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Offer,
    Contract,
    Invoice,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub kind: DocumentKind,
    pub number: String,
    pub date: NaiveDate,
    pub amount: Option<Amount>,
    pub note: String,
    pub deal_id: Option<String>,
    pub contact_ids: Vec<String>,
    pub organisation_id: Option<String>,
    pub retain_until: Option<NaiveDate>,
    pub retention_reason: String,
    pub contract_end: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub title: String,
    pub due: DateTime<Utc>,
    pub done: bool,
    pub contact_id: Option<String>,
    pub deal_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Access,
    Rectification,
    Erasure,
    Portability,
    Restriction,
    Objection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Open,
    Done,
    Refused,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestStep {
    pub at: DateTime<Utc>,
    pub note: String,
}

/// A data subject request of the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub kind: RequestKind,
    pub contact_id: Option<String>,
    pub subject: String,
    pub received: NaiveDate,
    pub extended_to: Option<NaiveDate>,
    pub extension_reason: String,
    pub status: RequestStatus,
    pub steps: Vec<RequestStep>,
    pub outcome: String,
    pub closed: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    pub field: String,
    /// Absent when the field was empty before (a created record's fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Absent when the field is empty after (a deleted record's fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Version 2: the values were erased (Art. 17); this digest stands in for them in the hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased: Option<String>,
}

/// One event of the tamper-evident change history, with its hash link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEvent {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub action: String,
    pub entity_kind: String,
    pub entity_id: String,
    pub changes: Vec<FieldChange>,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEvent {
    /// The domain's event of the same shape, its action read as the format names it. Field by
    /// field: through a JSON value (`bridge`) it was a second of an import at L.
    pub fn to_domain(&self) -> Result<audit::AuditEvent, String> {
        use serde::de::IntoDeserializer;
        let action = audit::Action::deserialize(self.action.as_str().into_deserializer())
            .map_err(|e: serde::de::value::Error| e.to_string())?;
        Ok(audit::AuditEvent {
            seq: self.seq,
            at: self.at,
            action,
            entity_kind: self.entity_kind.clone(),
            entity_id: self.entity_id.clone(),
            changes: self
                .changes
                .iter()
                .map(|c| audit::FieldChange {
                    field: c.field.clone(),
                    before: c.before.clone(),
                    after: c.after.clone(),
                    erased: c.erased.clone(),
                })
                .collect(),
            prev_hash: self.prev_hash.clone(),
            hash: self.hash.clone(),
        })
    }

    /// The format's event of a domain event.
    pub fn from_domain(e: &audit::AuditEvent) -> Self {
        let action = serde_json::to_value(e.action)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        Self {
            seq: e.seq,
            at: e.at,
            action,
            entity_kind: e.entity_kind.clone(),
            entity_id: e.entity_id.clone(),
            changes: e
                .changes
                .iter()
                .map(|c| FieldChange {
                    field: c.field.clone(),
                    before: c.before.clone(),
                    after: c.after.clone(),
                    erased: c.erased.clone(),
                })
                .collect(),
            prev_hash: e.prev_hash.clone(),
            hash: e.hash.clone(),
        }
    }
}

impl Export {
    /// How many records and audit events the file holds.
    pub fn items(&self) -> usize {
        self.organisations.len()
            + self.contacts.len()
            + self.activities.len()
            + self.purposes.len()
            + self.consents.len()
            + self.limits.len()
            + self.deals.len()
            + self.documents.len()
            + self.tasks.len()
            + self.requests.len()
            + usize::from(self.controller.is_some())
            + usize::from(self.pipeline.is_some())
            + self.audit_log.len()
    }
}

/// What is wrong with a file, for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the file is larger than {0} bytes")]
    TooLarge(usize),
    #[error("this is not JSON: {0}")]
    NotJson(String),
    #[error("this is not a Folio export (format must be \"folio-export\")")]
    WrongFormat,
    #[error("version {0} is not one this Folio reads (it reads 1 to {VERSION})")]
    UnsupportedVersion(u64),
    #[error("{0}")]
    WrongField(String),
    #[error("the id {0} is used twice")]
    DuplicateId(String),
    #[error("refers to {0}, which is not in the file")]
    Dangling(String),
    #[error("{0}")]
    Rule(String),
    #[error("the audit log does not verify: {0}")]
    Chain(String),
}

/// A problem and where it is: a JSON path such as `$.deals[3].data.contact_ids[0]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct ImportError {
    pub path: String,
    pub problem: Problem,
}

fn at(path: impl Into<String>, problem: Problem) -> ImportError {
    ImportError {
        path: path.into(),
        problem,
    }
}

/// Reads a file as the newest version of the format, or says what is wrong and where.
pub fn parse(bytes: &[u8]) -> Result<Checked, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(at("$", Problem::TooLarge(MAX_BYTES)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A well-formed file of the newest version is read in one typed pass. Anything else (an
    // older version to migrate, not an export, malformed, a key written twice) is read the
    // careful way below, which migrates it or says what is wrong and where; the one pass never
    // accepts what that way refuses. Only an object is tried: serde would also take the
    // fields as an array, which the careful way refuses.
    if bytes.trim_ascii_start().first() == Some(&b'{') {
        if let Ok(export) = serde_json::from_slice::<Export>(bytes) {
            if export.format == FORMAT && export.version == VERSION {
                return Checked::new(export);
            }
        }
    }
    read_with_paths(bytes)
}

/// The careful read: the file as a JSON value, its format and version checked, migrated to the
/// newest version, then typed, with the path of the first field that does not fit.
fn read_with_paths(bytes: &[u8]) -> Result<Checked, ImportError> {
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| at("$", Problem::NotJson(e.to_string())))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(at("$.format", Problem::WrongFormat));
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version == 0 || version > u64::from(VERSION) {
        return Err(at("$.version", Problem::UnsupportedVersion(version)));
    }
    migrate(&mut value, version)?;
    let export: Export = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            "$".to_string()
        } else {
            format!("$.{path}")
        };
        at(path, Problem::WrongField(e.into_inner().to_string()))
    })?;
    Checked::new(export)
}

/// Brings an older version's document up to the newest, one step at a time, so every old file
/// stays readable.
///
/// 1 → 2: the audit hash covers each change's digest instead of its values (so values can be
/// erased while the chain verifies). A version 1 trail must verify as version 1 hashed it before
/// it is hashed anew; a trail that does not is refused, never re-sealed.
fn migrate(value: &mut serde_json::Value, from: u64) -> Result<(), ImportError> {
    if from < 2 {
        if let Some(log) = value.get_mut("audit_log") {
            // A malformed trail is left as it is: the typed read says where it is wrong.
            if let Ok(mut events) = serde_json::from_value::<Vec<audit::AuditEvent>>(log.clone()) {
                if let Err(why) = audit::rehash_v1(&mut events) {
                    return Err(chain_error(&why, |seq| {
                        events.iter().position(|e| e.seq == seq)
                    }));
                }
                let rehashed: Result<Vec<AuditEvent>, _> = events.iter().map(bridge).collect();
                if let Ok(rehashed) =
                    rehashed.and_then(|r| serde_json::to_value(r).map_err(|e| e.to_string()))
                {
                    *log = rehashed;
                }
            }
        }
    }
    if let Some(v) = value.get_mut("version") {
        *v = serde_json::Value::from(VERSION);
    }
    Ok(())
}

/// A chain problem at the event it concerns.
fn chain_error(why: &ChainError, index_of: impl Fn(u64) -> Option<usize>) -> ImportError {
    let seq = match why {
        ChainError::Missing { expected, .. } => *expected,
        ChainError::BrokenLink(s) | ChainError::Altered(s) => *s,
        ChainError::Truncated { found, .. } => *found,
    };
    at(
        format!("$.audit_log[{}]", index_of(seq).unwrap_or(0)),
        Problem::Chain(why.to_string()),
    )
}

/// An export that keeps the format's rules (`check`): only `parse` and `Checked::new` make
/// one, and it cannot be changed afterwards, so an import need not check it again (the check
/// verifies the whole audit chain, seconds for a large vault).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked(Export);

impl Checked {
    pub fn new(export: Export) -> Result<Self, ImportError> {
        check(&export)?;
        Ok(Self(export))
    }

    pub fn into_inner(self) -> Export {
        self.0
    }
}

impl std::ops::Deref for Checked {
    type Target = Export;

    fn deref(&self) -> &Export {
        &self.0
    }
}

/// The rules a file must keep beyond its types.
pub fn check(e: &Export) -> Result<(), ImportError> {
    let mut ids = HashSet::new();
    let mut unique = |section: &str, i: usize, id: &str| {
        if id.trim().is_empty() {
            return Err(at(
                format!("$.{section}[{i}].id"),
                Problem::Rule("an id cannot be empty".into()),
            ));
        }
        if !ids.insert(id.to_string()) {
            return Err(at(
                format!("$.{section}[{i}].id"),
                Problem::DuplicateId(id.to_string()),
            ));
        }
        Ok(())
    };
    macro_rules! ids_of {
        ($section:ident) => {{
            for (i, r) in e.$section.iter().enumerate() {
                unique(stringify!($section), i, &r.id)?;
                if r.rev == 0 {
                    return Err(at(
                        format!("$.{}[{i}].rev", stringify!($section)),
                        Problem::Rule("a revision counts from 1".into()),
                    ));
                }
            }
            e.$section
                .iter()
                .map(|r| r.id.as_str())
                .collect::<HashSet<&str>>()
        }};
    }
    let organisations = ids_of!(organisations);
    let contacts = ids_of!(contacts);
    let _ = ids_of!(activities);
    let purposes = ids_of!(purposes);
    let _ = ids_of!(consents);
    let _ = ids_of!(limits);
    let deals = ids_of!(deals);
    let _ = ids_of!(documents);
    let _ = ids_of!(tasks);
    let _ = ids_of!(requests);
    let must = |set: &HashSet<&str>, id: &str, path: String, what: &str| {
        if set.contains(id) {
            Ok(())
        } else {
            Err(at(path, Problem::Dangling(format!("{what} {id}"))))
        }
    };
    let maybe = |set: &HashSet<&str>, id: &Option<String>, path: String, what: &str| match id {
        Some(id) => must(set, id, path, what),
        None => Ok(()),
    };
    let all = |set: &HashSet<&str>, list: &[String], path: String, what: &str| {
        for (j, id) in list.iter().enumerate() {
            must(set, id, format!("{path}[{j}]"), what)?;
        }
        Ok::<(), ImportError>(())
    };
    for (i, r) in e.contacts.iter().enumerate() {
        let p = format!("$.contacts[{i}].data");
        maybe(
            &organisations,
            &r.data.organisation_id,
            format!("{p}.organisation_id"),
            "organisation",
        )?;
    }
    for (i, r) in e.activities.iter().enumerate() {
        let p = format!("$.activities[{i}].data");
        must(
            &contacts,
            &r.data.contact_id,
            format!("{p}.contact_id"),
            "contact",
        )?;
        maybe(&deals, &r.data.deal_id, format!("{p}.deal_id"), "deal")?;
    }
    for (i, r) in e.consents.iter().enumerate() {
        let p = format!("$.consents[{i}].data");
        must(
            &contacts,
            &r.data.contact_id,
            format!("{p}.contact_id"),
            "contact",
        )?;
        must(
            &purposes,
            &r.data.purpose_id,
            format!("{p}.purpose_id"),
            "purpose",
        )?;
        if r.data.events.is_empty() {
            return Err(at(
                format!("{p}.events"),
                Problem::Rule("a consent has at least one event".into()),
            ));
        }
        if let Some(j) = r.data.events.windows(2).position(|w| w[1].at < w[0].at) {
            return Err(at(
                format!("{p}.events[{}].at", j + 1),
                Problem::Rule("events must be in time order".into()),
            ));
        }
    }
    for (i, r) in e.limits.iter().enumerate() {
        let p = format!("$.limits[{i}].data");
        must(
            &contacts,
            &r.data.contact_id,
            format!("{p}.contact_id"),
            "contact",
        )?;
        maybe(
            &purposes,
            &r.data.purpose_id,
            format!("{p}.purpose_id"),
            "purpose",
        )?;
    }
    let stages: HashSet<&str> = match &e.pipeline {
        Some(p) => p.data.stages.iter().map(|s| s.id.as_str()).collect(),
        None => [
            "lead",
            "qualified",
            "proposal",
            "negotiation",
            "won",
            "lost",
        ]
        .into_iter()
        .collect(),
    };
    for (i, r) in e.deals.iter().enumerate() {
        let p = format!("$.deals[{i}].data");
        all(
            &contacts,
            &r.data.contact_ids,
            format!("{p}.contact_ids"),
            "contact",
        )?;
        maybe(
            &organisations,
            &r.data.organisation_id,
            format!("{p}.organisation_id"),
            "organisation",
        )?;
        check_amount(&r.data.value, format!("{p}.value"))?;
        if r.data.probability > 100 {
            return Err(at(
                format!("{p}.probability"),
                Problem::Rule("a probability is 0 to 100".into()),
            ));
        }
        if r.data.history.is_empty() {
            return Err(at(
                format!("{p}.history"),
                Problem::Rule("a deal has entered at least one stage".into()),
            ));
        }
        for (j, c) in r.data.history.iter().enumerate() {
            must(
                &stages,
                &c.stage_id,
                format!("{p}.history[{j}].stage_id"),
                "stage",
            )?;
        }
        if let Some(j) = r.data.history.windows(2).position(|w| w[1].at < w[0].at) {
            return Err(at(
                format!("{p}.history[{}].at", j + 1),
                Problem::Rule("stage changes must be in time order".into()),
            ));
        }
    }
    for (i, r) in e.documents.iter().enumerate() {
        let p = format!("$.documents[{i}].data");
        maybe(&deals, &r.data.deal_id, format!("{p}.deal_id"), "deal")?;
        all(
            &contacts,
            &r.data.contact_ids,
            format!("{p}.contact_ids"),
            "contact",
        )?;
        maybe(
            &organisations,
            &r.data.organisation_id,
            format!("{p}.organisation_id"),
            "organisation",
        )?;
        check_amount(&r.data.amount, format!("{p}.amount"))?;
    }
    for (i, r) in e.requests.iter().enumerate() {
        let p = format!("$.requests[{i}].data");
        maybe(
            &contacts,
            &r.data.contact_id,
            format!("{p}.contact_id"),
            "contact",
        )?;
    }
    for (i, r) in e.tasks.iter().enumerate() {
        let p = format!("$.tasks[{i}].data");
        maybe(
            &contacts,
            &r.data.contact_id,
            format!("{p}.contact_id"),
            "contact",
        )?;
        maybe(&deals, &r.data.deal_id, format!("{p}.deal_id"), "deal")?;
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

/// One CSV field, quoted when it holds a separator, a quote or a line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

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
    records.extend(requests.iter().map(|r| r.id.clone()));
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
        audit_log,
    })
}

/// Converts between an export type and the domain type of the same shape (both directions;
/// the tests below and the fixture pin that the shapes agree).
pub fn bridge<A: Serialize, B: serde::de::DeserializeOwned>(a: &A) -> Result<B, String> {
    serde_json::to_value(a)
        .and_then(serde_json::from_value)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
