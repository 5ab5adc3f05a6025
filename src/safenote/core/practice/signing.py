"""Signing practice profiles with Ed25519, so a client can tell a profile is really yours.

A profile carries the therapist's age public key: a tampered profile could redirect a
client's encrypted messages. So a profile can end in a signature block::

    [signature]
    signer = "ed25519:<32-byte public key, base64>"
    value = "<64-byte Ed25519 signature, base64>"

**Canonical signing form** (what the signature covers): the text before the line
``[signature]``, with a leading byte-order mark dropped, CRLF and CR turned into LF, and
trailing whitespace at the end of the text removed, then exactly one LF appended; encoded as
UTF-8 and prefixed with the domain tag ``SafeNote practice profile v1`` and an LF. Every
other byte, comments included, is covered. The block must be the last thing in the file and
may appear only once; only the signed body is ever read as settings.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from safenote.core.policy.schema import parse_toml
from safenote.core.practice.errors import PracticeError, SignatureError

DOMAIN_TAG = b"SafeNote practice profile v1\n"
SIGNER_PREFIX = "ed25519:"
_BLOCK_START = re.compile(r"^[ \t]*\[[ \t]*signature[ \t]*\][ \t]*(?:#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class Signature:
    """A verified signature: who signed (raw public key) and the short fingerprint."""

    signer: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signer)

    @property
    def signer_text(self) -> str:
        return SIGNER_PREFIX + base64.b64encode(self.signer).decode("ascii")


def fingerprint(public_key: bytes) -> str:
    """A short, speakable fingerprint: 80 bits of SHA-256 as four groups of four letters.

    Base32 leaves out 0/1/8 so nothing is confused when read aloud in a session.
    """
    digest = hashlib.sha256(b"safenote-signer\n" + public_key).digest()[:10]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def public_key_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def canonical_body(body: str) -> bytes:
    """The bytes a signature covers for the profile text ``body`` (no signature block)."""
    text = body.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return DOMAIN_TAG + (text.rstrip() + "\n").encode("utf-8")


def _decode(value: object, size: int, file: str, field: str) -> bytes:
    if not isinstance(value, str):
        raise SignatureError("expected text", file=file, field=field)
    try:
        raw = base64.b64decode(value.removeprefix(SIGNER_PREFIX), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError("is not valid base64", file=file, field=field) from None
    if len(raw) != size:
        raise SignatureError(f"expected {size} bytes, got {len(raw)}", file=file, field=field)
    return raw


def split_signature(source: str, file: str = "<practice profile>") -> tuple[str, Signature | None]:
    """Split off and verify the signature block: (signed body, signature or None).

    Raises :class:`SignatureError` when the block is malformed or doesn't match the body.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    starts = list(_BLOCK_START.finditer(source))
    if not starts:
        return source, None
    line = source.count("\n", 0, starts[0].start()) + 1
    if len(starts) > 1:
        raise SignatureError("there is more than one [signature] block", file=file, line=line)
    body, block = source[: starts[0].start()], source[starts[0].start() :]
    try:
        table = parse_toml(block, file)
    except PracticeError:
        raise
    except ValueError:
        raise SignatureError(
            "the signature block must come last and hold only signer and value",
            file=file,
            line=line,
        ) from None
    inner = table.get("signature")
    if (
        set(table) != {"signature"}
        or not isinstance(inner, dict)
        or set(inner)
        != {
            "signer",
            "value",
        }
    ):
        raise SignatureError(
            "the signature block must come last and hold only signer and value",
            file=file,
            line=line,
        )
    signer_text = inner["signer"]
    if not isinstance(signer_text, str) or not signer_text.startswith(SIGNER_PREFIX):
        raise SignatureError(
            f"expected {SIGNER_PREFIX}<key>", file=file, field="signature.signer", line=line
        )
    signer = _decode(signer_text, 32, file, "signature.signer")
    value = _decode(inner["value"], 64, file, "signature.value")
    try:
        Ed25519PublicKey.from_public_bytes(signer).verify(value, canonical_body(body))
    except (InvalidSignature, ValueError):
        raise SignatureError(
            "the signature does not match this profile: it was changed after it was signed. "
            "Sign it again with 'safenote practice sign', or ask the therapist for a fresh copy",
            file=file,
            line=line,
        ) from None
    return body, Signature(signer)


def strip_signature(source: str) -> str:
    """The profile text without any signature block (no checks): what gets signed."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    match = _BLOCK_START.search(source)
    return source if match is None else source[: match.start()]


def sign_text(source: str, key: Ed25519PrivateKey) -> str:
    """``source`` with a fresh signature block (an old block is replaced)."""
    body = strip_signature(source).removeprefix("\ufeff").replace("\r\n", "\n")
    body = body.replace("\r", "\n").rstrip() + "\n"
    value = base64.b64encode(key.sign(canonical_body(body))).decode("ascii")
    signer = Signature(public_key_bytes(key)).signer_text
    return (
        f"{body}\n[signature]\n"
        f"# Added by 'safenote practice sign'. Any change above this block needs a new signature.\n"
        f'signer = "{signer}"\nvalue = "{value}"\n'
    )
