//! Character sets of contact files, decoded with `encoding_rs` (the WHATWG encodings, the
//! decoder browsers use): byte-order marks, UTF-16 without one, UTF-8, and for 8-bit text
//! without a declaration a guess among the code pages contact files are really written in
//! (windows-1250 first, as Czech and Polish exports need); quoted-printable.
//! In the browser the bytes are decoded by its own `TextDecoder`, the same WHATWG decoders, so
//! the shipped wasm carries only `encoding_rs`'s names and labels, not its decoders and tables
//! (100.9 KiB brotli of the shipped wasm); native builds and tests decode with `encoding_rs`,
//! and `tests/browser_charset.rs` checks in Chromium that both agree.

use super::{Charset, CharsetHow, ContactsInError};
use encoding_rs::{
    Encoding, ISO_8859_15, ISO_8859_2, KOI8_R, MACINTOSH, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8,
    WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1257,
};

/// The character sets a user can choose from in the preview, most likely first.
pub const CHOICES: [&Encoding; 12] = [
    UTF_8,
    WINDOWS_1250,
    ISO_8859_2,
    WINDOWS_1252,
    ISO_8859_15,
    WINDOWS_1257,
    WINDOWS_1251,
    KOI8_R,
    MACINTOSH,
    SHIFT_JIS,
    UTF_16LE,
    UTF_16BE,
];

/// The code pages 8-bit text without a declaration is tried in, the default first (it wins a
/// tie).
const GUESSES: [&Encoding; 4] = [WINDOWS_1250, ISO_8859_2, WINDOWS_1252, SHIFT_JIS];

/// How many bytes of 8-bit lines the guess looks at (enough for any real address book's
/// letters, and it keeps a 20 MB file's guess quick).
const SAMPLE: usize = 256 * 1024;

/// The encoding a name stands for (a vCard's `CHARSET=`, the preview's choice), by the WHATWG
/// labels ("windows-1250", "cp1250", "ISO-8859-2", "latin2", "utf-8"…).
pub fn encoding_for(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches('"');
    Encoding::for_label(label.as_bytes()).or_else(|| {
        // Names real files use that the WHATWG list lacks.
        match label.to_ascii_lowercase().replace('_', "-").as_str() {
            "x-cp1250" | "cp-1250" => Some(WINDOWS_1250),
            "x-cp1252" | "cp-1252" => Some(WINDOWS_1252),
            "latin-2" | "iso8859-2" => Some(ISO_8859_2),
            "latin-1" | "iso8859-1" => Some(WINDOWS_1252),
            _ => None,
        }
    })
}

/// UTF-16 by its byte-order mark, or without one by the zero bytes ASCII text has in every
/// other place ("B\0E\0G\0…", or "\0B\0E\0G…" big-endian).
pub(super) fn utf16_of(bytes: &[u8]) -> Option<(&'static Encoding, CharsetHow, &[u8])> {
    match bytes {
        [0xff, 0xfe, rest @ ..] => return Some((UTF_16LE, CharsetHow::ByteOrderMark, rest)),
        [0xfe, 0xff, rest @ ..] => return Some((UTF_16BE, CharsetHow::ByteOrderMark, rest)),
        _ => {}
    }
    let head = bytes.get(..bytes.len().min(256)).unwrap_or(bytes);
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0 && *b != 0);
            odd += usize::from(*b == 0 && *a != 0);
        }
    }
    if even * 10 >= pairs * 7 && odd == 0 {
        Some((UTF_16BE, CharsetHow::Detected, bytes))
    } else if odd * 10 >= pairs * 7 && even == 0 {
        Some((UTF_16LE, CharsetHow::Detected, bytes))
    } else {
        None
    }
}

/// Bytes in an encoding as text (malformed sequences become U+FFFD, never a failure).
pub fn decode(bytes: &[u8], encoding: &'static Encoding) -> String {
    decoded(bytes, encoding, false).unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned())
}

/// Bytes in an encoding as text, or `None` when they are malformed in it.
pub fn decode_strict(bytes: &[u8], encoding: &'static Encoding) -> Option<String> {
    decoded(bytes, encoding, true)
}

/// Without byte-order-mark handling (a BOM is text here, U+FEFF); `fatal`: malformed is `None`,
/// else U+FFFD.
#[cfg(not(target_arch = "wasm32"))]
fn decoded(bytes: &[u8], encoding: &'static Encoding, fatal: bool) -> Option<String> {
    if fatal {
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(std::borrow::Cow::into_owned)
    } else {
        Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
    }
}

