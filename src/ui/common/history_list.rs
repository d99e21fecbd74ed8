//! A list of audit events, newest first, field by field (before → after), with their time:
//! records by name, values worded in the interface's language (`i18n::phrases::history`).

use crate::app::history::Names;
use crate::app::session::Session;
use crate::domain::audit::AuditEvent;
use crate::i18n::phrases::history as words;
use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

pub use crate::i18n::phrases::history::field_label;

/// One change as shown: field, before, after.
struct Row {
    field: String,
    before: String,
    after: String,
}

/// One event as shown.
struct Shown {
    title: String,
    at: chrono::DateTime<chrono::Utc>,
    rows: Vec<Row>,
}

#[component]
pub fn HistoryList(
    #[prop(into)] events: Signal<Vec<AuditEvent>>,
    #[prop(optional)] show_entity: bool,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    move || {
        let lang = locale.get();
        if session.checking_trail() {
            return view! { <p class="hint" role="status">{locale.t(Text::HistoryLoading)}</p> }
                .into_any();
        }
        let mut list = events.get();
        list.reverse();
        if list.is_empty() {
            return view! { <p class="empty-state">{locale.t(Text::NoHistory)}</p> }.into_any();
        }
        let shown: Vec<Shown> = session.data.with(|vault| {
            let names = Names::new(vault);
            list.iter()
                .map(|e| {
                    let mut title = if show_entity {
                        words::event_title(
                            lang,
                            e,
                            &names.record(&e.entity_kind, &e.entity_id.text()),
                        )
                    } else {
                        phrases::action(lang, e.action).to_string()
                    };
                    // Another device's event says which (#22).
                    if let Some(chain) = vault.device_of(e) {
                        title.push_str(&crate::i18n::phrases::sync::on_device(lang, chain));
                    }
                    let rows = e
                        .changes
                        .iter()
                        .map(|c| {
                            let empty = Text::NoValue.get(lang).to_string();
                            let erased = Text::ErasedValue.get(lang).to_string();
                            let side = |v: &Option<Box<str>>| match v {
                                _ if c.is_erased() => erased.clone(),
                                Some(raw) => {
                                    words::value(lang, &names.value(&e.entity_kind, &c.field, raw))
                                }
                                None => empty.clone(),
                            };
                            Row {
                                field: words::field_in(lang, e.action, &c.field),
                                before: side(&c.before),
                                after: side(&c.after),
                            }
                        })
                        .collect();
                    Shown {
                        title,
                        at: e.at,
                        rows,
                    }
                })
                .collect()
        });
        view! {
            <ol class="history">
                {shown
                    .into_iter()
                    .map(|e| {
                        view! {
                            <li class="history-event">
                                <p class="history-head">
                                    <strong>{e.title}</strong>
                                    " "
                                    <time datetime=e.at.to_rfc3339()>{format::date_time(lang, e.at)}</time>
                                </p>
                                {(!e.rows.is_empty())
                                    .then(|| {
                                        view! {
                                            <table class="changes">
                                                <thead>
                                                    <tr>
                                                        <th scope="col">{locale.t(Text::Fields)}</th>
                                                        <th scope="col">{locale.t(Text::Before)}</th>
                                                        <th scope="col">{locale.t(Text::After)}</th>
                                                    </tr>
                                                </thead>
                                                <tbody>
                                                    {e
                                                        .rows
                                                        .into_iter()
                                                        .map(|r| {
                                                            view! {
                                                                <tr>
                                                                    <th scope="row">{r.field}</th>
                                                                    <td>{r.before}</td>
                                                                    <td>{r.after}</td>
                                                                </tr>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </tbody>
                                            </table>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    }
}
