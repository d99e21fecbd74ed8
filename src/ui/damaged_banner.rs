//! Lists what could not be decrypted, and says when the audit trail does not verify.

use crate::app::session::Session;
use leptos::prelude::*;

#[component]
pub fn DamagedBanner() -> impl IntoView {
    let session = expect_context::<Session>();
    let damaged = move || session.data.with(|d| d.damaged.clone());
    let chain = move || session.data.with(|d| d.chain.clone());
    view! {
        <Show when=move || !damaged().is_empty()>
            <div class="callout danger" role="alert">
                <p>
                    <strong>"Some records could not be decrypted."</strong>
                    " They are damaged or were moved, and are not shown. The rest of the vault is fine."
                </p>
                <ul>
                    {move || {
                        damaged()
                            .into_iter()
                            .map(|d| view! { <li>{format!("{} {}: could not be decrypted", d.kind, d.id)}</li> })
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
                                <strong>"The audit trail does not verify: "</strong>
                                {problem.to_string()}
                                ". Someone or something changed the stored history."
                            </p>
                        </div>
                    }
                })
        }}
    }
}
