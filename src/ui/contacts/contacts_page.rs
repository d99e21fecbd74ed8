//! The contact list: search as you type (ignoring case, diacritics and phone spacing), filter by
//! tags (all of / any of), sort by name or last activity; only the visible rows are rendered,
//! each with its phone and organisation, and why it was found when not by its name.

use crate::app::service::VaultSnapshot;
use crate::domain::found_by::{found_by, FoundIn};
use crate::domain::search::{fold, Haystack, Query, TagFilter, TagMode};
use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::HashMap;
use std::rc::Rc;

/// Height of one row in pixels (the stylesheet's `.contact-row` uses the same).
const ROW_HEIGHT: f64 = 64.0;
/// Rows rendered above and below the visible window (a scroll redraws them in the same frame,
/// so a few are enough to cover a part-visible row at either end).
const OVERSCAN: usize = 3;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    name: String,
    sort_key: String,
    detail: String,
    phone: String,
    organisation: String,
    tags: Vec<String>,
    last_activity: Option<chrono::DateTime<chrono::Utc>>,
}

/// The search index of the contact list: a haystack and a row per contact, both orders, and
/// every tag once (ignoring case and diacritics).
struct Index {
    entries: Vec<(Haystack, Row)>,
    by_name: Vec<usize>,
    by_activity: Vec<usize>,
    tags: Vec<String>,
}

impl Index {
    fn build(d: &VaultSnapshot) -> Self {
        let mut last: HashMap<&str, chrono::DateTime<chrono::Utc>> = HashMap::new();
        for a in d.activities.values() {
            let e = last.entry(a.data.contact_id.as_str()).or_insert(a.data.at);
            if a.data.at > *e {
                *e = a.data.at;
            }
        }
        let entries: Vec<(Haystack, Row)> = d
            .contacts
            .values()
            .map(|c| {
                let detail = c
                    .data
                    .emails
                    .first()
                    .map(|e| e.value.clone())
                    .unwrap_or_default();
                let phone = c
                    .data
                    .phones
                    .first()
                    .map(|p| p.value.clone())
                    .unwrap_or_default();
                let organisation = c
                    .data
                    .organisation_id
                    .as_ref()
                    .and_then(|o| d.organisations.get(o))
                    .map(|o| o.data.name.as_str());
                (
                    c.data.haystack(organisation),
                    Row {
                        id: c.id.clone(),
                        name: c.data.display_name(),
                        sort_key: c.data.sort_key(),
                        detail,
                        phone,
                        organisation: organisation.unwrap_or_default().to_string(),
                        tags: c.data.tags.clone(),
                        last_activity: last.get(c.id.as_str()).copied(),
                    },
                )
            })
            .collect();
        let mut by_name: Vec<usize> = (0..entries.len()).collect();
        by_name.sort_by(|&a, &b| entries[a].1.sort_key.cmp(&entries[b].1.sort_key));
        let mut by_activity = by_name.clone();
        // Stable: contacts with the same last activity stay in name order.
        by_activity.sort_by(|&a, &b| entries[b].1.last_activity.cmp(&entries[a].1.last_activity));
        let mut tags: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (_, r) in &entries {
            for t in &r.tags {
                if seen.insert(fold(t)) {
                    tags.push(t.clone());
                }
            }
        }
        tags.sort_by_key(|t| fold(t));
        Self {
            entries,
            by_name,
            by_activity,
            tags,
        }
    }
}

