//! The types of the `folio-export` format: a whole vault as exported, each record with its
//! bookkeeping, and the audit trail. Separate from the domain's types, so the format stays put
//! while the code changes (the fixtures under `tests/fixtures/` pin it).

use crate::domain::audit;
use crate::domain::hex::HexBytes;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

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
    /// Version 3: the do-not-contact list (keyed digests of addresses, never the addresses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_not_contact: Option<Record<DoNotContact>>,
    /// Version 3: the ids of erased people, which an import does not bring back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased_people: Option<Record<ErasedPeople>>,
    /// Published versions of the privacy notice (added to version 3 later; optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Record<NoticeVersion>>,
    /// The breach register, Art. 33(5) (absent in files written before it existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaches: Vec<Record<Breach>>,
    /// The register of processors (#21; absent in older files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processors: Vec<Record<Processor>>,
    /// The "Shared with" log: disclosures of people's data to recipients (#21; absent in older
    /// files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosures: Vec<Record<Disclosure>>,
    /// A section only the app's tests have (last, so the format's fields keep their order).
    #[cfg(test)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probes: Vec<Record<Probe>>,
}

/// A published version of the privacy notice: its language, text, the SHA-256 of the text and
/// the day it was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeVersion {
    pub language: String,
    pub text: String,
    pub sha256: String,
    pub published_on: NaiveDate,
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
    /// How long a contact's record is kept (absent: 36 months after the last activity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_retention: Option<RetentionRule>,
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
    /// Version 3: every postal address with its label (version 2 had one `address` string;
    /// `read::migrate_contacts_v2_to_v3` turns it into one unlabelled address).
    pub addresses: Vec<Labelled>,
    /// Version 3: "YYYY-MM-DD", or "--MM-DD" without a year.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::birthday::serde_opt"
    )]
    pub birthday: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub preferences: Vec<(String, String)>,
    pub notes: String,
    pub restricted: bool,
    pub merged_from: Vec<String>,
    /// When the person was erased while documents still had to be kept (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased_on: Option<NaiveDate>,
    /// Version 3 (added later, optional): where the data came from (`kind`: form, meeting, referral, public_register,
    /// linked_in, import, other; `detail`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::domain::source::Source>,
    /// Version 3 (added later, optional): when the person was given the privacy notice (`on`), and which version
    /// (`notice_sha256`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informed: Option<crate::domain::source::Informed>,
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
    /// Version 3: a direct-marketing purpose (absent before: not one).
    #[serde(default)]
    pub direct_marketing: bool,
    /// Version 3: the privacy notice new consents to this purpose take (absent: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    /// Version 3: who the purpose is for (absent: its basis's default, everyone under consent
    /// and customers under any other basis).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// Version 3: marketing of one's own similar products or services, the soft opt-in of Act
    /// 480/2004 §7(3) (absent: not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_similar: bool,
    /// The retention schedule's rule (absent: not set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_rule: Option<RetentionRule>,
    /// The legitimate-interest assessment (#21; absent: none written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lia: Option<Assessment>,
}

/// A retention rule (Art. 5(1)(e)): keep for `months` (1–600) after `after`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    pub months: u16,
    pub after: RetentionAfter,
}

/// What a retention period counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionAfter {
    LastActivity,
    DealClosed,
    ConsentEnded,
    ContractEnded,
}

/// A purpose's legitimate-interest assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    #[serde(default)]
    pub interest: String,
    #[serde(default)]
    pub necessity: String,
    #[serde(default)]
    pub balancing: String,
    #[serde(default)]
    pub safeguards: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_on: Option<NaiveDate>,
}

/// Who a purpose is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Audience {
    Everyone,
    Tagged { tag: String },
    Customers,
    DealStages { stages: Vec<String> },
}

/// A deal's sale facts for the soft opt-in: the e-mail collected with it, the refusal offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sale {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub email_collected: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal_offered: Option<NaiveDate>,
}

/// A purpose's privacy notice: title, URL and the SHA-256 of its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_sha256: Option<String>,
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
    /// On a "given" event that undoes a withdrawal made by mistake: that withdrawal's time
    /// (absent otherwise, and in files written before undo existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<DateTime<Utc>>,
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
    /// Version 3, on entering Won or Lost: the probability the deal had while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_probability: Option<u8>,
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
    /// Version 3: the sale's facts for the soft opt-in (absent: none recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sale: Option<Sale>,
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
    /// Version 3: the change's random salt, in its digest until its values are erased (then the
    /// salt goes with them, and the digest cannot confirm a guess).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
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
    /// Version 3: the people the record belongs to (ids), so an erasure finds the event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Version 3: the event's random salt, gone once any of its values is erased.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
}

