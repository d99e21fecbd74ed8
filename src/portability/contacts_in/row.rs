//! One row or card as a contact draft: the values collected field by field, and names split
//! into their parts.

use super::*;

/// Splits a cell holding several values (" | " as Folio writes, " ::: " as Google writes, or
/// line breaks; for e-mails also `;` and `,`).
pub(super) fn several(cell: &str, also: &[char]) -> Vec<String> {
    cell.split(":::")
        .flat_map(|p| p.split(|c: char| c == '|' || c == '\n' || also.contains(&c)))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// A label the contact form accepts ("label: value"): letters, spaces and hyphens, lower case.
pub(super) fn clean_label(label: &str) -> String {
    let kept: String = label
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ' || *c == '-')
        .collect();
    let kept = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = kept.to_lowercase();
    match lower.as_str() {
        "cell" | "mobile" | "iphone" | "mobil" => "mobile".into(),
        "business" | "work" | "pracovni" => "work".into(),
        "internet" | "voice" | "pref" | "other" | "x-internet" => String::new(),
        _ => lower,
    }
}

/// What one row or card says, field by field, before it becomes a draft.
#[derive(Debug, Default)]
pub(super) struct Collected {
    pub(super) given: String,
    pub(super) family: String,
    pub(super) full: String,
    pub(super) emails: Vec<(String, String)>,
    pub(super) phones: Vec<(String, String)>,
    pub(super) organisation: String,
    pub(super) role: String,
    pub(super) ico: String,
    pub(super) vat_id: String,
    pub(super) address: Vec<String>,
    pub(super) tags: Vec<String>,
    pub(super) notes: Vec<String>,
}

pub(super) fn first(slot: &mut String, value: &str) {
    if slot.is_empty() {
        *slot = value.trim().to_string();
    }
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
            Field::Address => self.address.push(
                value
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Field::Tags => {
                for t in several(value, &[',', ';']) {
                    // Google's own groups ("* myContacts", "* starred") are not the user's tags.
                    if !t.starts_with('*') {
                        self.tags.push(t);
                    }
                }
            }
            Field::Notes => self.notes.push(value.to_string()),
        }
    }

    pub(super) fn email(&mut self, label: &str, value: &str) {
        let value = value.trim();
        let value = if value.len() > 7 && value[..7].eq_ignore_ascii_case("mailto:") {
            &value[7..]
        } else {
            value
        };
        let value = value.trim();
        if !value.is_empty()
            && !self
                .emails
                .iter()
                .any(|(_, v)| v.to_lowercase() == value.to_lowercase())
        {
            self.emails.push((clean_label(label), value.to_string()));
        }
    }

    pub(super) fn phone(&mut self, label: &str, value: &str) {
        let value = value.trim();
        if !value.is_empty() && !self.phones.iter().any(|(_, v)| v == value) {
            self.phones.push((clean_label(label), value.to_string()));
        }
    }

    pub(super) fn into_row(self, number: usize) -> ImportRow {
        let (mut given, mut family) = (self.given, self.family);
        if given.is_empty() && family.is_empty() {
            (given, family) = split_full_name(&self.full);
        }
        let lines = |items: &[(String, String)]| {
            items
                .iter()
                .map(|(l, v)| {
                    if l.is_empty() {
                        v.clone()
                    } else {
                        format!("{l}: {v}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let draft = ContactDraft {
            given_name: given,
            family_name: family,
            emails: lines(&self.emails),
            phones: lines(&self.phones),
            organisation_id: None,
            role: self.role,
            ico: self.ico,
            vat_id: self.vat_id,
            address: self
                .address
                .iter()
                .filter(|a| !a.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            tags: self
                .tags
                .iter()
                .map(|t| t.replace(',', " "))
                .collect::<Vec<_>>()
                .join(", "),
            preferences: String::new(),
            notes: self.notes.join("\n"),
        };
        let problems = draft.validate().err().unwrap_or_default();
        ImportRow {
            number,
            draft,
            organisation: self.organisation,
            problems,
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
    }
}
