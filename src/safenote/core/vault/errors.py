"""What can go wrong with the vault, each with a message a person can act on.

Every error carries a warm, plain ``message`` (shown as-is by the CLI and the GUI) and
never any text the person wrote. Callers catch :class:`VaultError` for all of them, or a
subclass to offer a specific next step (unlock, recover, restore a backup).
"""

from __future__ import annotations


class VaultError(Exception):
    """Base class: ``str(err)`` is the user-facing message."""


class NoVaultError(VaultError):
    """There is no vault yet where one was expected."""


class VaultExistsError(VaultError):
    """Creating a vault where one already exists (we never lay a new key over it)."""


class KeyringUnavailableError(VaultError):
    """The keyring backend is not a real system store (fail, null, plaintext, none)."""


class KeyringLockedError(VaultError):
    """The system keyring exists but is locked."""


class KeyringTimeoutError(VaultError):
    """A keyring call did not answer in time (KWallet is known to stall)."""


class KeyMissingError(VaultError):
    """A vault exists but its key is not in the keyring (or is the wrong key)."""


class WrongPassphraseError(VaultError):
    """The passphrase does not open this vault."""


class PassphraseRequiredError(VaultError):
    """The vault has no usable keyring key and needs its passphrase."""


class RecoveryCodeTypoError(VaultError):
    """The recovery code is malformed or fails its checksum: a typo, caught before any KDF."""


class WrongRecoveryCodeError(VaultError):
    """A well-formed recovery code that belongs to a different vault."""


class RecordUnreadableError(VaultError):
    """One record failed to decrypt or authenticate (tampered, swapped or rolled back)."""

    def __init__(self, message: str, record_id: str) -> None:
        super().__init__(message)
        self.record_id = record_id


class NotFoundError(VaultError):
    """No record with that id."""


class VaultCorruptError(VaultError):
    """The database file itself is damaged; ``backups`` lists what can be restored."""

    def __init__(self, message: str, backups: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.backups = backups


class VaultTooNewError(VaultError):
    """The vault was written by a newer SafeNote with a schema this one does not know."""


class DiskFullError(VaultError):
    """The disk filled up during a write; the last good version is untouched."""
