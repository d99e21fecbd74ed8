//! The global audit log: whether the hash chain verifies, a filter (person or record, kind of
//! event, days) and the matching events a page at a time, newest first. The filter and the
//! pages are `app::history::audit_page`; this page only holds what was chosen.

use crate::app::clock::local_day;
use crate::app::history::{audit_page, audit_records, AuditQuery, Names, PER_PAGE};
use crate::domain::audit::Action;
use crate::i18n::errors::chain_error;
use crate::i18n::phrases::history as words;
use crate::i18n::phrases::sync as sync_words;
use crate::i18n::Text;
use crate::ui::common::history_list::HistoryList;
use crate::ui::common::locale::use_ui;
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let record = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let page_no = RwSignal::new(0usize);
    let day = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
    let query = move || AuditQuery {
        record: Some(record.get()).filter(|r| !r.is_empty()),
        action: action
            .get()
            .parse::<usize>()
            .ok()
            .and_then(|i| Action::ALL.get(i).copied()),
        from: day(from.get()),
        to: day(to.get()),
        page: page_no.get(),
    };
    // Every device's events merged by time (this device's alone without sync).
    let page = Memo::new(move |_| {
        let q = query();
        session.data.with(|d| {
            if d.peer_audit.is_empty() {
                audit_page(&d.audit, &q, PER_PAGE, local_day)
            } else {
                audit_page(&d.merged_audit(), &q, PER_PAGE, local_day)
            }
        })
    });
    let peers = Memo::new(move |_| session.data.with(|d| d.peer_chains()));
    // The list shows its events newest first from a list held oldest first.
    let events = Signal::derive(move || {
        let mut list = page.get().events;
        list.reverse();
        list
    });
    let records = move || {
        let lang = locale.get();
        session.data.with(|d| {
            let names = Names::new(d);
            audit_records(&d.merged_audit(), &names)
                .into_iter()
                .map(|(id, r)| {
                    let label = format!(
                        "{} ({})",
                        words::record(lang, &r),
                        words::kind(lang, &r.kind)
                    );
                    (id, label)
                })
                .collect::<Vec<_>>()
        })
    };
    let chosen = move |signal: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            signal.set(event_target_value(&ev));
            page_no.set(0);
        }
    };
    let clear = move |_| {
        for s in [record, action, from, to] {
            s.set(String::new());
        }
        page_no.set(0);
    };
    view! {
        <section class="page" aria-labelledby="audit-heading">
            <h1 id="audit-heading">{t(Text::AuditHeading)}</h1>
            <p class="lead">{t(Text::AuditLead)}</p>
            {move || match session.data.with(|d| (d.complete, d.chain.clone())) {
                (false, _) => view! { <p class="callout" role="status" data-testid="chain">{locale.t(Text::ChainChecking)}</p> }.into_any(),
                (true, None) => view! { <p class="callout" role="status" data-testid="chain">{locale.t(Text::ChainVerifies)}</p> }.into_any(),
                (true, Some(problem)) => view! {
                    <p class="callout danger" role="alert" data-testid="chain">
                        {locale.t(Text::ChainBrokenStrong)}
                        {chain_error(locale.get(), &problem)}
                    </p>
                }
                .into_any(),
            }}
            <Show when=move || !peers.with(Vec::is_empty)>
                <section class="card" aria-labelledby="audit-devices" data-testid="audit-devices">
                    <h2 id="audit-devices">{t(Text::AuditDevicesHeading)}</h2>
                    <p class="hint">{t(Text::AuditDevicesLead)}</p>
                    <ul class="simple-list">
                        {move || {
                            let lang = locale.get();
                            peers
                                .get()
                                .into_iter()
                                .map(|c| {
                                    let broken = c.problem.is_some();
                                    let line = sync_words::peer_chain(lang, &c.chain, c.events, c.last_at, c.problem.as_ref());
                                    view! { <li class:danger=broken>{line}</li> }
                                })
                                .collect_view()
                        }}
                    </ul>
                </section>
            </Show>
            <fieldset class="filters audit-filters">
                <legend>{t(Text::AuditFilterLegend)}</legend>
                <div class="field">
                    <label for="audit-record">{t(Text::AuditFilterRecord)}</label>
                    <select id="audit-record" on:change=chosen(record)>
                        <option value="" prop:selected=move || record.get().is_empty()>{t(Text::AuditFilterAllRecords)}</option>
                        {move || {
                            records()
                                .into_iter()
                                .map(|(id, label)| {
                                    let mine = id.clone();
                                    view! { <option value=id prop:selected=move || record.get() == mine>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-kind">{t(Text::AuditFilterKind)}</label>
                    <select id="audit-kind" on:change=chosen(action)>
                        <option value="" prop:selected=move || action.get().is_empty()>{t(Text::AuditFilterAllKinds)}</option>
                        {move || {
                            let lang = locale.get();
                            Action::ALL
                                .iter()
                                .enumerate()
                                .map(|(i, a)| {
                                    let value = i.to_string();
                                    let mine = value.clone();
                                    view! { <option value=value prop:selected=move || action.get() == mine>{words::action_option(lang, *a)}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-from">{t(Text::AuditFilterFrom)}</label>
                    <input id="audit-from" type="date" prop:value=move || from.get() on:change=chosen(from)/>
                </div>
                <div class="field">
                    <label for="audit-to">{t(Text::AuditFilterTo)}</label>
                    <input id="audit-to" type="date" prop:value=move || to.get() on:change=chosen(to)/>
                </div>
                <button type="button" class="button secondary" on:click=clear>{t(Text::AuditFilterClear)}</button>
            </fieldset>
            {move || {
                let p = page.get();
                let lang = locale.get();
                if p.matching == 0 {
                    return view! { <p class="empty-state" role="status" data-testid="audit-range">{Text::AuditNoMatch.get(lang)}</p> }.into_any();
                }
                view! { <p role="status" data-testid="audit-range">{words::audit_range(lang, p.first, p.last, p.matching)}</p> }.into_any()
            }}
            <HistoryList events=events show_entity=true/>
            <nav class="pager actions" aria-label=t(Text::AuditPages)>
                <button
                    type="button"
                    class="button secondary"
                    prop:disabled=move || !page.get().has_newer()
                    on:click=move |_| page_no.set(page.get_untracked().page.saturating_sub(1))
                >
                    {t(Text::AuditNewer)}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    prop:disabled=move || !page.get().has_older()
                    on:click=move |_| page_no.set(page.get_untracked().page + 1)
                >
                    {t(Text::AuditOlder)}
                </button>
            </nav>
        </section>
    }
}
