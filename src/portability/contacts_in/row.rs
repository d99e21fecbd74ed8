//! One row or card as a contact draft (or an organisation): the values collected field by
//! field, addresses and birthdays put together from their parts, each value the domain refuses
//! dropped with its reason (the person still comes in), a nameless person named from their
//! e-mail, and a row with only a company made an organisation.

use super::columns::Part;
use super::*;
use crate::domain::contact::{fields, parse_addresses};
use crate::domain::{birthday, Email, Ico, Phone, VatId};
use std::collections::BTreeMap;

/// Splits a cell holding several values (" | " as Folio's tags, " ::: " as Google writes, or
/// line breaks; `also` adds more separators).
pub(super) fn several(cell: &str, also: &[char]) -> Vec<String> {
    cell.split(":::")
        .flat_map(|p| p.split(|c: char| c == '|' || c == '\n' || also.contains(&c)))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// A label the contact form accepts ("label: value"): letters, spaces and hyphens, lower case;
/// Google's "* " (primary) and Apple's "_$!<…>!$_" taken off.
pub(super) fn clean_label(label: &str) -> String {
    let label = label.trim().trim_start_matches("* ");
    let label = label
        .strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
        .unwrap_or(label);
    let kept: String = label
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ' || *c == '-')
        .collect();
    let kept = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = kept.to_lowercase();
    match lower.as_str() {
        "cell" | "mobile" | "iphone" | "mobil" => "mobile".into(),
        "business" | "work" | "pracovni" => "work".into(),
        "internet" | "voice" | "pref" | "other" | "x-internet" | "smtp" => String::new(),
        _ => lower,
    }
}

/// "work: jana@firma.cz" → ("work", "jana@firma.cz"), as Folio's own files write a label; a
/// value without one is returned whole.
fn own_label(value: &str) -> Option<(&str, &str)> {
    let (label, rest) = value.split_once(':')?;
    let label = label.trim();
    let is_label = !label.is_empty()
        && label.chars().count() <= 40
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && !label.eq_ignore_ascii_case("mailto")
        && !label.eq_ignore_ascii_case("tel");
    is_label.then(|| (label, rest.trim()))
}

/// Google's and Android's own groups, which are no tags of the user's.
fn is_system_group(tag: &str) -> bool {
    let t = tag.trim();
    if t.starts_with('*') || t.to_ascii_lowercase().starts_with("system group:") {
        return true;
    }
    matches!(
        crate::domain::search::fold(t).replace(' ', "").as_str(),
        "mycontacts" | "starred" | "starredinandroid" | "othercontacts"
    )
}

/// The parts of addresses and a birthday that several columns (or ADR components) spell out.
#[derive(Debug, Default)]
pub(super) struct Parts {
    /// By group, in the order first seen: (label, parts by kind).
    addresses: Vec<(String, String, BTreeMap<u8, Vec<String>>)>,
    year: String,
    month: String,
    day: String,
}

fn part_order(part: Part) -> u8 {
    match part {
        Part::Whole => 0,
        Part::Street => 1,
        Part::MoreStreet => 2,
        Part::Postcode => 3,
        Part::City => 4,
        Part::Region => 5,
        Part::Country => 6,
        Part::Year | Part::Month | Part::Day => 7,
    }
}

impl Parts {
    pub(super) fn address(&mut self, group: &str, label: &str, part: Part, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let at = match self.addresses.iter().position(|(g, ..)| g == group) {
            Some(at) => at,
            None => {
                self.addresses
                    .push((group.to_string(), String::new(), BTreeMap::new()));
                self.addresses.len() - 1
            }
        };
        if let Some((_, l, parts)) = self.addresses.get_mut(at) {
            if l.is_empty() {
                *l = clean_label(label);
            }
            parts
                .entry(part_order(part))
                .or_default()
                .push(value.to_string());
        }
    }

    pub(super) fn birthday(&mut self, part: Part, value: &str) {
        let slot = match part {
            Part::Year => &mut self.year,
            Part::Month => &mut self.month,
            _ => &mut self.day,
        };
        first(slot, value);
    }

    /// Puts the addresses together (a "formatted" whole wins over parts; else street lines,
    /// "postcode city", region, country, one per line, no empty parts) and the birthday.
    pub(super) fn into(self, c: &mut Collected) {
        for (_, label, parts) in self.addresses {
            let value = match parts.get(&0) {
                Some(whole) => whole.join("\n"),
                None => {
                    let get = |k: u8| parts.get(&k).cloned().unwrap_or_default();
                    let mut lines: Vec<String> = get(1);
                    lines.extend(get(2));
                    let town = [get(3).join(" "), get(4).join(" ")]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    lines.push(town);
                    lines.extend(get(5));
                    lines.extend(get(6));
                    lines
                        .iter()
                        .flat_map(|l| l.lines())
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n")
                }
            };
            c.address(&label, &value);
        }
        if !(self.year.is_empty() && self.month.is_empty() && self.day.is_empty()) {
            let text = match self.year.trim() {
                "" | "0" => format!("--{:0>2}-{:0>2}", self.month.trim(), self.day.trim()),
                y => format!("{y}-{:0>2}-{:0>2}", self.month.trim(), self.day.trim()),
            };
            first(&mut c.birthday, &text);
        }
    }
}

/// What one row or card says, field by field, before it becomes a draft.
#[derive(Debug, Default)]
pub(super) struct Collected {
    pub(super) given: String,
    pub(super) family: String,
    pub(super) full: String,
    /// The full name is a vCard FN: taken as written (a comma is part of it, not "Family,
    /// Given").
    pub(super) full_as_written: bool,
    pub(super) emails: Vec<(String, String)>,
    pub(super) phones: Vec<(String, String)>,
    pub(super) organisation: String,
    pub(super) role: String,
    pub(super) ico: String,
    pub(super) vat_id: String,
    pub(super) addresses: Vec<(String, String)>,
    pub(super) birthday: String,
    pub(super) tags: Vec<String>,
    pub(super) preferences: Vec<String>,
    pub(super) notes: Vec<String>,
    /// Marked as a company (Apple's `X-ABShowAs:COMPANY`).
    pub(super) company: bool,
    /// Dates with slashes are month first ("4/12/1985" is 12 April).
    pub(super) month_first: bool,
    pub(super) dropped: Vec<Dropped>,
}

pub(super) fn first(slot: &mut String, value: &str) {
    if slot.is_empty() {
        *slot = value.trim().to_string();
    }
}

/// Outlook's "no date": 0/0/00, 0.0.00, 00.00.0000.
fn no_date(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c == '0' || c == '/' || c == '.' || c == '-' || c == ' ')
}

