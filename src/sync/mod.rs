//! Sync over the CouchDB replication protocol: the protocol's steps, named as its specification
//! names them (`protocol`), the server's answers read defensively (`wire`), revision ids and
//! their ancestry (`revs`), what can go wrong (`error`) and the one door to the network
//! (`remote`, `fetch`). It moves sealed documents it cannot read: it must not import `app`,
//! `ui`, `vault` or `store`. What the documents hold, and how a device applies them, is
//! `app::service::sync`'s.

pub mod error;
#[cfg(test)]
pub mod fake;
pub mod fetch;
pub mod protocol;
pub mod remote;
pub mod revs;
pub mod wire;

pub use error::SyncError;
pub use remote::{Method, Remote, Request, Response, Transport};
