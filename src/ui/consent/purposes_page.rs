//! The purposes register: every purpose with its lawful basis and how many consents refer to
//! it; links to a new purpose and to the printable Record of processing activities.

use crate::domain::search::fold;
use crate::i18n::{phrases, Text};
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

/// "assessment missing" or "assessment review due" for a legitimate-interest purpose.
fn lia_badge(
    lang: crate::i18n::Lang,
    p: &crate::domain::purpose::Purpose,
) -> Option<impl IntoView> {
    use crate::domain::assessment::LiaState;
    let today = crate::app::clock::local_day(chrono::Utc::now());
    let text = match p.lia_state(today)? {
        LiaState::Missing => Text::LiaMissing,
        LiaState::ReviewDue(_) => Text::LiaReviewDue,
        LiaState::Complete => return None,
    };
    Some(view! { <span class="tag">{text.get(lang)}</span> })
}

#[component]
pub fn PurposesPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let rows = Memo::new(move |_| {
        session.data.with(|d| {
            let mut rows: Vec<_> = d
                .purposes
                .values()
                .map(|p| {
                    let used = d
                        .consents
                        .values()
                        .filter(|c| c.data.purpose_id == p.id)
                        .count();
                    (p.id.clone(), p.data.clone(), used)
                })
                .collect();
            rows.sort_by_key(|(_, p, _)| (p.retired, fold(&p.name)));
            rows
        })
    });
    view! {
        <section class="page" aria-labelledby="purposes-heading">
            <div class="page-head">
                <h1 id="purposes-heading">{t(Text::PurposesHeading)}</h1>
                <A href="/purposes/new" attr:class="button">{t(Text::NewPurpose)}</A>
            </div>
            <p class="lead">{t(Text::PurposesLead)}</p>
            <p><A href="/purposes/record">{t(Text::ProcessingRecordHeading)}</A> " · " <A href="/processors">{t(Text::ProcessorsHeading)}</A></p>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty-state">{t(Text::NoPurposesYet)}</p> }>
                <ul class="simple-list">
                    {move || {
                        let lang = locale.get();
                        rows.get()
                            .into_iter()
                            .map(|(id, p, used)| {
                                let badge = lia_badge(lang, &p);
                                view! {
                                <li>
                                    <A href=format!("/purposes/{id}")>{p.name.clone()}</A>
                                    <span class="contact-detail">
                                        {format!("{} · {}", phrases::basis_with_article(lang, p.basis), phrases::consents_count(lang, used as u64))}
                                    </span>
                                    {p.retired.then(|| view! { <span class="tag">{Text::RetiredBadge.get(lang)}</span> })}
                                    {badge}
                                </li>
                            }})
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
