"""Building a new vault file, all or nothing.

The file is assembled under a temporary name (schema, vault id, key slots, and the keyring
key stored and read back) and only then renamed into place, so a failure or crash at any
step leaves no half-made vault that would later look like "a vault whose key is missing".
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from safenote.core.paths import AppPaths
from safenote.core.vault import crypto, keyslots
from safenote.core.vault.database import (
    connect,
    create_private_file,
    db_path,
    migrate,
    open_checked,
    transaction,
)
from safenote.core.vault.errors import VaultExistsError
from safenote.core.vault.keystore import KeyStore, SystemKeyStore
from safenote.core.vault.models import new_id

MSG_EXISTS = (
    "A vault already exists here, so SafeNote won't create a new one over it. "
    "Open it, or use 'safenote vault recover' if its key is lost."
)


def build_vault_file(
    final: Path,
    vault_id: str,
    dek: bytes,
    *,
    keystore: KeyStore | None,
    passphrase: str | None,
    kdf: crypto.KdfParams,
) -> str:
    """Create the vault at ``final``; returns the recovery code. Exactly one of
    ``keystore`` / ``passphrase`` says how it will unlock day to day."""
    partial = final.with_name(f".{final.name}.creating-{vault_id}")
    create_private_file(partial)
    conn = connect(partial)
    try:
        migrate(conn)
        params, wrapped, code = keyslots.recovery_slot(dek, vault_id)
        with transaction(conn):
            conn.execute("INSERT INTO meta VALUES ('vault_id', ?)", (vault_id,))
            keyslots.put_slot(conn, keyslots.RECOVERY, params, wrapped)
            if passphrase is not None:
                p_params, p_wrapped = keyslots.passphrase_slot(dek, vault_id, passphrase, kdf)
                keyslots.put_slot(conn, keyslots.PASSPHRASE, p_params, p_wrapped)
        if keystore is not None:
            keyslots.store_new_keyring_key(conn, vault_id, dek, keystore)
        conn.close()
        if final.exists():  # another process won the race; never replace its vault
            raise VaultExistsError(MSG_EXISTS)
        os.replace(partial, final)
    except BaseException:
        conn.close()
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return code


def create_vault(
    paths: AppPaths,
    *,
    keystore: KeyStore | None,
    passphrase: str | None,
    kdf: crypto.KdfParams | None,
) -> tuple[sqlite3.Connection, str, bytes, str]:
    """Make a new vault in its usual place and open it; refuses if one is there already.

    Returns (connection, vault id, data key, recovery code). With ``passphrase`` the vault
    unlocks with it and needs no keyring; otherwise the key goes into ``keystore`` (the
    system keyring by default).
    """
    final = db_path(paths)
    if final.exists():
        raise VaultExistsError(MSG_EXISTS)
    vault_id = new_id()
    dek = crypto.random_key()
    code = build_vault_file(
        final,
        vault_id,
        dek,
        keystore=None if passphrase is not None else (keystore or SystemKeyStore()),
        passphrase=passphrase,
        kdf=kdf or crypto.KdfParams(),
    )
    return open_checked(final, ()), vault_id, dek, code
