//! Contacts (people): names, typed e-mails and phones, organisation, identifiers, labelled
//! addresses, birthday, tags, preferences and notes; the draft a form fills and its validation. Must not import anything
//! outside `domain`.

use super::field;
use super::search::Haystack;
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
        Stored::List(list) => list,
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
    pub emails: Vec<Labelled>,
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
    pub tags: Vec<String>,
    pub preferences: Vec<(String, String)>,
    pub notes: String,
    /// GDPR Art. 18: processing restricted while a hold or dispute runs.
    #[serde(default)]
    pub restricted: bool,
    /// Ids of contacts merged into this one (their history belongs to this contact now).
    #[serde(default)]
    pub merged_from: Vec<String>,
    /// The day the person was erased (Art. 17) while documents still had to be kept: only what
    /// those documents need is left, processing is restricted, and the erasure is finished once
    /// the last hold ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased_on: Option<NaiveDate>,
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
        let mut emails = Vec::new();
        for line in lines(&self.emails) {
            let (label, value) = split_label(line);
            match Email::parse(&value) {
                Ok(e) => emails.push(Labelled {
                    label,
                    value: e.as_str().to_string(),
                }),
                Err(e) => {
                    errors.push((fields::EMAIL, e.into()));
                    break;
                }
            }
        }
        let mut phones = Vec::new();
        for line in lines(&self.phones) {
            let (label, value) = split_label(line);
            match Phone::parse(&value, super::phone::DEFAULT_CALLING_CODE) {
                Ok(p) => phones.push(Labelled {
                    label,
                    value: p.as_typed().to_string(),
                }),
                Err(e) => {
                    errors.push((fields::PHONE, e.into()));
                    break;
                }
            }
        }
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
mod tests {
    use super::*;
    use crate::domain::{EmailError, IcoError, PhoneError};

    fn draft() -> ContactDraft {
        ContactDraft {
            given_name: " Zdeňka ".into(),
            family_name: "Dvořáková".into(),
            emails: "work: zdenka@firma.cz\n\n zdenka.d@seznam.cz ".into(),
            phones: "mobile: +420 601 234 567".into(),
            tags: "klient, Praha, klient ,  ".into(),
            preferences: "prefers: phone\nlanguage: cs".into(),
            ico: "27082440".into(),
            ..ContactDraft::default()
        }
    }

    #[test]
    fn a_valid_draft_becomes_a_contact() {
        let c = draft().validate().unwrap();
        assert_eq!(c.display_name(), "Zdeňka Dvořáková");
        assert_eq!(
            c.emails,
            vec![
                Labelled {
                    label: "work".into(),
                    value: "zdenka@firma.cz".into()
                },
                Labelled {
                    label: "".into(),
                    value: "zdenka.d@seznam.cz".into()
                },
            ]
        );
        assert_eq!(
            c.phones[0],
            Labelled {
                label: "mobile".into(),
                value: "+420 601 234 567".into()
            }
        );
        assert_eq!(c.tags, vec!["klient", "Praha"]);
        assert_eq!(
            c.preferences,
            vec![
                ("prefers".into(), "phone".into()),
                ("language".into(), "cs".into())
            ]
        );
        assert_eq!(ContactDraft::from_contact(&c).validate().unwrap(), c);
    }

