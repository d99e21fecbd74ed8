//! What the deal screens share: a deal as a row (organisation name, value as money, stage), the
//! rows of the whole pipeline built once per change of the data, and money text. Reads the
//! session's state; must not write.

use crate::app::service::VaultSnapshot;
use crate::app::session::Session;
use crate::domain::deal::{Amount, Deal, Outcome, Pipeline, Total};
use crate::domain::{Currency, Money};
use crate::i18n::{format, Lang};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;
use std::rc::Rc;

/// One deal as the board, the list and the chart show it.
#[derive(Debug, Clone, PartialEq)]
pub struct DealRow {
    pub id: String,
    pub title: String,
    pub stage_id: String,
    pub outcome: Outcome,
    pub organisation_id: Option<String>,
    pub organisation: String,
    pub value: Option<Money>,
    pub weighted: Option<Money>,
    pub probability: u8,
    pub expected_close: Option<NaiveDate>,
    /// When it entered its stage.
    pub since: Option<DateTime<Utc>>,
}

/// Every deal of the vault as rows, with the pipeline and the totals per (stage, currency).
#[derive(Debug, Clone, PartialEq)]
pub struct DealRows {
    pub pipeline: Pipeline,
    pub rows: Vec<DealRow>,
    pub totals: BTreeMap<(String, Currency), Total>,
}

impl DealRows {
    pub fn build(d: &VaultSnapshot) -> Self {
        let pipeline = d.pipeline();
        let rows = d
            .deals
            .iter()
            .map(|(id, r)| row(id, &r.data, &pipeline, d))
            .collect();
        let totals =
            crate::domain::deal::totals(d.deals.values().map(|r| &r.data)).unwrap_or_default();
        Self {
            pipeline,
            rows,
            totals,
        }
    }

    /// The open stages' totals summed per currency: (value, weighted), never across currencies.
    pub fn open_totals(&self) -> BTreeMap<Currency, (Money, Money)> {
        let mut out: BTreeMap<Currency, (Money, Money)> = BTreeMap::new();
        for ((stage, currency), total) in &self.totals {
            let open = self
                .pipeline
                .stage(stage)
                .is_some_and(|s| s.outcome == Outcome::Open);
            if !open {
                continue;
            }
            let entry = out
                .entry(*currency)
                .or_insert((Money::zero(*currency), Money::zero(*currency)));
            if let (Ok(v), Ok(w)) = (
                entry.0.checked_add(total.value),
                entry.1.checked_add(total.weighted),
            ) {
                *entry = (v, w);
            }
        }
        out
    }
}

fn row(id: &str, deal: &Deal, pipeline: &Pipeline, d: &VaultSnapshot) -> DealRow {
    let organisation = deal
        .organisation_id
        .as_ref()
        .and_then(|o| d.organisations.get(o))
        .map(|o| o.data.name.clone())
        .unwrap_or_default();
    DealRow {
        id: id.to_string(),
        title: deal.title.clone(),
        stage_id: deal.stage_id().to_string(),
        outcome: pipeline
            .stage(deal.stage_id())
            .map(|s| s.outcome)
            .unwrap_or(Outcome::Open),
        organisation_id: deal.organisation_id.clone(),
        organisation,
        value: deal.value.as_ref().and_then(|v| v.money().ok()),
        weighted: deal.weighted().and_then(Result::ok),
        probability: deal.probability,
        expected_close: deal.expected_close,
        since: deal.since(),
    }
}

/// The rows of the current state, built once per change of it (tracked).
pub fn deal_rows(session: Session) -> Rc<DealRows> {
    session.data.derived(DealRows::build)
}

/// An amount as money text in the user's language ("" without one).
pub fn amount_text(lang: Lang, amount: Option<&Amount>) -> String {
    amount
        .and_then(|a| a.money().ok())
        .map(|m| format::money(lang, &m))
        .unwrap_or_default()
}
