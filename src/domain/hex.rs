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
    }
}
