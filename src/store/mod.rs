//! Storage: where the vault's bytes live in this browser, and how safe they are there.
//! Must not import `ui`, `app` or `vault`; it stores what it is given and never sees plaintext.

pub mod durability;
