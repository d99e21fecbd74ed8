//! Pieces every feature uses: the shell and its navigation, Home, the confirmation, status and error components, an item's Edit and Delete links, text fields and the passphrase strength meter, history lists, downloads and the locale. Must not import a feature folder.

pub mod action_error;
pub mod choice_fields;
pub mod confirm_delete;
pub mod download;
pub mod field_errors;
pub mod form_opener;
pub mod form_outcome;
pub mod form_state;
pub mod history_list;
pub mod home_page;
pub mod item_actions;
pub mod locale;
pub mod not_found_page;
pub mod record_page;
pub mod retention_rule_fields;
pub mod shell;
pub mod status;
pub mod strength_meter;
pub mod text_field;
pub mod update_banner;

use leptos::prelude::*;

routes!(CommonRoutes {
    "/" => home_page::HomePage,
});
