//! The list of organisations, searchable like contacts, with how many people belong to each.

use crate::domain::search::Query;
use crate::i18n::{phrases, Text};
use crate::ui::common::choice_fields::LineInput;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let query = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let q = Query::new(&query.get());
        session.data.with(|d| {
            let mut rows: Vec<(String, String, usize)> = d
                .organisations
                .values()
                .filter(|o| o.data.haystack().matches(&q))
                .map(|o| {
                    let people = d
                        .contacts
                        .values()
                        .filter(|c| c.data.organisation_id.as_deref() == Some(o.id.as_str()))
                        .count();
                    (o.id.clone(), o.data.name.clone(), people)
                })
                .collect();
            rows.sort_by_key(|(_, name, _)| crate::domain::search::fold(name));
            rows
        })
    });
    let has_any = move || session.data.with(|d| !d.organisations.is_empty());
    view! {
        <section class="page" aria-labelledby="organisations-heading">
            <div class="page-head">
                <h1 id="organisations-heading">{t(Text::OrganisationsHeading)}</h1>
                <A href="/organisations/new" attr:class="button">{t(Text::NewOrganisation)}</A>
            </div>
            <Show when=has_any fallback=move || view! { <p class="empty-state">{t(Text::NoOrganisationsYet)}</p> }>
                <LineInput id="organisation-search" label=Text::Search value=query input_type="search" class="field search-field"/>
                <ul class="simple-list">
                    {move || {
                        let lang = locale.get();
                        rows.get()
                            .into_iter()
                            .map(|(id, name, people)| view! {
                                <li>
                                    <A href=format!("/organisations/{id}")>{name}</A>
                                    <span class="contact-detail">{phrases::contacts_count(lang, people)}</span>
                                </li>
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
