//! Shows the vault's pages only when it is unlocked; otherwise creation, unlock or an explanation.

use crate::app::session::{Notice, Phase, Session};
use crate::i18n::{errors::describe, Text};
use crate::ui::common::locale::use_locale;
use crate::ui::vault::create_vault_page::CreateVaultPage;
use crate::ui::vault::damaged_banner::DamagedBanner;
use crate::ui::vault::unlock_page::UnlockPage;
use leptos::prelude::*;

#[component]
pub fn VaultGate(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let phase = Memo::new(move |_| session.phase.get());
    move || match phase.get() {
        Phase::Starting => view! {
            <p class="hint" role="status">
                {move || match session.notice.get() {
                    Some(Notice::WaitingForStorage) => locale.t(Text::WaitingForStorage),
                    _ => locale.t(Text::Opening),
                }}
            </p>
        }
        .into_any(),
        Phase::Unavailable(error) => view! {
            <section class="page narrow" aria-labelledby="unavailable-heading">
                <h1 id="unavailable-heading">{move || locale.t(Text::UnavailableHeading)}</h1>
                <p class="form-error" role="alert">{move || describe(locale.get(), &error)}</p>
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
