"""Run inside a private D-Bus session with its own gnome-keyring (see test_keyring_policy).

Creates a vault with the real keyring, locks the login collection, then tries to open the
vault through the API and the CLI. Prints one JSON object with what happened.
"""

from __future__ import annotations

import json
import subprocess
import sys

import secretstorage

from safenote.core.paths import app_paths
from safenote.core.vault import SystemKeyStore, Vault, VaultError


def main() -> int:
    result: dict[str, object] = {}
    vault, _code = Vault.create(app_paths(), keystore=SystemKeyStore())
    vault.close()
    connection = secretstorage.dbus_init()
    collection = secretstorage.get_default_collection(connection)
    collection.lock()
    result["locked"] = collection.is_locked()
    try:
        Vault.open(app_paths(), keystore=SystemKeyStore(timeout_s=20)).close()
        result["api"] = "opened"
    except VaultError as err:
        result["api"] = type(err).__name__
        result["api_message"] = str(err)
    cli = subprocess.run(
        [sys.executable, "-m", "safenote", "drafts", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    result["cli_code"] = cli.returncode
    result["cli_err"] = cli.stderr
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
