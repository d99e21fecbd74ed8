//! The access report's part on breaches (Art. 15, and what Art. 34 would tell them): each breach
//! that affected the person, with when it was discovered, its nature and the measures taken.

use crate::app::session::Session;
use crate::i18n::{format, phrases, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn AccessBreaches(contact_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let id = StoredValue::new(contact_id);
    move || {
        let list = session.data.with(|d| d.breaches_of(&id.get_value()));
        (!list.is_empty()).then(|| {
            let lang = locale.get();
            view! {
                <h2>{locale.t(Text::AccessBreachesHeading)}</h2>
                <ul>
                    {list
                        .into_iter()
                        .map(|(_, b)| view! {
                            <li>{phrases::access_breach(lang, &format::date_time(lang, b.discovered_at), &b.nature, &b.measures)}</li>
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}
