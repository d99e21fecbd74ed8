//! The controller's details (the consultant keeping the vault), saved sealed and audited.

use crate::app::describe;
use crate::app::session::Session;
use crate::app::AppError;
use crate::domain::profile::{ProfileDraft, ProfileField};
use crate::ui::text_field::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ProfileForm() -> impl IntoView {
    let session = expect_context::<Session>();
    let current = session
        .data
        .with_untracked(|d| {
            d.profile
                .as_ref()
                .map(|p| ProfileDraft::from_profile(&p.data))
        })
        .unwrap_or_default();
    let name = RwSignal::new(current.name);
    let email = RwSignal::new(current.email);
    let phone = RwSignal::new(current.phone);
    let address = RwSignal::new(current.address);
    let ico = RwSignal::new(current.ico);
    let vat_id = RwSignal::new(current.vat_id);
    let errors = RwSignal::new(Vec::<(ProfileField, String)>::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let working = RwSignal::new(false);
    let error_for = move |field: ProfileField| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ProfileDraft {
            name: name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            address: address.get_untracked(),
            ico: ico.get_untracked(),
            vat_id: vat_id.get_untracked(),
        };
        outcome.set(None);
        working.set(true);
        spawn_local(async move {
            match session.save_profile(draft).await {
                Ok(()) => {
                    errors.set(vec![]);
                    outcome.set(Some(Ok("Your details were saved.".into())));
                }
                Err(AppError::Invalid(list)) => {
                    outcome.set(Some(Err(describe(&AppError::Invalid(list.clone())))));
                    errors.set(list);
                }
                Err(e) => outcome.set(Some(Err(describe(&e)))),
            }
            working.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">"Your details (controller)"</h2>
            <p class="hint">
                "As the controller of your clients' personal data, you are named in the record of processing and in every access export."
            </p>
            <form class="form" on:submit=save>
                <TextField label="Name" id="profile-name" value=name error=error_for(ProfileField::Name) autocomplete="name" required=true/>
                <TextField label="E-mail" id="profile-email" value=email error=error_for(ProfileField::Email) input_type="email" autocomplete="email"/>
                <TextField label="Phone" id="profile-phone" value=phone error=error_for(ProfileField::Phone) input_type="tel" autocomplete="tel"/>
                <TextField label="Address" id="profile-address" value=address error=error_for(ProfileField::Address) autocomplete="street-address"/>
                <div class="field-row">
                    <TextField label="IČO" id="profile-ico" value=ico error=error_for(ProfileField::Ico)/>
                    <TextField label="DIČ / VAT number" id="profile-vat" value=vat_id error=error_for(ProfileField::VatId)/>
                </div>
                {move || {
                    outcome
                        .get()
                        .map(|o| match o {
                            Ok(m) => view! { <p class="form-success" role="status">{m}</p> }.into_any(),
                            Err(m) => view! { <p class="form-error" role="alert">{m}</p> }.into_any(),
                        })
                }}
                <button type="submit" class="button" disabled=move || working.get()>
                    "Save details"
                </button>
            </form>
        </section>
    }
}
