//! Contacts (people): names, typed e-mails and phones, organisation, identifiers, labelled
//! addresses, birthday, tags, preferences and notes; the draft a form fills and its validation. Must not import anything
//! outside `domain`.

use super::field;
use super::search::Haystack;
use super::source::{self, Informed, Source};
use super::{Email, FieldError, FieldErrors, Ico, Phone};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Field names: the form pins errors with them and the audit trail records changes under them.
pub mod fields {
    pub const GIVEN_NAME: &str = "given_name";
    pub const FAMILY_NAME: &str = "family_name";
    pub const EMAIL: &str = "email";
    pub const PHONE: &str = "phone";
    pub const ORGANISATION: &str = "organisation";
    pub const ROLE: &str = "role";
    pub const ICO: &str = "ico";
    pub const VAT_ID: &str = "vat_id";
    pub const ADDRESS: &str = "address";
    pub const BIRTHDAY: &str = "birthday";
    pub const TAGS: &str = "tags";
    pub const PREFERENCES: &str = "preferences";
    pub const NOTES: &str = "notes";
}

/// Labelled values as text, "label: value" (or the bare value), joined by `separator`.
fn labelled_text(items: &[Labelled], separator: &str) -> String {
    items
        .iter()
        .map(|i| {
            if i.label.is_empty() {
                i.value.clone()
            } else {
                format!("{}: {}", i.label, i.value)
            }
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// A value with its label ("work", "mobile"…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    pub label: String,
    pub value: String,
}

/// The longest address (characters) and the most addresses a contact keeps.
pub const MAX_ADDRESS_CHARS: usize = 500;
pub const MAX_ADDRESSES: usize = 20;

/// A contact's addresses as stored now (a list), or as a record written before addresses were
/// a list holds them (`"address": "Dlouhá 1, Praha"`, one unlabelled address or none).
fn addresses_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Labelled>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        List(Vec<Labelled>),
        Text(String),
    }
    Ok(match Stored::deserialize(d)? {
        Stored::List(mut list) => {
            list.shrink_to_fit();
            list
        }
        Stored::Text(text) if text.trim().is_empty() => Vec::new(),
        Stored::Text(text) => vec![Labelled {
            label: String::new(),
            value: text,
        }],
    })
}

/// A contact as stored (sealed) in the vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub given_name: String,
    pub family_name: String,
    #[serde(deserialize_with = "super::exact::vec")]
    pub emails: Vec<Labelled>,
    #[serde(deserialize_with = "super::exact::vec")]
    pub phones: Vec<Labelled>,
    /// The organisation's record id, if the contact belongs to one.
    pub organisation_id: Option<String>,
    pub role: String,
    pub ico: Option<String>,
    pub vat_id: Option<String>,
    /// Postal addresses with their labels ("work", "home"…), each as written (lines kept).
    /// Records written before this was a list have `"address": "…"`: read as one address.
    #[serde(default, alias = "address", deserialize_with = "addresses_or_text")]
    pub addresses: Vec<Labelled>,
    /// The day of birth; a day without a known year has the year `birthday::NO_YEAR`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::birthday::serde_opt"
    )]
    pub birthday: Option<NaiveDate>,
    #[serde(deserialize_with = "super::exact::vec")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "super::exact::vec")]
    pub preferences: Vec<(String, String)>,
    pub notes: String,
    /// GDPR Art. 18: processing restricted while a hold or dispute runs.
    #[serde(default)]
    pub restricted: bool,
    /// Ids of contacts merged into this one (their history belongs to this contact now).
    #[serde(default, deserialize_with = "super::exact::vec")]
    pub merged_from: Vec<String>,
    /// The day the person was erased (Art. 17) while documents still had to be kept: only what
    /// those documents need is left, processing is restricted, and the erasure is finished once
    /// the last hold ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased_on: Option<NaiveDate>,
    /// Where the data came from (Art. 14(2)(f)); None in records written before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// When the person was given the privacy notice (Art. 13/14), and which version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informed: Option<Informed>,
}

impl Contact {
    /// "Given Family", or whichever of the two exists.
    pub fn display_name(&self) -> String {
        match (self.given_name.trim(), self.family_name.trim()) {
            ("", f) => f.to_string(),
            (g, "") => g.to_string(),
            (g, f) => format!("{g} {f}"),
        }
    }

