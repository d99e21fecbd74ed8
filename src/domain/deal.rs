//! Deals and the pipeline: stages (renamable, reorderable; each open, won or lost), a deal's
//! move from stage to stage kept as history, and totals per stage and currency (never summing
//! two currencies, never through floats). Must not import anything outside `domain`.

use super::field::Text;
use super::money::{Currency, Money, MoneyError};
use super::outreach::Sale;
use super::{FieldError, FieldErrors};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What reaching a stage means for a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Open,
    Won,
    Lost,
}

/// One stage of the pipeline. Its id stays when the user renames or reorders it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub outcome: Outcome,
}

/// The stages in their order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipeline {
    pub stages: Vec<Stage>,
}

/// Why a pipeline change or a stage move is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DealError {
    #[error("there is no stage {0}")]
    NoSuchStage(String),
    #[error("the deal is already in that stage")]
    SameStage,
    #[error("a move cannot be earlier than the last one")]
    OutOfOrder,
    #[error("a pipeline needs an open stage, a won stage and a lost stage")]
    Incomplete,
    #[error("a stage name cannot be empty or used twice")]
    BadName,
}

impl Default for Pipeline {
    /// lead → qualified → proposal → negotiation → won / lost.
    fn default() -> Self {
        let stage = |id: &str, outcome| Stage {
            id: id.to_string(),
            name: id.to_string(),
            outcome,
        };
        Self {
            stages: vec![
                stage("lead", Outcome::Open),
                stage("qualified", Outcome::Open),
                stage("proposal", Outcome::Open),
                stage("negotiation", Outcome::Open),
                stage("won", Outcome::Won),
                stage("lost", Outcome::Lost),
            ],
        }
    }
}

impl Pipeline {
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Renames a stage (its deals stay in it).
    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), DealError> {
        let name = name.trim();
        if name.is_empty() || self.stages.iter().any(|s| s.id != id && s.name == name) {
            return Err(DealError::BadName);
        }
        let stage = self
            .stages
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or_else(|| DealError::NoSuchStage(id.to_string()))?;
        stage.name = name.to_string();
        Ok(())
    }

    /// Moves a stage one place earlier (`-1`) or later (`1`).
    pub fn reorder(&mut self, id: &str, by: isize) -> Result<(), DealError> {
        let at = self
            .stages
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| DealError::NoSuchStage(id.to_string()))?;
        let to = at.saturating_add_signed(by).min(self.stages.len() - 1);
        let stage = self.stages.remove(at);
        self.stages.insert(to, stage);
        Ok(())
    }

    /// A usable pipeline has an open, a won and a lost stage.
    pub fn check(&self) -> Result<(), DealError> {
        for outcome in [Outcome::Open, Outcome::Won, Outcome::Lost] {
            if !self.stages.iter().any(|s| s.outcome == outcome) {
                return Err(DealError::Incomplete);
            }
        }
        Ok(())
    }
}

impl Pipeline {
    /// The stages for the audit log: names in order, with their ids.
    pub fn fields(&self) -> super::audit::FieldValues {
        let stages = self
            .stages
            .iter()
            .map(|s| format!("{} ({})", s.name, s.id))
            .collect::<Vec<_>>()
            .join(" → ");
        vec![("stages", Some(stages))]
    }

    /// The first open stage: where a new deal starts by default.
    pub fn first_open(&self) -> Option<&Stage> {
        self.stages.iter().find(|s| s.outcome == Outcome::Open)
    }

    /// Where an arrow key on a board card moves a deal in `from`: the stage `by` places along
    /// (`-1` or `1`). Nowhere at either end; and a won deal is never turned into a lost one (or
    /// back) by a key press, only from the stage menu.
    pub fn arrow_target(&self, from: &str, by: isize) -> ArrowMove<'_> {
        let Some(at) = self.stages.iter().position(|s| s.id == from) else {
            return ArrowMove::Nowhere;
        };
        let Some(to) = at.checked_add_signed(by).and_then(|i| self.stages.get(i)) else {
            return ArrowMove::Nowhere;
        };
        let closed = |s: &Stage| s.outcome != Outcome::Open;
        if closed(&self.stages[at]) && closed(to) {
            ArrowMove::BetweenOutcomes
        } else {
            ArrowMove::To(to)
        }
    }
}

