//! The Agenda's list of breaches whose notification to ÚOOÚ is still open: each with its
//! 72-hour deadline in local date and time and the hours left (or by how much it is overdue),
//! the most urgent first. Shown only when there is one.

use crate::app::session::Session;
use crate::domain::breach::Clock;
use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BreachesDue() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let open = Memo::new(move |_| session.data.with(|d| d.breaches_open(chrono::Utc::now())));
    move || {
        let list = open.get();
        (!list.is_empty()).then(|| {
            let lang = locale.get();
            view! {
                <section class="panel" aria-labelledby="agenda-breaches">
                    <h2 id="agenda-breaches">{locale.t(Text::BreachesDue)}</h2>
                    <ul class="simple-list">
                        {list
                            .into_iter()
                            .map(|(id, b, clock)| {
                                let overdue = matches!(clock, Clock::Overdue(_));
                                let name = super::short(&b.nature);
                                let deadline = phrases::breach_deadline(lang, &format::date_time(lang, b.deadline()));
                                view! {
                                    <li data-testid="breach-due">
                                        <A href=format!("/breaches/{id}")>{name}</A>
                                        <span>{deadline}</span>
                                        <span class="badge" class:overdue=overdue class:due-soon=!overdue>{phrases::breach_clock(lang, clock)}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