    /// The key the list sorts by: family name, then given name, folded.
    pub fn sort_key(&self) -> String {
        super::search::fold(&format!(
            "{} {}",
            self.family_name.trim(),
            self.given_name.trim()
        ))
    }

    /// What search looks at: names, e-mails, phones, organisation name, role, addresses, tags,
    /// notes.
    pub fn haystack(&self, organisation_name: Option<&str>) -> Haystack {
        let mut texts: Vec<&str> =
            vec![&self.given_name, &self.family_name, &self.role, &self.notes];
        texts.extend(self.emails.iter().map(|e| e.value.as_str()));
        texts.extend(self.addresses.iter().map(|a| a.value.as_str()));
        texts.extend(self.tags.iter().map(String::as_str));
        texts.extend(organisation_name);
        texts.extend(self.ico.as_deref());
        Haystack::new(texts, self.phones.iter().map(|p| p.value.as_str()))
    }

    /// (field, value) pairs for the audit trail's field-level history.
    pub fn fields(&self) -> super::audit::FieldValues {
        let list = |items: &[Labelled]| {
            let joined = labelled_text(items, ", ");
            (!joined.is_empty()).then_some(joined)
        };
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
        vec![
            (fields::GIVEN_NAME, text(&self.given_name)),
            (fields::FAMILY_NAME, text(&self.family_name)),
            (fields::EMAIL, list(&self.emails)),
            (fields::PHONE, list(&self.phones)),
            (fields::ORGANISATION, self.organisation_id.clone()),
            (fields::ROLE, text(&self.role)),
            (fields::ICO, self.ico.clone()),
            (fields::VAT_ID, self.vat_id.clone()),
            (fields::ADDRESS, {
                let joined = addresses_text(&self.addresses).replace("\n\n", "; ");
                (!joined.is_empty()).then(|| joined.replace('\n', ", "))
            }),
            (fields::BIRTHDAY, self.birthday.map(super::birthday::format)),
            (
                fields::TAGS,
                (!self.tags.is_empty()).then(|| self.tags.join(", ")),
            ),
            (
                fields::PREFERENCES,
                (!self.preferences.is_empty()).then(|| {
                    self.preferences
                        .iter()
                        .map(|(k, v)| format!("{k}: {v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
            ),
            (fields::NOTES, text(&self.notes)),
            (
                source::fields::SOURCE,
                self.source.as_ref().map(|s| s.text(s.kind.code())),
            ),
            (
                source::fields::INFORMED,
                self.informed.as_ref().map(Informed::text),
            ),
        ]
    }
}

/// What the user typed into the contact form. E-mails and phones are one per line, optionally
/// "label: value"; tags are comma-separated; preferences one "key: value" per line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub given_name: String,
    pub family_name: String,
    pub emails: String,
    pub phones: String,
    pub organisation_id: Option<String>,
    pub role: String,
    pub ico: String,
    pub vat_id: String,
    /// Addresses separated by a blank line, each optionally starting "label: ".
    pub addresses: String,
    /// "1985-04-12", "12. 4. 1985", "--04-12" (no year)…
    pub birthday: String,
    pub tags: String,
    pub preferences: String,
    pub notes: String,
    /// A `source::SourceKind` code, or blank.
    pub source_kind: String,
    pub source_detail: String,
    /// `YYYY-MM-DD`, or blank.
    pub informed_on: String,
    /// The SHA-256 of the notice version given, or blank.
    pub informed_notice: String,
}

/// Addresses as the form shows them: one block each, "label: " first when it has one, blocks
/// separated by a blank line.
pub fn addresses_text(addresses: &[Labelled]) -> String {
    addresses
        .iter()
        .map(|a| {
            let value = a
                .value
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            if a.label.is_empty() {
                value
            } else {
                format!("{}: {value}", a.label)
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Addresses from the form's text: blocks separated by blank lines, each "label: …" or bare.
pub fn parse_addresses(text: &str) -> Vec<Labelled> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut flush = |block: &mut Vec<&str>| {
        if block.is_empty() {
            return;
        }
        let (label, first) = split_label(block[0]);
        let mut lines = vec![first];
        lines.extend(block[1..].iter().map(|l| l.trim().to_string()));
        let value = lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !value.is_empty() {
            out.push(Labelled { label, value });
        }
        block.clear();
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut block);
        } else {
            block.push(line);
        }
    }
    flush(&mut block);
    out
}

fn split_label(line: &str) -> (String, String) {
    // "work: jana@firma.cz" → ("work", "jana@firma.cz"); a value may itself hold ':' only after a label.
    match line.split_once(':') {
        Some((label, value))
            if !label.trim().is_empty()
                && !label.contains('@')
                && !label.trim().starts_with('+')
                && label
                    .trim()
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-') =>
        {
            (label.trim().to_string(), value.trim().to_string())
        }
        _ => (String::new(), line.trim().to_string()),
    }
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Labelled values as typed, one a line ("work: jana@firma.cz"), each value read by `parse`;
/// the first that does not read is recorded under `field` and ends the list.
fn parse_labelled<E: Into<FieldError>>(
    errors: &mut FieldErrors,
    field: &'static str,
    text: &str,
    parse: impl Fn(&str) -> Result<String, E>,
) -> Vec<Labelled> {
    let mut out = Vec::new();
    for line in lines(text) {
        let (label, value) = split_label(line);
        match parse(&value) {
            Ok(value) => out.push(Labelled { label, value }),
            Err(e) => {
                errors.push((field, e.into()));
                break;
            }
        }
    }
    out
}

/// Tags from "klient, Praha ,  vip": trimmed, empty ones dropped, duplicates (ignoring case) once.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags
            .iter()
            .any(|t| super::search::fold(t) == super::search::fold(tag))
        {
            tags.push(tag.to_string());
        }
    }
    tags
}

impl ContactDraft {
    pub fn from_contact(c: &Contact) -> Self {
        Self {
            given_name: c.given_name.clone(),
            family_name: c.family_name.clone(),
            emails: labelled_text(&c.emails, "\n"),
            phones: labelled_text(&c.phones, "\n"),
            organisation_id: c.organisation_id.clone(),
            role: c.role.clone(),
            ico: c.ico.clone().unwrap_or_default(),
            vat_id: c.vat_id.clone().unwrap_or_default(),
            addresses: addresses_text(&c.addresses),
            birthday: c.birthday.map(super::birthday::format).unwrap_or_default(),
            tags: c.tags.join(", "),
            preferences: c
                .preferences
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join("\n"),
            notes: c.notes.clone(),
            source_kind: c
                .source
                .as_ref()
                .map(|s| s.kind.code().to_string())
                .unwrap_or_default(),
            source_detail: c
                .source
                .as_ref()
                .map(|s| s.detail.clone())
                .unwrap_or_default(),
            informed_on: c
                .informed
                .as_ref()
                .map(|i| i.on.to_string())
                .unwrap_or_default(),
            informed_notice: c
                .informed
                .as_ref()
                .and_then(|i| i.notice_sha256.clone())
                .unwrap_or_default(),
        }
    }

    /// Checks every field; on failure, every field's error. Nothing is saved until this passes.
    pub fn validate(&self) -> Result<Contact, FieldErrors> {
        let mut errors: FieldErrors = Vec::new();
        let given = self.given_name.trim();
        let family = self.family_name.trim();
        if given.is_empty() && family.is_empty() {
            errors.push((fields::GIVEN_NAME, FieldError::Required));
        }
        for (field, value, max) in [
            (fields::GIVEN_NAME, given, 100),
            (fields::FAMILY_NAME, family, 100),
            (fields::ROLE, self.role.trim(), 200),
            (fields::NOTES, self.notes.trim(), 20_000),
        ] {
            if value.chars().count() > max {
                errors.push((field, FieldError::TooLong(max)));
            }
        }
        let addresses = parse_addresses(&self.addresses);
        if addresses
            .iter()
            .any(|a| a.value.chars().count() > MAX_ADDRESS_CHARS)
        {
            errors.push((fields::ADDRESS, FieldError::TooLong(MAX_ADDRESS_CHARS)));
        } else if addresses.len() > MAX_ADDRESSES {
            errors.push((fields::ADDRESS, FieldError::TooMany(MAX_ADDRESSES)));
        }
        // No clock in the domain: a birthday is a real day from 1850 on (`validate_on` also
        // refuses one after a given day).
        let birthday = super::field::optional(&mut errors, fields::BIRTHDAY, &self.birthday, |t| {
            super::birthday::parse(t, NaiveDate::MAX)
        });
        let emails = parse_labelled(&mut errors, fields::EMAIL, &self.emails, |v| {
            Email::parse(v).map(|e| e.as_str().to_string())
        });
        let phones = parse_labelled(&mut errors, fields::PHONE, &self.phones, |v| {
            Phone::parse(v, super::phone::DEFAULT_CALLING_CODE).map(|p| p.as_typed().to_string())
        });
        let ico = field::optional_ico(&mut errors, fields::ICO, &self.ico);
        let vat_id = field::optional_vat_id(&mut errors, fields::VAT_ID, &self.vat_id);
        let mut preferences = Vec::new();
        for line in lines(&self.preferences) {
            match line.split_once(':') {
                Some((k, v)) if !k.trim().is_empty() => {
                    preferences.push((k.trim().to_string(), v.trim().to_string()))
                }
                _ => preferences.push((line.to_string(), String::new())),
            }
        }
        let source = source::parse_source(&mut errors, &self.source_kind, &self.source_detail);
        let informed =
            source::parse_informed(&mut errors, &self.informed_on, &self.informed_notice);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Contact {
            given_name: given.to_string(),
            family_name: family.to_string(),
            emails,
            phones,
            organisation_id: self.organisation_id.clone().filter(|o| !o.is_empty()),
            role: self.role.trim().to_string(),
            ico,
            vat_id,
            addresses,
            birthday,
            tags: parse_tags(&self.tags),
            preferences,
            notes: self.notes.trim().to_string(),
            restricted: false,
            merged_from: Vec::new(),
            erased_on: None,
            source,
            informed,
        })
    }
}

/// Which contact's value wins for one field of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The contact that stays.
    Keep,
    /// The contact merged into it.
    Other,
}

/// The single-valued fields a user chooses between when merging (lists, addresses included,
/// are combined).
pub const MERGE_CHOICE_FIELDS: [&str; 8] = [
    fields::GIVEN_NAME,
    fields::FAMILY_NAME,
    fields::ORGANISATION,
    fields::ROLE,
    fields::ICO,
    fields::VAT_ID,
    fields::BIRTHDAY,
    fields::NOTES,
];

/// The fields where the two contacts hold different values: (field, kept value, other value,
/// the side chosen by default — the kept one, unless it is empty).
pub fn merge_differences(
    keep: &Contact,
    other: &Contact,
) -> Vec<(&'static str, Option<String>, Option<String>, Side)> {
    let a = keep.fields();
    let b = other.fields();
    MERGE_CHOICE_FIELDS
        .iter()
        .filter_map(|field| {
            let va = a
                .iter()
                .find(|(f, _)| f == field)
                .and_then(|(_, v)| v.clone());
            let vb = b
                .iter()
                .find(|(f, _)| f == field)
                .and_then(|(_, v)| v.clone());
            (va != vb && vb.is_some()).then(|| {
                let default = if va.is_none() {
                    Side::Other
                } else {
                    Side::Keep
                };
                (*field, va, vb, default)
            })
        })
        .collect()
}

/// Merges `other` into `keep`: each single-valued field from the side `choose` names; e-mails,
/// phones, addresses, tags and preferences combined without repeats (the kept contact's first).
pub fn merge(
    keep: &Contact,
    keep_id: &str,
    other: &Contact,
    other_id: &str,
    choose: impl Fn(&str) -> Side,
) -> Contact {
    let pick = |field: &str, a: &str, b: &str| -> String {
        match choose(field) {
            Side::Keep => a.to_string(),
            Side::Other => b.to_string(),
        }
    };
    let pick_opt = |field: &str, a: &Option<String>, b: &Option<String>| match choose(field) {
        Side::Keep => a.clone(),
        Side::Other => b.clone(),
    };
    let mut emails = keep.emails.clone();
    for e in &other.emails {
        if !emails
            .iter()
            .any(|x| x.value.to_lowercase() == e.value.to_lowercase())
        {
            emails.push(e.clone());
        }
    }
    let comparable = |v: &str| {
        Phone::parse(v, super::phone::DEFAULT_CALLING_CODE)
            .map(|p| p.comparable().to_string())
            .unwrap_or_else(|_| v.to_string())
    };
    let mut phones = keep.phones.clone();
    for p in &other.phones {
        if !phones
            .iter()
            .any(|x| comparable(&x.value) == comparable(&p.value))
        {
            phones.push(p.clone());
        }
    }
    let tags = parse_tags(&format!(
        "{}, {}",
        keep.tags.join(", "),
        other.tags.join(", ")
    ));
    let mut addresses = keep.addresses.clone();
    for a in &other.addresses {
        let same = |x: &Labelled| super::search::fold(&x.value) == super::search::fold(&a.value);
        if !addresses.iter().any(same) {
            addresses.push(a.clone());
        }
    }
    let mut preferences = keep.preferences.clone();
    for (k, v) in &other.preferences {
        if !preferences.iter().any(|(x, _)| x == k) {
            preferences.push((k.clone(), v.clone()));
        }
    }
    let mut merged_from = keep.merged_from.clone();
    merged_from.push(other_id.to_string());
    merged_from.extend(other.merged_from.iter().cloned());
    merged_from.retain(|m| m != keep_id);
    Contact {
        given_name: pick(fields::GIVEN_NAME, &keep.given_name, &other.given_name),
        family_name: pick(fields::FAMILY_NAME, &keep.family_name, &other.family_name),
        emails,
        phones,
        organisation_id: pick_opt(
            fields::ORGANISATION,
            &keep.organisation_id,
            &other.organisation_id,
        ),
        role: pick(fields::ROLE, &keep.role, &other.role),
        ico: pick_opt(fields::ICO, &keep.ico, &other.ico),
        vat_id: pick_opt(fields::VAT_ID, &keep.vat_id, &other.vat_id),
        addresses,
        birthday: match choose(fields::BIRTHDAY) {
            Side::Keep => keep.birthday,
            Side::Other => other.birthday,
        },
        tags,
        preferences,
        notes: pick(fields::NOTES, &keep.notes, &other.notes),
        restricted: keep.restricted || other.restricted,
        merged_from,
        erased_on: keep.erased_on.max(other.erased_on),
        source: keep.source.clone().or_else(|| other.source.clone()),
        informed: keep.informed.clone().or_else(|| other.informed.clone()),
    }
}

/// Why a new contact may be someone already in the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    /// The same e-mail address (case ignored).
    Email(String),
    /// The same phone number (spacing and country-code spelling ignored).
    Phone(String),
    /// The same IČO.
    Ico(String),
}

