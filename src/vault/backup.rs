//! Encrypted backups: a file that starts with a small readable header (one JSON line: format,
//! version, the Argon2id parameters and salt of its own passphrase, the nonce), then the
//! AES-256-GCM ciphertext of the export, with the header bound in as associated data so neither
//! can be altered unnoticed. Nothing in it can be read without the backup's passphrase.

use super::kdf::{hex_decode, hex_encode};
use super::seal::{decrypt, encrypt};
use super::{KdfParams, Passphrase, Plaintext, VaultError};
use serde::{Deserialize, Serialize};

pub const BACKUP_FORMAT: &str = "folio-backup";
pub const BACKUP_VERSION: u32 = 1;

/// The readable first line of a backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupHeader {
    pub format: String,
    pub version: u32,
    /// What the ciphertext holds once opened.
    pub content: String,
    pub kdf: KdfParams,
    /// 12 bytes, hex.
    pub nonce: String,
}

/// Whether these bytes look like a backup file (its header line), before asking a passphrase.
pub fn is_backup(bytes: &[u8]) -> bool {
    bytes.starts_with(b"{\"format\":\"folio-backup\"")
}

/// Seals `plaintext` (an export's JSON) under a key derived from `passphrase` with `kdf`.
pub fn seal_backup(
    passphrase: &Passphrase,
    kdf: KdfParams,
    plaintext: &Plaintext,
) -> Result<Vec<u8>, VaultError> {
    let key = kdf.derive(passphrase)?;
    let mut nonce = [0u8; 12];
    super::random_bytes(&mut nonce)?;
    let header = BackupHeader {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        content: "folio-export".into(),
        kdf,
        nonce: hex_encode(&nonce),
    };
    let mut line =
        serde_json::to_vec(&header).map_err(|e| VaultError::BadContent(e.to_string()))?;
    let ciphertext = encrypt(key.cipher(), &nonce, plaintext.as_bytes(), &line)?;
    line.push(b'\n');
    line.extend_from_slice(&ciphertext);
    Ok(line)
}

/// Opens a backup file: a wrong passphrase (or any altered byte) fails as `WrongPassphrase`.
pub fn open_backup(bytes: &[u8], passphrase: &Passphrase) -> Result<Plaintext, VaultError> {
    let split = bytes
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| VaultError::BadHeader("no header line".into()))?;
    let (line, rest) = (&bytes[..split], &bytes[split + 1..]);
    let header: BackupHeader =
        serde_json::from_slice(line).map_err(|e| VaultError::BadHeader(e.to_string()))?;
    if header.format != BACKUP_FORMAT {
        return Err(VaultError::BadHeader("not a Folio backup".into()));
    }
    if header.version > BACKUP_VERSION {
        return Err(VaultError::UnsupportedFormat(header.version));
    }
    let nonce: [u8; 12] = hex_decode(&header.nonce)
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| VaultError::BadHeader("the nonce is not 12 hex bytes".into()))?;
    let key = header.kdf.derive(passphrase)?;
    decrypt(key.cipher(), &nonce, rest, line).ok_or(VaultError::WrongPassphrase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_bytes_end_in_a_backup_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = open_backup(&bytes, &Passphrase::new("backup passphrase"));
        }

        #[test]
        fn a_real_backup_altered_anywhere_is_refused_or_opens_whole(
            at in 0usize..10_000,
            flip in any::<u8>(),
            cut in 0usize..10_000,
        ) {
            let plain = Plaintext::new(br#"{"format":"folio-export"}"#.to_vec());
            let tiny = KdfParams::with_cost(8, 1, 1).unwrap();
            let file = seal_backup(&Passphrase::new("backup passphrase"), tiny, &plain).unwrap();
            let mut altered = file.clone();
            let at = at % altered.len();
            altered[at] ^= flip | 1;
            // A header asking for a costly derivation within bounds is worked on (still cheap
            // here); any other change is refused, never opened as something else.
            if let Ok(opened) = open_backup(&altered, &Passphrase::new("backup passphrase")) {
                prop_assert_eq!(opened.as_bytes(), plain.as_bytes());
            }
            let _ = open_backup(&file[..cut % file.len()], &Passphrase::new("backup passphrase"));
        }
    }

    #[test]
    fn a_header_asking_for_more_than_folio_accepts_is_refused_before_deriving() {
        let file = seal_backup(
            &Passphrase::new("backup passphrase"),
            cheap(),
            &Plaintext::new(b"x".to_vec()),
        )
        .unwrap();
        let text = String::from_utf8_lossy(&file).into_owned();
        let greedy = text.replacen("\"memory_kib\":1024", "\"memory_kib\":4194304", 1);
        assert_ne!(greedy, text);
        assert!(matches!(
            open_backup(greedy.as_bytes(), &Passphrase::new("backup passphrase")),
            Err(VaultError::KdfBounds(crate::vault::KdfBound::Memory(
                4194304
            )))
        ));
    }

    fn cheap() -> KdfParams {
        KdfParams::with_cost(1024, 1, 1).unwrap()
    }

    #[test]
    fn a_backup_opens_with_its_passphrase_only() {
        let text = r#"{"format":"folio-export","contacts":["Věra Šťastná"]}"#
            .as_bytes()
            .to_vec();
        let file = seal_backup(
            &Passphrase::new("backup passphrase"),
            cheap(),
            &Plaintext::new(text.clone()),
        )
        .unwrap();
        assert!(is_backup(&file));
        let header_line = file.split(|b| *b == b'\n').next().unwrap();
        let header: BackupHeader = serde_json::from_slice(header_line).unwrap();
        assert_eq!(
            (header.kdf.memory_kib, header.content.as_str()),
            (1024, "folio-export")
        );
        // The export's own text never appears in the file.
        let secret = "Šťastná".as_bytes();
        assert!(!file.windows(secret.len()).any(|w| w == secret));
        assert!(text.windows(secret.len()).any(|w| w == secret));
        let opened = open_backup(&file, &Passphrase::new("backup passphrase")).unwrap();
        assert_eq!(opened.as_bytes(), &text[..]);
        assert_eq!(
            open_backup(&file, &Passphrase::new("wrong one")).unwrap_err(),
            VaultError::WrongPassphrase
        );
        // A header edited to weaken the key derivation breaks the seal.
        let mut tampered = file.clone();
        let at = tampered.windows(4).position(|w| w == b"1024").unwrap();
        tampered[at..at + 4].copy_from_slice(b"1025");
        assert!(open_backup(&tampered, &Passphrase::new("backup passphrase")).is_err());
        let mut flipped = file;
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(
            open_backup(&flipped, &Passphrase::new("backup passphrase")).unwrap_err(),
            VaultError::WrongPassphrase
        );
    }
}
