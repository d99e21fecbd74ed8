//! A contact's activities, newest first, with "Log an activity" opening the form (also to
//! edit one). Must not import another feature folder.

use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::activity::Activity;
use crate::i18n::phrases::history::activity_kind;
use crate::i18n::{format, Lang, Text};
use crate::ui::common::form_opener::FormOpener;
use crate::ui::common::item_actions::EditDeleteLinks;
use crate::ui::common::locale::use_locale;
use crate::ui::common::status::use_status;
use crate::ui::contacts::activity_form::ActivityForm;
use leptos::prelude::*;

#[component]
pub fn ContactTimeline(
    contact_id: String,
    /// Nothing new is recorded about a person whose processing is restricted.
    restricted: Signal<bool>,
    failure: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let status = use_status();
    let id = StoredValue::new(contact_id);
    let activities = Memo::new(move |_| session.data.with(|d| d.activities_of(&id.get_value())));
    let editing = RwSignal::new(None::<(String, Activity)>);
    let logging = RwSignal::new(false);
    // Closed in any way (saved, Cancel, Escape): the next opening adds a new activity.
    Effect::new(move |_| {
        if !logging.get() && editing.get_untracked().is_some() {
            editing.set(None);
        }
    });
    view! {
        <section class="panel" aria-labelledby="timeline-heading">
            <div class="panel-head">
                <h2 id="timeline-heading">{move || locale.t(Text::Timeline)}</h2>
            </div>
            <Show when=move || !restricted.get()>
                <FormOpener label=Text::LogActivity id="open-activity-form" open=logging primary=true>
                    <ActivityForm contact_id=id.get_value() editing=editing open=logging/>
                </FormOpener>
            </Show>
            {move || {
                let lang = locale.get();
                let list = activities.get();
                if list.is_empty() && session.loading() {
                    return view! { <p class="hint" role="status">{locale.t(Text::LoadingRest)}</p> }.into_any();
                }
                if list.is_empty() {
                    return view! { <p class="empty-state">{locale.t(Text::NoActivities)}</p> }.into_any();
                }
                view! {
                    <ol class="timeline">
                        {list
                            .into_iter()
                            .map(|(aid, a)| {
                                let for_edit = (aid.clone(), a.clone());
                                let delete_id = aid.clone();
                                view! {
                                    <li class="timeline-item">
                                        <p class="history-head">{activity_head(lang, &a)}</p>
                                        {activity_body(&a)}
                                        <EditDeleteLinks
                                            on_edit=move || {
                                                editing.set(Some(for_edit.clone()));
                                                logging.set(true);
                                            }
                                            on_delete=move || {
                                                let id = delete_id.clone();
                                                status.delete_undoable(
                                                    session,
                                                    untrack(|| locale.get()),
                                                    (Text::ActivityDeleted, Text::ActivityRestored),
                                                    move |v, now| async move { v.delete_activity(&id, now).await },
                                                    |v, removed, now| async move { v.restore_activity(removed, now).await },
                                                    failure,
                                                    || {},
                                                );
                                            }
                                        />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

/// An activity's kind, time and subject: how its line in a timeline starts.
pub fn activity_head(lang: Lang, a: &Activity) -> impl IntoView {
    view! {
        <span class="tag">{activity_kind(a.kind).get(lang)}</span>
        " "
        <time datetime=a.at.to_rfc3339()>{format::date_time(lang, a.at)}</time>
        " "
        <strong>{a.subject.clone()}</strong>
    }
}

/// An activity's notes, under its line, when it has any.
pub fn activity_body(a: &Activity) -> impl IntoView {
    (!a.body.is_empty()).then(|| view! { <p class="activity-body">{a.body.clone()}</p> })
}
