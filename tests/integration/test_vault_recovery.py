"""Key gone from the real keyring -> refusal -> wrong code refused -> right code restores."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from safenote.core.paths import AppPaths, app_paths
from safenote.core.vault import (
    Draft,
    KdfParams,
    KeyMissingError,
    RecoveryCodeTypoError,
    Vault,
    WrongRecoveryCodeError,
)
from safenote.core.vault.keystore import SERVICE
from tests.integration.vault_support import (
    env_without_keyring_overrides,
    real_keystore,
    run_safenote,
)


def test_key_gone_then_recovered_through_the_api(tmp_path: Path) -> None:
    store = real_keystore()
    vault, code = Vault.create(app_paths(), keystore=store)
    drafts = [vault.save_draft(Draft(title=f"d{n}", body=f"body {n} ✓")) for n in range(5)]
    vault.close()
    keyring.delete_password(SERVICE, vault.vault_id)  # the keyring entry is gone

    with pytest.raises(KeyMissingError, match="vault recover") as caught:
        Vault.open(app_paths(), keystore=store)
    assert "never make a new key" in str(caught.value)
    assert keyring.get_password(SERVICE, vault.vault_id) is None  # nothing laid over it

    with pytest.raises(RecoveryCodeTypoError):
        Vault.recover(code.replace("-", "")[:-2] + "00", app_paths(), keystore=store)
    elsewhere = AppPaths(tmp_path / "x" / "d", tmp_path / "x" / "c", tmp_path / "x" / "l")
    other, other_code = Vault.create(elsewhere, passphrase="p", kdf=_cheap())
    other.close()
    with pytest.raises(WrongRecoveryCodeError):
        Vault.recover(other_code, app_paths(), keystore=store)
    assert keyring.get_password(SERVICE, vault.vault_id) is None

    with Vault.recover(code, app_paths(), keystore=store) as recovered:
        assert [recovered.get_draft(d.id) for d in drafts] == drafts
    try:
        assert keyring.get_password(SERVICE, vault.vault_id) is not None  # key re-stored
        with Vault.open(app_paths(), keystore=real_keystore()) as reopened:
            assert len(reopened.list_drafts().drafts) == 5
    finally:
        store.delete_key(vault.vault_id)


def _cheap() -> KdfParams:
    return KdfParams(memory_kib=8, iterations=1, lanes=1)


def test_key_gone_then_recovered_through_the_cli(tmp_path: Path) -> None:
    real_keystore()
    env = env_without_keyring_overrides()
    code_file = tmp_path / "code.txt"
    result = run_safenote("vault", "init", "--recovery-code-out", str(code_file), env=env)
    assert result.returncode == 0, result.stderr
    added = run_safenote("drafts", "add", "-", "--title", "kept", env=env, stdin="words")
    draft_id = added.stdout.strip()
    status = run_safenote("vault", "status", env=env)
    vault_id = next(
        line.split()[-1] for line in status.stdout.splitlines() if line.startswith("vault id:")
    )
    assert "key in keyring:  yes" in status.stdout
    keyring.delete_password(SERVICE, vault_id)

    refused = run_safenote("drafts", "list", env=env)
    assert refused.returncode == 2
    assert "vault recover --recovery-code-file" in refused.stderr
    assert "NO - use 'safenote vault recover'" in run_safenote("vault", "status", env=env).stdout

    wrong = tmp_path / "wrong.txt"
    wrong.write_text(code_file.read_text().replace("-", "", 1)[:-3] + "\n", encoding="utf-8")
    typo = run_safenote("vault", "recover", "--recovery-code-file", str(wrong), env=env)
    assert typo.returncode == 2
    assert "typo" in typo.stderr

    ok = run_safenote("vault", "recover", "--recovery-code-file", str(code_file), env=env)
    assert ok.returncode == 0, ok.stderr
    assert "1 drafts" in ok.stdout
    try:
        shown = run_safenote("drafts", "show", draft_id, env=env)
        assert shown.returncode == 0
        assert shown.stdout.rstrip().endswith("words")
        rotated = run_safenote("vault", "rotate-key", env=env)
        assert rotated.returncode == 0, rotated.stderr
        assert run_safenote("drafts", "list", env=env).returncode == 0
    finally:
        keyring.delete_password(SERVICE, vault_id)
