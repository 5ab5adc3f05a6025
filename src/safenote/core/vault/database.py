"""The SQLite file: where it lives, how it is opened, and its schema migrations.

Pragmas, and why:
* ``journal_mode=WAL`` + ``synchronous=FULL``: a save that returned survives a crash or
  power loss; a crash mid-save leaves the previous version.
* ``secure_delete=ON``: deleted records are overwritten with zeros, not left in free pages.
* ``temp_store=MEMORY``: SQLite never spills (encrypted, but still) data into TMPDIR.
The file is created 0600 inside a 0700 folder before SQLite touches it (SQLite gives its
-wal and -shm files the same mode as the database).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from safenote.core.paths import AppPaths, make_private_dir
from safenote.core.vault.errors import DiskFullError, VaultCorruptError, VaultTooNewError

SCHEMA_VERSION = 1
DB_NAME = "vault.db"

MSG_DISK_FULL = (
    "There isn't enough disk space to save right now. Your last saved version is safe. "
    "Free some space and save again."
)


def vault_dir(paths: AppPaths) -> Path:
    return paths.data / "vault"


def db_path(paths: AppPaths) -> Path:
    return vault_dir(paths) / DB_NAME


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the migration's transaction half-way: run one by one.
    # (So no ";" inside comments of a migration script.)
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- DEK wrapped by each unlock method. params is JSON (salt, KDF cost), never secret.
        CREATE TABLE key_slots (slot TEXT PRIMARY KEY, params TEXT NOT NULL,
                                wrapped BLOB NOT NULL);
        -- One row per draft: the current revision and an encrypted summary for lists.
        CREATE TABLE drafts (id TEXT PRIMARY KEY, revision INTEGER NOT NULL,
                             state TEXT NOT NULL CHECK (state IN ('live', 'trash')),
                             updated_day TEXT NOT NULL, summary BLOB NOT NULL);
        -- Every kept revision (the current one included), encrypted in full.
        CREATE TABLE draft_revisions (draft_id TEXT NOT NULL, revision INTEGER NOT NULL,
                                      saved_day TEXT NOT NULL, blob BLOB NOT NULL,
                                      UNIQUE (draft_id, revision));
        CREATE TABLE contacts (id TEXT PRIMARY KEY, revision INTEGER NOT NULL,
                               blob BLOB NOT NULL);
        CREATE TABLE settings (id TEXT PRIMARY KEY, revision INTEGER NOT NULL,
                               blob BLOB NOT NULL);
        """,
    )


# MIGRATIONS[n] takes a database at version n to n + 1. Append, never edit.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_0_to_1]


def is_disk_full(err: BaseException) -> bool:
    if isinstance(err, sqlite3.Error):
        code = getattr(err, "sqlite_errorcode", None)
        return code == sqlite3.SQLITE_FULL or "full" in str(err).lower()
    return isinstance(err, OSError) and err.errno == 28  # ENOSPC


def create_private_file(path: Path) -> None:
    make_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def connect(path: Path) -> sqlite3.Connection:
    """Open (and configure) an existing or freshly created database file."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT; rolls back on any error and maps "disk full"."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as err:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if is_disk_full(err):
            raise DiskFullError(MSG_DISK_FULL) from None
        raise


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; refuse files from a newer SafeNote."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise VaultTooNewError(
            "This vault was made by a newer version of SafeNote. Update SafeNote to open it; "
            "your drafts are untouched."
        )
    while version < SCHEMA_VERSION:
        with transaction(conn):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version={version + 1}")
        version += 1
    return version


def corrupt_message() -> str:
    return (
        "Your vault file is damaged and can't be opened. SafeNote keeps encrypted backups: "
        "restore the newest one (in the app, or with 'safenote vault restore-backup'). "
        "The damaged file is kept aside, not deleted."
    )


def is_corruption(err: BaseException) -> bool:
    if not isinstance(err, sqlite3.DatabaseError) or is_disk_full(err):
        return False
    code = getattr(err, "sqlite_errorcode", None)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    text = str(err).lower()
    return "malformed" in text or "not a database" in text


@contextmanager
def corruption_guard(backups: tuple[str, ...]) -> Iterator[None]:
    """Low-level damage met while reading -> VaultCorruptError offering ``backups``."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        if is_corruption(err):
            raise VaultCorruptError(corrupt_message(), backups) from None
        raise


def integrity_ok(conn: sqlite3.Connection) -> bool:
    """SQLite's quick_check: reads every page, so it runs daily (with the backup), not on
    every open."""
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as err:
        if is_corruption(err):
            return False
        raise
    return row is not None and row[0] == "ok"


def open_checked(path: Path, backups: tuple[str, ...]) -> sqlite3.Connection:
    """Open an existing vault file, turning any sign of damage into VaultCorruptError.

    This reads the header, schema and meta table (cheap); deeper damage surfaces as
    VaultCorruptError from the operation that meets it, or from the daily integrity check.
    """
    try:
        conn = connect(path)
    except sqlite3.DatabaseError:
        raise VaultCorruptError(corrupt_message(), backups) from None
    try:
        conn.execute("SELECT name FROM sqlite_master").fetchall()
        migrate(conn)
        if conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone() is None:
            raise VaultCorruptError(corrupt_message(), backups)
    except sqlite3.DatabaseError:
        conn.close()
        raise VaultCorruptError(corrupt_message(), backups) from None
    except BaseException:
        conn.close()
        raise
    return conn
