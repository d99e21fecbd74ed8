//! The key hierarchy with second factors: every combination of passphrase, key and recovery
//! code, wrong inputs, removal, a new recovery code, and the upgrade of a passphrase-only vault.

use super::*;
use crate::vault::header::PASSPHRASE_FORMAT;
use crate::vault::KdfParams;
use chrono::TimeZone;

fn fast() -> KdfParams {
    KdfParams::with_cost(256, 1, 1).unwrap()
}

fn pass() -> Passphrase {
    Passphrase::new("correct horse battery staple")
}

fn wrong_pass() -> Passphrase {
    Passphrase::new("correct horse battery stapler")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap()
}

/// A fake authenticator: its PRF output is a fixed function of its secret and the salt.
struct FakeKey {
    id: Vec<u8>,
    secret: u8,
}

impl FakeKey {
    fn new(n: u8) -> Self {
        Self {
            id: vec![n; 16],
            secret: n.wrapping_mul(31).wrapping_add(7),
        }
    }

    fn answer(&self, salt: &[u8]) -> KeyAnswer {
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = self.secret ^ salt.get(i).copied().unwrap_or(0) ^ (i as u8);
        }
        KeyAnswer::new(self.id.clone(), &out).unwrap()
    }

    /// Answers for the salt the header recorded for this key.
    fn answer_for(&self, header: &VaultHeader) -> KeyAnswer {
        let salt = header
            .begin(&pass())
            .unwrap()
            .key_requests()
            .into_iter()
            .find(|r| r.credential_id == self.id)
            .map(|r| r.prf_salt)
            .unwrap_or_default();
        self.answer(&salt)
    }
}

/// A passphrase-only vault upgraded with `key`: the header, the sealer and the recovery code.
fn protected(key: &FakeKey) -> (VaultHeader, Sealer, RecoveryCode) {
    let (header, sealer) = VaultHeader::create(&pass(), fast()).unwrap();
    let salt = new_prf_salt().unwrap();
    let answer = key.answer(&salt);
    let new = NewKey {
        name: "YubiKey",
        prf_salt: &salt,
        answer: &answer,
    };
    let (header, code) = header
        .add_security_key(&sealer, &pass(), new, now())
        .unwrap();
    (
        header,
        sealer,
        code.expect("the first key makes a recovery code"),
    )
}

fn add(header: &VaultHeader, sealer: &Sealer, key: &FakeKey, name: &str) -> VaultHeader {
    let salt = new_prf_salt().unwrap();
    let answer = key.answer(&salt);
    let new = NewKey {
        name,
        prf_salt: &salt,
        answer: &answer,
    };
    let (header, code) = header
        .add_security_key(sealer, &pass(), new, now())
        .unwrap();
    assert!(code.is_none(), "only the first key makes a recovery code");
    header
}

#[test]
fn upgrade_from_a_passphrase_only_vault_keeps_the_data_key() {
    let key = FakeKey::new(1);
    let (header, sealer, code) = protected(&key);
    assert!(header.is_protected());
    assert_eq!(header.format, crate::vault::header::HEADER_FORMAT);
    assert!(header.wrapped_key.is_empty() && header.wrapped_key_nonce.is_empty());
    let list = header.protection(&sealer).keys;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "YubiKey");
    assert_eq!(list[0].added, now());
    let by_key = header
        .unlock_with(&pass(), Factor::Key(&key.answer_for(&header)))
        .unwrap();
    assert_eq!(by_key, sealer);
    let by_code = header
        .unlock_with(&pass(), Factor::Recovery(&code))
        .unwrap();
    assert_eq!(by_code, sealer);
}

