"""The data key's wrappings ("slots") and how each unlock method opens one.

Slots: ``keyring`` (KEK in the OS keyring), ``keyring-next`` (a rotation in progress),
``recovery`` (KEK from the recovery code) and ``passphrase`` (KEK from Argon2id). Changing
any of them rewraps the 32-byte data key only; records are never re-encrypted.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from safenote.core.vault import crypto
from safenote.core.vault.database import transaction
from safenote.core.vault.errors import (
    KeyMissingError,
    KeyringLockedError,
    KeyringTimeoutError,
    KeyringUnavailableError,
    PassphraseRequiredError,
    VaultError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from safenote.core.vault.keystore import KeyStore
from safenote.core.vault.recovery import format_code, new_recovery_entropy

KEYRING = "keyring"
KEYRING_NEXT = "keyring-next"
RECOVERY = "recovery"
PASSPHRASE = "passphrase"  # noqa: S105 - a slot name, not a secret

RECOVER_HINT = (
    "Use your recovery code to get back in: in the app choose 'Recover with code', or run "
    "'safenote vault recover --recovery-code-file FILE'. SafeNote will never make a new key "
    "over your existing drafts."
)
MSG_KEY_MISSING = "Your vault's key is no longer in your keyring. " + RECOVER_HINT
MSG_KEY_WRONG = "The key in your keyring doesn't open this vault. " + RECOVER_HINT
MSG_WRONG_PHRASE = (
    "That passphrase doesn't open this vault. Check it and try again, or use your recovery "
    "code ('safenote vault recover')."
)
MSG_NEEDS_PHRASE = (
    "This vault is opened with a passphrase. Give it (--passphrase-file FILE), or use your "
    "recovery code ('safenote vault recover')."
)
MSG_NO_PHRASE_SLOT = (
    "This vault has no passphrase set, so it opens with your keyring. Leave out the "
    "passphrase, or set one first with 'safenote vault set-passphrase'."
)
MSG_WRONG_CODE = (
    "That recovery code is valid but belongs to a different vault. Check you're using the "
    "code you saved for this one."
)

Slots = dict[str, tuple[dict[str, Any], bytes]]


def read_slots(conn: sqlite3.Connection) -> Slots:
    rows = conn.execute("SELECT slot, params, wrapped FROM key_slots").fetchall()
    try:
        return {str(slot): (json.loads(params), bytes(wrapped)) for slot, params, wrapped in rows}
    except (ValueError, TypeError):
        raise sqlite3.DatabaseError("malformed key slots") from None


def put_slot(conn: sqlite3.Connection, slot: str, params: dict[str, Any], wrapped: bytes) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO key_slots (slot, params, wrapped) VALUES (?, ?, ?)",
        (slot, json.dumps(params), wrapped),
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def recovery_slot(dek: bytes, vault_id: str) -> tuple[dict[str, Any], bytes, str]:
    """A fresh recovery code and the slot it opens: (params, wrapped, code for the person)."""
    entropy = new_recovery_entropy()
    salt = os.urandom(16)
    wrapped = crypto.wrap_key(crypto.recovery_kek(entropy, salt), dek, vault_id, RECOVERY)
    return {"salt": _b64(salt)}, wrapped, format_code(entropy)


def passphrase_slot(
    dek: bytes, vault_id: str, passphrase: str, kdf: crypto.KdfParams
) -> tuple[dict[str, Any], bytes]:
    salt = os.urandom(16)
    kek = crypto.passphrase_kek(passphrase, salt, kdf)
    params = {"salt": _b64(salt), "kdf": "argon2id", **kdf.to_dict()}
    return params, crypto.wrap_key(kek, dek, vault_id, PASSPHRASE)


@contextmanager
def _malformed_slot() -> Iterator[None]:
    # Damaged slot parameters are file damage (-> VaultCorruptError upstream), not a crash.
    try:
        yield
    except (KeyError, ValueError, TypeError, binascii.Error):
        raise sqlite3.DatabaseError("malformed key slots") from None


def unlock_with_passphrase(slots: Slots, vault_id: str, passphrase: str) -> bytes:
    if PASSPHRASE not in slots:
        raise VaultError(MSG_NO_PHRASE_SLOT)
    params, wrapped = slots[PASSPHRASE]
    with _malformed_slot():
        kdf = crypto.KdfParams.from_dict(params)
        kek = crypto.passphrase_kek(passphrase, base64.b64decode(params["salt"]), kdf)
    try:
        return crypto.unwrap_key(kek, wrapped, vault_id, PASSPHRASE)
    except crypto.DecryptError:
        raise WrongPassphraseError(MSG_WRONG_PHRASE) from None


def unlock_with_recovery(slots: Slots, vault_id: str, entropy: bytes) -> bytes:
    if RECOVERY not in slots:
        raise sqlite3.DatabaseError("malformed key slots: no recovery slot")
    params, wrapped = slots[RECOVERY]
    with _malformed_slot():
        kek = crypto.recovery_kek(entropy, base64.b64decode(params["salt"]))
    try:
        return crypto.unwrap_key(kek, wrapped, vault_id, RECOVERY)
    except crypto.DecryptError:
        raise WrongRecoveryCodeError(MSG_WRONG_CODE) from None


def _with_recover_hint(err: VaultError) -> VaultError:
    """Keyring problems on an existing vault also point at the recovery code."""
    if isinstance(err, KeyringLockedError):
        return err  # its message already mentions unlock and recover
    kind = type(err)
    return kind(f"{err} Or use your recovery code: 'safenote vault recover'.")


def unlock_with_keyring(
    conn: sqlite3.Connection, slots: Slots, vault_id: str, keystore: KeyStore
) -> bytes:
    """Open the DEK with the keyring's KEK; finishes an interrupted rotation if it finds one."""
    if KEYRING not in slots and KEYRING_NEXT not in slots:
        raise PassphraseRequiredError(MSG_NEEDS_PHRASE)
    try:
        kek = keystore.get_key(vault_id)
    except (KeyringUnavailableError, KeyringLockedError, KeyringTimeoutError) as err:
        raise _with_recover_hint(err) from None
    if kek is None:
        raise KeyMissingError(MSG_KEY_MISSING)
    for slot in (KEYRING, KEYRING_NEXT):
        if slot not in slots:
            continue
        try:
            dek = crypto.unwrap_key(kek, slots[slot][1], vault_id, slot)
        except crypto.DecryptError:
            continue
        if slot == KEYRING_NEXT:
            # The keyring already holds the new KEK: rewrap under the stable slot name.
            with transaction(conn):
                put_slot(conn, KEYRING, {}, crypto.wrap_key(kek, dek, vault_id, KEYRING))
                conn.execute("DELETE FROM key_slots WHERE slot = ?", (KEYRING_NEXT,))
        return dek
    raise KeyMissingError(MSG_KEY_WRONG)


def store_new_keyring_key(
    conn: sqlite3.Connection, vault_id: str, dek: bytes, keystore: KeyStore
) -> None:
    """Make a new KEK, put it in the keyring, and wrap the DEK with it, crash-safely.

    Order matters: the new wrapping is committed as ``keyring-next`` first, then the KEK is
    written to the keyring (and read back), then ``keyring-next`` replaces ``keyring``. A
    crash at any point leaves a vault that some key in hand still opens.
    """
    kek = crypto.random_key()
    with transaction(conn):
        put_slot(conn, KEYRING_NEXT, {}, crypto.wrap_key(kek, dek, vault_id, KEYRING_NEXT))
    try:
        keystore.set_key(vault_id, kek)
    except BaseException:
        with transaction(conn):
            conn.execute("DELETE FROM key_slots WHERE slot = ?", (KEYRING_NEXT,))
        raise
    with transaction(conn):
        put_slot(conn, KEYRING, {}, crypto.wrap_key(kek, dek, vault_id, KEYRING))
        conn.execute("DELETE FROM key_slots WHERE slot = ?", (KEYRING_NEXT,))