    #[test]
    fn a_record_stored_by_the_previous_version_still_opens() {
        let old = r#"{"given_name":"Jana","family_name":"Dvořáková","emails":[],"phones":[],
            "organisation_id":null,"role":"","ico":null,"vat_id":null,
            "address":"Na Příkopě 12\n110 00 Praha 1","tags":[],"preferences":[],"notes":"",
            "restricted":false,"merged_from":[]}"#;
        let c: Contact = serde_json::from_str(old).unwrap();
        assert_eq!(
            c.addresses,
            vec![Labelled {
                label: String::new(),
                value: "Na Příkopě 12\n110 00 Praha 1".into()
            }]
        );
        assert_eq!(c.birthday, None);
        let empty = old.replace(
            r#""address":"Na Příkopě 12\n110 00 Praha 1""#,
            r#""address":"""#,
        );
        assert!(serde_json::from_str::<Contact>(&empty)
            .unwrap()
            .addresses
            .is_empty());
        // Written again, it has the new shape, and reads back the same.
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"addresses\"") && !json.contains("\"address\""));
        assert_eq!(serde_json::from_str::<Contact>(&json).unwrap(), c);
    }

    #[test]
    fn addresses_and_birthdays_in_the_form() {
        let d = ContactDraft {
            given_name: "Jana".into(),
            addresses: "work: Na Příkopě 12\n110 00 Praha 1\n\n  \nDlouhá 5, Brno\n".into(),
            birthday: "12. 4. 1985".into(),
            ..ContactDraft::default()
        };
        let c = d.validate().unwrap();
        assert_eq!(c.addresses.len(), 2);
        assert_eq!(c.addresses[0].label, "work");
        assert_eq!(c.addresses[1].value, "Dlouhá 5, Brno");
        assert_eq!(c.birthday, NaiveDate::from_ymd_opt(1985, 4, 12));
        assert_eq!(ContactDraft::from_contact(&c).validate().unwrap(), c);
        let bad = ContactDraft {
            birthday: "31. 2. 1985".into(),
            ..d
        };
        assert_eq!(bad.validate().unwrap_err()[0].0, fields::BIRTHDAY);
    }

    #[test]
    fn one_name_is_enough_but_not_none() {
        let only_family = ContactDraft {
            family_name: "Novák".into(),
            ..ContactDraft::default()
        };
        assert_eq!(only_family.validate().unwrap().display_name(), "Novák");
        let nameless = ContactDraft {
            emails: "a@b.cz".into(),
            ..ContactDraft::default()
        };
        assert_eq!(
            nameless.validate().unwrap_err(),
            vec![(fields::GIVEN_NAME, FieldError::Required)]
        );
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = ContactDraft {
            given_name: "Jana".into(),
            emails: "jana@".into(),
            phones: "call me".into(),
            ico: "12345678".into(),
            ..ContactDraft::default()
        };
        assert_eq!(
            bad.validate().unwrap_err(),
            vec![
                (fields::EMAIL, FieldError::Email(EmailError::EmptyDomain)),
                (
                    fields::PHONE,
                    FieldError::Phone(PhoneError::BadCharacter('c'))
                ),
                (fields::ICO, FieldError::Ico(IcoError::BadCheckDigit)),
            ]
        );
    }

    #[test]
    fn audit_fields_show_only_what_changed() {
        let before = draft().validate().unwrap();
        let mut after = before.clone();
        after.role = "CEO".into();
        let changes = crate::domain::audit::diff(&before.fields(), &after.fields());
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, fields::ROLE);
        assert_eq!(changes[0].before, None);
        assert_eq!(changes[0].after.as_deref(), Some("CEO"));
    }

    #[test]
    fn merge_takes_the_chosen_values_and_combines_lists() {
        let keep = draft().validate().unwrap();
        let other = ContactDraft {
            given_name: "Zdena".into(),
            family_name: "Dvořáková".into(),
            emails: "ZDENKA@firma.cz\nzd@jinde.cz".into(),
            phones: "00420601234567\n777 000 111".into(),
            role: "Jednatelka".into(),
            tags: "Praha, vip".into(),
            preferences: "prefers: e-mail\nnewsletter: no".into(),
            ..ContactDraft::default()
        }
        .validate()
        .unwrap();
        let differences = merge_differences(&keep, &other);
        let fields_differing: Vec<&str> = differences.iter().map(|d| d.0).collect();
        assert_eq!(fields_differing, vec![fields::GIVEN_NAME, fields::ROLE]);
        assert_eq!(differences[0].3, Side::Keep);
        assert_eq!(
            differences[1].3,
            Side::Other,
            "an empty kept value defaults to the other's"
        );
        let merged = merge(&keep, "k", &other, "o", |f| {
            if f == fields::ROLE {
                Side::Other
            } else {
                Side::Keep
            }
        });
        assert_eq!(merged.given_name, "Zdeňka");
        assert_eq!(merged.role, "Jednatelka");
        let emails: Vec<&str> = merged.emails.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(
            emails,
            vec!["zdenka@firma.cz", "zdenka.d@seznam.cz", "zd@jinde.cz"]
        );
        assert_eq!(
            merged.phones.len(),
            2,
            "the same number in another spelling is not repeated"
        );
        assert_eq!(merged.tags, vec!["klient", "Praha", "vip"]);
        assert_eq!(
            merged.preferences.len(),
            3,
            "the kept contact's preference wins for the same key"
        );
        assert_eq!(merged.merged_from, vec!["o"]);
    }

    #[test]
    fn duplicates_by_email_phone_or_ico() {
        let jana = draft().validate().unwrap();
        let petr = ContactDraft {
            given_name: "Petr".into(),
            ico: "00006947".into(),
            ..ContactDraft::default()
        }
        .validate()
        .unwrap();
        let existing = [("jana", &jana), ("petr", &petr)];
        let by_email = ContactDraft {
            emails: "ZDENKA@Firma.cz".into(),
            ..ContactDraft::default()
        };
        assert_eq!(
            find_duplicates(&by_email, existing, None),
            vec![(
                "jana".to_string(),
                Duplicate::Email("zdenka@firma.cz".into())
            )]
        );
        let by_phone = ContactDraft {
            phones: "00420601234567".into(),
            ..ContactDraft::default()
        };
        assert_eq!(
            find_duplicates(&by_phone, existing, None),
            vec![(
                "jana".to_string(),
                Duplicate::Phone("+420 601 234 567".into())
            )]
        );
        let by_ico = ContactDraft {
            ico: "000 06 947".into(),
            ..ContactDraft::default()
        };
        assert_eq!(
            find_duplicates(&by_ico, existing, None),
            vec![("petr".to_string(), Duplicate::Ico("00006947".into()))]
        );
        // A contact is not its own duplicate, and nothing in common is nothing found.
        assert!(find_duplicates(&by_email, existing, Some("jana")).is_empty());
        assert!(find_duplicates(&ContactDraft::default(), existing, None).is_empty());
    }

    #[test]
    fn search_finds_by_every_listed_field() {
        let c = draft().validate().unwrap();
        let h = c.haystack(Some("Firma Dvořák s.r.o."));
        use crate::domain::search::Query;
        for q in [
            "dvorakova",
            "zdenka",
            "seznam.cz",
            "601234567",
            "firma dvorak",
            "praha",
            "27082440",
        ] {
            assert!(h.matches(&Query::new(q)), "{q}");
        }
    }
}
