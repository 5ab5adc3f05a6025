"""The Secret Service shortcut against the real gnome-keyring: it reads exactly what keyring
stored, keyring's discovery never runs when it hits, and a miss still goes to keyring."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys

import keyring

from safenote.core.vault.keystore import SERVICE
from safenote.core.vault.secret_service import direct_lookup_applies, lookup
from tests.integration.vault_support import ROOT, env_without_keyring_overrides, real_keystore

# A fresh process reads one key as the app does, then says whether keyring was loaded.
_READ_IN_A_FRESH_PROCESS = """
import base64, json, sys
from safenote.core.vault import SystemKeyStore
key = SystemKeyStore().get_key(sys.argv[1])
print(json.dumps({
    "key": None if key is None else base64.b64encode(key).decode(),
    "keyring_loaded": "keyring" in sys.modules,
}))
"""


def _read_fresh(vault_id: str, env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _READ_IN_A_FRESH_PROCESS, vault_id],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def test_the_shortcut_reads_what_keyring_stored() -> None:
    store = real_keystore()
    assert direct_lookup_applies(env_without_keyring_overrides())
    vault_id = f"probe-{secrets.token_hex(4)}"
    key = secrets.token_bytes(32)
    store.set_key(vault_id, key)  # written through keyring, as SafeNote always writes
    try:
        stored = keyring.get_password(SERVICE, vault_id)
        assert stored is not None
        assert lookup(SERVICE, vault_id) == stored

        env = env_without_keyring_overrides()
        fresh = _read_fresh(vault_id, env)
        assert fresh["key"] == stored
        assert fresh["keyring_loaded"] is False  # served without keyring's discovery

        # With a keyring property set the shortcut steps aside: keyring answers, the same.
        aside = _read_fresh(vault_id, {**env, "KEYRING_PROPERTY_PROBE": "1"})
        assert aside["key"] == stored
        assert aside["keyring_loaded"] is True
    finally:
        store.delete_key(vault_id)
    assert lookup(SERVICE, vault_id) is None


def test_a_missing_key_still_goes_to_keyring() -> None:
    real_keystore()
    vault_id = f"absent-{secrets.token_hex(4)}"
    assert lookup(SERVICE, vault_id) is None
    fresh = _read_fresh(vault_id, env_without_keyring_overrides())
    assert fresh["key"] is None
    assert fresh["keyring_loaded"] is True  # keyring had the last word on "not there"
