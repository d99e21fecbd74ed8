//! The user interface: pages and components, one component per file, kept thin.
//! Must not touch IndexedDB or keys directly; it calls `store`/`app` and shows what they return.

pub mod about_page;
pub mod format;
pub mod home_page;
pub mod not_found_page;
pub mod shell;
