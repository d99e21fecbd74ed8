//! The vault itself: create (or restore onto a new device), unlock, take over from another tab, damaged-data notices, the audit log and the About page.

pub mod about_page;
pub mod audit_log_page;
pub mod create_vault_page;
pub mod damaged_banner;
pub mod join_vault_form;
pub mod restore_on_create;
pub mod take_over_callout;
pub mod unlock_page;
pub mod vault_gate;

use leptos::prelude::*;

routes!(VaultRoutes {
    "/audit" => audit_log_page::AuditLogPage,
    "/about" => about_page::AboutPage,
});
