//! The user interface: pages and components, one component per file, kept thin.
//! Must not touch IndexedDB or keys directly; it calls `app` and shows what it returns.

pub mod about_page;
pub mod access_page;
pub mod activity_form;
pub mod agenda_page;
pub mod audit_log_page;
pub mod auto_lock_setting;
pub mod change_passphrase_form;
pub mod confirm_delete;
pub mod consent_form;
pub mod consent_overview_page;
pub mod consent_panel;
pub mod consent_receipt_page;
pub mod contact_form_page;
pub mod contact_page;
pub mod contacts_import;
pub mod contacts_page;
pub mod create_vault_page;
pub mod damaged_banner;
pub mod data_page;
pub mod deal_form_page;
pub mod deal_page;
pub mod deal_view;
pub mod deals_page;
pub mod deals_panel;
pub mod documents_panel;
pub mod download;
pub mod erase_page;
pub mod field_errors;
pub mod follow_ups_panel;
pub mod form_outcome;
pub mod history_list;
pub mod home_page;
pub mod language_setting;
pub mod limits_panel;
pub mod locale;
pub mod may_contact_page;
pub mod merge_page;
pub mod not_found_page;
pub mod organisation_form_page;
pub mod organisation_page;
pub mod organisations_page;
pub mod pipeline_chart;
pub mod pipeline_setting;
pub mod processing_record_page;
pub mod profile_form;
pub mod purpose_form_page;
pub mod purposes_page;
pub mod requests_page;
pub mod settings_page;
pub mod shell;
pub mod take_over_callout;
pub mod text_field;
pub mod unlock_page;
pub mod update_banner;
pub mod vault_gate;

/// The `:id` of the current route (empty when there is none).
pub fn route_id() -> String {
    use leptos::prelude::WithUntracked;
    leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default()
}

/// Whether the user typed the confirmation word `word` (in the interface's language, in any
/// case) before something that destroys data.
pub fn typed_word_is(typed: &str, word: crate::i18n::Text, lang: crate::i18n::Lang) -> bool {
    typed.trim().to_uppercase() == word.get(lang)
}