/// What an arrow key does to a deal on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowMove<'a> {
    To(&'a Stage),
    /// At the first or last column (or an unknown stage).
    Nowhere,
    /// From won to lost or back: refused, and the user is told to use the stage menu.
    BetweenOutcomes,
}

/// Field names of the deal form, for errors and the audit log.
pub mod fields {
    pub const TITLE: &str = "title";
    pub const STAGE: &str = "stage";
    pub const VALUE: &str = "value";
    pub const CURRENCY: &str = "currency";
    pub const EXPECTED_CLOSE: &str = "expected_close";
    pub const PROBABILITY: &str = "probability";
    pub const CONTACTS: &str = "contacts";
    pub const ORGANISATION: &str = "organisation";
    pub const NOTES: &str = "notes";
    pub const OUTCOME_REASON: &str = "outcome_reason";
    pub const EMAIL_COLLECTED: &str = "email_collected";
    pub const REFUSAL_OFFERED: &str = "refusal_offered";
}

/// A deal's entry into a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub stage_id: String,
    pub at: DateTime<Utc>,
    /// On entering Won or Lost: the probability the deal had while open, given back to it if
    /// it is reopened (absent in deals closed before Folio kept it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_probability: Option<u8>,
}

/// Money as stored: minor units and the currency code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub minor: i64,
    pub currency: String,
}

impl Amount {
    pub fn money(&self) -> Result<Money, MoneyError> {
        Ok(Money::from_minor(
            self.minor,
            Currency::parse(&self.currency)?,
        ))
    }
}

/// An optional amount as typed, in a currency code as typed (blank: CZK); errors recorded under
/// the two fields. Every form with money reads it this way.
pub fn optional_amount(
    errors: &mut FieldErrors,
    (amount_field, currency_field): (&'static str, &'static str),
    amount: &str,
    currency: &str,
    decimal_separator: char,
) -> Option<Amount> {
    let currency = match currency.trim() {
        "" => Currency::parse("CZK").ok(),
        code => match Currency::parse(&code.to_ascii_uppercase()) {
            Ok(c) => Some(c),
            Err(e) => {
                errors.push((currency_field, e.into()));
                None
            }
        },
    };
    let currency = currency?;
    super::field::optional(errors, amount_field, amount, |t| {
        Money::parse(t, currency, decimal_separator).map(Amount::from)
    })
}

