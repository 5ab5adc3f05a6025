"""Encrypt a message to the age v1 format, and open one safely.

Encryption and decryption are pyrage's (bindings of rage, a maintained age implementation).
SafeNote adds what a therapy app needs around it: the header guard runs before any
decryption; each kind of failure becomes its own plain-language error; and decrypted text is
only ever handed back whole, after every chunk authenticated (pyrage returns all or raises),
so callers can write it with :func:`atomic.write_private_atomic` and never leave partial
plaintext behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from safenote.core.export.age_header import (
    MAX_HEADER_BYTES,
    MIN_PAYLOAD,
    AgeHeader,
    parse_header,
)
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
from safenote.core.export.streams import PlaintextSink, PrefixedReader

_T = TypeVar("_T")
# decrypt_io reads 8 KiB per call; a bigger buffer means fewer system calls (measured best
# from 256 KiB up; the default 8 KiB buffer costs a read(2) per call).
_READ_BUFFER = 256 * 1024
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
    return encrypt_payload(
        encode_message(message), recipients=recipients, passphrase=passphrase, armored=armored
    )


def encrypt_payload(
    payload: bytes,
    *,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    armored: bool = True,
) -> bytes:
    """Encrypt payload bytes (``encode_message``'s, or head + body) to keys or a passphrase."""
    _check_one_kind(recipients, passphrase)
    if passphrase is not None:
        return encrypt_with_passphrase(payload, passphrase, armored=armored)
    return encrypt_to_recipients(payload, recipients, armored=armored)


def encrypt_message_to_file(
    message: Message,
    path: Path,
    *,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    armored: bool = True,
) -> None:
    """Encrypt a :class:`Message` straight into ``path`` (atomic, 0600)."""
    head, body = encode_message_parts(message)
    encrypt_payload_to_file(
        head, body, path, recipients=recipients, passphrase=passphrase, armored=armored
    )


def encrypt_payload_to_file(
    head: bytes,
    body: bytes,
    path: Path,
    *,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    armored: bool = True,
) -> None:
    """Encrypt the payload ``head`` + ``body`` straight into ``path`` (atomic, 0600).

    ``head`` is :func:`message.encode_head`'s; ``body`` is the UTF-8 message, from
    :func:`message.encode_message_parts` or, for a text file's bytes,
    :func:`text_bytes.utf8_text_body`. For keys the ciphertext streams into the file and
    the two parts are never joined, so a long message is never held twice in memory.
    """
    _check_one_kind(recipients, passphrase)
    if passphrase is not None:
        # scrypt's deliberate ~1 s dwarfs any copy; one call keeps this path simple.
        encrypted = encrypt_with_passphrase(head + body, passphrase, armored=armored)
        write_private_atomic(path, encrypted)
        return
    parsed = [parse_recipient(r) for r in recipients]
    write_private_atomic_with(
        path,
        lambda handle: pyrage.encrypt_io(
            PrefixedReader(head, body), handle, parsed, armored=armored
        ),
    )


def _check_one_kind(recipients: Sequence[str], passphrase: str | None) -> None:
    if bool(recipients) == (passphrase is not None):
        raise ExportError("Choose either recipient keys or a passphrase (one of the two).")


def inspect(data: bytes) -> tuple[bytes, AgeHeader]:
    """Check the armor (if any) and the header before any decryption.

    Returns what to hand the decrypter (the binary file, or the checked armor with the
    whitespace around it removed) and what the header says.
    """
    if not looks_armored(data):
        return data, parse_header(data)
    armored = check_armor(data, MAX_HEADER_BYTES + MIN_PAYLOAD)
    return armored.text, parse_header(armored.head, complete=armored.head_is_whole_file)


def decrypt(
    data: bytes,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> bytes:
    """Decrypt an age file (binary or armored); the whole authenticated payload or an error."""
    checked, header = inspect(data)
    opened: bytes  # pyrage has no type hints; both calls return bytes
    if header.is_passphrase:
        if passphrase is None:
            raise NeedsPassphraseError()
        opened = _run(lambda: age_passphrase.decrypt(checked, passphrase), WrongPassphraseError)
    else:
        if passphrase is not None and not identities:
            raise NeedsKeyError()
        if not identities:
            raise WrongKeyError()
        opened = _run(lambda: pyrage.decrypt(checked, list(identities)), WrongKeyError)
    return opened


def _run(call: Callable[[], _T], wrong_secret: type[ExportError]) -> _T:
    try:
        result = call()
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
    plaintext = decrypt_path(source, identities=identities, passphrase=passphrase)
    write_private_atomic(destination, plaintext)


def decrypt_path(
    source: Path,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> bytes:
    """Decrypt the age file at ``source``: the whole authenticated plaintext, in memory.

    The header guard sees the file's first bytes before the rest is read. A binary file
    for keys then streams from disk into one preallocated buffer; ``decrypt_io`` moves
    8 KiB per call, so the reads come from a 256 KiB buffer and the writes go to a C-level
    ``write`` (:class:`streams.PlaintextSink`). Armored and passphrase files are read whole
    (one read sized from ``fstat``) and go through :func:`decrypt`. Either way nothing is
    returned, and the buffer is wiped, unless every chunk authenticated.
    """
    head_size = MAX_HEADER_BYTES + MIN_PAYLOAD
    with source.open("rb", buffering=_READ_BUFFER) as handle:
        head = handle.read(head_size + 1)
        if looks_armored(head):
            data = _read_whole(handle)
            return decrypt(data, identities=identities, passphrase=passphrase)
        header = parse_header(head, complete=len(head) <= head_size)
        if header.is_passphrase or passphrase is not None:
            data = _read_whole(handle)
            return decrypt(data, identities=identities, passphrase=passphrase)
        if not identities:
            raise WrongKeyError()
        handle.seek(0)
        sink = PlaintextSink(os.fstat(handle.fileno()).st_size)
        try:
            _run(lambda: pyrage.decrypt_io(handle, sink, list(identities)), WrongKeyError)
        except OSError:
            # decrypt_io reports a chunk that fails authentication as an I/O error.
            sink.wipe()
            raise TamperedError() from None
        except BaseException:
            sink.wipe()
            raise
        return sink.result()


def _read_whole(handle: BinaryIO) -> bytes:
    """The whole file with one read sized from ``fstat``: the head already read is read
    again rather than joined to the rest, which would copy it all once more. A file that
    grew meanwhile is still read to its end."""
    handle.seek(0)
    data = handle.read(os.fstat(handle.fileno()).st_size)
    more = handle.read()
    return data + more if more else data


def open_message_file(
    source: Path,
    *,
    identities: Sequence[x25519.Identity] = (),
    passphrase: str | None = None,
) -> Message:
    """Decrypt the age file at ``source`` and parse the message, all in memory."""
    return decode_message(decrypt_path(source, identities=identities, passphrase=passphrase))
