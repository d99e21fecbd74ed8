//! Character sets of contact files: UTF-16, windows-1250 and ISO-8859-2, and quoted-printable.

use super::ContactsInError;

/// UTF-16 text (after its byte-order mark) as UTF-8.
pub(super) fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ContactsInError> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).map_err(|_| ContactsInError::NotText)
}

/// The Czech (and other Central European) letters of windows-1250, 0x80–0xFF.
pub(super) const CP1250: [char; 128] = [
    '€', '\u{fffd}', '‚', '\u{fffd}', '„', '…', '†', '‡', '\u{fffd}', '‰', 'Š', '‹', 'Ś', 'Ť', 'Ž',
    'Ź', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '\u{fffd}', '™', 'š', '›', 'ś', 'ť', 'ž',
    'ź', '\u{a0}', 'ˇ', '˘', 'Ł', '¤', 'Ą', '¦', '§', '¨', '©', 'Ş', '«', '¬', '\u{ad}', '®', 'Ż',
    '°', '±', '˛', 'ł', '´', 'µ', '¶', '·', '¸', 'ą', 'ş', '»', 'Ľ', '˝', 'ľ', 'ż', 'Ŕ', 'Á', 'Â',
    'Ă', 'Ä', 'Ĺ', 'Ć', 'Ç', 'Č', 'É', 'Ę', 'Ë', 'Ě', 'Í', 'Î', 'Ď', 'Đ', 'Ń', 'Ň', 'Ó', 'Ô', 'Ő',
    'Ö', '×', 'Ř', 'Ů', 'Ú', 'Ű', 'Ü', 'Ý', 'Ţ', 'ß', 'ŕ', 'á', 'â', 'ă', 'ä', 'ĺ', 'ć', 'ç', 'č',
    'é', 'ę', 'ë', 'ě', 'í', 'î', 'ď', 'đ', 'ń', 'ň', 'ó', 'ô', 'ő', 'ö', '÷', 'ř', 'ů', 'ú', 'ű',
    'ü', 'ý', 'ţ', '˙',
];

/// ISO-8859-2 where it differs from windows-1250: 0xA0–0xBF (0xC0–0xFF are the same).
pub(super) const LATIN2_A0: [char; 32] = [
    '\u{a0}', 'Ą', '˘', 'Ł', '¤', 'Ľ', 'Ś', '§', '¨', 'Š', 'Ş', 'Ť', 'Ź', '\u{ad}', 'Ž', 'Ż', '°',
    'ą', '˛', 'ł', '´', 'ľ', 'ś', 'ˇ', '¸', 'š', 'ş', 'ť', 'ź', '˝', 'ž', 'ż',
];

/// Bytes in a named character set as text; None when the set is UTF-8 and the bytes are not.
pub(super) fn decode(bytes: &[u8], charset: &str) -> Option<String> {
    let charset = charset.to_ascii_lowercase().replace('_', "-");
    let single = |map: &dyn Fn(u8) -> char| bytes.iter().map(|b| map(*b)).collect::<String>();
    match charset.as_str() {
        "windows-1250" | "cp1250" | "x-cp1250" => Some(single(&|b| {
            if b < 0x80 {
                b as char
            } else {
                CP1250[(b - 0x80) as usize]
            }
        })),
        "iso-8859-2" | "iso8859-2" | "latin2" | "l2" => Some(single(&|b| match b {
            0..=0x7f => b as char,
            0x80..=0x9f => char::from(b),
            0xa0..=0xbf => LATIN2_A0[(b - 0xa0) as usize],
            _ => CP1250[(b - 0x80) as usize],
        })),
        "iso-8859-1" | "latin1" | "us-ascii" | "ascii" => Some(single(&char::from)),
        _ => String::from_utf8(bytes.to_vec()).ok(),
    }
}

/// Quoted-printable to bytes: "=C5=99" → [0xC5, 0x99]; a soft break "=" at a line end vanishes.
pub(super) fn quoted_printable(text: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'=' {
            match (text.get(i + 1), text.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (None, _) => i += 1,
                (Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                    out.push(hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0));
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            }
        } else {
            out.push(text[i]);
            i += 1;
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
        assert_eq!(
            decode(
                b"\x8a\x9d\x8e\xe8\xf8\xf9\xec\xe1\xed\xe9\xfd\xfa\xf2\xef",
                "windows-1250"
            )
            .unwrap(),
            "ŠťŽčřůěáíéýúňď"
        );
        assert_eq!(
            decode(b"\xa9\xbb\xae\xb9\xb5\xe8", "ISO-8859-2").unwrap(),
            "ŠťŽšľč"
        );
        assert_eq!(decode(b"\xe8", "UTF-8"), None);
    }
}