#[test]
fn the_passphrase_alone_opens_nothing_once_a_key_is_added() {
    let (header, _, _) = protected(&FakeKey::new(1));
    assert_eq!(
        header.unlock(&pass()).unwrap_err(),
        VaultError::SecondFactorNeeded
    );
    // Nor does a header whose passphrase wrapping was put back by hand (it is gone: empty).
    let stored = VaultHeader::from_json(&header.to_json()).unwrap();
    assert!(!stored.to_json().contains("wrapped_key"));
    assert_eq!(
        stored.unlock(&pass()).unwrap_err(),
        VaultError::SecondFactorNeeded
    );
}

#[test]
fn every_combination_of_factors() {
    let (one, two) = (FakeKey::new(1), FakeKey::new(2));
    let (header, sealer, code) = protected(&one);
    let header = add(&header, &sealer, &two, "Phone passkey");
    let stranger = FakeKey::new(3);
    let other_code = RecoveryCode::random().unwrap();
    let a1 = one.answer_for(&header);
    let a2 = two.answer_for(&header);
    let a3 = stranger.answer(&[0; 32]);
    // Key 1 answering with key 2's output (a wrong output for that credential).
    let forged = KeyAnswer::new(one.id.clone(), &a2.prf[..]).unwrap();
    let check = |p: Passphrase, f: Option<Factor<'_>>| match f {
        Some(f) => header.unlock_with(&p, f).map(|s| s == sealer),
        None => header.unlock(&p).map(|s| s == sealer),
    };
    assert_eq!(check(pass(), Some(Factor::Key(&a1))), Ok(true));
    assert_eq!(check(pass(), Some(Factor::Key(&a2))), Ok(true));
    assert_eq!(check(pass(), Some(Factor::Recovery(&code))), Ok(true));
    assert_eq!(check(pass(), None), Err(VaultError::SecondFactorNeeded));
    assert_eq!(
        check(wrong_pass(), None),
        Err(VaultError::SecondFactorNeeded)
    );
    assert_eq!(
        check(wrong_pass(), Some(Factor::Key(&a1))),
        Err(VaultError::WrongPassphrase)
    );
    assert_eq!(
        check(wrong_pass(), Some(Factor::Recovery(&code))),
        Err(VaultError::WrongPassphrase)
    );
    assert_eq!(
        check(pass(), Some(Factor::Key(&a3))),
        Err(VaultError::UnknownSecurityKey)
    );
    assert_eq!(
        check(pass(), Some(Factor::Key(&forged))),
        Err(VaultError::UnknownSecurityKey),
        "a registered key's id with another output opens nothing"
    );
    assert_eq!(
        check(pass(), Some(Factor::Recovery(&other_code))),
        Err(VaultError::WrongRecoveryCode)
    );
}

#[test]
fn a_wrong_passphrase_is_named_before_any_key_is_asked_for() {
    let (header, _, _) = protected(&FakeKey::new(1));
    assert_eq!(
        header.begin(&wrong_pass()).unwrap_err(),
        VaultError::WrongPassphrase
    );
    let opening = header.begin(&pass()).unwrap();
    assert_eq!(opening.key_requests().len(), 1);
    assert_eq!(opening.key_requests()[0].credential_id, vec![1; 16]);
}

#[test]
fn a_key_answering_for_another_salt_opens_nothing() {
    let key = FakeKey::new(1);
    let (header, _, _) = protected(&key);
    let other_salt = key.answer(&[9; 32]);
    assert_eq!(
        header
            .unlock_with(&pass(), Factor::Key(&other_salt))
            .unwrap_err(),
        VaultError::UnknownSecurityKey
    );
}

