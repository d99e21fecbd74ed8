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
                return Checked::read(export, bytes);
            }
        }
    }
    read_with_paths(bytes)
}

/// The careful read: the file as a JSON value, its format and version checked, migrated to the
/// newest version, then typed, with the path of the first field that does not fit.
///
/// The typed read is the one pass's (`serde_json::from_slice`) over the migrated document written
/// out again, so the app carries one deserialiser of the format, not a second one over
/// `serde_json::Value`; the path of a wrong field is found from where in that text the typed read
/// stopped ([`path_at`]).
pub(crate) fn read_with_paths(bytes: &[u8]) -> Result<Checked, ImportError> {
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
    let text = serde_json::to_vec(&value).map_err(|e| at("$", Problem::NotJson(e.to_string())))?;
    drop(value);
    let export: Export = serde_json::from_slice(&text).map_err(|e| {
        let message = e.to_string();
        // serde_json ends its message with the position, which means nothing in the user's file.
        let message = match message.rfind(" at line ") {
            Some(cut) if e.line() > 0 => message.get(..cut).unwrap_or(&message).to_string(),
            _ => message,
        };
        at(
            path_at(&text, e.line(), e.column()),
            Problem::WrongField(message),
        )
    })?;
    Checked::read(export, bytes)
}

/// The JSON path (`$.deals[3].data.value.minor`) of what a reader of `text` was reading when it
/// stopped at `line` and `column` (1-based line; the column counts the bytes of that line read so
/// far, as serde_json reports them): the key or element it was in, the element it peeked at, or
/// the object or array it had just closed (a missing field is found at the closing brace). Linear, and never panics: a
/// position outside the text reads all of it.
pub(crate) fn path_at(text: &[u8], line: usize, column: usize) -> String {
    let line_start: usize = text
        .split(|b| *b == b'\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    let end = line_start.saturating_add(column).min(text.len());
    // A reader that stopped on a value it only peeked at (an element of the wrong kind) has not
    // consumed its first byte: that element is the one it was reading.
    let peeked = text
        .get(end..)
        .and_then(|rest| rest.iter().find(|b| !b.is_ascii_whitespace()))
        .is_some_and(|b| {
            matches!(
                b,
                b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
            )
        });
    let text = text.get(..end).unwrap_or(text);

    enum Frame {
        /// The key being read or last read, and whether a key comes next.
        Object(Option<String>, bool),
        /// The element being read, and how many have begun.
        Array(Option<usize>, usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'{' | b'[' => {
                if let Some(Frame::Array(current, count)) = stack.last_mut() {
                    *current = Some(*count);
                    *count += 1;
                }
                stack.push(if b == b'{' {
                    Frame::Object(None, true)
                } else {
                    Frame::Array(None, 0)
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                if let Some(Frame::Object(_, wants_key)) = stack.last_mut() {
                    *wants_key = true;
                }
                i += 1;
            }
            b'"' => {
                // The string's end: the next quote not escaped.
                let mut j = i + 1;
                while let Some(&c) = text.get(j) {
                    match c {
                        b'\\' => j += 2,
                        b'"' => break,
                        _ => j += 1,
                    }
                }
                match stack.last_mut() {
                    Some(Frame::Object(key, wants_key)) if *wants_key => {
                        let raw = text.get(i..=j).unwrap_or_default();
                        *key = Some(serde_json::from_slice::<String>(raw).unwrap_or_else(|_| {
                            String::from_utf8_lossy(raw.get(1..).unwrap_or_default())
                                .trim_end_matches('"')
                                .to_string()
                        }));
                        *wants_key = false;
                    }
                    Some(Frame::Array(current, count)) => {
                        *current = Some(*count);
                        *count += 1;
                    }
                    _ => {}
                }
                i = j.saturating_add(1);
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
            _ => {
                // A number, true, false or null: one element of an array.
                if let Some(Frame::Array(current, count)) = stack.last_mut() {
                    *current = Some(*count);
                    *count += 1;
                }
                while text.get(i).is_some_and(|c| {
                    !matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                }) {
                    i += 1;
                }
            }
        }
    }
    if peeked {
        if let Some(Frame::Array(current, count)) = stack.last_mut() {
            *current = Some(*count);
        }
    }
    let mut path = String::from("$");
    for frame in &stack {
        match frame {
            Frame::Object(Some(key), _) => {
                path.push('.');
                path.push_str(key);
            }
            Frame::Array(Some(index), _) => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
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
pub struct Checked {
    export: Export,
    /// The SHA-256 (hex) of the file as read: what this vault's trail records of an import.
    sha256: String,
}

impl Checked {
    /// An export made in memory (its SHA-256 is that of its compact JSON).
    pub fn new(export: Export) -> Result<Self, ImportError> {
        let bytes = serde_json::to_vec(&export).unwrap_or_default();
        Self::read(export, &bytes)
    }

    fn read(export: Export, bytes: &[u8]) -> Result<Self, ImportError> {
        use sha2::{Digest, Sha256};
        check(&export)?;
        Ok(Self {
            export,
            sha256: crate::domain::hex::encode(&Sha256::digest(bytes)),
        })
    }

    pub fn into_inner(self) -> Export {
        self.export
    }

    /// The SHA-256 (hex) of the file it was read from.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
}

impl std::ops::Deref for Checked {
    type Target = Export;

    fn deref(&self) -> &Export {
        &self.export
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        a: u64,
        b: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        xs: Vec<Inner>,
        ids: Vec<String>,
    }

    /// The path of the first wrong field, as the careful read finds it.
    fn wrong_at(text: &str) -> String {
        let e = serde_json::from_str::<Outer>(text).unwrap_err();
        path_at(text.as_bytes(), e.line(), e.column())
    }

    #[test]
    fn the_path_of_a_wrong_field_is_where_the_typed_read_stopped() {
        let cases = [
            (
                r#"{"xs":[{"a":1,"b":"x"},{"a":"lots","b":"y"}],"ids":[]}"#,
                "$.xs[1].a",
            ),
            (
                r#"{"xs":[{"a":1,"b":"x"},{"a":2,"nick":"y","b":"z"}],"ids":[]}"#,
                "$.xs[1].nick",
            ),
            (r#"{"xs":[{"a":1,"b":"x"},{"a":2}],"ids":[]}"#, "$.xs[1]"),
            (r#"{"xs":[{"a":1,"b":"x"}],"ids":["a",3]}"#, "$.ids[1]"),
            (r#"{"xs":[{"a":1,"b":"x"}],"ids":["a","b"],"zz":1}"#, "$.zz"),
            (r#"{"xs":[{"a":1,"b":"x"}]}"#, "$"),
            (r#"{"xs":[{"a":1,"b":{"q":[1,2]}}],"ids":[]}"#, "$.xs[0].b"),
            (r#"{"xs":[{"a":-1,"b":"x"}],"ids":[]}"#, "$.xs[0].a"),
            (
                r#"{"xs":[{"b":"a \"quoted\" ], {x","a":[]}],"ids":[]}"#,
                "$.xs[0].a",
            ),
            (r#"{"xs":[],"ids":[null]}"#, "$.ids[0]"),
            (
                r#"{"xs":[{"a":1,"b":"x"},{"a":1,"b":"x"},{"a":1,"b":true}],"ids":[]}"#,
                "$.xs[2].b",
            ),
            (r#"{"xs" : [ {"a" : 1 , "\u0062" : 2 } ] }"#, "$.xs[0].b"),
            (
                "{\n  \"xs\": [\n    {\n      \"a\": 1\n    }\n  ],\n  \"ids\": []\n}",
                "$.xs[0]",
            ),
            (
                "{\n  \"xs\": [],\n  \"ids\": [\n    \"a\",\n    {}\n  ]\n}",
                "$.ids[1]",
            ),
        ];
        for (text, path) in cases {
            assert_eq!(wrong_at(text), path, "{text}");
        }
    }

    #[test]
    fn a_position_outside_the_text_reads_it_all() {
        assert_eq!(path_at(br#"{"a":[1,{"b""#, 9, 9), "$.a[1].b");
        assert_eq!(path_at(b"", 1, 5), "$");
        assert_eq!(path_at(br#"["\"#, 1, 3), "$[0]");
    }

    /// A small valid export of the newest version, cut from the version 2 fixture: its
    /// controller, pipeline and three contacts.
    fn small_export() -> &'static [u8] {
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        TEXT.get_or_init(cut_fixture).as_bytes()
    }

    fn cut_fixture() -> String {
        let fixture = include_str!("../../tests/fixtures/folio-export-v2.json");
        let mut export = parse(fixture.as_bytes()).unwrap().into_inner();
        export.contacts.truncate(3);
        for c in &mut export.contacts {
            c.data.organisation_id = None;
        }
        export.organisations.clear();
        export.activities.clear();
        export.consents.clear();
        export.limits.clear();
        export.deals.clear();
        export.documents.clear();
        export.tasks.clear();
        export.requests.clear();
        export.audit_log.clear();
        let text = serde_json::to_string_pretty(&export).unwrap();
        assert!(parse(text.as_bytes()).is_ok());
        text
    }

    proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_bytes_end_in_an_export_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn any_json_text_ends_in_an_export_or_an_error(text in "\\PC{0,400}") {
            let _ = parse(text.as_bytes());
            let _ = parse(format!("{{\"format\":\"folio-export\",\"version\":2,{text}}}").as_bytes());
        }

        #[test]
        fn a_real_export_cut_or_altered_anywhere_ends_in_an_export_or_an_error(
            cut in 0usize..100_000,
            at in 0usize..100_000,
            inserted in proptest::collection::vec(any::<u8>(), 0..8),
            flip in any::<u8>(),
        ) {
            let text = small_export().to_vec();
            // Cut short.
            let _ = parse(&text[..cut % (text.len() + 1)]);
            // Bytes inserted (any, so also text that is no longer UTF-8).
            let at = at % (text.len() + 1);
            let mut longer = text.clone();
            longer.splice(at..at, inserted);
            let _ = parse(&longer);
            // One byte changed.
            let mut altered = text.clone();
            if let Some(b) = altered.get_mut(at) {
                *b ^= flip | 1;
            }
            let _ = parse(&altered);
        }
    }
}
