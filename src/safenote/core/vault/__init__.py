"""The encrypted draft store and its keys (no Qt here).

Public API: :class:`Vault` (open/create/recover, drafts, history, trash, contacts,
settings, key changes), the record types in :mod:`.models`, the keyring interface
(:class:`KeyStore`, :class:`SystemKeyStore`, :class:`MemoryKeyStore`) and the errors in
:mod:`.errors` (all subclasses of :class:`VaultError`, whose text is user-facing).
"""

from safenote.core.vault.crypto import KdfParams
from safenote.core.vault.errors import (
    DiskFullError,
    KeyMissingError,
    KeyringLockedError,
    KeyringTimeoutError,
    KeyringUnavailableError,
    NotFoundError,
    NoVaultError,
    PassphraseRequiredError,
    RecordUnreadableError,
    RecoveryCodeTypoError,
    VaultCorruptError,
    VaultError,
    VaultExistsError,
    VaultTooNewError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from safenote.core.vault.keystore import KeyStore, MemoryKeyStore, SystemKeyStore
from safenote.core.vault.models import (
    Contact,
    ContactListing,
    Draft,
    DraftListing,
    DraftSummary,
    RecordFailure,
    RevisionInfo,
    Settings,
    VaultStatus,
)
from safenote.core.vault.status import restore_backup, vault_status
from safenote.core.vault.vault import Vault

__all__ = [
    "Contact",
    "ContactListing",
    "DiskFullError",
    "Draft",
    "DraftListing",
    "DraftSummary",
    "KdfParams",
    "KeyMissingError",
    "KeyStore",
    "KeyringLockedError",
    "KeyringTimeoutError",
    "KeyringUnavailableError",
    "MemoryKeyStore",
    "NoVaultError",
    "NotFoundError",
    "PassphraseRequiredError",
    "RecordFailure",
    "RecordUnreadableError",
    "RecoveryCodeTypoError",
    "RevisionInfo",
    "Settings",
    "SystemKeyStore",
    "Vault",
    "VaultCorruptError",
    "VaultError",
    "VaultExistsError",
    "VaultStatus",
    "VaultTooNewError",
    "WrongPassphraseError",
    "WrongRecoveryCodeError",
    "restore_backup",
    "vault_status",
]
