//! Settings: the controller's own details, the passphrase, and the automatic lock.

use crate::ui::auto_lock_setting::AutoLockSetting;
use crate::ui::change_passphrase_form::ChangePassphraseForm;
use crate::ui::profile_form::ProfileForm;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">"Settings"</h1>
            <ProfileForm/>
            <ChangePassphraseForm/>
            <AutoLockSetting/>
        </section>
    }
}
