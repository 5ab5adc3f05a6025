"""The vault: open or create it, then read and write encrypted records.

Typical use (from a worker thread in the GUI — every call may block on disk, the keyring
or key derivation)::

    vault = Vault.open(app_paths())                  # keyring unlock
    vault = Vault.open(app_paths(), passphrase=pw)   # passphrase unlock
    vault, recovery_code = Vault.create(app_paths())
    saved = vault.save_draft(Draft(title="Monday", body="..."))
    listing = vault.list_drafts()                    # summaries + per-id failures

A :class:`Vault` is safe to share between threads (one lock serialises its calls).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from safenote.core.paths import AppPaths, app_paths
from safenote.core.vault import backups, creation, crypto, keyslots, opening
from safenote.core.vault.database import (
    MSG_DISK_FULL,
    SCHEMA_VERSION,
    corrupt_message,
    db_path,
    integrity_ok,
    is_corruption,
    is_disk_full,
    transaction,
    vault_dir,
)
from safenote.core.vault.drafts import DraftStore
from safenote.core.vault.errors import (
    DiskFullError,
    VaultCorruptError,
    VaultError,
)
from safenote.core.vault.keystore import KeyStore, SystemKeyStore
from safenote.core.vault.models import (
    Contact,
    ContactListing,
    Draft,
    DraftListing,
    RecordFailure,
    RevisionInfo,
    Settings,
)
from safenote.core.vault.opening import backup_names
from safenote.core.vault.records import ContactStore, SettingsStore
from safenote.core.vault.recovery import parse_code

_log = logging.getLogger(__name__)

MSG_LAST_METHOD = (
    "SafeNote needs a keyring key or a passphrase to open your drafts, so this one can't be "
    "removed. Set up the other first."
)


class Vault:
    """An open, unlocked vault. Create with :meth:`create`, :meth:`open` or :meth:`recover`."""

    def __init__(
        self, paths: AppPaths, conn: sqlite3.Connection, vault_id: str, dek: bytes
    ) -> None:
        self.paths = paths
        self.vault_id = vault_id
        self._conn = conn
        self._dek = dek
        self._lock = threading.RLock()
        cipher = crypto.RecordCipher(dek, vault_id)
        self._drafts = DraftStore(conn, cipher)
        self._contacts = ContactStore(conn, cipher)
        self._settings = SettingsStore(conn, cipher)

    # -- opening -------------------------------------------------------------------------

    @staticmethod
    def exists(paths: AppPaths | None = None) -> bool:
        return db_path(paths or app_paths()).exists()

    @classmethod
    def create(
        cls,
        paths: AppPaths | None = None,
        *,
        keystore: KeyStore | None = None,
        passphrase: str | None = None,
        kdf: crypto.KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """Set up a new vault; returns it and the recovery code to show the person once.

        With ``passphrase`` the vault opens with that passphrase and needs no keyring;
        otherwise its key goes into ``keystore`` (the system keyring by default).
        """
        paths = paths or app_paths()
        conn, vault_id, dek, code = creation.create_vault(
            paths, keystore=keystore, passphrase=passphrase, kdf=kdf
        )
        vault = cls(paths, conn, vault_id, dek)
        vault.backup_now()
        return vault, code

    @classmethod
    def open(
        cls,
        paths: AppPaths | None = None,
        *,
        keystore: KeyStore | None = None,
        passphrase: str | None = None,
    ) -> Vault:
        """Unlock an existing vault with the keyring (default) or its passphrase.

        Never creates anything: a missing or wrong key raises an error that points at
        unlocking the keyring or recovering with the recovery code.
        """
        paths = paths or app_paths()
        vault = cls(paths, *opening.open_existing(paths, keystore=keystore, passphrase=passphrase))
        if backups.backup_due(vault_dir(paths)):
            try:
                vault._daily_check_and_backup()
            except BaseException:
                vault.close()
                raise
        return vault

    @classmethod
    def recover(
        cls,
        recovery_code: str,
        paths: AppPaths | None = None,
        *,
        keystore: KeyStore | None = None,
        passphrase: str | None = None,
        kdf: crypto.KdfParams | None = None,
    ) -> Vault:
        """Open with the recovery code and store a fresh key in the keyring.

        The code is checked for typos before anything else. With ``passphrase`` the vault
        gets (or replaces) its passphrase instead of a keyring key.
        """
        entropy = parse_code(recovery_code)
        paths = paths or app_paths()
        vault = cls(paths, *opening.open_with_recovery(paths, entropy))
        if passphrase is not None:
            vault.set_passphrase(passphrase, kdf=kdf)
        else:
            vault.rotate_keyring_key(keystore or SystemKeyStore())
        return vault

    def close(self) -> None:
        with self._guard():
            self._conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Serialise calls (one connection, many threads) and turn low-level damage into
        VaultCorruptError, which offers the backups, instead of a crash."""
        with self._lock:
            try:
                yield
            except sqlite3.DatabaseError as err:
                if is_corruption(err):
                    raise VaultCorruptError(corrupt_message(), backup_names(self.paths)) from None
                if is_disk_full(err):
                    raise DiskFullError(MSG_DISK_FULL) from None
                raise

    def _daily_check_and_backup(self) -> None:
        # Integrity before backup, so a damaged file never pushes good backups out.
        with self._guard():
            if not integrity_ok(self._conn):
                raise VaultCorruptError(corrupt_message(), backup_names(self.paths))
        try:
            self.backup_now()
        except DiskFullError:
            # A backup is a safety net, not a reason to keep someone from their drafts.
            _log.warning("automatic vault backup skipped: disk full")

    # -- keys -------------------------------------------------------------------------------

    def unlock_methods(self) -> tuple[str, ...]:
        with self._guard():
            return tuple(sorted(keyslots.read_slots(self._conn)))

    def rotate_keyring_key(self, keystore: KeyStore | None = None) -> None:
        """Put a new key in the keyring and rewrap the data key with it (records untouched)."""
        with self._guard():
            keyslots.store_new_keyring_key(
                self._conn, self.vault_id, self._dek, keystore or SystemKeyStore()
            )

    def set_passphrase(self, passphrase: str, *, kdf: crypto.KdfParams | None = None) -> None:
        params, wrapped = keyslots.passphrase_slot(
            self._dek, self.vault_id, passphrase, kdf or crypto.KdfParams()
        )
        with self._guard(), transaction(self._conn):
            keyslots.put_slot(self._conn, keyslots.PASSPHRASE, params, wrapped)

    def new_recovery_code(self) -> str:
        """Replace the recovery code; returns the new one (to show once). The old code
        stops working, for the backups too (they are replaced)."""
        params, wrapped, code = keyslots.recovery_slot(self._dek, self.vault_id)
        with self._guard():
            with transaction(self._conn):
                keyslots.put_slot(self._conn, keyslots.RECOVERY, params, wrapped)
            self._forget_old_slots()
        return code

    def remove_unlock_method(self, method: str, keystore: KeyStore | None = None) -> None:
        """Stop opening with ``"keyring"`` or ``"passphrase"`` (the other must be set)."""
        names: dict[str, tuple[str, ...]] = {
            keyslots.KEYRING: (keyslots.KEYRING, keyslots.KEYRING_NEXT),
            keyslots.PASSPHRASE: (keyslots.PASSPHRASE,),
        }
        with self._guard():
            present = set(keyslots.read_slots(self._conn))
            other = names[keyslots.PASSPHRASE if method == keyslots.KEYRING else keyslots.KEYRING]
            if not present & set(other):
                raise VaultError(MSG_LAST_METHOD)
            with transaction(self._conn):
                self._conn.executemany(
                    "DELETE FROM key_slots WHERE slot = ?", [(s,) for s in names[method]]
                )
            self._forget_old_slots()
        if method == keyslots.KEYRING:
            try:
                (keystore or SystemKeyStore()).delete_key(self.vault_id)
            except VaultError:  # the slot is gone already; a stale entry opens nothing
                _log.warning("old keyring entry could not be deleted")

    def _forget_old_slots(self) -> None:
        # Backups hold the key slots as they were; replace them so a removed passphrase
        # or an old recovery code opens nothing.
        self._scrub_wal()
        backups.replace_all_backups(self._conn, vault_dir(self.paths))

    # -- drafts -----------------------------------------------------------------------------

    def save_draft(self, draft: Draft) -> Draft:
        """Encrypt and commit a new revision; returns the draft as saved (new revision)."""
        with self._guard():
            return self._drafts.save(draft)

    def list_drafts(self) -> DraftListing:
        with self._guard():
            return self._drafts.listing(trash=False)

    def get_draft(self, draft_id: str) -> Draft:
        with self._guard():
            return self._drafts.get(draft_id)

    def history(self, draft_id: str) -> list[RevisionInfo]:
        """Kept revisions, newest first (up to the last 20)."""
        with self._guard():
            return self._drafts.history(draft_id)

    def get_revision(self, draft_id: str, revision: int) -> Draft:
        with self._guard():
            return self._drafts.get_revision(draft_id, revision)

    def restore_revision(self, draft_id: str, revision: int) -> Draft:
        """Save an older revision's content as the newest revision."""
        with self._guard():
            return self._drafts.restore_revision(draft_id, revision)

    def delete_draft(self, draft_id: str) -> None:
        """Move to the trash (kept until the trash is emptied)."""
        with self._guard():
            self._drafts.set_trashed(draft_id, trashed=True)

    def list_trash(self) -> DraftListing:
        with self._guard():
            return self._drafts.listing(trash=True)

    def restore_from_trash(self, draft_id: str) -> None:
        with self._guard():
            self._drafts.set_trashed(draft_id, trashed=False)

    def empty_trash(self) -> int:
        """Delete trashed drafts for good; returns how many.

        Their pages are zeroed (secure_delete), the WAL is folded in and truncated, and
        older backups that still hold them are replaced by a fresh one.
        """
        with self._guard():
            count = self._drafts.purge_trash()
            self._scrub_wal()
            if count:
                backups.replace_all_backups(self._conn, vault_dir(self.paths))
            return count

    def check_all(self) -> tuple[RecordFailure, ...]:
        """Decrypt every record; returns those that fail (tampered, swapped, rolled back).

        Raises VaultCorruptError if the file itself is damaged.
        """
        with self._guard():
            if not integrity_ok(self._conn):
                raise VaultCorruptError(corrupt_message(), backup_names(self.paths))
            return self._drafts.check_all() + self._contacts.check_all()

    # -- contacts and settings -------------------------------------------------------------

    def save_contact(self, contact: Contact) -> Contact:
        with self._guard():
            return self._contacts.save(contact)

    def list_contacts(self) -> ContactListing:
        with self._guard():
            return self._contacts.listing()

    def get_contact(self, contact_id: str) -> Contact:
        with self._guard():
            return self._contacts.get(contact_id)

    def delete_contact(self, contact_id: str) -> None:
        with self._guard():
            self._contacts.delete(contact_id)
            self._scrub_wal()
            backups.replace_all_backups(self._conn, vault_dir(self.paths))

    def get_settings(self) -> Settings:
        with self._guard():
            return self._settings.get()

    def save_settings(self, settings: Settings) -> None:
        with self._guard():
            self._settings.save(settings)

    # -- housekeeping ------------------------------------------------------------------------

    def backup_now(self) -> Path:
        """Write an encrypted backup now (the newest five are kept)."""
        with self._guard():
            try:
                return backups.make_backup(self._conn, vault_dir(self.paths))
            except (OSError, sqlite3.Error) as err:
                if is_disk_full(err):
                    raise DiskFullError(MSG_DISK_FULL) from None
                raise

    def counts(self) -> tuple[int, int]:
        """(drafts, drafts in trash)."""
        with self._guard():
            return self._drafts.counts()

    def _scrub_wal(self) -> None:
        # secure_delete zeroes freed pages in the database; old page images can still sit in
        # the WAL until a checkpoint, so fold it in and truncate it.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


__all__ = ["SCHEMA_VERSION", "Vault"]
