//! The pipeline chart, drawn as SVG by the app itself: value per stage for each currency
//! (horizontal bars, one chart per currency), and deals won and lost per month over the last 12
//! months. Each chart has a text alternative. Geometry uses floats; amounts shown are exact.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::domain::deal::Outcome;
use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_locale;
use crate::ui::deals::deal_view::deal_rows;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 150.0;
const BAR: f64 = 22.0;
const GAP: f64 = 8.0;

/// The first day of the month `back` months before `month`.
fn months_back(month: NaiveDate, back: u32) -> NaiveDate {
    month
        .checked_sub_months(chrono::Months::new(back))
        .unwrap_or(month)
}

#[component]
pub fn PipelineChart() -> impl IntoView {
    let session = expect_context::<Session>();
    let data = move || deal_rows(session);
    let locale = use_locale();
    let t = move |text: Text| move || locale.t(text);
    let by_currency = move || {
        let lang = locale.get();
        let d = data();
        let currencies: std::collections::BTreeSet<_> = d.totals.keys().map(|(_, c)| *c).collect();
        if currencies.is_empty() {
            return view! { <p class="empty-state">{locale.t(Text::ChartNoValues)}</p> }.into_any();
        }
        currencies
            .into_iter()
            .map(|currency| {
                let bars: Vec<(String, i64, String)> = d
                    .pipeline
                    .stages
                    .iter()
                    .map(|s| {
                        let total = d.totals.get(&(s.id.clone(), currency));
                        let minor = total.map(|t| t.value.minor()).unwrap_or(0);
                        let text = total.map(|t| format::money(lang, &t.value)).unwrap_or_else(|| format::money(lang, &crate::domain::Money::zero(currency)));
                        (phrases::stage_name(lang, s), minor, text)
                    })
                    .collect();
                let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
                let height = bars.len() as f64 * (BAR + GAP);
                let summary = bars
                    .iter()
                    .map(|(name, _, text)| format!("{name}: {text}"))
                    .collect::<Vec<_>>()
                    .join("; ");
                let title = format!("{} ({})", locale.t(Text::ChartValueByStage), currency.code());
                view! {
                    <figure class="chart">
                        <figcaption>{title.clone()}</figcaption>
                        <svg
                            role="img"
                            aria-label=format!("{title}: {summary}")
                            viewBox=format!("0 0 {WIDTH} {height}")
                            width="100%"
                            preserveAspectRatio="xMinYMin meet"
                        >
                            {bars
                                .into_iter()
                                .enumerate()
                                .map(|(i, (name, minor, text))| {
                                    let y = i as f64 * (BAR + GAP);
                                    let w = (minor.max(0) as f64 / max) * (WIDTH - LABEL - 140.0);
                                    view! {
                                        <g>
                                            <text x="0" y=y + BAR * 0.7 class="chart-label">{name}</text>
                                            <rect x=LABEL y=y width=w.max(1.0) height=BAR class="chart-bar"></rect>
                                            <text x=LABEL + w + 6.0 y=y + BAR * 0.7 class="chart-value">{text}</text>
                                        </g>
                                    }
                                })
                                .collect_view()}
                        </svg>
                    </figure>
                }
            })
            .collect_view()
            .into_any()
    };
    let won_lost = move || {
        let lang = locale.get();
        let d = data();
        let today = local_day(chrono::Utc::now());
        let this_month = today.with_day(1).unwrap_or(today);
        let months: Vec<NaiveDate> = (0..12).rev().map(|b| months_back(this_month, b)).collect();
        let mut won = [0usize; 12];
        let mut lost = [0usize; 12];
        for r in &d.rows {
            let Some(since) = r.since else { continue };
            let day = local_day(since);
            let month = day.with_day(1).unwrap_or(day);
            if let Some(i) = months.iter().position(|m| *m == month) {
                match r.outcome {
                    Outcome::Won => won[i] += 1,
                    Outcome::Lost => lost[i] += 1,
                    Outcome::Open => {}
                }
            }
        }
        let max = won
            .iter()
            .chain(lost.iter())
            .copied()
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        let plot = 160.0;
        let step = WIDTH / 12.0;
        let label = |m: &NaiveDate| match lang {
            crate::i18n::Lang::En => m.format("%b %y").to_string(),
            crate::i18n::Lang::Cs => format!("{}/{}", m.month(), m.year() % 100),
        };
        let summary = months
            .iter()
            .enumerate()
            .map(|(i, m)| {
                format!(
                    "{}: {} {}, {} {}",
                    label(m),
                    locale.t(Text::StageWon),
                    won[i],
                    locale.t(Text::StageLost),
                    lost[i]
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let title = locale.t(Text::ChartWonLost);
        view! {
            <figure class="chart">
                <figcaption>{title}</figcaption>
                <svg role="img" aria-label=format!("{title}: {summary}") viewBox=format!("0 0 {WIDTH} {}", plot + 24.0) width="100%">
                    {months
                        .iter()
                        .enumerate()
                        .map(|(i, m)| {
                            let x = i as f64 * step + 6.0;
                            let bar = (step - 16.0) / 2.0;
                            let hw = won[i] as f64 / max * plot;
                            let hl = lost[i] as f64 / max * plot;
                            view! {
                                <g>
                                    <rect x=x y=plot - hw width=bar height=hw class="chart-bar won"><title>{format!("{} {}", locale.t(Text::StageWon), won[i])}</title></rect>
                                    <rect x=x + bar + 2.0 y=plot - hl width=bar height=hl class="chart-bar lost"><title>{format!("{} {}", locale.t(Text::StageLost), lost[i])}</title></rect>
                                    <text x=x y=plot + 16.0 class="chart-label small">{label(m)}</text>
                                </g>
                            }
                        })
                        .collect_view()}
                </svg>
                <p class="chart-legend">
                    <span class="swatch won"></span>{locale.t(Text::StageWon)}
                    " "
                    <span class="swatch lost"></span>{locale.t(Text::StageLost)}
                </p>
            </figure>
        }
    };
    view! {
        <section class="panel" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{t(Text::ChartHeading)}</h2>
            {by_currency}
            {won_lost}
        </section>
    }
}