impl From<Money> for Amount {
    fn from(m: Money) -> Self {
        Self {
            minor: m.minor(),
            currency: m.currency().code().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub title: String,
    pub value: Option<Amount>,
    pub expected_close: Option<NaiveDate>,
    /// 0–100 %.
    pub probability: u8,
    #[serde(deserialize_with = "super::exact::vec")]
    pub contact_ids: Vec<String>,
    pub organisation_id: Option<String>,
    pub notes: String,
    /// Why it was won or lost.
    pub outcome_reason: String,
    /// The sale's facts for the soft opt-in (Act 480/2004 §7(3)): whether its parties' e-mail was
    /// collected with it and when they were offered a refusal. Absent in older deals: neither.
    #[serde(default, skip_serializing_if = "Sale::is_empty")]
    pub sale: Sale,
    /// Every stage the deal entered, oldest first; the last is where it is.
    history: Vec<StageChange>,
}

impl Deal {
    /// A new deal's probability, in %.
    pub const NEW_PROBABILITY: u8 = 10;

    /// A new deal entering `stage` of `pipeline` at `at`.
    pub fn new(
        title: &str,
        pipeline: &Pipeline,
        stage: &str,
        at: DateTime<Utc>,
    ) -> Result<Self, DealError> {
        pipeline
            .stage(stage)
            .ok_or_else(|| DealError::NoSuchStage(stage.to_string()))?;
        Ok(Self {
            title: title.trim().to_string(),
            value: None,
            expected_close: None,
            probability: Self::NEW_PROBABILITY,
            contact_ids: Vec::new(),
            organisation_id: None,
            notes: String::new(),
            outcome_reason: String::new(),
            sale: Sale::default(),
            history: vec![StageChange {
                stage_id: stage.to_string(),
                at,
                open_probability: None,
            }],
        })
    }

    pub fn stage_id(&self) -> &str {
        self.history
            .last()
            .map(|c| c.stage_id.as_str())
            .unwrap_or_default()
    }

    pub fn history(&self) -> &[StageChange] {
        &self.history
    }

    /// Moves the deal to another stage, kept in its history. Won sets the probability to 100,
    /// lost to 0; reopening (from Won or Lost to an open stage) gives back the probability it
    /// had before it was closed (a new deal's when that was never recorded).
    pub fn move_to(
        &mut self,
        pipeline: &Pipeline,
        stage: &str,
        at: DateTime<Utc>,
    ) -> Result<(), DealError> {
        let target = pipeline
            .stage(stage)
            .ok_or_else(|| DealError::NoSuchStage(stage.to_string()))?;
        if self.stage_id() == stage {
            return Err(DealError::SameStage);
        }
        if self.history.last().is_some_and(|c| at < c.at) {
            return Err(DealError::OutOfOrder);
        }
        let was_open = pipeline
            .stage(self.stage_id())
            .is_none_or(|s| s.outcome == Outcome::Open);
        let open_probability = match (was_open, target.outcome) {
            // Closing: remember what it was while open (Won → Lost keeps the earlier one).
            (true, Outcome::Won | Outcome::Lost) => Some(self.probability),
            (false, Outcome::Won | Outcome::Lost) => {
                self.history.last().and_then(|c| c.open_probability)
            }
            (_, Outcome::Open) => None,
        };
        match target.outcome {
            Outcome::Won => self.probability = 100,
            Outcome::Lost => self.probability = 0,
            Outcome::Open if !was_open => {
                self.probability = self
                    .history
                    .last()
                    .and_then(|c| c.open_probability)
                    .map_or(Self::NEW_PROBABILITY, |p| p.min(100))
            }
            Outcome::Open => {}
        }
        self.history.push(StageChange {
            stage_id: stage.to_string(),
            at,
            open_probability,
        });
        Ok(())
    }

    /// The value weighted by the probability, rounded half away from zero in minor units.
    pub fn weighted(&self) -> Option<Result<Money, MoneyError>> {
        self.value
            .as_ref()
            .map(|v| v.money().map(|m| m.percent(self.probability.min(100))))
    }
}

impl Deal {
    /// What the audit log records of a deal (its stage moves are its own history too).
    pub fn fields(&self) -> super::audit::FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::TITLE, text(&self.title)),
            (fields::STAGE, Some(self.stage_id().to_string())),
            (
                fields::VALUE,
                self.value.as_ref().map(|v| match v.money() {
                    Ok(m) => m.to_string(),
                    Err(_) => format!("{} {}", v.minor, v.currency),
                }),
            ),
            (
                fields::EXPECTED_CLOSE,
                self.expected_close.map(|d| d.to_string()),
            ),
            (fields::PROBABILITY, Some(self.probability.to_string())),
            (fields::CONTACTS, text(&self.contact_ids.join(", "))),
            (fields::ORGANISATION, self.organisation_id.clone()),
            (fields::NOTES, text(&self.notes)),
            (fields::OUTCOME_REASON, text(&self.outcome_reason)),
            (
                fields::EMAIL_COLLECTED,
                self.sale.email_collected.then(|| "true".to_string()),
            ),
            (
                fields::REFUSAL_OFFERED,
                self.sale.refusal_offered.map(|d| d.to_string()),
            ),
        ]
    }

    /// When the deal entered the stage it is in.
    pub fn since(&self) -> Option<DateTime<Utc>> {
        self.history.last().map(|c| c.at)
    }

    /// The contacts and organisation with `from` replaced by `to` (a merge).
    pub fn relinked(&self, from: &str, to: &str) -> Self {
        let mut deal = self.clone();
        for c in &mut deal.contact_ids {
            if c == from {
                *c = to.to_string();
            }
        }
        let mut seen = std::collections::HashSet::new();
        deal.contact_ids.retain(|c| seen.insert(c.clone()));
        deal
    }
}