/// Existing contacts (id, contact) that share an e-mail, phone or IČO with the draft, with why.
/// Reads what can be parsed and ignores the rest: the form reports errors separately.
/// The e-mails and phones typed in a draft ("label: value" lines), as they were typed.
pub fn typed_addresses(draft: &ContactDraft) -> (Vec<String>, Vec<String>) {
    let values = |text: &str| -> Vec<String> { lines(text).map(|l| split_label(l).1).collect() };
    (values(&draft.emails), values(&draft.phones))
}

pub fn find_duplicates<'a>(
    draft: &ContactDraft,
    existing: impl IntoIterator<Item = (&'a str, &'a Contact)>,
    skip_id: Option<&str>,
) -> Vec<(String, Duplicate)> {
    let emails: Vec<String> = lines(&draft.emails)
        .filter_map(|l| Email::parse(&split_label(l).1).ok())
        .map(|e| e.comparable())
        .collect();
    let phones: Vec<String> = lines(&draft.phones)
        .filter_map(|l| Phone::parse(&split_label(l).1, super::phone::DEFAULT_CALLING_CODE).ok())
        .map(|p| p.comparable().to_string())
        .collect();
    let ico = Ico::parse(draft.ico.trim())
        .ok()
        .map(|i| i.as_str().to_string());
    let mut found = Vec::new();
    for (id, contact) in existing {
        if Some(id) == skip_id {
            continue;
        }
        if let Some(e) = contact.emails.iter().find(|e| {
            Email::parse(&e.value)
                .map(|x| emails.contains(&x.comparable()))
                .unwrap_or(false)
        }) {
            found.push((id.to_string(), Duplicate::Email(e.value.clone())));
        } else if let Some(p) = contact.phones.iter().find(|p| {
            Phone::parse(&p.value, super::phone::DEFAULT_CALLING_CODE)
                .map(|x| phones.iter().any(|c| c == x.comparable()))
                .unwrap_or(false)
        }) {
            found.push((id.to_string(), Duplicate::Phone(p.value.clone())));
        } else if ico.is_some() && contact.ico == ico {
            found.push((
                id.to_string(),
                Duplicate::Ico(ico.clone().unwrap_or_default()),
            ));
        }
    }
    found
}

#[cfg(test)]
#[path = "contact_tests.rs"]
mod tests;
