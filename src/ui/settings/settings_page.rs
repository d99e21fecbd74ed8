//! Settings: the controller's own details, the passphrase, the security keys, sync, the automatic
//! lock and the language.

use crate::i18n::Text;
use crate::ui::common::locale::use_locale;
use crate::ui::settings::auto_lock_setting::AutoLockSetting;
use crate::ui::settings::change_passphrase_form::ChangePassphraseForm;
use crate::ui::settings::language_setting::LanguageSetting;
use crate::ui::settings::profile_form::ProfileForm;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">{move || locale.t(Text::SettingsHeading)}</h1>
            <ProfileForm/>
            <ChangePassphraseForm/>
            <crate::ui::settings::security_key_setting::SecurityKeySetting/>
            <crate::ui::settings::sync_setting::SyncSetting/>
            <AutoLockSetting/>
            <LanguageSetting/>
            <crate::ui::settings::pipeline_setting::PipelineSetting/>
            <crate::ui::settings::do_not_contact_setting::DoNotContactSetting/>
        </section>
    }
}