#[test]
fn adding_a_key_needs_the_right_passphrase_a_name_and_a_new_credential() {
    let key = FakeKey::new(1);
    let (header, sealer, _) = protected(&key);
    let salt = new_prf_salt().unwrap();
    let answer = FakeKey::new(2).answer(&salt);
    let new = |name| NewKey {
        name,
        prf_salt: &salt,
        answer: &answer,
    };
    assert_eq!(
        header
            .add_security_key(&sealer, &wrong_pass(), new("Second"), now())
            .unwrap_err(),
        VaultError::WrongPassphrase
    );
    assert_eq!(
        header
            .add_security_key(&sealer, &pass(), new("  "), now())
            .unwrap_err(),
        VaultError::BadKeyName
    );
    let again = key.answer(&salt);
    let same = NewKey {
        name: "Again",
        prf_salt: &salt,
        answer: &again,
    };
    assert_eq!(
        header
            .add_security_key(&sealer, &pass(), same, now())
            .unwrap_err(),
        VaultError::KeyAlreadyAdded
    );
    sealer.close();
    assert_eq!(
        header
            .add_security_key(&sealer, &pass(), new("Second"), now())
            .unwrap_err(),
        VaultError::Locked
    );
}

#[test]
fn a_new_recovery_code_retires_the_old_one() {
    let key = FakeKey::new(1);
    let (header, sealer, old) = protected(&key);
    assert_eq!(
        header
            .new_recovery_code(&sealer, &wrong_pass(), now())
            .unwrap_err(),
        VaultError::WrongPassphrase
    );
    let (header, new) = header.new_recovery_code(&sealer, &pass(), now()).unwrap();
    assert_ne!(*old.grouped(), *new.grouped());
    assert_eq!(
        header
            .unlock_with(&pass(), Factor::Recovery(&old))
            .unwrap_err(),
        VaultError::WrongRecoveryCode
    );
    assert_eq!(
        header.unlock_with(&pass(), Factor::Recovery(&new)).unwrap(),
        sealer
    );
    // The keys still open it.
    assert_eq!(
        header
            .unlock_with(&pass(), Factor::Key(&key.answer_for(&header)))
            .unwrap(),
        sealer
    );
}

#[test]
fn removing_a_key_needs_the_passphrase_and_that_key_or_the_recovery_code() {
    let (one, two) = (FakeKey::new(1), FakeKey::new(2));
    let (header, sealer, code) = protected(&one);
    let header = add(&header, &sealer, &two, "Second");
    let id1 = b64(&one.id);
    let a1 = one.answer_for(&header);
    let a2 = two.answer_for(&header);
    // Another key than the one removed does not prove anything about it.
    assert_eq!(
        header
            .remove_security_key(&sealer, &id1, &pass(), Factor::Key(&a2))
            .unwrap_err(),
        VaultError::UnknownSecurityKey
    );
    assert_eq!(
        header
            .remove_security_key(&sealer, &id1, &wrong_pass(), Factor::Key(&a1))
            .unwrap_err(),
        VaultError::WrongPassphrase
    );
    let wrong_code = RecoveryCode::random().unwrap();
    assert_eq!(
        header
            .remove_security_key(&sealer, &id1, &pass(), Factor::Recovery(&wrong_code))
            .unwrap_err(),
        VaultError::WrongRecoveryCode
    );
    let without_one = header
        .remove_security_key(&sealer, &id1, &pass(), Factor::Key(&a1))
        .unwrap();
    assert_eq!(without_one.protection(&sealer).keys.len(), 1);
    assert_eq!(
        without_one
            .unlock_with(&pass(), Factor::Key(&a1))
            .unwrap_err(),
        VaultError::UnknownSecurityKey
    );
    assert_eq!(
        without_one.unlock(&pass()).unwrap_err(),
        VaultError::SecondFactorNeeded
    );
    // The same removal by the recovery code works too.
    assert!(header
        .remove_security_key(&sealer, &id1, &pass(), Factor::Recovery(&code))
        .is_ok());
    // The last key removed: the passphrase alone opens it again; the code is retired.
    let id2 = b64(&two.id);
    let none = without_one
        .remove_security_key(&sealer, &id2, &pass(), Factor::Recovery(&code))
        .unwrap();
    assert!(!none.is_protected() && !none.has_recovery_code());
    assert_eq!(none.format, PASSPHRASE_FORMAT);
    assert_eq!(none.unlock(&pass()).unwrap(), sealer);
}

