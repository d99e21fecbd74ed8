//! Folio, a private CRM that lives in the browser: the module list, the root `App`, and the map
//! of the house.
//!
//! # Layers, and what each owns
//!
//! - `domain`: the entities and their rules (validation, consent state, May I contact?, what an
//!   erasure takes, retention holds, the audit chain). Pure: no browser, storage or key; time
//!   and locale are passed in.
//! - `vault`: all cryptography. Argon2id, the wrapped data key, AES-256-GCM sealing to an
//!   address, encrypted backups, and second factors (`vault::factors`: the data key wrapped per
//!   security key under HKDF of the Argon2id output and the key's WebAuthn PRF output, and under
//!   a recovery code). An unlocked vault's key lives only inside a `vault::Sealer`.
//!   Also the rule for a new passphrase: `vault::strength` estimates how guessable it is.
//! - `store`: where sealed bytes live, behind the `Repository` trait: IndexedDB (rexie) in the
//!   browser, memory in native tests; storage durability and the one-writer lock. It cannot
//!   read what it stores.
//! - `portability`: files in and out. The `folio-export` format (types, read and migrate,
//!   checks, one person's export), the consent receipt, and contacts from and for other
//!   programs (CSV, vCard).
//! - `small_alloc`: the browser build's allocator (small blocks by size, without a header each).
//! - `app`: the one door every write goes through. `app::service` validates with `domain`,
//!   records the audit events, seals with the `Sealer` and commits one `store` transaction;
//!   `app::session` is the vault's life in the browser (unlock, lock, tabs, the write door);
//!   `app::service::today` computes Home's lists (the day's work, the first-run checklist);
//!   `app::webauthn` asks the browser for a security key (the only WebAuthn caller);
//!   plus the clock, the idle lock and the few LocalStorage preferences.
//! - `i18n`: every text in English and Czech, plurals, locale formatting, and the one place
//!   errors are worded for the user.
//! - `ui`: the pages, grouped by feature (`contacts`, `deals`, `consent`, `rights`, `data`,
//!   `vault`, `settings`, `common`); each folder declares its routes. Thin: it asks the
//!   snapshot and calls the session.
//!
//! # Dependency direction
//!
//! `ui → i18n → app → portability → domain`, and `app → {vault, store}`; `ui` may use any layer
//! below it (the session, the snapshot, `i18n`, `domain` types), nothing reaches up, and
//! `domain` imports nothing of the app. `vault` and `store` know nothing of each other.
//!
//! # Checklists
//!
//! - **A record kind**: its domain type (with `fields()` for the audit trail) in `domain`; its
//!   export type and section in `portability::format` (a new format version, migration and
//!   fixture when it changes the file); its map in `app::service::types::VaultSnapshot`; one
//!   entry in the list of `app::service::kinds`. Opening, loading, restore, replace, merge,
//!   counts and the import summary's wording follow from the list.
//! - **A page**: a component in its feature folder under `ui`, its route in that folder's
//!   `mod.rs`, its texts in `i18n::catalog` (both languages), its queries as methods on the
//!   snapshot (`app::service::queries`), its writes through `Session::write`, its failures
//!   shown with `ui::common::action_error::ActionError`.
//! - **A language**: a variant of `i18n::Lang` (its tag, decimal separator and code), a column
//!   in `i18n::catalog` (a missing text does not compile), its plural rule in `i18n::plural`,
//!   and its words in `i18n::phrases` and `i18n::errors`.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod domain;
pub mod i18n;
pub mod portability;
pub mod small_alloc;
pub mod store;
pub mod sync;
pub mod ui;
pub mod vault;

/// The browser build's allocator: small blocks by size, without a header each (see
/// `small_alloc`). The benchmark build installs the same one inside its counting wrapper.
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    not(feature = "bench")
))]
#[global_allocator]
static ALLOCATOR: small_alloc::SmallBlocks<std::alloc::System> =
    small_alloc::SmallBlocks::new(std::alloc::System);

use app::session::Session;
use leptos::prelude::*;
use leptos_router::components::{Router, Routes};

/// The whole application: the session, the shell, and the routed pages behind the vault gate.
#[component]
pub fn App() -> impl IntoView {
    provide_context(ui::common::locale::Locale::new());
    let release = app::release::Release::new();
    provide_context(release);
    release.start();
    let session = Session::new();
    provide_context(session);
    session.start();
    session.watch_for_idleness();
    view! {
        <Router>
            <ui::common::shell::Shell>
                <ui::vault::vault_gate::VaultGate>
                    <Routes fallback=ui::common::not_found_page::NotFoundPage>
                        <ui::common::CommonRoutes/>
                        <ui::contacts::ContactsRoutes/>
                        <ui::rights::RightsRoutes/>
                        <ui::consent::ConsentRoutes/>
                        <ui::deals::DealsRoutes/>
                        <ui::data::DataRoutes/>
                        <ui::vault::VaultRoutes/>
                        <ui::settings::SettingsRoutes/>
                        <ui::breaches::BreachesRoutes/>
                    </Routes>
                </ui::vault::vault_gate::VaultGate>
            </ui::common::shell::Shell>
        </Router>
    }
}