/// A hash, salt or change in the other layer's form: the format's text, the domain's bytes (which
/// hold any text the format does, exactly), shared field name and boxed erasure.
trait Relabel<T> {
    fn relabel(&self) -> T;
}

impl<const N: usize> Relabel<HexBytes<N>> for String {
    fn relabel(&self) -> HexBytes<N> {
        HexBytes::parse(self)
    }
}

impl<const N: usize> Relabel<String> for HexBytes<N> {
    fn relabel(&self) -> String {
        self.to_string()
    }
}

impl<A: Relabel<B>, B> Relabel<Option<B>> for Option<A> {
    fn relabel(&self) -> Option<B> {
        self.as_ref().map(Relabel::relabel)
    }
}

impl Relabel<audit::FieldName> for String {
    fn relabel(&self) -> audit::FieldName {
        audit::FieldName::new(self)
    }
}

impl Relabel<String> for audit::FieldName {
    fn relabel(&self) -> String {
        self.to_string()
    }
}

impl Relabel<audit::EntityId> for String {
    fn relabel(&self) -> audit::EntityId {
        audit::EntityId::parse(self)
    }
}

impl Relabel<String> for audit::EntityId {
    fn relabel(&self) -> String {
        self.to_string()
    }
}

impl<A: Relabel<B>, B> Relabel<Vec<B>> for Vec<A> {
    fn relabel(&self) -> Vec<B> {
        self.iter().map(Relabel::relabel).collect()
    }
}

impl Relabel<audit::FieldChange> for FieldChange {
    fn relabel(&self) -> audit::FieldChange {
        let mut change = audit::FieldChange::new(
            audit::FieldName::new(&self.field),
            self.before.clone(),
            self.after.clone(),
        );
        change.set_erased(self.erased.clone());
        change.set_salt(self.salt.clone());
        change
    }
}

impl Relabel<FieldChange> for audit::FieldChange {
    fn relabel(&self) -> FieldChange {
        FieldChange {
            field: self.field.to_string(),
            before: self.before.as_deref().map(str::to_string),
            after: self.after.as_deref().map(str::to_string),
            erased: self.erased().map(str::to_string),
            salt: self.salt().map(str::to_string),
        }
    }
}

/// An event in the other layer's type (the format's or the domain's): every field as it is but
/// the action, which the two name differently. Field by field: through a JSON value (`bridge`)
/// it was a second of an import at L.
macro_rules! same_event {
    ($($event:ident)::+, $e:expr, $action:expr) => {{
        let e = $e;
        $($event)::+ {
            seq: e.seq,
            at: e.at,
            action: $action,
            entity_kind: Relabel::relabel(&e.entity_kind),
            entity_id: Relabel::relabel(&e.entity_id),
            changes: e
                .changes
                .iter()
                .map(Relabel::relabel)
                .collect(),
            prev_hash: Relabel::relabel(&e.prev_hash),
            hash: Relabel::relabel(&e.hash),
            subjects: Relabel::relabel(&e.subjects),
            salt: Relabel::relabel(&e.salt),
        }
    }};
}

impl AuditEvent {
    /// The domain's event of the same shape, its action read as the format names it.
    pub fn to_domain(&self) -> Result<audit::AuditEvent, String> {
        use serde::de::IntoDeserializer;
        let action = audit::Action::deserialize(self.action.as_str().into_deserializer())
            .map_err(|e: serde::de::value::Error| e.to_string())?;
        Ok(same_event!(audit::AuditEvent, self, action))
    }

    /// The format's event of a domain event.
    pub fn from_domain(e: &audit::AuditEvent) -> Self {
        let action = serde_json::to_value(e.action)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        same_event!(Self, e, action)
    }
}

impl Export {
    /// An export with no records yet, made at `exported_at` by Folio `app_version`.
    pub fn new(exported_at: DateTime<Utc>, app_version: &str) -> Self {
        Export {
            format: super::FORMAT.to_string(),
            version: super::VERSION,
            exported_at,
            app_version: app_version.to_string(),
            controller: None,
            pipeline: None,
            organisations: Vec::new(),
            contacts: Vec::new(),
            activities: Vec::new(),
            purposes: Vec::new(),
            consents: Vec::new(),
            limits: Vec::new(),
            deals: Vec::new(),
            documents: Vec::new(),
            tasks: Vec::new(),
            requests: Vec::new(),
            audit_log: Vec::new(),
            do_not_contact: None,
            erased_people: None,
            notices: Vec::new(),
            breaches: Vec::new(),
            processors: Vec::new(),
            disclosures: Vec::new(),
            #[cfg(test)]
            probes: Vec::new(),
        }
    }
}

/// Why an address is on the do-not-contact list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoNotContactReason {
    Objected,
    Erased,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
}

