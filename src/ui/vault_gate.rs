//! Shows the vault's pages only when it is unlocked; otherwise creation, unlock or an explanation.

use crate::app::session::{Phase, Session};
use crate::ui::create_vault_page::CreateVaultPage;
use crate::ui::damaged_banner::DamagedBanner;
use crate::ui::unlock_page::UnlockPage;
use leptos::prelude::*;

#[component]
pub fn VaultGate(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let phase = Memo::new(move |_| session.phase.get());
    move || match phase.get() {
        Phase::Starting => {
            view! { <p class="hint" role="status">"Opening your vault…"</p> }.into_any()
        }
        Phase::Unavailable(message) => view! {
            <section class="page narrow" aria-labelledby="unavailable-heading">
                <h1 id="unavailable-heading">"Folio cannot store data here"</h1>
                <p class="form-error" role="alert">{message}</p>
            </section>
        }
        .into_any(),
        Phase::NoVault => view! { <CreateVaultPage/> }.into_any(),
        Phase::Locked => view! { <UnlockPage/> }.into_any(),
        Phase::Unlocked => view! {
            <DamagedBanner/>
            {children()}
        }
        .into_any(),
    }
}
