//! The Agenda's list of legitimate-interest assessments whose review day has come, each linked
//! to its purpose's form. Shows nothing when none is due.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::i18n::{phrases, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AssessmentsDue() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let due = Memo::new(move |_| {
        let today = local_day(chrono::Utc::now());
        session.data.with(|d| d.assessments_due(today))
    });
    move || {
        let list = due.get();
        (!list.is_empty()).then(|| {
            let lang = locale.get();
            view! {
                <section class="panel" aria-labelledby="agenda-assessments">
                    <h2 id="agenda-assessments">{Text::LiasDue.get(lang)}</h2>
                    <ul class="simple-list">
                        {list
                            .into_iter()
                            .map(|(id, name, on)| view! {
                                <li>
                                    <A href=format!("/purposes/{id}")>{name}</A>
                                    <span>{phrases::lia_review_since(lang, on)}</span>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
