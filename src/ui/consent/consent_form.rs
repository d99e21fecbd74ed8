//! Records a consent answer (given or refused) for one contact: the purpose, the notice shown
//! (and the SHA-256 of its text), language, method, source, channel, proof (a note, or the
//! SHA-256 of a file that stays with the user) and validity.

use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::consent::{fields, sha256_hex, ConsentDraft, Method};
use crate::domain::language::preferred_language;
use crate::domain::FieldErrors;
use crate::i18n::{phrases, Text};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::download::sha256_of_chosen_file;
use crate::ui::common::field_errors::error_of;
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The active purposes (id, name), by name: what a new consent can be given to.
pub fn active_purposes(session: Session) -> Vec<(String, String)> {
    session.data.with(|d| {
        let mut list: Vec<_> = d
            .purposes
            .iter()
            .filter(|(_, p)| !p.data.retired)
            .map(|(id, p)| (id.clone(), p.data.name.clone()))
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    })
}

#[component]
pub fn ConsentForm(
    contact_id: String,
    /// The form is behind a button: saving or Cancel closes it.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
) -> impl IntoView {
    let (session, locale, t) = use_ui();
    let contact = StoredValue::new(contact_id);
    let purposes = Memo::new(move |_| active_purposes(session));
    let purpose = RwSignal::new(String::new());
    let answer = RwSignal::new("given".to_string());
    let method = RwSignal::new(Method::WebForm.code().to_string());
    // The chosen purpose's own notice, which the consent takes unless the user types another.
    let purpose_notice = move |id: &str| session.data.with_untracked(|d| d.purpose_notice(id));
    let first = purposes.with_untracked(|p| p.first().map(|(id, _)| id.clone()));
    let taken = RwSignal::new(first.as_deref().map(purpose_notice).unwrap_or_default());
    let notice = RwSignal::new(taken.with_untracked(|n| n.label()));
    let notice_text = RwSignal::new(String::new());
    let from_purpose = move || notice.with(|n| !n.is_empty() && *n == taken.with(|t| t.label()));
    let choose_purpose = move |id: String| {
        let next = purpose_notice(&id);
        if notice.with_untracked(|n| n.is_empty() || *n == taken.with_untracked(|t| t.label())) {
            notice.set(next.label());
        }
        taken.set(next);
        purpose.set(id);
    };
    // The person's own language when their preferences name one, else the interface's.
    let language = RwSignal::new(
        session
            .data
            .with_untracked(|d| {
                d.contacts
                    .get(&contact.get_value())
                    .and_then(|c| preferred_language(&c.data.preferences))
            })
            .unwrap_or_else(|| locale.lang.get_untracked().tag().to_string()),
    );
    let source = RwSignal::new(String::new());
    let channel = RwSignal::new(session.data.with_untracked(|d| {
        d.contacts
            .get(&contact.get_value())
            .and_then(|c| {
                c.data
                    .emails
                    .first()
                    .map(|e| format!("e-mail: {}", e.value))
            })
            .unwrap_or_default()
    }));
    let proof = RwSignal::new(String::new());
    let validity = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let proof_file = NodeRef::<leptos::html::Input>::new();
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let error_for = move |field: &'static str| error_of(errors, locale, field);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        saved.set(false);
        let chosen = purpose.get_untracked();
        let chosen = if chosen.is_empty() {
            purposes.with_untracked(|p| p.first().map(|(id, _)| id.clone()).unwrap_or_default())
        } else {
            chosen
        };
        let text = notice_text.get_untracked();
        let mut draft = ConsentDraft {
            contact_id: contact.get_value(),
            purpose_id: chosen,
            notice: notice.get_untracked(),
            notice_sha256: if !text.trim().is_empty() {
                Some(sha256_hex(text.as_bytes()))
            } else if notice.with_untracked(|n| *n == taken.with_untracked(|t| t.label())) {
                taken.with_untracked(|t| t.text_sha256.clone())
            } else {
                None
            },
            language: language.get_untracked(),
            method: method.get_untracked(),
            source: source.get_untracked(),
            channel: channel.get_untracked(),
            proof: proof.get_untracked(),
            proof_sha256: None,
            validity_months: validity.get_untracked(),
            answer: answer.get_untracked(),
            how: how.get_untracked(),
        };
        let input = proof_file
            .get_untracked()
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
        spawn_local(async move {
            if let Some(input) = &input {
                draft.proof_sha256 = sha256_of_chosen_file(input).await;
            }
            match session
                .write(move |v, now| async move { v.create_consent(&draft, now).await })
                .await
            {
                Ok(_) => {
                    errors.set(FieldErrors::new());
                    notice_text.set(String::new());
                    how.set(String::new());
                    saved.set(true);
                    if let Some(open) = open {
                        open.set(false);
                    }
                }
                Err(AppError::Invalid(list)) => errors.set(list),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <div class="consent-form">
            <Show when=move || purposes.with(|p| !p.is_empty()) fallback=move || view! { <p class="hint">{t(Text::NoActivePurposes)}</p> }>
                <form class="form wide" novalidate=true on:submit=save>
                    <div class="field-row">
                        <div class="field">
                            <label for="consent-purpose">{t(Text::PurposeLabel)}</label>
                            <select id="consent-purpose" on:change=move |ev| choose_purpose(event_target_value(&ev))>
                                {move || purposes.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="consent-answer">{t(Text::AnswerLabel)}</label>
                            <select id="consent-answer" on:change=move |ev| answer.set(event_target_value(&ev))>
                                <option value="given">{t(Text::AnswerGiven)}</option>
                                <option value="refused">{t(Text::AnswerRefused)}</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="consent-method">{t(Text::MethodLabel)}</label>
                            <select id="consent-method" on:change=move |ev| method.set(event_target_value(&ev))>
                                {Method::ALL.into_iter().map(|m| view! { <option value=m.code()>{move || phrases::method(m).get(locale.get())}</option> }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <TextField label=Text::NoticeLabel id="consent-notice" value=notice error=error_for(fields::NOTICE) required=true/>
                    <Show when=from_purpose>
                        <p class="hint">{t(Text::NoticeFromPurpose)}</p>
                    </Show>
                    <TextField label=Text::NoticeTextLabel id="consent-notice-text" value=notice_text multiline=true/>
                    <div class="field-row">
                        <TextField label=Text::RequestLanguage id="consent-language" value=language error=error_for(fields::LANGUAGE)/>
                        <TextField label=Text::ValidityLabel id="consent-validity" value=validity error=error_for(fields::VALIDITY) hint=Text::ValidityHint input_type="number"/>
                    </div>
                    <TextField label=Text::ChannelLabel id="consent-channel" value=channel error=error_for(fields::CHANNEL)/>
                    <TextField label=Text::SourceLabel id="consent-source" value=source error=error_for(fields::SOURCE)/>
                    <TextField label=Text::HowLabel id="consent-how" value=how error=error_for(fields::EVENT)/>
                    <TextField label=Text::ProofLabel id="consent-proof" value=proof error=error_for(fields::PROOF) multiline=true/>
                    <div class="field">
                        <label for="consent-proof-file">{t(Text::ProofFileLabel)}</label>
                        <input id="consent-proof-file" type="file" node_ref=proof_file/>
                    </div>
                    <ActionError failure/>
                    <div class="actions">
                        <button type="submit" class="button">{t(Text::RecordConsent)}</button>
                        {open.map(|open| view! {
                            <button type="button" class="button secondary" on:click=move |_| open.set(false)>{t(Text::Cancel)}</button>
                        })}
                        <Show when=move || saved.get()>
                            <span class="hint" role="status">{t(Text::Saved)}</span>
                        </Show>
                    </div>
                </form>
            </Show>
        </div>
    }
}
