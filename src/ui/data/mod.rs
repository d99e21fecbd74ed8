//! The vault's data as files: export and import, encrypted backups, and contacts from other programs.

pub mod contacts_import;
pub mod data_page;

use leptos::prelude::*;

routes!(DataRoutes {
    "/data" => data_page::DataPage,
});