#[test]
fn the_passphrase_cannot_change_while_keys_are_registered() {
    let (header, sealer, _) = protected(&FakeKey::new(1));
    assert_eq!(
        header
            .rewrap(&sealer, &Passphrase::new("a brand new passphrase"), fast())
            .unwrap_err(),
        VaultError::SecurityKeysRegistered
    );
}

#[test]
fn the_header_with_wrappings_round_trips_and_damage_is_refused() {
    let key = FakeKey::new(1);
    let (header, sealer, code) = protected(&key);
    let read = VaultHeader::from_json(&header.to_json()).unwrap();
    assert_eq!(read, header);
    assert_eq!(
        read.unlock_with(&pass(), Factor::Recovery(&code)).unwrap(),
        sealer
    );
    let mut no_code = header.clone();
    no_code.recovery = None;
    assert!(matches!(
        VaultHeader::from_json(&no_code.to_json()),
        Err(VaultError::BadHeader(_))
    ));
    let mut flipped = header.clone();
    if let Some(list) = flipped.security_keys.as_mut() {
        let first = if list.sealed.starts_with('0') {
            "1"
        } else {
            "0"
        };
        list.sealed.replace_range(0..1, first);
    }
    assert!(flipped
        .unlock_with(&pass(), Factor::Key(&key.answer_for(&header)))
        .is_err());
    let mut huge = header.clone();
    if let Some(list) = huge.security_keys.as_mut() {
        list.sealed = "0".repeat(300_000);
    }
    assert!(VaultHeader::from_json(&huge.to_json()).is_err());
}

#[test]
fn nothing_secret_is_in_the_header_or_printed() {
    let key = FakeKey::new(1);
    let (header, _, code) = protected(&key);
    let json = header.to_json();
    let shown = code.grouped();
    assert!(!json.contains(shown.as_str()));
    assert!(!json.contains(&shown.replace('-', "")));
    let answer = key.answer_for(&header);
    assert!(!json.contains(&b64(&answer.prf[..])));
    // Nor the key's id, name or salt: the list is sealed under the passphrase's key.
    assert!(!json.contains(&b64(&key.id)));
    assert!(!json.contains("YubiKey"));
    let salt = header.begin(&pass()).unwrap().key_requests()[0]
        .prf_salt
        .clone();
    assert!(!json.contains(&b64(&salt)));
    assert_eq!(format!("{code:?}"), "RecoveryCode(…)");
    assert_eq!(format!("{answer:?}"), "KeyAnswer(…)");
}

#[test]
fn recovery_codes_read_back_as_people_type_them() {
    let code = RecoveryCode::random().unwrap();
    let shown = code.grouped();
    assert_eq!(shown.len(), 32 + 7);
    assert_eq!(shown.split('-').count(), 8);
    assert!(shown.split('-').all(|g| g.len() == 4));
    let typed = shown.to_lowercase().replace('-', " ");
    let read = RecoveryCode::parse(&typed).unwrap();
    assert_eq!(*read.grouped(), *shown);
    let confusable = shown.replace('0', "o").replace('1', "l");
    assert_eq!(*RecoveryCode::parse(&confusable).unwrap().grouped(), *shown);
    assert!(RecoveryCode::parse(&shown[..shown.len() - 1]).is_none());
    assert!(RecoveryCode::parse(&format!("{}0", shown.as_str())).is_none());
    assert!(RecoveryCode::parse("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU").is_none());
    assert!(RecoveryCode::parse("ěščř").is_none());
    assert!(RecoveryCode::parse("").is_none());
    assert!(RecoveryCode::parse(&"0".repeat(10_000)).is_none());
}

#[test]
fn a_prf_output_must_be_32_bytes() {
    assert!(KeyAnswer::new(vec![1], &[0; 31]).is_none());
    assert!(KeyAnswer::new(vec![1], &[0; 33]).is_none());
    assert!(KeyAnswer::new(vec![1], &[0; 32]).is_some());
}
