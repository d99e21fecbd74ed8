//! Merging another contact into this one: the user picks which value wins per differing field.

use crate::app::AppError;
use crate::domain::contact::{merge_differences, Side};
use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::history_list::field_label;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn MergePage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let keep_id = StoredValue::new(crate::ui::route_id());
    let other_id = RwSignal::new(String::new());
    let take_other = RwSignal::new(Vec::<String>::new());
    let failure = RwSignal::new(None::<AppError>);
    let working = RwSignal::new(false);
    let navigate = StoredValue::new_local(use_navigate());
    let keep_name = Memo::new(move |_| {
        session.data.with(|d| {
            d.contacts
                .get(&keep_id.get_value())
                .map(|c| c.data.display_name())
        })
    });
    let others = Memo::new(move |_| {
        let keep = keep_id.get_value();
        let mut list: Vec<(String, String)> = session.data.with(|d| {
            d.contacts
                .values()
                .filter(|c| c.id != keep)
                .map(|c| (c.id.clone(), c.data.display_name()))
                .collect()
        });
        list.sort_by_key(|(_, n)| crate::domain::search::fold(n));
        list
    });
    let differences = Memo::new(move |_| {
        let other = other_id.get();
        session.data.with(|d| {
            match (d.contacts.get(&keep_id.get_value()), d.contacts.get(&other)) {
                (Some(a), Some(b)) => merge_differences(&a.data, &b.data),
                _ => vec![],
            }
        })
    });
    // Each new choice of contact starts from the default sides.
    Effect::new(move |_| {
        let defaults = differences
            .get()
            .into_iter()
            .filter(|d| d.3 == Side::Other)
            .map(|d| d.0.to_string())
            .collect();
        take_other.set(defaults);
    });
    let merge = move |_| {
        let other = other_id.get_untracked();
        if other.is_empty() {
            return;
        }
        working.set(true);
        spawn_local(async move {
            match session
                .merge_contacts(keep_id.get_value(), other, take_other.get_untracked())
                .await
            {
                Ok(()) => navigate.with_value(|n| {
                    n(
                        &format!("/contacts/{}", keep_id.get_value()),
                        Default::default(),
                    )
                }),
                Err(e) => failure.set(Some(e)),
            }
            working.set(false);
        });
    };
    view! {
        <section class="page" aria-labelledby="merge-heading">
            <p><A href=format!("/contacts/{}", keep_id.get_value())>{move || keep_name.get().unwrap_or_default()}</A></p>
            <h1 id="merge-heading">{t(Text::MergeHeading)}</h1>
            <p class="lead">{t(Text::MergeLead)}</p>
            <div class="field">
                <label for="merge-other">{t(Text::MergeWith)}</label>
                <select id="merge-other" on:change=move |ev| other_id.set(event_target_value(&ev))>
                    <option value="">{t(Text::ChooseContact)}</option>
                    {move || others.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || !other_id.get().is_empty()>
                {move || {
                    let list = differences.get();
                    if list.is_empty() {
                        return view! { <p class="empty-state">{locale.t(Text::NoDifferences)}</p> }.into_any();
                    }
                    let lang = locale.get();
                    let empty = locale.t(Text::NoValue);
                    view! {
                        <div class="merge-choices">
                            {list
                                .into_iter()
                                .map(|(field, mine, theirs, _)| {
                                    let label = field_label(field).map(|t| t.get(lang)).unwrap_or(field);
                                    let name = format!("merge-{field}");
                                    let f = field.to_string();
                                    let f2 = field.to_string();
                                    let f3 = field.to_string();
                                    view! {
                                        <fieldset class="merge-field">
                                            <legend>{label}</legend>
                                            <label>
                                                <input
                                                    type="radio"
                                                    name=name.clone()
                                                    prop:checked=move || !take_other.with(|t| t.contains(&f))
                                                    on:change=move |_| take_other.update(|t| t.retain(|x| *x != f2))
                                                />
                                                {format!("{}: {}", locale.t(Text::KeepThis), mine.unwrap_or_else(|| empty.to_string()))}
                                            </label>
                                            <label>
                                                <input
                                                    type="radio"
                                                    name=name
                                                    prop:checked={
                                                        let f = f3.clone();
                                                        move || take_other.with(|t| t.contains(&f))
                                                    }
                                                    on:change=move |_| {
                                                        let f = f3.clone();
                                                        take_other.update(|t| if !t.contains(&f) { t.push(f) })
                                                    }
                                                />
                                                {format!("{}: {}", locale.t(Text::TakeOther), theirs.unwrap_or_else(|| empty.to_string()))}
                                            </label>
                                        </fieldset>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                    .into_any()
                }}
                <ActionError failure/>
                <button type="button" class="button" on:click=merge disabled=move || working.get()>{t(Text::Merge)}</button>
            </Show>
        </section>
    }
}
