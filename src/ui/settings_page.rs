//! Settings: the controller's own details, the passphrase, the automatic lock and the language.

use crate::i18n::Text;
use crate::ui::auto_lock_setting::AutoLockSetting;
use crate::ui::change_passphrase_form::ChangePassphraseForm;
use crate::ui::language_setting::LanguageSetting;
use crate::ui::locale::use_locale;
use crate::ui::profile_form::ProfileForm;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">{move || locale.t(Text::SettingsHeading)}</h1>
            <ProfileForm/>
            <ChangePassphraseForm/>
            <AutoLockSetting/>
            <LanguageSetting/>
            <crate::ui::pipeline_setting::PipelineSetting/>
        </section>
    }
}
