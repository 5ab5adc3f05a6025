"""Encrypt a message to the age v1 format, and open one safely.

Encryption and decryption are pyrage's (bindings of rage, a maintained age implementation).
SafeNote adds what a therapy app needs around it: the header guard runs before any
decryption; each kind of failure becomes its own plain-language error; and decrypted text is
only ever handed back whole, after every chunk authenticated (pyrage returns all or raises),
so callers can write it with :func:`atomic.write_private_atomic` and never leave partial
plaintext behind.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from safenote.core.export.age_header import MAX_HEADER_BYTES, AgeHeader, parse_header
from safenote.core.export.armor import check_armor, looks_armored
from safenote.core.export.atomic import write_private_atomic, write_private_atomic_with
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
from safenote.core.export.message import (
    Message,
    decode_message,
    encode_message,
    encode_message_parts,
)

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# A nonce and one tag: the smallest payload after a header.
_MIN_PAYLOAD = 32
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


class _ChainedReader(io.RawIOBase):
    """Reads several byte strings as one stream, without joining them first."""

    def __init__(self, *pieces: bytes) -> None:
        super().__init__()
        self._pieces = [memoryview(p) for p in pieces if p]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        filled = 0
        while self._pieces and filled < len(target):
            piece = self._pieces[0]
            count = min(len(piece), len(target) - filled)
            target[filled : filled + count] = piece[:count]
            filled += count
            if count == len(piece):
                self._pieces.pop(0)
            else:
                self._pieces[0] = piece[count:]
        return filled


def encrypt_message_to_file(
    message: Message,
    path: Path,
    *,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    armored: bool = True,
) -> None:
    """Encrypt a :class:`Message` straight into ``path`` (atomic, 0600).

    The ciphertext streams into the file, so a long message is never held twice in memory.
    """
    if bool(recipients) == (passphrase is not None):
        raise ExportError("Choose either recipient keys or a passphrase, not both.")
    if passphrase is not None:
        encrypted = encrypt_with_passphrase(encode_message(message), passphrase, armored=armored)
        write_private_atomic(path, encrypted)
        return
    if not recipients:
        raise ExportError("Choose at least one recipient key to encrypt to.")
    parsed = [parse_recipient(r) for r in recipients]
    head, body = encode_message_parts(message)
    write_private_atomic_with(
        path,
        lambda handle: pyrage.encrypt_io(
            io.BufferedReader(_ChainedReader(head, body)), handle, parsed, armored=armored
        ),
    )


def inspect(data: bytes) -> tuple[bytes, AgeHeader]:
    """Check the armor (if any) and the header before any decryption.

    Returns what to hand the decrypter (the binary file, or the checked armor with the
    whitespace around it removed) and what the header says.
    """
    if not looks_armored(data):
        return data, parse_header(data)
    armored = check_armor(data, MAX_HEADER_BYTES + _MIN_PAYLOAD)
    return armored.text, parse_header(armored.head, complete=armored.head_is_whole_file)


def decrypt(
    data: bytes,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> bytes:
    """Decrypt an age file (binary or armored); the whole authenticated payload or an error."""
    checked, header = inspect(data)
    if header.is_passphrase:
        if passphrase is None:
            raise NeedsPassphraseError()
        return _run(lambda: age_passphrase.decrypt(checked, passphrase), WrongPassphraseError)
    if passphrase is not None and not identities:
        raise NeedsKeyError()
    if not identities:
        raise WrongKeyError()
    return _run(lambda: pyrage.decrypt(checked, list(identities)), WrongKeyError)


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