/// The words for a field a search matched.
fn found_in_text(field: FoundIn) -> Text {
    match field {
        FoundIn::Email => Text::FoundEmail,
        FoundIn::Phone => Text::FoundPhone,
        FoundIn::Organisation => Text::FoundOrganisation,
        FoundIn::Role => Text::FoundRole,
        FoundIn::Ico => Text::FoundIco,
        FoundIn::Tag => Text::FoundTag,
        FoundIn::Address => Text::FoundAddress,
        FoundIn::Notes => Text::FoundNotes,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Name,
    LastActivity,
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let query = RwSignal::new(String::new());
    let chosen_tags = RwSignal::new(Vec::<String>::new());
    let tag_mode = RwSignal::new(TagMode::All);
    let sort = RwSignal::new(Sort::Name);
    let scroll_top = RwSignal::new(0.0f64);
    // The list's height: measured once it is shown, when the window is resized, and on each
    // scroll.
    let viewport = RwSignal::new(640.0f64);
    let list = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        if let Some(el) = list.get_untracked() {
            viewport.set(f64::from(el.client_height()));
        }
    };
    Effect::new(move || {
        list.track();
        measure();
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resized.remove());

    // Built once per change of the data (and kept while it does not change), not per keystroke.
    let index = move || session.data.derived(Index::build);
    let all_tags = Memo::new(move |_| index().tags.clone());
    // The matching rows, as positions in the index, already in the chosen order.
    // What the last search was, so that typing on narrows the last result instead of scanning
    // every contact again (a longer query can only match fewer).
    let last_search = StoredValue::new_local(None::<(String, TagFilter, Sort, Rc<Index>)>);
    let rows = Memo::new(move |previous: Option<&Vec<usize>>| {
        let typed = query.get();
        let q = Query::new(&typed);
        let filter = TagFilter {
            tags: chosen_tags.get(),
            mode: tag_mode.get(),
        };
        let sort = sort.get();
        let i = index();
        let narrowed = last_search.with_value(|last| match (last, previous) {
            (Some((t, f, s, idx)), Some(previous))
                if Rc::ptr_eq(idx, &i)
                    && *f == filter
                    && *s == sort
                    && typed.starts_with(t.as_str()) =>
            {
                Some(previous.clone())
            }
            _ => None,
        });
        let candidates = narrowed.unwrap_or_else(|| match sort {
            Sort::Name => i.by_name.clone(),
            Sort::LastActivity => i.by_activity.clone(),
        });
        let found = candidates
            .into_iter()
            .filter(|&n| {
                let (hay, row) = &i.entries[n];
                hay.matches(&q) && filter.matches(&row.tags)
            })
            .collect::<Vec<usize>>();
        last_search.set_value(Some((typed, filter, sort, i)));
        found
    });
    let has_contacts = move || session.data.with(|d| !d.contacts.is_empty());

    // Keyboard: "n" opens a new contact, "/" focuses the search (not while typing in a field).
    let navigate = use_navigate();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .unwrap_or(false);
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "n" => {
                ev.prevent_default();
                navigate("/contacts/new", Default::default());
            }
            "/" => {
                ev.prevent_default();
                if let Some(el) = document().get_element_by_id("search") {
                    if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = input.focus();
                    }
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    // The rows in view (plus some above and below), where they start, and how many there are.
    let window = Memo::new(move |_| {
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let count = (viewport.get() / ROW_HEIGHT) as usize + 2 * OVERSCAN;
        rows.with(|all| {
            let last = (first + count).min(all.len());
            let i = index();
            // Why each shown row was found, when not by its name (only the rows in view).
            let q = Query::new(&query.get());
            let slice = all
                .get(first..last)
                .unwrap_or_default()
                .iter()
                .map(|&n| {
                    let row = i.entries[n].1.clone();
                    let found = session.data.with(|d| {
                        d.contacts.get(&row.id).and_then(|c| {
                            let organisation =
                                (!row.organisation.is_empty()).then_some(row.organisation.as_str());
                            found_by(&c.data, organisation, &q)
                        })
                    });
                    (row, found)
                })
                .collect::<Vec<(Row, Option<(FoundIn, String)>)>>();
            (first, all.len(), slice)
        })
    });

    view! {
        <section class="page" aria-labelledby="contacts-heading">
            <div class="page-head">
                <h1 id="contacts-heading">{t(Text::ContactsHeading)}</h1>
                <A href="/contacts/new" attr:class="button">{t(Text::NewContact)}</A>
            </div>
            <Show
                when=has_contacts
                fallback=move || view! { <p class="empty-state">{t(Text::NoContactsYet)}</p> }
            >
                <div class="toolbar">
                    <div class="field search-field">
                        <label for="search">{t(Text::Search)}</label>
                        <input
                            id="search"
                            type="search"
                            autocomplete="off"
                            aria-describedby="search-hint"
                            prop:value=move || query.get()
                            on:input=move |ev| {
                                query.set(event_target_value(&ev));
                                // What was found is shown from its top: the list scrolls up too.
                                scroll_top.set(0.0);
                                if let Some(el) = list.get_untracked() {
                                    el.set_scroll_top(0);
                                }
                            }
                        />
                        <p class="field-hint" id="search-hint">{t(Text::SearchHint)}</p>
                    </div>
                    <div class="field">
                        <label for="sort">{t(Text::SortBy)}</label>
                        <select
                            id="sort"
                            on:change=move |ev| {
                                sort.set(if event_target_value(&ev) == "activity" { Sort::LastActivity } else { Sort::Name })
                            }
                        >
                            <option value="name">{t(Text::SortName)}</option>
                            <option value="activity">{t(Text::SortLastActivity)}</option>
                        </select>
                    </div>
                </div>
                <Show when=move || !all_tags.get().is_empty()>
                    <fieldset class="tag-filter">
                        <legend>{t(Text::FilterByTags)}</legend>
                        <div class="tag-choices">
                            {move || {
                                all_tags
                                    .get()
                                    .into_iter()
                                    .map(|tag| {
                                        let tag_for_check = tag.clone();
                                        let tag_for_toggle = tag.clone();
                                        view! {
                                            <label class="tag-choice">
                                                <input
                                                    type="checkbox"
                                                    prop:checked=move || chosen_tags.with(|c| c.contains(&tag_for_check))
                                                    on:change=move |_| {
                                                        let tag = tag_for_toggle.clone();
                                                        chosen_tags.update(|c| {
                                                            if let Some(i) = c.iter().position(|x| *x == tag) {
                                                                c.remove(i);
                                                            } else {
                                                                c.push(tag);
                                                            }
                                                        });
                                                    }
                                                />
                                                {tag}
                                            </label>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </div>
                        <div class="field inline">
                            <label for="tag-mode">{t(Text::TagMode)}</label>
                            <select
                                id="tag-mode"
                                on:change=move |ev| {
                                    tag_mode.set(if event_target_value(&ev) == "any" { TagMode::Any } else { TagMode::All })
                                }
                            >
                                <option value="all">{t(Text::TagsAll)}</option>
                                <option value="any">{t(Text::TagsAny)}</option>
                            </select>
                        </div>
                    </fieldset>
                </Show>
                <p class="hint" role="status" aria-live="polite">
                    {move || phrases::contacts_count(locale.get(), rows.with(Vec::len))}
                </p>
                <Show
                    when=move || rows.with(|r| !r.is_empty())
                    fallback=move || {
                        view! {
                            <p class="empty-state">
                                {t(Text::NoMatches)} " "
                                <button
                                    type="button"
                                    class="button secondary"
                                    on:click=move |_| {
                                        query.set(String::new());
                                        chosen_tags.set(vec![]);
                                    }
                                >
                                    {t(Text::ClearFilters)}
                                </button>
                            </p>
                        }
                    }
                >
                    <div
                        class="contact-list"
                        node_ref=list
                        on:scroll=move |_| {
                            if let Some(el) = list.get_untracked() {
                                scroll_top.set(f64::from(el.scroll_top()));
                            }
                            measure();
                        }
                    >
                        <ul
                            class="contact-rows"
                            style:height=move || format!("{}px", window.with(|w| w.1) as f64 * ROW_HEIGHT)
                            style:padding-top=move || format!("{}px", window.with(|w| w.0) as f64 * ROW_HEIGHT)
                        >
                            // Keyed: rows still in view are kept, not drawn again.
                            <For each=move || window.with(|w| w.2.clone()) key=|r| r.clone() let((r, found))>
                                <li class="contact-row">
                                    <span class="contact-name">
                                        <a href=format!("/contacts/{}", r.id)>{r.name.clone()}</a>
                                        {found.map(|(field, value)| view! {
                                            <span class="found-by" data-testid="found-by">
                                                {move || format!("{} {} {value}", locale.t(Text::MatchedLabel), locale.t(found_in_text(field)))}
                                            </span>
                                        })}
                                    </span>
                                    <span class="contact-detail">
                                        <span>{r.phone.clone()}</span>
                                        <span>{r.organisation.clone()}</span>
                                    </span>
                                    <span class="contact-meta">
                                        <span>{r.detail.clone()}</span>
                                        <span>
                                            {r.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> }).collect_view()}
                                            {r.last_activity.map(|at| view! { <span class="when">{move || format::date(locale.get(), at)}</span> })}
                                        </span>
                                    </span>
                                </li>
                            </For>
                        </ul>
                    </div>
                </Show>
            </Show>
        </section>
    }
}
