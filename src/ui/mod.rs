//! The user interface: pages and components, one component per file, kept thin.
//! Must not touch IndexedDB or keys directly; it calls `app` and shows what it returns.

pub mod about_page;
pub mod activity_form;
pub mod audit_log_page;
pub mod auto_lock_setting;
pub mod change_passphrase_form;
pub mod confirm_delete;
pub mod contact_form_page;
pub mod contact_page;
pub mod contacts_page;
pub mod create_vault_page;
pub mod damaged_banner;
pub mod field_errors;
pub mod form_outcome;
pub mod history_list;
pub mod home_page;
pub mod language_setting;
pub mod locale;
pub mod merge_page;
pub mod not_found_page;
pub mod organisation_form_page;
pub mod organisation_page;
pub mod organisations_page;
pub mod profile_form;
pub mod settings_page;
pub mod shell;
pub mod take_over_callout;
pub mod text_field;
pub mod unlock_page;
pub mod update_banner;
pub mod vault_gate;
