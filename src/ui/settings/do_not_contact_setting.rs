//! Settings → the do-not-contact list: how many addresses it holds, and taking one off by
//! typing it (the list keeps only keyed digests, so it cannot be shown). Imports `app` only.

use crate::app::AppError;
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::choice_fields::LineInput;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn DoNotContactSetting() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let count = Memo::new(move |_| session.data.with(|d| d.do_not_contact_list().len()));
    let address = RwSignal::new(String::new());
    // Some(true): removed; Some(false): it was not on the list.
    let outcome = RwSignal::new(None::<(String, bool)>);
    let failure = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let remove = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = address.get_untracked().trim().to_string();
        if typed.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        outcome.set(None);
        spawn_local(async move {
            let asked = typed.clone();
            match session
                .write(move |v, now| async move { v.remove_from_do_not_contact(&asked, now).await })
                .await
            {
                Ok(removed) => {
                    if removed {
                        address.set(String::new());
                    }
                    outcome.set(Some((typed, removed)));
                }
                Err(e) => failure.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="panel" aria-labelledby="do-not-contact-heading">
            <h2 id="do-not-contact-heading">{t(Text::DoNotContactHeading)}</h2>
            <p data-testid="do-not-contact-count">{move || phrases::do_not_contact_count(locale.get(), count.get())}</p>
            <p class="hint">{t(Text::DoNotContactLead)}</p>
            <form on:submit=remove>
                <LineInput id="do-not-contact-address" label=Text::AddressToRemove value=address/>
                <div class="actions">
                    <button type="submit" class="button secondary" disabled=move || busy.get() || address.with(|a| a.trim().is_empty())>
                        {t(Text::RemoveFromList)}
                    </button>
                </div>
            </form>
            {move || outcome.get().map(|(typed, removed)| {
                let text = if removed { Text::RemovedFromList } else { Text::NotOnList };
                view! { <p class=if removed { "form-success" } else { "form-error" } role="status">{format!("{typed}: {}", locale.t(text))}</p> }
            })}
            <ActionError failure/>
        </section>
    }
}
