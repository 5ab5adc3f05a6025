"""Opening an existing vault file and unwrapping its data key, all or nothing.

Each entry point returns the open connection, the vault id and the data key, or raises with
the connection closed again. None of them ever creates anything: a missing file or a key that
can't be read is an error pointing at the keyring or the recovery code, never a reason to
start a new vault over the old one (creation lives in :mod:`.creation`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from safenote.core.paths import AppPaths
from safenote.core.vault import backups, keyslots
from safenote.core.vault.database import corruption_guard, db_path, open_checked, vault_dir
from safenote.core.vault.errors import NoVaultError
from safenote.core.vault.keystore import KeyStore, SystemKeyStore

MSG_NO_VAULT = "There's no vault here yet. Set one up in the app, or run 'safenote vault init'."

Unlocked = tuple[sqlite3.Connection, str, bytes]  # (connection, vault id, data key)
_Unwrap = Callable[[sqlite3.Connection, keyslots.Slots, str], bytes]


def backup_names(paths: AppPaths) -> tuple[str, ...]:
    """The backups a VaultCorruptError offers, newest first."""
    return tuple(str(p) for p in backups.list_backups(vault_dir(paths)))


def _unlock(paths: AppPaths, unwrap: _Unwrap) -> Unlocked:
    path = db_path(paths)
    if not path.exists():
        raise NoVaultError(MSG_NO_VAULT)
    found = backup_names(paths)
    conn = open_checked(path, found)
    try:
        with corruption_guard(found):
            row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
            vault_id = str(row[0])
            dek = unwrap(conn, keyslots.read_slots(conn), vault_id)
    except BaseException:
        conn.close()
        raise
    return conn, vault_id, dek


def open_existing(
    paths: AppPaths, *, keystore: KeyStore | None, passphrase: str | None
) -> Unlocked:
    """Unlock with ``passphrase`` if given, else with the keyring (``keystore`` or the
    system one); finishes an interrupted keyring rotation if it finds one."""

    def unwrap(conn: sqlite3.Connection, slots: keyslots.Slots, vault_id: str) -> bytes:
        if passphrase is not None:
            return keyslots.unlock_with_passphrase(slots, vault_id, passphrase)
        return keyslots.unlock_with_keyring(conn, slots, vault_id, keystore or SystemKeyStore())

    return _unlock(paths, unwrap)


def open_with_recovery(paths: AppPaths, entropy: bytes) -> Unlocked:
    """Unlock with a recovery code's entropy (already checked for typos)."""

    def unwrap(_conn: sqlite3.Connection, slots: keyslots.Slots, vault_id: str) -> bytes:
        return keyslots.unlock_with_recovery(slots, vault_id, entropy)

    return _unlock(paths, unwrap)
