//! Create or edit a contact. Field errors appear next to their fields; nothing is saved until the
//! form is valid. Escape cancels.

use crate::domain::consent::{fields as consent_fields, ConsentDraft, Method};
use crate::domain::contact::{fields, find_duplicates, ContactDraft};
use crate::domain::language::preferred_language_in;
use crate::domain::purpose::LawfulBasis;
use crate::i18n::{phrases, Text};
use crate::ui::common::choice_fields::IdSelect;
use crate::ui::common::form_state::{
    escape_cancels, record_from_route, FormActions, FormPage, FormState,
};
use crate::ui::common::locale::use_ui;
use crate::ui::common::text_field::TextField;
use crate::ui::contacts::source_fields::{SourceFields, SourceSignals};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ContactFormPage() -> impl IntoView {
    let (session, locale, t) = use_ui();
    let (route, existing) = record_from_route(session, |d, id| {
        d.contacts
            .get(id)
            .map(|c| ContactDraft::from_contact(&c.data))
    });
    let draft = existing.clone().unwrap_or_default();
    let given = RwSignal::new(draft.given_name);
    let family = RwSignal::new(draft.family_name);
    let emails = RwSignal::new(draft.emails);
    let phones = RwSignal::new(draft.phones);
    let organisation = RwSignal::new(draft.organisation_id.clone().unwrap_or_default());
    let organisations = Memo::new(move |_| {
        let mut list: Vec<(String, String)> = session.data.with(|d| {
            d.organisations
                .values()
                .map(|o| (o.id.clone(), o.data.name.clone()))
                .collect()
        });
        list.sort_by_key(|(_, n)| crate::domain::search::fold(n));
        list
    });
    let role = RwSignal::new(draft.role);
    let ico = RwSignal::new(draft.ico);
    let vat_id = RwSignal::new(draft.vat_id);
    let addresses = RwSignal::new(draft.addresses);
    let birthday = RwSignal::new(draft.birthday);
    let tags = RwSignal::new(draft.tags);
    let preferences = RwSignal::new(draft.preferences);
    let notes = RwSignal::new(draft.notes);
    let source = SourceSignals {
        kind: RwSignal::new(draft.source_kind),
        detail: RwSignal::new(draft.source_detail),
        informed_on: RwSignal::new(draft.informed_on),
        notice: RwSignal::new(draft.informed_notice),
    };
    let id = route.id.get_value();
    let id_for_duplicates = id.clone();
    // Warns (never blocks) when an e-mail or phone typed is on the do-not-contact list.
    let listed = Memo::new(move |_| {
        let probe = ContactDraft {
            emails: emails.get(),
            phones: phones.get(),
            ..ContactDraft::default()
        };
        let (emails, phones) = crate::domain::contact::typed_addresses(&probe);
        session.data.with(|d| {
            d.do_not_contact_list().reason_for_any(
                emails.iter().map(String::as_str),
                phones.iter().map(String::as_str),
            )
        })
    });
    // Warns (never blocks) when the e-mail, phone or IČO typed is already someone's.
    let duplicates = Memo::new(move |_| {
        let probe = ContactDraft {
            emails: emails.get(),
            phones: phones.get(),
            ico: ico.get(),
            ..ContactDraft::default()
        };
        session.data.with(|d| {
            find_duplicates(
                &probe,
                d.contacts.values().map(|c| (c.id.as_str(), &c.data)),
                id_for_duplicates.as_deref(),
            )
            .into_iter()
            .map(|(cid, why)| {
                let name = d
                    .contacts
                    .get(&cid)
                    .map(|c| c.data.display_name())
                    .unwrap_or_default();
                (cid, why, name)
            })
            .collect::<Vec<_>>()
        })
    });
    // The "new inquiry" flow: consents to record with the new contact, in the same step.
    let consent_purposes = Memo::new(move |_| {
        session.data.with(|d| {
            let mut list: Vec<(String, String)> = d
                .purposes
                .iter()
                .filter(|(_, p)| !p.data.retired && p.data.basis == LawfulBasis::Consent)
                .map(|(id, p)| (id.clone(), p.data.name.clone()))
                .collect();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        })
    });
    let consented = RwSignal::new(Vec::<String>::new());
    let purpose_notice = move |id: &str| session.data.with_untracked(|d| d.purpose_notice(id));
    let consent_method = RwSignal::new(Method::Email.code().to_string());
    let consent_notice = RwSignal::new(String::new());
    let consent_how = RwSignal::new(String::new());
    let form = FormState::new();
    let errors = form.errors;
    let error_for = move |field: &'static str| form.error_for(field);
    let back = {
        let id = id.clone();
        move || match &id {
            Some(id) => format!("/contacts/{id}"),
            None => "/contacts".to_string(),
        }
    };
    let navigate = use_navigate();
    let cancel = {
        let navigate = navigate.clone();
        let back = back.clone();
        move || navigate(&back(), Default::default())
    };
    escape_cancels(cancel.clone());

    let save = {
        let id = id.clone();
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = ContactDraft {
                given_name: given.get_untracked(),
                family_name: family.get_untracked(),
                emails: emails.get_untracked(),
                phones: phones.get_untracked(),
                organisation_id: Some(organisation.get_untracked()).filter(|o| !o.is_empty()),
                role: role.get_untracked(),
                ico: ico.get_untracked(),
                vat_id: vat_id.get_untracked(),
                addresses: addresses.get_untracked(),
                birthday: birthday.get_untracked(),
                tags: tags.get_untracked(),
                preferences: preferences.get_untracked(),
                notes: notes.get_untracked(),
                source_kind: source.kind.get_untracked(),
                source_detail: source.detail.get_untracked(),
                informed_on: source.informed_on.get_untracked(),
                informed_notice: source.notice.get_untracked(),
            };
            let id = id.clone();
            let navigate = navigate.clone();
            let chosen = consented.get_untracked();
            let typed = consent_notice.get_untracked();
            // The person's language when their preferences name one, else the interface's.
            let language = preferred_language_in(&draft.preferences)
                .unwrap_or_else(|| locale.lang.get_untracked().tag().to_string());
            let consents: Vec<ConsentDraft> = chosen
                .into_iter()
                .map(|purpose_id| {
                    // Each purpose's own notice where none was typed (or its own was kept).
                    let own = purpose_notice(&purpose_id);
                    let takes_own = typed.trim().is_empty() || typed == own.label();
                    (purpose_id, own, takes_own)
                })
                .map(|(purpose_id, own, takes_own)| ConsentDraft {
                    purpose_id,
                    notice: if takes_own {
                        own.label()
                    } else {
                        typed.clone()
                    },
                    notice_sha256: if takes_own { own.text_sha256 } else { None },
                    language: language.clone(),
                    method: consent_method.get_untracked(),
                    channel: draft
                        .emails
                        .lines()
                        .next()
                        .map(|e| format!("e-mail: {}", e.trim()))
                        .unwrap_or_default(),
                    answer: "given".into(),
                    how: consent_how.get_untracked(),
                    ..ConsentDraft::default()
                })
                .collect();
            let lang = locale.lang.get_untracked();
            form.submit(
                session,
                move |v, now| async move {
                    if id.is_none() && !consents.is_empty() {
                        v.create_contact_with_consents(&draft, &consents, now).await
                    } else {
                        let wording = crate::i18n::phrases::notify_wording(
                            lang,
                            crate::app::clock::local_day(now),
                        );
                        v.save_contact_notifying(id.as_deref(), &draft, &wording, now)
                            .await
                    }
                },
                move |saved| {
                    errors.set(vec![]);
                    navigate(&format!("/contacts/{saved}"), Default::default());
                },
            );
        }
    };

    view! {
        <FormPage route heading_id="contact-form-heading" new=Text::NewContact edit=Text::EditContact not_found=Text::ContactNotFound>
                <form class="form wide" novalidate=true on:submit=save.clone()>
                    <div class="field-row">
                        <TextField label=Text::GivenName id="given-name" value=given error=error_for(fields::GIVEN_NAME) autocomplete="off"/>
                        <TextField label=Text::FamilyName id="family-name" value=family error=error_for(fields::FAMILY_NAME) autocomplete="off"/>
                    </div>
                    <TextField label=Text::Email id="emails" value=emails error=error_for(fields::EMAIL) hint=Text::EmailsHint multiline=true/>
                    <TextField label=Text::Phone id="phones" value=phones error=error_for(fields::PHONE) hint=Text::PhonesHint multiline=true/>
                    <div class="field-row">
                        <IdSelect id="organisation" label=Text::Organisation none=Text::NoOrganisation value=organisation choices=organisations/>
                        <TextField label=Text::Role id="role" value=role error=error_for(fields::ROLE)/>
                    </div>
                    <div class="field-row">
                        <TextField label=Text::Ico id="contact-ico" value=ico error=error_for(fields::ICO)/>
                        <TextField label=Text::VatId id="contact-vat" value=vat_id error=error_for(fields::VAT_ID)/>
                    </div>
                    <TextField label=Text::Addresses id="contact-address" value=addresses error=error_for(fields::ADDRESS) hint=Text::AddressesHint multiline=true/>
                    <TextField label=Text::Birthday id="contact-birthday" value=birthday error=error_for(fields::BIRTHDAY) hint=Text::BirthdayHint/>
                    <TextField label=Text::Tags id="tags" value=tags error=error_for(fields::TAGS) hint=Text::TagsHint/>
                    <TextField label=Text::Preferences id="preferences" value=preferences error=error_for(fields::PREFERENCES) hint=Text::PreferencesHint multiline=true/>
                    <TextField label=Text::Notes id="notes" value=notes error=error_for(fields::NOTES) multiline=true/>
                    <SourceFields values=source errors/>
                    <Show when=move || !route.editing && consent_purposes.with(|p| !p.is_empty())>
                        <fieldset class="consent-capture">
                            <legend>{t(Text::ConsentInForm)}</legend>
                            <p class="field-hint">{t(Text::ConsentInFormHint)}</p>
                            {move || {
                                consent_purposes
                                    .get()
                                    .into_iter()
                                    .map(|(pid, name)| {
                                        let input_id = format!("consent-{pid}");
                                        let (check, toggle) = (pid.clone(), pid.clone());
                                        view! {
                                            <div class="field checkbox">
                                                <input
                                                    id=input_id.clone()
                                                    type="checkbox"
                                                    prop:checked=move || consented.with(|c| c.contains(&check))
                                                    on:change=move |_| {
                                                        let pid = toggle.clone();
                                                        // Offer the purpose's own notice when none is typed yet.
                                                        if consent_notice.with_untracked(String::is_empty) {
                                                            consent_notice.set(purpose_notice(&pid).label());
                                                        }
                                                        consented.update(|c| {
                                                            if let Some(i) = c.iter().position(|x| *x == pid) {
                                                                c.remove(i);
                                                            } else {
                                                                c.push(pid);
                                                            }
                                                        });
                                                    }
                                                />
                                                <label for=input_id>{name}</label>
                                            </div>
                                        }
                                    })
                                    .collect_view()
                            }}
                            <Show when=move || consented.with(|c| !c.is_empty())>
                                <div class="field-row">
                                    <div class="field">
                                        <label for="consent-method">{t(Text::MethodLabel)}</label>
                                        <select id="consent-method" on:change=move |ev| consent_method.set(event_target_value(&ev))>
                                            {Method::ALL
                                                .into_iter()
                                                .map(|m| view! { <option value=m.code() prop:selected=move || consent_method.get() == m.code()>{move || phrases::method(m).get(locale.get())}</option> })
                                                .collect_view()}
                                        </select>
                                    </div>
                                    <TextField label=Text::NoticeLabel id="consent-notice" value=consent_notice error=error_for(consent_fields::NOTICE) required=true/>
                                </div>
                                <TextField label=Text::HowLabel id="consent-how" value=consent_how error=error_for(consent_fields::EVENT)/>
                            </Show>
                        </fieldset>
                    </Show>
                    {move || listed.get().map(|reason| view! {
                        <p class="callout warning" role="status" data-testid="do-not-contact-warning">
                            {crate::i18n::phrases::exclusion(
                                locale.get(),
                                &crate::domain::consent::Exclusion::DoNotContact(reason),
                            )}
                            ". "
                            {t(Text::DoNotContactFormHint)}
                        </p>
                    })}
                    <Show when=move || duplicates.with(|d| !d.is_empty())>
                        <div class="callout warning" role="status" data-testid="duplicates">
                            <ul>
                                {move || {
                                    duplicates
                                        .get()
                                        .into_iter()
                                        .map(|(cid, why, name)| view! {
                                            <li>
                                                {phrases::duplicate(locale.get(), &why)} " "
                                                <A href=format!("/contacts/{cid}")>{name}</A>
                                            </li>
                                        })
                                        .collect_view()
                                }}
                            </ul>
                        </div>
                    </Show>
                    <FormActions form on_cancel=cancel.clone()/>
                </form>
        </FormPage>
    }
}
