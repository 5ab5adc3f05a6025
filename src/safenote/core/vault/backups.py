"""Automatic backups of the vault file: consistent SQLite snapshots, rotated.

A backup is a copy of the database, so it is exactly as encrypted as the vault (records
under the data key, the data key only wrapped). Backups are taken at most once a day when
the vault opens and before risky operations (migrations, key changes); the newest
``KEEP`` are kept.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from safenote.core.paths import make_private_dir
from safenote.core.vault.errors import VaultCorruptError

KEEP = 5
DAILY_S = 24 * 3600
_PREFIX = "vault-"
_SUFFIX = ".db"


def backup_dir(vault_folder: Path) -> Path:
    return vault_folder / "backups"


def list_backups(vault_folder: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(vault_folder)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(_PREFIX) and p.suffix == _SUFFIX]
    return sorted(found, key=lambda p: p.name, reverse=True)


def make_backup(conn: sqlite3.Connection, vault_folder: Path, keep: int = KEEP) -> Path:
    folder = backup_dir(vault_folder)
    make_private_dir(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    final = folder / f"{_PREFIX}{stamp}{_SUFFIX}"
    partial = folder / f".{final.name}.partial"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    for old in list_backups(vault_folder)[keep:]:
        old.unlink(missing_ok=True)
    return final


def _shred(path: Path) -> None:
    """Overwrite then unlink: best effort (SSDs and copy-on-write file systems may keep
    old blocks; the contents are encrypted either way)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)


def replace_all_backups(conn: sqlite3.Connection, vault_folder: Path) -> Path:
    """After something was deleted for good, older backups must not keep it: start over."""
    old = list_backups(vault_folder)
    fresh = make_backup(conn, vault_folder)
    for path in old:
        _shred(path)
    return fresh


def backup_due(vault_folder: Path, interval_s: float = DAILY_S) -> bool:
    newest = list_backups(vault_folder)
    return not newest or time.time() - newest[0].stat().st_mtime > interval_s


def restore_backup(db_file: Path, backup: Path) -> Path:
    """Put ``backup`` in place of ``db_file``; the old file is moved aside, never deleted.

    Returns where the old file went.
    """
    try:
        check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()
        finally:
            check.close()
    except sqlite3.DatabaseError:
        ok = None
    if ok is None or ok[0] != "ok":
        raise VaultCorruptError(
            "That backup is damaged too. Try an older backup, or your recovery code with it."
        )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    aside = db_file.with_name(f"{db_file.name}.damaged-{stamp}")
    if db_file.exists():
        os.replace(db_file, aside)
    for extra in ("-wal", "-shm"):
        side = db_file.with_name(db_file.name + extra)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + extra))
    partial = db_file.with_name(f".{db_file.name}.restoring")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, open(backup, "rb") as src:
        out.write(src.read())
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, db_file)
    return aside
