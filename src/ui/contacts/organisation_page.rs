//! One organisation: its details, its people, and its history.

use crate::i18n::Text;
use crate::ui::common::action_error::ActionError;
use crate::ui::common::confirm_delete::ConfirmDelete;
use crate::ui::common::history_list::HistoryList;
use crate::ui::common::locale::use_ui;
use crate::ui::common::record_page::{BackLink, RecordDelete, RecordShell};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let id = crate::ui::route_id();
    let id_value = StoredValue::new(id.clone());
    let organisation = Memo::new(move |_| {
        session
            .data
            .with(|d| d.organisations.get(&id_value.get_value()).cloned())
    });
    let people = Memo::new(move |_| session.data.with(|d| d.people_of(&id_value.get_value())));
    let history =
        Signal::derive(move || session.data.with(|d| d.history_of(&id_value.get_value())));
    let deleting = RecordDelete::new();
    let confirming = deleting.confirming;
    let failure = deleting.failure;
    let delete = move || {
        deleting.run(
            session,
            move |v, now| async move { v.delete_organisation(&(id_value.get_value()), now).await },
            Text::OrganisationDeleted,
            "/organisations",
        )
    };
    // Why it cannot be deleted is said before any question is asked.
    let ask_delete = move || {
        deleting.ask(
            session
                .data
                .with_untracked(|s| s.organisation_deletion_refused(&id_value.get_value())),
        )
    };
    let edit_href = format!("/organisations/{id}/edit");
    view! {
        <RecordShell found=Signal::derive(move || organisation.with(Option::is_some)) missing=Text::OrganisationNotFound back="/organisations" back_text=Text::BackToOrganisations>
            <section class="page" aria-labelledby="organisation-heading">
                <BackLink href="/organisations" text=Text::BackToOrganisations/>
                <div class="page-head">
                    <h1 id="organisation-heading">{move || organisation.with(|o| o.as_ref().map(|o| o.data.name.clone()))}</h1>
                    <div class="actions">
                        <A href=edit_href.clone() attr:class="button">{t(Text::Edit)}</A>
                        <button type="button" class="button secondary" on:click=move |_| ask_delete()>{t(Text::Delete)}</button>
                    </div>
                </div>
                <crate::ui::deals::documents_panel::HoldBadge subject_id=id_value.get_value()/>
                <ConfirmDelete open=confirming question=Text::ConfirmDeleteOrganisation on_confirm=delete/>
                <ActionError failure/>
                {move || organisation.get().map(|o| {
                    let o = o.data;
                    let row = |label: Text, value: String| (!value.is_empty()).then(|| view! {
                        <div class="fact-row"><dt>{locale.t(label)}</dt><dd>{value}</dd></div>
                    });
                    view! {
                        <dl class="details">
                            {row(Text::Ico, o.ico.clone().unwrap_or_default())}
                            {row(Text::VatId, o.vat_id.clone().unwrap_or_default())}
                            {row(Text::Address, o.address.clone())}
                            {row(Text::Website, o.website.clone())}
                            {row(Text::Tags, o.tags.join(", "))}
                            {row(Text::Notes, o.notes.clone())}
                        </dl>
                    }
                })}
                <section class="panel" aria-labelledby="people-heading">
                    <h2 id="people-heading">{t(Text::People)}</h2>
                    {move || {
                        let list = people.get();
                        if list.is_empty() {
                            return view! { <p class="empty-state">{locale.t(Text::NoPeople)}</p> }.into_any();
                        }
                        view! {
                            <ul class="simple-list">
                                {list.into_iter().map(|(cid, name)| view! { <li><A href=format!("/contacts/{cid}")>{name}</A></li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </section>
                <crate::ui::deals::deals_panel::DealsPanel organisation_id=id_value.get_value()/>
                <section class="panel" aria-labelledby="organisation-history-heading">
                    <h2 id="organisation-history-heading">{t(Text::History)}</h2>
                    <HistoryList events=history/>
                </section>
            </section>
        </RecordShell>
    }
}
