"""SafeNote against the real Secret Service, and the keyrings it refuses (each with its message)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import keyring

from safenote.core.paths import app_paths
from safenote.core.vault import Draft, Vault
from safenote.core.vault.keystore import SERVICE
from tests.integration.vault_support import (
    HERE,
    env_without_keyring_overrides,
    fake_keyrings_alt,
    real_keystore,
    require,
    run_safenote,
)


def test_round_trip_through_the_real_secret_service() -> None:
    store = real_keystore()
    assert store.describe() == "keyring.backends.SecretService.Keyring"
    vault_id = f"probe-{secrets.token_hex(4)}"
    key = secrets.token_bytes(32)
    store.set_key(vault_id, key)
    try:
        assert store.get_key(vault_id) == key
        # Stored base64, under service "safenote", one entry per vault id.
        assert keyring.get_password(SERVICE, vault_id) is not None
    finally:
        store.delete_key(vault_id)
    assert store.get_key(vault_id) is None


def test_vault_on_the_real_keyring_reopens() -> None:
    store = real_keystore()
    vault, _code = Vault.create(app_paths(), keystore=store)
    saved = vault.save_draft(Draft(title="real keyring", body="hello"))
    vault.close()
    try:
        with Vault.open(app_paths(), keystore=real_keystore()) as reopened:
            assert reopened.get_draft(saved.id) == saved
        result = run_safenote("drafts", "list", env=env_without_keyring_overrides())
        assert result.returncode == 0, result.stderr
        assert "real keyring" in result.stdout
    finally:
        store.delete_key(vault.vault_id)


def _refused(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = run_safenote("vault", "init", env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert not Vault.exists(app_paths())  # nothing half-made
    return result


def test_no_dbus_is_refused() -> None:
    for bus in (None, "unix:path=/nonexistent/safenote-test-bus"):
        env = env_without_keyring_overrides()
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        if bus is not None:
            env["DBUS_SESSION_BUS_ADDRESS"] = bus
        result = _refused(env)
        assert "couldn't find a secure system keyring" in result.stderr
        assert "--passphrase-file" in result.stderr


def test_null_backend_is_refused() -> None:
    env = env_without_keyring_overrides()
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    assert "keyring is switched off" in _refused(env).stderr


def test_plaintext_backend_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    env = env_without_keyring_overrides()
    env["PYTHONPATH"] = str(fake_keyrings_alt(tmp_path / "alt"))
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    result = _refused(env)
    assert "stores secrets in a plain file" in result.stderr
    assert not (Path(env["HOME"]) / "keyring_pass.cfg").exists()


def test_locked_collection_says_unlock_or_recover(tmp_path: Path) -> None:
    # A private bus and keyring daemon, so locking it cannot disturb the other tests.
    require("dbus-run-session")
    require("gnome-keyring-daemon")
    home = tmp_path / "locked-home"
    home.mkdir(mode=0o700)
    env = env_without_keyring_overrides()
    env.pop("DISPLAY", None)  # no prompter window: an unlock prompt must fail, not wait
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.update(HOME=str(home), SAFENOTE_HOME=str(tmp_path / "locked-safenote"))
    script = (
        "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
        f'exec "{sys.executable}" "{HERE / "locked_scenario.py"}"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=os.getcwd(),
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["locked"] is True
    assert outcome["api"] == "KeyringLockedError"
    assert "keyring is locked. Unlock it" in str(outcome["api_message"])
    assert "recovery code" in str(outcome["api_message"])
    assert outcome["cli_code"] == 2
    assert "keyring is locked" in str(outcome["cli_err"])
