//! The pipeline: a board (a column per stage; a card moves by drag and drop, by the ← → keys or
//! by its stage menu) or a sortable, filterable list; totals per stage and currency, the open
//! pipeline's value and weighted value per currency, and the chart.

use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::deal::{ArrowMove, Outcome};
use crate::domain::Money;
use crate::i18n::{format, phrases, Lang, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::{use_locale, use_texts, use_ui};
use crate::ui::common::status::use_status;
use crate::ui::deals::deal_view::{deal_rows, DealRow};
use crate::ui::deals::pipeline_chart::PipelineChart;
use crate::ui::deals::stage_move::move_with_undo;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Board,
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Title,
    Stage,
    Organisation,
    Value,
    Close,
}

fn money_text(lang: Lang, m: Option<Money>) -> String {
    m.map(|m| format::money(lang, &m)).unwrap_or_default()
}

#[component]
pub fn DealsPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let view_mode = RwSignal::new(View::Board);
    let status = use_status();
    let failure = RwSignal::new(None::<AppError>);
    let data = move || deal_rows(session);
    let has_any = move || !data().rows.is_empty();

    // Moves a deal (said in the status message, with Undo) and keeps the keyboard focus on its
    // card in the new column.
    let move_deal = move |id: String, stage: String| {
        failure.set(None);
        let lang = untrack(|| locale.get());
        spawn_local(async move {
            match move_with_undo(session, status, lang, id.clone(), stage).await {
                Ok(()) => {
                    set_timeout(
                        move || {
                            let card = document().get_element_by_id(&format!("deal-card-{id}"));
                            if let Some(card) = card {
                                use wasm_bindgen::JsCast;
                                if let Ok(el) = card.dyn_into::<web_sys::HtmlElement>() {
                                    let _ = el.focus();
                                }
                            }
                        },
                        std::time::Duration::ZERO,
                    );
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };

    view! {
        <section class="page" aria-labelledby="deals-heading">
            <div class="page-head">
                <h1 id="deals-heading">{t(Text::DealsHeading)}</h1>
                <A href="/deals/new" attr:class="button">{t(Text::NewDeal)}</A>
            </div>
            <p class="lead">{t(Text::DealsLead)}</p>
            <ActionError failure/>
            <Show
                when=has_any
                fallback=move || {
                    if session.loading() {
                        view! { <p class="hint" role="status">{t(Text::LoadingRest)}</p> }.into_any()
                    } else {
                        view! { <p class="empty-state">{t(Text::NoDealsYet)}</p> }.into_any()
                    }
                }
            >
                <OpenTotals/>
                <div class="segmented" role="group" aria-label=move || locale.t(Text::DealsView)>
                    <button type="button" class="button secondary" aria-pressed=move || (view_mode.get() == View::Board).to_string() on:click=move |_| view_mode.set(View::Board)>
                        {t(Text::ViewBoard)}
                    </button>
                    <button type="button" class="button secondary" aria-pressed=move || (view_mode.get() == View::List).to_string() on:click=move |_| view_mode.set(View::List)>
                        {t(Text::ViewList)}
                    </button>
                </div>
                {move || match view_mode.get() {
                    View::Board => view! { <Board on_move=move_deal/> }.into_any(),
                    View::List => view! { <DealList/> }.into_any(),
                }}
                <PipelineChart/>
            </Show>
        </section>
    }
}

/// The open pipeline per currency: value and weighted value.
#[component]
fn OpenTotals() -> impl IntoView {
    let session = expect_context::<Session>();
    let data = move || deal_rows(session);
    let locale = use_locale();
    view! {
        <dl class="details totals" aria-label=move || locale.t(Text::OpenPipeline)>
            {move || {
                let lang = locale.get();
                data().open_totals()
                    .into_iter()
                    .map(|(currency, (value, weighted))| view! {
                        <div class="fact-row">
                            <dt>{format!("{} ({})", locale.t(Text::OpenPipeline), currency.code())}</dt>
                            <dd>
                                {format::money(lang, &value)}
                                " · "
                                {format!("{} {}", locale.t(Text::WeightedLabel).to_lowercase(), format::money(lang, &weighted))}
                            </dd>
                        </div>
                    })
                    .collect_view()
            }}
        </dl>
    }
}

#[component]
fn Board(on_move: impl Fn(String, String) + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = expect_context::<Session>();
    let data = move || deal_rows(session);
    let locale = use_locale();
    let dragging = RwSignal::new(None::<String>);
    // Said aloud when an arrow key would have turned a won deal into a lost one (or back).
    let refused = RwSignal::new(false);
    view! {
        <p class="hint" id="board-hint">{move || locale.t(Text::BoardHint)}</p>
        <p class="hint" role="status">
            {move || refused.get().then(|| locale.t(Text::ArrowBetweenOutcomes))}
        </p>
        <div class="board">
            {move || {
                let lang = locale.get();
                let d = data();
                let stages = d.pipeline.stages.clone();
                let pipeline = StoredValue::new(d.pipeline.clone());
                stages
                    .iter()
                    .map(|stage| {
                        let stage_id = stage.id.clone();
                        let heading_id = format!("stage-{}", stage.id);
                        let labelled_by = heading_id.clone();
                        let mut cards: Vec<DealRow> = d
                            .rows
                            .iter()
                            .filter(|r| r.stage_id == stage.id)
                            .cloned()
                            .collect();
                        cards.sort_by(|a, b| b.since.cmp(&a.since).then(a.title.cmp(&b.title)));
                        let totals: Vec<String> = d
                            .totals
                            .iter()
                            .filter(|((s, _), _)| *s == stage.id)
                            .map(|(_, total)| format::money(lang, &total.value))
                            .collect();
                        let count = cards.len();
                        let drop_stage = stage_id.clone();
                        view! {
                            <section
                                class="board-column"
                                class:won=stage.outcome == Outcome::Won
                                class:lost=stage.outcome == Outcome::Lost
                                aria-labelledby=labelled_by
                                on:dragover=move |ev| ev.prevent_default()
                                on:drop=move |ev| {
                                    ev.prevent_default();
                                    if let Some(id) = dragging.get_untracked() {
                                        dragging.set(None);
                                        on_move(id, drop_stage.clone());
                                    }
                                }
                            >
                                <h2 id=heading_id>
                                    {phrases::stage_name(lang, stage)}
                                    " "
                                    <span class="count">{count}</span>
                                </h2>
                                <p class="column-total">{totals.join(" · ")}</p>
                                {(cards.is_empty()).then(|| view! { <p class="empty-state small">{locale.t(Text::EmptyStage)}</p> })}
                                <ul class="deal-cards">
                                    {cards
                                        .into_iter()
                                        .map(|card| {
                                            let key_id = card.id.clone();
                                            let key_stage = card.stage_id.clone();
                                            let drag_id = card.id.clone();
                                            let menu_id = card.id.clone();
                                            let current = card.stage_id.clone();
                                            let stages = stages.clone();
                                            let title = card.title.clone();
                                            let menu_label = format!("{}: {}", locale.t(Text::StageLabel), card.title);
                                            view! {
                                                <li
                                                    class="deal-card"
                                                    id=format!("deal-card-{}", card.id)
                                                    tabindex="0"
                                                    draggable="true"
                                                    aria-describedby="board-hint"
                                                    on:dragstart=move |_| dragging.set(Some(drag_id.clone()))
                                                    on:keydown=move |ev| {
                                                        // Only the card itself: its link and menu keep their keys.
                                                        let on_card = ev.target().zip(ev.current_target()).is_some_and(|(a, b)| a == b);
                                                        let by: isize = match ev.key().as_str() {
                                                            "ArrowRight" => 1,
                                                            "ArrowLeft" => -1,
                                                            _ => return,
                                                        };
                                                        if !on_card {
                                                            return;
                                                        }
                                                        ev.prevent_default();
                                                        let next = pipeline.with_value(|p| match p.arrow_target(&key_stage, by) {
                                                            ArrowMove::To(s) => Ok(Some(s.id.clone())),
                                                            ArrowMove::Nowhere => Ok(None),
                                                            ArrowMove::BetweenOutcomes => Err(()),
                                                        });
                                                        refused.set(next.is_err());
                                                        if let Ok(Some(next)) = next {
                                                            on_move(key_id.clone(), next);
                                                        }
                                                    }
                                                >
                                                    <A href=format!("/deals/{}", card.id) attr:class="deal-title">{title}</A>
                                                    {(!card.organisation.is_empty()).then(|| view! { <span class="deal-org">{card.organisation.clone()}</span> })}
                                                    <span class="deal-value">{money_text(lang, card.value)}</span>
                                                    <label class="visually-hidden" for=format!("stage-of-{}", card.id)>
                                                        {menu_label}
                                                    </label>
                                                    <select
                                                        id=format!("stage-of-{}", card.id)
                                                        class="stage-menu"
                                                        on:change=move |ev| {
                                                            let to = event_target_value(&ev);
                                                            if to != current {
                                                                on_move(menu_id.clone(), to);
                                                            }
                                                        }
                                                    >
                                                        {stages
                                                            .iter()
                                                            .map(|s| view! {
                                                                <option value=s.id.clone() prop:selected=s.id == card.stage_id>
                                                                    {phrases::stage_name(lang, s)}
                                                                </option>
                                                            })
                                                            .collect_view()}
                                                    </select>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// The deals as a table, sortable by column and filtered by stage, organisation, close date
/// and value.
#[component]
fn DealList() -> impl IntoView {
    let session = expect_context::<Session>();
    let data = move || deal_rows(session);
    let (locale, t) = use_texts();
    let stage = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let close_by = RwSignal::new(String::new());
    let min_value = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Close, false));
    let rows = Memo::new(move |_| {
        let d = data();
        let stage = stage.get();
        let organisation = organisation.get();
        let close_by = chrono::NaiveDate::parse_from_str(&close_by.get(), "%Y-%m-%d").ok();
        let min: Option<i64> = min_value
            .get()
            .trim()
            .replace([' ', '\u{a0}'], "")
            .parse()
            .ok();
        let order: Vec<&str> = d.pipeline.stages.iter().map(|s| s.id.as_str()).collect();
        let mut rows: Vec<DealRow> = d
            .rows
            .iter()
            .filter(|r| stage.is_empty() || r.stage_id == stage)
            .filter(|r| {
                organisation.is_empty()
                    || r.organisation_id.as_deref() == Some(organisation.as_str())
            })
            .filter(|r| close_by.is_none_or(|by| r.expected_close.is_some_and(|c| c <= by)))
            .filter(|r| {
                min.is_none_or(|min| {
                    r.value.is_some_and(|v| {
                        let scale = 10i64.pow(u32::from(v.currency().minor_digits()));
                        v.minor() >= min.saturating_mul(scale)
                    })
                })
            })
            .cloned()
            .collect();
        let (key, descending) = sort.get();
        let position = |r: &DealRow| order.iter().position(|s| *s == r.stage_id);
        rows.sort_by(|a, b| {
            let o = match key {
                SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
                SortKey::Stage => position(a).cmp(&position(b)),
                SortKey::Organisation => a
                    .organisation
                    .to_lowercase()
                    .cmp(&b.organisation.to_lowercase()),
                // Values of one currency compare exactly; currencies group by code.
                SortKey::Value => a
                    .value
                    .map(|v| (v.currency(), v.minor()))
                    .cmp(&b.value.map(|v| (v.currency(), v.minor()))),
                SortKey::Close => a.expected_close.cmp(&b.expected_close),
            };
            if descending {
                o.reverse()
            } else {
                o
            }
        });
        rows
    });
    let header = move |key: SortKey, label: Text| {
        view! {
            <th scope="col" aria-sort=move || {
                let (k, desc) = sort.get();
                if k != key { "none" } else if desc { "descending" } else { "ascending" }
            }>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| sort.update(|(k, desc)| {
                        if *k == key {
                            *desc = !*desc;
                        } else {
                            *k = key;
                            *desc = false;
                        }
                    })
                >
                    {move || locale.t(label)}
                </button>
            </th>
        }
    };
    view! {
        <div class="filters">
            <div class="field">
                <label for="deal-filter-stage">{t(Text::StageLabel)}</label>
                <select id="deal-filter-stage" on:change=move |ev| stage.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || stage.get().is_empty()>{t(Text::AllStages)}</option>
                    {move || {
                        let lang = locale.get();
                        data().pipeline.stages.clone()
                            .into_iter()
                            .map(|s| {
                                let id = s.id.clone();
                                view! { <option value=s.id.clone() prop:selected=move || stage.get() == id>{phrases::stage_name(lang, &s)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="deal-filter-organisation">{t(Text::Organisation)}</label>
                <select id="deal-filter-organisation" on:change=move |ev| organisation.set(event_target_value(&ev))>
                    <option value="">{t(Text::AllOrganisations)}</option>
                    {move || {
                        let mut orgs: Vec<(String, String)> = {
                            data().rows
                                .iter()
                                .filter_map(|r| r.organisation_id.clone().map(|o| (o, r.organisation.clone())))
                                .collect()
                        };
                        orgs.sort_by(|a, b| a.1.cmp(&b.1));
                        orgs.dedup();
                        orgs.into_iter()
                            .map(|(id, name)| view! { <option value=id>{name}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="deal-filter-close">{t(Text::CloseBy)}</label>
                <input id="deal-filter-close" type="date" prop:value=move || close_by.get() on:input=move |ev| close_by.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="deal-filter-value">{t(Text::MinValue)}</label>
                <input id="deal-filter-value" type="text" inputmode="numeric" autocomplete="off" prop:value=move || min_value.get() on:input=move |ev| min_value.set(event_target_value(&ev))/>
            </div>
        </div>
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=move || view! { <p class="empty-state">{t(Text::NoDealsMatch)}</p> }
        >
            <table class="data-table stacks">
                <thead>
                    <tr>
                        {header(SortKey::Title, Text::DealTitle)}
                        {header(SortKey::Stage, Text::StageLabel)}
                        {header(SortKey::Organisation, Text::Organisation)}
                        {header(SortKey::Value, Text::DealValue)}
                        <th scope="col" class="unsorted">{t(Text::WeightedLabel)}</th>
                        {header(SortKey::Close, Text::ExpectedClose)}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let lang = locale.get();
                        let pipeline = data().pipeline.clone();
                        // Each cell also carries its column's name, shown only where the rows
                        // stack as cards (a phone), where an empty cell is left out; the name is
                        // hidden from assistive technology, which has the table's own headers.
                        let cell = move |text: Text, value: String, number: bool| {
                            let class = match (number, value.is_empty()) {
                                (true, true) => "number empty",
                                (true, false) => "number",
                                (false, true) => "empty",
                                (false, false) => "",
                            };
                            view! {
                                <td class=class>
                                    <span class="cell-label" aria-hidden="true">{text.get(lang)}</span>
                                    {value}
                                </td>
                            }
                        };
                        rows.get()
                            .into_iter()
                            .map(|r| view! {
                                <tr>
                                    <td class="cell-title"><A href=format!("/deals/{}", r.id)>{r.title.clone()}</A></td>
                                    {cell(Text::StageLabel, pipeline.stage(&r.stage_id).map(|s| phrases::stage_name(lang, s)).unwrap_or_default(), false)}
                                    {cell(Text::Organisation, r.organisation.clone(), false)}
                                    {cell(Text::DealValue, money_text(lang, r.value), true)}
                                    {cell(Text::WeightedLabel, money_text(lang, r.weighted), true)}
                                    {cell(Text::ExpectedClose, r.expected_close.map(|c| phrases::day(lang, c)).unwrap_or_default(), false)}
                                </tr>
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </Show>
    }
}
