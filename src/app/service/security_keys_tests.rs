//! Security keys on a stored vault: the header written with its audit event, unlock with each
//! factor after a reload, and a second device joining a key-protected vault through sync.

use super::super::testing::*;
use super::*;
use crate::sync::fake::FakeCouch;
use crate::vault::factors::{b64, new_prf_salt};
use crate::vault::KeyAnswer;

/// A fake authenticator: a fixed function of its secret and the salt.
fn answer(id: u8, salt: &[u8]) -> KeyAnswer {
    let out: Vec<u8> = (0..32)
        .map(|i| id ^ salt.get(i).copied().unwrap_or(0) ^ (i as u8).wrapping_mul(3))
        .collect();
    KeyAnswer::new(vec![id; 20], &out).unwrap()
}

/// The answer of key `id` to the salt the header recorded for it.
fn answer_for(header: &VaultHeader, id: u8) -> KeyAnswer {
    let salt = header
        .begin(&pass())
        .unwrap()
        .key_requests()
        .into_iter()
        .find(|r| r.credential_id == vec![id; 20])
        .map(|r| r.prf_salt)
        .unwrap_or_default();
    answer(id, &salt)
}

fn add_key(vault: &UnlockedVault<MemoryRepository>, id: u8, at: i64) -> Option<RecoveryCode> {
    let salt = new_prf_salt().unwrap();
    let a = answer(id, &salt);
    let new = NewKey {
        name: "YubiKey 5C",
        prf_salt: &salt,
        answer: &a,
    };
    block_on(vault.add_security_key(&pass(), new, t(at))).unwrap()
}

#[test]
fn a_key_protected_vault_reopens_only_with_a_second_factor() {
    let (repo, vault, jana) = vault_with_jana();
    let code = add_key(&vault, 1, 2).expect("the first key makes a code");
    assert!(add_key(&vault, 2, 3).is_none());
    let s = vault.snapshot();
    assert_eq!(s.protection.keys.len(), 2);
    assert!(s.protection.recovery_code);
    let actions: Vec<Action> = s.audit.iter().map(|e| e.action).collect();
    assert!(actions.ends_with(&[Action::SecurityKeyAdded, Action::SecurityKeyAdded]));
    assert_eq!(
        s.audit.last().unwrap().changes[0].after.as_deref(),
        Some("YubiKey 5C")
    );
    assert!(s.chain.is_none());
    // The passphrase alone opens nothing.
    assert!(matches!(
        block_on(unlock(repo.clone(), &pass())),
        Err(AppError::Vault(VaultError::SecondFactorNeeded))
    ));
    let header = block_on(read_header(&repo)).unwrap();
    let by_key = block_on(unlock_with(
        repo.clone(),
        &pass(),
        Factor::Key(&answer_for(&header, 2)),
    ))
    .unwrap();
    assert!(by_key.snapshot().contacts.contains_key(&jana));
    assert!(by_key.snapshot().chain.is_none());
    assert_eq!(by_key.snapshot().protection.keys.len(), 2);
    let by_code = block_on(unlock_with(repo.clone(), &pass(), Factor::Recovery(&code))).unwrap();
    assert!(by_code.snapshot().contacts.contains_key(&jana));
    // A wrong code and a stranger's key open nothing.
    let wrong = RecoveryCode::parse("0000-0000-0000-0000-0000-0000-0000-0000").unwrap();
    assert!(matches!(
        block_on(unlock_with(repo.clone(), &pass(), Factor::Recovery(&wrong))),
        Err(AppError::Vault(VaultError::WrongRecoveryCode))
    ));
    assert!(matches!(
        block_on(unlock_with(
            repo.clone(),
            &pass(),
            Factor::Key(&answer(9, &[0; 32]))
        )),
        Err(AppError::Vault(VaultError::UnknownSecurityKey))
    ));
    // The code is not stored.
    let stored = block_on(repo.get_meta(HEADER_KEY)).unwrap().unwrap();
    assert!(!stored.contains(code.grouped().as_str()));
}

