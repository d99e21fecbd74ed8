//! What the erase page and a contact's Delete share: the plan (what goes, what a hold keeps),
//! the choice to keep the person on the do-not-contact list, where others' free text names
//! them, and the copies an erasure cannot reach (exports and backups made before).

use crate::app::preferences;
use crate::domain::erasure::{MentionedBy, Plan};
use crate::i18n::{phrases, Text};
use crate::ui::common::locale::{use_locale, use_texts};
use leptos::prelude::*;
use leptos_router::components::A;

/// The lines of what an erasure deletes and keeps.
#[component]
pub fn PlanSummary(plan: Plan) -> impl IntoView {
    let locale = use_locale();
    let lang = locale.lang.get_untracked();
    let mut deleted = vec![locale
        .t(if !plan.live {
            Text::ErasedHistoryOnly
        } else if plan.keeps_contact() {
            Text::EraseContactDetails
        } else {
            Text::EraseWholeContact
        })
        .to_string()];
    deleted.extend(phrases::erasure_counts(lang, &plan));
    let kept: Vec<String> = plan
        .holds
        .iter()
        .map(|h| {
            format!(
                "{} {}: {} — {}",
                phrases::document_kind(h.kind).get(lang),
                h.number,
                phrases::keep_until(lang, h.until),
                Text::EraseLegalReason.get(lang),
            )
        })
        .collect();
    view! {
        <ul data-testid="delete-plan">
            {deleted.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            {kept.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}

/// **Keep on the do-not-contact list**, on by default.
#[component]
pub fn KeepOnListChoice(keep: RwSignal<bool>, id: &'static str) -> impl IntoView {
    let locale = use_locale();
    let hint = format!("{id}-hint");
    view! {
        <div class="field choice-field">
            <label class="choice">
                <input
                    id=id
                    type="checkbox"
                    aria-describedby=hint.clone()
                    prop:checked=move || keep.get()
                    on:change=move |ev| keep.set(event_target_checked(&ev))
                />
                {move || locale.t(Text::KeepOnList)}
            </label>
            <p class="field-hint" id=hint>{move || locale.t(Text::KeepOnListHint)}</p>
        </div>
    }
}

/// Where other records' free text names the person, each linked to where it can be edited,
/// with the acknowledgement the erasure then needs.
#[component]
pub fn Mentions(plan: Plan, acknowledged: RwSignal<bool>) -> impl IntoView {
    let (locale, t) = use_texts();
    if plan.mentions.is_empty() {
        return ().into_any();
    }
    let items = plan
        .mentions
        .iter()
        .map(|m| {
            let (href, what) = match (m.kind, &m.owner) {
                ("deal", _) => (format!("/deals/{}/edit", m.id), Text::DealLabel),
                ("contact", _) => (format!("/contacts/{}/edit", m.id), Text::NavContacts),
                ("activity", Some(owner)) => {
                    (format!("/contacts/{owner}"), Text::ActivityKindLabel)
                }
                ("request", _) => ("/requests".to_string(), Text::RequestLabel),
                _ => ("/deals".to_string(), Text::DocumentNote),
            };
            let by = match m.by {
                MentionedBy::Name => Text::MentionByName,
                MentionedBy::Email => Text::MentionByEmail,
                MentionedBy::Phone => Text::MentionByPhone,
            };
            view! {
                <li>
                    <A href=href>{move || locale.t(what)}</A>
                    {move || format!(" — {}", locale.t(by))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="mentions-heading" data-testid="erase-mentions">
            <h2 id="mentions-heading">{t(Text::MentionsHeading)}</h2>
            <p>{t(Text::MentionsLead)}</p>
            <ul>{items}</ul>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || acknowledged.get()
                    on:change=move |ev| acknowledged.set(event_target_checked(&ev))
                />
                {t(Text::MentionsAcknowledged)}
            </label>
        </section>
    }
    .into_any()
}

/// The exports and backups made before today, which still hold the person.
#[component]
pub fn OldCopies() -> impl IntoView {
    let (locale, t) = use_texts();
    let when = move |at: Option<chrono::DateTime<chrono::Utc>>| match at {
        Some(at) => crate::i18n::format::date(locale.get(), at),
        None => locale.t(Text::NeverMade).to_string(),
    };
    view! {
        <section class="panel" aria-labelledby="old-copies-heading" data-testid="erase-old-copies">
            <h2 id="old-copies-heading">{t(Text::OldCopiesHeading)}</h2>
            <p>{t(Text::OldCopiesLead)}</p>
            <p>{move || format!("{} {}", locale.t(Text::LastExportWas), when(preferences::last_export()))}</p>
            <p>{move || format!("{} {}", locale.t(Text::LastBackupWas), when(preferences::last_backup()))}</p>
        </section>
    }
}
