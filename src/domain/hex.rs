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

/// Bytes as the audit trail writes them: a SHA-256 digest (`HexDigest`, 64 lower-case hex
/// digits) or an event's salt (`HexSalt`, 16), held as the bytes (a trail holds three per
/// event: a third of what text would take). Text in any other form, read from a damaged or
/// foreign trail, is held as it was read, so that it compares and is written back exactly as it
/// was, and the chain check reports it as before.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum HexBytes<const N: usize> {
    Bytes([u8; N]),
    Text(Box<str>),
}

/// A SHA-256 digest of the audit trail (an event's hash, the one before it).
pub type HexDigest = HexBytes<32>;
/// An audit event's random salt.
pub type HexSalt = HexBytes<8>;

impl HexDigest {
    /// The digest "0000…" a chain starts from.
    pub const ZERO: HexDigest = HexBytes::Bytes([0; 32]);
}

impl<const N: usize> HexBytes<N> {
    /// These bytes.
    pub fn of(bytes: [u8; N]) -> Self {
        HexBytes::Bytes(bytes)
    }

    /// Text as read: 2·N lower-case hex digits are held as bytes, anything else as it is.
    pub fn parse(text: &str) -> Self {
        let canonical = text.len() == 2 * N && text.bytes().all(|b| DIGITS.contains(&b));
        match decode(text).filter(|_| canonical).map(<[u8; N]>::try_from) {
            Some(Ok(bytes)) => HexBytes::Bytes(bytes),
            _ => HexBytes::Text(text.into()),
        }
    }

    /// Calls `f` with the text (written into a buffer on the stack, not allocated).
    pub fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        const { assert!(N <= 32, "at most 32 bytes are held this way") };
        match self {
            HexBytes::Bytes(bytes) => {
                let mut buffer = [0u8; 64];
                let text = buffer.get_mut(..2 * N).unwrap_or_default();
                for (pair, b) in text.chunks_exact_mut(2).zip(bytes) {
                    pair[0] = DIGITS[usize::from(b >> 4)];
                    pair[1] = DIGITS[usize::from(b & 0x0f)];
                }
                // Only ASCII digits were written.
                f(std::str::from_utf8(text).unwrap_or_default())
            }
            HexBytes::Text(text) => f(text),
        }
    }

    /// The first `chars` characters of the text (fewer when it is shorter).
    pub fn prefix(&self, chars: usize) -> String {
        self.with_str(|text| text.chars().take(chars).collect())
    }
}

impl<const N: usize> std::fmt::Display for HexBytes<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_str(|text| f.write_str(text))
    }
}

impl<const N: usize> std::fmt::Debug for HexBytes<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_str(|text| write!(f, "{text:?}"))
    }
}

impl<const N: usize> PartialEq<str> for HexBytes<N> {
    fn eq(&self, other: &str) -> bool {
        self.with_str(|text| text == other)
    }
}

impl<const N: usize> PartialEq<&str> for HexBytes<N> {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl<const N: usize> From<&str> for HexBytes<N> {
    fn from(text: &str) -> Self {
        HexBytes::parse(text)
    }
}

impl<const N: usize> serde::Serialize for HexBytes<N> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.with_str(|text| serializer.serialize_str(text))
    }
}

impl<'de, const N: usize> serde::Deserialize<'de> for HexBytes<N> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<const N: usize>;
        impl<const N: usize> serde::de::Visitor<'_> for Visitor<N> {
            type Value = HexBytes<N>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("hex digits as text")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<HexBytes<N>, E> {
                Ok(HexBytes::parse(text))
            }
        }
        deserializer.deserialize_str(Visitor::<N>)
    }
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

    #[test]
    fn a_digest_is_held_as_bytes_and_any_other_text_exactly_as_read() {
        let text = "00ff".repeat(16);
        let digest = HexDigest::parse(&text);
        assert!(matches!(digest, HexDigest::Bytes(_)));
        assert_eq!(digest.to_string(), text);
        assert_eq!(
            serde_json::to_string(&digest).unwrap(),
            format!("\"{text}\"")
        );
        assert_eq!(
            serde_json::from_str::<HexDigest>(&format!("\"{text}\"")).unwrap(),
            digest
        );
        assert_eq!(HexDigest::ZERO.to_string(), "0".repeat(64));
        assert_eq!(digest.prefix(6), "00ff00");
        // Upper case, the wrong length, not hex, not ASCII: kept as text, written back as read.
        for odd in [
            "00FF".repeat(16),
            "00ff".repeat(15),
            "zz".repeat(32),
            "é".repeat(32),
            String::new(),
        ] {
            let held = HexDigest::parse(&odd);
            assert!(matches!(held, HexDigest::Text(_)), "{odd:?}");
            assert_eq!(held.to_string(), odd);
            assert_eq!(held, *odd.as_str());
            assert_ne!(held, digest);
            let json = serde_json::to_string(&held).unwrap();
            assert_eq!(serde_json::from_str::<HexDigest>(&json).unwrap(), held);
        }
        assert_eq!(HexDigest::parse("é").prefix(8), "é");
    }

    #[test]
    fn a_salt_is_held_as_its_8_bytes_and_any_other_text_exactly_as_read() {
        let text = "0123456789abcdef";
        let salt = HexSalt::parse(text);
        assert_eq!(
            salt,
            HexSalt::of([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef])
        );
        assert_eq!(salt.to_string(), text);
        let json = serde_json::to_string(&salt).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<HexSalt>(&json).unwrap(), salt);
        // A digest's length is not a salt's, nor the other way round.
        assert!(matches!(
            HexSalt::parse(&"ab".repeat(32)),
            HexBytes::Text(_)
        ));
        assert!(matches!(HexDigest::parse(text), HexBytes::Text(_)));
        for odd in [
            "0123456789ABCDEF".to_string(),
            "ab".repeat(7),
            "ab".repeat(16),
            "é".repeat(8),
        ] {
            let held = HexSalt::parse(&odd);
            assert!(matches!(held, HexBytes::Text(_)), "{odd:?}");
            assert_eq!(held.to_string(), odd);
            let json = serde_json::to_string(&held).unwrap();
            assert_eq!(json, serde_json::to_string(&odd).unwrap());
        }
    }
}
