//! Lower-case hexadecimal text of bytes (digests in the audit trail and consent proofs). Pure:
//! imports nothing of the app.

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The bytes as lower-case hex, two digits each. A table lookup: the trail's hashes are
/// written for every event, where `format!` per byte was a measurable part of a bulk write.
pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        text.push(DIGITS[usize::from(b >> 4)] as char);
        text.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    text
}

/// The bytes of lower- or upper-case hex text; None for an odd length or a character that is
/// not a hex digit.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_is_two_lower_case_digits() {
        assert_eq!(encode(&[]), "");
        assert_eq!(encode(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        let all: Vec<u8> = (0..=255).collect();
        let expected: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(encode(&all), expected);
        assert_eq!(decode(&expected).unwrap(), all);
        assert_eq!(decode("ABcd").unwrap(), [0xab, 0xcd]);
        for bad in ["abc", "zz", "é0", "0\u{0}"] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }
}
