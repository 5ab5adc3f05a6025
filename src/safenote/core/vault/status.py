"""Things that work without the key: status of a vault, and restoring a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from safenote.core.paths import AppPaths, app_paths
from safenote.core.vault import backups, keyslots
from safenote.core.vault.database import db_path, open_checked, vault_dir
from safenote.core.vault.errors import VaultCorruptError, VaultError
from safenote.core.vault.keystore import KeyStore, SystemKeyStore
from safenote.core.vault.models import VaultStatus

_SLOT_NAMES = {
    keyslots.KEYRING: "keyring",
    keyslots.KEYRING_NEXT: "keyring",
    keyslots.RECOVERY: "recovery-code",
    keyslots.PASSPHRASE: "passphrase",
}


def list_backups(paths: AppPaths | None = None) -> list[Path]:
    """Automatic backups, newest first."""
    return backups.list_backups(vault_dir(paths or app_paths()))


def vault_status(paths: AppPaths | None = None, keystore: KeyStore | None = None) -> VaultStatus:
    """Describe the vault without unlocking it. Raises VaultCorruptError for a damaged file."""
    paths = paths or app_paths()
    path = db_path(paths)
    found = tuple(str(p) for p in list_backups(paths))
    if not path.exists():
        return VaultStatus(exists=False, path=str(path), backups=len(found))
    conn = open_checked(path, found)
    try:
        vault_id = str(conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        slots = keyslots.read_slots(conn)
        counts = dict(conn.execute("SELECT state, COUNT(*) FROM drafts GROUP BY state"))
    except sqlite3.DatabaseError:
        raise VaultCorruptError("Your vault file is damaged.", found) from None
    finally:
        conn.close()
    methods = tuple(sorted({_SLOT_NAMES.get(s, s) for s in slots}))
    store = keystore or SystemKeyStore()
    keyring_name = store.describe()
    present: bool | None = None
    if "keyring" in methods:
        try:
            present = store.get_key(vault_id) is not None
        except VaultError as err:
            keyring_name = f"{keyring_name} ({err})"
    return VaultStatus(
        exists=True,
        path=str(path),
        vault_id=vault_id,
        schema_version=version,
        unlock_methods=methods,
        keyring=keyring_name,
        keyring_key_present=present,
        drafts=int(counts.get("live", 0)),
        in_trash=int(counts.get("trash", 0)),
        backups=len(found),
    )


def restore_backup(paths: AppPaths | None = None, backup: Path | None = None) -> Path:
    """Replace a damaged vault file with ``backup`` (default: the newest).

    The damaged file is moved aside (returned), never deleted. The restored vault opens
    with the same keys it had when the backup was taken; the recovery code always works.
    """
    paths = paths or app_paths()
    chosen = backup or next(iter(list_backups(paths)), None)
    if chosen is None:
        raise VaultError(
            "There are no backups of this vault yet. If you have your recovery code, keep the "
            "damaged file: it may still be repairable."
        )
    return backups.restore_backup(db_path(paths), chosen)