/// Excel's rounding of a long number: "4,20777E+11", "6.01234E+08".
fn spreadsheet_number(text: &str) -> bool {
    let upper = text.trim().to_ascii_uppercase();
    let Some((mantissa, exponent)) = upper.split_once("E+") else {
        return false;
    };
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

impl Collected {
    pub(super) fn add(&mut self, field: Field, value: &str, label: &str) {
        let value = value.trim();
        match field {
            Field::GivenName => first(&mut self.given, value),
            Field::FamilyName => first(&mut self.family, value),
            Field::FullName => first(&mut self.full, value),
            Field::Email => {
                for e in several(value, &[';', ',']) {
                    self.email(label, &e);
                }
            }
            Field::Phone => {
                for p in several(value, &[';']) {
                    self.phone(label, &p);
                }
            }
            Field::Organisation => first(&mut self.organisation, value),
            Field::Role => first(&mut self.role, value),
            Field::Ico => first(&mut self.ico, value),
            Field::VatId => first(&mut self.vat_id, value),
            Field::Address => {
                for a in parse_addresses(value) {
                    let l = if a.label.is_empty() { label } else { &a.label };
                    self.address(l, &a.value);
                }
            }
            Field::Birthday if no_date(value) => {}
            Field::Birthday => first(&mut self.birthday, value),
            Field::Tags => {
                for t in several(value, &[',', ';']) {
                    if !is_system_group(&t) {
                        self.tags.push(t);
                    }
                }
            }
            Field::Preferences => self.preferences.extend(value.lines().map(str::to_string)),
            Field::Notes => self.notes.push(value.to_string()),
        }
    }

    pub(super) fn address(&mut self, label: &str, value: &str) {
        let value: String = value
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if value.is_empty() || self.addresses.iter().any(|(_, v)| *v == value) {
            return;
        }
        self.addresses.push((clean_label(label), value));
    }

    pub(super) fn email(&mut self, label: &str, value: &str) {
        let value = value.trim();
        let value = match value.get(..7) {
            Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => value.get(7..).unwrap_or(""),
            _ => value,
        };
        let (label, value) = own_label(value).unwrap_or((label, value));
        let value = value.trim();
        if value.is_empty()
            || self
                .emails
                .iter()
                .any(|(_, v)| v.to_lowercase() == value.to_lowercase())
        {
            return;
        }
        self.emails.push((clean_label(label), value.to_string()));
    }

    pub(super) fn phone(&mut self, label: &str, value: &str) {
        let (label, value) = own_label(value).unwrap_or((label, value));
        let value = value.trim();
        if !value.is_empty() && !self.phones.iter().any(|(_, v)| v == value) {
            self.phones.push((clean_label(label), value.to_string()));
        }
    }

    fn drop(&mut self, field: &'static str, value: &str, why: DropReason) {
        self.dropped.push(Dropped {
            field,
            value: value.to_string(),
            why,
        });
    }

    /// The labelled values that the domain accepts, the others dropped with their reason.
    fn valid_lines(
        &mut self,
        items: Vec<(String, String)>,
        field: &'static str,
        check: impl Fn(&str) -> Result<(), DropReason>,
    ) -> String {
        let mut kept = Vec::new();
        for (label, value) in items {
            match check(&value) {
                Ok(()) if label.is_empty() => kept.push(value),
                Ok(()) => kept.push(format!("{label}: {value}")),
                Err(why) => self.drop(field, &value, why),
            }
        }
        kept.join("\n")
    }

    /// A single value the domain accepts, or "" with the value dropped.
    fn valid_one<E: Into<FieldError>>(
        &mut self,
        field: &'static str,
        value: String,
        check: impl Fn(&str) -> Result<(), E>,
    ) -> String {
        if value.is_empty() {
            return value;
        }
        match check(&value) {
            Ok(()) => value,
            Err(e) => {
                self.drop(field, &value, DropReason::Invalid(e.into()));
                String::new()
            }
        }
    }

    pub(super) fn into_row(mut self, number: usize) -> ImportRow {
        let (mut given, mut family) = (
            std::mem::take(&mut self.given),
            std::mem::take(&mut self.family),
        );
        let full = std::mem::take(&mut self.full);
        let organisation = std::mem::take(&mut self.organisation);
        let same_as_company = crate::domain::search::fold(full.trim())
            == crate::domain::search::fold(organisation.trim());
        if given.is_empty() && family.is_empty() && (!same_as_company || organisation.is_empty()) {
            (given, family) = if self.full_as_written {
                split_as_written(&full)
            } else {
                split_full_name(&full)
            };
        }
        let nameless = given.is_empty() && family.is_empty();
        let emails = std::mem::take(&mut self.emails);
        let emails = self.valid_lines(emails, fields::EMAIL, |v| {
            if v.starts_with("/o=") || v.starts_with("/O=") {
                return Err(DropReason::ExchangeAddress);
            }
            Email::parse(v)
                .map(|_| ())
                .map_err(|e| DropReason::Invalid(e.into()))
        });
        let phones = std::mem::take(&mut self.phones);
        let phones = self.valid_lines(phones, fields::PHONE, |v| {
            if spreadsheet_number(v) {
                return Err(DropReason::SpreadsheetNumber);
            }
            Phone::parse(v, crate::domain::phone::DEFAULT_CALLING_CODE)
                .map(|_| ())
                .map_err(|e| DropReason::Invalid(e.into()))
        });
        let ico = std::mem::take(&mut self.ico);
        let ico = self.valid_one(fields::ICO, ico, |v| Ico::parse(v).map(|_| ()));
        let vat_id = std::mem::take(&mut self.vat_id);
        let vat_id = self.valid_one(fields::VAT_ID, vat_id, |v| VatId::parse(v).map(|_| ()));
        let month_first = self.month_first;
        let bday = std::mem::take(&mut self.birthday);
        let bday = self.valid_one(fields::BIRTHDAY, bday, |v| {
            birthday::parse_in(v, chrono::NaiveDate::MAX, month_first).map(|_| ())
        });
        // Written as the form writes it, so the draft reads back exactly.
        let bday = birthday::parse_in(&bday, chrono::NaiveDate::MAX, month_first)
            .map(birthday::format)
            .unwrap_or_default();
        let mut addresses = Vec::new();
        for (label, value) in std::mem::take(&mut self.addresses) {
            let too_long = value.chars().count() > crate::domain::contact::MAX_ADDRESS_CHARS;
            if too_long || addresses.len() >= crate::domain::contact::MAX_ADDRESSES {
                let why = if too_long {
                    FieldError::TooLong(crate::domain::contact::MAX_ADDRESS_CHARS)
                } else {
                    FieldError::TooMany(crate::domain::contact::MAX_ADDRESSES)
                };
                self.drop(fields::ADDRESS, &value, DropReason::Invalid(why));
            } else {
                addresses.push(crate::domain::contact::Labelled { label, value });
            }
        }
        let mut draft = ContactDraft {
            given_name: given,
            family_name: family,
            emails,
            phones,
            organisation_id: None,
            role: std::mem::take(&mut self.role),
            ico,
            vat_id,
            addresses: crate::domain::contact::addresses_text(&addresses),
            birthday: bday,
            tags: self
                .tags
                .iter()
                .map(|t| t.replace(',', " "))
                .collect::<Vec<_>>()
                .join(", "),
            preferences: self.preferences.join("\n"),
            notes: self.notes.join("\n"),
            ..ContactDraft::default()
        };
        // A company card, or a row with no personal name and a company: the company (its
        // e-mails and phones kept in its notes).
        if self.company || (nameless && !organisation.is_empty()) {
            return self.organisation_row(number, organisation, draft);
        }
        let mut named_from = None;
        if nameless {
            if let Some(email) = draft.emails.lines().next() {
                draft.given_name = own_label(email)
                    .map(|(_, v)| v)
                    .unwrap_or(email)
                    .to_string();
                named_from = Some(Naming::Email);
            }
        }
        // What is still wrong is a value too long for its field: dropped too.
        if let Err(errors) = draft.validate() {
            for (field, e) in errors {
                let slot = match field {
                    fields::GIVEN_NAME if e != FieldError::Required => Some(&mut draft.given_name),
                    fields::FAMILY_NAME => Some(&mut draft.family_name),
                    fields::ROLE => Some(&mut draft.role),
                    fields::NOTES => Some(&mut draft.notes),
                    _ => None,
                };
                if let Some(slot) = slot {
                    let value = std::mem::take(slot);
                    self.drop(field, &value, DropReason::Invalid(e));
                }
            }
        }
        let problems = draft.validate().err().unwrap_or_default();
        ImportRow {
            number,
            kind: RowKind::Person,
            draft,
            organisation,
            problems,
            dropped: self.dropped,
            named_from,
        }
    }

    /// The row as an organisation: its first address and notes; phones and e-mails, which an
    /// organisation has no field for, written into its notes so nothing is lost.
    fn organisation_row(self, number: usize, name: String, draft: ContactDraft) -> ImportRow {
        let mut notes: Vec<String> = Vec::new();
        for line in draft.phones.lines().chain(draft.emails.lines()) {
            notes.push(line.to_string());
        }
        if !draft.notes.is_empty() {
            notes.push(draft.notes.clone());
        }
        let addresses = parse_addresses(&draft.addresses);
        let organisation = OrganisationDraft {
            name: name.clone(),
            ico: draft.ico.clone(),
            vat_id: draft.vat_id.clone(),
            address: addresses
                .iter()
                .map(|a| a.value.replace('\n', ", "))
                .collect::<Vec<_>>()
                .join("; "),
            tags: draft.tags.clone(),
            notes: notes.join("\n"),
            ..OrganisationDraft::default()
        };
        let problems = organisation.validate().err().unwrap_or_default();
        ImportRow {
            number,
            kind: RowKind::Organisation(organisation),
            draft: ContactDraft::default(),
            organisation: name,
            problems,
            dropped: self.dropped,
            named_from: None,
        }
    }
}

/// "Jana Dvořáková" → ("Jana", "Dvořáková"); "Dvořáková, Jana" → the same; one word is a given
/// name; "Jan van Dijk" keeps all but the last word as the given name.
pub fn split_full_name(full: &str) -> (String, String) {
    let full = full.trim();
    if let Some((family, given)) = full.split_once(',') {
        return (given.trim().to_string(), family.trim().to_string());
    }
    split_as_written(full)
}

/// A vCard's FN split only at its last space, so that given + family reads as it was written.
fn split_as_written(full: &str) -> (String, String) {
    let full = full.trim();
    match full.rsplit_once(char::is_whitespace) {
        Some((given, family)) => (given.trim().to_string(), family.trim().to_string()),
        None => (full.to_string(), String::new()),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn full_names_split_sensibly() {
        let s = |t: &str| split_full_name(t);
        assert_eq!(s("Jana Dvořáková"), ("Jana".into(), "Dvořáková".into()));
        assert_eq!(s("Dvořáková, Jana"), ("Jana".into(), "Dvořáková".into()));
        assert_eq!(s("Jan van Dijk"), ("Jan van".into(), "Dijk".into()));
        assert_eq!(s("Madonna"), ("Madonna".into(), String::new()));
        assert_eq!(
            split_as_written("Dummy, Dummy"),
            ("Dummy,".into(), "Dummy".into())
        );
    }

    #[test]
    fn system_groups_labels_and_spreadsheet_numbers() {
        for g in [
            "* myContacts",
            "* starred",
            "My Contacts",
            "System Group: My Contacts",
            "Starred in Android",
        ] {
            assert!(is_system_group(g), "{g}");
        }
        assert!(!is_system_group("Přátelé"));
        assert_eq!(clean_label("_$!<Mobile>!$_"), "mobile");
        assert_eq!(clean_label("* Work"), "work");
        assert!(spreadsheet_number("4,20777E+11"));
        assert!(!spreadsheet_number("+420 777 000 111"));
        assert!(no_date("0/0/00") && no_date("0.0.00") && !no_date("1. 5."));
    }

    #[test]
    fn a_mailto_prefix_and_a_cut_multibyte_value_do_not_panic() {
        let mut c = Collected::default();
        c.email("", "mailto:jana@firma.cz");
        c.email("", "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ");
        c.email("", "abcdeñ@x.cz");
        assert_eq!(c.emails[0].1, "jana@firma.cz");
        let row = c.into_row(1);
        assert_eq!(row.dropped.len(), 1);
        assert_eq!(row.named_from, Some(Naming::Email));
    }
}
