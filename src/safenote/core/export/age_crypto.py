"""Encrypt a message to the age v1 format, and open one safely.

Encryption and decryption are pyrage's (bindings of rage, a maintained age implementation).
SafeNote adds what a therapy app needs around it: the header guard runs before any
decryption; each kind of failure becomes its own plain-language error; and decrypted text is
only ever handed back whole, after every chunk authenticated (pyrage returns all or raises),
so callers can write it with :func:`atomic.write_private_atomic` and never leave partial
plaintext behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from safenote.core.export.age_header import AgeHeader, parse_header
from safenote.core.export.armor import dearmor, looks_armored
from safenote.core.export.atomic import write_private_atomic
from safenote.core.export.errors import (
    BadPassphraseError,
    ExportError,
    NeedsKeyError,
    NeedsPassphraseError,
    TamperedError,
    WrongKeyError,
    WrongPassphraseError,
)
from safenote.core.export.keys import parse_recipient
from safenote.core.export.message import Message, decode_message, encode_message

# rage's messages for the two failures that mean "this secret does not open this file".
_WRONG_SECRET_REASONS = ("No matching keys found", "Decryption failed")


def encrypt_to_recipients(
    payload: bytes, recipients: Sequence[str], *, armored: bool = True
) -> bytes:
    """Encrypt ``payload`` to one or more ``age1…`` public keys."""
    if not recipients:
        raise ExportError("Choose at least one recipient key to encrypt to.")
    parsed: list[x25519.Recipient] = [parse_recipient(r) for r in recipients]
    result: bytes = pyrage.encrypt(payload, parsed, armored=armored)
    return result


def encrypt_with_passphrase(payload: bytes, passphrase: str, *, armored: bool = True) -> bytes:
    """Encrypt ``payload`` under a passphrase (age's scrypt recipient)."""
    check_passphrase(passphrase)
    result: bytes = age_passphrase.encrypt(payload, passphrase, armored=armored)
    return result


def check_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise BadPassphraseError("it is empty")
    if passphrase != passphrase.strip("\r\n"):
        raise BadPassphraseError("it starts or ends with a line break")


def encrypt_message(
    message: Message,
    *,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    armored: bool = True,
) -> bytes:
    """Encrypt a :class:`Message` to recipients or a passphrase (exactly one of the two)."""
    if bool(recipients) == (passphrase is not None):
        raise ExportError("Choose either recipient keys or a passphrase, not both.")
    payload = encode_message(message)
    if passphrase is not None:
        return encrypt_with_passphrase(payload, passphrase, armored=armored)
    return encrypt_to_recipients(payload, recipients, armored=armored)


def inspect(data: bytes) -> tuple[bytes, AgeHeader]:
    """Remove any armor and check the header: the binary file and what its header says."""
    binary = dearmor(data) if looks_armored(data) else data
    return binary, parse_header(binary)


def decrypt(
    data: bytes,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> bytes:
    """Decrypt an age file (binary or armored); the whole authenticated payload or an error."""
    binary, header = inspect(data)
    if header.is_passphrase:
        if passphrase is None:
            raise NeedsPassphraseError()
        return _run(lambda: age_passphrase.decrypt(binary, passphrase), WrongPassphraseError)
    if passphrase is not None and not identities:
        raise NeedsKeyError()
    if not identities:
        raise WrongKeyError()
    return _run(lambda: pyrage.decrypt(binary, list(identities)), WrongKeyError)


def _run(call: Callable[[], bytes], wrong_secret: type[ExportError]) -> bytes:
    try:
        result: bytes = call()
    except pyrage.DecryptError as err:
        reason = str(err)
        if reason.startswith(_WRONG_SECRET_REASONS):
            raise wrong_secret() from None
        # Anything else after the header guard passed is a failed authentication check:
        # a changed header MAC, a changed or cut payload chunk.
        raise TamperedError() from None
    return result


def decrypt_message(
    data: bytes,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> Message:
    """Decrypt and parse the SafeNote message inside."""
    return decode_message(decrypt(data, identities=identities, passphrase=passphrase))


def decrypt_file_to(
    source: Path,
    destination: Path,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> None:
    """Decrypt ``source`` into ``destination`` (0600), only once it fully authenticated."""
    data = source.read_bytes()
    plaintext = decrypt(data, identities=identities, passphrase=passphrase)
    write_private_atomic(destination, plaintext)
