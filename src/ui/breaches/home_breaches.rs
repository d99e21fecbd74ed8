//! Home's list of breaches whose notification to ÚOOÚ is open: each with its deadline and the
//! hours left or by how much it is overdue (what `app::service::today` computed).

use crate::app::service::today::BreachDue;
use crate::domain::breach::Clock;
use crate::i18n::{format, phrases, Lang, Text};
use leptos::prelude::*;
use leptos_router::components::A;

/// The section, when there is a breach to list.
pub fn section(lang: Lang, breaches: &[BreachDue]) -> Option<impl IntoView> {
    (!breaches.is_empty()).then(|| {
        let n = breaches.len();
        let items = breaches
            .iter()
            .map(|b| {
                let overdue = matches!(b.clock, Clock::Overdue(_));
                let href = format!("/breaches/{}", b.id);
                let name = super::short(&b.nature);
                let deadline = phrases::breach_deadline(lang, &format::date_time(lang, b.deadline));
                let clock = phrases::breach_clock(lang, b.clock);
                view! {
                    <li data-testid="home-breach">
                        <A href=href>{name}</A>
                        <span>{deadline}</span>
                        <span class="badge" class:overdue=overdue class:due-soon=!overdue>{clock}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="home-breaches">
                <h2 id="home-breaches">{Text::BreachesDue.get(lang)} " " <span class="count">{format!("({n})")}</span></h2>
                <ul class="simple-list day-list">{items}</ul>
            </section>
        }
    })
}
