//! The deals of a contact or an organisation, with their stage and value, and a way to start one.

use crate::i18n::{phrases, Text};
use crate::ui::common::locale::use_ui;
use crate::ui::deals::deal_view::amount_text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DealsPanel(
    /// Deals with this contact (and "New deal" starts with it)…
    #[prop(optional)]
    contact_id: Option<String>,
    /// …or of this organisation.
    #[prop(optional)]
    organisation_id: Option<String>,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let new_href = match &contact_id {
        Some(c) => format!("/deals/new?contact={c}"),
        None => "/deals/new".to_string(),
    };
    let scope = StoredValue::new((contact_id, organisation_id));
    let deals = Memo::new(move |_| {
        let (contact, organisation) = scope.get_value();
        session.data.with(|d| {
            let pipeline = d.pipeline();
            let lang = locale.get();
            let mut list: Vec<_> = d
                .deals
                .iter()
                .filter(|(_, r)| {
                    contact
                        .as_ref()
                        .is_some_and(|c| r.data.contact_ids.contains(c))
                        || (organisation.is_some() && r.data.organisation_id == organisation)
                })
                .map(|(id, r)| {
                    let stage = pipeline
                        .stage(r.data.stage_id())
                        .map(|s| phrases::stage_name(lang, s))
                        .unwrap_or_default();
                    (
                        id.clone(),
                        r.data.title.clone(),
                        stage,
                        amount_text(lang, r.data.value.as_ref()),
                        r.data.since(),
                    )
                })
                .collect();
            list.sort_by_key(|d| std::cmp::Reverse(d.4));
            list
        })
    });
    view! {
        <section class="panel" aria-labelledby="deals-panel-heading">
            <div class="page-head">
                <h2 id="deals-panel-heading">{t(Text::DealsHeading)}</h2>
                <A href=new_href attr:class="button secondary">{t(Text::NewDeal)}</A>
            </div>
            {move || {
                let list = deals.get();
                if list.is_empty() {
                    let text = if session.loading() { Text::LoadingRest } else { Text::NoDealsHere };
                    return view! { <p class="empty-state">{locale.t(text)}</p> }.into_any();
                }
                view! {
                    <ul class="simple-list">
                        {list
                            .into_iter()
                            .map(|(id, title, stage, value, _)| view! {
                                <li>
                                    <A href=format!("/deals/{id}")>{title}</A>
                                    <span class="hint">{stage}</span>
                                    {(!value.is_empty()).then(|| view! { <span>{value}</span> })}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