/// The browser's `TextDecoder` for the same encoding, with `ignoreBOM` (a BOM is text, as
/// above) and `fatal` as asked.
#[cfg(target_arch = "wasm32")]
fn decoded(bytes: &[u8], encoding: &'static Encoding, fatal: bool) -> Option<String> {
    // The WHATWG "replacement" encoding has no TextDecoder: any input is one U+FFFD (an error).
    if encoding == encoding_rs::REPLACEMENT {
        return match (bytes.is_empty(), fatal) {
            (true, _) => Some(String::new()),
            (false, true) => None,
            (false, false) => Some("\u{FFFD}".to_string()),
        };
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(fatal);
    js_sys::Reflect::set(&options, &"ignoreBOM".into(), &true.into()).ok()?;
    web_sys::TextDecoder::new_with_label_and_options(encoding.name(), &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// A whole file as text: its byte-order mark or UTF-16 pattern, else the user's choice, else
/// UTF-8 when it is valid, else the likeliest code page. The BOM is not part of the text.
pub(super) fn decode_file(
    bytes: &[u8],
    choice: Option<&'static Encoding>,
) -> Result<(String, Charset), ContactsInError> {
    let (encoding, how, body) = match (choice, utf16_of(bytes)) {
        (Some(chosen), _) => {
            let body = strip_bom(bytes, chosen);
            (chosen, CharsetHow::Chosen, body)
        }
        (None, Some(found)) => found,
        (None, None) => match bytes.strip_prefix(b"\xef\xbb\xbf") {
            Some(rest) => (UTF_8, CharsetHow::ByteOrderMark, rest),
            None if std::str::from_utf8(bytes).is_ok() => (UTF_8, CharsetHow::Valid, bytes),
            None => (guess(&eight_bit_lines(bytes)), CharsetHow::Assumed, bytes),
        },
    };
    let text = decode(body, encoding);
    if text.contains('\0') {
        return Err(ContactsInError::NotText);
    }
    Ok((text, Charset { encoding, how }))
}

/// The bytes after a byte-order mark of `encoding`, if they start with one.
fn strip_bom<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> &'a [u8] {
    let bom: &[u8] = if encoding == UTF_8 {
        b"\xef\xbb\xbf"
    } else if encoding == UTF_16LE {
        b"\xff\xfe"
    } else if encoding == UTF_16BE {
        b"\xfe\xff"
    } else {
        b""
    };
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

/// The lines that hold bytes above 0x7F, up to [`SAMPLE`] bytes of them.
pub(super) fn eight_bit_lines(bytes: &[u8]) -> Vec<u8> {
    let mut sample = Vec::new();
    for line in bytes.split(|b| *b == b'\n') {
        if sample.len() >= SAMPLE {
            break;
        }
        if !line.is_ascii() {
            let room = SAMPLE - sample.len();
            sample.extend_from_slice(line.get(..room).unwrap_or(line));
            sample.push(b'\n');
        }
    }
    sample
}

/// Letters each language writes beyond ASCII (lower case). Text decoded in the right code page
/// has letters of one language; in a wrong one it has letters no single language has together,
/// symbols inside words ("Wiœniewska", "³ódŸ") or control characters.
const LANGUAGES: [&str; 13] = [
    "áčďéěíňóřšťúůýž",   // Czech
    "áäčďéíĺľňóôŕšťúýž", // Slovak
    "ąćęłńóśźż",         // Polish
    "äöüß",              // German
    "àâæçéèêëîïôœùûüÿ",  // French
    "áéíñóúü",           // Spanish
    "áâãàçéêíóôõú",      // Portuguese
    "àèéìíîòóùú",        // Italian
    "áéíóöőúüű",         // Hungarian
    "åäæöøé",            // Nordic
    "ăâîșțşţ",           // Romanian
    "čćđšž",             // Croatian, Slovenian
    "",                  // Japanese: kana and kanji (see `is_cjk`)
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xff00..=0xffef)
}

/// How unlikely decoded text is: control characters and symbols inside words, and letters no
/// one language explains. Lower is likelier.
pub(super) fn oddness(text: &str) -> usize {
    let mut penalty = 0;
    let mut letters: Vec<char> = Vec::new();
    let mut cjk = 0;
    let mut chars = text.chars().peekable();
    let mut before = ' ';
    while let Some(c) = chars.next() {
        let after = chars.peek().copied().unwrap_or(' ');
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
            penalty += 10;
        } else if !c.is_ascii() {
            if is_cjk(c) {
                cjk += 1;
            } else if c.is_alphabetic() {
                for l in c.to_lowercase() {
                    if !letters.contains(&l) && letters.len() < 256 {
                        letters.push(l);
                    }
                }
            } else if before.is_alphabetic() && after.is_alphabetic() {
                penalty += 5;
            }
        }
        before = c;
    }
    let uncovered = LANGUAGES
        .iter()
        .map(|lang| {
            let outside = letters.iter().filter(|l| !lang.contains(**l)).count();
            if lang.is_empty() {
                // Japanese text: its kana and kanji, and no other letters.
                if cjk > 0 {
                    outside
                } else {
                    usize::MAX
                }
            } else {
                outside + usize::from(cjk > 0) * 20
            }
        })
        .min()
        .unwrap_or(0);
    penalty + uncovered
}

/// The code page 8-bit text is likeliest in (windows-1250 on a tie).
pub(super) fn guess(sample: &[u8]) -> &'static Encoding {
    let mut best = (usize::MAX, WINDOWS_1250);
    for encoding in GUESSES {
        let Some(text) = decode_strict(sample, encoding) else {
            continue;
        };
        let score = oddness(&text);
        if score < best.0 {
            best = (score, encoding);
        }
    }
    best.1
}

