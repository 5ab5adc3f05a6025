"""Unlocking: keyring, passphrase, recovery code; rotation; never a new key over a vault."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from safenote.core.paths import AppPaths
from safenote.core.vault import (
    Draft,
    KeyMissingError,
    MemoryKeyStore,
    NoVaultError,
    PassphraseRequiredError,
    RecoveryCodeTypoError,
    Vault,
    VaultError,
    VaultExistsError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
    crypto,
)
from safenote.core.vault.database import db_path
from safenote.core.vault.keyslots import KEYRING, KEYRING_NEXT
from tests.unit.vault.conftest import FAST_KDF


def slots(paths: AppPaths) -> dict[str, bytes]:
    with sqlite3.connect(db_path(paths)) as conn:
        return {s: bytes(w) for s, w in conn.execute("SELECT slot, wrapped FROM key_slots")}


def blobs(paths: AppPaths) -> list[bytes]:
    with sqlite3.connect(db_path(paths)) as conn:
        return [bytes(b) for (b,) in conn.execute("SELECT blob FROM draft_revisions")]


def test_open_without_a_vault_says_how_to_make_one(paths: AppPaths) -> None:
    with pytest.raises(NoVaultError, match="vault init"):
        Vault.open(paths, keystore=MemoryKeyStore())


def test_never_creates_over_an_existing_vault(
    paths: AppPaths, created: tuple[Vault, str], keystore: MemoryKeyStore
) -> None:
    before = slots(paths)
    with pytest.raises(VaultExistsError, match="won't create a new one"):
        Vault.create(paths, keystore=keystore)
    assert slots(paths) == before


def test_missing_key_points_at_recovery_and_creates_nothing(
    paths: AppPaths, created: tuple[Vault, str], keystore: MemoryKeyStore
) -> None:
    vault, _code = created
    vault.save_draft(Draft(title="t"))
    vault.close()
    keystore.keys.clear()
    before = slots(paths)
    with pytest.raises(KeyMissingError, match="recovery code") as caught:
        Vault.open(paths, keystore=keystore)
    assert "vault recover" in str(caught.value)
    assert keystore.keys == {}  # no new key was laid down
    assert slots(paths) == before


def test_wrong_key_in_keyring_is_refused(
    paths: AppPaths, created: tuple[Vault, str], keystore: MemoryKeyStore
) -> None:
    created[0].close()
    (vault_id,) = keystore.keys
    keystore.keys[vault_id] = crypto.random_key()
    with pytest.raises(KeyMissingError, match="doesn't open this vault"):
        Vault.open(paths, keystore=keystore)


def test_recovery_code_typo_wrong_vault_then_right_code(
    paths: AppPaths, created: tuple[Vault, str], keystore: MemoryKeyStore, tmp_path: Path
) -> None:
    vault, code = created
    ids = [vault.save_draft(Draft(title=f"d{n}", body=f"body {n}")).id for n in range(3)]
    vault.close()
    keystore.keys.clear()

    typo = ("Z" if code[0] != "Z" else "Y") + code[1:]
    with pytest.raises(RecoveryCodeTypoError):
        Vault.recover(typo, paths, keystore=keystore)

    other_paths = AppPaths(tmp_path / "o" / "d", tmp_path / "o" / "c", tmp_path / "o" / "l")
    other, other_code = Vault.create(other_paths, keystore=MemoryKeyStore())
    other.close()
    with pytest.raises(WrongRecoveryCodeError, match="different vault"):
        Vault.recover(other_code, paths, keystore=keystore)
    assert keystore.keys == {}

    with Vault.recover(code.lower(), paths, keystore=keystore) as recovered:
        assert [recovered.get_draft(i).body for i in ids] == ["body 0", "body 1", "body 2"]
    assert len(keystore.keys) == 1  # a fresh key is back in the keyring
    with Vault.open(paths, keystore=keystore) as reopened:
        assert len(reopened.list_drafts().drafts) == 3


def test_typo_is_caught_before_any_key_derivation(
    paths: AppPaths, created: tuple[Vault, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object) -> bytes:
        raise AssertionError("KDF must not run for a mistyped code")

    monkeypatch.setattr(crypto, "recovery_kek", boom)
    code = created[1]
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")  # a checksum character changed
    with pytest.raises(RecoveryCodeTypoError):
        Vault.recover(typo, paths)


def test_rotation_rewraps_only_the_key(
    paths: AppPaths, created: tuple[Vault, str], keystore: MemoryKeyStore
) -> None:
    vault, _code = created
    saved = vault.save_draft(Draft(title="t", body="b"))
    (vault_id,) = keystore.keys
    old_kek = keystore.keys[vault_id]
    records_before = blobs(paths)
    vault.rotate_keyring_key(keystore)
    vault.close()
    assert keystore.keys[vault_id] != old_kek
    assert blobs(paths) == records_before  # records untouched
    assert set(slots(paths)) == {KEYRING, "recovery"}
    with Vault.open(paths, keystore=keystore) as reopened:
        assert reopened.get_draft(saved.id) == saved
    keystore.keys[vault_id] = old_kek
    with pytest.raises(KeyMissingError):
        Vault.open(paths, keystore=keystore)


def test_interrupted_rotation_still_opens(
    paths: AppPaths, created: tuple[Vault, str], keystore: MemoryKeyStore
) -> None:
    # Simulate a crash after the keyring took the new key but before the final swap.
    vault, _code = created
    vault.close()
    (vault_id,) = keystore.keys
    new_kek = crypto.random_key()
    with sqlite3.connect(db_path(paths)) as conn:
        wrapped = conn.execute("SELECT wrapped FROM key_slots WHERE slot='keyring'").fetchone()[0]
        dek = crypto.unwrap_key(keystore.keys[vault_id], bytes(wrapped), vault_id, KEYRING)
        conn.execute(
            "INSERT INTO key_slots VALUES (?, '{}', ?)",
            (KEYRING_NEXT, crypto.wrap_key(new_kek, dek, vault_id, KEYRING_NEXT)),
        )
    keystore.keys[vault_id] = new_kek
    with Vault.open(paths, keystore=keystore) as reopened:
        assert reopened.unlock_methods() == ("keyring", "recovery")
    assert set(slots(paths)) == {KEYRING, "recovery"}


def test_passphrase_vault(paths: AppPaths, keystore: MemoryKeyStore) -> None:
    vault, _code = Vault.create(paths, passphrase="blue kettle", kdf=FAST_KDF)
    saved = vault.save_draft(Draft(title="t"))
    vault.close()
    with Vault.open(paths, passphrase="blue kettle") as reopened:
        assert reopened.get_draft(saved.id) == saved
        assert reopened.unlock_methods() == ("passphrase", "recovery")
    with pytest.raises(WrongPassphraseError, match="doesn't open this vault"):
        Vault.open(paths, passphrase="blue kettle!")
    with pytest.raises(PassphraseRequiredError, match="--passphrase-file"):
        Vault.open(paths, keystore=keystore)


def test_set_passphrase_on_a_keyring_vault(
    paths: AppPaths, created: tuple[Vault, str], keystore: MemoryKeyStore
) -> None:
    vault, _code = created
    with pytest.raises(VaultError, match="no passphrase set"):
        Vault.open(paths, passphrase="x")
    vault.set_passphrase("new phrase", kdf=FAST_KDF)
    vault.close()
    Vault.open(paths, passphrase="new phrase").close()
    Vault.open(paths, keystore=keystore).close()


def test_failed_keyring_write_leaves_no_half_made_vault(paths: AppPaths) -> None:
    class Refusing(MemoryKeyStore):
        def set_key(self, vault_id: str, key: bytes) -> None:
            raise VaultError("no keyring")

    with pytest.raises(VaultError, match="no keyring"):
        Vault.create(paths, keystore=Refusing())
    assert not Vault.exists(paths)
    assert [p.name for p in db_path(paths).parent.iterdir()] == []
