//! Reading a file: parse, check its format and version, migrate an older version to the newest,
//! type it (naming the JSON path of a field that does not fit), and keep the format's rules:
//! only then is it `Checked`.

use super::format::{AuditEvent, Export};
use super::{bridge, check, FORMAT, MAX_BYTES, VERSION};
use crate::domain::audit::{self, ChainError};

/// What is wrong with a file, for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the file is larger than {0} bytes")]
    TooLarge(usize),
    #[error("this is not JSON: {0}")]
    NotJson(String),
    #[error("this is not a Folio export (format must be \"folio-export\")")]
    WrongFormat,
    #[error("version {0} is not one this Folio reads (it reads 1 to {VERSION})")]
    UnsupportedVersion(u64),
    #[error("{0}")]
    WrongField(String),
    #[error("the id {0} is used twice")]
    DuplicateId(String),
    #[error("refers to {0}, which is not in the file")]
    Dangling(String),
    #[error("{0}")]
    Rule(String),
    #[error("the audit log does not verify: {0}")]
    Chain(String),
}

/// A problem and where it is: a JSON path such as `$.deals[3].data.contact_ids[0]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct ImportError {
    pub path: String,
    pub problem: Problem,
}

pub(super) fn at(path: impl Into<String>, problem: Problem) -> ImportError {
    ImportError {
        path: path.into(),
        problem,
    }
}

/// Reads a file as the newest version of the format, or says what is wrong and where.
pub fn parse(bytes: &[u8]) -> Result<Checked, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(at("$", Problem::TooLarge(MAX_BYTES)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A well-formed file of the newest version is read in one typed pass. Anything else (an
    // older version to migrate, not an export, malformed, a key written twice) is read the
    // careful way below, which migrates it or says what is wrong and where; the one pass never
    // accepts what that way refuses. Only an object is tried: serde would also take the
    // fields as an array, which the careful way refuses.
    if bytes.trim_ascii_start().first() == Some(&b'{') {
        if let Ok(export) = serde_json::from_slice::<Export>(bytes) {
            if export.format == FORMAT && export.version == VERSION {
                return Checked::new(export);
            }
        }
    }
    read_with_paths(bytes)
}

/// The careful read: the file as a JSON value, its format and version checked, migrated to the
/// newest version, then typed, with the path of the first field that does not fit.
pub(super) fn read_with_paths(bytes: &[u8]) -> Result<Checked, ImportError> {
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| at("$", Problem::NotJson(e.to_string())))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(at("$.format", Problem::WrongFormat));
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version == 0 || version > u64::from(VERSION) {
        return Err(at("$.version", Problem::UnsupportedVersion(version)));
    }
    migrate(&mut value, version)?;
    let export: Export = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            "$".to_string()
        } else {
            format!("$.{path}")
        };
        at(path, Problem::WrongField(e.into_inner().to_string()))
    })?;
    Checked::new(export)
}

/// Brings an older version's document up to the newest, one step at a time, so every old file
/// stays readable.
///
/// 1 → 2: the audit hash covers each change's digest instead of its values (so values can be
/// erased while the chain verifies). A version 1 trail must verify as version 1 hashed it before
/// it is hashed anew; a trail that does not is refused, never re-sealed.
///
/// 2 → 3: see [`migrate_contacts_v2_to_v3`].
fn migrate(value: &mut serde_json::Value, from: u64) -> Result<(), ImportError> {
    migrate_v1_to_v2(value, from)?;
    if from < 3 {
        migrate_contacts_v2_to_v3(value);
    }
    if let Some(v) = value.get_mut("version") {
        *v = serde_json::Value::from(VERSION);
    }
    Ok(())
}

/// Version 3, contacts: a contact's one `address` string becomes its list of `addresses` (one
/// unlabelled address, or none when it was empty); `birthday` is new and optional. Nothing
/// else changes, and the audit trail's values are not touched (its field is still "address").
fn migrate_contacts_v2_to_v3(value: &mut serde_json::Value) {
    let Some(contacts) = value.get_mut("contacts").and_then(|c| c.as_array_mut()) else {
        return;
    };
    for record in contacts {
        let Some(data) = record.get_mut("data").and_then(|d| d.as_object_mut()) else {
            continue;
        };
        // A malformed contact is left as it is: the typed read says where it is wrong.
        let Some(serde_json::Value::String(address)) = data.remove("address") else {
            continue;
        };
        let addresses = if address.trim().is_empty() {
            serde_json::json!([])
        } else {
            serde_json::json!([{ "label": "", "value": address }])
        };
        data.insert("addresses".into(), addresses);
    }
}

/// 1 → 2 (see `migrate`).
fn migrate_v1_to_v2(value: &mut serde_json::Value, from: u64) -> Result<(), ImportError> {
    if from < 2 {
        if let Some(log) = value.get_mut("audit_log") {
            // A malformed trail is left as it is: the typed read says where it is wrong.
            if let Ok(mut events) = serde_json::from_value::<Vec<audit::AuditEvent>>(log.clone()) {
                if let Err(why) = audit::rehash_v1(&mut events) {
                    return Err(chain_error(&why, |seq| {
                        events.iter().position(|e| e.seq == seq)
                    }));
                }
                let rehashed: Result<Vec<AuditEvent>, _> = events.iter().map(bridge).collect();
                if let Ok(rehashed) =
                    rehashed.and_then(|r| serde_json::to_value(r).map_err(|e| e.to_string()))
                {
                    *log = rehashed;
                }
            }
        }
    }
    Ok(())
}

/// A chain problem at the event it concerns.
pub(super) fn chain_error(
    why: &ChainError,
    index_of: impl Fn(u64) -> Option<usize>,
) -> ImportError {
    let seq = match why {
        ChainError::Missing { expected, .. } => *expected,
        ChainError::BrokenLink(s) | ChainError::Altered(s) => *s,
        ChainError::Truncated { found, .. } => *found,
    };
    at(
        format!("$.audit_log[{}]", index_of(seq).unwrap_or(0)),
        Problem::Chain(why.to_string()),
    )
}

/// An export that keeps the format's rules (`check`): only `parse` and `Checked::new` make
/// one, and it cannot be changed afterwards, so an import need not check it again (the check
/// verifies the whole audit chain, seconds for a large vault).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked(Export);

impl Checked {
    pub fn new(export: Export) -> Result<Self, ImportError> {
        check(&export)?;
        Ok(Self(export))
    }

    pub fn into_inner(self) -> Export {
        self.0
    }
}

impl std::ops::Deref for Checked {
    type Target = Export;

    fn deref(&self) -> &Export {
        &self.0
    }
}
