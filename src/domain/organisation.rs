//! Organisations (firms): name, identifiers, address, website, tags and notes. A contact belongs
//! to at most one. Must not import anything outside `domain`.

use super::contact::parse_tags;
use super::field;
use super::field::Text;
use super::search::Haystack;
use super::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const NAME: &str = "name";
    pub const ICO: &str = "ico";
    pub const VAT_ID: &str = "vat_id";
    pub const ADDRESS: &str = "address";
    pub const WEBSITE: &str = "website";
    pub const TAGS: &str = "tags";
    pub const NOTES: &str = "notes";
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub ico: Option<String>,
    pub vat_id: Option<String>,
    pub address: String,
    pub website: String,
    pub tags: Vec<String>,
    pub notes: String,
}

impl Organisation {
    pub fn haystack(&self) -> Haystack {
        let mut texts: Vec<&str> = vec![&self.name, &self.notes, &self.website, &self.address];
        texts.extend(self.tags.iter().map(String::as_str));
        texts.extend(self.ico.as_deref());
        texts.extend(self.vat_id.as_deref());
        Haystack::new(texts, std::iter::empty())
    }

    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::NAME, text(&self.name)),
            (fields::ICO, self.ico.clone()),
            (fields::VAT_ID, self.vat_id.clone()),
            (fields::ADDRESS, text(&self.address)),
            (fields::WEBSITE, text(&self.website)),
            (
                fields::TAGS,
                (!self.tags.is_empty()).then(|| self.tags.join(", ")),
            ),
            (fields::NOTES, text(&self.notes)),
        ]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganisationDraft {
    pub name: String,
    pub ico: String,
    pub vat_id: String,
    pub address: String,
    pub website: String,
    pub tags: String,
    pub notes: String,
}

/// A website as typed ("firma.cz", "https://firma.cz/") → "https://firma.cz/"-style text, or an error.
pub(crate) fn website(text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    let rest = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let valid_host = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == ':');
    if !valid_host || t.chars().any(char::is_whitespace) {
        return Err(FieldError::BadWebsite);
    }
    Ok(if t.starts_with("http://") || t.starts_with("https://") {
        t.to_string()
    } else {
        format!("https://{t}")
    })
}

impl OrganisationDraft {
    pub fn from_organisation(o: &Organisation) -> Self {
        Self {
            name: o.name.clone(),
            ico: o.ico.clone().unwrap_or_default(),
            vat_id: o.vat_id.clone().unwrap_or_default(),
            address: o.address.clone(),
            website: o.website.clone(),
            tags: o.tags.join(", "),
            notes: o.notes.clone(),
        }
    }

    pub fn validate(&self) -> Result<Organisation, FieldErrors> {
        let mut errors: FieldErrors = Vec::new();
        let name = Text::required(200).read(&mut errors, fields::NAME, &self.name);
        let ico = field::optional_ico(&mut errors, fields::ICO, &self.ico);
        let vat_id = field::optional_vat_id(&mut errors, fields::VAT_ID, &self.vat_id);
        let site = field::optional(&mut errors, fields::WEBSITE, &self.website, website)
            .unwrap_or_default();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Organisation {
            name: name.to_string(),
            ico,
            vat_id,
            address: self.address.trim().to_string(),
            website: site,
            tags: parse_tags(&self.tags),
            notes: self.notes.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::IcoError;

    #[test]
    fn a_valid_organisation() {
        let o = OrganisationDraft {
            name: " Alza.cz a.s. ".into(),
            ico: "27082440".into(),
            vat_id: "CZ27082440".into(),
            website: "alza.cz".into(),
            tags: "dodavatel, e-shop".into(),
            ..OrganisationDraft::default()
        }
        .validate()
        .unwrap();
        assert_eq!(o.name, "Alza.cz a.s.");
        assert_eq!(o.website, "https://alza.cz");
        assert_eq!(o.tags, vec!["dodavatel", "e-shop"]);
        assert_eq!(
            OrganisationDraft::from_organisation(&o).validate().unwrap(),
            o
        );
    }

    #[test]
    fn errors_per_field() {
        let bad = OrganisationDraft {
            ico: "27082441".into(),
            website: "not a site".into(),
            ..OrganisationDraft::default()
        };
        assert_eq!(
            bad.validate().unwrap_err(),
            vec![
                (fields::NAME, FieldError::Required),
                (fields::ICO, FieldError::Ico(IcoError::BadCheckDigit)),
                (fields::WEBSITE, FieldError::BadWebsite),
            ]
        );
        assert_eq!(
            website("https://firma.cz/kontakt").unwrap(),
            "https://firma.cz/kontakt"
        );
        assert!(website("localhost").is_err());
    }
}
