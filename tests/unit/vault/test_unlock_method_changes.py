"""Key changes the Settings dialog offers: a new recovery code, dropping the keyring or the
passphrase (never both), and old codes/passphrases opening no backup afterwards."""

from __future__ import annotations

import pytest

from safenote.core.paths import app_paths
from safenote.core.vault import (
    Draft,
    KdfParams,
    MemoryKeyStore,
    Vault,
    VaultError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from safenote.core.vault.status import list_backups, restore_backup

FAST = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def test_new_recovery_code_replaces_the_old_one_everywhere() -> None:
    keys = MemoryKeyStore()
    paths = app_paths().ensure()
    vault, old = Vault.create(paths, keystore=keys)
    vault.save_draft(Draft(title="t", body="b"))
    new = vault.new_recovery_code()
    assert new != old
    vault.close()
    with pytest.raises(WrongRecoveryCodeError):
        Vault.recover(old, paths, keystore=keys)
    Vault.recover(new, paths, keystore=keys).close()
    # The backups were replaced: restoring one doesn't bring the old code back.
    assert list_backups(paths)
    restore_backup(paths)
    with pytest.raises(WrongRecoveryCodeError):
        Vault.recover(old, paths, keystore=keys)


def test_switch_from_keyring_to_passphrase_only() -> None:
    keys = MemoryKeyStore()
    paths = app_paths().ensure()
    vault, _code = Vault.create(paths, keystore=keys)
    with pytest.raises(VaultError, match="can't be removed"):
        vault.remove_unlock_method("keyring", keys)
    vault.set_passphrase("river lantern apple", kdf=FAST)
    vault.remove_unlock_method("keyring", keys)
    assert vault.unlock_methods() == ("passphrase", "recovery")
    assert keys.keys == {}
    vault.close()
    Vault.open(paths, passphrase="river lantern apple").close()


def test_switch_from_passphrase_to_keyring() -> None:
    keys = MemoryKeyStore()
    paths = app_paths().ensure()
    vault, _code = Vault.create(paths, passphrase="river lantern apple", kdf=FAST)
    vault.rotate_keyring_key(keys)
    vault.remove_unlock_method("passphrase")
    assert vault.unlock_methods() == ("keyring", "recovery")
    vault.close()
    Vault.open(paths, keystore=keys).close()
    restore_backup(paths)
    with pytest.raises((WrongPassphraseError, VaultError)):
        Vault.open(paths, passphrase="river lantern apple")
