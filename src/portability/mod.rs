//! The portability format, `folio-export` version 3, and the import pipeline's first stages:
//! parse → check format and version → migrate to the newest version → typed read (with the JSON
//! path of a wrong field) → the rules a file must keep. One file per concern: `format` (the
//! types, separate from the domain's so the format stays put while the code changes), `read`
//! (parsing and migration), `checks` (the rules beyond the types), `subject` (one person's
//! export), `receipt` (the consent receipt), and the contacts files of other programs
//! (`contacts_in`, `contacts_out`). Imports `domain` only; must not import `app`, `store`,
//! `vault` or `ui`.

pub mod checks;
pub mod contacts_in;
pub mod contacts_out;
pub mod format;
pub mod read;
pub mod receipt;
pub mod subject;

pub use checks::check;
pub use contacts_out::csv_field;
pub use format::*;
pub use read::{parse, Checked, ImportError, Problem};
pub use subject::subject;

use serde::Serialize;

pub const FORMAT: &str = "folio-export";
/// The newest version this build writes and reads.
pub const VERSION: u32 = 3;
/// Files larger than this are refused before parsing. A vault at the benchmark's L scale (10,000
/// contacts, 50,000 activities, 20,000 consents, 2,000 deals and their 85,000 audit events)
/// exports to about 70 MB; a 100 MB file is refused.
pub const MAX_BYTES: usize = 90_000_000;

/// Converts between an export type and the domain type of the same shape (both directions;
/// the tests below and the fixture pin that the shapes agree).
pub fn bridge<A: Serialize, B: serde::de::DeserializeOwned>(a: &A) -> Result<B, String> {
    serde_json::to_value(a)
        .and_then(serde_json::from_value)
        .map_err(|e| e.to_string())
}

/// Compact JSON (as `serde_json::to_string` writes it) laid out as `serde_json::to_string_pretty`
/// would lay it out: the same text, byte for byte, without a second, pretty copy of every
/// `Serialize` in the wasm (the export types are big; measured with the change). Text that is not
/// compact JSON is laid out as far as it goes and never panics.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(s) = chars.next() {
                    out.push(s);
                    match s {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                out.push(escaped);
                            }
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn compact_json_is_laid_out_as_serde_json_lays_it_out() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, -2.5, true, null, {"d": "x"}],
            "quoted \"{[,:]}\" \\": "line\nbreak \u{1} é 😀", "e": [[], [{}], {"f": []}],
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(pretty("1"), "1");
        assert_eq!(pretty(""), "");
        // Not JSON: laid out as far as it goes, no panic.
        for broken in ["}}]]", "{\"a", "[\"\\", "{:,}"] {
            let _ = pretty(broken);
        }
    }
}
