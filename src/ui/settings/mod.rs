//! Settings: the controller's details, the pipeline's stages, language, automatic lock, the
//! passphrase and the do-not-contact list.

pub mod auto_lock_setting;
pub mod change_passphrase_form;
pub mod do_not_contact_setting;
pub mod language_setting;
pub mod pipeline_setting;
pub mod profile_form;
pub mod security_key_setting;
pub mod settings_page;
pub mod sync_setting;

use leptos::prelude::*;

routes!(SettingsRoutes {
    "/settings" => settings_page::SettingsPage,
});
