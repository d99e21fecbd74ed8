//! The pipeline chart, drawn as SVG by the app itself: value per stage for each currency
//! (horizontal bars, one chart per currency), and deals won and lost per month over the last 12
//! months. Each chart has a text alternative. Geometry uses floats; amounts shown are exact.
//!
//! The charts are laid out for the width they are given (measured, and again when the window is
//! resized) and drawn at one SVG unit per CSS pixel, so their text keeps its size on a phone
//! instead of shrinking with a scaled-down drawing: there the stage names go above their bars,
//! and every other month is labelled.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::domain::deal::Outcome;
use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_texts;
use crate::ui::deals::deal_view::deal_rows;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// The widest a chart is drawn (the figure's 44rem), and the width assumed before measuring.
const MAX_WIDTH: f64 = 704.0;
/// Below this width the stage names go above their bars instead of beside them.
const NARROW: f64 = 480.0;
const LABEL: f64 = 150.0;
const BAR: f64 = 22.0;
const GAP: f64 = 8.0;
/// Rough advance of a character of the value text (12px) and the month labels (12px), to leave
/// room for the longest one.
const VALUE_CHAR: f64 = 7.2;
const MONTH_CHAR: f64 = 7.0;

/// Where one stage's name, bar and value go in the value-per-stage chart of `width` px.
struct StageLayout {
    row: f64,
    label_y: f64,
    bar_x: f64,
    bar_y: f64,
    bar_height: f64,
    bar_max: f64,
}

fn stage_layout(width: f64, longest_value: usize) -> StageLayout {
    let value_room = longest_value as f64 * VALUE_CHAR + 10.0;
    if width >= NARROW {
        StageLayout {
            row: BAR + GAP,
            label_y: BAR * 0.7,
            bar_x: LABEL,
            bar_y: 0.0,
            bar_height: BAR,
            bar_max: (width - LABEL - value_room).max(20.0),
        }
    } else {
        StageLayout {
            row: 18.0 + 18.0 + 12.0,
            label_y: 14.0,
            bar_x: 0.0,
            bar_y: 20.0,
            bar_height: 18.0,
            bar_max: (width - value_room).max(20.0),
        }
    }
}

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
    let (locale, t) = use_texts();
    // The width the charts are drawn at: measured once shown, and when the window is resized.
    let width = RwSignal::new(MAX_WIDTH);
    let area = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        if let Some(el) = area.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 {
                width.set(w.min(MAX_WIDTH).floor());
            }
        }
    };
    Effect::new(move || {
        area.track();
        measure();
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resized.remove());
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
                let w = width.get();
                let longest = bars.iter().map(|b| b.2.chars().count()).max().unwrap_or(0);
                let l = stage_layout(w, longest);
                let height = bars.len() as f64 * l.row;
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
                            viewBox=format!("0 0 {w} {height}")
                            width=w
                            height=height
                        >
                            {bars
                                .into_iter()
                                .enumerate()
                                .map(|(i, (name, minor, text))| {
                                    let y = i as f64 * l.row;
                                    let bar = (minor.max(0) as f64 / max) * l.bar_max;
                                    let bar_y = y + l.bar_y;
                                    view! {
                                        <g>
                                            <text x="0" y=y + l.label_y class="chart-label">{name}</text>
                                            <rect x=l.bar_x y=bar_y width=bar.max(1.0) height=l.bar_height class="chart-bar"></rect>
                                            <text x=l.bar_x + bar + 6.0 y=bar_y + l.bar_height * 0.7 class="chart-value">{text}</text>
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
        let w = width.get();
        let step = w / 12.0;
        // Two bars per month, with room between months; on a narrow chart every other month is
        // labelled (the current one included), each label centred on its month and kept inside.
        let pad = (step * 0.15).min(8.0);
        let bar = ((step - 2.0 * pad - 2.0) / 2.0).max(1.0);
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
        let label_width = months
            .iter()
            .map(|m| label(m).chars().count())
            .max()
            .unwrap_or(0) as f64
            * MONTH_CHAR;
        let every = if step >= label_width + 8.0 { 1 } else { 2 };
        let title = locale.t(Text::ChartWonLost);
        view! {
            <figure class="chart">
                <figcaption>{title}</figcaption>
                <svg role="img" aria-label=format!("{title}: {summary}") viewBox=format!("0 0 {w} {}", plot + 24.0) width=w height=plot + 24.0>
                    {months
                        .iter()
                        .enumerate()
                        .map(|(i, m)| {
                            let x = i as f64 * step + pad;
                            let centre = (i as f64 * step + step / 2.0)
                                .clamp(label_width / 2.0, (w - label_width / 2.0).max(label_width / 2.0));
                            let labelled = (11 - i) % every == 0;
                            let hw = won[i] as f64 / max * plot;
                            let hl = lost[i] as f64 / max * plot;
                            view! {
                                <g>
                                    <rect x=x y=plot - hw width=bar height=hw class="chart-bar won"><title>{format!("{} {}", locale.t(Text::StageWon), won[i])}</title></rect>
                                    <rect x=x + bar + 2.0 y=plot - hl width=bar height=hl class="chart-bar lost"><title>{format!("{} {}", locale.t(Text::StageLost), lost[i])}</title></rect>
                                    {labelled.then(|| view! {
                                        <text x=centre y=plot + 16.0 text-anchor="middle" class="chart-label small">{label(m)}</text>
                                    })}
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
            <div class="chart-area" node_ref=area>
                {by_currency}
                {won_lost}
            </div>
        </section>
    }
}