/// Quoted-printable to bytes: "=C5=99" → [0xC5, 0x99]; a soft break "=" at a line end vanishes.
pub(super) fn quoted_printable(text: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b != b'=' {
            out.push(b);
            continue;
        }
        match rest {
            [b'\r', b'\n', tail @ ..] | [b'\n', tail @ ..] => rest = tail,
            [a, c, tail @ ..] => match (hex(*a), hex(*c)) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    rest = tail;
                }
                _ => out.push(b'='),
            },
            [] => {}
            _ => out.push(b'='),
        }
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn quoted_printable_and_code_pages_decode() {
        assert_eq!(
            quoted_printable(b"a=3Db=\r\nc=C5=99"),
            b"a=bc\xc5\x99".to_vec()
        );
        assert_eq!(quoted_printable(b"=4"), b"=4".to_vec());
        assert_eq!(quoted_printable(b"x="), b"x".to_vec());
        assert_eq!(
            decode(
                b"\x8a\x9d\x8e\xe8\xf8\xf9\xec\xe1\xed\xe9\xfd\xfa\xf2\xef",
                WINDOWS_1250
            ),
            "ŠťŽčřůěáíéýúňď"
        );
        assert_eq!(
            decode(
                b"\xa9\xbb\xae\xb9\xb5\xe8",
                encoding_for("ISO-8859-2").unwrap()
            ),
            "ŠťŽšľč"
        );
        for (label, name) in [
            ("windows-1252", "windows-1252"),
            ("CP1250", "windows-1250"),
            ("x-cp1250", "windows-1250"),
            ("latin2", "ISO-8859-2"),
            ("UTF-8", "UTF-8"),
            ("Shift_JIS", "Shift_JIS"),
        ] {
            assert_eq!(encoding_for(label).map(|e| e.name()), Some(name), "{label}");
        }
        assert_eq!(encoding_for("klingon"), None);
    }

    #[test]
    fn eight_bit_text_is_guessed_by_its_letters() {
        let guess_of = |text: &str, written_in: &'static Encoding| {
            let (bytes, _, unmappable) = written_in.encode(text);
            assert!(!unmappable, "{text} fits {}", written_in.name());
            guess(&eight_bit_lines(&bytes)).name()
        };
        for (text, written_in) in [
            (
                "Příjmení;Jméno\nDvořáková;Žaneta;Účetnictví Šťastná",
                WINDOWS_1250,
            ),
            ("Ľubomír Ďurovčík;Konateľ", WINDOWS_1250),
            ("Łukasz Żółkiewski;Małgorzata Wiśniewska", WINDOWS_1250),
            ("François Lefèvre;Hélène;Société Générale", WINDOWS_1252),
            ("Jürgen Groß;Bäckerei", WINDOWS_1250),
            ("名無しの権兵衛,権兵衛", SHIFT_JIS),
        ] {
            let want = if text.contains("Jürgen") {
                // German letters are the same in windows-1250 and -1252: the default stays.
                "windows-1250"
            } else {
                written_in.name()
            };
            assert_eq!(guess_of(text, written_in), want, "{text}");
        }
    }

    #[test]
    fn utf16_is_found_with_and_without_a_byte_order_mark() {
        let text = "BEGIN:VCARD\r\nFN:Žofie\r\n";
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            utf16_of(&be).map(|(e, h, _)| (e, h)),
            Some((UTF_16BE, CharsetHow::Detected))
        );
        assert_eq!(
            utf16_of(&le).map(|(e, h, _)| (e, h)),
            Some((UTF_16LE, CharsetHow::Detected))
        );
        assert_eq!(utf16_of(text.as_bytes()), None);
        assert_eq!(utf16_of(b"PK\x03\x04\0\0\0\0\x14\0"), None);
        let (decoded, charset) = decode_file(&be, None).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(charset.encoding, UTF_16BE);
    }
}
