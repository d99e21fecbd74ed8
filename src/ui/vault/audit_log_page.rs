//! The global audit log: every event, newest first, and whether the hash chain verifies.

use crate::app::session::Session;
use crate::i18n::errors::chain_error;
use crate::i18n::Text;
use crate::ui::common::history_list::HistoryList;
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let events = Signal::derive(move || session.data.with(|d| d.audit.clone()));
    view! {
        <section class="page" aria-labelledby="audit-heading">
            <h1 id="audit-heading">{move || locale.t(Text::AuditHeading)}</h1>
            <p class="lead">{move || locale.t(Text::AuditLead)}</p>
            {move || match session.data.with(|d| (d.complete, d.chain.clone())) {
                (false, _) => view! { <p class="callout" role="status" data-testid="chain">{locale.t(Text::ChainChecking)}</p> }.into_any(),
                (true, None) => view! { <p class="callout" role="status" data-testid="chain">{locale.t(Text::ChainVerifies)}</p> }.into_any(),
                (true, Some(problem)) => view! {
                    <p class="callout danger" role="alert" data-testid="chain">
                        {locale.t(Text::ChainBrokenStrong)}
                        {chain_error(locale.get(), &problem)}
                    </p>
                }
                .into_any(),
            }}
            <HistoryList events=events show_entity=true/>
        </section>
    }
}
