//! The privacy notice (Art. 13/14) Folio writes from the controller's details and the active
//! purposes: shown in Czech or English, printable, published as a version named by the SHA-256
//! of its text, with the versions published so far.

use crate::app::clock::local_day;
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::source::short_version;
use crate::i18n::{phrases, Lang, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::use_locale;
use crate::ui::common::status::use_status;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn NoticePage() -> impl IntoView {
    let session = expect_context::<Session>();
    let locale = use_locale();
    let status = use_status();
    let t = move |text: Text| move || locale.t(text);
    let failure = RwSignal::new(None::<AppError>);
    let working = RwSignal::new(false);
    let language = RwSignal::new(locale.lang.get_untracked());
    let text = Memo::new(move |_| {
        let lang = language.get();
        session.data.with(|d| {
            let mut purposes: Vec<_> = d.purposes.values().filter(|p| !p.data.retired).collect();
            purposes.sort_by_key(|p| p.created_at);
            let purposes: Vec<_> = purposes
                .iter()
                .map(|p| phrases::notice::NoticePurpose {
                    purpose: &p.data,
                    processors: d
                        .processors
                        .values()
                        .filter(|x| x.data.purpose_ids.contains(&p.id))
                        .map(|x| &x.data)
                        .collect(),
                })
                .collect();
            phrases::notice::privacy_notice(lang, d.profile().map(|p| &p.data), &purposes)
        })
    });
    let digest = Memo::new(move |_| crate::domain::notice::digest(&text.get()));
    let published = Memo::new(move |_| {
        let hash = digest.get();
        session.data.with(|d| {
            d.notices
                .values()
                .find(|n| n.data.sha256 == hash)
                .map(|n| n.data.published_on)
        })
    });
    let publish = move |_| {
        let body = text.get_untracked();
        let code = match language.get_untracked() {
            Lang::Cs => "cs",
            Lang::En => "en",
        };
        failure.set(None);
        working.set(true);
        spawn_local(async move {
            let day = local_day(chrono::Utc::now());
            match session
                .write(move |v, now| async move { v.publish_notice(code, &body, day, now).await })
                .await
            {
                Ok(_) => status.post(locale.t(Text::NoticePublishedStatus)),
                Err(e) => failure.set(Some(e)),
            }
            working.set(false);
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page printable" aria-labelledby="notice-heading">
            <p class="no-print"><A href="/purposes/record">{t(Text::ProcessingRecordHeading)}</A></p>
            <h1 id="notice-heading" class="no-print">{t(Text::PrivacyNoticeHeading)}</h1>
            <p class="lead no-print">{t(Text::PrivacyNoticeLead)}</p>
            <div class="field no-print">
                <label for="notice-language">{t(Text::NoticeLanguage)}</label>
                <select id="notice-language" on:change=move |ev| {
                    language.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::Cs })
                }>
                    <option value="cs" prop:selected=move || language.get() == Lang::Cs>"Čeština"</option>
                    <option value="en" prop:selected=move || language.get() == Lang::En>"English"</option>
                </select>
            </div>
            <p class="no-print" data-testid="notice-version">
                <strong>{t(Text::NoticeVersionHeading)}</strong>
                ": "
                <code>{move || short_version(&digest.get()).to_string()}</code>
                " — "
                {move || match published.get() {
                    Some(day) => format!("{} {}", locale.t(Text::NoticeIsPublished), phrases::day(locale.get(), day)),
                    None => locale.t(Text::NoticeNotPublished).to_string(),
                }}
            </p>
            <div class="actions no-print">
                <button type="button" class="button" on:click=publish disabled=move || working.get() || published.get().is_some()>
                    {t(Text::PublishNotice)}
                </button>
                <button type="button" class="button secondary" on:click=print>{t(Text::Print)}</button>
            </div>
            <ActionError failure/>
            <pre class="notice-text" lang=move || language.get().tag() data-testid="notice-text">{move || text.get()}</pre>
            <section class="no-print" aria-labelledby="notice-versions-heading">
                <h2 id="notice-versions-heading">{t(Text::NoticeVersionsHeading)}</h2>
                {move || {
                    let versions = session.data.with(|d| d.notice_versions());
                    if versions.is_empty() {
                        return view! { <p class="empty-state">{locale.t(Text::NoticeNoVersions)}</p> }.into_any();
                    }
                    view! {
                        <ul class="simple-list">
                            {versions
                                .into_iter()
                                .map(|v| view! { <li>{phrases::notice_version(locale.get(), &v)}</li> })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        </section>
    }
}
