//! Whom a purpose reaches: its audience (everyone, a tag, customers, the parties to deals in
//! chosen stages) and, for direct marketing by e-mail without consent, the soft opt-in of Czech
//! Act No. 480/2004 Coll. §7(3). Owns the person's outreach facts and the reasons they fall
//! outside. Must not import anything outside `domain`.

use super::deal::Outcome;
use super::purpose::{LawfulBasis, Purpose};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who a purpose is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Audience {
    Everyone,
    /// Contacts with this tag.
    Tagged {
        tag: String,
    },
    /// Customers: party to a won deal, or on an invoice.
    Customers,
    /// The parties to a deal now in one of these stages (ids).
    DealStages {
        stages: Vec<String>,
    },
}

impl Audience {
    /// The audience of a purpose stored without one (before audiences existed). Under consent,
    /// everyone: the consent decides. Under any other basis, customers: the narrowest audience
    /// Folio can name, so that an old vault never lists a person it has no relationship with
    /// (a contract's parties are its customers; a legal obligation such as invoicing concerns
    /// them; a legitimate interest in marketing reaches no one else by e-mail, Act 480/2004 §7).
    pub fn default_for(basis: LawfulBasis) -> Self {
        match basis {
            LawfulBasis::Consent => Audience::Everyone,
            _ => Audience::Customers,
        }
    }

    /// The stable code of its kind (forms).
    pub fn code(&self) -> &'static str {
        match self {
            Audience::Everyone => "everyone",
            Audience::Tagged { .. } => "tagged",
            Audience::Customers => "customers",
            Audience::DealStages { .. } => "deal_stages",
        }
    }
}

/// What a deal records about the sale, for the soft opt-in: whether the customer's e-mail was
/// collected with it, and when they were offered a free and simple refusal of marketing e-mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sale {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub email_collected: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal_offered: Option<NaiveDate>,
}

impl Sale {
    pub fn is_empty(&self) -> bool {
        *self == Sale::default()
    }
}

/// One deal a person is party to: its stage, what that stage means, and its sale facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealPart {
    pub stage_id: String,
    pub outcome: Outcome,
    pub sale: Sale,
}

/// What Folio knows of a person when it asks whom a purpose reaches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub tags: Vec<String>,
    pub deals: Vec<DealPart>,
    /// The invoices they are on: each with the sale facts of its deal, if it has one.
    pub invoices: Vec<Option<Sale>>,
}

impl Person {
    /// A customer: party to a won deal, or on an invoice.
    pub fn is_customer(&self) -> bool {
        self.deals.iter().any(|d| d.outcome == Outcome::Won) || !self.invoices.is_empty()
    }

    /// The facts of every sale to them: their won deals and their invoices' deals.
    fn sales(&self) -> impl Iterator<Item = &Sale> {
        self.deals
            .iter()
            .filter(|d| d.outcome == Outcome::Won)
            .map(|d| &d.sale)
            .chain(self.invoices.iter().flatten())
    }
}

/// Why a person is outside what a purpose reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// Not tagged with the audience's tag.
    NotTagged(String),
    /// The audience is customers; no won deal, no invoice.
    NotCustomer,
    /// No deal of theirs is in the audience's stages.
    NotInStages,
    /// Direct marketing by e-mail without consent, to someone Folio sold nothing to (§7).
    NoSale,
    /// The purpose is not marked for one's own similar products or services (§7(3)).
    NotOwnSimilar,
    /// No sale records their e-mail as collected with it.
    EmailNotFromSale,
    /// No sale with their e-mail records the refusal offered at collection, with its date.
    NoRefusalOffered,
}

/// Whether `person` is in the purpose's audience, and, for direct marketing on any basis but
/// consent, meets the soft opt-in (Act No. 480/2004 Coll. §7(3)): a customer, whose e-mail was
/// collected with a sale, for one's own similar products or services, offered a refusal at
/// collection (recorded with its date). Folio's lists are e-mail lists, so every such purpose
/// is treated as e-mail marketing. The consent, objections and restrictions are checked apart
/// (`consent::eligibility`).
pub fn reach(purpose: &Purpose, person: &Person) -> Result<(), Outside> {
    // The law first: to a person Folio sold nothing to, "no sale" says what is missing better
    // than "not in the audience".
    if purpose.direct_marketing && purpose.basis != LawfulBasis::Consent {
        soft_opt_in(purpose, person)?;
    }
    match &purpose.audience() {
        Audience::Everyone => {}
        Audience::Tagged { tag } => {
            let wanted = super::search::fold(tag.trim());
            if !person
                .tags
                .iter()
                .any(|t| super::search::fold(t.trim()) == wanted)
            {
                return Err(Outside::NotTagged(tag.clone()));
            }
        }
        Audience::Customers => {
            if !person.is_customer() {
                return Err(Outside::NotCustomer);
            }
        }
        Audience::DealStages { stages } => {
            if !person.deals.iter().any(|d| stages.contains(&d.stage_id)) {
                return Err(Outside::NotInStages);
            }
        }
    }
    Ok(())
}

/// The soft opt-in's conditions, the first one missing named.
fn soft_opt_in(purpose: &Purpose, person: &Person) -> Result<(), Outside> {
    if !person.is_customer() {
        return Err(Outside::NoSale);
    }
    if !purpose.own_similar {
        return Err(Outside::NotOwnSimilar);
    }
    let mut collected = person.sales().filter(|s| s.email_collected).peekable();
    if collected.peek().is_none() {
        return Err(Outside::EmailNotFromSale);
    }
    if !collected.any(|s| s.refusal_offered.is_some()) {
        return Err(Outside::NoRefusalOffered);
    }
    Ok(())
}

#[cfg(test)]
#[path = "outreach_tests.rs"]
mod tests;
