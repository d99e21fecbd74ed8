//! Says, as soon as the vault is unlocked, what does not check out: what storage does not hold
//! as the vault recorded it (deleted, rolled back, added, duplicated…), what could not be
//! decrypted, and an audit trail that does not verify.

use crate::app::session::Session;
use crate::i18n::{errors::chain_error, phrases, Text};
use crate::ui::common::locale::use_locale;
use leptos::prelude::*;

#[component]
pub fn DamagedBanner() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let damaged = move || session.data.with(|d| d.damaged.clone());
    let chain = move || session.data.with(|d| d.chain.clone());
    let findings = move || session.data.with(|d| d.findings.clone());
    view! {
        <Show when=move || !findings().is_empty()>
            <div class="callout danger" role="alert" data-testid="integrity-findings">
                <p>
                    <strong>{move || locale.t(Text::FindingsStrong)}</strong>
                    {move || locale.t(Text::FindingsBody)}
                </p>
                <ul>
                    {move || {
                        findings()
                            .iter()
                            .map(|f| view! { <li>{phrases::finding(locale.get(), f)}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
        <Show when=move || !damaged().is_empty()>
            <div class="callout danger" role="alert">
                <p>
                    <strong>{move || locale.t(Text::DamagedStrong)}</strong>
                    {move || locale.t(Text::DamagedBody)}
                </p>
                <ul>
                    {move || {
                        damaged()
                            .into_iter()
                            .map(|d| view! { <li>{phrases::damaged_item(locale.get(), &d.kind, &d.id)}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
        {move || {
            chain()
                .map(|problem| {
                    view! {
                        <div class="callout danger" role="alert">
                            <p>
                                <strong>{locale.t(Text::ChainBrokenStrong)}</strong>
                                {chain_error(locale.get(), &problem)}
                                {locale.t(Text::ChainBrokenBody)}
                            </p>
                        </div>
                    }
                })
        }}
    }
}
