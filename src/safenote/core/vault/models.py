"""The records the vault stores, as plain immutable values the GUI and CLI can pass around.

Only ``id``/``revision`` and coarse times are ever stored in the clear; every other field
here is encrypted at rest. Times are timezone-aware UTC.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime


def now_utc() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """A random record id (no meaning, nothing derived from content)."""
    # 128 random bits from the OS's CSPRNG as 32 hex digits: exactly secrets.token_hex(16),
    # without `secrets`, which loads hmac and OpenSSL's hashlib on every start-up (~5 ms).
    # (`uuid` would pull in `platform`.)
    return os.urandom(16).hex()


@dataclass(frozen=True)
class Draft:
    """A message being written. ``revision`` is 0 until first saved."""

    id: str = field(default_factory=new_id)
    title: str = ""
    body: str = ""
    relationship: str = ""
    channel: str = ""
    subject: str = ""
    cc: tuple[str, ...] = ()
    recipient_contact_id: str | None = None
    dismissed_rule_ids: tuple[str, ...] = ()
    created: datetime = field(default_factory=now_utc)
    updated: datetime = field(default_factory=now_utc)
    revision: int = 0


@dataclass(frozen=True)
class DraftSummary:
    """What a draft list shows, decrypted without touching the body."""

    id: str
    title: str
    updated: datetime
    revision: int


@dataclass(frozen=True)
class RecordFailure:
    """A record that could not be opened; the others still open."""

    id: str
    reason: str


@dataclass(frozen=True)
class DraftListing:
    """Drafts that opened, plus those that did not (reported by id, never hidden)."""

    drafts: tuple[DraftSummary, ...]
    failures: tuple[RecordFailure, ...]


@dataclass(frozen=True)
class RevisionInfo:
    """One entry of a draft's history (newest first in :meth:`Vault.history`)."""

    revision: int
    saved_day: str  # coarse: YYYY-MM-DD, the only time stored in the clear


@dataclass(frozen=True)
class Contact:
    """A therapist (or practice) the person writes to."""

    id: str = field(default_factory=new_id)
    name: str = ""
    relationship: str = ""
    preferred_channel: str = ""
    practice_profile: str = ""
    public_key: str = ""
    portal: str = ""
    """Id of the bundled portal profile their secure portal is like ("" when not known)."""
    revision: int = 0


@dataclass(frozen=True)
class ContactListing:
    contacts: tuple[Contact, ...]
    failures: tuple[RecordFailure, ...]


@dataclass(frozen=True)
class Settings:
    """Encrypted preferences (anything identifying goes here, not in the config folder)."""

    sender_name: str = ""
    region: str = ""
    recovery_confirmed: bool = True
    """Whether the person typed back the current recovery code. False from the moment a
    vault (or a new code) is made until then; records from before this field read True."""


@dataclass(frozen=True)
class VaultStatus:
    """What ``vault status`` reports; gathered without needing the key."""

    exists: bool
    path: str
    vault_id: str | None = None
    schema_version: int | None = None
    unlock_methods: tuple[str, ...] = ()  # "keyring", "recovery-code", "passphrase"
    keyring: str = ""  # backend name or why it is refused
    keyring_key_present: bool | None = None
    drafts: int | None = None
    in_trash: int | None = None
    backups: int = 0
