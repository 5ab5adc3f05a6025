"""Contacts (therapists) and settings: single encrypted blobs per record, no history."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from safenote.core.vault import codec
from safenote.core.vault.crypto import DecryptError, RecordCipher
from safenote.core.vault.database import transaction
from safenote.core.vault.errors import NotFoundError, RecordUnreadableError
from safenote.core.vault.models import Contact, ContactListing, RecordFailure, Settings

KIND_CONTACT = "contact"
KIND_SETTINGS = "settings"
_SETTINGS_ID = "settings"

MSG_CONTACT_UNREADABLE = (
    "This contact couldn't be opened: it was changed outside SafeNote or damaged. "
    "Your other contacts are fine."
)
MSG_CONTACT_NOT_FOUND = "There's no contact with that id."
MSG_SETTINGS_UNREADABLE = (
    "Your saved settings couldn't be opened (changed outside SafeNote or damaged). "
    "Saving your settings again replaces them."
)


class ContactStore:
    def __init__(self, conn: sqlite3.Connection, cipher: RecordCipher) -> None:
        self._conn = conn
        self._cipher = cipher

    def save(self, contact: Contact) -> Contact:
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT revision FROM contacts WHERE id = ?", (contact.id,)
            ).fetchone()
            saved = replace(contact, revision=1 + (int(row[0]) if row else 0))
            blob = self._cipher.seal(
                KIND_CONTACT, saved.id, saved.revision, codec.encode_contact(saved)
            )
            self._conn.execute(
                "INSERT OR REPLACE INTO contacts (id, revision, blob) VALUES (?, ?, ?)",
                (saved.id, saved.revision, blob),
            )
        return saved

    def _decode(self, contact_id: str, revision: int, blob: bytes) -> Contact:
        try:
            contact = codec.decode_contact(
                self._cipher.open(KIND_CONTACT, contact_id, revision, blob)
            )
        except (DecryptError, codec.CodecError):
            raise RecordUnreadableError(MSG_CONTACT_UNREADABLE, contact_id) from None
        if contact.id != contact_id or contact.revision != revision:
            raise RecordUnreadableError(MSG_CONTACT_UNREADABLE, contact_id)
        return contact

    def get(self, contact_id: str) -> Contact:
        row = self._conn.execute(
            "SELECT revision, blob FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(MSG_CONTACT_NOT_FOUND)
        return self._decode(contact_id, int(row[0]), row[1])

    def listing(self) -> ContactListing:
        contacts: list[Contact] = []
        failures: list[RecordFailure] = []
        for contact_id, revision, blob in self._conn.execute(
            "SELECT id, revision, blob FROM contacts"
        ).fetchall():
            try:
                contacts.append(self._decode(contact_id, int(revision), blob))
            except RecordUnreadableError as err:
                failures.append(RecordFailure(id=contact_id, reason=str(err)))
        contacts.sort(key=lambda c: c.name.casefold())
        return ContactListing(contacts=tuple(contacts), failures=tuple(failures))

    def delete(self, contact_id: str) -> None:
        with transaction(self._conn):
            cur = self._conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
            if cur.rowcount == 0:
                raise NotFoundError(MSG_CONTACT_NOT_FOUND)

    def check_all(self) -> tuple[RecordFailure, ...]:
        return self.listing().failures


class SettingsStore:
    def __init__(self, conn: sqlite3.Connection, cipher: RecordCipher) -> None:
        self._conn = conn
        self._cipher = cipher

    def get(self) -> Settings:
        row = self._conn.execute(
            "SELECT revision, blob FROM settings WHERE id = ?", (_SETTINGS_ID,)
        ).fetchone()
        if row is None:
            return Settings()
        try:
            plain = self._cipher.open(KIND_SETTINGS, _SETTINGS_ID, int(row[0]), row[1])
            return codec.decode_settings(plain)
        except (DecryptError, codec.CodecError):
            raise RecordUnreadableError(MSG_SETTINGS_UNREADABLE, _SETTINGS_ID) from None

    def save(self, settings: Settings) -> None:
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT revision FROM settings WHERE id = ?", (_SETTINGS_ID,)
            ).fetchone()
            revision = 1 + (int(row[0]) if row else 0)
            blob = self._cipher.seal(
                KIND_SETTINGS, _SETTINGS_ID, revision, codec.encode_settings(settings)
            )
            self._conn.execute(
                "INSERT OR REPLACE INTO settings (id, revision, blob) VALUES (?, ?, ?)",
                (_SETTINGS_ID, revision, blob),
            )
