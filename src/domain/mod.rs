//! The domain: Folio's entities and business rules as pure Rust.
//! It must not import leptos, web_sys, js_sys, rexie or any other module of this crate.

pub mod activity;
pub mod audit;
pub mod belongs;
pub mod birthday;
pub mod breach;
pub mod company;
pub mod consent;
pub mod contact;
pub mod deal;
pub mod do_not_contact;
pub mod document;
pub mod email;
pub mod entity_id;
pub mod erasure;
pub mod exact;
pub mod field;
pub mod field_change;
pub mod field_name;
pub mod found_by;
pub mod hex;
pub mod id;
pub mod language;
pub mod money;
pub mod notice;
pub mod organisation;
pub mod outreach;
pub mod phone;
pub mod profile;
pub mod purpose;
pub mod request;
pub mod retention;
pub mod revalidate;
pub mod search;
pub mod source;
pub mod stored;
pub mod sync_merge;
pub mod task;
#[cfg(test)]
pub mod testing;
// Recipients, processors and the legitimate-interest assessment (#21).
pub mod assessment;
pub mod disclosure;
pub mod processor;

pub use belongs::BelongsTo;
pub use company::{Ico, IcoError, VatId, VatIdError};
pub use email::{Email, EmailError};
pub use field::{FieldError, FieldErrors};
pub use id::{Id, IdError};
pub use money::{Currency, Money, MoneyError};
pub use phone::{Phone, PhoneError};
pub use revalidate::Revalidate;

/// Property tests' settings: `PROPTEST_CASES` cases when set, else 2,000; no files written.
#[cfg(test)]
pub(crate) fn proptest_config() -> proptest::prelude::ProptestConfig {
    proptest::prelude::ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2_000),
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    }
}