/// Longest title, notes and reason a deal keeps.
const MAX_TITLE: usize = 300;
const MAX_NOTES: usize = 20_000;

/// What the user typed into the deal form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DealDraft {
    pub title: String,
    pub stage: String,
    /// The amount as typed, in the user's locale.
    pub value: String,
    pub currency: String,
    /// `YYYY-MM-DD` (a date input) or blank.
    pub expected_close: String,
    /// Whole percent 0–100 as typed; blank keeps the stage's default (10 %, or 100/0 when won
    /// or lost).
    pub probability: String,
    pub contact_ids: Vec<String>,
    pub organisation_id: Option<String>,
    pub notes: String,
    pub outcome_reason: String,
    /// "E-mail collected with this sale".
    pub email_collected: bool,
    /// "Refusal offered on": `YYYY-MM-DD` or blank.
    pub refusal_offered: String,
}

impl DealDraft {
    /// The form filled with a stored deal (amount in the user's locale).
    pub fn from_deal(deal: &Deal, decimal_separator: char) -> Self {
        let (value, currency) = match deal.value.as_ref().and_then(|v| v.money().ok()) {
            Some(m) => (
                m.to_plain_string()
                    .replace('.', &decimal_separator.to_string()),
                m.currency().code().to_string(),
            ),
            None => (String::new(), String::new()),
        };
        Self {
            title: deal.title.clone(),
            stage: deal.stage_id().to_string(),
            value,
            currency,
            expected_close: deal
                .expected_close
                .map(|d| d.to_string())
                .unwrap_or_default(),
            probability: deal.probability.to_string(),
            contact_ids: deal.contact_ids.clone(),
            organisation_id: deal.organisation_id.clone(),
            notes: deal.notes.clone(),
            outcome_reason: deal.outcome_reason.clone(),
            email_collected: deal.sale.email_collected,
            refusal_offered: deal
                .sale
                .refusal_offered
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    /// Validates into a deal: a new one entering its stage at `now`, or `previous` edited (a
    /// changed stage is a move, kept in the history).
    pub fn validate(
        &self,
        pipeline: &Pipeline,
        previous: Option<&Deal>,
        decimal_separator: char,
        now: DateTime<Utc>,
    ) -> Result<Deal, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = Text::required(MAX_TITLE).read(&mut errors, fields::TITLE, &self.title);
        if pipeline.stage(&self.stage).is_none() {
            errors.push((fields::STAGE, FieldError::Required));
        }
        let value = optional_amount(
            &mut errors,
            (fields::VALUE, fields::CURRENCY),
            &self.value,
            &self.currency,
            decimal_separator,
        )
        .filter(|v| {
            let negative = v.minor < 0;
            if negative {
                errors.push((fields::VALUE, FieldError::Negative));
            }
            !negative
        });
        let expected_close =
            super::field::optional_date(&mut errors, fields::EXPECTED_CLOSE, &self.expected_close);
        let probability =
            super::field::optional(&mut errors, fields::PROBABILITY, &self.probability, |t| {
                t.trim_end_matches('%')
                    .trim()
                    .parse::<u8>()
                    .ok()
                    .filter(|p| *p <= 100)
                    .ok_or(FieldError::Percent)
            });
        let refusal_offered = super::field::optional_date(
            &mut errors,
            fields::REFUSAL_OFFERED,
            &self.refusal_offered,
        );
        let notes = Text::capped(MAX_NOTES).read(&mut errors, fields::NOTES, &self.notes);
        let reason =
            Text::capped(MAX_TITLE).read(&mut errors, fields::OUTCOME_REASON, &self.outcome_reason);
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut deal = match previous {
            Some(p) => p.clone(),
            None => Deal::new(title, pipeline, &self.stage, now)
                .map_err(|_| vec![(fields::STAGE, FieldError::Required)])?,
        };
        if let Some(p) = probability {
            deal.probability = p;
        }
        if deal.stage_id() != self.stage {
            deal.move_to(pipeline, &self.stage, now)
                .map_err(|_| vec![(fields::STAGE, FieldError::Required)])?;
        }
        let mut seen = std::collections::HashSet::new();
        deal.title = title.to_string();
        deal.value = value;
        deal.expected_close = expected_close;
        deal.contact_ids = self
            .contact_ids
            .iter()
            .filter(|c| !c.is_empty() && seen.insert(c.to_string()))
            .cloned()
            .collect();
        deal.organisation_id = self.organisation_id.clone().filter(|o| !o.is_empty());
        deal.notes = notes.to_string();
        deal.outcome_reason = reason.to_string();
        deal.sale = Sale {
            email_collected: self.email_collected,
            refusal_offered,
        };
        Ok(deal)
    }
}

/// The sum and the weighted sum of a stage's deals in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    pub count: usize,
    pub value: Money,
    pub weighted: Money,
}