#[test]
fn removing_keys_and_renewing_the_code_are_written_and_audited() {
    let (repo, vault, _) = vault_with_jana();
    let old = add_key(&vault, 1, 2).unwrap();
    let new = block_on(vault.new_recovery_code(&pass(), t(3))).unwrap();
    assert_eq!(
        vault.snapshot().audit.last().unwrap().action,
        Action::RecoveryCodeRenewed
    );
    assert!(matches!(
        block_on(unlock_with(repo.clone(), &pass(), Factor::Recovery(&old))),
        Err(AppError::Vault(VaultError::WrongRecoveryCode))
    ));
    let id = b64(&[1; 20]);
    // The old code cannot remove the key; the new one can, and the passphrase alone opens again.
    assert!(
        block_on(vault.remove_security_key(&id, &pass(), Factor::Recovery(&old), t(4))).is_err()
    );
    assert_eq!(vault.snapshot().protection.keys.len(), 1);
    block_on(vault.remove_security_key(&id, &pass(), Factor::Recovery(&new), t(4))).unwrap();
    let s = vault.snapshot();
    assert_eq!(s.audit.last().unwrap().action, Action::SecurityKeyRemoved);
    assert_eq!(
        s.audit.last().unwrap().changes[0].before.as_deref(),
        Some("YubiKey 5C")
    );
    assert!(s.protection.keys.is_empty() && !s.protection.recovery_code);
    assert!(block_on(unlock(repo.clone(), &pass())).is_ok());
}

#[test]
fn the_passphrase_cannot_change_while_keys_are_registered() {
    let (_, vault, _) = vault_with_jana();
    add_key(&vault, 1, 2);
    let r = block_on(vault.change_passphrase(
        &pass(),
        &Passphrase::new("a brand new passphrase"),
        fast(),
        t(3),
    ));
    assert!(matches!(
        r,
        Err(AppError::Vault(VaultError::SecurityKeysRegistered))
    ));
}

#[test]
fn a_joined_device_needs_the_key_or_the_recovery_code_too() {
    let server = FakeCouch::new();
    let (_, a, jana) = vault_with_jana();
    block_on(a.save_sync_settings(&device_settings("a"), t(1))).unwrap();
    block_on(a.sync_round(&server, &device_settings("a"), t(2))).unwrap();
    // The key is added after the header first travelled: the next round sends the new one.
    let code = add_key(&a, 1, 3).unwrap();
    block_on(a.sync_round(&server, &device_settings("a"), t(4))).unwrap();
    let travelled = block_on(super::super::sync::remote_header(&server)).unwrap();
    assert_eq!(
        travelled,
        a.header(),
        "the header round-trips through the server"
    );
    assert!(travelled.is_protected());
    // The passphrase alone: refused, nothing stored.
    let repo = MemoryRepository::new();
    let alone = join_device(&repo, &server, &pass(), None, "b", 5);
    assert!(matches!(
        alone,
        Err(AppError::Vault(VaultError::SecondFactorNeeded))
    ));
    assert!(!block_on(vault_exists(&repo)).unwrap());
    // With the key.
    let key = answer_for(&travelled, 1);
    let b = join_device(&repo, &server, &pass(), Some(Factor::Key(&key)), "b", 6).unwrap();
    assert!(b.snapshot().contacts.contains_key(&jana));
    assert!(b.snapshot().protection.recovery_code);
    // The joined device's own copy is protected the same way.
    assert!(matches!(
        block_on(unlock(repo.clone(), &pass())),
        Err(AppError::Vault(VaultError::SecondFactorNeeded))
    ));
    // Or the recovery code, on a third device.
    let c = join_device(
        &MemoryRepository::new(),
        &server,
        &pass(),
        Some(Factor::Recovery(&code)),
        "c",
        7,
    )
    .unwrap();
    assert!(c.snapshot().contacts.contains_key(&jana));
}
