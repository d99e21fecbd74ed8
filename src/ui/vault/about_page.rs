//! "About this vault": what the browser says about this origin's storage, read from the real
//! APIs, and the vault's encryption, audit trail, whether everything stored is accounted for
//! (and why not, with the choice to accept it as found), and last unlock time.

use crate::i18n::errors::chain_error;
use crate::i18n::{format, phrases, Text};
use crate::store::durability::{self, DurabilityError, StorageEstimate};
use crate::ui::common::action_error::ActionError;
use crate::ui::common::locale::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A value the page is waiting for from the browser.
#[derive(Clone, PartialEq)]
enum Answer<T> {
    Waiting,
    Known(T),
    Failed(String),
}

impl<T> From<Result<T, DurabilityError>> for Answer<T> {
    fn from(result: Result<T, DurabilityError>) -> Self {
        match result {
            Ok(value) => Answer::Known(value),
            Err(e) => Answer::Failed(e.to_string()),
        }
    }
}

#[component]
pub fn AboutPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let persisted = RwSignal::new(Answer::<bool>::Waiting);
    let estimate = RwSignal::new(Answer::<StorageEstimate>::Waiting);
    let asking = RwSignal::new(false);

    spawn_local(async move {
        persisted.set(durability::is_persisted().await.into());
        estimate.set(durability::estimate().await.into());
    });

    let ask = move |_| {
        asking.set(true);
        spawn_local(async move {
            persisted.set(durability::request_persistence().await.into());
            asking.set(false);
        });
    };

    let persisted_text = move || match persisted.get() {
        Answer::Waiting => locale.t(Text::AskingBrowser).to_string(),
        Answer::Known(true) => locale.t(Text::PersistedYes).to_string(),
        Answer::Known(false) => locale.t(Text::PersistedNo).to_string(),
        Answer::Failed(reason) => phrases::unknown(locale.get(), &reason),
    };
    let usage_text = move || {
        let lang = locale.get();
        match estimate.get() {
            Answer::Waiting => locale.t(Text::AskingBrowser).to_string(),
            Answer::Known(e) => phrases::storage_usage(
                lang,
                &format::bytes(lang, e.usage_bytes),
                &format::bytes(lang, e.quota_bytes),
                &format::percent(lang, e.usage_bytes, e.quota_bytes),
            ),
            Answer::Failed(reason) => phrases::unknown(lang, &reason),
        }
    };
    let kdf_text = move || {
        let lang = locale.get();
        session.data.with(|d| {
            d.kdf
                .as_ref()
                .map(|k| {
                    phrases::encryption(lang, k.memory_kib / 1024, k.iterations, k.parallelism)
                })
                .unwrap_or_default()
        })
    };
    let factors_text = move || {
        let lang = locale.get();
        session.data.with(|d| {
            let names: Vec<String> = d.protection.keys.iter().map(|k| k.name.clone()).collect();
            crate::i18n::phrases::security_key::factors(lang, &names, d.protection.recovery_code)
        })
    };
    let audit_text = move || {
        let lang = locale.get();
        session.data.with(|d| {
            if !d.complete {
                return locale.t(Text::ChainChecking).to_string();
            }
            let problem = d.chain.as_ref().map(|c| chain_error(lang, c));
            phrases::audit_status(lang, d.audit.len(), problem.as_deref())
        })
    };
    let findings = move || session.data.with(|d| d.findings.clone());
    let integrity_text = move || {
        let lang = locale.get();
        session.data.with(|d| {
            if !d.complete {
                return locale.t(Text::ChainChecking).to_string();
            }
            if d.findings.is_empty() && d.damaged.is_empty() && d.chain.is_none() {
                return locale.t(Text::IntegrityOk).to_string();
            }
            let mut why: Vec<String> = d
                .findings
                .iter()
                .map(|f| phrases::finding(lang, f))
                .collect();
            if !d.damaged.is_empty() {
                why.push(locale.t(Text::DamagedStrong).to_string());
            }
            if let Some(c) = &d.chain {
                why.push(chain_error(lang, c));
            }
            format!("{}{}", locale.t(Text::IntegrityNot), why.join(" "))
        })
    };
    let accepting = RwSignal::new(false);
    let accepted = RwSignal::new(false);
    let failure = RwSignal::new(None::<crate::app::AppError>);
    let accept = move || {
        spawn_local(async move {
            match session
                .write(|v, now| async move { v.accept_as_found(now).await })
                .await
            {
                Ok(()) => {
                    accepting.set(false);
                    accepted.set(true);
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let unlock_text = move || {
        session
            .last_unlock
            .get()
            .map(|u| phrases::unlock_timing(locale.get(), u.total_ms, u.key_derivation_ms))
            .unwrap_or_else(|| locale.t(Text::NotMeasured).to_string())
    };

    view! {
        <section class="page" aria-labelledby="about-heading">
            <h1 id="about-heading">{t(Text::AboutHeading)}</h1>
            <p class="lead">{t(Text::AboutLead)}</p>
            <dl class="facts">
                <div class="fact">
                    <dt>{t(Text::PersistentStorage)}</dt>
                    <dd data-testid="persisted">{persisted_text}</dd>
                </div>
                <div class="fact">
                    <dt>{t(Text::StorageUsed)}</dt>
                    <dd data-testid="usage">{usage_text}</dd>
                </div>
                <div class="fact">
                    <dt>{t(Text::Encryption)}</dt>
                    <dd data-testid="encryption">{kdf_text}</dd>
                </div>
                <div class="fact">
                    <dt>{t(Text::AboutFactorsHeading)}</dt>
                    <dd data-testid="factors">{factors_text}</dd>
                </div>
                <div class="fact">
                    <dt>{t(Text::AuditTrail)}</dt>
                    <dd data-testid="audit">{audit_text}</dd>
                </div>
                <div class="fact">
                    <dt>{t(Text::Integrity)}</dt>
                    <dd data-testid="integrity">{integrity_text}</dd>
                </div>
                <div class="fact">
                    <dt>{t(Text::LastUnlock)}</dt>
                    <dd data-testid="unlock-time">{unlock_text}</dd>
                </div>
            </dl>
            <Show when=move || !findings().is_empty()>
                <p class="hint">{t(Text::AcceptAsFoundHint)}</p>
                <p>
                    <button type="button" class="button secondary" on:click=move |_| accepting.set(true)>
                        {t(Text::AcceptAsFound)}
                    </button>
                </p>
                <Show when=move || accepting.get()>
                    <div class="callout danger" role="alertdialog" aria-labelledby="accept-question">
                        <p id="accept-question">{t(Text::AcceptAsFoundHint)}</p>
                        <div class="actions">
                            <button type="button" class="button danger" on:click=move |_| accept()>
                                {t(Text::AcceptAsFoundConfirm)}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| accepting.set(false)>
                                {t(Text::Cancel)}
                            </button>
                        </div>
                    </div>
                </Show>
            </Show>
            <Show when=move || accepted.get()>
                <p role="status">{t(Text::AcceptedAsFound)}</p>
            </Show>
            <ActionError failure/>
            <Show when=move || matches!(persisted.get(), Answer::Known(false))>
                <p>
                    <button type="button" class="button" on:click=ask disabled=move || asking.get()>
                        {t(Text::AskPersistence)}
                    </button>
                </p>
                <p class="hint">{t(Text::PersistenceHint)}</p>
            </Show>
        </section>
    }
}