/// Totals per stage and per currency: `(stage id, currency) → total`. Deals without a value are
/// counted under no currency (not at all in money).
pub fn totals<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
) -> Result<BTreeMap<(String, Currency), Total>, MoneyError> {
    let mut out: BTreeMap<(String, Currency), Total> = BTreeMap::new();
    for deal in deals {
        let (Some(value), Some(weighted)) = (&deal.value, deal.weighted()) else {
            continue;
        };
        let value = value.money()?;
        let weighted = weighted?;
        let entry = out
            .entry((deal.stage_id().to_string(), value.currency()))
            .or_insert(Total {
                count: 0,
                value: Money::zero(value.currency()),
                weighted: Money::zero(value.currency()),
            });
        entry.count += 1;
        entry.value = entry.value.checked_add(value)?;
        entry.weighted = entry.weighted.checked_add(weighted)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(n: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_790_000_000 + n, 0).unwrap()
    }

    fn deal(title: &str, minor: i64, currency: &str, probability: u8) -> Deal {
        let mut d = Deal::new(title, &Pipeline::default(), "lead", t(0)).unwrap();
        d.value = Some(Amount {
            minor,
            currency: currency.into(),
        });
        d.probability = probability;
        d
    }

    #[test]
    fn moves_are_kept_in_order_and_outcomes_set_the_probability() {
        let p = Pipeline::default();
        let mut d = deal("Audit", 1_250_000, "CZK", 40);
        d.move_to(&p, "proposal", t(10)).unwrap();
        assert_eq!(d.move_to(&p, "proposal", t(11)), Err(DealError::SameStage));
        assert_eq!(
            d.move_to(&p, "negotiation", t(5)),
            Err(DealError::OutOfOrder)
        );
        assert_eq!(
            d.move_to(&p, "nowhere", t(12)),
            Err(DealError::NoSuchStage("nowhere".into()))
        );
        d.move_to(&p, "won", t(20)).unwrap();
        assert_eq!(d.probability, 100);
        let stages: Vec<_> = d.history().iter().map(|c| c.stage_id.as_str()).collect();
        assert_eq!(stages, ["lead", "proposal", "won"]);
        assert_eq!(d.stage_id(), "won");
        d.move_to(&p, "lost", t(30)).unwrap();
        assert_eq!(d.probability, 0);
    }

    #[test]
    fn arrow_keys_move_to_the_neighbouring_stage_but_never_from_won_to_lost() {
        let p = Pipeline::default();
        let ids: Vec<&str> = p.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.last(), Some(&"lost"));
        let target = |p: &Pipeline, from: &str, by| match p.arrow_target(from, by) {
            ArrowMove::To(s) => s.id.clone(),
            other => format!("{other:?}"),
        };
        assert_eq!(target(&p, "lead", -1), "Nowhere");
        assert_eq!(target(&p, "lead", 1), ids[1]);
        assert_eq!(target(&p, "negotiation", 1), "won");
        assert_eq!(target(&p, "won", -1), "negotiation");
        assert_eq!(target(&p, "won", 1), "BetweenOutcomes");
        assert_eq!(target(&p, "lost", -1), "BetweenOutcomes");
        assert_eq!(target(&p, "lost", 1), "Nowhere");
        assert_eq!(target(&p, "nowhere", 1), "Nowhere");
        // Wherever the closed stages were put.
        let mut q = p.clone();
        q.reorder("lost", -10).unwrap();
        assert_eq!(target(&q, "lost", 1), ids[0]);
    }

    #[test]
    fn a_deal_reopened_gets_back_the_probability_it_had_while_open() {
        let p = Pipeline::default();
        let mut d = deal("Audit", 1_250_000, "CZK", 40);
        d.move_to(&p, "won", t(10)).unwrap();
        assert_eq!(d.probability, 100);
        d.move_to(&p, "negotiation", t(11)).unwrap();
        assert_eq!(d.probability, 40);
        // Won, then Lost, then reopened: still the probability from before it was closed.
        d.probability = 60;
        d.move_to(&p, "won", t(12)).unwrap();
        d.move_to(&p, "lost", t(13)).unwrap();
        d.move_to(&p, "proposal", t(14)).unwrap();
        assert_eq!(d.probability, 60);
        // A move between open stages leaves it as it is.
        d.move_to(&p, "negotiation", t(15)).unwrap();
        assert_eq!(d.probability, 60);
        // A deal closed before Folio kept the figure reopens at a new deal's.
        let mut old: Deal = serde_json::from_value(serde_json::json!({
            "title": "Old", "value": null, "expected_close": null, "probability": 100,
            "contact_ids": [], "organisation_id": null, "notes": "", "outcome_reason": "",
            "history": [{"stage_id": "lead", "at": "2026-01-01T00:00:00Z"},
                        {"stage_id": "won", "at": "2026-01-02T00:00:00Z"}]
        }))
        .unwrap();
        old.move_to(&p, "lead", t(20)).unwrap();
        assert_eq!(old.probability, Deal::NEW_PROBABILITY);
        // What is exported for an open move is as before (no new field).
        let text = serde_json::to_string(&d.history()[d.history().len() - 1]).unwrap();
        assert!(!text.contains("open_probability"), "{text}");
    }

    #[test]
    fn totals_are_per_stage_and_currency_and_exact() {
        let deals = [
            deal("A", 1_000_001, "CZK", 33), // 330 000.33 → 330000 haléřů rounded half away
            deal("B", 2_000_000, "CZK", 50),
            deal("C", 10_000, "EUR", 25),
            {
                let mut d = deal("D", 0, "CZK", 0);
                d.value = None;
                d
            },
        ];
        let totals = totals(&deals).unwrap();
        assert_eq!(
            totals.len(),
            2,
            "CZK and EUR apart, the deal without value left out"
        );
        let czk = totals[&("lead".to_string(), Currency::CZK)];
        assert_eq!(czk.count, 2);
        assert_eq!(czk.value.minor(), 3_000_001);
        // 1,000,001 × 33 % = 330,000.33 → 330,000; 2,000,000 × 50 % = 1,000,000.
        assert_eq!(czk.weighted.minor(), 1_330_000);
        let eur = totals[&("lead".to_string(), Currency::EUR)];
        assert_eq!((eur.value.minor(), eur.weighted.minor()), (10_000, 2_500));
    }

    #[test]
    fn weighting_rounds_half_away_from_zero() {
        assert_eq!(
            deal("x", 150, "CZK", 1)
                .weighted()
                .unwrap()
                .unwrap()
                .minor(),
            2
        );
        assert_eq!(
            deal("x", 149, "CZK", 1)
                .weighted()
                .unwrap()
                .unwrap()
                .minor(),
            1
        );
        assert_eq!(
            deal("x", -150, "CZK", 1)
                .weighted()
                .unwrap()
                .unwrap()
                .minor(),
            -2
        );
    }

    #[test]
    fn stages_rename_and_reorder_and_keep_their_ids() {
        let mut p = Pipeline::default();
        p.rename("lead", "Poptávka").unwrap();
        assert_eq!(p.rename("qualified", "Poptávka"), Err(DealError::BadName));
        assert_eq!(p.rename("qualified", "  "), Err(DealError::BadName));
        p.reorder("proposal", -1).unwrap();
        let ids: Vec<_> = p.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "lead",
                "proposal",
                "qualified",
                "negotiation",
                "won",
                "lost"
            ]
        );
        p.reorder("lead", -1).unwrap();
        assert_eq!(p.stages[0].id, "lead");
        assert_eq!(p.stage("lead").unwrap().name, "Poptávka");
        assert_eq!(p.check(), Ok(()));
        p.stages.retain(|s| s.outcome != Outcome::Lost);
        assert_eq!(p.check(), Err(DealError::Incomplete));
    }

    #[test]
    fn a_drafted_deal_parses_money_exactly_and_an_edit_of_its_stage_is_a_move() {
        let pipeline = Pipeline::default();
        let draft = DealDraft {
            title: " Audit 2027 ".into(),
            stage: "lead".into(),
            value: "125 000,50".into(),
            currency: "eur".into(),
            expected_close: "2027-01-31".into(),
            probability: "40".into(),
            contact_ids: vec!["c1".into(), "c1".into(), "c2".into()],
            organisation_id: Some(String::new()),
            ..DealDraft::default()
        };
        let deal = draft.validate(&pipeline, None, ',', t(0)).unwrap();
        assert_eq!(deal.title, "Audit 2027");
        assert_eq!(
            deal.value,
            Some(Amount {
                minor: 12_500_050,
                currency: "EUR".into()
            })
        );
        assert_eq!(deal.contact_ids, vec!["c1", "c2"], "no contact twice");
        assert_eq!(deal.organisation_id, None);
        assert_eq!(deal.probability, 40);
        let mut edit = DealDraft::from_deal(&deal, ',');
        assert_eq!(edit.value, "125000,50");
        edit.stage = "won".into();
        let won = edit.validate(&pipeline, Some(&deal), ',', t(60)).unwrap();
        assert_eq!(won.history().len(), 2);
        assert_eq!(won.since(), Some(t(60)));
        assert_eq!(won.probability, 100);
        // Saving again without a stage change adds no history.
        let same = DealDraft::from_deal(&won, ',')
            .validate(&pipeline, Some(&won), ',', t(90))
            .unwrap();
        assert_eq!(same.history().len(), 2);
    }

    #[test]
    fn a_deal_draft_reports_every_bad_field() {
        let draft = DealDraft {
            title: "".into(),
            stage: "nowhere".into(),
            value: "-5".into(),
            currency: "CZK".into(),
            expected_close: "31. 1. 2027".into(),
            probability: "120".into(),
            ..DealDraft::default()
        };
        let errors = draft
            .validate(&Pipeline::default(), None, ',', t(0))
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                fields::TITLE,
                fields::STAGE,
                fields::VALUE,
                fields::EXPECTED_CLOSE,
                fields::PROBABILITY
            ]
        );
    }
}
