//! The data subject's rights: the access report (Art. 15), erasure (Art. 17) and the requests register.

pub mod access_page;
pub mod erase_page;
pub mod erasure_parts;
pub mod requests_page;

use leptos::prelude::*;

routes!(RightsRoutes {
    "/contacts/:id/access" => access_page::AccessPage,
    "/contacts/:id/erase" => erase_page::ErasePage,
    "/requests" => requests_page::RequestsPage,
});