/// One address on the do-not-contact list: its HMAC-SHA-256 under the list's key (hex).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoNotContactEntry {
    pub tag: String,
    pub channel: Channel,
    pub reason: DoNotContactReason,
    pub since: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyedList {
    pub key: String,
    pub entries: Vec<DoNotContactEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoNotContact {
    pub lists: Vec<KeyedList>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErasedPeople {
    pub people: std::collections::BTreeMap<String, NaiveDate>,
}

/// A processor of the register (#21).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    pub name: String,
    pub service: String,
    pub dpa_signed_on: Option<NaiveDate>,
    pub location: String,
    pub transfers_outside_eu: bool,
    pub safeguard: String,
    pub purpose_ids: Vec<String>,
}

/// A disclosure of a person's data to a recipient (#21).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    pub contact_id: String,
    pub recipient: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor_id: Option<String>,
    pub data: String,
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_id: Option<String>,
}

/// The section of a record kind that exists only in the app's tests (proving that a kind added
/// to the app's list of kinds is handled everywhere).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::outreach::{Audience as DomainAudience, Sale as DomainSale};
    use crate::portability::bridge;

    #[test]
    fn audiences_own_similar_and_sale_facts_travel_and_are_absent_when_unset() {
        let mut purpose = crate::domain::purpose::Purpose {
            name: "Client newsletter".into(),
            ..Default::default()
        };
        let plain = serde_json::to_value(bridge::<_, Purpose>(&purpose).unwrap()).unwrap();
        assert!(plain.get("audience").is_none() && plain.get("own_similar").is_none());
        for audience in [
            DomainAudience::Everyone,
            DomainAudience::Customers,
            DomainAudience::Tagged { tag: "vip".into() },
            DomainAudience::DealStages {
                stages: vec!["won".into()],
            },
        ] {
            purpose.audience = Some(audience);
            purpose.own_similar = true;
            let exported: Purpose = bridge(&purpose).unwrap();
            let back: crate::domain::purpose::Purpose = bridge(&exported).unwrap();
            assert_eq!(back, purpose);
        }
        let at = "2026-11-02T10:00:00Z".parse().unwrap();
        let pipeline = crate::domain::deal::Pipeline::default();
        let mut deal = crate::domain::deal::Deal::new("Audit", &pipeline, "won", at).unwrap();
        let plain = serde_json::to_value(bridge::<_, Deal>(&deal).unwrap()).unwrap();
        assert!(plain.get("sale").is_none());
        deal.sale = DomainSale {
            email_collected: true,
            refusal_offered: chrono::NaiveDate::from_ymd_opt(2026, 11, 2),
        };
        let exported: Deal = bridge(&deal).unwrap();
        assert_eq!(
            serde_json::to_value(&exported).unwrap()["sale"],
            serde_json::json!({"email_collected": true, "refusal_offered": "2026-11-02"})
        );
        let back: crate::domain::deal::Deal = bridge(&exported).unwrap();
        assert_eq!(back, deal);
    }

    #[test]
    fn retention_rules_travel_and_are_absent_when_unset() {
        use crate::domain::retention::{After, RetentionRule as Rule};
        let mut purpose = crate::domain::purpose::Purpose::default();
        let plain = serde_json::to_value(bridge::<_, Purpose>(&purpose).unwrap()).unwrap();
        assert!(plain.get("retention_rule").is_none());
        let mut profile = crate::domain::profile::ControllerProfile::default();
        let plain = serde_json::to_value(bridge::<_, Controller>(&profile).unwrap()).unwrap();
        assert!(plain.get("contact_retention").is_none());
        for after in After::ALL {
            let rule = Rule { months: 24, after };
            purpose.retention_rule = Some(rule);
            let exported: Purpose = bridge(&purpose).unwrap();
            assert_eq!(
                serde_json::to_value(&exported).unwrap()["retention_rule"],
                serde_json::json!({"months": 24, "after": after.code()})
            );
            let back: crate::domain::purpose::Purpose = bridge(&exported).unwrap();
            assert_eq!(back, purpose);
            profile.contact_retention = Some(rule);
            let exported: Controller = bridge(&profile).unwrap();
            let back: crate::domain::profile::ControllerProfile = bridge(&exported).unwrap();
            assert_eq!(back, profile);
        }
    }
}

/// Whether the authority or the people were told of a breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachNotice {
    Pending,
    Notified,
    NotNotified,
}

/// One entry of the breach register (Art. 33(5)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Breach {
    pub discovered_at: DateTime<Utc>,
    pub nature: String,
    pub categories: String,
    pub contact_ids: Vec<String>,
    pub people_count: Option<u64>,
    pub records_count: Option<u64>,
    pub consequences: String,
    pub measures: String,
    pub authority: BreachNotice,
    pub authority_at: Option<DateTime<Utc>>,
    pub authority_reason: String,
    pub people: BreachNotice,
    pub people_at: Option<DateTime<Utc>>,
    pub people_reason: String,
}
